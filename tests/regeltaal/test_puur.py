"""maatwerk.regeltaal is pure Python: it never imports Django (as tests/test_architectuur.py checks
for the other pure modules)."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["maatwerk.regeltaal", "maatwerk.toets.voorwaarden", "maatwerk.opmaak"])
def test_does_not_import_django(module):
    code = (
        f"import sys, {module}; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    resultaat = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert resultaat.returncode == 0, f"{module} importeert Django (of faalt): {resultaat.stderr[-500:]}"

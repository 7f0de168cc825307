"""The rules engines and pure logic modules never import Django (the architecture's main line)."""

import subprocess
import sys

import pytest

PUUR = [
    "maatwerk.engine",
    "maatwerk.engine.batch",
    "maatwerk.toets",
    "maatwerk.toets.bewaking",
    "maatwerk.regels.laden",
    "maatwerk.opmaak",
    "maatwerk.apps.clients.bsn",
    "maatwerk.apps.herindicatie.overgang",
    "maatwerk.apps.herindicatie.nulmeting",
    "maatwerk.apps.herindicatie.planning",
    "maatwerk.apps.herindicatie.simulatie",
    "maatwerk.apps.finance.herstel",
    "maatwerk.apps.finance.inkomsten",
]


@pytest.mark.parametrize("module", PUUR)
def test_pure_module_does_not_import_django(module):
    code = (
        f"import sys, {module}; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    resultaat = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert resultaat.returncode == 0, f"{module} importeert Django (of faalt): {resultaat.stderr[-500:]}"

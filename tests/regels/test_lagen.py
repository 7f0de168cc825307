"""maatwerk.regels is the bottom layer: it imports no engine, app, toets or Django code."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "maatwerk.regels.laden",
        "maatwerk.regels.zoekpad",
        "maatwerk.regels.activering",
        "maatwerk.regels.controle",
    ],
)
def test_regels_imports_nothing_above_it(module):
    code = (
        f"import sys, {module}; "
        "boven = [m for m in sys.modules if m.split('.')[0] == 'django' or m.startswith(('maatwerk.engine', "
        "'maatwerk.apps', 'maatwerk.toets', 'maatwerk.web'))]; "
        "print(boven); sys.exit(1 if boven else 0)"
    )
    resultaat = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr[-500:]

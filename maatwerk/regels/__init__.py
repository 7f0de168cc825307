"""Rules as data: dated, cited YAML files, and the one loader that validates them.

Sub-folders hold the data (``normenkaders/``, ``resultatenmatrices/``, ``gemeenten/``, ``beleidstoets/``,
``overgangsbeleid/``, ``tarieven/``, ``termijnen/``, ``iwmo/``). :mod:`maatwerk.regels.laden` reads any
of them into a pydantic model, with Dutch errors that name file, line and key;
:mod:`maatwerk.regels.zoekpad` finds them on the search path (this package, then the directories in
``MAATWERK_REGELS``); :mod:`maatwerk.regels.activering` reads the one file that activates a gemeente;
:mod:`maatwerk.regels.controle` checks a rules directory before it is activated.
"""

from pathlib import Path

REGELS_DIR = Path(__file__).resolve().parent

"""Rules as data: dated, cited YAML files, and the one loader that validates them.

Sub-folders hold the data (``normenkaders/``, ``resultatenmatrices/``, ``beleidstoets/``,
``overgangsbeleid/``, ``tarieven/``, ``termijnen/``); :mod:`maatwerk.regels.laden` reads
any of them into a pydantic model, with Dutch errors that name file, line and key.
"""

from pathlib import Path

REGELS_DIR = Path(__file__).resolve().parent

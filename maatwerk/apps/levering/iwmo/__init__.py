"""iWmo 3.2 for maatwerk: code lists from ``maatwerk/regels/iwmo/`` and the WMO301 toewijzing message.

Pure Python, no Django import (the Django models in ``maatwerk.apps.levering`` map onto this).
"""

from maatwerk.apps.levering.iwmo.wmo301 import (
    IwmoClient,
    Iwmofout,
    IwmoProduct,
    Wmo301Bericht,
    maak_wmo301,
    valideer_wmo301,
)
from maatwerk.iwmo.codes import codelijst, gemeente_iwmo, omschrijving, product_voor

__all__ = [
    "IwmoClient",
    "IwmoProduct",
    "Iwmofout",
    "Wmo301Bericht",
    "codelijst",
    "gemeente_iwmo",
    "maak_wmo301",
    "omschrijving",
    "product_voor",
    "valideer_wmo301",
]

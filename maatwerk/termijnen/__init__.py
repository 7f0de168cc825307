"""Statutory deadlines in one place: the Algemene termijnenwet calendar and the Awb terms (pure Python).

Never imports Django. The days and term lengths are data (``maatwerk/regels/feestdagen/`` and
``maatwerk/regels/awb-termijnen/``, cited and validated on load); this package only counts::

    from maatwerk.termijnen import bezwaartermijn, beslistermijn_bezwaar, klachttermijn, werkdagen_na
    bezwaartermijn(dt.date(2026, 5, 4)).einddatum        # last day to object, after the Atw
    werkdagen_na(dt.date(2026, 4, 24), 3)                 # iWmo: the 3rd working day after receipt
"""

from .awb import (
    OngeldigeTermijn,
    Uitkomst,
    Verschuiving,
    atw_van_toepassing,
    beslistermijn_bezwaar,
    bezwaartermijn,
    dwangsom,
    klachttermijn,
    wettelijke_termijn,
)
from .kalender import (
    KalenderOnbekend,
    eerstvolgende_werkdag,
    feestdag,
    feestdagen,
    is_werkdag,
    pasen,
    werkdagen_na,
    werkdagen_tussen,
)

__all__ = [
    "KalenderOnbekend",
    "OngeldigeTermijn",
    "Uitkomst",
    "Verschuiving",
    "atw_van_toepassing",
    "beslistermijn_bezwaar",
    "bezwaartermijn",
    "dwangsom",
    "eerstvolgende_werkdag",
    "feestdag",
    "feestdagen",
    "is_werkdag",
    "klachttermijn",
    "pasen",
    "werkdagen_na",
    "werkdagen_tussen",
    "wettelijke_termijn",
]

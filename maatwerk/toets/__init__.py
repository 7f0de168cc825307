"""De beleidstoets: a municipality's household-help policy tested against the Wmo 2015 and CRvB case law.

Pure Python (never imports Django)::

    from maatwerk.toets import laad_beleid, toets_beleid
    oordeel = toets_beleid(laad_beleid("examples/beleid/01-voorbeeldstad.yaml"))
    oordeel.oordeel, oordeel.voorwaarden, oordeel.ontbrekend, oordeel.bevindingen
"""

from maatwerk.toets.beleid import Beleid, laad_beleid, lees_beleid
from maatwerk.toets.oordeel import Bevinding, Oordeel, aggregeer, toets_beleid

__all__ = ["Beleid", "Bevinding", "Oordeel", "aggregeer", "laad_beleid", "lees_beleid", "toets_beleid"]

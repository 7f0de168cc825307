"""Step 1: niveau and applicability.

``niveau`` follows from the activity's categories in ``beperkingen``: all ``zelf`` -> zelf, all ``niet`` ->
niet, otherwise deels. Niveau zelf, or an ``alleen_als`` voorwaarde that fails: the activity does not
apply (0 minutes, left out of the output) unless the consulent set an afwijking (step 10).
"""

from __future__ import annotations

import numpy as np

from maatwerk.engine.stappen.feiten import alle, alle_kolom, gebruikte_feiten
from maatwerk.engine.stappen.toestand import Enkel, Feit, Kolommen

NIVEAUS: tuple[str, ...] = ("zelf", "deels", "niet")  # codes 0, 1, 2
NIVEAU_TEKST = {"niet": "u dit niet zelf kunt", "deels": "u dit maar voor een deel zelf kunt"}


def enkel(t: Enkel) -> None:
    niveaus = {getattr(t.s.beperkingen, c) for c in t.a.categorieen}
    t.niveau = "zelf" if niveaus == {"zelf"} else "niet" if niveaus == {"niet"} else "deels"
    netwerk = any((t.f.get(f"netwerk.{cat}") or 0) > 0 for cat in t.a.categorieen)
    t.f = {**t.f, "niveau": t.niveau, "netwerk": netwerk}
    t.van_toepassing = t.niveau != "zelf" and alle(t.a.alleen_als, t.f)
    if t.van_toepassing and t.a.alleen_als:
        t.stap(
            "voorwaarden",
            t.a.norm.bron,
            gebruikte_feiten(t.a.alleen_als, t.f),
            0.0,
            "Van toepassing: aan de voorwaarden van deze activiteit is voldaan.",
            t.a.norm.voorbeeld,
        )


def kolom(k: Kolommen) -> None:
    zelf = np.ones(k.n, bool)
    niet = np.ones(k.n, bool)
    netwerk = np.zeros(k.n, bool)  # the network's minutes before any activity consumed them
    for cat in k.a.categorieen:
        zelf &= k.inv.beperking[cat] == 0
        niet &= k.inv.beperking[cat] == 2
        netwerk |= k.inv.netwerk[cat] > 0
    niveau = np.where(zelf, 0, np.where(niet, 2, 1)).astype(np.int8)
    k.feiten = {**k.feiten, "niveau": Feit(niveau, None, NIVEAUS), "netwerk": Feit(netwerk)}
    k.reken = ~zelf & alle_kolom(k.a.alleen_als, k.feiten, k.n)

"""Step 7: the network (only with ``netwerk_aftrek``; Wmo 2015 art. 2.3.2 lid 4).

The network's minutes per category form pools, consumed in activity file order and, within an activity,
in its category order: aftrek = min(subtotal, pool); subtotal -= aftrek; pool -= aftrek. So the
deduction never exceeds what the network actually gives.
"""

from __future__ import annotations

import numpy as np

from maatwerk.engine.gecompileerd import komma
from maatwerk.engine.stappen.toestand import Enkel, Kolommen

BRON = "Wmo 2015 art. 2.3.2 lid 4 (eigen kracht en netwerk gaan voor)"


def enkel(t: Enkel) -> None:
    if not t.rekent or not t.a.netwerk_aftrek:
        return
    for cat in t.a.categorieen:
        pool = t.pools.get(cat, 0.0)
        if pool <= 0 or t.minuten <= 0:
            continue
        aftrek = min(t.minuten, pool)
        t.minuten -= aftrek
        t.pools[cat] = pool - aftrek
        wie = ", ".join(n.wie for n in t.s.netwerk if n.taak == cat)
        t.stap(
            "netwerk",
            BRON,
            {"taak": cat, "netwerk_minuten_beschikbaar": round(pool, 2), "wie": wie},
            -aftrek,
            f"Netwerk ({wie}) doet hiervan {komma(aftrek, 1)} minuten per week "
            f"(het netwerk geeft {komma(pool, 1)} minuten per week).",
        )
        t.aftrek_redenen.append(f"uw netwerk ({wie}) hier {aftrek:.0f} minuten per week bij helpt")


def kolom(k: Kolommen) -> None:
    if not k.a.netwerk_aftrek:
        return
    for cat in k.a.categorieen:
        pool = k.pools[cat]
        doe = k.reken & (pool > 0) & (k.m > 0)
        aftrek = np.minimum(k.m, pool)
        np.subtract(k.m, aftrek, out=k.m, where=doe)
        np.subtract(pool, aftrek, out=pool, where=doe)

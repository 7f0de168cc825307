"""Bridge between the onderzoek form and the normenkader engine (``maatwerk.engine``).

The engine is imported lazily so Django start-up does not pay for loading the kaders.
``bereken(data)`` validates a situation dict and returns (situatie, indicatie) or Dutch errors. It stores
nothing: :func:`maatwerk.apps.onderzoek.services.sla_onderzoek_op` records the result as an Indicatie.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from maatwerk.regels.laden import Regelfout

if TYPE_CHECKING:
    from maatwerk.engine.indicatie import Indicatie


@dataclass
class Uitkomst:
    situatie: dict[str, Any] | None
    indicatie: Indicatie | None
    fouten: list[str]


def bereken(data: dict[str, Any]) -> Uitkomst:
    """Validate ``data`` as an engine Situatie and compute the indication."""
    from maatwerk.engine import indiceer
    from maatwerk.engine.situatie import situatie_uit_data

    try:
        situatie = situatie_uit_data(data)
    except Regelfout as fout:
        return Uitkomst(
            None, None, [f"{m.sleutel}: {m.tekst}" if m.sleutel else m.tekst for m in fout.meldingen]
        )
    try:
        indicatie = indiceer(situatie)
    except Regelfout as fout:
        return Uitkomst(situatie.model_dump(mode="json"), None, [str(m) for m in fout.meldingen])
    except (ValueError, LookupError) as exc:
        return Uitkomst(
            situatie.model_dump(mode="json"), None, [f"De indicatie kon niet worden berekend: {exc}"]
        )
    return Uitkomst(situatie.model_dump(mode="json", exclude_defaults=False), indicatie, [])

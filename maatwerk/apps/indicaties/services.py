"""Recording an indication: one new immutable row per save, in the caller's transaction, audited."""

from __future__ import annotations

import functools
import hashlib
from typing import Any

from django.db import transaction

from maatwerk.apps.audit import log_persoonsgegevens
from maatwerk.engine.indicatie import Indicatie as EngineIndicatie
from maatwerk.engine.serialisatie import indicatie_naar_json
from maatwerk.regels.laden import Regelfout

from .models import Indicatie, IndicatieOnveranderlijk

__all__ = ["Indicatie", "IndicatieOnveranderlijk", "leg_vast", "regelbestand_sha256"]


def regelbestand_sha256(indicatie: EngineIndicatie) -> str:
    """SHA-256 of the normenkader file the engine used ("" when the file cannot be found)."""
    from maatwerk.engine.kaders import bestand_van, register

    try:
        kader = register().normenkader(indicatie.kader, indicatie.peildatum)
    except Regelfout:
        return ""
    pad = bestand_van(kader)
    if pad is None or not pad.exists():
        return ""
    return _sha256(str(pad), pad.stat().st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _sha256(pad: str, mtime_ns: int) -> str:
    with open(pad, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def leg_vast(zaak: Any, user: Any, situatie: dict[str, Any], indicatie: EngineIndicatie) -> Indicatie:
    """Store ``indicatie`` (computed from ``situatie``) for ``zaak`` as a new immutable row."""
    with transaction.atomic():
        rij = Indicatie(
            zaak=zaak,
            situatie=situatie,
            resultaat=indicatie_naar_json(indicatie),
            kader=indicatie.kader,
            kader_versie=indicatie.kader_versie,
            regelbestand_sha256=regelbestand_sha256(indicatie),
            aangemaakt_door=user if getattr(user, "is_authenticated", False) else None,
        )
        rij.save()
        log_persoonsgegevens(
            user,
            zaak.client,
            "schrijven",
            f"indicatie {rij.pk} vastgelegd ({rij.kader_at_versie}) zaak {zaak.pk}",
            "onderzoek / keukentafelgesprek",
        )
        return rij

"""``/berichten``: the iWmo messages exchanged with aanbieders (read only; scope ``berichten:lezen``).

An aanbieder's application sees only its own exchange. The answer holds the message's data, status and
retourcodes, not the XML itself.
"""

from __future__ import annotations

import uuid

from django.http import HttpRequest
from ninja import Query, Router
from pydantic import Field

from maatwerk.apps.berichten.models import Berichtstatus, Richting

from .. import selectors
from ..auth import vereist
from ..schemas import Bericht, Berichtenlijst, BerichtstatusWaarde, Datum, RichtingWaarde
from . import weergave
from .zaken import Zaakkoppeling, lijst

router = Router(tags=["berichten"])
LEZEN = "berichten:lezen"


class Berichtfilters(Zaakkoppeling):
    status: BerichtstatusWaarde | None = Field(
        None, description="Alleen berichten met deze status: " + ", ".join(Berichtstatus.values) + "."
    )
    richting: RichtingWaarde | None = Field(
        None, description="in (ontvangen) of uit (verzonden): " + ", ".join(Richting.values) + "."
    )
    berichttype: str | None = Field(None, pattern=r"^WMO\d{3}$", description="Bijvoorbeeld WMO301.")
    aanbieder: str | None = Field(None, pattern=r"^\d{8}$", description="AGB-code van de aanbieder.")
    dagtekeningVanaf: Datum | None = Field(None, description="Dagtekening op of na deze dag.")  # noqa: N815
    dagtekeningTot: Datum | None = Field(None, description="Dagtekening op of vóór deze dag.")  # noqa: N815


@router.get("/berichten", response=Berichtenlijst, summary="iWmo-berichten zoeken")
def berichten(request: HttpRequest, filters: Query[Berichtfilters]) -> dict:
    """Ontvangen en verzonden iWmo-berichten, nieuwste eerst (scope `berichten:lezen`)."""
    return lijst(
        request,
        filters,
        LEZEN,
        selectors.berichten,
        weergave.bericht,
        status=filters.status,
        richting=filters.richting,
        berichttype=filters.berichttype,
        aanbieder=filters.aanbieder,
        zaak=filters.zaak,
        vanaf=filters.dagtekeningVanaf,
        tot=filters.dagtekeningTot,
    )


@router.get("/berichten/{uuid}", response=Bericht, summary="Eén iWmo-bericht")
def bericht(request: HttpRequest, uuid: uuid.UUID) -> dict:
    """Het bericht: type, afzender en ontvanger, status, retourcodes en waarop het antwoordt (scope
    `berichten:lezen`)."""
    vereist(request, LEZEN)
    return weergave.bericht(selectors.bericht(request.user, uuid))

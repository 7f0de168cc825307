"""``POST /indicaties/berekeningen``: an explained indication from a situation; stores nothing.

The situation is validated by the engine itself (:func:`maatwerk.apps.onderzoek.engine.bereken`, the same
bridge the onderzoek page uses), so its Dutch errors name the field. The document shows the engine's
situation schema as the request body.
"""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from ninja import Router

from maatwerk.apps.onderzoek.engine import bereken

from ..auth import vereist
from ..problemen import probleem
from ..schemas import Berekening

router = Router(tags=["indicaties"])


def situatie_schema() -> dict:
    from maatwerk.engine.situatie import Situatie

    return Situatie.model_json_schema(ref_template="#/components/schemas/{model}")


@router.post(
    "/indicaties/berekeningen",
    response={200: Berekening},
    summary="Een indicatie berekenen (niets opslaan)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Situatie"}}},
        }
    },
)
def bereken_indicatie(request: HttpRequest) -> HttpResponse | dict:
    """Berekent de uitgelegde indicatie voor een situatie (scope `indicaties:berekenen`).

    Voor een frontoffice, een simulatie of een aanbieder: er wordt niets opgeslagen en er zijn geen
    persoonsgegevens nodig (geen naam, geen BSN). Het normenkader volgt uit gemeente en peildatum.
    """
    vereist(request, "indicaties:berekenen")
    try:
        data = json.loads(request.body or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return probleem(400, "De inhoud van het verzoek is geen geldige JSON.", request.path)
    if not isinstance(data, dict):
        return probleem(400, "Een situatie is een JSON-object (sleutel: waarde).", request.path)
    uitkomst = bereken(data)
    if uitkomst.indicatie is None:
        velden = [_veld(f) for f in uitkomst.fouten]
        return probleem(400, "De indicatie is niet berekend: verbeter de situatie.", request.path, velden)
    from maatwerk.engine.serialisatie import indicatie_naar_json

    i = uitkomst.indicatie
    return {
        "kader": i.kader,
        "kaderVersie": i.kader_versie,
        "peildatum": i.peildatum,
        "urenPerWeek": i.uren_per_week,
        "indicatie": indicatie_naar_json(i),
    }


def _veld(fout: str) -> tuple[str, str]:
    """ "sleutel: tekst" (the engine's form) as (field, message)."""
    kop, _, rest = fout.partition(": ")
    if rest and " " not in kop:
        return kop, rest
    return "", fout

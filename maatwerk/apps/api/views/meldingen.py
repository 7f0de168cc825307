"""``POST /meldingen``: register a melding with exactly the web form's validation, then the service."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from maatwerk.apps.cases import services
from maatwerk.apps.cases.forms import MeldingForm

from ..auth import vereist
from ..formulier import camel, formulierdata, schema_van, veldfouten
from ..problemen import probleem
from ..schemas import ZaakSamenvatting
from . import weergave

router = Router(tags=["meldingen"])

Melding = schema_van(
    MeldingForm,
    "Melding",
    "Een melding zoals het intakeformulier van de gemeente die vastlegt (dezelfde velden en controles "
    "als het formulier 'Nieuwe melding'). Een volledige melding heeft een BSN (elfproef).",
)

_CLIENTVELDEN = (
    "bsn",
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "telefoon",
)


@router.post("/meldingen", response={201: ZaakSamenvatting}, summary="Een melding registreren")
def registreer(
    request: HttpRequest,
    melding: Melding,
    response: HttpResponse,  # type: ignore[valid-type]
) -> HttpResponse | Status:
    """Registreert de melding en start de zaak (scope `meldingen:schrijven`).

    De cliënt wordt op BSN gevonden, anders nieuw aangemaakt. Bij een fout is niets opgeslagen.
    Het antwoord is de nieuwe zaak; volg die op `url`.
    """
    vereist(request, "meldingen:schrijven")
    form = MeldingForm(formulierdata(MeldingForm, melding.model_dump()))  # type: ignore[attr-defined]
    if not form.is_valid():
        return _ongeldig(request, veldfouten(form))
    d = form.cleaned_data
    gegevens = services.Meldinggegevens(
        client=services.Clientgegevens(
            geboortedatum=d["geboortedatum"],
            **{v: d.get(v) or "" for v in _CLIENTVELDEN if v != "geboortedatum"},
        ),
        kanaal=d["kanaal"],
        vraag=d["vraag"],
        melddatum=d["melddatum"],
        soort_melding=d["soort_melding"],
        spoed=d["spoed"],
    )
    try:
        zaak = services.registreer_melding(gegevens, door=request.user)
    except services.Zaakfout as fout:
        return _ongeldig(request, [(camel(fout.veld) if fout.veld else "", str(fout))])
    antwoord = weergave.zaak_samenvatting(zaak)
    response["Location"] = antwoord["url"]
    return Status(201, antwoord)


def _ongeldig(request: HttpRequest, velden: list[tuple[str, str]]) -> HttpResponse:
    return probleem(
        400, "De melding is niet geregistreerd: verbeter de velden in invalidParams.", request.path, velden
    )

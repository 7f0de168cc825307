"""cases.services: each state change is one function, refuses bad input in Dutch, stores nothing then,
and writes its audit entry in the same transaction (an audit failure rolls the change back)."""

from __future__ import annotations

import datetime as dt

import pytest

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.cases import selectors, services
from maatwerk.apps.cases.models import Opschorting, SoortMelding, Status, StatusEvent, Zaak
from maatwerk.apps.cases.services import Clientgegevens, Meldinggegevens, Zaakfout
from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.clients.models import Client

from .conftest import maak_zaak

pytestmark = pytest.mark.django_db


def _melding(**wijziging) -> Meldinggegevens:
    client = Clientgegevens(
        achternaam="Visser",
        geboortedatum=dt.date(1938, 7, 1),
        bsn=maak_bsn(33_000_001),
        straat="Lindelaan",
        huisnummer="12",
        postcode="2011AB",
        woonplaats="Voorbeeldstad",
    )
    velden = {"client": client, "kanaal": "telefoon", "vraag": "Hulp", "melddatum": dt.date(2024, 1, 10)}
    return Meldinggegevens(**(velden | wijziging))


def _schrijfregels() -> int:
    return AuditRegel.objects.filter(actie="schrijven").count()


def _audit_faalt(monkeypatch) -> None:
    def weiger(*args, **kwargs):
        raise RuntimeError("auditlog niet bereikbaar")

    monkeypatch.setattr(services, "log_persoonsgegevens", weiger)


def test_melding_stores_client_zaak_event_and_audit(consulent):
    zaak = services.registreer_melding(_melding(spoed=True), door=consulent)
    assert zaak.client.postcode == "2011 AB" and zaak.consulent == consulent and zaak.spoed
    assert StatusEvent.objects.get(zaak=zaak).toelichting == "melding via telefoon (spoed)"
    regel = AuditRegel.objects.get(actie="schrijven")
    assert (regel.client, regel.wat) == (zaak.client, "nieuwe cliënt en melding")
    tweede = services.registreer_melding(_melding(), door=consulent)
    assert tweede.client == zaak.client  # found by BSN
    assert AuditRegel.objects.filter(wat="melding bij bestaande cliënt").count() == 1


@pytest.mark.parametrize(
    ("wijziging", "veld", "tekst"),
    [
        ({"melddatum": dt.date(2999, 1, 1)}, "melddatum", "De melddatum kan niet in de toekomst liggen."),
        (
            {"client": Clientgegevens(achternaam="X")},
            "bsn",
            "Bij een volledige melding is het BSN verplicht.",
        ),
        (
            {"client": Clientgegevens(achternaam="X", bsn="123456789")},
            "bsn",
            "Dit BSN klopt niet (het voldoet niet aan de elfproef).",
        ),
        ({"kanaal": "duif"}, "kanaal", "is geen geldige keuze"),
    ],
)
def test_bad_melding_is_refused_in_dutch_and_nothing_is_stored(consulent, wijziging, veld, tekst):
    with pytest.raises(Zaakfout, match=tekst.replace("(", r"\(").replace(")", r"\)")) as fout:
        services.registreer_melding(_melding(**wijziging), door=consulent)
    assert fout.value.veld == veld
    assert (Client.objects.count(), Zaak.objects.count(), _schrijfregels()) == (0, 0, 0)


def test_audit_failure_rolls_the_melding_back(consulent, monkeypatch):
    _audit_faalt(monkeypatch)
    with pytest.raises(RuntimeError):
        services.registreer_melding(_melding(), door=consulent)
    assert (Client.objects.count(), Zaak.objects.count(), StatusEvent.objects.count()) == (0, 0, 0)


def test_status_change_with_audit_and_its_refusals(zaak, consulent, monkeypatch):
    with pytest.raises(Zaakfout, match="Geef bij afwijzen") as fout:
        services.wijzig_status(zaak, Status.INGETROKKEN, consulent)
    assert fout.value.veld == "toelichting"
    with pytest.raises(Zaakfout, match="kan niet naar") as fout:
        services.wijzig_status(zaak, Status.LEVERING_GESTART, consulent)
    assert fout.value.veld == "naar"
    assert _schrijfregels() == 0
    services.wijzig_status(zaak, Status.AANVRAAG, consulent, datum=zaak.melddatum)
    zaak.refresh_from_db()
    assert (zaak.status, zaak.aanvraagdatum) == (Status.AANVRAAG, zaak.melddatum)
    assert AuditRegel.objects.filter(wat=f"status zaak {zaak.pk} → aanvraag").count() == 1
    _audit_faalt(monkeypatch)
    with pytest.raises(RuntimeError):
        services.wijzig_status(zaak, Status.INGETROKKEN, consulent, toelichting="cliënt trekt in")
    assert Zaak.objects.get(pk=zaak.pk).status == Status.AANVRAAG  # rolled back with the audit


def test_opschorting_start_and_end(zaak, consulent):
    with pytest.raises(Zaakfout, match="vóór de melddatum"):
        services.start_opschorting(zaak, zaak.melddatum - dt.timedelta(days=1), "wacht", consulent)
    opschorting = services.start_opschorting(zaak, zaak.melddatum, "wacht op stukken", consulent)
    with pytest.raises(Zaakfout, match="Er loopt al een opschorting"):
        services.start_opschorting(zaak, zaak.melddatum, "nog een", consulent)
    with pytest.raises(Zaakfout, match="vóór de begindatum"):
        services.beeindig_opschorting(zaak, opschorting.pk, zaak.melddatum - dt.timedelta(days=1), consulent)
    services.beeindig_opschorting(zaak, opschorting.pk, zaak.melddatum, consulent)
    assert Opschorting.objects.get(pk=opschorting.pk).tot == zaak.melddatum
    with pytest.raises(Zaakfout, match="geen lopende opschorting"):
        services.beeindig_opschorting(zaak, opschorting.pk, zaak.melddatum, consulent)
    assert _schrijfregels() == 2


def test_spoed_only_on_a_spoedzaak(zaak, consulent):
    with pytest.raises(Zaakfout, match="geen spoedzaak"):
        services.leg_spoed_vast(zaak, "vervolgcontact_op", dt.date.today(), consulent)
    spoedzaak = maak_zaak(consulent, nummer=2, spoed=True)
    services.leg_spoed_vast(spoedzaak, "vervolgcontact_op", dt.date.today(), consulent)
    assert Zaak.objects.get(pk=spoedzaak.pk).vervolgcontact_op == dt.date.today()
    with pytest.raises(Zaakfout, match="toekomst"):
        services.leg_spoed_vast(
            spoedzaak, "vervolgcontact_op", dt.date.today() + dt.timedelta(days=1), consulent
        )


def test_aanbieder_is_fixed_after_the_besluit(zaak, consulent, aanbieders):
    services.wijs_toe(zaak, consulent, aanbieders[0], consulent)
    assert Zaak.objects.get(pk=zaak.pk).aanbieder == aanbieders[0]
    Zaak.objects.filter(pk=zaak.pk).update(status=Status.BESLUIT)
    zaak.refresh_from_db()
    with pytest.raises(Zaakfout, match="De aanbieder staat in de beschikking") as fout:
        services.wijs_toe(zaak, consulent, aanbieders[1], consulent)
    assert fout.value.veld == "aanbieder"
    services.wijs_toe(zaak, None, aanbieders[0], consulent)  # the consulent may still change


def test_client_change_completes_a_vormvrije_melding(consulent):
    zaak = services.registreer_melding(
        _melding(client=Clientgegevens(achternaam="Bos"), soort_melding=SoortMelding.VORMVRIJ), door=consulent
    )
    andere = maak_zaak(consulent, nummer=5)
    with pytest.raises(Zaakfout, match="hoort al bij een andere cliënt"):
        services.wijzig_client(zaak, Clientgegevens(achternaam="Bos", bsn=andere.client.bsn), consulent)
    gewijzigd = services.wijzig_client(
        zaak, Clientgegevens(achternaam="Bos", bsn=maak_bsn(33_000_008), telefoon="0701234567"), consulent
    )
    assert gewijzigd == ["bsn", "telefoon"]
    assert Zaak.objects.get(pk=zaak.pk).soort_melding == SoortMelding.VOLLEDIG
    with pytest.raises(Zaakfout, match="Een bekend BSN kan niet worden verwijderd"):
        services.wijzig_client(zaak, Clientgegevens(achternaam="Bos"), consulent)
    assert AuditRegel.objects.filter(wat="cliëntgegevens gewijzigd: bsn, telefoon").count() == 1


def test_closed_zaak_cannot_change(zaak, consulent):
    services.wijzig_status(zaak, Status.INGETROKKEN, consulent, toelichting="ingetrokken")
    with pytest.raises(Zaakfout, match="afgesloten"):
        services.start_opschorting(zaak, zaak.melddatum, "te laat", consulent)


def test_selectors_log_each_read(zaak, consulent, aanbieder_noord):
    gelezen = selectors.zaak_inzien(consulent, zaak.pk, "zaakpagina test")
    assert gelezen == zaak
    assert AuditRegel.objects.filter(actie="lezen", wat="zaakpagina test", client=zaak.client).count() == 1
    with pytest.raises(Zaak.DoesNotExist):  # not this aanbieder's zaak: no read, no audit
        selectors.zaak_inzien(aanbieder_noord, zaak.pk, "zaakpagina aanbieder")
    assert not AuditRegel.objects.filter(wat="zaakpagina aanbieder").exists()

"""Bad input on every form: a clear Dutch message naming the field, and nothing stored."""

from __future__ import annotations

import datetime as dt

import pytest

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.cases.models import Opschorting, Zaak
from maatwerk.apps.clients.models import Client
from maatwerk.apps.onderzoek.models import Onderzoek

from .test_locking import formulier

GOEDE_MELDING = {
    "soort_melding": "volledig",
    "melddatum": "2024-01-10",
    "kanaal": "telefoon",
    "vraag": "Hulp bij schoonmaken",
    "bsn": "123456782",
    "voornamen": "Anna",
    "achternaam": "Visser",
    "geboortedatum": "1938-07-01",
    "straat": "Lindelaan",
    "huisnummer": "12",
    "postcode": "2011 AB",
    "woonplaats": "Voorbeeldstad",
}


def _aantallen() -> tuple[int, int, int, int]:
    return (
        Client.objects.count(),
        Zaak.objects.count(),
        Opschorting.objects.count(),
        Onderzoek.objects.count(),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "wijziging, melding",
    [
        ({"bsn": "123456789"}, "BSN: Dit BSN klopt niet (het voldoet niet aan de elfproef)."),
        ({"bsn": "12ab"}, "BSN: Een BSN bestaat uit precies 9 cijfers."),
        ({"bsn": ""}, "BSN: Bij een volledige melding is het BSN verplicht."),
        ({"achternaam": ""}, "Achternaam: Dit veld is verplicht."),
        ({"postcode": "ABCD 12"}, "Postcode: Vul een postcode in als 1234 AB."),
        ({"melddatum": "2999-01-01"}, "Melddatum: De melddatum kan niet in de toekomst liggen."),
        ({"melddatum": "31-02-2024"}, "Melddatum: Vul een geldige datum in (JJJJ-MM-DD)."),
        ({"geboortedatum": "1800-01-01"}, "Geboortedatum: Deze geboortedatum ligt meer dan 120 jaar terug"),
        ({"kanaal": "duif"}, "Kanaal: Selecteer een geldige keuze"),
        ({"vraag": ""}, "Hulpvraag: Dit veld is verplicht."),
    ],
)
def test_melding_met_foute_invoer(client, consulent, wijziging, melding):
    client.force_login(consulent)
    voor = _aantallen()
    response = client.post("/zaken/melding/", {**GOEDE_MELDING, **wijziging})
    assert response.status_code == 200
    html = response.content.decode()
    assert melding in html and "Er is niets opgeslagen" in html
    assert _aantallen() == voor
    assert not AuditRegel.objects.filter(actie="schrijven").exists()


@pytest.mark.django_db
def test_vormvrije_melding_zonder_bsn(client, consulent):
    client.force_login(consulent)
    response = client.post(
        "/zaken/melding/", {**GOEDE_MELDING, "soort_melding": "vormvrij", "bsn": "", "spoed": "on"}
    )
    assert response.status_code == 302
    zaak = Zaak.objects.get()
    assert zaak.client.bsn is None and zaak.spoed and zaak.statusevents.count() == 1


@pytest.mark.django_db
def test_opschorting_foute_invoer(client, consulent, zaak):
    client.force_login(consulent)
    voor = _aantallen()
    html = client.post(
        f"/zaken/{zaak.pk}/opschorten/", {"van": "2026-05-10", "tot": "2026-05-01", "reden": ""}
    ).content.decode()
    assert "Tot en met (leeg = loopt nog): De einddatum ligt vóór de begindatum." in html
    assert "Reden: Dit veld is verplicht." in html
    html = client.post(f"/zaken/{zaak.pk}/opschorten/", {"van": "2000-01-01", "reden": "x"}).content.decode()
    assert "niet vóór de melddatum" in html
    assert _aantallen() == voor


@pytest.mark.django_db
def test_opschorting_goed_en_dubbel(client, consulent, zaak):
    client.force_login(consulent)
    vandaag = dt.date.today().isoformat()
    assert (
        client.post(f"/zaken/{zaak.pk}/opschorten/", {"van": vandaag, "reden": "wacht op info"}).status_code
        == 302
    )
    response = client.post(f"/zaken/{zaak.pk}/opschorten/", {"van": vandaag, "reden": "nog een"})
    assert response.status_code == 400 and "Er loopt al een opschorting" in response.content.decode()
    assert Opschorting.objects.count() == 1


@pytest.mark.django_db
def test_spoed_op_gewone_zaak_en_toekomst(client, consulent, zaak):
    client.force_login(consulent)
    response = client.post(
        f"/zaken/{zaak.pk}/spoed/", {"mijlpaal": "vervolgcontact_op", "datum": dt.date.today().isoformat()}
    )
    assert response.status_code == 400 and "geen spoedzaak" in response.content.decode()
    zaak.spoed = True
    zaak.save()
    response = client.post(
        f"/zaken/{zaak.pk}/spoed/", {"mijlpaal": "vervolgcontact_op", "datum": "2999-01-01"}
    )
    assert (
        response.status_code == 400
        and "Datum: De datum kan niet in de toekomst liggen." in response.content.decode()
    )
    zaak.refresh_from_db()
    assert zaak.vervolgcontact_op is None


@pytest.mark.django_db
def test_toewijzen_onbekende_aanbieder(client, consulent, zaak):
    client.force_login(consulent)
    response = client.post(f"/zaken/{zaak.pk}/toewijzen/", {"consulent": consulent.pk, "aanbieder": 99999})
    assert (
        response.status_code == 400
        and "Aanbieder: Kies een waarde uit de lijst." in response.content.decode()
    )
    zaak.refresh_from_db()
    assert zaak.aanbieder is None


@pytest.mark.django_db
def test_status_afwijzen_zonder_reden(client, consulent, zaak):
    from maatwerk.apps.cases.status import zet_status

    zet_status(zaak, "aanvraag", consulent)
    client.force_login(consulent)
    response = client.post(f"/zaken/{zaak.pk}/status/", {"naar": "afgewezen", "toelichting": ""})
    assert response.status_code == 400
    assert (
        "Toelichting: Geef bij afwijzen, intrekken of beëindigen altijd de reden."
        in response.content.decode()
    )
    zaak.refresh_from_db()
    assert zaak.status == "aanvraag"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "wijziging, melding",
    [
        ({"s-kamers_in_gebruik": "-2"}, "Kamers in gebruik: Zorg ervoor dat deze waarde minstens 0 is."),
        ({"s-kamers_in_gebruik": "veel"}, "Kamers in gebruik: Vul een geheel getal in."),
        ({"s-beperking_wasverzorging": "soms"}, "Wasverzorging: Selecteer een geldige keuze"),
        ({"s-lid0_rol": "partner"}, "Vul de geboortedatum van deze huisgenoot in."),
        ({"s-netwerk0_wie": "buurman"}, "Vul wie, welke taak en hoeveel minuten allemaal in."),
        ({"gespreksdatum": "2999-01-01"}, "Het gesprek kan niet in de toekomst hebben plaatsgevonden."),
        (
            {"afw_min_schoon_huis": "300", "afw_mot_schoon_huis": "kort"},
            "Afwijken mag alleen met een motivatie",
        ),
        (
            {"afw_min_schoon_huis": "veel", "afw_mot_schoon_huis": "Cliënt heeft veel extra zorg nodig"},
            "Minuten per week: vul een geheel getal",
        ),
        (
            {"afw_min_bestaat_niet": "30", "afw_mot_bestaat_niet": "Motivatie die lang genoeg is"},
            "bestaat niet in normenkader",
        ),
        ({"afronden": "1"}, "Schrijf het verslag voordat u het onderzoek afrondt."),
    ],
)
def test_onderzoek_foute_invoer(client, consulent, zaak, wijziging, melding):
    client.force_login(consulent)
    voor = _aantallen()
    data = formulier(0, "" if "afronden" in wijziging else "verslag")
    data.update(wijziging)
    response = client.post(f"/zaken/{zaak.pk}/".replace("zaken", "onderzoek"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert melding in html, html[html.find("utrecht-alert") :][:1500]
    assert "Er is niets opgeslagen" in html
    assert _aantallen() == voor
    zaak.refresh_from_db()
    assert zaak.status == "ontvangen"


@pytest.mark.django_db
def test_onderzoek_afwijking_met_motivatie_telt(client, consulent, zaak):
    client.force_login(consulent)
    data = formulier(
        0,
        "verslag",
        afw_min_schoon_huis="200",
        afw_mot_schoon_huis="Cliënt is incontinent; wekelijks extra verschonen nodig.",
    )
    assert client.post(f"/onderzoek/{zaak.pk}/", data).status_code == 302
    ond = Onderzoek.objects.get(zaak=zaak)
    schoon = next(a for a in ond.indicatie["activiteiten"] if a["id"] == "schoon_huis")
    assert schoon["minuten_per_week"] == 200 and schoon["afgeweken"]
    assert ond.situatie["afwijkingen"][0]["motivatie"].startswith("Cliënt is incontinent")
    zaak.refresh_from_db()
    assert zaak.status == "in_onderzoek"


@pytest.mark.django_db
def test_reactie_leeg(client, consulent, zaak):
    Onderzoek.objects.create(zaak=zaak, verslag="verslag")
    client.force_login(consulent)
    response = client.post(f"/onderzoek/{zaak.pk}/reactie/", {"versie": 1, "client_reactie": ""}, follow=True)
    assert "Reactie niet opgeslagen" in response.content.decode()
    assert Onderzoek.objects.get(zaak=zaak).client_reactie == ""


@pytest.mark.django_db
def test_htmx_indicatie_rekent_zonder_opslaan(client, consulent, zaak):
    client.force_login(consulent)
    niet = client.post(
        f"/onderzoek/{zaak.pk}/indicatie/", formulier(0, "", licht="niet"), HTTP_HX_REQUEST="true"
    )
    zelf = client.post(
        f"/onderzoek/{zaak.pk}/indicatie/", formulier(0, "", licht="zelf"), HTTP_HX_REQUEST="true"
    )
    assert niet.status_code == zelf.status_code == 200
    assert "minuten per week" in niet.content.decode() and niet.content != zelf.content
    assert "<html" not in niet.content.decode()
    assert Onderzoek.objects.count() == 0


@pytest.mark.django_db
def test_clientgegevens_aanvullen_en_foute_invoer(client, consulent, zaak):
    from .conftest import maak_zaak

    ander = maak_zaak(consulent, nummer=5)
    client.force_login(consulent)
    goed = {
        "achternaam": "Persoon1",
        "geboortedatum": "1940-05-01",
        "straat": "Dorpsstraat",
        "huisnummer": "1",
        "postcode": "1234AB",
        "woonplaats": "Voorbeeldstad",
        "bsn": "",
    }
    response = client.post(f"/zaken/{zaak.pk}/client/", {**goed, "bsn": ander.client.bsn})
    assert (
        response.status_code == 400
        and "BSN: Dit BSN hoort al bij een andere cliënt." in response.content.decode()
    )
    response = client.post(f"/zaken/{zaak.pk}/client/", {**goed, "email": "geen-mail"})
    assert (
        response.status_code == 400 and "E-mail: Vul een geldig e-mailadres in." in response.content.decode()
    )
    zaak.client.refresh_from_db()
    assert zaak.client.email == "" and zaak.client.bsn != ander.client.bsn
    response = client.post(f"/zaken/{zaak.pk}/client/", goed)
    assert (
        response.status_code == 400
        and "Een bekend BSN kan niet worden verwijderd." in response.content.decode()
    )
    bsn = zaak.client.bsn
    assert (
        client.post(f"/zaken/{zaak.pk}/client/", {**goed, "bsn": bsn, "telefoon": "06-12345678"}).status_code
        == 302
    )
    zaak.client.refresh_from_db()
    assert zaak.client.telefoon == "06-12345678" and zaak.client.bsn == bsn
    from maatwerk.apps.audit.models import AuditRegel

    assert AuditRegel.objects.filter(client=zaak.client, actie="schrijven", wat__contains="telefoon").exists()


@pytest.mark.django_db
def test_aanbieder_ligt_vast_na_besluit(client, consulent, aanbieders):
    from maatwerk.apps.cases.status import zet_status

    from .conftest import maak_zaak

    noord, zuid = aanbieders
    zaak = maak_zaak(consulent, aanbieder=noord)
    for stap in ("aanvraag", "besluit"):
        zet_status(zaak, stap, consulent)
    client.force_login(consulent)
    response = client.post(f"/zaken/{zaak.pk}/toewijzen/", {"consulent": consulent.pk, "aanbieder": zuid.pk})
    assert response.status_code == 400 and "via een correctie van de beschikking" in response.content.decode()
    zaak.refresh_from_db()
    assert zaak.aanbieder == noord


@pytest.mark.django_db
def test_nieuw_onderzoek_toont_meteen_de_indicatie_van_de_typische_situatie(client, consulent, zaak):
    """Defaults of 0 (no unused rooms) count as input: the page opens with an indication."""
    client.force_login(consulent)
    html = client.get(f"/onderzoek/{zaak.pk}/").content.decode()
    assert "Totaal:" in html and "minuten per week" in html
    assert Onderzoek.objects.count() == 0

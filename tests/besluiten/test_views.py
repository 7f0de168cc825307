"""Views: consulent issues and corrects, aanbieder portal; role isolation (URL guessing), audit, bad input,
optimistic locking on the zorgplan, no inline script or style."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client as Browser
from django.urls import reverse

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.besluiten import services
from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.cases.models import Status
from maatwerk.apps.levering import services as levering
from maatwerk.apps.levering.models import Zorgplan
from tests.besluiten.conftest import gebruiker, maak_zaak

pytestmark = pytest.mark.django_db

INGANG = dt.date.today() + dt.timedelta(days=7)


def ingelogd(user) -> Browser:
    browser = Browser()
    browser.force_login(user)
    return browser


def afgeven_data(**anders: str) -> dict[str, str]:
    return {
        "besluit": "toegekend",
        "gevraagd": "Hulp bij schoonmaken",
        "bevestigd": "on",
        "ingangsdatum": INGANG.isoformat(),
        "einddatum": "",
        "leveringsvorm": "ZIN",
        "motivering": "",
        "reden_geen_zorgplan": "",
        **anders,
    }


def geen_inline_script_of_stijl(html: str) -> None:
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
    assert "<style" not in html and " style=" not in html


def test_consulent_geeft_af_bekijkt_en_downloadt(zaak, consulent, noord) -> None:
    c, a = ingelogd(consulent), ingelogd(noord)
    pagina = c.get(reverse("beschikkingen:besluit", args=[zaak.pk]))
    assert pagina.status_code == 200
    geen_inline_script_of_stijl(pagina.content.decode())
    doelen = {f"doel_{g['id']}": "Schoon huis" for g in zaak.onderzoek.indicatie["resultaatgebieden"]}
    assert c.post(reverse("beschikkingen:ondersteuningsplan", args=[zaak.pk]), doelen).status_code == 302

    assert a.post(reverse("beschikkingen:zorgplan_opstellen", args=[zaak.pk])).status_code == 302
    zorgplan = Zorgplan.objects.get(zaak=zaak)
    r = a.post(
        reverse("beschikkingen:zorgplan_tekenen", args=[zaak.pk]),
        {"versie": zorgplan.versie, "client_naam": "Anna van der Berg1", "akkoord": "on"},
    )
    assert r.status_code == 302
    assert Zorgplan.objects.get(zaak=zaak).is_getekend

    r = c.post(reverse("beschikkingen:afgeven", args=[zaak.pk]), afgeven_data())
    assert r.status_code == 302, r.content.decode()[:2000]
    b = Beschikking.objects.get(zaak=zaak)
    pagina = c.get(reverse("beschikkingen:beschikking", args=[b.pk]))
    html = pagina.content.decode()
    assert (
        pagina.status_code == 200
        and "bezwaar maken binnen" in html
        and "klopt met de opgeslagen brief" in html
    )
    geen_inline_script_of_stijl(html)
    pdf = c.get(reverse("beschikkingen:pdf", args=[b.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert pdf["X-Inhoudshash-SHA256"] == b.inhoudshash
    xml = c.get(reverse("beschikkingen:wmo301", args=[b.toewijzingen.get().pk]))
    assert xml.status_code == 200 and b"<wmo301:BerichtCode>414" in xml.content
    assert AuditRegel.objects.filter(client=zaak.client, actie="lezen", wat__contains="(PDF)").exists()
    assert AuditRegel.objects.filter(
        client=zaak.client, actie="schrijven", wat__contains="afgegeven"
    ).exists()

    r = c.post(
        reverse("beschikkingen:corrigeren", args=[b.pk]),
        {
            **afgeven_data(einddatum=(INGANG + dt.timedelta(days=90)).isoformat()),
            "correctie_reden": "Einddatum ontbrak.",
        },
    )
    assert r.status_code == 302
    assert Beschikking.objects.get(zaak=zaak, versie=2).vorige_id == b.pk


def test_aanbieder_ziet_alleen_eigen_clienten_ook_niet_via_url(consulent, aanbieders, noord, zuid) -> None:
    eigen = maak_zaak(consulent, aanbieders[0], 1)
    ander = maak_zaak(consulent, aanbieders[1], 2)
    for z in (eigen, ander):
        services.geef_beschikking_af(
            z,
            consulent,
            services.Besluitgegevens("toegekend", INGANG, None, "ZIN", "Hulp", reden_geen_zorgplan="Spoed."),
        )
    a = ingelogd(noord)
    overzicht = a.get(reverse("beschikkingen:aanbieder_overzicht")).content.decode()
    assert eigen.client.naam in overzicht and ander.client.naam not in overzicht
    assert a.get(reverse("beschikkingen:aanbieder_zaak", args=[eigen.pk])).status_code == 200
    andere_toewijzing = ander.toewijzingen.get()
    geraden = [
        ("get", reverse("beschikkingen:aanbieder_zaak", args=[ander.pk])),
        ("post", reverse("beschikkingen:zorgplan_opstellen", args=[ander.pk])),
        ("post", reverse("beschikkingen:zorgplan_tekenen", args=[ander.pk])),
        ("post", reverse("beschikkingen:levering_start", args=[andere_toewijzing.pk])),
        ("post", reverse("beschikkingen:levering_stop", args=[andere_toewijzing.pk])),
    ]
    for methode, url in geraden:
        assert getattr(a, methode)(url, {"datum": INGANG.isoformat()}).status_code == 404, url
    andere_toewijzing.refresh_from_db()
    assert andere_toewijzing.levering_gestart_op is None
    # Consulent pages and documents are not for aanbieders at all.
    b = Beschikking.objects.get(zaak=eigen)
    for url in (
        reverse("beschikkingen:besluit", args=[eigen.pk]),
        reverse("beschikkingen:pdf", args=[b.pk]),
        reverse("beschikkingen:wmo301", args=[andere_toewijzing.pk]),
    ):
        assert a.get(url).status_code == 403
    assert not AuditRegel.objects.filter(gebruiker=noord, client=ander.client).exists()


def test_rollen_zonder_persoonsgegevens_krijgen_niets(zaak, consulent) -> None:
    beleid = ingelogd(gebruiker("beleid", "beleidsmedewerker"))
    assert beleid.get(reverse("beschikkingen:besluit", args=[zaak.pk])).status_code == 403
    assert beleid.get(reverse("beschikkingen:aanbieder_overzicht")).status_code == 403
    assert Browser().get(reverse("beschikkingen:besluit", args=[zaak.pk])).status_code == 302  # to login


def test_aanbieder_start_en_stopt_levering(zaak, consulent, noord) -> None:
    b = services.geef_beschikking_af(
        zaak,
        consulent,
        services.Besluitgegevens("toegekend", INGANG, None, "ZIN", "Hulp", reden_geen_zorgplan="Spoed."),
    )
    t = b.toewijzingen.get()
    a = ingelogd(noord)
    r = a.post(reverse("beschikkingen:levering_start", args=[t.pk]), {"datum": "gisteren"})
    assert r.status_code == 400 and "Vul een geldige datum in" in r.content.decode()
    vroeg = (INGANG - dt.timedelta(days=1)).isoformat()
    r = a.post(reverse("beschikkingen:levering_start", args=[t.pk]), {"datum": vroeg})
    assert r.status_code == 400 and "ingangsdatum" in r.content.decode()
    t.refresh_from_db()
    assert t.levering_gestart_op is None
    assert (
        a.post(
            reverse("beschikkingen:levering_start", args=[t.pk]), {"datum": INGANG.isoformat()}
        ).status_code
        == 302
    )
    r = a.post(
        reverse("beschikkingen:levering_stop", args=[t.pk]), {"datum": INGANG.isoformat(), "reden": "99"}
    )
    assert r.status_code == 400
    r = a.post(
        reverse("beschikkingen:levering_stop", args=[t.pk]), {"datum": INGANG.isoformat(), "reden": "19"}
    )
    assert r.status_code == 302
    zaak.refresh_from_db()
    assert zaak.status == Status.BEEINDIGD


def test_fout_in_beschikkingformulier_geeft_nederlandse_melding_en_slaat_niets_op(zaak, consulent) -> None:
    c = ingelogd(consulent)
    for data, tekst in (
        (afgeven_data(ingangsdatum=""), "Vul de ingangsdatum in"),
        (afgeven_data(einddatum=(INGANG - dt.timedelta(days=1)).isoformat()), "vóór de ingangsdatum"),
        (afgeven_data(besluit="afgewezen"), "waarom de cliënt geen hulp krijgt"),
        (afgeven_data(gevraagd=""), "Dit veld is verplicht"),
        (afgeven_data(), "ondertekend zorgplan"),
    ):
        r = c.post(reverse("beschikkingen:afgeven", args=[zaak.pk]), data)
        assert r.status_code == 400 and tekst in r.content.decode(), tekst
    zaak.refresh_from_db()
    assert zaak.status == Status.AANVRAAG and not Beschikking.objects.exists()


def test_twee_aanbiedermedewerkers_overschrijven_elkaars_zorgplan_niet(
    zaak, consulent, noord, aanbieders
) -> None:
    collega = gebruiker("noord2", "aanbieder", aanbieders[0])
    services.stel_ondersteuningsplan_op(zaak, consulent, {})
    zorgplan = levering.zorgplan_voor(zaak, noord)
    veld = f"afspraak_{zorgplan.afspraken[0]['activiteit']}"
    url = reverse("beschikkingen:zorgplan_opslaan", args=[zaak.pk])
    eerste = ingelogd(noord).post(url, {"versie": zorgplan.versie, veld: "Maandag", "toelichting": ""})
    assert eerste.status_code == 302
    tweede = ingelogd(collega).post(url, {"versie": zorgplan.versie, veld: "Vrijdag", "toelichting": ""})
    assert tweede.status_code == 409
    html = tweede.content.decode()
    assert "intussen gewijzigd" in html and "Maandag" in html and "Vrijdag" in html
    assert Zorgplan.objects.get(pk=zorgplan.pk).afspraken[0]["afspraak"] == "Maandag"


def test_consulent_wijst_later_toe_als_dat_bij_afgifte_niet_gebeurde(zaak, consulent, noord) -> None:
    from maatwerk.apps.besluiten.demo import vul_demo
    from maatwerk.apps.cases.status import zet_status

    zet_status(zaak, Status.BESLUIT, consulent)  # demo state: besluit genomen, nog niet toegewezen
    vul_demo([zaak])
    b = Beschikking.objects.get(zaak=zaak)
    assert not b.toewijzingen.exists()
    c = ingelogd(consulent)
    assert "Toewijzen aan" in c.get(reverse("beschikkingen:besluit", args=[zaak.pk])).content.decode()
    url = reverse("beschikkingen:toewijzen", args=[zaak.pk])
    assert ingelogd(noord).post(url).status_code == 403
    assert c.post(url).status_code == 302
    zaak.refresh_from_db()
    assert zaak.status == Status.TOEGEWEZEN and b.toewijzingen.count() == 1
    assert c.post(url).status_code == 400  # only once

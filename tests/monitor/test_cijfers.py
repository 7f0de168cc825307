"""Monitor figures from the database: counts, lead times, share within the legal term, CBS figures,
suppression of small counts, the page and the export (no personal data), roles."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client as WebClient
from django.utils import timezone

from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.cases.models import Zaak
from maatwerk.apps.monitor.cijfers import monitor, onderdruk
from maatwerk.apps.monitor.perioden import periode_van, perioden

from ..schouw.conftest import gebruiker, maak_zaak

pytestmark = pytest.mark.django_db


def _waarde(rijen, indicator, periode, uitsplitsing=""):
    return next(
        r["waarde"]
        for r in rijen
        if r["indicator"] == indicator and r["periode"] == periode and r["uitsplitsing"] == uitsplitsing
    )


@pytest.fixture
def zes_zaken(consulent, aanbieders):
    """Six zaken reported this quarter; research took 10, 20, ..., 60 days; decisions 7 or 21 days."""
    k = periode_van(timezone.localdate())
    zaken = [maak_zaak(consulent, aanbieders[0], n, in_zorg=n <= 5) for n in range(1, 7)]
    for i, z in enumerate(zaken):
        Zaak.objects.filter(pk=z.pk).update(
            melddatum=k.van,
            onderzoek_afgerond_op=k.van + dt.timedelta(days=10 * (i + 1)),
            aanvraagdatum=k.van,
            besluitdatum=k.van + dt.timedelta(days=7 if i < 4 else 21),
        )
    return zaken


def test_counts_lead_times_and_share_within_term(zes_zaken):
    k = periode_van(timezone.localdate())
    rijen, ontbreekt = monitor([k])
    assert _waarde(rijen, "meldingen", k.naam) == 6
    onderzoek = "melding tot onderzoek afgerond"
    afgerond = [z for z in range(1, 7) if k.van + dt.timedelta(days=10 * z) <= k.tot]
    if len(afgerond) >= 5:
        assert _waarde(rijen, f"{onderzoek}: gemiddelde doorlooptijd", k.naam) == pytest.approx(
            sum(10 * z for z in afgerond) / len(afgerond)
        )
    assert _waarde(rijen, "aanvraag tot beschikking: gemiddelde doorlooptijd", k.naam) == pytest.approx(
        (4 * 7 + 2 * 21) / 6, abs=0.05
    )
    binnen = next(r for r in rijen if r["indicator"].startswith("aanvraag tot beschikking: binnen"))
    assert binnen["waarde"] == pytest.approx(66.7) and "14 dagen" in binnen["indicator"]
    assert "Wmo 2015" in binnen["toelichting"] or "artikel" in binnen["toelichting"]
    from django.apps import apps

    verwacht = [n for n in ("bezwaren", "klachten") if not apps.is_installed(f"maatwerk.apps.{n}")]
    assert ontbreekt == verwacht
    for n in ("bezwaren", "klachten"):
        if n not in verwacht:
            assert _waarde(rijen, "ontvangen", k.naam) == 0 and _waarde(rijen, "afgehandeld", k.naam) == 0


def test_cbs_figures_by_form(zes_zaken):
    k = periode_van(timezone.localdate())
    rijen, _ = monitor([k])
    # five zaken in care, zorg in natura: counted; the sixth has no beschikking.
    assert (
        _waarde(
            rijen, "cliënten met maatwerkvoorziening (einde periode of vandaag)", k.naam, "zorg in natura"
        )
        == 5
    )
    assert Beschikking.objects.count() == 5
    # spend: 250 euro per 4 weeks (the example indication, Trede 4) x days of delivery up to today
    vandaag = timezone.localdate()
    dagen = (vandaag - max(vandaag - dt.timedelta(days=20), k.van)).days + 1
    uitgaven = _waarde(rijen, "geraamde uitgaven", k.naam, "Thuiszorg Noord / Trede 4")
    assert uitgaven == pytest.approx(round(5 * 250 * dagen / 28, 2))


def test_small_counts_suppressed(consulent, aanbieders):
    k = periode_van(timezone.localdate())
    for n in range(1, 4):
        maak_zaak(consulent, None, n, in_zorg=False)
    Zaak.objects.update(melddatum=k.van)
    rijen, _ = monitor([k])
    assert _waarde(rijen, "meldingen", k.naam) == "<5"
    assert onderdruk([{"n": 0, "waarde": 0}]) == [{"n": 0, "waarde": 0}]


def test_page_export_and_roles(zes_zaken, consulent):
    beleid = gebruiker("beleid", "beleidsmedewerker")
    web = WebClient()
    web.force_login(consulent)
    assert web.get("/monitor/").status_code == 403
    web.force_login(beleid)
    pagina = web.get("/monitor/")
    html = pagina.content.decode()
    assert pagina.status_code == 200 and "Monitor voor de raad" in html and "data:image/svg+xml" in html
    for z in zes_zaken:  # no personal data on the page
        assert z.client.achternaam not in html and z.client.bsn not in html
    csv = web.get("/monitor/export.csv").content.decode()
    assert csv.startswith("onderdeel;indicator") and "meldingen" in csv
    assert all(z.client.achternaam not in csv for z in zes_zaken)
    xlsx = web.get("/monitor/export.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert web.get("/monitor/?van=2026-13-01").status_code == 400
    assert "vóór de begindatum" in web.get("/monitor/?van=2026-06-01&tot=2026-01-01").content.decode()


def test_queries_do_not_grow_with_data(zes_zaken, django_assert_max_num_queries):
    reeks = perioden(dt.date(2025, 1, 1), timezone.localdate())
    with django_assert_max_num_queries(18):
        monitor(reeks)


def test_klachten_figures(consulent, aanbieders):
    from django.apps import apps

    if not apps.is_installed("maatwerk.apps.klachten"):
        pytest.skip("klachten-app niet geïnstalleerd")
    klacht = apps.get_model("klachten", "Klacht")
    k = periode_van(timezone.localdate())
    for i in range(6):
        klacht.objects.create(
            ontvangen_op=k.van,
            klager="x",
            over="aanbieder",
            aanbieder=aanbieders[0],
            omschrijving="te laat",
            oordeel="gegrond" if i < 3 else "ongegrond",
            afgehandeld_op=k.van + dt.timedelta(days=14),
        )
    rijen, _ = monitor([k])
    klachten = [r for r in rijen if r["onderdeel"] == "klachten"]
    waarde = {(r["indicator"], r["uitsplitsing"]): r["waarde"] for r in klachten}
    assert waarde[("ontvangen", "")] == 6 and waarde[("afgehandeld", "")] == 6
    assert waarde[("(deels) gegrond", "")] == 50.0
    assert waarde[("gemiddelde behandelduur", "")] == 14.0
    assert waarde[("uitkomst", "gegrond")] == "<5"  # three: suppressed


def test_informal_resolution_counted(zaak, consulent):
    from maatwerk.apps.bemiddeling.services import registreer_driegesprek

    k = periode_van(timezone.localdate())
    for _ in range(5):
        registreer_driegesprek(
            zaak, consulent, datum=max(zaak.melddatum, k.van), uitkomst="overeenstemming", toelichting="ok"
        )
    rijen, _ = monitor([k])
    assert _waarde(rijen, "driegesprek", k.naam, "overeenstemming") == 5

"""An inwoner sees only their own zaken and those of clients they hold a valid machtiging for (else 404);
every read is audited with the inwoner's own user."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.besluiten.models import Beschikking
from maatwerk.apps.portaal import services
from maatwerk.apps.portaal.models import Inwoner, Machtiging

from .conftest import inloggen

pytestmark = pytest.mark.django_db


def _beschikking(zaak) -> Beschikking:  # noqa: ANN001
    return Beschikking.objects.create(
        zaak=zaak,
        kenmerk=f"WMO-T-{zaak.pk}",
        besluit="toegekend",
        gevraagd="hulp",
        html="<article>brief</article>",
        pdf=b"%PDF-1.4 brief",
        inhoudshash="0" * 64,
        afgegeven_op=timezone.now(),
        normenkader="test",
        normenkader_versie="1",
    )


def test_eigen_zaak_en_beschikking(client, oidc, zaak_van_inwoner):
    b = _beschikking(zaak_van_inwoner)
    inloggen(client, "inwoner")
    inwoner = Inwoner.objects.get(bsn="600000060")
    pagina = client.get(f"/portaal/aanvragen/{zaak_van_inwoner.uuid}/")
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert 'aria-current="step"' in tekst and "Melding ontvangen" in tekst and "Afgewezen" not in tekst
    assert "Het gesprek en het onderzoek zijn uiterlijk klaar op" in tekst
    pdf = client.get(f"/portaal/aanvragen/{zaak_van_inwoner.uuid}/beschikkingen/{b.uuid}.pdf")
    assert pdf.status_code == 200 and pdf.content == b"%PDF-1.4 brief"
    assert pdf["Content-Type"] == "application/pdf"
    assert "no-store" in pagina["Cache-Control"] and "no-store" in pdf["Cache-Control"]
    wat = set(AuditRegel.objects.filter(gebruiker=inwoner.user, actie="lezen").values_list("wat", flat=True))
    assert f"statuspagina zaak {zaak_van_inwoner.pk} (portaal)" in wat
    assert f"beschikking {b.kenmerk} v1 (PDF, portaal)" in wat


def test_zaak_van_een_ander_is_404(client, oidc, zaak_van_inwoner, zaak_van_ander):
    b = _beschikking(zaak_van_ander)
    inloggen(client, "inwoner")
    voor = AuditRegel.objects.filter(client=zaak_van_ander.client).count()
    assert client.get(f"/portaal/aanvragen/{zaak_van_ander.uuid}/").status_code == 404
    assert (
        client.get(f"/portaal/aanvragen/{zaak_van_ander.uuid}/beschikkingen/{b.uuid}.pdf").status_code == 404
    )
    # the beschikking of another person under one's own zaak number
    assert (
        client.get(f"/portaal/aanvragen/{zaak_van_inwoner.uuid}/beschikkingen/{b.uuid}.pdf").status_code
        == 404
    )
    assert (
        client.post(f"/portaal/aanvragen/{zaak_van_ander.uuid}/reactie/", {"reactie": "x"}).status_code == 404
    )
    assert AuditRegel.objects.filter(client=zaak_van_ander.client).count() == voor
    assert "Piet" not in client.get("/portaal/aanvragen/").content.decode()


def test_urls_noemen_uuids_nooit_database_ids(client, oidc, zaak_van_inwoner):
    """Public identifiers only: the pages link by UUID and a database id is not a URL of the portal."""
    b = _beschikking(zaak_van_inwoner)
    inloggen(client, "inwoner")
    overzicht = client.get("/portaal/aanvragen/").content.decode()
    assert f'href="/portaal/aanvragen/{zaak_van_inwoner.uuid}/"' in overzicht
    pagina = client.get(f"/portaal/aanvragen/{zaak_van_inwoner.uuid}/").content.decode()
    assert f"/portaal/aanvragen/{zaak_van_inwoner.uuid}/beschikkingen/{b.uuid}.pdf" in pagina
    assert client.get(f"/portaal/aanvragen/{zaak_van_inwoner.pk}/").status_code == 404
    pdf = f"/portaal/aanvragen/{zaak_van_inwoner.uuid}/beschikkingen/{b.pk}.pdf"
    assert client.get(pdf).status_code == 404


def test_zonder_inlog_naar_start(client, zaak_van_inwoner):
    r = client.get(f"/portaal/aanvragen/{zaak_van_inwoner.uuid}/")
    assert r.status_code == 302 and r["Location"] == "/portaal/"


def test_machtiging_geeft_toegang_en_intrekken_neemt_die_weg(client, oidc, zaak_van_ander, django_user_model):
    beheerder = django_user_model.objects.create_user("beheerder")
    machtiging = services.leg_machtiging_vast(
        zaak_van_ander.client,
        services.Machtiginggegevens("690000005", "Vera Vertegenwoordiger", "curator", dt.date(2025, 1, 1)),
        beheerder,
    )
    inloggen(client, "vertegenwoordiger")
    overzicht = client.get("/portaal/aanvragen/").content.decode()
    assert "Hulp bij het huishouden voor Piet de Wit" in overzicht
    assert client.get(f"/portaal/aanvragen/{zaak_van_ander.uuid}/").status_code == 200
    gemachtigde = Inwoner.objects.get(bsn="690000005")
    assert AuditRegel.objects.filter(
        gebruiker=gemachtigde.user, client=zaak_van_ander.client, waarom__contains="machtiging"
    ).exists()
    services.trek_machtiging_in(machtiging, beheerder)
    assert client.get(f"/portaal/aanvragen/{zaak_van_ander.uuid}/").status_code == 404
    with pytest.raises(services.Portaalfout):
        services.trek_machtiging_in(machtiging, beheerder)


@pytest.mark.parametrize(
    ("van", "tot", "zichtbaar"),
    [
        (dt.date(2020, 1, 1), None, True),
        (dt.date.today() + dt.timedelta(days=1), None, False),
        (dt.date(2020, 1, 1), dt.date.today() - dt.timedelta(days=1), False),
        (dt.date(2020, 1, 1), dt.date.today(), True),
    ],
)
def test_machtiging_geldt_alleen_in_haar_periode(zaak_van_ander, van, tot, zichtbaar):
    from maatwerk.apps.portaal.selectors import zichtbare_zaken

    services.leg_machtiging_vast(
        zaak_van_ander.client, services.Machtiginggegevens("690000005", "V", "mentor", van, tot), None
    )
    inwoner = services.inwoner_voor_bsn("690000005")
    assert zichtbare_zaken(inwoner).filter(pk=zaak_van_ander.pk).exists() is zichtbaar


@pytest.mark.parametrize(
    ("bsn", "van", "tot", "fout"),
    [
        ("600000047", dt.date(2025, 1, 1), None, "de cliënt zelf"),
        ("690000005", dt.date(2025, 2, 1), dt.date(2025, 1, 1), "vóór de begindatum"),
        ("123456789", dt.date(2025, 1, 1), None, "elfproef"),
    ],
)
def test_machtiging_weigert_onjuiste_invoer(zaak_van_ander, bsn, van, tot, fout):
    with pytest.raises(services.Portaalfout, match=fout):
        services.leg_machtiging_vast(
            zaak_van_ander.client, services.Machtiginggegevens(bsn, "V", "mentor", van, tot), None
        )
    assert not Machtiging.objects.exists()


def test_inwoner_met_ongeldig_bsn(db):
    with pytest.raises(services.Portaalfout, match="elfproef"):
        services.inwoner_voor_bsn("123456789")
    assert not Inwoner.objects.exists()


def test_reactie_op_verslag(client, oidc, zaak_van_inwoner, django_user_model):
    from maatwerk.apps.onderzoek.models import Onderzoek

    consulent = django_user_model.objects.create_user("schrijver")
    ond = Onderzoek.objects.create(
        zaak=zaak_van_inwoner, verslag="We spraken over de was.", gewijzigd_door=consulent
    )
    inloggen(client, "inwoner")
    pagina = client.get(f"/portaal/aanvragen/{zaak_van_inwoner.uuid}/").content.decode()
    assert "We spraken over de was." not in pagina  # not shared yet
    Onderzoek.objects.filter(pk=ond.pk).update(verslag_gedeeld_op=timezone.now())
    assert (
        "We spraken over de was."
        in client.get(f"/portaal/aanvragen/{zaak_van_inwoner.uuid}/").content.decode()
    )
    leeg = client.post(f"/portaal/aanvragen/{zaak_van_inwoner.uuid}/reactie/", {"reactie": "  "})
    assert leeg.status_code == 400 and "Schrijf uw reactie" in leeg.content.decode()
    r = client.post(
        f"/portaal/aanvragen/{zaak_van_inwoner.uuid}/reactie/", {"reactie": "Ik heb ook een hond."}
    )
    assert r.status_code == 302
    ond.refresh_from_db()
    assert ond.client_reactie == "Ik heb ook een hond." and ond.client_reactie_op is not None
    assert ond.gewijzigd_door == consulent  # the four-eyes check still sees who wrote the onderzoek
    inwoner = Inwoner.objects.get(bsn="600000060")
    assert AuditRegel.objects.filter(
        gebruiker=inwoner.user, actie="schrijven", wat__contains="reactie"
    ).exists()

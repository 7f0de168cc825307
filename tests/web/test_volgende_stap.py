"""Issue 10.5: one primary action per status on the zaak page; other status changes folded away."""

from __future__ import annotations

import re

import pytest

from maatwerk.apps.cases.models import Status
from maatwerk.apps.cases.status import zet_status
from maatwerk.apps.clients.models import Client

pytestmark = pytest.mark.django_db


def _primair(html: str) -> list[str]:
    """Labels of the primary buttons and button-links on the page's main content."""
    main = html.split('id="inhoud"', 1)[-1]
    return re.findall(r"(?:button|a)[^>]*primary-action[^>]*>([^<]+)<", main)


def test_ontvangen_toont_onderzoek_starten(client, consulent, zaak):
    client.force_login(consulent)
    html = client.get(f"/zaken/{zaak.pk}/").content.decode()
    assert _primair(html) == ["Onderzoek starten"]
    assert '<details class="mw-uitklap" id="andere-acties">' in html  # folded, not open
    assert "Status wijzigen" in html.split("andere-acties", 1)[1]


def test_aanvraag_zonder_bsn_vraagt_eerst_clientgegevens(client, consulent, zaak):
    zet_status(zaak, Status.AANVRAAG, consulent)
    client.force_login(consulent)
    assert _primair(client.get(f"/zaken/{zaak.pk}/").content.decode()) == ["Besluit voorbereiden"]
    Client.objects.filter(pk=zaak.client_id).update(bsn=None)
    html = client.get(f"/zaken/{zaak.pk}/").content.decode()
    assert _primair(html) == ["Cliëntgegevens aanvullen"] and "BSN: nog niet bekend." in html


def test_fout_in_verborgen_formulier_klapt_open(client, consulent, zaak):
    client.force_login(consulent)
    antwoord = client.post(f"/zaken/{zaak.pk}/opschorten/", {"van": "", "reden": ""})
    assert antwoord.status_code == 400
    assert '<details class="mw-uitklap" id="andere-acties" open>' in antwoord.content.decode()


def test_afgesloten_zaak_heeft_geen_primaire_actie(client, consulent, zaak):
    zet_status(zaak, Status.INGETROKKEN, consulent, "op verzoek")
    client.force_login(consulent)
    assert _primair(client.get(f"/zaken/{zaak.pk}/").content.decode()) == []

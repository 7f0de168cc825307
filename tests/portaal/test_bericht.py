"""A status change e-mails the client (locmem backend in the tests): after the commit, B1, no health data."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.cases.models import Status
from maatwerk.apps.cases.services import wijzig_status, zet_status

pytestmark = pytest.mark.django_db


def test_statuswijziging_stuurt_bericht(zaak_van_inwoner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        zet_status(zaak_van_inwoner, Status.IN_ONDERZOEK)
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["anna@example.org"]
    assert bericht.subject == "Er is nieuws over uw aanvraag bij gemeente Voorbeeldstad"
    assert "De nieuwe stap is: Gesprek." in bericht.body
    assert "http://127.0.0.1:8000/portaal/" in bericht.body
    assert "14 0999" in bericht.body
    # No health details, no name, no BSN: only that something changed and where to read it.
    for geheim in ("knie", "schoonmaken", "Anna", "Jansen", "600000060", "huishouden"):
        assert geheim not in bericht.body and geheim not in bericht.subject
    assert AuditRegel.objects.filter(
        client=zaak_van_inwoner.client, actie="lezen", wat__startswith="e-mailadres voor bericht"
    ).exists()


def test_geen_bericht_voor_de_commit(zaak_van_inwoner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        zet_status(zaak_van_inwoner, Status.IN_ONDERZOEK)
    assert mail.outbox == [] and len(callbacks) == 1


def test_geen_bericht_na_rollback(zaak_van_inwoner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        zet_status(zaak_van_inwoner, Status.IN_ONDERZOEK)
        raise RuntimeError("terugdraaien")
    assert mail.outbox == []
    assert not AuditRegel.objects.filter(wat__startswith="e-mailadres voor bericht").exists()


def test_geen_adres_geen_bericht(zaak_van_inwoner, django_capture_on_commit_callbacks):
    zaak_van_inwoner.client.email = ""
    zaak_van_inwoner.client.save()
    with django_capture_on_commit_callbacks(execute=True):
        zet_status(zaak_van_inwoner, Status.IN_ONDERZOEK)
    assert mail.outbox == []


def test_via_de_service_van_de_consulent(
    zaak_van_inwoner, django_capture_on_commit_callbacks, django_user_model
):
    consulent = django_user_model.objects.create_user("c1")
    with django_capture_on_commit_callbacks(execute=True):
        wijzig_status(zaak_van_inwoner, Status.AANVRAAG, consulent)
    assert [m.subject for m in mail.outbox] == ["Er is nieuws over uw aanvraag bij gemeente Voorbeeldstad"]
    assert "De nieuwe stap is: Aanvraag." in mail.outbox[0].body


def test_mailserver_kapot_status_blijft(zaak_van_inwoner, django_capture_on_commit_callbacks, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    with django_capture_on_commit_callbacks(execute=True):
        zet_status(zaak_van_inwoner, Status.IN_ONDERZOEK)
    zaak_van_inwoner.refresh_from_db()
    assert zaak_van_inwoner.status == Status.IN_ONDERZOEK

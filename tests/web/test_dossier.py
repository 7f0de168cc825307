"""Issue 10.11: per zaak a journal of contactmomenten and documents (PDF/PNG/JPEG with SHA-256),
shown on the zaak page; every read and write audited; other parties get 404."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.dossier import services
from maatwerk.apps.dossier.bestanden import MAX_GROOTTE, mediatype_van
from maatwerk.apps.dossier.models import Contactmoment, Document

from .conftest import maak_gebruiker, maak_zaak

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_contactmoment_in_journaal_en_gelogd(client, consulent, zaak):
    client.force_login(consulent)
    antwoord = client.post(
        f"/dossier/{zaak.pk}/contactmoment/",
        {
            "contact-datum": dt.date.today().isoformat(),
            "contact-met": "dochter",
            "contact-kanaal": "telefoon",
            "contact-notitie": "Belt namens moeder; huisarts stuurt advies.",
        },
    )
    assert antwoord.status_code == 302 and antwoord["Location"].endswith(f"/zaken/{zaak.pk}/#kop-dossier")
    moment = Contactmoment.objects.get()
    assert (moment.met, moment.door, moment.zaak) == ("dochter", consulent, zaak)
    assert AuditRegel.objects.filter(
        client=zaak.client, actie="schrijven", wat__startswith="contactmoment"
    ).exists()
    html = client.get(f"/zaken/{zaak.pk}/").content.decode()
    assert "Belt namens moeder" in html
    assert AuditRegel.objects.filter(
        client=zaak.client, actie="lezen", wat=f"dossier zaak {zaak.pk}"
    ).exists()


def test_contactmoment_in_de_toekomst_geweigerd(client, consulent, zaak):
    client.force_login(consulent)
    client.post(
        f"/dossier/{zaak.pk}/contactmoment/",
        {
            "contact-datum": (dt.date.today() + dt.timedelta(days=1)).isoformat(),
            "contact-met": "cliënt",
            "contact-kanaal": "telefoon",
            "contact-notitie": "x",
        },
    )
    assert not Contactmoment.objects.exists()
    html = client.get(f"/zaken/{zaak.pk}/").content.decode()
    assert "Contactmoment niet opgeslagen. Datum: De datum kan niet in de toekomst liggen." in html


def test_document_met_hash_op_zaakpagina_en_openen_gelogd(client, consulent, zaak):
    client.force_login(consulent)
    bestand = SimpleUploadedFile("advies huisarts.pdf", PDF, content_type="text/plain")  # type from bytes
    antwoord = client.post(
        f"/dossier/{zaak.pk}/document/", {"document-titel": "Medisch advies", "document-bestand": bestand}
    )
    assert antwoord.status_code == 302
    doc = Document.objects.get()
    assert doc.mediatype == "application/pdf" and doc.grootte == len(PDF)
    assert doc.sha256 == hashlib.sha256(PDF).hexdigest() and bytes(doc.inhoud) == PDF
    html = client.get(f"/zaken/{zaak.pk}/").content.decode()
    assert "Medisch advies" in html and doc.sha256 in html
    open_ = client.get(f"/dossier/{zaak.pk}/document/{doc.pk}/")
    assert open_.status_code == 200 and open_.content == PDF and open_["Content-Type"] == "application/pdf"
    assert open_["X-Content-Type-Options"] == "nosniff"
    assert AuditRegel.objects.filter(
        client=zaak.client, actie="lezen", wat=f"document {doc.pk} zaak {zaak.pk}"
    ).exists()
    assert AuditRegel.objects.filter(
        client=zaak.client, actie="schrijven", wat__startswith=f"document {doc.pk}"
    ).exists()


@pytest.mark.parametrize(
    ("inhoud", "tekst"),
    [
        (b"MZ\x90\x00 not a pdf", "Alleen PDF, PNG of JPEG"),
        (b"", "Het bestand is leeg"),
    ],
)
def test_verkeerd_bestand_geweigerd(consulent, zaak, inhoud, tekst):
    with pytest.raises(services.Dossierfout, match=tekst):
        services.voeg_document_toe(zaak, consulent, "x", "x.exe", inhoud)
    assert (
        not Document.objects.exists()
        and not AuditRegel.objects.filter(actie="schrijven", wat__startswith="document").exists()
    )


def test_te_groot_bestand_geweigerd(consulent, zaak):
    with pytest.raises(services.Dossierfout, match="groter dan 10 MB"):
        services.voeg_document_toe(zaak, consulent, "foto", "foto.png", PNG + b"\x00" * MAX_GROOTTE)


def test_aanbieder_van_andere_zaak_krijgt_404(client, consulent, aanbieders):
    zaak = maak_zaak(consulent, nummer=2, aanbieder=aanbieders[0])
    doc = services.voeg_document_toe(zaak, consulent, "advies", "a.png", PNG)
    client.force_login(maak_gebruiker("zuid", "aanbieder", aanbieders[1]))
    assert client.get(f"/dossier/{zaak.pk}/document/{doc.pk}/").status_code in (403, 404)
    client.force_login(maak_gebruiker("beleid", "beleidsmedewerker"))
    assert client.get(f"/dossier/{zaak.pk}/document/{doc.pk}/").status_code in (403, 404)


@given(st.binary(max_size=64))
def test_alleen_bekende_handtekeningen(inhoud):
    soort = mediatype_van(inhoud)
    assert soort is None or (
        (soort == "application/pdf" and inhoud.startswith(b"%PDF-"))
        or (soort == "image/png" and inhoud.startswith(b"\x89PNG"))
        or (soort == "image/jpeg" and inhoud.startswith(b"\xff\xd8\xff"))
    )

"""Logging: a request id per request (header and every log line), 500s logged, JSON lines option."""

from __future__ import annotations

import io
import json
import logging
import logging.config
from collections.abc import Iterator

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.web.logconfig import RequestIdFilter, logging_config
from maatwerk.web.verzoek import nieuw_request_id


def _handler(formaat: str) -> tuple[logging.Handler, io.StringIO]:
    config = logging_config(formaat=formaat)
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    configurator = logging.config.DictConfigurator(config)
    handler.setFormatter(configurator.configure_formatter(dict(config["formatters"]["maatwerk"])))
    handler.addFilter(RequestIdFilter())
    return handler, buffer


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    handler, buffer = _handler("json")
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        yield buffer
    finally:
        logger.removeHandler(handler)


@pytest.mark.django_db
def test_elk_antwoord_heeft_een_request_id(client):
    eerste = client.get("/login/").headers["X-Request-ID"]
    tweede = client.get("/login/").headers["X-Request-ID"]
    assert len(eerste) == 32 and eerste != tweede
    assert client.get("/login/", headers={"X-Request-ID": "proxy-1234abcd"}).headers["X-Request-ID"] == (
        "proxy-1234abcd"
    )


@pytest.mark.django_db
def test_500_wordt_gelogd_met_request_id(settings, json_log):
    settings.ROOT_URLCONF = "tests.beheer.fout_urls"
    antwoord = Client(raise_request_exception=False).get("/kapot/")
    assert antwoord.status_code == 500
    request_id = antwoord.headers["X-Request-ID"]
    regels = [json.loads(r) for r in json_log.getvalue().splitlines() if r.startswith("{")]
    fout = next(r for r in regels if r["niveau"] == "ERROR")
    assert fout["request_id"] == request_id and fout["logger"] == "django.request"
    assert "opzettelijke fout voor de logtest" in fout["exc_info"]
    assert "Er ging iets mis" in antwoord.content.decode()


def test_tekstformaat_noemt_request_id_buiten_verzoek():
    handler, buffer = _handler("tekst")
    logger = logging.getLogger("maatwerk.test")
    logger.addHandler(handler)
    try:
        logger.warning("let op")
    finally:
        logger.removeHandler(handler)
    assert "WARNING [-] maatwerk.test: let op" in buffer.getvalue()


def test_onbekend_formaat_of_niveau_geweigerd():
    with pytest.raises(ImproperlyConfigured, match="MAATWERK_LOG_FORMAAT"):
        logging_config(formaat="xml")
    with pytest.raises(ImproperlyConfigured, match="MAATWERK_LOG_NIVEAU"):
        logging_config(niveau="luid")


@given(st.text(max_size=100))
def test_request_id_van_buiten_alleen_als_het_veilig_is(aangeboden):
    uitkomst = nieuw_request_id(aangeboden)
    assert 8 <= len(uitkomst) <= 64
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in uitkomst)

"""Logging configuration: text or JSON lines on stderr, each record with the request id.

``logging_config(formaat, niveau)`` returns the ``LOGGING`` dict for Django's settings. The request
id comes from :mod:`maatwerk.web.verzoek` (``-`` outside a request: CLI, start-up).
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ImproperlyConfigured

FORMATEN = ("tekst", "json")
NIVEAUS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
TEKST = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
JSON_VELDEN = "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s"


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` (the current request's id, or ``-``) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        from maatwerk.web.verzoek import huidig_request_id

        if not hasattr(record, "request_id"):
            record.request_id = huidig_request_id()
        return True


def logging_config(formaat: str = "tekst", niveau: str = "INFO") -> dict[str, Any]:
    """The ``LOGGING`` setting; ``formaat`` is ``tekst`` or ``json`` (one JSON object per line)."""
    formaat, niveau = formaat.strip().lower(), niveau.strip().upper()
    if formaat not in FORMATEN:
        keuze = ", ".join(FORMATEN)
        raise ImproperlyConfigured(f"MAATWERK_LOG_FORMAAT={formaat!r} onbekend; kies uit: {keuze}.")
    if niveau not in NIVEAUS:
        keuze = ", ".join(NIVEAUS)
        raise ImproperlyConfigured(f"MAATWERK_LOG_NIVEAU={niveau!r} onbekend; kies uit: {keuze}.")
    formatter: dict[str, Any] = (
        {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": JSON_VELDEN,
            "rename_fields": {
                "asctime": "tijd",
                "levelname": "niveau",
                "name": "logger",
                "message": "bericht",
            },
        }
        if formaat == "json"
        else {"format": TEKST}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "maatwerk.web.logconfig.RequestIdFilter"}},
        "formatters": {"maatwerk": formatter},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "maatwerk",
                "filters": ["request_id"],
            }
        },
        # Libraries only from WARNING (fontTools, for one, logs each PDF's font subsetting at INFO).
        "root": {"handlers": ["stderr"], "level": "WARNING"},
        "loggers": {
            "maatwerk": {"level": niveau, "propagate": True},
            # django.request logs every 500 with its traceback (and 4xx as warnings).
            "django": {"level": niveau, "propagate": True},
            "django.server": {"level": "WARNING", "propagate": True},
            # django-axes logs four INFO lines per login; lockouts are WARNING. Every attempt is
            # also kept in its AccessAttempt table (admin, `maatwerk axes_list_attempts`).
            "axes": {"level": "WARNING", "propagate": True},
        },
    }

"""Errors as ``application/problem+json`` (RFC 9457): status, title and detail, and the field errors.

Every error of the API is answered with :func:`probleem`; :class:`Probleem` is its schema in the OpenAPI
document. Titles and details are Dutch, for the people who build and run the connecting application.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from ninja import Schema

PROBLEEM_TYPE = "application/problem+json"
API_VERSIE = "1.0.0"

#: HTTP status -> the problem's title.
TITELS: dict[int, str] = {
    400: "Ongeldige invoer",
    401: "Niet geauthenticeerd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Antwoordformaat niet beschikbaar",
    429: "Te veel verzoeken",
    500: "Interne fout",
}


class Veldfout(Schema):
    """One invalid field: its name (dotted for nested fields) and what is wrong, in Dutch."""

    naam: str
    reden: str


class Probleem(Schema):
    """Foutmelding volgens RFC 9457 (application/problem+json)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    invalidParams: list[Veldfout] | None = None  # noqa: N815 (the API's JSON is lowerCamelCase)


def probleem(
    status: int,
    detail: str,
    instance: str | None = None,
    velden: list[tuple[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """An ``application/problem+json`` response with the ``API-Version`` header."""
    inhoud: dict[str, Any] = {
        "type": "about:blank",
        "title": TITELS.get(status, "Fout"),
        "status": status,
        "detail": detail,
    }
    if instance:
        inhoud["instance"] = instance
    if velden:
        inhoud["invalidParams"] = [{"naam": n, "reden": r} for n, r in velden]
    antwoord = HttpResponse(json.dumps(inhoud, ensure_ascii=False), status=status, content_type=PROBLEEM_TYPE)
    antwoord["API-Version"] = API_VERSIE
    for naam, waarde in (headers or {}).items():
        antwoord[naam] = waarde
    return antwoord

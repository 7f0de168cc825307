"""Bearer-token authentication, scopes and the rate limit per client.

``Authorization: Bearer <token>`` finds the active :class:`~.models.ApiClient` (revoked: 401). An
endpoint names the scope it needs with :func:`vereist`; a client without it gets 403. Each client may make
``MAATWERK_API_LIMIET_PER_MINUUT`` calls per minute (settings; counted in Django's cache, so per cache:
per process with the default local-memory cache); above it the answer is 429 with ``Retry-After``.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ninja.security import HttpBearer

from . import services
from .models import ApiClient


class Geweigerd(Exception):
    """Answered as a problem with ``status`` (401, 403 or 429)."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail, self.headers = status, detail, headers or {}


class Token(HttpBearer):
    """Bearer token of an API client (``maatwerk api-client aanmaken``)."""

    openapi_scheme = "bearer"

    def __call__(self, request: HttpRequest) -> Any:
        kop = request.headers.get("Authorization", "")
        if not kop:
            raise Geweigerd(401, "Stuur het token van uw applicatie mee: Authorization: Bearer <token>.")
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> ApiClient:
        client = services.client_voor_token(token)
        if client is None:
            raise Geweigerd(401, "Dit token is onbekend of ingetrokken.")
        _binnen_limiet(client)
        request.user = client.gebruiker  # the actor of services and audited selectors
        return client


def _binnen_limiet(client: ApiClient) -> None:
    limiet = int(getattr(settings, "MAATWERK_API_LIMIET_PER_MINUUT", 600))
    if limiet <= 0:
        return
    minuut = int(time.time() // 60)
    sleutel = f"maatwerk-api:{client.pk}:{minuut}"
    cache.add(sleutel, 0, timeout=120)
    try:
        aantal = cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.set(sleutel, 1, timeout=120)
        aantal = 1
    if aantal > limiet:
        wacht = 60 - int(time.time() % 60)
        raise Geweigerd(
            429,
            f"Deze applicatie deed meer dan {limiet} verzoeken in een minuut. "
            f"Probeer het over {wacht} s opnieuw.",
            {"Retry-After": str(wacht)},
        )


def vereist(request: HttpRequest, scope: str) -> ApiClient:
    """The calling client, if it holds ``scope`` (else 403)."""
    client: ApiClient = request.auth  # type: ignore[attr-defined]
    if scope not in client.scopes:
        raise Geweigerd(403, f"Deze applicatie heeft de scope '{scope}' niet.")
    return client

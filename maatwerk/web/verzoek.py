"""A request id per request: in every log line of that request and in the ``X-Request-ID`` header.

An incoming ``X-Request-ID`` (from a proxy) is kept when it is short and plain; otherwise a new
one is made. ``huidig_request_id()`` gives the id of the request being handled (``-`` outside one).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
_GELDIG = re.compile(r"[A-Za-z0-9._-]{8,64}")
_request_id: ContextVar[str] = ContextVar("maatwerk_request_id", default="-")


def huidig_request_id() -> str:
    """The id of the request this thread is handling, or ``-``."""
    return _request_id.get()


def nieuw_request_id(aangeboden: str | None = None) -> str:
    """``aangeboden`` when it is a plain id of 8 to 64 characters, else a fresh random one."""
    if aangeboden and _GELDIG.fullmatch(aangeboden):
        return aangeboden
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Outermost middleware: sets the id for the request, adds it to the response (also to a 500)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = nieuw_request_id(request.headers.get(HEADER))
        request.request_id = request_id  # type: ignore[attr-defined]
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response.headers[HEADER] = request_id
        return response

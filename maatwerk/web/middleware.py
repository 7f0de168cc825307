"""Security headers that Django (before 6.0) does not set itself: CSP and Permissions-Policy."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class BeveiligingsheadersMiddleware:
    """Adds Content-Security-Policy (no 'unsafe-inline'), Permissions-Policy and no-store for pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.csp = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.csp)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if not request.path.startswith(settings.STATIC_URL):
            # Pages contain personal data: never keep them in a shared cache.
            response.headers.setdefault("Cache-Control", "no-store")
        return response

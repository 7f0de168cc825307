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


class StuurtekensMiddleware:
    """Refuses a request whose query string or form data holds control characters (NUL and the like).

    GET filters are read straight from ``request.GET`` by many views; a NUL byte there crashed a
    search. Tab, newline and carriage return stay allowed in POSTed text (multi-line fields). The
    answer is a 400 page that names the problem in Dutch; nothing is stored.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from maatwerk.veilig import besturingsmelding, besturingstekens

        gevonden: list[str] = []
        for naam, waarden in request.GET.lists():
            for tekst in (naam, *waarden):
                gevonden += besturingstekens(tekst, witruimte=False)
        if request.method == "POST":
            for naam, waarden in request.POST.lists():
                for tekst in (naam, *waarden):
                    gevonden += besturingstekens(tekst)
        if gevonden and request.path.startswith("/api/"):
            from maatwerk.apps.api.problemen import probleem

            return probleem(400, besturingsmelding(sorted(set(gevonden))), instance=request.path)
        if gevonden:
            from django.shortcuts import render

            return render(
                request, "400.html", {"melding": besturingsmelding(sorted(set(gevonden)))}, status=400
            )
        return self.get_response(request)

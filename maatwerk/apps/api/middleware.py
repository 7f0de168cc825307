"""Every response under ``/api/`` carries ``API-Version``; Django's own 404/405/500 there become problems.

Listed in ``MIDDLEWARE`` (settings); outside ``/api/`` it does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .problemen import API_VERSIE, PROBLEEM_TYPE, probleem

PREFIX = "/api/"
_DETAILS = {
    404: "Deze URL bestaat niet in de API. Zie /api/v1/openapi.json voor de endpoints.",
    405: "Deze HTTP-methode is hier niet toegestaan; de header Allow noemt de methoden die wel kunnen.",
    500: "Er ging iets mis in maatwerk. Probeer het later opnieuw; meld het met de X-Request-ID.",
}


class ApiVersieMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        antwoord = self.get_response(request)
        if not request.path.startswith(PREFIX):
            return antwoord
        if antwoord.status_code in _DETAILS and antwoord.get("Content-Type", "") != PROBLEEM_TYPE:
            allow = antwoord.get("Allow")
            antwoord = probleem(
                antwoord.status_code,
                _DETAILS[antwoord.status_code],
                request.path,
                headers={"Allow": allow} if allow else None,
            )
        antwoord["API-Version"] = API_VERSIE
        return antwoord

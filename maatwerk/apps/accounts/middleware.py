"""Second factor for every logged-in user, and logging out after a period of inactivity.

Runs after the authentication and message middleware. For a logged-in user:

* idle for more than ``MAATWERK_INACTIEF_MINUTEN``: logged out, sent to the login page;
* not (yet) through the second factor: sent to the code page (or to set up an app), except for the
  pages of that flow and logging out. The Django admin is covered the same way.

The last activity is written to the session at most once a minute, and the verifying device is
re-checked then, so an ordinary request costs no extra query.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from .tweede_factor import apparaat_bestaat_nog, is_geverifieerd

LAATST_ACTIEF = "maatwerk_laatst_actief"
BIJWERKEN_NA_S = 60


class LoginBeveiligingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(settings.STATIC_URL) or not request.user.is_authenticated:
            return self.get_response(request)
        nu = time.time()
        laatst = request.session.get(LAATST_ACTIEF)
        if laatst is not None and nu - laatst > settings.MAATWERK_INACTIEF_MINUTEN * 60:
            logout(request)
            return _naar(reverse("login"), request, verlopen="1")
        if laatst is None or nu - laatst >= BIJWERKEN_NA_S:
            request.session[LAATST_ACTIEF] = nu
            if is_geverifieerd(request) and not apparaat_bestaat_nog(request):
                logout(request)
                return _naar(reverse("login"), request)
        if not is_geverifieerd(request) and not _vrij(request.path):
            return _naar(reverse("accounts:tweede_factor"), request)
        return self.get_response(request)


def _vrij(pad: str) -> bool:
    """Pages a user may see between password and second factor."""
    return pad.startswith(reverse("accounts:tweede_factor")) or pad in (reverse("logout"), reverse("login"))


def _naar(url: str, request: HttpRequest, **extra: str) -> HttpResponseRedirect:
    query = {"next": request.get_full_path()} if request.method == "GET" else {}
    query.update(extra)
    return HttpResponseRedirect(f"{url}?{urlencode(query)}" if query else url)

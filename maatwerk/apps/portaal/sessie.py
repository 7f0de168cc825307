"""The portal session: which inwoner is logged in, with an idle timeout. Never a Django login."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache

from .models import Inwoner

INWONER = "portaal_inwoner"
ACTIEF = "portaal_actief"


def start(request: HttpRequest, inwoner: Inwoner) -> None:
    """A new session key (no fixation), then the inwoner."""
    request.session.cycle_key()
    request.session[INWONER] = inwoner.pk
    request.session[ACTIEF] = time.time()


def stop(request: HttpRequest) -> None:
    for sleutel in (INWONER, ACTIEF, "oidc_states", "oidc_login_next", "oidc_id_token", "oidc_access_token"):
        request.session.pop(sleutel, None)
    request.session.cycle_key()


def inwoner_van(request: HttpRequest) -> Inwoner | None:
    """The logged-in inwoner, or None (also after ``MAATWERK_PORTAAL_INACTIEF_MINUTEN`` idle)."""
    pk = request.session.get(INWONER)
    if pk is None:
        return None
    nu = time.time()
    if nu - float(request.session.get(ACTIEF, 0)) > settings.MAATWERK_PORTAAL_INACTIEF_MINUTEN * 60:
        stop(request)
        return None
    request.session[ACTIEF] = nu
    inwoner: Inwoner | None = Inwoner.objects.select_related("user").filter(pk=pk).first()
    return inwoner


def csp_met_uitloggen() -> str:
    """The site's Content-Security-Policy, with the provider's origin in ``form-action``.

    The Uitloggen form on a logged-in page redirects to the provider's end-session endpoint
    (RP-initiated logout); browsers check a form's redirects against ``form-action`` too.
    """
    csp: str = settings.CONTENT_SECURITY_POLICY
    eind = urlsplit(getattr(settings, "OIDC_OP_END_SESSION_ENDPOINT", "") or "")
    if not (eind.scheme and eind.netloc):
        return csp
    return csp.replace("form-action 'self'", f"form-action 'self' {eind.scheme}://{eind.netloc}")


def inwoner_vereist(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Function views: no inwoner -> the portal's start page (log in there); never cached (personal data)."""

    @never_cache
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        inwoner = inwoner_van(request)
        if inwoner is None:
            return redirect("portaal:start")
        response = view(request, inwoner, *args, **kwargs)
        response.headers.setdefault("Content-Security-Policy", csp_met_uitloggen())
        return response

    return wrapper

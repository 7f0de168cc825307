"""The portal session: which inwoner is logged in, with an idle timeout. Never a Django login."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any

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
    for sleutel in (INWONER, ACTIEF, "oidc_states", "oidc_login_next"):
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


def inwoner_vereist(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Function views: no inwoner -> the portal's start page (log in there); never cached (personal data)."""

    @never_cache
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        inwoner = inwoner_van(request)
        if inwoner is None:
            return redirect("portaal:start")
        return view(request, inwoner, *args, **kwargs)

    return wrapper

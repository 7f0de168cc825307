"""OpenID Connect login of the inwoner with mozilla-django-oidc (in production: the DigiD broker).

:class:`InwonerBackend` does the code exchange, checks the signed ID token (signature from the provider's
JWKS, nonce, expiry, and also issuer and audience, which the library leaves out) and reads the BSN claim
(``MAATWERK_OIDC_BSN_CLAIM``, from the ID token or userinfo). It returns an
:class:`~maatwerk.apps.portaal.models.Inwoner`, not a Django login: the backend is deliberately not in
``AUTHENTICATION_BACKENDS`` (see :mod:`maatwerk.apps.portaal`). The callback view keeps the library's
state/nonce/PKCE session handling and puts the inwoner in the portal session.

Logging out is RP-initiated (OpenID Connect RP-Initiated Logout 1.0): :func:`uitlog_url`, named by the
library's setting ``OIDC_OP_LOGOUT_URL_METHOD``, sends the browser to the provider's
``end_session_endpoint`` with the ID token as ``id_token_hint`` and the portal's start page as
``post_logout_redirect_uri``, so the session at the provider (DigiD) ends too.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from maatwerk.apps.clients.bsn import is_geldig_bsn

from . import services, sessie
from .models import Inwoner

logger = logging.getLogger(__name__)


def ingericht() -> bool:
    """True when the OpenID Connect provider is configured (endpoints, client id and secret)."""
    return all(
        getattr(settings, naam, "")
        for naam in (
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
            "OIDC_OP_JWKS_ENDPOINT",
            "OIDC_RP_CLIENT_ID",
            "OIDC_RP_CLIENT_SECRET",
        )
    )


def uitlog_url(request: HttpRequest) -> str:
    """Where the browser goes after the portal's own session ended (``OIDC_OP_LOGOUT_URL_METHOD``).

    The provider's end-session endpoint when there is one and the session holds the ID token of the
    login; else the portal's start page. Call it before the portal session is stopped.
    """
    start = reverse("portaal:start")
    eind = getattr(settings, "OIDC_OP_END_SESSION_ENDPOINT", "")
    id_token = request.session.get("oidc_id_token")
    if not eind or not id_token:
        return start
    parameters = {
        "id_token_hint": id_token,
        "post_logout_redirect_uri": request.build_absolute_uri(start),
        "client_id": settings.OIDC_RP_CLIENT_ID,
    }
    return f"{eind}?{urlencode(parameters)}"


class InwonerBackend(OIDCAuthenticationBackend):
    """Authorization code flow to an :class:`Inwoner` (by BSN)."""

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        issuer = getattr(settings, "MAATWERK_OIDC_ISSUER", "")
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("ID-token van een andere uitgever (iss)")
        aud = payload.get("aud")
        if self.OIDC_RP_CLIENT_ID not in (aud if isinstance(aud, list) else [aud]):
            raise SuspiciousOperation("ID-token voor een andere client (aud)")
        return payload

    def bsn_uit(self, claims: dict[str, Any]) -> str | None:
        bsn = claims.get(getattr(settings, "MAATWERK_OIDC_BSN_CLAIM", "bsn"))
        return bsn if isinstance(bsn, str) and is_geldig_bsn(bsn) else None

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Inwoner:
        claims = {**payload, **self.get_userinfo(access_token, id_token, payload)}
        bsn = self.bsn_uit(claims)
        if bsn is None:
            raise SuspiciousOperation("geen geldig BSN in de claims")
        return services.inwoner_voor_bsn(bsn)


class Inloggen(OIDCAuthenticationRequestView):
    """Start: redirect to the provider's authorization endpoint (state, nonce and PKCE in the session)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not ingericht():
            return render(request, "portaal/start.html", {"niet_ingericht": True}, status=503)
        return super().get(request)


class Terugkeer(View):
    """The redirect URI: check state, exchange the code, and start the portal session."""

    http_method_names = ["get"]

    def get(self, request: HttpRequest) -> HttpResponse:
        staten = request.session.get("oidc_states") or {}
        state = request.GET.get("state", "")
        gegevens = staten.pop(state, None) if state else None
        request.session["oidc_states"] = staten  # a state is used once, also after an error
        if gegevens is None or request.GET.get("error") or not request.GET.get("code"):
            return _mislukt(request, "terugkeer zonder geldige state of code")
        try:
            inwoner = InwonerBackend().authenticate(
                request, nonce=gegevens.get("nonce"), code_verifier=gegevens.get("code_verifier")
            )
        except (SuspiciousOperation, requests.RequestException, services.Portaalfout) as exc:
            return _mislukt(request, str(exc))
        if not isinstance(inwoner, Inwoner):
            return _mislukt(request, "geen inwoner")
        volgende = request.session.get("oidc_login_next")
        sessie.start(request, inwoner)
        return redirect(volgende or "portaal:overzicht")


def _mislukt(request: HttpRequest, reden: str) -> HttpResponse:
    logger.warning("inloggen portaal mislukt: %s", reden)
    return render(request, "portaal/start.html", {"mislukt": True}, status=400)

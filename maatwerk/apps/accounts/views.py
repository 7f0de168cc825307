"""Second-factor pages: enter a code (or a recovery code), and set up an authenticator app."""

from __future__ import annotations

import logging

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_static.models import StaticDevice

from . import services
from .tweede_factor import controleer_code, heeft_tweede_factor, is_geverifieerd, totp_apparaat, wachttijd

log = logging.getLogger("maatwerk.inloggen")


def _volgende(request: HttpRequest) -> str:
    doel = request.POST.get("next") or request.GET.get("next") or "/"
    veilig = url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return doel if veilig else "/"


def _context(request: HttpRequest, **extra: object) -> dict[str, object]:
    return {"next": _volgende(request), "navigatie": [], **extra}


@never_cache
@sensitive_post_parameters("code")
def tweede_factor(request: HttpRequest) -> HttpResponse:
    """Step two of logging in: a code from the authenticator app, or one recovery code."""
    if not request.user.is_authenticated:
        return redirect_to_login(_volgende(request))
    if is_geverifieerd(request):
        return redirect(_volgende(request))
    if not heeft_tweede_factor(request.user):
        return redirect(f"{request.path}instellen/?{request.GET.urlencode()}")
    fout = ""
    if request.method == "POST":
        apparaat = controleer_code(request.user, request.POST.get("code", ""))
        herstelcode = isinstance(apparaat, StaticDevice)
        over = apparaat.token_set.count() if isinstance(apparaat, StaticDevice) else 0
        services.log_tweede_factor(request, request.user, apparaat is not None, herstelcode, over)
        if apparaat is not None:
            django_otp.login(request, apparaat)
            if isinstance(apparaat, StaticDevice):
                messages.warning(
                    request,
                    f"U hebt een herstelcode gebruikt; er zijn er nog {over} over. Kwijt uw telefoon? "
                    "Vraag de functioneel beheerder de tweede factor te resetten.",
                )
            return redirect(_volgende(request))
        log.warning("tweede factor: onjuiste code voor %s", request.user.get_username())
        wachten = wachttijd(request.user)
        fout = "Deze code klopt niet. Probeer het opnieuw met de code die de app nu toont." + (
            f" Wacht eerst {wachten} {'seconde' if wachten == 1 else 'seconden'}." if wachten else ""
        )
    return render(
        request, "accounts/tweede_factor.html", _context(request, fout=fout), status=400 if fout else 200
    )


@never_cache
@sensitive_post_parameters("code")
def instellen(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app (first login, or after a reset by the beheerder)."""
    if not request.user.is_authenticated:
        return redirect_to_login(_volgende(request))
    if heeft_tweede_factor(request.user):
        return redirect(f"../?{request.GET.urlencode()}")
    apparaat = services.begin_tweede_factor(request.user)
    fout = ""
    if request.method == "POST":
        try:
            codes = services.bevestig_tweede_factor(request.user, apparaat, request.POST.get("code", ""))
        except services.OngeldigeCode as exc:
            fout = str(exc)
            services.log_tweede_factor(request, request.user, gelukt=False)
        else:
            django_otp.login(request, totp_apparaat(request.user))
            return render(request, "accounts/herstelcodes.html", _context(request, codes=codes))
    sleutel = apparaat.config_url.split("secret=")[1].split("&")[0]
    context = _context(
        request,
        fout=fout,
        sleutel=" ".join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4)),
        qr=segno.make(apparaat.config_url, error="m").svg_data_uri(scale=4, border=2),
    )
    return render(request, "accounts/instellen.html", context, status=400 if fout else 200)

"""Roles are Django groups; helpers to check them in code and views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.db import models

if TYPE_CHECKING:
    from maatwerk.apps.aanbieders.models import Aanbieder


class Rol(models.TextChoices):
    """The roles of the access team and its partners (group names)."""

    CONSULENT = "consulent", "Consulent"
    SENIOR_CONSULENT = "senior_consulent", "Senior consulent"
    BELEIDSMEDEWERKER = "beleidsmedewerker", "Beleidsmedewerker"
    AANBIEDER = "aanbieder", "Aanbieder"
    KWALITEITSMEDEWERKER = "kwaliteitsmedewerker", "Kwaliteitsmedewerker"
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", "Functioneel beheerder"
    JURIST = "jurist", "Jurist"


#: Roles that work on cases of any client (the access team).
TOEGANGSTEAM: tuple[str, ...] = (Rol.CONSULENT, Rol.SENIOR_CONSULENT)


def rollen_van(user: Any) -> set[str]:
    """Names of the role groups the user is in (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cache = getattr(user, "_maatwerk_rollen", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._maatwerk_rollen = cache
    return cache


def heeft_rol(user: Any, *rollen: str) -> bool:
    """True when the user has at least one of ``rollen`` (superusers have none implicitly)."""
    return bool(rollen_van(user) & {str(r) for r in rollen})


def aanbieder_van(user: Any) -> Aanbieder | None:
    """The Aanbieder an aanbieder-user works for, or None."""
    if not heeft_rol(user, Rol.AANBIEDER):
        return None
    profiel = getattr(user, "profiel", None)
    return profiel.aanbieder if profiel is not None else None


def rol_vereist(*rollen: str) -> Callable:
    """Decorator for function views: anonymous -> login page, wrong role -> 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if not heeft_rol(request.user, *rollen):
                raise PermissionDenied("U hebt geen rol die deze pagina mag zien.")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


class RolVereistMixin(AccessMixin):
    """Class-based view mixin: set ``rollen``; anonymous -> login, wrong role -> 403."""

    rollen: tuple[str, ...] = ()
    raise_exception = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not heeft_rol(request.user, *self.rollen):
            raise PermissionDenied("U hebt geen rol die deze pagina mag zien.")
        return super().dispatch(request, *args, **kwargs)

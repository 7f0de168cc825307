"""Claims of the demo provider: scope ``bsn`` gives the ``bsn`` claim, as a DigiD broker does."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from oidc_provider.lib.claims import ScopeClaims


def userinfo(claims: dict[str, Any], user: Any) -> dict[str, Any]:
    """Standard claims: only the name (a DigiD broker gives the BSN and little else)."""
    claims["name"] = user.get_full_name() or user.get_username()
    return claims


class BsnClaims(ScopeClaims):
    info_bsn = (_("Burgerservicenummer"), _("Uw BSN, zodat de gemeente uw gegevens kan vinden."))

    def scope_bsn(self) -> dict[str, Any]:
        identiteit = getattr(self.user, "identiteit", None)
        return {"bsn": identiteit.bsn if identiteit is not None else None}

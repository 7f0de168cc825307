"""Logins into the audit log: Django's login signals, handed to the accounts services.

``user_login_failed`` is sent for a wrong password, an unknown user and an attempt refused during a
lockout (django-axes' backend refuses it and its handler, connected earlier, marks the request); the
outcome is read from the request. Second-factor checks are audited by the code page itself.
"""

from __future__ import annotations

from typing import Any

from . import services


def ingelogd(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    if user is None:
        return
    services.log_inloggen(request, user.get_username(), gelukt=True, user=user)


def inloggen_mislukt(sender: Any, credentials: Any = None, request: Any = None, **kwargs: Any) -> None:
    naam = (credentials or {}).get("username", "")
    services.log_inloggen(request, naam, gelukt=False)

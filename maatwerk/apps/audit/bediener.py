"""Who runs a command-line action, for the audit log (no Django needed).

The CLI sets it once per process: the operating-system user, and ``--namens NAAM`` when a person
runs the command for someone else. Audit rows written without a logged-in web user then name
``cli:<os-gebruiker>`` or ``cli:<os-gebruiker> namens <naam>`` instead of "(anoniem)".
"""

from __future__ import annotations

import getpass
import os

_bediener: str | None = None


def os_gebruiker() -> str:
    """The login name of the operating-system user running this process."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers): the numeric id
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "onbekend"


def zet_bediener(namens: str | None = None) -> str:
    """Record the CLI operator for this process; returns the name the audit log will show."""
    global _bediener
    naam = f"cli:{os_gebruiker()}"
    if namens and namens.strip():
        naam += f" namens {namens.strip()}"
    _bediener = naam[:150]
    return _bediener


def bediener() -> str | None:
    """The CLI operator of this process, or None (a web request or a test without CLI)."""
    return _bediener

"""Django validators for client data."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from .bsn import is_geldig_bsn


def valideer_bsn(waarde: str) -> None:
    """Refuse a BSN that is not 9 digits or fails the 11-proef (Dutch message)."""
    if not re.fullmatch(r"\d{9}", waarde or ""):
        raise ValidationError("Een BSN bestaat uit precies 9 cijfers.", code="bsn_formaat")
    if not is_geldig_bsn(waarde):
        raise ValidationError("Dit BSN klopt niet (het voldoet niet aan de elfproef).", code="bsn_elfproef")


def valideer_postcode(waarde: str) -> None:
    """Dutch postcode: 4 digits (not starting with 0) and 2 letters, e.g. 1234 AB."""
    if not re.fullmatch(r"[1-9]\d{3} ?[A-Za-z]{2}", waarde or ""):
        raise ValidationError("Vul een postcode in als 1234 AB.", code="postcode")

"""Pure checks of an uploaded file: its type from the first bytes (never the name), size and hash."""

from __future__ import annotations

import hashlib

#: Magic numbers of the accepted types -> media type.
HANDTEKENINGEN: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
#: Upper limit of one document (10 MB): a scanned advice or a photo fits, a video does not.
MAX_GROOTTE = 10 * 1024 * 1024


def mediatype_van(inhoud: bytes) -> str | None:
    """The media type the bytes really are (PDF, PNG or JPEG), else None."""
    return next((soort for begin, soort in HANDTEKENINGEN if inhoud.startswith(begin)), None)


def sha256_van(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()

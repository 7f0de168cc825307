"""The message archive: every iWmo message in and out, byte for byte, as a file named by its SHA-256.

The database row (:class:`~maatwerk.apps.berichten.models.Bericht`) keeps only the hash and the size;
the XML itself (up to 25 MB per message, OP179) lives here, written once and never changed::

    <archief>/<sha256[:2]>/<sha256>.xml

Why a file and not a database column: a 25 MB message copied into SQLite or PostgreSQL costs several
times its size in memory (the text, the driver's copy, the database's own buffer), and the legal record
is the message exactly as it was exchanged, which a file keeps without re-encoding. Content addressing
makes a write idempotent (a message delivered twice is stored once) and every read is checked against
the hash, so a changed or damaged file is noticed. Files are written via a temporary name, ``fsync``
and a rename (never half visible). A file whose transaction was rolled back stays behind unreferenced:
harmless, it is never read (``maatwerk`` only reads hashes its rows name).

The folder is the setting ``MAATWERK_IWMO_ARCHIEF`` (or the environment variable of the same name),
default ``<DATA_DIR>/iwmo-archief``. Back it up together with the database.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from pathlib import Path

from django.conf import settings

_SHA = re.compile(r"^[0-9a-f]{64}$")
_BLOK = 1024 * 1024


class Beschadigd(RuntimeError):
    """The archived file is missing or does not match its hash (Dutch message)."""


def map_() -> Path:
    """The archive folder (created when needed)."""
    wortel = (
        getattr(settings, "MAATWERK_IWMO_ARCHIEF", None)
        or os.environ.get("MAATWERK_IWMO_ARCHIEF")
        or Path(settings.DATA_DIR) / "iwmo-archief"
    )
    return Path(wortel)


def pad(sha256: str) -> Path:
    """Where the message with this hash is (or would be) archived."""
    if not _SHA.match(sha256):
        raise ValueError(f"geen SHA-256: {sha256!r}")
    return map_() / sha256[:2] / f"{sha256}.xml"


def nieuw_bestand() -> Path:
    """A fresh temporary path inside the archive (same filesystem: :func:`bewaar_tijdelijk` renames)."""
    tijdelijk = map_() / "tijdelijk"
    tijdelijk.mkdir(parents=True, exist_ok=True)
    return tijdelijk / f".{uuid.uuid4().hex}.part"


def _plaats(tijdelijk: Path, sha256: str) -> Path:
    doel = pad(sha256)
    doel.parent.mkdir(parents=True, exist_ok=True)
    if doel.exists():  # the same bytes were archived before: content addressing makes this a no-op
        tijdelijk.unlink()
    else:
        os.replace(tijdelijk, doel)
    return doel


def bewaar_tijdelijk(tijdelijk: Path) -> tuple[str, int]:
    """Archive a file written with :func:`nieuw_bestand` (moved, not copied); returns (sha256, size)."""
    h = hashlib.sha256()
    with tijdelijk.open("rb+") as f:
        while blok := f.read(_BLOK):
            h.update(blok)
        os.fsync(f.fileno())
        grootte = f.tell()
    sha = h.hexdigest()
    _plaats(tijdelijk, sha)
    return sha, grootte


def bewaar_bestand(bron: Path) -> tuple[str, int]:
    """Copy ``bron`` into the archive in blocks, hashing while copying; returns (sha256, size)."""
    tijdelijk = nieuw_bestand()
    h, grootte = hashlib.sha256(), 0
    try:
        with bron.open("rb") as src, tijdelijk.open("wb") as dst:
            while blok := src.read(_BLOK):
                h.update(blok)
                dst.write(blok)
                grootte += len(blok)
            dst.flush()
            os.fsync(dst.fileno())
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise
    sha = h.hexdigest()
    _plaats(tijdelijk, sha)
    return sha, grootte


def bewaar(inhoud: bytes) -> tuple[str, int]:
    """Archive ``inhoud``; returns (sha256, size)."""
    sha = hashlib.sha256(inhoud).hexdigest()
    if pad(sha).exists():
        return sha, len(inhoud)
    tijdelijk = nieuw_bestand()
    with tijdelijk.open("wb") as f:
        f.write(inhoud)
        f.flush()
        os.fsync(f.fileno())
    _plaats(tijdelijk, sha)
    return sha, len(inhoud)


def lees(sha256: str) -> bytes:
    """The archived message, checked against its hash (:class:`Beschadigd` when it does not match)."""
    doel = pad(sha256)
    try:
        inhoud = doel.read_bytes()
    except FileNotFoundError:
        raise Beschadigd(f"het bericht {sha256[:12]}… ontbreekt in het archief ({doel})") from None
    if hashlib.sha256(inhoud).hexdigest() != sha256:
        raise Beschadigd(f"het bericht {sha256[:12]}… in het archief is gewijzigd of beschadigd ({doel})")
    return inhoud


def controleer(sha256: str) -> None:
    """Check the archived file against its hash, reading it in blocks (:class:`Beschadigd`)."""
    doel = pad(sha256)
    try:
        with doel.open("rb") as f:
            gelijk = hashlib.file_digest(f, "sha256").hexdigest() == sha256
    except FileNotFoundError:
        raise Beschadigd(f"het bericht {sha256[:12]}… ontbreekt in het archief ({doel})") from None
    if not gelijk:
        raise Beschadigd(f"het bericht {sha256[:12]}… in het archief is gewijzigd of beschadigd ({doel})")

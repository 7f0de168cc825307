"""The file-drop transport: one folder per aanbieder with an inbox and an outbox.

Layout under the root (``MAATWERK_IWMO_MAP``, or ``--map``)::

    <root>/<agb>/inbox/            aanbieder -> gemeente (the gemeente reads, the aanbieder writes)
    <root>/<agb>/inbox/verwerkt/   handled by the gemeente
    <root>/<agb>/outbox/           gemeente -> aanbieder (the aanbieder reads, the gemeente writes)
    <root>/<agb>/outbox/opgehaald/ fetched by the aanbieder

Writes are atomic: the file is written as ``.<naam>.part`` in the same folder, flushed and synced, and
then renamed; readers skip names starting with a dot, so they never see half a message. One file is
one message. A GGk connector is connected by pointing it at the same folders (see ``docs/iwmo.md``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from maatwerk.iwmo.transport import Binnenkomend

Map = Literal["inbox", "outbox"]
_AGB = re.compile(r"^[0-9]{8}$")
_NAAM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.xml$")
ARCHIEF: dict[str, str] = {"inbox": "verwerkt", "outbox": "opgehaald"}


def bestandsnaam(bericht: str, identificatie: str, moment: dt.datetime | None = None) -> str:
    """``20261201T151200-WMO301-17-1a2b3c4d.xml``: sortable by time, unique, safe on every filesystem."""
    moment = moment or dt.datetime.now()
    veilig = re.sub(r"[^A-Za-z0-9]", "_", identificatie)[:20]
    return f"{moment:%Y%m%dT%H%M%S%f}-{bericht}-{veilig}-{uuid.uuid4().hex[:8]}.xml"


def schrijf_atomair(map_: Path, naam: str, inhoud: bytes | Path) -> Path:
    """Write ``inhoud`` (bytes, or a file copied in blocks) to ``map_/naam`` via a temporary file and a
    rename (never half visible)."""
    if not _NAAM.match(naam):
        raise ValueError(f"ongeldige bestandsnaam voor een bericht: {naam!r}")
    map_.mkdir(parents=True, exist_ok=True)
    doel = map_ / naam
    tijdelijk = map_ / f".{naam}.part"
    with tijdelijk.open("wb") as f:
        if isinstance(inhoud, Path):
            with inhoud.open("rb") as bron:
                shutil.copyfileobj(bron, f, 1024 * 1024)
        else:
            f.write(inhoud)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tijdelijk, doel)
    return doel


class Bestandsmap:
    """The file drop, usable from both sides: the gemeente and (the simulator of) an aanbieder."""

    def __init__(self, wortel: Path | str) -> None:
        self.wortel = Path(wortel)

    def map(self, agb: str, soort: Map) -> Path:
        if not _AGB.match(agb):
            raise ValueError(f"AGB-code {agb!r} moet 8 cijfers zijn")
        return self.wortel / agb / soort

    def aanbieders(self) -> list[str]:
        if not self.wortel.is_dir():
            return []
        return sorted(p.name for p in self.wortel.iterdir() if p.is_dir() and _AGB.match(p.name))

    def schrijf(self, agb: str, soort: Map, naam: str, inhoud: bytes | Path) -> Path:
        return schrijf_atomair(self.map(agb, soort), naam, inhoud)

    def lijst(self, agb: str, soort: Map) -> list[Path]:
        """The waiting messages in one folder, oldest name first (dot files are being written)."""
        map_ = self.map(agb, soort)
        if not map_.is_dir():
            return []
        return sorted(p for p in map_.iterdir() if p.is_file() and not p.name.startswith("."))

    def archiveer(self, pad: Path) -> Path:
        """Move a read message into the folder's archive (``verwerkt`` or ``opgehaald``)."""
        archief = pad.parent / ARCHIEF[pad.parent.name]
        archief.mkdir(exist_ok=True)
        doel = archief / pad.name
        os.replace(pad, doel)
        return doel

    # --- the gemeente's side (the Transport protocol) ---------------------------------------------

    def verstuur(self, agb: str, naam: str, inhoud: bytes) -> str:
        return str(self.schrijf(agb, "outbox", naam, inhoud))

    def verstuur_bestand(self, agb: str, naam: str, bron: Path) -> str:
        return str(self.schrijf(agb, "outbox", naam, bron))

    def binnengekomen(self) -> Iterator[Binnenkomend]:
        for agb in self.aanbieders():
            for pad in self.lijst(agb, "inbox"):
                yield Binnenkomend(agb, pad)

    def afgehandeld(self, bericht: Binnenkomend) -> None:
        if bericht.pad.exists():
            self.archiveer(bericht.pad)

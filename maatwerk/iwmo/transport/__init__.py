"""How iWmo messages travel between the gemeente and an aanbieder: a small pluggable interface.

:class:`Transport` is what the message flows need (deliver to an aanbieder, list what arrived, mark a
message handled). :class:`~maatwerk.iwmo.transport.bestandsmap.Bestandsmap` is the shipped file drop
(an inbox and an outbox per aanbieder, as GGk connectors hand messages over). Pure Python, no Django.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class Binnenkomend:
    """One message waiting in an inbox: who sent it (AGB), where it is, and its file name."""

    agb: str
    pad: Path

    @property
    def naam(self) -> str:
        return self.pad.name


class Transport(Protocol):
    """The gemeente's side of a transport (an aanbieder uses the mirror image)."""

    def verstuur(self, agb: str, naam: str, inhoud: bytes) -> str:
        """Deliver ``inhoud`` to aanbieder ``agb`` as one message; returns where it was put."""
        ...

    def verstuur_bestand(self, agb: str, naam: str, bron: Path) -> str:
        """As :meth:`verstuur`, for the message in file ``bron`` (read in blocks: a 325 can be 25 MB)."""
        ...

    def binnengekomen(self) -> Iterator[Binnenkomend]:
        """Messages from all aanbieders that are not handled yet, oldest first."""
        ...

    def afgehandeld(self, bericht: Binnenkomend) -> None:
        """Move a handled message out of the inbox (it is never offered again)."""
        ...

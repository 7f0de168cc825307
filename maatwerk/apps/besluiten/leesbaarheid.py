"""Readability of a Dutch letter: Flesch-Douma and the share of long sentences (pure Python).

Flesch-Douma (Douma 1960) adapts Flesch's Reading Ease to Dutch::

    206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)

60 or more reads as "makkelijk" (about B1). Syllables are counted as vowel groups, with the Dutch
diphthongs inside one group and a diaeresis (cliënt, geïnd) starting a new one: an approximation that is
good enough to compare letters, not a linguistic analysis. Only running text counts: the text of
``<p>``, ``<li>``, ``<td>`` and ``<th>`` outside blocks marked ``data-leesbaarheid="overslaan"`` (address
blocks, reference numbers, the signature).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["Leesbaarheid", "lettergrepen", "meet", "tekst_uit_html", "zinnen", "woorden"]

_KLINKERS = "aeiouyàáâäèéêëìíîïòóôöùúûü"
_TREMA = "äëïöü"
_WOORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
# A sentence ends at . ! ? (or ;) followed by a space or the end; not after a single letter or digit
# abbreviation like "t.a.v." (no space inside) or inside a number like "1.5".
_ZINSEINDE = re.compile(r"(?<=[.!?;])\s+")
_BLOKKEN = {"p", "li", "td", "th", "h1", "h2", "h3", "dd", "dt", "caption"}
_KOPPEN = {"h1", "h2", "h3", "dt", "th", "caption"}


def lettergrepen(woord: str) -> int:
    """Syllables of one Dutch word (vowel groups; a diaeresis starts a new group); at least 1."""
    w = woord.lower()
    if w.isdigit():
        return max(1, len(w))  # numbers are read aloud: roughly one syllable per digit
    aantal = 0
    vorige_klinker = False
    for teken in w:
        klinker = teken in _KLINKERS
        if klinker and (not vorige_klinker or teken in _TREMA):
            aantal += 1
        vorige_klinker = klinker
    return max(1, aantal)


def woorden(zin: str) -> list[str]:
    return _WOORD.findall(zin)


def zinnen(tekst: str) -> list[str]:
    """Sentences of a block of running text (a block without a full stop is one sentence)."""
    return [z.strip() for z in _ZINSEINDE.split(tekst) if woorden(z)]


class _Tekst(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blokken: list[str] = []
        self._stapel: list[tuple[str, bool]] = []  # (tag, skipped)
        self._huidig: list[str] = []
        self._diepte = 0

    @property
    def _overslaan(self) -> bool:
        return any(s for _t, s in self._stapel)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "meta", "link", "hr", "input"}:
            if tag == "br":
                self._huidig.append(" ")
            return
        overslaan = dict(attrs).get("data-leesbaarheid") == "overslaan" or tag in {"style", "script", "title"}
        if tag in _BLOKKEN and not self._overslaan and not overslaan:
            self._sluit()
            self._diepte += 1
        self._stapel.append((tag, overslaan))

    def handle_endtag(self, tag: str) -> None:
        while self._stapel:
            open_tag, _s = self._stapel.pop()
            if open_tag in _BLOKKEN and not self._overslaan and not _s:
                self._sluit(kop=open_tag in _KOPPEN)
                self._diepte -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._overslaan and self._diepte > 0:
            self._huidig.append(data)

    def _sluit(self, kop: bool = False) -> None:
        tekst = " ".join("".join(self._huidig).split())
        self._huidig = []
        if tekst and not kop:
            self.blokken.append(tekst)


def tekst_uit_html(html: str) -> list[str]:
    """Blocks of running text in ``html`` (headings and skipped blocks left out)."""
    parser = _Tekst()
    parser.feed(html)
    parser.close()
    return parser.blokken


@dataclass(frozen=True)
class Leesbaarheid:
    zinnen: tuple[str, ...]
    woorden: int
    lettergrepen: int

    @property
    def flesch_douma(self) -> float:
        if not self.zinnen or not self.woorden:
            return 0.0
        return 206.835 - 0.93 * (self.woorden / len(self.zinnen)) - 77 * (self.lettergrepen / self.woorden)

    @property
    def lange_zinnen(self) -> tuple[str, ...]:
        """Sentences of more than 20 words."""
        return tuple(z for z in self.zinnen if len(woorden(z)) > 20)

    @property
    def aandeel_lang(self) -> float:
        """Share (0..1) of sentences over 20 words."""
        return len(self.lange_zinnen) / len(self.zinnen) if self.zinnen else 0.0

    @property
    def gemiddelde_zinslengte(self) -> float:
        return self.woorden / len(self.zinnen) if self.zinnen else 0.0


def meet(html: str) -> Leesbaarheid:
    """Flesch-Douma and sentence lengths of the running text of a letter in HTML."""
    alle = tuple(z for blok in tekst_uit_html(html) for z in zinnen(blok))
    ws = [w for z in alle for w in woorden(z)]
    return Leesbaarheid(alle, len(ws), sum(lettergrepen(w) for w in ws))

"""The schouw checklist from the client's current indication (pure Python, no Django).

One point per task of the indication, with its frequency and resultaatgebied; the rooms in use come
from the situation of the onderzoek (``woning.kamers_in_gebruik``) and are shown with every task in a
cleaning resultaatgebied.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Punt:
    taak_id: str
    taak: str
    resultaatgebied: str
    frequentie: str
    minuten_per_week: int
    ruimtes: str


def ruimtes(situatie: dict[str, Any] | None) -> str:
    """Rooms in use as text, e.g. '3 kamers in gebruik (appartement), 1 niet in gebruik'."""
    woning = (situatie or {}).get("woning") or {}
    if "kamers_in_gebruik" not in woning:
        return ""
    tekst = f"{woning['kamers_in_gebruik']} kamers in gebruik"
    if woning.get("type"):
        tekst += f" ({woning['type']})"
    if woning.get("kamers_niet_in_gebruik"):
        tekst += f", {woning['kamers_niet_in_gebruik']} niet in gebruik"
    return tekst


def checklist(indicatie: dict[str, Any], situatie: dict[str, Any] | None = None) -> list[Punt]:
    """The points to check, in the order of the indication (tasks without minutes are left out)."""
    kamers = ruimtes(situatie)
    gebieden = {g["id"]: g.get("naam", g["id"]) for g in indicatie.get("resultaatgebieden", [])}
    punten = []
    for a in indicatie.get("activiteiten", []):
        if int(a.get("minuten_per_week", 0)) <= 0:
            continue
        gebied = a.get("resultaatgebied", "")
        schoonmaak = "huis" in gebied or ("schoon" in gebied and "was" not in gebied)
        punten.append(
            Punt(
                taak_id=str(a["id"]),
                taak=str(a.get("taak", a["id"])),
                resultaatgebied=str(gebieden.get(gebied, gebied)),
                frequentie=str(a.get("frequentie", "")),
                minuten_per_week=int(a.get("minuten_per_week", 0)),
                ruimtes=kamers if schoonmaak else "",
            )
        )
    return punten

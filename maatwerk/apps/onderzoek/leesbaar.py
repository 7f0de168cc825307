"""Presentation of the onderzoek form: its sections by what the kader uses, and readable errors.

Every error names a field by its label (never an engine id such as ``schoon_huis`` or
``huishouden.0.geboortedatum``) and links to the field it is about, when that field is on the page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .forms import MAX_HUISGENOTEN, MAX_NETWERK, VOORZIENINGEN, SituatieForm

if TYPE_CHECKING:
    from .kadervragen import Gebruik

Fout = dict[str, str]  # {"tekst": ..., "anker": id of the field or ""}

_PAD = re.compile(r"^[A-Za-z_]\w*(?:\.\w+)*$")
_NETWERK = {"wie": "wie", "taak": "taak", "minuten_per_week": "minuten"}


def _telt(gebruik: Gebruik | None, naam: str) -> bool:
    return gebruik is None or gebruik.telt(naam)


def secties(form: SituatieForm, gebruik: Gebruik | None) -> list[dict[str, Any]]:
    """The situation's fieldsets, each split into rows that count and rows that do not count."""
    groepen = [
        ("Wat kan de cliënt zelf?", [form.beperking_velden]),
        (
            "Woning",
            [
                [form["woning_type"], form["kamers_in_gebruik"], form["kamers_niet_in_gebruik"]],
                [form["trap"]],
            ],
        ),
        ("Huishouden (gebruikelijke hulp)", form.huisgenoot_rijen),
        ("Netwerk (eigen kracht)", form.netwerk_rijen),
        ("Omstandigheden", [form.omstandigheid_velden]),
    ]
    uit = []
    for legend, rijen in groepen:
        telt = [r for r in ([v for v in rij if _telt(gebruik, v.name)] for rij in rijen) if r]
        niet = [r for r in ([v for v in rij if not _telt(gebruik, v.name)] for rij in rijen) if r]
        uit.append(
            {
                "legend": legend,
                "rijen": telt,
                "niet": niet,
                "aantal_niet": sum(len(r) for r in niet),
                "fout_in_niet": any(v.errors for r in niet for v in r),
            }
        )
    return uit


def voorzieningen(form: SituatieForm, gebruik: Gebruik | None) -> dict[str, Any]:
    """The algemene voorzieningen, each with its checkbox and the consulent's decision (passend,
    financieel toegankelijk, motivatie): those the kader uses, and those it does not."""
    alle = [form.voorziening_vragen(vid) for vid, _ in VOORZIENINGEN]
    telt = [v for v in alle if gebruik is None or v["id"] in gebruik.voorzieningen]
    niet = [v for v in alle if v not in telt]
    fout = any(v[k].errors for v in niet for k in ("passend", "financieel_toegankelijk", "motivatie"))
    return {"telt": telt, "niet": niet, "fout_in_niet": fout}


def _gevulde_rijen(form: SituatieForm, soort: str) -> list[int]:
    """Form row numbers that became entries of the situation, in order (the engine counts those)."""
    d = getattr(form, "cleaned_data", {}) or {}
    if soort == "huishouden":
        return [i for i in range(MAX_HUISGENOTEN) if d.get(f"lid{i}_rol") and d.get(f"lid{i}_geboortedatum")]
    return [i for i in range(MAX_NETWERK) if d.get(f"netwerk{i}_wie")]


def _veld(form: SituatieForm, naam: str) -> tuple[str, str]:
    if naam not in form.fields:
        return "", ""
    return str(form.fields[naam].label), f"id_{form.add_prefix(naam)}"


def engine_fout(tekst: str, form: SituatieForm) -> Fout:
    """An engine message (``"huishouden.0.geboortedatum: ..."``) with the form's label instead of the key."""
    kop, _, rest = tekst.partition(": ")
    if not rest or not _PAD.match(kop):
        return {"tekst": tekst, "anker": ""}
    delen = kop.split(".")
    label, anker = "", ""
    if delen == ["client", "geboortedatum"]:
        label = "Geboortedatum van de cliënt"
    elif delen == ["peildatum"]:
        label, anker = "Datum keukentafelgesprek", "id_gespreksdatum"
    elif delen[0] in ("huishouden", "netwerk") and len(delen) == 3 and delen[1].isdigit():
        rijen = _gevulde_rijen(form, delen[0])
        n = int(delen[1])
        if n < len(rijen):
            veld = delen[2] if delen[0] == "huishouden" else _NETWERK.get(delen[2], delen[2])
            voorvoegsel = "lid" if delen[0] == "huishouden" else "netwerk"
            label, anker = _veld(form, f"{voorvoegsel}{rijen[n]}_{veld}")
    elif delen[0] == "woning" and len(delen) == 2:
        label, anker = _veld(form, "woning_type" if delen[1] == "type" else delen[1])
    elif delen[0] == "beperkingen" and len(delen) == 2:
        label, anker = _veld(form, f"beperking_{delen[1]}")
    elif delen[0] == "omstandigheden" and len(delen) == 2:
        label, anker = _veld(form, f"omstandigheid_{delen[1]}")
    elif delen[0] == "afwijkingen":
        label = "Afwijking van de norm"
    elif delen[0] == "algemene_voorzieningen":
        label = "Algemene voorzieningen"
    return {"tekst": f"{label}: {rest}" if label else rest, "anker": anker}


def foutoverzicht(
    fouten: list[str],
    gesprek: Any,
    situatie_form: SituatieForm,
    afw_rijen: list[dict[str, Any]],
    zr_rijen: list[dict[str, Any]],
    engine_fouten: list[Fout],
) -> list[Fout]:
    """Every error of a failed save, in page order, each with a link target on the page."""
    uit: list[Fout] = [{"tekst": f, "anker": ""} for f in fouten]
    for form in (gesprek, situatie_form):
        uit += [{"tekst": str(f), "anker": ""} for f in form.non_field_errors()]
        for veld in form:
            for f in veld.errors:
                if veld.is_hidden:
                    uit.append(
                        {"tekst": "Het formulier is onvolledig; open het onderzoek opnieuw.", "anker": ""}
                    )
                else:
                    # A radio group has no label target of its own: link to its first option.
                    anker = veld.id_for_label or (f"{veld.auto_id}_0" if veld.auto_id else "")
                    uit.append({"tekst": f"{veld.label}: {f}", "anker": anker})
    uit += [
        {"tekst": f"Afwijking bij {r['taak']}: {r['fout']}", "anker": f"afw_{r['fout_bij']}_{r['id']}"}
        for r in afw_rijen
        if r["fout"]
    ]
    uit += [
        {"tekst": f"Zelfredzaamheid {r['naam']}: {r['fout']}", "anker": f"zr_{r['fout_bij']}_{r['id']}"}
        for r in zr_rijen
        if r["fout"]
    ]
    return uit + engine_fouten

"""The consulent's decision on a verzoek (WMO315/317): grant, reject with a WJ759 reason, or investigate."""

from __future__ import annotations

from typing import Any

from django import forms

from maatwerk.apps.cases.forms import NlForm

BESLUITEN = [
    ("toegekend", "Toekennen (beschikking afgeven; de aanbieder krijgt de toewijzing, WMO301)"),
    ("afgewezen", "Afwijzen (antwoordbericht WMO319 met reden)"),
    ("in_onderzoek", "In onderzoek nemen (antwoordbericht WMO319)"),
]
REDENEN = [
    ("", "— kies bij afwijzen —"),
    ("1", "Geen wijziging, maar nieuwe aanvraag"),
    ("2", "Past niet binnen budget"),
    ("3", "Geen contract"),
    ("4", "Past niet binnen contract"),
    ("5", "Andere gemeente"),
    ("6", "Stapeling"),
    ("7", "Zorginhoudelijke afkeur"),
    ("8", "Woonplaatsbeginsel"),
    ("9", "Leeftijdsgrens is bereikt"),
]


class VerzoekBesluitForm(NlForm):
    besluit = forms.ChoiceField(label="Besluit", choices=BESLUITEN, widget=forms.RadioSelect)
    reden_afwijzing = forms.ChoiceField(label="Reden afwijzing (WJ759)", choices=REDENEN, required=False)
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        if data.get("besluit") == "afgewezen" and not data.get("reden_afwijzing"):
            self.add_error("reden_afwijzing", "Kies de reden van de afwijzing.")
        return data

"""Forms of levering: zorgplan (afspraken, tekenen) and start/stop of delivery; Dutch messages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from maatwerk.apps.cases.forms import Datum, NlForm

from .iwmo import codelijst


class ZorgplanForm(NlForm):
    """Agreement per task (who does what, when), plus the version the user started from."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False, max_length=4000)

    def __init__(self, *args: Any, afspraken: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for a in afspraken:
            self.fields[f"afspraak_{a['activiteit']}"] = forms.CharField(
                label=f"Afspraak: {a['taak']} ({a['frequentie']}, {a['minuten_per_week']} minuten per week)",
                max_length=500,
                initial=a.get("afspraak", ""),
                widget=forms.Textarea(attrs={"rows": 2}),  # several lines: who, when, what (issue 10.10)
            )
        self.afspraken = afspraken

    def per_taak(self) -> dict[str, str]:
        return {a["activiteit"]: self.cleaned_data[f"afspraak_{a['activiteit']}"] for a in self.afspraken}


class TekenForm(NlForm):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    client_naam = forms.CharField(
        label="Naam van de cliënt (of vertegenwoordiger) die tekende", max_length=200
    )
    akkoord = forms.BooleanField(label="De cliënt en ik hebben het zorgplan samen ondertekend")


class StartForm(NlForm):
    datum = forms.DateField(label="Startdatum levering", widget=Datum(), initial=dt.date.today)


class StopForm(NlForm):
    datum = forms.DateField(label="Stopdatum levering", widget=Datum(), initial=dt.date.today)
    reden = forms.ChoiceField(label="Reden beëindiging")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reden"].choices = [("", "— kies een reden —")] + [
            (code, f"{code} {tekst}") for code, tekst in codelijst("reden_beeindiging").codes.items()
        ]

"""Form for recording campaign progress per client."""

from __future__ import annotations

from django import forms

from maatwerk.apps.cases.forms import NlForm

from .models import Soort
from .overgang import DRIEGESPREK_UITKOMSTEN


class RegistratieForm(NlForm):
    bsn = forms.CharField(label="BSN", max_length=9, min_length=9)
    soort = forms.ChoiceField(label="Soort", choices=Soort.choices)
    datum = forms.DateField(label="Datum", widget=forms.DateInput(attrs={"type": "date"}))
    uitkomst = forms.ChoiceField(
        label="Uitkomst driegesprek",
        required=False,
        choices=[("", "—"), *((u, u.replace("_", " ")) for u in DRIEGESPREK_UITKOMSTEN)],
    )
    tot = forms.DateField(
        label="Tijdelijk terug tot", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            klasse = {"Select": "utrecht-select", "Textarea": "utrecht-textarea"}.get(
                type(veld.widget).__name__, "utrecht-textbox"
            )
            veld.widget.attrs["class"] = klasse

"""The form to register an informal-resolution step (validation of the rules is in the service)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from maatwerk.apps.aanbieders.models import Aanbieder

from .bronnen import formulierbasis
from .models import Soort, Uitkomst

NlForm, Datum = formulierbasis()


class BemiddelingForm(NlForm):  # type: ignore[misc, valid-type]
    soort = forms.ChoiceField(label="Soort", choices=Soort.choices)
    datum = forms.DateField(label="Datum van het gesprek", widget=Datum(), initial=timezone.localdate)
    uitkomst = forms.ChoiceField(label="Uitkomst", choices=Uitkomst.choices)
    aanbieder = forms.ModelChoiceField(
        label="Aanbieder",
        queryset=Aanbieder.objects.filter(actief=True),
        required=False,
        help_text="Leeg: de aanbieder van de zaak.",
    )
    deelnemers = forms.CharField(label="Deelnemers", max_length=300, required=False)
    mediator = forms.CharField(label="Mediator (bij mediation)", max_length=200, required=False)
    aanleiding = forms.CharField(label="Aanleiding (bijv. bezwaar of klacht)", max_length=200, required=False)
    toelichting = forms.CharField(label="Wat is besproken en afgesproken", widget=forms.Textarea)

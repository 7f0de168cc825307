"""Forms of the klacht pages (Dutch messages); the rules live in :mod:`.services`."""

from __future__ import annotations

from django import forms

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.cases.forms import Datum, NlForm

from .models import Oordeel, Over


class KlachtForm(NlForm):
    ontvangen_op = forms.DateField(label="Klaagschrift ontvangen op", widget=Datum())
    klager = forms.CharField(label="Naam klager", max_length=200)
    over = forms.ChoiceField(label="Klacht over", choices=Over.choices)
    aanbieder = forms.ModelChoiceField(
        label="Aanbieder",
        queryset=Aanbieder.objects.order_by("naam"),
        required=False,
        help_text="Verplicht bij een klacht over de zorgaanbieder.",
    )
    zaak = forms.IntegerField(label="Zaaknummer", min_value=1, required=False)
    bezwaar = forms.CharField(
        label="Kenmerk lopend bezwaar", max_length=20, required=False, help_text="Bijvoorbeeld BZ-2026-00001."
    )
    omschrijving = forms.CharField(label="Waarover gaat de klacht", widget=forms.Textarea, max_length=10_000)


class VerdagenForm(NlForm):
    weken = forms.IntegerField(
        label="Verdagen met (weken)",
        min_value=1,
        max_value=4,
        help_text="Ten hoogste 4 weken (Awb 9:11 lid 2).",
    )
    op = forms.DateField(label="Verdaagd op (brief aan de klager)", widget=Datum())
    reden = forms.CharField(label="Reden van de verdaging", widget=forms.Textarea)


class KoppelForm(NlForm):
    bezwaar = forms.CharField(label="Kenmerk bezwaar", max_length=20, help_text="Bijvoorbeeld BZ-2026-00001.")


class AfhandelenForm(NlForm):
    oordeel = forms.ChoiceField(label="Oordeel", choices=Oordeel.choices)
    op = forms.DateField(label="Afgehandeld op", widget=Datum())
    bevindingen = forms.CharField(label="Bevindingen en conclusies", widget=forms.Textarea)
    maatregelen = forms.CharField(label="Maatregelen", widget=forms.Textarea, required=False)

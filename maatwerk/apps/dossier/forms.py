"""Forms of the dossier: a contactmoment and a document upload (format only; rules in services)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from maatwerk.apps.cases.forms import Datum, NlForm

from .models import Kanaal


class ContactmomentForm(NlForm):
    prefix = "contact"
    datum = forms.DateField(label="Datum", widget=Datum(), initial=timezone.localdate)
    met = forms.CharField(
        label="Met wie", max_length=200, help_text="Bijvoorbeeld: cliënt, dochter, huisarts."
    )
    kanaal = forms.ChoiceField(label="Kanaal", choices=[("", "— kies —"), *Kanaal.choices])
    notitie = forms.CharField(label="Notitie", widget=forms.Textarea(attrs={"rows": 3}))


class DocumentForm(NlForm):
    prefix = "document"
    titel = forms.CharField(label="Titel", max_length=200, help_text="Bijvoorbeeld: medisch advies huisarts.")
    bestand = forms.FileField(label="Bestand (PDF, PNG of JPEG, hoogstens 10 MB)")

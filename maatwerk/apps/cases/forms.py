"""Forms of the case workflow. Every error message is Dutch and names the field.

The forms check the input's format; the case rules (dates against the melddatum, one running
opschorting, a reason for closing, a unique BSN) are defined once in :mod:`maatwerk.apps.cases.services`
(``*_fouten``), which the forms ask so that every error shows at once, and which the services enforce.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from maatwerk.apps.aanbieders.models import Aanbieder
from maatwerk.apps.accounts.rollen import TOEGANGSTEAM
from maatwerk.apps.clients.validators import valideer_bsn, valideer_postcode

from . import services
from .models import Kanaal, Opschorting, SoortMelding, Status
from .status import toegestane_overgangen
from .termijnregels import datumbereik

#: Transitions a consulent sets by hand; besluit/toewijzing/levering come from the beschikking flow.
HANDMATIG = (Status.IN_ONDERZOEK, Status.AANVRAAG, Status.AFGEWEZEN, Status.INGETROKKEN, Status.BEEINDIGD)

VERPLICHT = "Dit veld is verplicht."


def _toon(form: forms.Form, fouten: list) -> None:
    """Add each refusal of a services check to its field, unless that field already has an error."""
    for fout in fouten:
        veld = fout.veld if fout.veld in form.fields else None
        if veld is None or veld not in form.errors:
            form.add_error(veld, str(fout))


def _datumfout(naam: str, datum: dt.date) -> str | None:
    """Refusal of a date outside its plausible range: a case date within
    :func:`termijnregels.datumbereik`, a birth date from 120 years ago to today (year 0001, 9999
    and dates before the first deadline rules made pages fail)."""
    vandaag = timezone.localdate()
    if "geboortedatum" in naam:
        van, tot = dt.date(vandaag.year - 120, 1, 1), vandaag
    else:
        van, tot = datumbereik(vandaag)
    if van <= datum <= tot:
        return None
    return f"Vul een datum in tussen {van:%d-%m-%Y} en {tot:%d-%m-%Y}."


class NlForm(forms.Form):
    """Form with Dutch default messages and Utrecht CSS classes on the widgets; every date field
    only takes a plausible date (``_datumfout``, checked after the form's own, more specific checks)."""

    def _post_clean(self) -> None:
        super()._post_clean()
        for naam, veld in self.fields.items():
            datum = self.cleaned_data.get(naam) if hasattr(self, "cleaned_data") else None
            if not isinstance(veld, forms.DateField) or not isinstance(datum, dt.date):
                continue
            if naam not in self.errors and (fout := _datumfout(naam, datum)) is not None:
                self.add_error(naam, fout)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            veld.error_messages.setdefault("required", VERPLICHT)
            veld.error_messages["required"] = VERPLICHT
            if "invalid" in veld.error_messages and isinstance(veld, forms.DateField):
                veld.error_messages["invalid"] = "Vul een geldige datum in (JJJJ-MM-DD)."
            w = veld.widget
            if isinstance(w, forms.HiddenInput):
                continue
            if isinstance(w, forms.CheckboxInput):
                w.attrs.setdefault("class", "utrecht-checkbox utrecht-checkbox--html-input")
            elif isinstance(w, forms.Select):
                w.attrs.setdefault("class", "utrecht-select utrecht-select--html-select")
            elif isinstance(w, forms.Textarea):
                w.attrs.setdefault("class", "utrecht-textarea utrecht-textarea--html-textarea")
                w.attrs.setdefault("rows", 4)
            else:
                w.attrs.setdefault("class", "utrecht-textbox utrecht-textbox--html-input")


class Datum(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class MeldingForm(NlForm):
    """Register a melding: vormvrij (name, address, date of birth, question) or volledig (also BSN)."""

    soort_melding = forms.ChoiceField(
        label="Soort melding", choices=SoortMelding.choices, initial=SoortMelding.VOLLEDIG
    )
    indiening = forms.UUIDField(widget=forms.HiddenInput, required=False, initial=uuid.uuid4)
    melddatum = forms.DateField(label="Melddatum", widget=Datum(), initial=dt.date.today)
    kanaal = forms.ChoiceField(label="Kanaal", choices=Kanaal.choices)
    spoed = forms.BooleanField(label="Spoed (voorlopige beschikking binnen 2 dagen)", required=False)
    vraag = forms.CharField(label="Hulpvraag", widget=forms.Textarea, max_length=5000)
    bsn = forms.CharField(
        label="BSN", required=False, max_length=9, help_text="9 cijfers; verplicht bij een volledige melding."
    )
    voornamen = forms.CharField(label="Voornamen", required=False, max_length=200)
    tussenvoegsel = forms.CharField(label="Tussenvoegsel", required=False, max_length=20)
    achternaam = forms.CharField(label="Achternaam", max_length=200)
    geboortedatum = forms.DateField(label="Geboortedatum", widget=Datum())
    straat = forms.CharField(label="Straat", max_length=200)
    huisnummer = forms.CharField(label="Huisnummer", max_length=20)
    postcode = forms.CharField(label="Postcode", max_length=7, validators=[valideer_postcode])
    woonplaats = forms.CharField(label="Woonplaats", max_length=100, initial="Voorbeeldstad")
    telefoon = forms.CharField(label="Telefoon", required=False, max_length=30)

    def clean_bsn(self) -> str:
        bsn = self.cleaned_data.get("bsn", "").replace(" ", "").replace(".", "")
        if bsn:
            valideer_bsn(bsn)
        return bsn

    def clean_geboortedatum(self) -> dt.date:
        datum = self.cleaned_data["geboortedatum"]
        vandaag = timezone.localdate()
        if datum > vandaag:
            raise forms.ValidationError("De geboortedatum kan niet in de toekomst liggen.")
        if datum.year < vandaag.year - 120:
            raise forms.ValidationError(
                "Deze geboortedatum ligt meer dan 120 jaar terug; controleer het jaartal."
            )
        return datum

    def clean(self) -> dict:
        data = super().clean()
        bsn = None if "bsn" in self.errors else data.get("bsn", "")
        _toon(self, services.melding_fouten(data.get("melddatum"), data.get("soort_melding"), bsn))
        return data


class StatusForm(NlForm):
    naar = forms.ChoiceField(label="Nieuwe status")
    datum = forms.DateField(
        label="Datum (bij een aanvraag: ontvangstdatum)",
        widget=Datum(),
        required=False,
        help_text="Leeg laten = vandaag.",
    )
    toelichting = forms.CharField(label="Toelichting", max_length=500, required=False, widget=forms.Textarea)

    def __init__(self, *args, huidig: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        keuzes = [(s, Status(s).label) for s in toegestane_overgangen(huidig) if s in HANDMATIG]
        self.fields["naar"].choices = [("", "— kies de nieuwe status —"), *keuzes] if keuzes else []
        self.fields["naar"].error_messages["invalid_choice"] = "Deze statuswijziging is niet toegestaan."

    def clean(self) -> dict:
        data = super().clean()
        _toon(self, services.status_fouten(data.get("naar"), data.get("toelichting")))
        return data


class OpschortingForm(NlForm):
    van = forms.DateField(label="Opgeschort vanaf", widget=Datum(), initial=dt.date.today)
    tot = forms.DateField(label="Tot en met (leeg = loopt nog)", widget=Datum(), required=False)
    reden = forms.CharField(label="Reden", max_length=500, widget=forms.Textarea)

    def __init__(self, *args, zaak=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.zaak = zaak

    def clean(self) -> dict:
        data = super().clean()
        if self.zaak is not None:
            _toon(self, services.opschorting_fouten(self.zaak, data.get("van"), data.get("tot")))
        return data


class OpschortingBeeindigenForm(NlForm):
    tot = forms.DateField(label="Opschorting beëindigd op", widget=Datum(), initial=dt.date.today)

    def __init__(self, *args, opschorting: Opschorting | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.opschorting = opschorting

    def clean(self) -> dict:
        data = super().clean()
        if self.opschorting is not None:
            _toon(self, services.einde_opschorting_fouten(self.opschorting.van, data.get("tot")))
        return data


class SpoedForm(NlForm):
    """Record that the spoed voorlopige beschikking or the follow-up contact took place."""

    mijlpaal = forms.ChoiceField(
        label="Wat is gedaan",
        choices=[
            ("voorlopige_beschikking_op", "Voorlopige beschikking verzonden"),
            ("vervolgcontact_op", "Vervolgcontact gehad"),
        ],
    )
    datum = forms.DateField(label="Datum", widget=Datum(), initial=dt.date.today)

    def __init__(self, *args, zaak=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.zaak = zaak

    def clean(self) -> dict:
        data = super().clean()
        if self.zaak is not None:
            _toon(self, services.spoed_fouten(self.zaak, data.get("datum")))
        return data


class ToewijzenForm(NlForm):
    """Choose the consulent and the aanbieder of the case."""

    consulent = forms.ModelChoiceField(
        label="Consulent", queryset=None, required=False, empty_label="(niemand)"
    )
    aanbieder = forms.ModelChoiceField(
        label="Aanbieder",
        queryset=Aanbieder.objects.filter(actief=True),
        required=False,
        empty_label="(nog geen aanbieder)",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consulent"].queryset = (
            get_user_model()
            .objects.filter(groups__name__in=[str(r) for r in TOEGANGSTEAM], is_active=True)
            .distinct()
            .order_by("username")
        )
        self.fields["consulent"].label_from_instance = lambda u: u.get_full_name() or u.username
        for naam in ("consulent", "aanbieder"):
            self.fields[naam].error_messages["invalid_choice"] = "Kies een waarde uit de lijst."


class ClientForm(NlForm):
    """Complete or correct the client's personal data (e.g. a vormvrije melding gets its BSN)."""

    versie = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    bsn = forms.CharField(label="BSN", required=False, max_length=9, help_text="9 cijfers (elfproef).")
    voornamen = forms.CharField(label="Voornamen", required=False, max_length=200)
    tussenvoegsel = forms.CharField(label="Tussenvoegsel", required=False, max_length=20)
    achternaam = forms.CharField(label="Achternaam", max_length=200)
    geboortedatum = forms.DateField(label="Geboortedatum", widget=Datum())
    straat = forms.CharField(label="Straat", max_length=200)
    huisnummer = forms.CharField(label="Huisnummer", max_length=20)
    postcode = forms.CharField(label="Postcode", max_length=7, validators=[valideer_postcode])
    woonplaats = forms.CharField(label="Woonplaats", max_length=100)
    telefoon = forms.CharField(label="Telefoon", required=False, max_length=30)
    email = forms.EmailField(
        label="E-mail", required=False, error_messages={"invalid": "Vul een geldig e-mailadres in."}
    )

    def __init__(self, *args, client=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.client = client

    def clean_bsn(self) -> str:
        from maatwerk.apps.clients.services import bsn_fouten

        bsn = self.cleaned_data.get("bsn", "").replace(" ", "").replace(".", "")
        if bsn:
            valideer_bsn(bsn)
        for fout in bsn_fouten(self.client, bsn):
            raise forms.ValidationError(str(fout))
        return bsn

    def clean_geboortedatum(self) -> dt.date:
        datum = self.cleaned_data["geboortedatum"]
        if datum > timezone.localdate():
            raise forms.ValidationError("De geboortedatum kan niet in de toekomst liggen.")
        return datum

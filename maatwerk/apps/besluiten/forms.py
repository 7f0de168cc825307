"""Forms of besluiten: ondersteuningsplan, beschikking, correctie and einde recht (on the besluit page)."""

from __future__ import annotations

from typing import Any

from django import forms

from maatwerk.apps.cases.forms import Datum, NlForm
from maatwerk.apps.levering.models import Leveringsvorm

from .models import Besluit


class OndersteuningsplanForm(NlForm):
    """One goal per resultaatgebied (fields are added per area of the indication)."""

    toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False, max_length=4000)

    def __init__(self, *args: Any, gebieden: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for g in gebieden:
            self.fields[f"doel_{g['id']}"] = forms.CharField(
                label=f"Doel: {g['naam']}",
                max_length=500,
                required=False,
                initial=g.get("doel", ""),
                widget=forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
            )
        self.gebieden = gebieden

    def doelen(self) -> dict[str, str]:
        return {g["id"]: self.cleaned_data[f"doel_{g['id']}"] for g in self.gebieden}


class BeschikkingForm(NlForm):
    besluit = forms.ChoiceField(label="Besluit", choices=Besluit.choices, initial=Besluit.TOEGEKEND)
    gevraagd = forms.CharField(
        label="Wat vroeg de cliënt (tekst voor de brief)",
        widget=forms.Textarea,
        max_length=600,
        help_text="Schrijf in eenvoudige taal aan de cliënt, in de u-vorm. Dit komt onder ‘Wat vroeg u?’ in "
        "de brief. Niet de interne notitie van de melding.",
    )
    motivering = forms.CharField(
        label="Motivering",
        widget=forms.Textarea,
        required=False,
        max_length=4000,
        help_text="Verplicht bij een afwijzing.",
    )
    ingangsdatum = forms.DateField(label="Ingangsdatum", widget=Datum(), required=False)
    einddatum = forms.DateField(label="Einddatum", widget=Datum(), required=False)
    leveringsvorm = forms.ChoiceField(
        label="Leveringsvorm", choices=Leveringsvorm.choices, initial=Leveringsvorm.ZIN
    )
    reden_geen_zorgplan = forms.CharField(
        label="Reden zonder ondertekend zorgplan",
        widget=forms.Textarea,
        required=False,
        max_length=2000,
        help_text="Alleen invullen als er (nog) geen door cliënt en aanbieder ondertekend zorgplan is.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("besluit") == Besluit.TOEGEKEND and not data.get("ingangsdatum"):
            self.add_error("ingangsdatum", "Vul de ingangsdatum in.")
        if data.get("besluit") == Besluit.AFGEWEZEN and not (data.get("motivering") or "").strip():
            self.add_error("motivering", "Leg uit waarom de cliënt geen hulp krijgt.")
        begin, eind = data.get("ingangsdatum"), data.get("einddatum")
        if begin and eind and eind < begin:
            self.add_error("einddatum", "De einddatum ligt vóór de ingangsdatum.")
        return data


class AfgevenForm(BeschikkingForm):
    """The concept page's form: the same decision (hidden), the concept's hash and the confirmation."""

    #: Sent by the concept page; when present, issuing refuses a letter that differs from the concept.
    concepthash = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)
    bevestigd = forms.BooleanField(
        label="Ik heb de brief gelezen. Hij klopt en mag naar de cliënt.",
        required=True,
        error_messages={"required": "Bevestig dat u de brief heeft gelezen en dat hij klopt."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for naam, veld in self.fields.items():
            if naam not in {"concepthash", "bevestigd"}:
                veld.widget = forms.HiddenInput()
        self.fields["bevestigd"].error_messages["required"] = (
            "Bevestig dat u de brief heeft gelezen en dat hij klopt."
        )


class GoedkeuringVragenForm(AfgevenForm):
    """Same hidden decision and hash; asking for approval needs no confirmation of the letter yet."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["bevestigd"]


class BeoordelingForm(NlForm):
    akkoord = forms.TypedChoiceField(
        label="Bent u akkoord met deze brief?",
        choices=[("ja", "Akkoord: de consulent mag deze brief afgeven"), ("nee", "Niet akkoord")],
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
    )
    opmerking = forms.CharField(
        label="Opmerking voor de consulent",
        widget=forms.Textarea,
        required=False,
        max_length=2000,
        help_text="Verplicht als u niet akkoord bent.",
    )


class CorrectieForm(BeschikkingForm):
    correctie_reden = forms.CharField(
        label="Wat klopte er niet (reden correctie)", widget=forms.Textarea, max_length=2000
    )


class EindeRechtForm(NlForm):
    datum = forms.DateField(label="Einde recht per", widget=Datum())
    reden = forms.CharField(label="Reden einde recht", max_length=300)


class CorrectieAfgevenForm(CorrectieForm):
    """The correction's concept page: the same correction (hidden), its hash and the confirmation."""

    concepthash = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)
    bevestigd = forms.BooleanField(label=AfgevenForm.base_fields["bevestigd"].label, required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for naam, veld in self.fields.items():
            if naam not in {"concepthash", "bevestigd"}:
                veld.widget = forms.HiddenInput()
        self.fields["bevestigd"].error_messages["required"] = (
            "Bevestig dat u de brief heeft gelezen en dat hij klopt."
        )


class CorrectieGoedkeuringVragenForm(CorrectieAfgevenForm):
    """The correction's hidden data and hash; asking for approval needs no confirmation of the letter yet."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["bevestigd"]

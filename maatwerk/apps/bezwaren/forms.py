"""Forms of the bezwaar pages: parse and check input (Dutch messages); the rules live in :mod:`.services`."""

from __future__ import annotations

import datetime as dt

from django import forms

from maatwerk.apps.cases.forms import Datum, NlForm
from maatwerk.termijnen.regels import awb_op

from .models import Beslissing, Indiener, SoortInformeel, UitkomstInformeel

JA_NEE = [("", "— kies —"), ("ja", "Ja"), ("nee", "Nee")]


def _ja_nee(waarde: str) -> bool | None:
    return {"ja": True, "nee": False}.get(waarde)


class BezwaarForm(NlForm):
    zaak = forms.IntegerField(
        label="Zaaknummer", min_value=1, help_text="Het nummer van de zaak (zie de zaakpagina)."
    )
    versie = forms.IntegerField(
        label="Versie van de beschikking",
        min_value=1,
        required=False,
        help_text="Leeg: de geldende versie (of premature als er nog geen beschikking is).",
    )
    ontvangen_op = forms.DateField(label="Bezwaarschrift ontvangen op", widget=Datum())
    indiener = forms.ChoiceField(label="Ingediend door", choices=Indiener.choices)
    indiener_naam = forms.CharField(
        label="Naam indiener",
        required=False,
        max_length=200,
        help_text="Verplicht bij een vertegenwoordiger.",
    )
    gronden = forms.CharField(label="Gronden van het bezwaar", widget=forms.Textarea, max_length=10_000)
    over_kwaliteit = forms.BooleanField(
        label="Het bezwaar gaat (ook) over de kwaliteit van de geleverde hulp",
        help_text="De cliënt komt dan in de schouw van de aanbieder.",
        required=False,
    )


class OntvankelijkheidForm(NlForm):
    ontvankelijk = forms.ChoiceField(label="Ontvankelijk", choices=JA_NEE)
    verschoonbaar = forms.ChoiceField(
        label="Te late indiening verschoonbaar (Awb 6:11)",
        choices=[("", "niet van toepassing"), ("ja", "Ja"), ("nee", "Nee")],
        required=False,
    )
    reden_verschoonbaar = forms.CharField(
        label="Reden verschoonbaarheid", widget=forms.Textarea, required=False
    )
    toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False)

    def waarden(self) -> dict:
        d = self.cleaned_data
        return {
            "ontvankelijk": bool(_ja_nee(d["ontvankelijk"])),
            "verschoonbaar": _ja_nee(d.get("verschoonbaar") or ""),
            "reden_verschoonbaar": d.get("reden_verschoonbaar", ""),
            "toelichting": d.get("toelichting", ""),
        }


class InformeelForm(NlForm):
    soort = forms.ChoiceField(label="Soort", choices=SoortInformeel.choices)
    datum = forms.DateField(label="Datum", widget=Datum())
    deelnemers = forms.CharField(label="Deelnemers", max_length=500)
    uitkomst = forms.ChoiceField(label="Uitkomst", choices=UitkomstInformeel.choices)
    verslag = forms.CharField(label="Verslag", widget=forms.Textarea)


class HoorzittingPlannenForm(NlForm):
    datum = forms.DateField(label="Datum hoorzitting", widget=Datum())
    uitnodiging_verzonden_op = forms.DateField(label="Uitnodiging verzonden op", widget=Datum())


class HoorzittingVerslagForm(NlForm):
    aanwezigen = forms.CharField(label="Aanwezig", widget=forms.Textarea)
    verslag = forms.CharField(label="Verslag van de hoorzitting", widget=forms.Textarea)


class AdviesForm(NlForm):
    advies = forms.ChoiceField(label="Advies van de commissie", choices=Beslissing.choices)
    advies_op = forms.DateField(label="Advies uitgebracht op", widget=Datum())
    toelichting = forms.CharField(label="Samenvatting van het advies", widget=forms.Textarea)


class VerdagenForm(NlForm):
    weken = forms.IntegerField(label="Verdagen met (weken)", min_value=1)
    op = forms.DateField(label="Verdaagd op (brief aan de indiener)", widget=Datum())
    reden = forms.CharField(label="Reden van de verdaging", widget=forms.Textarea)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        maximum = awb_op(dt.date.today()).termijnen["beslissing_op_bezwaar"].verdaging_weken
        self.fields["weken"].max_value = maximum
        self.fields["weken"].help_text = f"Ten hoogste {maximum} weken, één keer (Awb 7:10 lid 3)."
        self.fields["weken"].widget.attrs["max"] = maximum


class BeslissenForm(NlForm):
    uitkomst = forms.ChoiceField(label="Beslissing op bezwaar", choices=Beslissing.choices)
    beslist_op = forms.DateField(label="Beslist op", widget=Datum())
    motivering = forms.CharField(label="Motivering", widget=forms.Textarea)
    geen_hoorzitting_reden = forms.CharField(
        label="Reden afzien van horen (Awb 7:3)",
        widget=forms.Textarea,
        required=False,
        help_text="Alleen als er geen hoorzitting is gehouden.",
    )
    afwijking_advies = forms.CharField(
        label="Motivering afwijken van het advies (Awb 7:13 lid 7)", widget=forms.Textarea, required=False
    )
    ingangsdatum = forms.DateField(
        label="Nieuwe ingangsdatum", widget=Datum(), required=False, help_text="Alleen bij (deels) gegrond."
    )
    einddatum = forms.DateField(
        label="Nieuwe einddatum", widget=Datum(), required=False, help_text="Alleen bij (deels) gegrond."
    )


class IntrekkenForm(NlForm):
    op = forms.DateField(label="Ingetrokken op", widget=Datum())
    reden = forms.CharField(label="Reden", widget=forms.Textarea)


class IngebrekestellingForm(NlForm):
    op = forms.DateField(label="Ingebrekestelling ontvangen op", widget=Datum())

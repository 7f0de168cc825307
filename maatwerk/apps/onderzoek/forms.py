"""Forms of the onderzoek: the gesprek, the situation (engine input), deviations, client reaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from maatwerk.apps.cases.forms import Datum, NlForm
from maatwerk.engine.situatie import CATEGORIEEN, OMSTANDIGHEDEN
from maatwerk.veilig import geheel_getal

CATEGORIE_LABELS = {
    "licht_huishoudelijk_werk": "Licht huishoudelijk werk",
    "zwaar_huishoudelijk_werk": "Zwaar huishoudelijk werk",
    "wasverzorging": "Wasverzorging",
    "boodschappen": "Boodschappen",
    "maaltijden": "Maaltijden",
    "regie_huishouden": "Regie over het huishouden",
    "verzorging_kinderen": "Verzorging van kinderen",
}
OMSTANDIGHEID_LABELS = {
    "copd_astma_allergie": "COPD, astma of allergie",
    "incontinentie": "Incontinentie",
    "rolstoel_binnenshuis": "Rolstoel binnenshuis",
    "bedlegerig": "Bedlegerig",
    "overmatige_transpiratie": "Overmatige transpiratie",
    "slechtziend_blind": "Slechtziend of blind",
    "stoma": "Stoma",
    "dementie_overzicht_kwijt": "Dementie / overzicht kwijt",
    "verzamelen": "Verzamelen (hoarding)",
    "overbelaste_mantelzorger": "Overbelaste mantelzorger",
    "huisdieren": "Huisdieren",
    "specialist_extra_schoonmaak": "Specialist adviseert extra schoonmaak",
}
VOORZIENINGEN = [
    ("was_en_strijkservice", "Was- en strijkservice"),
    ("maaltijdvoorziening", "Maaltijdvoorziening"),
    ("boodschappendienst", "Boodschappendienst"),
    ("huishoudelijke_hulp_toelage", "Huishoudelijke hulp toelage"),
]
VOORZIENING_LABELS = dict(VOORZIENINGEN)
#: The consulent's decision per algemene voorziening (Wmo 2015 art. 2.3.5 lid 3): field suffixes.
BEOORDELINGEN = ("passend", "financieel_toegankelijk")
JA_NEE_ONBEKEND = [("", "Nog niet vastgesteld"), ("ja", "Ja"), ("nee", "Nee")]
MIN_MOTIVATIE = 10


def vz_veld(voorziening: str, wat: str) -> str:
    """Form field name of one answer about an algemene voorziening: ``vz_<id>__<wat>``."""
    return f"vz_{voorziening}__{wat}"


def vz_van_veld(naam: str) -> str | None:
    """The voorziening id of a ``vz_<id>__<wat>`` field name (None for any other field)."""
    if not naam.startswith("vz_") or "__" not in naam:
        return None
    return naam.removeprefix("vz_").partition("__")[0]


def _ja_nee(waarde: str | None) -> bool | None:
    return True if waarde == "ja" else False if waarde == "nee" else None


NIVEAUS = [("zelf", "Kan het zelf"), ("deels", "Kan het deels"), ("niet", "Kan het niet")]
WONINGTYPES = [
    ("appartement", "Appartement"),
    ("eengezinswoning", "Eengezinswoning"),
    ("aanleunwoning", "Aanleunwoning"),
    ("kamer", "Kamer"),
    ("overig", "Overig"),
]
ROLLEN = [("", "—"), ("partner", "Partner"), ("kind", "Kind"), ("huisgenoot", "Andere huisgenoot")]
MEEDOEN = [("volledig", "Kan volledig meedoen"), ("deels", "Kan deels meedoen"), ("niet", "Kan niet meedoen")]
MAX_HUISGENOTEN = 4
MAX_NETWERK = 3

assert set(CATEGORIE_LABELS) == set(CATEGORIEEN), "labels horen bij de categorieën van de engine"
assert set(OMSTANDIGHEID_LABELS) == set(OMSTANDIGHEDEN), "labels horen bij de omstandigheden van de engine"


class GesprekForm(NlForm):
    """The keukentafelgesprek itself and the verslag; ``versie`` carries the optimistic lock."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    gespreksdatum = forms.DateField(label="Datum keukentafelgesprek", widget=Datum(), required=False)
    locatie = forms.CharField(label="Plaats van het gesprek", max_length=200, required=False)
    gewezen_op_clientondersteuning = forms.BooleanField(
        label="Cliënt is gewezen op gratis onafhankelijke cliëntondersteuning", required=False
    )
    clientondersteuner = forms.CharField(
        label="Cliëntondersteuner aanwezig (naam)", max_length=200, required=False
    )
    mantelzorger = forms.CharField(label="Mantelzorger aanwezig (naam)", max_length=200, required=False)
    verslag = forms.CharField(
        label="Verslag (de cliënt krijgt dit te lezen)",
        widget=forms.Textarea,
        required=False,
        max_length=20000,
    )

    def __init__(self, *args, melddatum: dt.date | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.melddatum = melddatum

    def clean_gespreksdatum(self) -> dt.date | None:
        datum = self.cleaned_data.get("gespreksdatum")
        if datum and datum > timezone.localdate():
            raise forms.ValidationError("Het gesprek kan niet in de toekomst hebben plaatsgevonden.")
        if datum and self.melddatum and datum < self.melddatum:
            raise forms.ValidationError("Het gesprek kan niet vóór de melddatum hebben plaatsgevonden.")
        return datum


class SituatieForm(NlForm):
    """The engine's Situatie as form fields (prefix ``s``); afwijkingen are parsed separately."""

    woning_type = forms.ChoiceField(label="Soort woning", choices=WONINGTYPES, initial="appartement")
    kamers_in_gebruik = forms.IntegerField(label="Kamers in gebruik", min_value=0, max_value=30, initial=3)
    kamers_niet_in_gebruik = forms.IntegerField(
        label="Kamers niet in gebruik", min_value=0, max_value=30, initial=0
    )
    trap = forms.BooleanField(label="Woning heeft een trap binnenshuis", required=False)
    algemene_voorzieningen = forms.MultipleChoiceField(
        label="Algemene voorzieningen die de cliënt gebruikt of kan gebruiken",
        choices=VOORZIENINGEN,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, motivatie_verplicht: bool = True, **kwargs) -> None:
        """``motivatie_verplicht=False`` for the live indication: it shows the effect of a voorziening
        that replaces maatwerk before the consulent has written why; saving requires the motivation."""
        super().__init__(*args, **kwargs)
        self.motivatie_verplicht = motivatie_verplicht
        for cat in CATEGORIEEN:
            self.fields[f"beperking_{cat}"] = forms.ChoiceField(
                label=CATEGORIE_LABELS[cat], choices=NIVEAUS, initial="zelf"
            )
        for oms in OMSTANDIGHEDEN:
            self.fields[f"omstandigheid_{oms}"] = forms.BooleanField(
                label=OMSTANDIGHEID_LABELS[oms], required=False
            )
        for i in range(MAX_HUISGENOTEN):
            n = i + 1
            self.fields[f"lid{i}_rol"] = forms.ChoiceField(
                label=f"Huisgenoot {n}: rol", choices=ROLLEN, required=False
            )
            self.fields[f"lid{i}_geboortedatum"] = forms.DateField(
                label=f"Huisgenoot {n}: geboortedatum", widget=Datum(), required=False
            )
            self.fields[f"lid{i}_kan_meedoen"] = forms.ChoiceField(
                label=f"Huisgenoot {n}: meedoen", choices=MEEDOEN, required=False, initial="volledig"
            )
        for i in range(MAX_NETWERK):
            n = i + 1
            self.fields[f"netwerk{i}_wie"] = forms.CharField(
                label=f"Netwerk {n}: wie", max_length=100, required=False
            )
            self.fields[f"netwerk{i}_taak"] = forms.ChoiceField(
                label=f"Netwerk {n}: taak", choices=[("", "—"), *CATEGORIE_LABELS.items()], required=False
            )
            self.fields[f"netwerk{i}_minuten"] = forms.IntegerField(
                label=f"Netwerk {n}: minuten per week", min_value=1, max_value=10080, required=False
            )
        for vid, naam in VOORZIENINGEN:
            self.fields[vz_veld(vid, "passend")] = forms.ChoiceField(
                label=f"{naam}: is deze voorziening passend voor de cliënt?",
                choices=JA_NEE_ONBEKEND,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[vz_veld(vid, "financieel_toegankelijk")] = forms.ChoiceField(
                label=f"{naam}: is deze voorziening financieel toegankelijk voor de cliënt?",
                choices=JA_NEE_ONBEKEND,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[vz_veld(vid, "motivatie")] = forms.CharField(
                label=f"{naam}: motivatie",
                max_length=1000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="Verplicht als de voorziening passend én financieel toegankelijk is: dan vervalt "
                "de hulp die zij vervangt.",
            )
            # includes/veld.html: no "(niet verplicht)" for a field that is required in some cases.
            self.fields[vz_veld(vid, "motivatie")].soms_verplicht = True  # type: ignore[attr-defined]
        self.fields["algemene_voorzieningen"].widget.attrs = {
            "class": "utrecht-checkbox utrecht-checkbox--html-input"
        }
        for veld in self.fields.values():
            if isinstance(veld.widget, forms.CheckboxSelectMultiple):
                pass  # a subclass of RadioSelect: keeps its checkbox class (set above)
            elif isinstance(veld.widget, forms.RadioSelect):
                veld.widget.attrs["class"] = "utrecht-radio-button utrecht-radio-button--html-input"
            elif isinstance(veld.widget, forms.Textarea):
                veld.widget.attrs["class"] = "utrecht-textarea utrecht-textarea--html-textarea"
            elif isinstance(veld.widget, forms.Select):
                veld.widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
            elif isinstance(veld.widget, forms.CheckboxInput):
                veld.widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"
            elif not isinstance(veld.widget, forms.CheckboxSelectMultiple | forms.HiddenInput):
                veld.widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"
            veld.error_messages["required"] = "Dit veld is verplicht."
            if isinstance(veld, forms.IntegerField):
                veld.error_messages["invalid"] = "Vul een geheel getal in."
            if isinstance(veld, forms.DateField):
                veld.error_messages["invalid"] = "Vul een geldige datum in (JJJJ-MM-DD)."

    def clean(self) -> dict:
        data = super().clean()
        for i in range(MAX_HUISGENOTEN):
            if (
                data.get(f"lid{i}_rol")
                and not data.get(f"lid{i}_geboortedatum")
                and f"lid{i}_geboortedatum" not in self.errors
            ):
                self.add_error(f"lid{i}_geboortedatum", "Vul de geboortedatum van deze huisgenoot in.")
            if data.get(f"lid{i}_geboortedatum") and not data.get(f"lid{i}_rol"):
                self.add_error(f"lid{i}_rol", "Kies de rol van deze huisgenoot.")
        gekozen = set(data.get("algemene_voorzieningen") or [])
        for vid, _naam in VOORZIENINGEN:
            antwoorden = {w: data.get(vz_veld(vid, w)) or "" for w in (*BEOORDELINGEN, "motivatie")}
            if vid not in gekozen:
                if any(antwoorden.values()):
                    veld = next(vz_veld(vid, w) for w, a in antwoorden.items() if a)
                    self.add_error(
                        veld,
                        "Vink eerst aan dat de cliënt deze voorziening gebruikt of kan gebruiken, of maak "
                        "de antwoorden leeg.",
                    )
                continue
            vervangt = all(antwoorden[w] == "ja" for w in BEOORDELINGEN)
            if self.motivatie_verplicht and vervangt and len(antwoorden["motivatie"].strip()) < MIN_MOTIVATIE:
                self.add_error(
                    vz_veld(vid, "motivatie"),
                    f"Leg uit waarom de voorziening passend en financieel toegankelijk is (minstens "
                    f"{MIN_MOTIVATIE} tekens): dan vervalt de hulp die zij vervangt.",
                )
        for i in range(MAX_NETWERK):
            ingevuld = [bool(data.get(f"netwerk{i}_{k}")) for k in ("wie", "taak", "minuten")]
            if any(ingevuld) and not all(ingevuld):
                for k, gevuld in zip(("wie", "taak", "minuten"), ingevuld, strict=True):
                    if not gevuld and f"netwerk{i}_{k}" not in self.errors:
                        self.add_error(
                            f"netwerk{i}_{k}", "Vul wie, welke taak en hoeveel minuten allemaal in."
                        )
        return data

    @property
    def beperking_velden(self) -> list:
        return [self[f"beperking_{c}"] for c in CATEGORIEEN]

    @property
    def omstandigheid_velden(self) -> list:
        return [self[f"omstandigheid_{o}"] for o in OMSTANDIGHEDEN]

    @property
    def huisgenoot_rijen(self) -> list:
        return [
            [self[f"lid{i}_{k}"] for k in ("rol", "geboortedatum", "kan_meedoen")]
            for i in range(MAX_HUISGENOTEN)
        ]

    def voorziening_vragen(self, vid: str) -> dict[str, Any]:
        """The bound fields of one algemene voorziening: its checkbox option and the three answers."""
        optie = next(o for o in self["algemene_voorzieningen"] if o.data["value"] == vid)
        return {
            "id": vid,
            "naam": VOORZIENING_LABELS[vid],
            "optie": optie,
            "passend": self[vz_veld(vid, "passend")],
            "financieel_toegankelijk": self[vz_veld(vid, "financieel_toegankelijk")],
            "motivatie": self[vz_veld(vid, "motivatie")],
            "vragen": [self[vz_veld(vid, w)] for w in BEOORDELINGEN],
        }

    def voorziening_data(self) -> list[dict[str, Any]]:
        """The algemene voorzieningen in the shape of the engine's Situatie, with the decisions."""
        d = self.cleaned_data
        uit = []
        for vid in d.get("algemene_voorzieningen") or []:
            motivatie = (d.get(vz_veld(vid, "motivatie")) or "").strip()
            uit.append(
                {
                    "voorziening": vid,
                    "passend": _ja_nee(d.get(vz_veld(vid, "passend"))),
                    "financieel_toegankelijk": _ja_nee(d.get(vz_veld(vid, "financieel_toegankelijk"))),
                    "motivatie": motivatie or None,
                }
            )
        return uit

    @property
    def netwerk_rijen(self) -> list:
        return [[self[f"netwerk{i}_{k}"] for k in ("wie", "taak", "minuten")] for i in range(MAX_NETWERK)]

    def situatie_data(
        self,
        geboortedatum: dt.date,
        peildatum: dt.date,
        gemeente: str,
        afwijkingen: list[dict[str, Any]],
        zelfredzaamheid: dict | None = None,
    ) -> dict[str, Any]:
        """The cleaned data as a dict in the shape of the engine's Situatie."""
        d = self.cleaned_data
        return {
            "peildatum": peildatum.isoformat(),
            "gemeente": gemeente,
            "client": {"geboortedatum": geboortedatum.isoformat()},
            "huishouden": [
                {
                    "rol": d[f"lid{i}_rol"],
                    "geboortedatum": d[f"lid{i}_geboortedatum"].isoformat(),
                    "kan_meedoen": d.get(f"lid{i}_kan_meedoen") or "volledig",
                }
                for i in range(MAX_HUISGENOTEN)
                if d.get(f"lid{i}_rol") and d.get(f"lid{i}_geboortedatum")
            ],
            "woning": {
                "type": d["woning_type"],
                "kamers_in_gebruik": d["kamers_in_gebruik"],
                "kamers_niet_in_gebruik": d["kamers_niet_in_gebruik"],
                "trap": d["trap"],
            },
            "beperkingen": {c: d[f"beperking_{c}"] for c in CATEGORIEEN},
            "omstandigheden": {o: d[f"omstandigheid_{o}"] for o in OMSTANDIGHEDEN},
            "netwerk": [
                {
                    "wie": d[f"netwerk{i}_wie"],
                    "taak": d[f"netwerk{i}_taak"],
                    "minuten_per_week": d[f"netwerk{i}_minuten"],
                }
                for i in range(MAX_NETWERK)
                if d.get(f"netwerk{i}_wie")
            ],
            "algemene_voorzieningen": self.voorziening_data(),
            "zelfredzaamheid": zelfredzaamheid or {},
            "afwijkingen": afwijkingen,
        }

    @staticmethod
    def initial_uit(situatie: dict[str, Any] | None) -> dict[str, Any]:
        """Form initial values from a stored situation dict."""
        if not situatie:
            return {}
        woning = situatie.get("woning", {})
        initial: dict[str, Any] = {
            "woning_type": woning.get("type", "appartement"),
            "kamers_in_gebruik": woning.get("kamers_in_gebruik", 3),
            "kamers_niet_in_gebruik": woning.get("kamers_niet_in_gebruik", 0),
            "trap": woning.get("trap", False),
            "algemene_voorzieningen": [],
        }
        for v in situatie.get("algemene_voorzieningen", []):
            v = {"voorziening": v} if isinstance(v, str) else v
            vid = v["voorziening"]
            initial["algemene_voorzieningen"].append(vid)
            for w in BEOORDELINGEN:
                initial[vz_veld(vid, w)] = {True: "ja", False: "nee"}.get(v.get(w), "")
            initial[vz_veld(vid, "motivatie")] = v.get("motivatie") or ""
        for c, v in situatie.get("beperkingen", {}).items():
            initial[f"beperking_{c}"] = v
        for o, v in situatie.get("omstandigheden", {}).items():
            initial[f"omstandigheid_{o}"] = v
        for i, lid in enumerate(situatie.get("huishouden", [])[:MAX_HUISGENOTEN]):
            initial.update(
                {
                    f"lid{i}_rol": lid["rol"],
                    f"lid{i}_geboortedatum": lid["geboortedatum"],
                    f"lid{i}_kan_meedoen": lid.get("kan_meedoen", "volledig"),
                }
            )
        for i, n in enumerate(situatie.get("netwerk", [])[:MAX_NETWERK]):
            initial.update(
                {
                    f"netwerk{i}_wie": n["wie"],
                    f"netwerk{i}_taak": n["taak"],
                    f"netwerk{i}_minuten": int(n["minuten_per_week"]),
                }
            )
        return initial


def afwijkingen_uit(post: Any) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, dict[str, str]]]:
    """Parse ``afw_min_<id>`` / ``afw_mot_<id>`` pairs: (afwijkingen, errors per id, raw values per id).

    A deviation is only accepted with a motivation of at least 10 characters.
    """
    afwijkingen, fouten, ruw = [], {}, {}
    for sleutel in post:
        if not sleutel.startswith("afw_min_"):
            continue
        aid = sleutel.removeprefix("afw_min_")
        minuten = (post.get(sleutel) or "").strip()
        motivatie = (post.get(f"afw_mot_{aid}") or "").strip()
        ruw[aid] = {"minuten": minuten, "motivatie": motivatie}
        if not minuten and not motivatie:
            continue
        if not minuten:
            fouten[aid] = "Vul het afwijkende aantal minuten per week in, of maak de motivatie leeg."
            continue
        if geheel_getal(minuten, maximum=10080) is None:
            fouten[aid] = "Minuten per week: vul een geheel getal van 0 tot en met 10080 in."
            continue
        if len(motivatie) < 10:
            fouten[aid] = "Afwijken mag alleen met een motivatie (minstens 10 tekens)."
            continue
        afwijkingen.append({"activiteit": aid, "minuten_per_week": int(minuten), "motivatie": motivatie})
    return afwijkingen, fouten, ruw


class ReactieForm(NlForm):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    client_reactie = forms.CharField(
        label="Reactie van de cliënt op het verslag", widget=forms.Textarea, max_length=10000
    )


class TweedeMeningForm(NlForm):
    oordeel = forms.ChoiceField(
        label="Oordeel",
        choices=[("", "— kies —"), ("eens", "Eens met de indicatie"), ("niet_eens", "Niet eens: aanpassen")],
    )
    toelichting = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea,
        min_length=10,
        max_length=5000,
        error_messages={"min_length": "Schrijf minstens 10 tekens."},
    )


Scores = dict[str, dict[str, Any]]


def zelfredzaamheid_uit(post: Any) -> tuple[Scores | None, dict[str, str], dict[str, dict]]:
    """Parse ``zr_score_<gebied>`` / ``zr_mot_<gebied>``: (zelfredzaamheid or None if absent, errors, raw).

    A score (1-5) is only accepted with a motivation of at least 10 characters.
    """
    sleutels = [k for k in post if k.startswith("zr_score_")]
    if not sleutels:
        return None, {}, {}
    uit, fouten, ruw = {}, {}, {}
    for sleutel in sleutels:
        gebied = sleutel.removeprefix("zr_score_")
        score = (post.get(sleutel) or "").strip()
        motivatie = (post.get(f"zr_mot_{gebied}") or "").strip()
        ruw[gebied] = {"score": score, "motivatie": motivatie}
        if not score:
            if motivatie:
                fouten[gebied] = "Kies een score van 1 tot en met 5, of maak de motivatie leeg."
            continue
        if score not in {"1", "2", "3", "4", "5"}:
            fouten[gebied] = "De score is een getal van 1 tot en met 5."
        elif len(motivatie) < 10:
            fouten[gebied] = "Een score mag alleen met een motivatie (minstens 10 tekens)."
        else:
            uit[gebied] = {"score": int(score), "motivatie": motivatie}
    return uit, fouten, ruw


def is_onderzoekveld(naam: str) -> bool:
    """Is ``naam`` a field of the onderzoek form (the fields a draft keeps)?"""
    return (
        naam == "versie"
        or naam in GesprekForm.base_fields
        or naam.startswith(("s-", "afw_min_", "afw_mot_", "zr_score_", "zr_mot_"))
    )


def concept_gegevens(post: Any) -> dict[str, list[str]]:
    """The onderzoek's own fields of a POST as ``{naam: [waarden]}`` (no CSRF token, no buttons)."""
    return {k: [str(w) for w in post.getlist(k)] for k in post if is_onderzoekveld(k) and k != "versie"}


def initial_uit_data(form: forms.Form, data: Any) -> dict[str, Any]:
    """Initial values for ``form`` from raw (draft) data, exactly as typed; nothing is validated."""
    return {
        naam: veld.widget.value_from_datadict(data, {}, form.add_prefix(naam))
        for naam, veld in form.fields.items()
        if naam != "versie"
    }

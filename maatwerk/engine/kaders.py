"""Normenkaders and resultatenmatrices: the dated, cited YAML rule files, their models and loading.

Files live in ``maatwerk/regels/normenkaders/<id>/<valid_from>.yaml`` and
``maatwerk/regels/resultatenmatrices/<id>/<valid_from>.yaml``; one file per version.

Validation on load (each a :class:`~maatwerk.regels.laden.Regelfout` naming file, line and key):
unknown keys; a number without ``bron`` that is not marked ``voorbeeld: true`` (with ``toelichting``);
overlapping validity periods between versions of one kader; a file whose ``id``/``valid_from`` does
not match its path; references to unknown resultaatgebieden, activities, facts or matrices; trede
hour bands with gaps or overlaps; a kader that still lists ``gemeenten``.

Choosing a kader (:func:`kies_kader`): the file ``gemeenten/<gemeente>.yaml`` activates a gemeente and
names its normenkader by id per period (:mod:`maatwerk.regels.activering`); the version of that kader
valid on the peildatum is chosen. There is no silent default, so a gemeente without a configured kader
gets a clear error (use ``--kader ID`` to pick one explicitly). Files are found on the search path:
the package and the ``MAATWERK_REGELS`` directories (:mod:`maatwerk.regels.zoekpad`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import Field, PlainValidator, model_validator

from maatwerk.engine.situatie import (
    CATEGORIEEN,
    OMSTANDIGHEDEN,
    VOORZIENING_NAMEN,
    AlgemeneVoorziening,
    Categorie,
    Meedoen,
    verfijn,
)
from maatwerk.regels import activering, zoekpad
from maatwerk.regels.laden import (
    Bron,
    Geldigheid,
    Gesourcet,
    Melding,
    Regelfout,
    StrictModel,
    laad_versiebestanden,
    lees_yaml,
    valideer,
)
from maatwerk.regeltaal.voorwaarden import (
    GETAL_OPERATOREN,
    LIJST_OPERATOREN,
    Test,
    Voorwaarde,
    VoorwaardeFout,
    parse_voorwaarde,
)

REGELS_MAP = Path(__file__).resolve().parent.parent / "regels"
NORMENKADERS_MAP = REGELS_MAP / "normenkaders"
MATRICES_MAP = REGELS_MAP / "resultatenmatrices"

FEITEN: frozenset[str] = frozenset(
    {
        *OMSTANDIGHEDEN,
        "gemeente",
        "client_leeftijd",
        "personen",
        "meerpersoons",
        "aantal_kinderen",
        "leeftijd_jongste_kind",
        "woning_type",
        "kamers_in_gebruik",
        "kamers_niet_in_gebruik",
        "trap",
        "veel_eigen_kracht",
        # activity-local facts:
        "niveau",
        "netwerk",
    }
)
"""Facts a voorwaarde may use (see :mod:`maatwerk.engine.berekening` for their meaning)."""

ACTIVITEITFEITEN: frozenset[str] = frozenset({"niveau", "netwerk"})
"""Facts that only exist per activity (not in a kader-wide voorwaarde such as a minimum trede)."""


def is_feit(naam: str) -> bool:
    """Is ``naam`` a fact a voorwaarde may test?"""
    soort, _, rest = naam.partition(".")
    if rest:
        return (soort == "voorziening" and rest in VOORZIENING_NAMEN) or (
            soort == "netwerk" and rest in CATEGORIEEN
        )
    return naam in FEITEN


PER_WEEK: dict[str, float] = {"dag": 7.0, "week": 1.0, "twee_weken": 0.5, "maand": 12 / 52, "jaar": 1 / 52}


TEKSTFEITEN: frozenset[str] = frozenset({"gemeente", "woning_type", "niveau"})
"""Facts whose value is text: a number test (``minstens`` ...) on them is an error on load."""


def _controleer(test: Test, pad: str) -> Test:
    plaats = f" (bij {pad})" if pad and pad != test.feit else ""
    if test.operator in LIJST_OPERATOREN:
        raise VoorwaardeFout(f"{test.feit}{plaats}: '{test.operator}' werkt alleen op een lijst")
    if test.operator in GETAL_OPERATOREN and test.feit in TEKSTFEITEN:
        raise VoorwaardeFout(
            f"{test.feit}{plaats}: is tekst en kan niet met een getal vergeleken worden ('{test.operator}')"
        )
    return test


def lees_voorwaarde(data: Any) -> Voorwaarde:
    """Parse a kader condition in the shared grammar (:mod:`maatwerk.regeltaal.voorwaarden`).

    Every fact of :data:`FEITEN` (and ``voorziening.<id>``, ``netwerk.<categorie>``) may be tested; a
    number test on a text fact, or a list test, is an error. Raises :class:`VoorwaardeFout` (Dutch).
    """
    if isinstance(data, Voorwaarde):
        return data
    oud = isinstance(data, list) or (isinstance(data, dict) and ("feit" in data or "een_van" in data))
    if oud:
        raise VoorwaardeFout(
            "dit is de oude vorm (een lijst met feit/gelijk/minimaal/hoogstens/een_van); schrijf een tabel "
            "zoals {meerpersoons: true, niveau: deels, kamers_in_gebruik: {minstens: 4}} en 'of' voor "
            "een_van (zie docs/regeltaal.md)"
        )
    return parse_voorwaarde(
        data,
        feit_bekend=is_feit,
        pad="",
        controleer=_controleer,
        bekende_feiten=f"{', '.join(sorted(FEITEN))}, voorziening.<id>, netwerk.<categorie>",
    )


def _lees(data: Any) -> Voorwaarde:
    try:
        return lees_voorwaarde(data)
    except VoorwaardeFout as exc:
        raise ValueError(str(exc)) from None


KaderVoorwaarde = Annotated[Voorwaarde, PlainValidator(_lees)]
"""A condition field of a kader model (``als``, ``alleen_als``), parsed on load."""


class Normtijd(Gesourcet):
    """Norm time: minutes per keer, or hours per year (then per week = uren x 60 / weken_per_jaar)."""

    minuten: float | None = Field(default=None, ge=0)
    uren_per_jaar: float | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _een(self) -> Normtijd:
        if (self.minuten is None) == (self.uren_per_jaar is None):
            raise ValueError("geef óf 'minuten' (per keer) óf 'uren_per_jaar'")
        return self


class Frequentie(Gesourcet):
    """How often the task is done; ``bron`` is the kader's own source for the frequency."""

    aantal: float = Field(gt=0)
    per: Literal["dag", "week", "twee_weken", "maand", "jaar"]

    @property
    def per_week(self) -> float:
        return self.aantal * PER_WEEK[self.per]

    def tekst(self) -> str:
        aantal = f"{self.aantal:g}"
        woord = {
            "dag": "per dag",
            "week": "per week",
            "twee_weken": "per twee weken",
            "maand": "per maand",
            "jaar": "per jaar",
        }[self.per]
        return f"{aantal} keer {woord}"


class Variant(StrictModel):
    """A frequency (and optionally a norm time per keer) that applies when ``als`` holds.

    The first variant of an activity whose ``als`` holds replaces the activity's ``frequentie`` (and
    ``normtijd``, when given); e.g. fortnightly visits of 150 minutes for a client with veel eigen kracht.
    """

    id: str
    omschrijving: str
    reden: str | None = Field(default=None, description="Dutch phrase for the letter, read after 'omdat'")
    als: KaderVoorwaarde
    frequentie: Frequentie
    normtijd: Normtijd | None = None


class Per(StrictModel):
    """Multiply a correction by ``max(0, feit - boven)`` (e.g. each room above 3).

    A threshold ``boven`` > 0 is a value too: it needs a ``bron`` or ``voorbeeld: true`` + ``toelichting``.
    """

    feit: str
    boven: int = Field(default=0, ge=0)
    bron: Bron | None = None
    voorbeeld: bool = False
    toelichting: str | None = None

    @model_validator(mode="after")
    def _bron_bij_drempel(self) -> Per:
        if not is_feit(self.feit):
            raise ValueError(f"onbekend feit '{self.feit}'")
        if self.voorbeeld and not self.toelichting:
            raise ValueError("voorbeeld-waarde zonder toelichting: leg uit waarom er geen bron is")
        if self.boven > 0 and self.bron is None and not self.voorbeeld:
            raise ValueError("drempel 'boven' zonder bron: geef 'bron' of 'voorbeeld: true' + 'toelichting'")
        return self


class Correctie(Gesourcet):
    """An addition or deduction on an activity: minutes per week, hours per year, or a factor."""

    id: str
    omschrijving: str
    reden: str | None = Field(default=None, description="Dutch phrase for the letter, read after 'omdat'")
    als: KaderVoorwaarde | None = None
    minuten_per_week: float | None = None
    uren_per_jaar: float | None = None
    factor: float | None = Field(default=None, ge=0)
    per: Per | None = None
    groep: str | None = None
    hoogstens_netwerk: bool = Field(
        default=False,
        description="a deduction never larger than the network's minutes in the activity's categories",
    )

    @model_validator(mode="after")
    def _een_effect(self) -> Correctie:
        gegeven = [x for x in (self.minuten_per_week, self.uren_per_jaar, self.factor) if x is not None]
        if len(gegeven) != 1:
            raise ValueError("geef precies één van 'minuten_per_week', 'uren_per_jaar' of 'factor'")
        if self.factor is not None and self.per is not None:
            raise ValueError("'per' kan niet samen met 'factor'")
        if self.hoogstens_netwerk and (self.factor is not None or self.per is not None or gegeven[0] >= 0):
            raise ValueError(
                "hoogstens_netwerk geldt alleen voor een aftrek (negatieve 'minuten_per_week' of "
                "'uren_per_jaar', zonder 'per')"
            )
        return self


class Maximum(Gesourcet):
    minuten_per_week: float = Field(ge=0)


class Activiteit(StrictModel):
    id: str
    taak: str
    omschrijving: str | None = None
    resultaatgebied: str
    categorieen: list[Categorie] = Field(min_length=1)
    normtijd: Normtijd
    frequentie: Frequentie
    varianten: list[Variant] = Field(default_factory=list)
    alleen_als: KaderVoorwaarde | None = None
    reden: str | None = Field(default=None, description="why it applies, for the letter (after 'omdat')")
    correcties: list[Correctie] = Field(default_factory=list)
    netwerk_aftrek: bool = True
    vervalt_bij_voorziening: list[AlgemeneVoorziening] = Field(default_factory=list)
    maximum: Maximum | None = None
    telt_voor_trede: bool = True


class GebruikelijkeHulp(Gesourcet):
    """What a household member of a given rol / age band / ability is expected to take over."""

    id: str
    omschrijving: str
    rollen: list[Literal["partner", "kind", "huisgenoot"]] = Field(min_length=1)
    leeftijd_vanaf: int = Field(default=0, ge=0)
    leeftijd_tot: int | None = Field(default=None, ge=1, description="exclusive")
    kan_meedoen: list[Meedoen] = Field(default_factory=lambda: list[Meedoen](["volledig"]))
    aandeel: float = Field(ge=0, le=1)
    categorieen: list[Categorie] = Field(min_length=1)
    vervalt_bij: list[str] = Field(default_factory=list)
    uitleg: str | None = Field(default=None, description="extra sentence for the letter when this rule fires")

    @model_validator(mode="after")
    def _banden(self) -> GebruikelijkeHulp:
        if self.leeftijd_tot is not None and self.leeftijd_tot <= self.leeftijd_vanaf:
            raise ValueError("leeftijd_tot moet groter zijn dan leeftijd_vanaf")
        for feit in self.vervalt_bij:
            if feit not in OMSTANDIGHEDEN:
                raise ValueError(f"vervalt_bij: onbekende omstandigheid '{feit}'")
        return self


class MinimumTrede(Gesourcet):
    """At least trede ``trede`` (a code of the matrix) in ``matrix_resultaatgebied`` when ``als`` holds.

    Applies only where the area has a trede from its hours (minutes > 0) and, with ``activiteit``, only
    when that activity has minutes (e.g. the professional does the wash); a higher trede stays.
    """

    id: str
    omschrijving: str
    matrix_resultaatgebied: str
    trede: str
    als: KaderVoorwaarde
    activiteit: str | None = None
    reden: str | None = Field(default=None, description="Dutch phrase for the letter, read after 'omdat'")

    @model_validator(mode="after")
    def _kaderfeiten(self) -> MinimumTrede:
        lokaal = self.als.feiten() & ACTIVITEITFEITEN
        if lokaal:
            raise ValueError(
                f"feit {', '.join(sorted(lokaal))} bestaat alleen per activiteit, niet bij een minimum trede"
            )
        return self


class VoorzieningKenmerken(Gesourcet):
    """What the kader knows of an algemene voorziening it lets replace maatwerk activities.

    A provision that is only the private market with a discount is no algemene voorziening (the
    beleidstoets rule ``echte-algemene-voorziening``): it can never zero a maatwerk activity.
    """

    alleen_particuliere_markt_met_korting: bool


class Afronding(Gesourcet):
    """Per activity: minutes per week rounded to a multiple of ``stap`` in direction ``richting``."""

    stap_minuten: int = Field(default=1, ge=1, le=60)
    richting: Literal["omhoog", "dichtstbij", "omlaag"] = "omhoog"
    decimalen_uren: int = Field(default=2, ge=0, le=4)


class WekenPerJaar(Gesourcet):
    waarde: float = Field(gt=0, le=53)


class Resultaatgebied(StrictModel):
    id: str
    naam: str
    matrix_resultaatgebied: str | None = None


class Normenkader(Geldigheid):
    """One version of a normenkader (the file ``<id>/<valid_from>.yaml``)."""

    id: str
    naam: str
    versie: str
    uitgever: str
    bron: Bron
    toelichting: str | None = None
    gemeenten: list[str] = Field(default_factory=list)
    resultatenmatrix: str | None = None
    weken_per_jaar: WekenPerJaar
    afronding: Afronding
    resultaatgebieden: list[Resultaatgebied] = Field(min_length=1)
    gebruikelijke_hulp: list[GebruikelijkeHulp] = Field(default_factory=list)
    algemene_voorzieningen: dict[AlgemeneVoorziening, VoorzieningKenmerken] = Field(default_factory=dict)
    activiteiten: list[Activiteit] = Field(min_length=1)
    minimum_treden: list[MinimumTrede] = Field(default_factory=list)

    @model_validator(mode="after")
    def _verwijzingen(self) -> Normenkader:
        rg = {r.id for r in self.resultaatgebieden}
        mrg = {r.matrix_resultaatgebied for r in self.resultaatgebieden if r.matrix_resultaatgebied}
        for i, mt in enumerate(self.minimum_treden):
            if mt.matrix_resultaatgebied not in mrg:
                raise ValueError(
                    f"minimum_treden.{i}.matrix_resultaatgebied: '{mt.matrix_resultaatgebied}' hoort bij "
                    f"geen resultaatgebied van dit kader (bekend: {', '.join(sorted(mrg)) or 'geen'})"
                )
        alle_ids = {a.id for a in self.activiteiten}
        for i, mt in enumerate(self.minimum_treden):
            if mt.activiteit is not None and mt.activiteit not in alle_ids:
                raise ValueError(f"minimum_treden.{i}.activiteit: onbekende activiteit '{mt.activiteit}'")
        ids: set[str] = set()
        for i, act in enumerate(self.activiteiten):
            for v in act.vervalt_bij_voorziening:
                kenmerken = self.algemene_voorzieningen.get(v)
                if kenmerken is None:
                    raise ValueError(
                        f"activiteiten.{i}.vervalt_bij_voorziening: '{v}' staat niet onder "
                        "algemene_voorzieningen (met alleen_particuliere_markt_met_korting en een bron)"
                    )
                if kenmerken.alleen_particuliere_markt_met_korting:
                    raise ValueError(
                        f"activiteiten.{i}.vervalt_bij_voorziening: '{v}' is alleen de particuliere markt "
                        "met korting; dat is geen algemene voorziening (beleidstoets: "
                        "echte-algemene-voorziening) en kan een maatwerkactiviteit nooit laten vervallen"
                    )
            if act.id in ids:
                raise ValueError(f"activiteiten.{i}.id: '{act.id}' komt twee keer voor")
            ids.add(act.id)
            if act.resultaatgebied not in rg:
                raise ValueError(
                    f"activiteiten.{i}.resultaatgebied: onbekend resultaatgebied "
                    f"'{act.resultaatgebied}' (bekend: {', '.join(sorted(rg))})"
                )
            cids: set[str] = set()
            for j, c in enumerate(act.correcties):
                if c.id in cids:
                    raise ValueError(f"activiteiten.{i}.correcties.{j}.id: '{c.id}' komt twee keer voor")
                cids.add(c.id)
        return self

    @property
    def geldigheid(self) -> Geldigheid:
        return Geldigheid(valid_from=self.valid_from, valid_until=self.valid_until)


class Band(Gesourcet):
    """Hour band ``[van, tot)`` in hours per week; ``tot: null`` is open-ended."""

    van: float = Field(ge=0)
    tot: float | None = None

    @model_validator(mode="after")
    def _orde(self) -> Band:
        if self.tot is not None and self.tot <= self.van:
            raise ValueError("tot moet groter zijn dan van")
        return self


class Tarief(Gesourcet):
    bedrag: float = Field(ge=0)


class Trede(StrictModel):
    code: str
    label: str
    omschrijving: str
    uren_per_week: Band | None = None
    zelfredzaamheid: list[int] = Field(default_factory=list)
    tarief: Tarief


class MatrixResultaatgebied(StrictModel):
    id: str
    naam: str
    bepaling: Literal["uren", "zelfredzaamheid"]
    bron: Bron | None = None
    voorbeeld: bool = False
    toelichting: str | None = None
    treden: list[Trede] = Field(min_length=1)

    @model_validator(mode="after")
    def _treden(self) -> MatrixResultaatgebied:
        if self.bron is None and not (self.voorbeeld and self.toelichting):
            raise ValueError("resultaatgebied zonder bron: geef 'bron' of 'voorbeeld: true' + 'toelichting'")
        if self.bepaling == "uren":
            for i, t in enumerate(self.treden):
                if t.uren_per_week is None:
                    raise ValueError(f"treden.{i}.uren_per_week: ontbreekt (bepaling is 'uren')")
            banden = sorted(
                ((t.uren_per_week, i) for i, t in enumerate(self.treden) if t.uren_per_week is not None),
                key=lambda b: b[0].van,
            )
            if banden[0][0].van != 0:
                raise ValueError(
                    f"treden.{banden[0][1]}.uren_per_week.van: de laagste band moet bij 0 "
                    f"beginnen (is {banden[0][0].van:g}): gat"
                )
            for (a, ia), (b, ib) in zip(banden, banden[1:], strict=False):
                if a.tot is None or a.tot > b.van:
                    raise ValueError(
                        f"treden.{ib}.uren_per_week: overlapt met treden.{ia} "
                        f"({a.van:g}-{'∞' if a.tot is None else f'{a.tot:g}'})"
                    )
                if a.tot < b.van:
                    raise ValueError(
                        f"treden.{ib}.uren_per_week.van: gat tussen {a.tot:g} en {b.van:g} uur "
                        f"(na treden.{ia})"
                    )
            if banden[-1][0].tot is not None:
                raise ValueError(
                    f"treden.{banden[-1][1]}.uren_per_week.tot: de hoogste band moet open zijn "
                    f"(tot: null), anders is er een gat boven {banden[-1][0].tot:g} uur"
                )
        else:
            gezien: dict[int, int] = {}
            for i, t in enumerate(self.treden):
                for s in t.zelfredzaamheid:
                    if not 1 <= s <= 5:
                        raise ValueError(f"treden.{i}.zelfredzaamheid: score {s} valt buiten 1-5")
                    if s in gezien:
                        raise ValueError(
                            f"treden.{i}.zelfredzaamheid: score {s} staat ook bij "
                            f"treden.{gezien[s]} (overlap)"
                        )
                    gezien[s] = i
            ontbreekt = sorted(set(range(1, 6)) - set(gezien))
            if ontbreekt:
                raise ValueError(
                    f"treden: zelfredzaamheidsscore {', '.join(map(str, ontbreekt))} valt in "
                    f"geen trede (gat); scores zonder ondersteuning horen bij een trede met tarief 0"
                )
        return self


class AanvullendProduct(StrictModel):
    """A product on top of a trede (e.g. Westland's aanvullende ondersteuning HbH)."""

    id: str
    naam: str
    activiteit: str
    resultaatgebied: str
    tarief: Tarief


class Periode(Gesourcet):
    label: str
    weken: float = Field(gt=0)


class Resultatenmatrix(Geldigheid):
    id: str
    naam: str
    versie: str
    uitgever: str
    bron: Bron
    toelichting: str | None = None
    schaal: Literal["trede", "intensiteit"]
    periode: Periode
    resultaatgebieden: list[MatrixResultaatgebied] = Field(min_length=1)
    aanvullende_producten: list[AanvullendProduct] = Field(default_factory=list)

    @model_validator(mode="after")
    def _verwijzingen(self) -> Resultatenmatrix:
        rg = {r.id for r in self.resultaatgebieden}
        for i, p in enumerate(self.aanvullende_producten):
            if p.resultaatgebied not in rg:
                raise ValueError(f"aanvullende_producten.{i}.resultaatgebied: onbekend '{p.resultaatgebied}'")
        return self

    def resultaatgebied(self, rid: str) -> MatrixResultaatgebied | None:
        return next((r for r in self.resultaatgebieden if r.id == rid), None)


# --------------------------------------------------------------------------------------------- loading
# Finding, loading and choosing kaders: the files come from the search path (the package plus the
# MAATWERK_REGELS directories, see maatwerk.regels.zoekpad); a gemeente is activated by its file
# gemeenten/<gemeente>.yaml (see maatwerk.regels.activering), which names its normenkader by id.

K = TypeVar("K", Normenkader, Resultatenmatrix)


def laad(model: type[K], pad: Path) -> K:
    """Read and validate one rule file; errors name file, line and the exact key."""
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError as exc:
        raise Regelfout([Melding(f"kan bestand niet lezen: {exc.strerror}", str(pad))]) from None
    data, regels = lees_yaml(tekst, str(pad))
    if data is None:
        raise Regelfout([Melding("bestand is leeg", str(pad))])
    try:
        return valideer(model, data, str(pad), regels)
    except Regelfout as fout:
        raise verfijn(fout, regels) from None


def _laad_versies(
    bron: Path | str, model: type[K], mappen: tuple[Path, ...] | None = None
) -> dict[str, list[K]]:
    """Load every version of every id: from one directory ``bron`` (``<id>/<valid_from>.yaml``), or
    from the kind ``bron`` (e.g. ``"normenkaders"``) on the search path; check path/id/date and overlap."""
    if isinstance(bron, Path):
        per_id = {
            sub.name: sorted(sub.glob("*.yaml"))
            for sub in (sorted(p for p in bron.iterdir() if p.is_dir()) if bron.is_dir() else [])
        }
    else:
        per_id = {kid: zoekpad.versiebestanden(bron, kid, mappen) for kid in zoekpad.ids(bron, mappen)}
    uit: dict[str, list[K]] = {}
    meldingen: list[Melding] = []
    for kid, paden in per_id.items():
        try:
            versies = laad_versiebestanden(model, kid, paden, laad)
        except Regelfout as fout:
            meldingen.extend(fout.meldingen)
            continue
        if not versies:
            continue
        uit[kid] = [o for _, o in versies]
        _PADEN.update({(o.id, o.valid_from): p for p, o in versies})
        for p, o in versies:
            _HERKOMST[id(o)] = (o, p)
    if meldingen:
        raise Regelfout(meldingen)
    return uit


_PADEN: dict[tuple[str, dt.date], Path] = {}
_HERKOMST: dict[int, tuple[Normenkader | Resultatenmatrix, Path]] = {}
"""Per loaded object (kept alive here, so ``id`` stays unique): the file it came from."""


def bestand_van(obj: Normenkader | Resultatenmatrix) -> Path | None:
    """The file a loaded kader or matrix version came from (also when several search paths were
    loaded in one process and a directory overrode that version)."""
    herkomst = _HERKOMST.get(id(obj))
    if herkomst is not None and herkomst[0] is obj:
        return herkomst[1]
    return _PADEN.get((obj.id, obj.valid_from))


def controleer_samenhang(
    normenkaders: dict[str, list[Normenkader]], matrices: dict[str, list[Resultatenmatrix]]
) -> None:
    """Cross-file checks: matrix references, matrix resultaatgebieden; a kader activates no gemeente."""
    meldingen: list[Melding] = []
    for versies in normenkaders.values():
        for k in versies:
            pad = str(bestand_van(k))
            if k.gemeenten:
                meldingen.append(
                    Melding(
                        "een normenkader activeert geen gemeenten meer: zet 'normenkader: "
                        f"{k.id}' in gemeenten/<gemeente>.yaml en laat 'gemeenten' hier weg",
                        pad,
                        None,
                        "gemeenten",
                    )
                )
            if k.resultatenmatrix is None:
                continue
            if k.resultatenmatrix not in matrices:
                meldingen.append(
                    Melding(
                        f"onbekende resultatenmatrix '{k.resultatenmatrix}'", pad, None, "resultatenmatrix"
                    )
                )
                continue
            for i, rg in enumerate(k.resultaatgebieden):
                if rg.matrix_resultaatgebied is None:
                    continue
                if not any(
                    m.resultaatgebied(rg.matrix_resultaatgebied) for m in matrices[k.resultatenmatrix]
                ):
                    meldingen.append(
                        Melding(
                            f"'{rg.matrix_resultaatgebied}' is geen resultaatgebied van "
                            f"matrix '{k.resultatenmatrix}'",
                            pad,
                            None,
                            f"resultaatgebieden.{i}.matrix_resultaatgebied",
                        )
                    )
            activiteiten = {a.id for a in k.activiteiten}
            for m in matrices[k.resultatenmatrix]:
                for i, p in enumerate(m.aanvullende_producten):
                    if p.activiteit not in activiteiten:
                        meldingen.append(
                            Melding(
                                f"activiteit '{p.activiteit}' bestaat niet in normenkader '{k.id}'",
                                str(bestand_van(m)),
                                None,
                                f"aanvullende_producten.{i}.activiteit",
                            )
                        )
    if meldingen:
        raise Regelfout(meldingen)


class Register:
    """All loaded normenkaders and resultatenmatrices (every version), validated together.

    Without arguments (or with ``mappen``) the files come from the search path; with explicit
    directories only from those (tests, ``maatwerk regels controleer``).
    """

    def __init__(
        self,
        normenkaders_map: Path | None = None,
        matrices_map: Path | None = None,
        *,
        mappen: tuple[Path, ...] | None = None,
    ):
        meldingen: list[Melding] = []
        self.normenkaders: dict[str, list[Normenkader]] = {}
        self.matrices: dict[str, list[Resultatenmatrix]] = {}
        try:
            self.normenkaders = _laad_versies(normenkaders_map or "normenkaders", Normenkader, mappen)
        except Regelfout as fout:
            meldingen.extend(fout.meldingen)
        try:
            self.matrices = _laad_versies(matrices_map or "resultatenmatrices", Resultatenmatrix, mappen)
        except Regelfout as fout:
            meldingen.extend(fout.meldingen)
        if meldingen:
            raise Regelfout(meldingen)
        controleer_samenhang(self.normenkaders, self.matrices)

    def normenkader(self, kid: str, peildatum: dt.date | None = None) -> Normenkader:
        versies = self.normenkaders.get(kid)
        if not versies:
            raise Regelfout(
                [
                    Melding(
                        f"onbekend normenkader '{kid}'; beschikbaar: {', '.join(sorted(self.normenkaders))}",
                        sleutel="kader",
                    )
                ]
            )
        if peildatum is None:
            return versies[-1]
        for v in versies:
            if v.geldig_op(peildatum):
                return v
        raise Regelfout(
            [Melding(f"normenkader '{kid}' heeft geen versie die geldt op {peildatum}", sleutel="peildatum")]
        )

    def matrix(self, mid: str, peildatum: dt.date) -> Resultatenmatrix | None:
        return next((m for m in self.matrices.get(mid, []) if m.geldig_op(peildatum)), None)

    def kies(self, gemeente: str, peildatum: dt.date) -> Normenkader:
        """The normenkader version the file of ``gemeente`` activates on ``peildatum``.

        No silent default: an unknown gemeente, no configuration on that date, a configuration
        without a normenkader, or a kader without a version on that date is a :class:`Regelfout`.
        """
        gevonden = activering.zoek(gemeente)
        geen = f"geen normenkader voor gemeente '{gemeente}' op {peildatum}"
        kies_zelf = "Kies er een met --kader ID."
        if gevonden is None:
            bekend = ", ".join(activering.bekende_gemeenten()) or "geen"
            raise Regelfout(
                [
                    Melding(
                        f"geen normenkader voor gemeente '{gemeente}': geen bestand "
                        f"gemeenten/{activering.slug(gemeente)}.yaml activeert haar (geactiveerd: {bekend}). "
                        + kies_zelf,
                        sleutel="gemeente",
                    )
                ]
            )
        pad, bestand = gevonden
        c = bestand.op(peildatum)
        if c is None:
            perioden = "; ".join(
                f"{x.valid_from} t/m {x.valid_until or 'open'}" for x in bestand.configuraties
            )
            raise Regelfout(
                [
                    Melding(
                        f"{geen}: de gemeente heeft dan geen configuratie (geldig: {perioden}). {kies_zelf}",
                        str(pad),
                        sleutel="configuraties",
                    )
                ]
            )
        if c.normenkader is None:
            raise Regelfout(
                [
                    Melding(
                        f"{geen}: de configuratie activeert alleen resultatenmatrix "
                        f"'{c.resultatenmatrix}'. {kies_zelf}",
                        str(pad),
                        sleutel="configuraties",
                    )
                ]
            )
        versies = self.normenkaders.get(c.normenkader)
        if not versies:
            raise Regelfout(
                [
                    Melding(
                        f"{geen}: het activeert onbekend normenkader '{c.normenkader}'; beschikbaar: "
                        f"{', '.join(sorted(self.normenkaders))}",
                        str(pad),
                        sleutel="normenkader",
                    )
                ]
            )
        k = next((v for v in versies if v.geldig_op(peildatum)), None)
        if k is None:
            raise Regelfout(
                [
                    Melding(
                        f"{geen}: normenkader '{c.normenkader}' heeft geen versie die dan geldt. {kies_zelf}",
                        str(pad),
                        sleutel="normenkader",
                    )
                ]
            )
        if c.resultatenmatrix is not None and c.resultatenmatrix != k.resultatenmatrix:
            raise Regelfout(
                [
                    Melding(
                        f"de configuratie noemt resultatenmatrix '{c.resultatenmatrix}', maar "
                        f"normenkader '{k.id}' ({bestand_van(k)}) rekent met '{k.resultatenmatrix}'; "
                        "maak die twee gelijk",
                        str(pad),
                        sleutel="resultatenmatrix",
                    )
                ]
            )
        return k

    def gemeenten_van(self, kid: str) -> list[str]:
        """The gemeenten whose file activates normenkader ``kid`` (in any period)."""
        return sorted(
            naam
            for naam, (_, bestand) in activering.gemeenten().items()
            if any(c.normenkader == kid for c in bestand.configuraties)
        )

    def alle_versies(self) -> Iterable[Normenkader]:
        for versies in self.normenkaders.values():
            yield from versies


@functools.lru_cache(maxsize=8)
def _register(mappen: tuple[Path, ...]) -> Register:
    return Register(mappen=mappen)


def register() -> Register:
    """The rule files on the search path, loaded and validated once per search path."""
    return _register(zoekpad.regelmappen())


def kaders() -> list[Normenkader]:
    """Every normenkader version on the search path, sorted by id and valid_from."""
    reg = register()
    return [v for kid in sorted(reg.normenkaders) for v in reg.normenkaders[kid]]


def laad_kader(kader: str | Path, peildatum: dt.date | None = None) -> Normenkader:
    """A normenkader by id (version valid on ``peildatum``, else the newest) or from a YAML file path."""
    pad = Path(kader)
    if pad.suffix in (".yaml", ".yml") and pad.exists():
        obj = laad(Normenkader, pad)
        _PADEN[(obj.id, obj.valid_from)] = pad
        _HERKOMST[id(obj)] = (obj, pad)
        return obj
    return register().normenkader(str(kader), peildatum)


def kies_kader(gemeente: str, peildatum: dt.date) -> Normenkader:
    """The normenkader version that the file of ``gemeente`` activates on ``peildatum``."""
    return register().kies(gemeente, peildatum)


__all__ = [
    "CATEGORIEEN",
    "Normenkader",
    "Resultatenmatrix",
    "Register",
    "register",
    "kaders",
    "laad_kader",
    "kies_kader",
    "bestand_van",
]

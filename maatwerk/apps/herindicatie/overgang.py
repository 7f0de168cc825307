"""Transition policy (overgangsbeleid) for one client: pure Python, no Django.

A policy is a dated, cited YAML file ``maatwerk/regels/overgangsbeleid/<id>/<valid_from>.yaml``. Its
``regels`` are tried in file order; the first that applies decides the transition. Kinds of rule:

- ``minimum_intensiteit`` (Den Haag 2017): old hours per week strictly above ``oude_uren_meer_dan`` and a
  new intensity below ``minimaal`` -> ``minimaal`` for ``duur_maanden``; permanent from
  ``permanent_vanaf_leeftijd`` (whole years on the peildatum, birthday included).
- ``wenperiode`` (Westland 2019): the new hours are more than ``drempel_procent`` and/or
  ``drempel_uren_per_week`` below the old hours -> the old indication for ``duur_maanden``.

On top of that a policy may define ``aanvullende_ondersteuning`` (criteria on situation features, each
flagged separately), ``driegesprek`` outcomes (which override the rules) and whether the consulent may
deviate (``afwijking``, always with a motivation).

The result (:class:`Overgang`) has the stable output columns ``overgang_intensiteit``, ``overgang_tot``
(ISO date, ``permanent`` or empty), ``regel`` (``<beleid>/<regel-id>``) and ``toelichting``, plus
``aanvullende_ondersteuning`` and ``aanvullende_redenen``. ``overgang_tot`` is the first day on which the
new intensity applies (the transition runs *until* that day, Dutch "tot").
``overgang_intensiteit`` is an intensity label of the policy, or ``oude_indicatie``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from maatwerk.opmaak import lange_datum
from maatwerk.regels.laden import (
    Bron,
    Geldigheid,
    Melding,
    Regelfout,
    StrictModel,
    laad_versiebestanden,
)
from maatwerk.regeltaal.voorwaarden import GETAL_OPERATOREN, Voorwaarde, parse_voorwaarde
from maatwerk.regeltaal.waarden import ja_nee, leeftijd

BELEID_MAP = Path(__file__).resolve().parents[2] / "regels" / "overgangsbeleid"
OUDE_INDICATIE = "oude_indicatie"
PERMANENT = "permanent"
DriegesprekUitkomst = Literal[
    "geen_actie", "aanvullende_ondersteuning", "oplossing_met_aanbieder", "tijdelijk_terug"
]
DRIEGESPREK_UITKOMSTEN: tuple[str, ...] = DriegesprekUitkomst.__args__  # type: ignore[attr-defined]


def _klein(waarde: str) -> str:
    """Intensity labels are compared case-insensitively: stored trimmed and in lower case."""
    return waarde.strip().lower()


class Grens(StrictModel):
    intensiteit: str
    tot_en_met_minuten_per_week: Decimal | None = None

    _intensiteit = field_validator("intensiteit")(_klein)


class IndelingNaarMinuten(StrictModel):
    """Example mapping from minutes/week to an intensity, for frameworks whose trede is not in the scale."""

    grenzen: list[Grens] = Field(min_length=1)
    voorbeeld: bool = False
    toelichting: str  # for the client (B1): shown in the output and in letters
    opmerking: str | None = None  # for the policy maker, e.g. why a value is only an example
    bron: Bron

    @model_validator(mode="after")
    def _oplopend(self) -> IndelingNaarMinuten:
        waarden = [g.tot_en_met_minuten_per_week for g in self.grenzen]
        if waarden[-1] is not None:
            raise ValueError("de laatste grens moet open zijn (zonder tot_en_met_minuten_per_week)")
        if any(w is None for w in waarden[:-1]) or waarden[:-1] != sorted(waarden[:-1]):  # type: ignore[type-var]
            raise ValueError("grenzen moeten oplopen en alleen de laatste mag open zijn")
        return self


class Intensiteiten(StrictModel):
    waarden: list[str] = Field(min_length=1)
    bron: Bron
    indeling_naar_minuten: IndelingNaarMinuten | None = None

    @field_validator("waarden")
    @classmethod
    def _uniek(cls, waarden: list[str]) -> list[str]:
        klein = [_klein(w) for w in waarden]
        if len(set(klein)) != len(klein):
            raise ValueError("intensiteiten moeten uniek zijn")
        return klein


class MinimumIntensiteit(StrictModel):
    soort: Literal["minimum_intensiteit"]
    id: str
    oude_uren_meer_dan: Decimal = Field(ge=0)
    minimaal: str
    duur_maanden: int = Field(gt=0)

    _minimaal = field_validator("minimaal")(_klein)
    permanent_vanaf_leeftijd: int | None = Field(default=None, gt=0)
    voorbeeld: bool = False
    toelichting: str  # for the client (B1): shown in the output and in letters
    opmerking: str | None = None  # for the policy maker, e.g. why a value is only an example
    bron: Bron


class Wenperiode(StrictModel):
    soort: Literal["wenperiode"]
    id: str
    duur_maanden: int = Field(gt=0)
    drempel_procent: Decimal | None = Field(default=None, ge=0, le=100)
    drempel_uren_per_week: Decimal | None = Field(default=None, ge=0)
    voorbeeld: bool = False
    toelichting: str  # for the client (B1): shown in the output and in letters
    opmerking: str | None = None  # for the policy maker, e.g. why a value is only an example
    bron: Bron

    @model_validator(mode="after")
    def _drempel(self) -> Wenperiode:
        if self.drempel_procent is None and self.drempel_uren_per_week is None:
            raise ValueError("geef drempel_procent en/of drempel_uren_per_week")
        return self


Regel = Annotated[MinimumIntensiteit | Wenperiode, Field(discriminator="soort")]


class Criterium(StrictModel):
    """A situation feature in the shared condition grammar (:mod:`maatwerk.regeltaal.voorwaarden`),
    e.g. ``als: {personen_in_huishouden: {groter_dan: 1}}`` or ``als: {rolstoel_binnenshuis: true}``.

    Features come as typed values or as text (CSV, CLI): a feature compared with a number is read as a
    number, one compared with true/false by the yes/no parser; an empty or unreadable value is
    onbekend, and a criterion holds only when it certainly holds.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    id: str
    omschrijving: str
    als: Voorwaarde

    @field_validator("als", mode="before")
    @classmethod
    def _voorwaarde(cls, waarde: Any) -> Voorwaarde:
        return parse_voorwaarde(
            waarde,
            feit_bekend=lambda naam: _KENMERK.fullmatch(naam) is not None,
            bekende_feiten="een kenmerk van de situatie (kleine letters, cijfers en _)",
        )

    def geldt(self, kenmerken: dict[str, Any]) -> bool:
        return self.als.evalueer(_getypeerd(self.als, kenmerken)).waar


_KENMERK = re.compile(r"[a-z][a-z0-9_]*")


def _getypeerd(voorwaarde: Voorwaarde, kenmerken: dict[str, Any]) -> dict[str, Any]:
    """The features a condition reads, typed by how it compares them (unreadable: left out = onbekend)."""
    uit: dict[str, Any] = {}
    for test in voorwaarde.tests():
        waarde = kenmerken.get(test.feit)
        if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
            continue
        try:
            if test.operator in GETAL_OPERATOREN:
                if isinstance(waarde, bool):
                    continue
                uit[test.feit] = Decimal(str(waarde).strip())
            elif isinstance(test.waarde, bool):
                uit[test.feit] = ja_nee(waarde)
            else:
                uit[test.feit] = waarde
        except (ArithmeticError, ValueError):
            continue
    return uit


class AanvullendeOndersteuning(StrictModel):
    id: str
    toelichting: str
    bron: Bron
    criteria: list[Criterium] = Field(min_length=1)


class DriegesprekRegel(StrictModel):
    id: DriegesprekUitkomst
    omschrijving: str
    terug_naar_oude_indicatie: bool = False
    aanvullende_ondersteuning: bool = False


class Driegesprek(StrictModel):
    toelichting: str
    bron: Bron
    uitkomsten: list[DriegesprekRegel] = Field(min_length=1)


class Afwijking(StrictModel):
    toegestaan: bool
    motivatie_verplicht: bool = True
    toelichting: str
    bron: Bron


class Overgangsbeleid(Geldigheid):
    """One version of a transition policy."""

    id: str
    naam: str
    gemeente: str
    toelichting: str
    bron: Bron
    intensiteiten: Intensiteiten | None = None
    regels: list[Regel] = Field(default_factory=list)
    aanvullende_ondersteuning: AanvullendeOndersteuning | None = None
    driegesprek: Driegesprek | None = None
    afwijking: Afwijking | None = None

    @model_validator(mode="after")
    def _samenhang(self) -> Overgangsbeleid:
        ids = [r.id for r in self.regels]
        if len(ids) != len(set(ids)):
            raise ValueError("regel-id's moeten uniek zijn")
        schaal = self.intensiteiten.waarden if self.intensiteiten else []
        for regel in self.regels:
            if isinstance(regel, MinimumIntensiteit) and regel.minimaal not in schaal:
                raise ValueError(
                    f"regel {regel.id}: intensiteit {regel.minimaal!r} staat niet in intensiteiten"
                )
        indeling = self.intensiteiten.indeling_naar_minuten if self.intensiteiten else None
        if indeling:
            for grens in indeling.grenzen:
                if grens.intensiteit not in schaal:
                    raise ValueError(f"indeling_naar_minuten: onbekende intensiteit {grens.intensiteit!r}")
        return self

    @property
    def voorbeeldwaarden(self) -> bool:
        indeling = self.intensiteiten.indeling_naar_minuten if self.intensiteiten else None
        return any(r.voorbeeld for r in self.regels) or bool(indeling and indeling.voorbeeld)

    def rang(self, intensiteit: str) -> int:
        """Position of ``intensiteit`` on the policy's scale (0 = lowest); case-insensitive."""
        schaal = self.intensiteiten.waarden if self.intensiteiten else []
        intensiteit = intensiteit.strip().lower()
        if intensiteit not in schaal:
            raise Regelfout(
                [
                    Melding(
                        f"onbekende intensiteit {intensiteit!r}; toegestaan: {', '.join(schaal)}",
                        sleutel="nieuwe_intensiteit",
                    )
                ]
            )
        return schaal.index(intensiteit)

    def intensiteit_voor(self, trede: str | None, minuten_per_week: float | Decimal | None) -> str | None:
        """The policy's intensity for an engine result: the trede itself when it is on the scale,
        else the (example) mapping from minutes per week."""
        schaal = self.intensiteiten.waarden if self.intensiteiten else []
        if trede is not None and trede.strip().lower() in schaal:
            return trede.strip().lower()
        indeling = self.intensiteiten.indeling_naar_minuten if self.intensiteiten else None
        if indeling is None or minuten_per_week is None:
            return None
        minuten = Decimal(str(minuten_per_week))
        for grens in indeling.grenzen:
            if grens.tot_en_met_minuten_per_week is None or minuten <= grens.tot_en_met_minuten_per_week:
                return grens.intensiteit
        return None  # pragma: no cover - the last limit is open by validation


@dataclass(frozen=True)
class Overgang:
    """Transition outcome for one client (the stable output columns)."""

    overgang_intensiteit: str
    overgang_tot: dt.date | str | None
    regel: str
    toelichting: str
    aanvullende_ondersteuning: bool = False
    aanvullende_redenen: tuple[str, ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, Any]:
        tot = self.overgang_tot.isoformat() if isinstance(self.overgang_tot, dt.date) else self.overgang_tot
        return {
            "overgang_intensiteit": self.overgang_intensiteit,
            "overgang_tot": tot,
            "regel": self.regel,
            "toelichting": self.toelichting,
            "aanvullende_ondersteuning": self.aanvullende_ondersteuning,
            "aanvullende_redenen": list(self.aanvullende_redenen),
        }


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    """``datum`` plus whole months; a day that does not exist becomes the last day of the month."""
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar += datum.year
    dag = min(datum.day, calendar.monthrange(jaar, maand + 1)[1])
    return dt.date(jaar, maand + 1, dag)


def _uren(waarde: Decimal | float | int | str | None) -> Decimal | None:
    return None if waarde is None or waarde == "" else Decimal(str(waarde))


@dataclass(frozen=True)
class Afwijkingsbesluit:
    """A consulent's motivated deviation: another intensity and/or end date (or permanent)."""

    motivatie: str
    tot: dt.date | str | None = None
    intensiteit: str | None = None


def bepaal_overgang(
    beleid: Overgangsbeleid,
    *,
    oude_uren: Decimal | float | str | None,
    geboortedatum: dt.date,
    peildatum: dt.date,
    nieuwe_intensiteit: str | None = None,
    nieuwe_uren: Decimal | float | str | None = None,
    kenmerken: dict[str, Any] | None = None,
    driegesprek: str | None = None,
    driegesprek_tot: dt.date | None = None,
    afwijking: Afwijkingsbesluit | None = None,
) -> Overgang:
    """Apply ``beleid`` to one client. Raises :class:`Regelfout` (Dutch) on missing or invalid input."""
    oud = _uren(oude_uren)
    nieuw_uren = _uren(nieuwe_uren)
    if nieuwe_intensiteit is not None and beleid.intensiteiten is not None:
        beleid.rang(nieuwe_intensiteit)
    aanvullend, redenen = _aanvullend(beleid, kenmerken or {})
    basis = nieuwe_intensiteit or "nieuwe_indicatie"

    def uit(
        intensiteit: str, tot: dt.date | str | None, regel: str, tekst: str, extra: bool = False
    ) -> Overgang:
        return Overgang(intensiteit, tot, f"{beleid.id}/{regel}", tekst, aanvullend or extra, redenen)

    if driegesprek is not None:
        gevonden = _driegesprek(beleid, driegesprek)
        if gevonden.terug_naar_oude_indicatie:
            if driegesprek_tot is None:
                raise Regelfout(
                    [
                        Melding(
                            "tijdelijk terug naar de oude indicatie vraagt een einddatum",
                            sleutel="driegesprek_tot",
                        )
                    ]
                )
            if driegesprek_tot > peildatum:
                return uit(
                    OUDE_INDICATIE,
                    driegesprek_tot,
                    f"driegesprek-{gevonden.id}",
                    f"Driegesprek: {gevonden.omschrijving} tot {lange_datum(driegesprek_tot)}.",
                )
            # The temporary return ended on or before the peildatum: the rules below apply again.
        elif gevonden.aanvullende_ondersteuning:
            return uit(
                basis,
                None,
                f"driegesprek-{gevonden.id}",
                f"Driegesprek: {gevonden.omschrijving}.",
                extra=True,
            )
        else:
            return uit(basis, None, f"driegesprek-{gevonden.id}", f"Driegesprek: {gevonden.omschrijving}.")

    if afwijking is not None:
        return _afwijken(beleid, afwijking, basis, uit)

    for regel in beleid.regels:
        if isinstance(regel, MinimumIntensiteit):
            if oud is None:
                return uit(
                    basis,
                    None,
                    "oude-uren-onbekend",
                    "De oude uren zijn onbekend: de consulent beoordeelt de overgang.",
                )
            if nieuwe_intensiteit is None:
                raise Regelfout(
                    [Melding(f"regel {regel.id} vraagt de nieuwe intensiteit", sleutel="nieuwe_intensiteit")]
                )
            if oud > regel.oude_uren_meer_dan and beleid.rang(nieuwe_intensiteit) < beleid.rang(
                regel.minimaal
            ):
                permanent = (
                    regel.permanent_vanaf_leeftijd is not None
                    and leeftijd(geboortedatum, peildatum) >= regel.permanent_vanaf_leeftijd
                )
                if permanent:
                    return uit(
                        regel.minimaal,
                        PERMANENT,
                        regel.id,
                        f"{regel.toelichting} U bent {regel.permanent_vanaf_leeftijd} jaar of ouder: "
                        "u houdt deze intensiteit blijvend.",
                    )
                tot = plus_maanden(peildatum, regel.duur_maanden)
                return uit(
                    regel.minimaal,
                    tot,
                    regel.id,
                    f"{regel.toelichting} Dit geldt {_duur(regel.duur_maanden)}, tot {lange_datum(tot)}.",
                )
        elif isinstance(regel, Wenperiode):
            if oud is None or nieuw_uren is None:
                if oud is None:
                    return uit(
                        basis,
                        None,
                        "oude-uren-onbekend",
                        "De oude uren zijn onbekend: de consulent beoordeelt de wenperiode.",
                    )
                raise Regelfout(
                    [Melding(f"regel {regel.id} vraagt de nieuwe uren per week", sleutel="nieuwe_uren")]
                )
            if _wijkt_veel_af(regel, oud, nieuw_uren):
                tot = plus_maanden(peildatum, regel.duur_maanden)
                return uit(
                    OUDE_INDICATIE,
                    tot,
                    regel.id,
                    f"{regel.toelichting} De wenperiode loopt tot {lange_datum(tot)}.",
                )
    return uit(basis, None, "geen", "Geen overgangsregel van toepassing: de nieuwe indicatie geldt meteen.")


def _duur(maanden: int) -> str:
    if maanden % 12 == 0:
        jaren = maanden // 12
        return "een jaar" if jaren == 1 else f"{jaren} jaar"
    return f"{maanden} maanden"


def _wijkt_veel_af(regel: Wenperiode, oud: Decimal, nieuw: Decimal) -> bool:
    verschil = oud - nieuw
    if verschil <= 0:
        return False
    if regel.drempel_uren_per_week is not None and verschil > regel.drempel_uren_per_week:
        return True
    return regel.drempel_procent is not None and oud > 0 and verschil * 100 > regel.drempel_procent * oud


def _aanvullend(beleid: Overgangsbeleid, kenmerken: dict[str, Any]) -> tuple[bool, tuple[str, ...]]:
    if beleid.aanvullende_ondersteuning is None:
        return False, ()
    redenen = tuple(c.omschrijving for c in beleid.aanvullende_ondersteuning.criteria if c.geldt(kenmerken))
    return bool(redenen), redenen


def _driegesprek(beleid: Overgangsbeleid, uitkomst: str) -> DriegesprekRegel:
    if beleid.driegesprek is None:
        raise Regelfout(
            [Melding(f"beleid {beleid.id} kent geen driegesprek-uitkomsten", sleutel="driegesprek")]
        )
    for regel in beleid.driegesprek.uitkomsten:
        if regel.id == uitkomst:
            return regel
    toegestaan = ", ".join(r.id for r in beleid.driegesprek.uitkomsten)
    raise Regelfout(
        [Melding(f"onbekende uitkomst {uitkomst!r}; toegestaan: {toegestaan}", sleutel="driegesprek")]
    )


def _afwijken(beleid: Overgangsbeleid, besluit: Afwijkingsbesluit, basis: str, uit: Any) -> Overgang:
    if beleid.afwijking is None or not beleid.afwijking.toegestaan:
        raise Regelfout(
            [Melding(f"beleid {beleid.id} staat geen afwijking door de consulent toe", sleutel="afwijking")]
        )
    if beleid.afwijking.motivatie_verplicht and not besluit.motivatie.strip():
        raise Regelfout([Melding("afwijken mag alleen met een motivering", sleutel="motivatie")])
    intensiteit = besluit.intensiteit or basis
    if besluit.intensiteit is not None and beleid.intensiteiten is not None:
        beleid.rang(besluit.intensiteit)
    return uit(
        intensiteit,
        besluit.tot,
        "afwijking-consulent",
        f"De consulent wijkt af van het overgangsbeleid. Motivering: {besluit.motivatie.strip()}",
    )


# --- loading ---------------------------------------------------------------------------------------


def _versies(beleid_id: str) -> tuple[Overgangsbeleid, ...]:
    """Versions of ``beleid_id`` from ``overgangsbeleid/<id>/`` on the rules search path (the package
    and the ``MAATWERK_REGELS`` directories, see :mod:`maatwerk.regels.zoekpad`), cached per path."""
    from maatwerk.regels import zoekpad

    return _versies_op(beleid_id, zoekpad.regelmappen())


@cache
def _versies_op(beleid_id: str, mappen: tuple[Path, ...]) -> tuple[Overgangsbeleid, ...]:
    from maatwerk.regels import zoekpad

    paden = zoekpad.versiebestanden("overgangsbeleid", beleid_id, mappen)
    versies = laad_versiebestanden(Overgangsbeleid, beleid_id, paden)
    if not versies:
        bekend = ", ".join(beleid_ids()) or "geen"
        raise Regelfout(
            [Melding(f"onbekend overgangsbeleid {beleid_id!r}; beschikbaar: {bekend}", sleutel="beleid")]
        )
    return tuple(versie for _, versie in versies)


def beleid_ids() -> list[str]:
    """Ids of the transition policies on the rules search path."""
    from maatwerk.regels import zoekpad

    return zoekpad.ids("overgangsbeleid")


def versies(beleid_id: str) -> tuple[Overgangsbeleid, ...]:
    """All versions of a policy, oldest first (validated, no overlap)."""
    return _versies(beleid_id)


def laad_beleid(beleid_id: str, peildatum: dt.date | None = None) -> Overgangsbeleid:
    """The version of ``beleid_id`` valid on ``peildatum`` (default: the newest version)."""
    alle = _versies(beleid_id)
    if peildatum is None:
        return alle[-1]
    for versie in alle:
        if versie.geldig_op(peildatum):
            return versie
    perioden = "; ".join(f"{v.valid_from} t/m {v.valid_until or 'open'}" for v in alle)
    raise Regelfout(
        [
            Melding(
                f"overgangsbeleid {beleid_id} geldt niet op {peildatum} (geldig: {perioden})",
                sleutel="peildatum",
            )
        ]
    )

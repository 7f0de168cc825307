"""Load YAML rule files and user input into pydantic models, with Dutch errors.

Every error names the file, the line and the key (``kader.yaml:12: activiteiten.0.normtijd:
ontbreekt``). Duplicate keys are refused. Nothing is returned on invalid input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator
from pydantic_core import ErrorDetails

Pad = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


class Versie(Protocol):
    """A rule-set version as stored in ``<id>/<valid_from>.yaml``."""

    @property
    def id(self) -> str: ...
    @property
    def valid_from(self) -> dt.date: ...
    @property
    def valid_until(self) -> dt.date | None: ...


V = TypeVar("V", bound=Versie)


class Regelfout(ValueError):
    """One or more problems in a rule file or input document, each with file, line and key."""

    def __init__(self, meldingen: Sequence[Melding]):
        self.meldingen = list(meldingen)
        super().__init__("\n".join(str(m) for m in self.meldingen))


class Melding:
    """One problem: where (file, line, key) and what (Dutch text)."""

    __slots__ = ("bestand", "regel", "sleutel", "tekst")

    def __init__(self, tekst: str, bestand: str | None = None, regel: int | None = None, sleutel: str = ""):
        self.tekst, self.bestand, self.regel, self.sleutel = tekst, bestand, regel, sleutel

    def __str__(self) -> str:
        plaats = self.bestand or "invoer"
        if self.regel is not None:
            plaats += f":{self.regel}"
        return f"{plaats}: {self.sleutel}: {self.tekst}" if self.sleutel else f"{plaats}: {self.tekst}"

    def as_dict(self) -> dict[str, Any]:
        return {"bestand": self.bestand, "regel": self.regel, "sleutel": self.sleutel, "melding": self.tekst}


class StrictModel(BaseModel):
    """Base for every rule and input model: unknown keys are an error, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Bron(StrictModel):
    """Where a value comes from: a document and, where useful, the page or section."""

    titel: str
    verwijzing: str | None = None


class Gesourcet(StrictModel):
    """Base for every rule value: a ``bron``, or ``voorbeeld: true`` with a ``toelichting``."""

    bron: Bron | None = None
    voorbeeld: bool = False
    toelichting: str | None = None

    @model_validator(mode="after")
    def _bron_of_voorbeeld(self) -> Gesourcet:
        if self.voorbeeld and not self.toelichting:
            raise ValueError("voorbeeld-waarde zonder toelichting: leg uit waarom er geen bron is")
        if self.bron is None and not self.voorbeeld:
            raise ValueError(
                "waarde zonder bron: geef 'bron' of markeer met 'voorbeeld: true' + 'toelichting'"
            )
        return self


class Geldigheid(StrictModel):
    """Validity period of a rule file version: ``valid_from`` inclusive, ``valid_until`` inclusive."""

    valid_from: dt.date
    valid_until: dt.date | None = None

    @model_validator(mode="after")
    def _volgorde(self) -> Geldigheid:
        if self.valid_until is not None and self.valid_until < self.valid_from:
            raise ValueError("valid_until ligt vóór valid_from")
        return self

    def geldig_op(self, datum: dt.date) -> bool:
        return self.valid_from <= datum and (self.valid_until is None or datum <= self.valid_until)


def controleer_geen_overlap(versies: Iterable[tuple[str, Geldigheid]]) -> None:
    """Raise :class:`Regelfout` when two versions (name, period) overlap in time."""
    gesorteerd = sorted(versies, key=lambda v: v[1].valid_from)
    meldingen = []
    for (naam_a, a), (naam_b, b) in zip(gesorteerd, gesorteerd[1:], strict=False):
        if a.valid_until is None or a.valid_until >= b.valid_from:
            meldingen.append(
                Melding(
                    f"geldigheid overlapt met {naam_b} (vanaf {b.valid_from})",
                    bestand=naam_a,
                    sleutel="valid_until",
                )
            )
    if meldingen:
        raise Regelfout(meldingen)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys and leaves dates as text for pydantic to check."""


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"sleutel '{key}' komt twee keer voor", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

MAX_TEKENS_BESTAND = 2_000_000
"""Largest rule file read (characters); the shipped files are below 20,000."""
MAX_TEKENS_GEBRUIKER = 200_000
"""Largest user-supplied YAML text (a pasted policy, an uploaded situation)."""
MAX_DIEPTE = 32
"""Deepest nesting of mappings and lists accepted (the shipped files nest at most 8 deep)."""


def _regels(node: yaml.Node, pad: Pad, uit: dict[Pad, int]) -> None:
    uit[pad] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            sub = (*pad, key_node.value)
            uit[sub] = key_node.start_mark.line + 1
            _regels(value_node, sub, uit)
            uit[sub] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _regels(item, (*pad, i), uit)


_HAAKJES = re.compile(r"[\[\]{}]")


def _controleer_vorm(tekst: str, bestand: str | None, max_tekens: int, max_diepte: int) -> None:
    """Refuse, before building anything, a text that is too large, nests too deep or uses aliases.

    Anchors and aliases (``&naam``, ``*naam``) are refused in every YAML text: expanding nested
    aliases is how a few hundred bytes become billions of nodes ("billion laughs"), and in a rule
    file every value is written out with its own source anyway. The event stream is read without
    recursion, so a deeply nested text cannot exhaust the stack either.
    """
    if len(tekst) > max_tekens:
        raise Regelfout(
            [Melding(f"tekst is te groot ({len(tekst)} tekens; hoogstens {max_tekens})", bestand)]
        )
    # PyYAML looks up to 1024 tokens ahead in flow collections, each step costing the depth so far:
    # refuse deep ``[[[[``/``{{{{`` on a cheap count before parsing (brackets inside a scalar count
    # too, which can only make a text with more than max_diepte unclosed brackets fail).
    diepte = 0
    for teken in _HAAKJES.finditer(tekst):
        diepte += 1 if teken.group() in "[{" else -1
        if diepte > max_diepte:
            op = tekst.count("\n", 0, teken.start()) + 1
            raise Regelfout([Melding(f"te diep genest (meer dan {max_diepte} niveaus)", bestand, op)])
    diepte = 0
    for event in yaml.parse(tekst, Loader=_LineLoader):
        regel = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise Regelfout(
                [
                    Melding(
                        "YAML-ankers en -verwijzingen (&naam, *naam) zijn niet toegestaan; "
                        "schrijf elke waarde volledig uit",
                        bestand,
                        regel,
                    )
                ]
            )
        if isinstance(event, yaml.CollectionStartEvent):
            diepte += 1
            if diepte > max_diepte:
                raise Regelfout([Melding(f"te diep genest (meer dan {max_diepte} niveaus)", bestand, regel)])
        elif isinstance(event, yaml.CollectionEndEvent):
            diepte -= 1


def lees_yaml(
    tekst: str,
    bestand: str | None = None,
    *,
    max_tekens: int = MAX_TEKENS_BESTAND,
    max_diepte: int = MAX_DIEPTE,
) -> tuple[Any, dict[Pad, int]]:
    """Parse YAML text; return the data and a map from key path to line number.

    Refuses (as :class:`Regelfout`) invalid YAML, duplicate keys, anchors/aliases, a text longer than
    ``max_tekens`` and nesting deeper than ``max_diepte``.
    """
    try:
        _controleer_vorm(tekst, bestand, max_tekens, max_diepte)
        loader = _LineLoader(tekst)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        regel = mark.line + 1 if mark else None
        raise Regelfout([Melding(f"geen geldige YAML: {exc.problem or exc}", bestand, regel)]) from None
    except yaml.YAMLError as exc:
        raise Regelfout([Melding(f"geen geldige YAML: {exc}", bestand)]) from None
    regels: dict[Pad, int] = {}
    if node is not None:
        _regels(node, (), regels)
    return data, regels


def lees_gebruikerstekst(tekst: str, bestand: str | None = None) -> tuple[Any, dict[Pad, int]]:
    """:func:`lees_yaml` for text a user supplies (a pasted or uploaded policy, a situation).

    Stricter size cap (:data:`MAX_TEKENS_GEBRUIKER`); aliases, deep nesting and duplicate keys are
    refused with a Dutch message, so no input can keep a worker busy.
    """
    return lees_yaml(tekst, bestand, max_tekens=MAX_TEKENS_GEBRUIKER, max_diepte=MAX_DIEPTE)


_VERTALING = {
    "extra_forbidden": "onbekende sleutel",
    "missing": "ontbreekt (verplicht)",
    "date_from_datetime_parsing": "geen geldige datum (verwacht JJJJ-MM-DD)",
    "date_parsing": "geen geldige datum (verwacht JJJJ-MM-DD)",
    "date_type": "geen geldige datum (verwacht JJJJ-MM-DD)",
    "int_parsing": "moet een geheel getal zijn",
    "int_type": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_parsing": "moet een getal zijn",
    "float_type": "moet een getal zijn",
    "bool_parsing": "moet true of false zijn",
    "bool_type": "moet true of false zijn",
    "string_type": "moet tekst zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een tabel (sleutel: waarde) zijn",
    "model_type": "moet een tabel (sleutel: waarde) zijn",
    "too_short": "is te kort (te weinig elementen)",
}


def _tekst(err: ErrorDetails) -> str:
    soort = err["type"]
    ctx = err.get("ctx") or {}
    if soort in ("literal_error", "enum"):
        toegestaan = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"ongeldige waarde {err.get('input')!r}; toegestaan: {toegestaan}"
    if soort == "greater_than_equal":
        return f"moet minstens {ctx.get('ge')} zijn (is {err.get('input')})"
    if soort == "greater_than":
        return f"moet groter dan {ctx.get('gt')} zijn (is {err.get('input')})"
    if soort == "less_than_equal":
        return f"mag hoogstens {ctx.get('le')} zijn (is {err.get('input')})"
    if soort in ("value_error", "assertion_error"):
        reden = ctx.get("error")
        return str(reden) if reden is not None else err["msg"]
    return _VERTALING.get(soort, err["msg"])


def meldingen_uit(
    exc: ValidationError, bestand: str | None = None, regels: dict[Pad, int] | None = None
) -> list[Melding]:
    """Translate a pydantic ValidationError into Dutch :class:`Melding` objects."""
    regels = regels or {}
    uit = []
    for err in exc.errors(include_url=False):
        pad: Pad = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        regel = None
        for n in range(len(pad), -1, -1):
            if pad[:n] in regels:
                regel = regels[pad[:n]]
                break
        sleutel = ".".join(str(p) for p in pad)
        uit.append(Melding(_tekst(err), bestand, regel, sleutel))
    return uit


def valideer(
    model: type[M], data: Any, bestand: str | None = None, regels: dict[Pad, int] | None = None
) -> M:
    """Validate ``data`` against ``model``; raise :class:`Regelfout` with Dutch messages."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise Regelfout(meldingen_uit(exc, bestand, regels)) from None


def laad(model: type[M], pad: Path | str) -> M:
    """Read a YAML (or JSON) file and validate it against ``model``."""
    pad = Path(pad)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError as exc:
        raise Regelfout([Melding(f"kan bestand niet lezen: {exc.strerror}", str(pad))]) from None
    data, regels = lees_yaml(tekst, str(pad))
    if data is None:
        raise Regelfout([Melding("bestand is leeg", str(pad))])
    return valideer(model, data, str(pad), regels)


def _laad_versie(model: type[V], pad: Path) -> V:
    return cast(V, laad(cast(type[BaseModel], model), pad))


def laad_versies(
    model: type[V], map_: Path, lader: Callable[[type[V], Path], V] | None = None
) -> list[tuple[Path, V]]:
    """Every version ``<map_>/<valid_from>.yaml`` of the rule set ``map_.name``, oldest first.

    See :func:`laad_versiebestanden`; this form reads one directory only.
    """
    return laad_versiebestanden(model, map_.name, sorted(map_.glob("*.yaml")), lader)


def laad_versiebestanden(
    model: type[V],
    id_: str,
    paden: Sequence[Path],
    lader: Callable[[type[V], Path], V] | None = None,
) -> list[tuple[Path, V]]:
    """The versions of rule set ``id_`` from the files ``paden``, oldest first.

    The files may come from several rules directories (see :mod:`maatwerk.regels.zoekpad`). Each is
    loaded with ``lader`` (default :func:`laad`), must carry ``id: <id_>`` and be named after its
    ``valid_from``; no two versions may overlap in time. All problems are raised together as one
    :class:`Regelfout`. No files gives ``[]``: the caller says what is unknown.
    """
    laden_ = lader or _laad_versie
    versies: list[tuple[Path, V]] = []
    meldingen: list[Melding] = []
    for pad in paden:
        try:
            versie = laden_(model, pad)
        except Regelfout as fout:
            meldingen.extend(fout.meldingen)
            continue
        if versie.id != id_:
            meldingen.append(
                Melding(f"id '{versie.id}' past niet bij de map '{id_}'", str(pad), sleutel="id")
            )
        if pad.stem != versie.valid_from.isoformat():
            meldingen.append(
                Melding(
                    f"bestandsnaam moet {versie.valid_from.isoformat()}.yaml zijn (gelijk aan valid_from)",
                    str(pad),
                    sleutel="valid_from",
                )
            )
        versies.append((pad, versie))
    try:
        controleer_geen_overlap(
            (str(pad), Geldigheid(valid_from=v.valid_from, valid_until=v.valid_until)) for pad, v in versies
        )
    except Regelfout as fout:
        meldingen.extend(fout.meldingen)
    if meldingen:
        raise Regelfout(meldingen)
    return sorted(versies, key=lambda pv: pv[1].valid_from)

"""The monitor's figures per period, aggregated in the database (one query per indicator, conditional
aggregation over the periods). No personal data leaves this module: counts, averages and shares only;
counts of 1-4 (and averages or shares over fewer than 5) are suppressed by :func:`onderdruk`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import Coalesce

from . import bronnen
from .perioden import Periode

DREMPEL = 5  # smaller counts are not shown (statistical disclosure control, as CBS does for small areas)
ONDERDRUKT = "<5"


def _rij(onderdeel: str, indicator: str, p: Periode, waarde: Any, eenheid: str, n: int | None, **extra: Any):
    return {
        "onderdeel": onderdeel,
        "indicator": indicator,
        "uitsplitsing": extra.get("uitsplitsing", ""),
        "periode": p.naam,
        "van": p.van,
        "tot": p.tot,
        "waarde": waarde,
        "eenheid": eenheid,
        "toelichting": extra.get("toelichting", ""),
        "n": n,
    }


def onderdruk(rijen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Replace values based on 1-4 cases by '<5' (0 stays 0: nothing to disclose)."""
    uit = []
    for r in rijen:
        n = r.get("n")
        if n is not None and 0 < n < DREMPEL:
            r = {**r, "waarde": ONDERDRUKT, "toelichting": "onderdrukt: minder dan 5"}
        uit.append(r)
    return uit


def _dagen(waarde: dt.timedelta | float | None) -> float | None:
    if waarde is None:
        return None
    if isinstance(waarde, dt.timedelta):
        return round(waarde.total_seconds() / 86400, 1)
    return round(float(waarde) / 86_400_000_000, 1)  # some backends return microseconds


def _in(veld: str, p: Periode) -> Q:
    return Q(**{f"{veld}__gte": p.van, f"{veld}__lte": p.tot})


def meldingen(perioden: list[Periode]) -> list[dict[str, Any]]:
    tellingen = bronnen.Zaak.objects.aggregate(
        **{f"p{i}": Count("pk", filter=_in("melddatum", p)) for i, p in enumerate(perioden)}
    )
    return [
        _rij("meldingen", "meldingen", p, tellingen[f"p{i}"], "aantal", tellingen[f"p{i}"])
        for i, p in enumerate(perioden)
    ]


def _doorlooptijd(
    perioden: list[Periode], van: str, tot: str, termijn_dagen: int, onderdeel: str, indicator: str, bron: str
) -> list[dict[str, Any]]:
    duur = ExpressionWrapper(F(tot) - F(van), output_field=DurationField())
    basis = bronnen.Zaak.objects.filter(**{f"{van}__isnull": False, f"{tot}__isnull": False})
    binnen = Q(**{f"{tot}__lte": F(van) + dt.timedelta(days=termijn_dagen)})
    aggregaties: dict[str, Any] = {}
    for i, p in enumerate(perioden):
        aggregaties[f"n{i}"] = Count("pk", filter=_in(tot, p))
        aggregaties[f"gem{i}"] = Avg(duur, filter=_in(tot, p))
        aggregaties[f"binnen{i}"] = Count("pk", filter=_in(tot, p) & binnen)
    a = basis.aggregate(**aggregaties)
    rijen = []
    for i, p in enumerate(perioden):
        n = a[f"n{i}"]
        rijen.append(_rij(onderdeel, f"{indicator}: aantal", p, n, "aantal", n))
        rijen.append(
            _rij(onderdeel, f"{indicator}: gemiddelde doorlooptijd", p, _dagen(a[f"gem{i}"]), "dagen", n)
        )
        aandeel = round(100 * a[f"binnen{i}"] / n, 1) if n else None
        rijen.append(
            _rij(
                onderdeel,
                f"{indicator}: binnen de wettelijke termijn ({termijn_dagen} dagen)",
                p,
                aandeel,
                "procent",
                n,
                toelichting=f"{bron}; kalenderdagen, zonder opschorting en zonder Atw-verschuiving",
            )
        )
    return rijen


def doorlooptijden(perioden: list[Periode]) -> list[dict[str, Any]]:
    termijnen = bronnen.wettelijke_termijnen(perioden[-1].tot)
    rijen = []
    if "onderzoek" in termijnen:
        dagen, bron = termijnen["onderzoek"]
        rijen += _doorlooptijd(
            perioden,
            "melddatum",
            "onderzoek_afgerond_op",
            dagen,
            "doorlooptijden",
            "melding tot onderzoek afgerond",
            bron,
        )
    if "beschikking" in termijnen:
        dagen, bron = termijnen["beschikking"]
        rijen += _doorlooptijd(
            perioden,
            "aanvraagdatum",
            "besluitdatum",
            dagen,
            "doorlooptijden",
            "aanvraag tot beschikking",
            bron,
        )
    return rijen


def wachttijd_levering(perioden: list[Periode]) -> list[dict[str, Any]]:
    """Days from the decision to the start of delivery, for deliveries that started in the period."""
    duur = ExpressionWrapper(F("levering_gestart_op") - F("zaak__besluitdatum"), output_field=DurationField())
    basis = bronnen.Toewijzing.objects.filter(vervangt__isnull=True, zaak__besluitdatum__isnull=False)
    aggregaties: dict[str, Any] = {}
    for i, p in enumerate(perioden):
        aggregaties[f"n{i}"] = Count("pk", filter=_in("levering_gestart_op", p))
        aggregaties[f"gem{i}"] = Avg(duur, filter=_in("levering_gestart_op", p))
    a = basis.aggregate(**aggregaties)
    return [
        _rij("levering", "wachttijd besluit tot start levering", p, _dagen(a[f"gem{i}"]), "dagen", a[f"n{i}"])
        for i, p in enumerate(perioden)
    ]


def schouw(perioden: list[Periode]) -> list[dict[str, Any]]:
    """Completed schouwen and the share of points judged voldoende, per provider."""
    aggregaties: dict[str, Any] = {}
    for i, p in enumerate(perioden):
        f = _in("uitgevoerd_op", p)
        aggregaties[f"n{i}"] = Count("pk", filter=f)
        aggregaties[f"vol{i}"] = Coalesce(Sum("aantal_voldoende", filter=f), 0)
        aggregaties[f"onv{i}"] = Coalesce(Sum("aantal_onvoldoende", filter=f), 0)
    per_aanbieder = (
        bronnen.Schouw.objects.filter(stand=bronnen.Stand.AFGEROND)
        .values("aanbieder__naam")
        .annotate(**aggregaties)
        .order_by("aanbieder__naam")
    )
    rijen = []
    for a in per_aanbieder:
        for i, p in enumerate(perioden):
            n, beoordeeld = a[f"n{i}"], a[f"vol{i}"] + a[f"onv{i}"]
            naam = a["aanbieder__naam"]
            rijen.append(_rij("schouw", "schouwen afgerond", p, n, "aantal", n, uitsplitsing=naam))
            pct = round(100 * a[f"vol{i}"] / beoordeeld, 1) if beoordeeld else None
            rijen.append(_rij("schouw", "taken voldoende", p, pct, "procent", n, uitsplitsing=naam))
    return rijen


def _huidige_beschikkingen():
    """Granted decisions that were not replaced by a correction (the current version)."""
    return bronnen.Beschikking.objects.filter(besluit=bronnen.Besluit.TOEGEKEND, correctie__isnull=True)


def cbs_gmsd(perioden: list[Periode]) -> list[dict[str, Any]]:
    """CBS Gemeentelijke Monitor Sociaal Domein, Wmo: clients with a maatwerkvoorziening (hulp bij het
    huishouden) by form (zorg in natura / pgb) on the last day of the period (or today), starts and ends."""
    from django.utils import timezone

    vandaag = timezone.localdate()
    aggregaties: dict[str, Any] = {}
    for i, p in enumerate(perioden):
        peil = min(p.tot, vandaag)  # a period that has not ended yet: today
        lopend = Q(ingangsdatum__lte=peil) & (Q(einddatum__isnull=True) | Q(einddatum__gte=peil))
        aggregaties[f"c{i}"] = Count("zaak__client", distinct=True, filter=lopend)
        aggregaties[f"s{i}"] = Count("pk", filter=_in("ingangsdatum", p))
        aggregaties[f"e{i}"] = Count("pk", filter=_in("einddatum", p))
    per_vorm = (
        _huidige_beschikkingen().exclude(leveringsvorm="").values("leveringsvorm").annotate(**aggregaties)
    )
    vormen = {"ZIN": "zorg in natura", "PGB": "pgb"}
    rijen = []
    toelichting = "CBS GMSD Wmo-tabel: cliënten met een maatwerkvoorziening (hulp bij het huishouden)"
    for a in sorted(per_vorm, key=lambda r: r["leveringsvorm"]):
        vorm = vormen.get(a["leveringsvorm"], a["leveringsvorm"])
        for i, p in enumerate(perioden):
            rijen += [
                _rij(
                    "cbs",
                    "cliënten met maatwerkvoorziening (einde periode of vandaag)",
                    p,
                    a[f"c{i}"],
                    "aantal",
                    a[f"c{i}"],
                    uitsplitsing=vorm,
                    toelichting=toelichting,
                ),
                _rij("cbs", "voorzieningen gestart", p, a[f"s{i}"], "aantal", a[f"s{i}"], uitsplitsing=vorm),
                _rij(
                    "cbs", "voorzieningen beëindigd", p, a[f"e{i}"], "aantal", a[f"e{i}"], uitsplitsing=vorm
                ),
            ]
    return rijen


def uitgaven(perioden: list[Periode]) -> list[dict[str, Any]]:
    """Estimated spend per provider and trede: the indication's tariff per period times the days of
    delivery in the period up to today (one query; the tariff sits in the indication snapshot of the plan)."""
    from django.utils import timezone

    begin, einde, vandaag = perioden[0].van, perioden[-1].tot, timezone.localdate()
    rijen_db = (
        bronnen.Toewijzing.objects.filter(levering_gestart_op__isnull=False, levering_gestart_op__lte=einde)
        .filter(Q(levering_gestopt_op__isnull=True) | Q(levering_gestopt_op__gte=begin))
        .values_list(
            "aanbieder__naam",
            "levering_gestart_op",
            "levering_gestopt_op",
            "einde_recht",
            "zaak__ondersteuningsplan__indicatie__resultaat",
        )
    )
    totalen: dict[tuple[str, str, str], list[Any]] = {}  # som, n, periode, voorbeeld
    for naam, start, stop, einde_recht, indicatie in rijen_db.iterator():
        indicatie = indicatie or {}
        tarief = indicatie.get("tarief_per_periode") or {}
        bedrag = Decimal(str(tarief.get("bedrag") or 0))
        periode_dagen = _periode_dagen(tarief.get("periode", ""))
        trede = ", ".join(sorted((indicatie.get("treden") or {}).values())) or "onbekend"
        laatste = min(d for d in (stop, einde_recht, einde, vandaag) if d is not None)
        for p in perioden:
            dagen = (min(laatste, p.tot) - max(start, p.van)).days + 1
            if dagen <= 0 or not periode_dagen:
                continue
            t = totalen.setdefault((naam, trede, p.naam), [Decimal(0), 0, p, False])
            t[0] += bedrag * dagen / periode_dagen
            t[1] += 1
            t[3] = t[3] or bool(tarief.get("voorbeeld"))
    return [
        _rij(
            "uitgaven",
            "geraamde uitgaven",
            p,
            float(round(som, 2)),
            "euro",
            n,
            uitsplitsing=f"{naam} / {trede}",
            toelichting="tarief per periode uit de indicatie x dagen levering (t/m vandaag)"
            + (" (voorbeeldtarief, geen vastgesteld tarief)" if voorbeeld else ""),
        )
        for (naam, trede, _), (som, n, p, voorbeeld) in sorted(
            totalen.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[1][2].van)
        )
    ]


def _periode_dagen(tekst: str) -> int:
    """'4 weken' -> 28, '1 week' -> 7, 'maand' -> 30 (tariff periods in the indications)."""
    delen = tekst.split()
    aantal = int(delen[0]) if delen and delen[0].isdigit() else 1
    eenheid = delen[-1] if delen else ""
    if eenheid.startswith("week") or eenheid.startswith("weken"):
        return 7 * aantal
    if eenheid.startswith("maand"):
        return 30 * aantal
    if eenheid.startswith("jaar"):
        return 365 * aantal
    return 0


def informeel(perioden: list[Periode]) -> list[dict[str, Any]]:
    """Driegesprekken, tweede meningen and mediation per period, by kind and outcome."""
    aggregaties = {f"p{i}": Count("pk", filter=_in("datum", p)) for i, p in enumerate(perioden)}
    per_soort = (
        bronnen.Bemiddeling.objects.values("soort", "uitkomst")
        .annotate(**aggregaties)
        .order_by("soort", "uitkomst")
    )
    return [
        _rij(
            "informele afhandeling",
            a["soort"].replace("_", " "),
            p,
            a[f"p{i}"],
            "aantal",
            a[f"p{i}"],
            uitsplitsing=a["uitkomst"].replace("_", " "),
        )
        for a in per_soort
        for i, p in enumerate(perioden)
    ]


def herindicatie(perioden: list[Periode]) -> list[dict[str, Any]]:
    """Campaign progress per period: registrations per kind (visits, driegesprekken, bezwaren)."""
    aggregaties = {f"p{i}": Count("pk", filter=_in("datum", p)) for i, p in enumerate(perioden)}
    per_soort = bronnen.Registratie.objects.values("soort").annotate(**aggregaties).order_by("soort")
    rijen = []
    caseload = bronnen.CaseloadClient.objects.count()
    for p in perioden:
        rijen.append(_rij("herindicatie", "caseload (totaal)", p, caseload, "aantal", caseload))
    for a in per_soort:
        for i, p in enumerate(perioden):
            rijen.append(
                _rij("herindicatie", a["soort"].replace("_", " "), p, a[f"p{i}"], "aantal", a[f"p{i}"])
            )
    return rijen


def _beslist(
    model: Any,
    perioden: list[Periode],
    onderdeel: str,
    ontvangen: str,
    beslist: str,
    uitkomst: str,
    gegrond: tuple[str, ...],
    extra_filter: Q | None = None,
) -> list[dict[str, Any]]:
    """Received, decided, per outcome, share (deels) gegrond and average days to the decision."""
    duur = ExpressionWrapper(F(beslist) - F(ontvangen), output_field=DurationField())
    aggregaties: dict[str, Any] = {}
    for i, p in enumerate(perioden):
        aggregaties[f"in{i}"] = Count("pk", filter=_in(ontvangen, p) & (extra_filter or Q()))
        aggregaties[f"uit{i}"] = Count("pk", filter=_in(beslist, p))
        aggregaties[f"geg{i}"] = Count("pk", filter=_in(beslist, p) & Q(**{f"{uitkomst}__in": gegrond}))
        aggregaties[f"gem{i}"] = Avg(duur, filter=_in(beslist, p))
    a = model.objects.aggregate(**aggregaties)
    per_uitkomst = (
        model.objects.exclude(**{uitkomst: ""})
        .values(uitkomst)
        .annotate(**{f"p{i}": Count("pk", filter=_in(beslist, p)) for i, p in enumerate(perioden)})
        .order_by(uitkomst)
    )
    rijen = []
    for i, p in enumerate(perioden):
        n_uit = a[f"uit{i}"]
        rijen += [
            _rij(onderdeel, "ontvangen", p, a[f"in{i}"], "aantal", a[f"in{i}"]),
            _rij(onderdeel, "afgehandeld", p, n_uit, "aantal", n_uit),
            _rij(
                onderdeel,
                "(deels) gegrond",
                p,
                round(100 * a[f"geg{i}"] / n_uit, 1) if n_uit else None,
                "procent",
                n_uit,
            ),
            _rij(onderdeel, "gemiddelde behandelduur", p, _dagen(a[f"gem{i}"]), "dagen", n_uit),
        ]
    for u in per_uitkomst:
        for i, p in enumerate(perioden):
            rijen.append(
                _rij(
                    onderdeel,
                    "uitkomst",
                    p,
                    u[f"p{i}"],
                    "aantal",
                    u[f"p{i}"],
                    uitsplitsing=str(u[uitkomst]).replace("_", " "),
                )
            )
    return rijen


def bezwaren(perioden: list[Periode]) -> list[dict[str, Any]]:
    model = bronnen.model_of_none("bezwaren", "Bezwaar")
    if model is None:
        return []
    rijen = _beslist(
        model, perioden, "bezwaren", "ontvangen_op", "beslist_op", "uitkomst", ("gegrond", "deels_gegrond")
    )
    prematuur = model.objects.aggregate(
        **{
            f"p{i}": Count("pk", filter=_in("ontvangen_op", p) & Q(premature=True))
            for i, p in enumerate(perioden)
        }
    )
    return rijen + [
        _rij("bezwaren", "waarvan premature bezwaren", p, prematuur[f"p{i}"], "aantal", prematuur[f"p{i}"])
        for i, p in enumerate(perioden)
    ]


def klachten(perioden: list[Periode]) -> list[dict[str, Any]]:
    model = bronnen.model_of_none("klachten", "Klacht")
    if model is None:
        return []
    return _beslist(
        model, perioden, "klachten", "ontvangen_op", "afgehandeld_op", "oordeel", ("gegrond", "deels_gegrond")
    )


ONDERDELEN = (
    meldingen,
    doorlooptijden,
    wachttijd_levering,
    informeel,
    bezwaren,
    klachten,
    schouw,
    uitgaven,
    cbs_gmsd,
    herindicatie,
)


def monitor(perioden: list[Periode]) -> tuple[list[dict[str, Any]], list[str]]:
    """All rows for the periods (suppressed), and the optional sources that are not installed."""
    rijen: list[dict[str, Any]] = []
    for onderdeel in ONDERDELEN:
        rijen += onderdeel(perioden)
    ontbreekt = [
        naam
        for naam, label, model in (("bezwaren", "bezwaren", "Bezwaar"), ("klachten", "klachten", "Klacht"))
        if bronnen.model_of_none(label, model) is None
    ]
    return onderdruk(rijen), ontbreekt

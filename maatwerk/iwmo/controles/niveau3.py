"""Level 3: rules across messages (``berichtoverstijgend``), checked against a :class:`Berichtgeschiedenis`.

Sources: ``shared/iwmo/regels/technische-regels/berichtoverstijgend/TR*.md`` and for the volume rules
IV077 (``shared/iwmo/regels/invulinstructies/invulinstructie_IV077.md``). Without a history these rules
are not checked (the result says so).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from maatwerk.iwmo.controles import Context, Overtreding, datum, regel
from maatwerk.iwmo.geschiedenis import (
    Berichtgeschiedenis,
    EerdereLevering,
    Leveringsgeschiedenis,
    ToegewezenProduct,
    Verzoekgeschiedenis,
)
from maatwerk.iwmo.lezen import Klasse

MINUUT, UUR = "01", "04"


def _geschiedenis(ctx: Context) -> Berichtgeschiedenis:
    assert ctx.geschiedenis is not None, "niveau 3 vraagt een berichtgeschiedenis"
    return ctx.geschiedenis


def _nummer(klasse: Klasse) -> int | None:
    tekst = klasse.get("ToewijzingNummer")
    return int(tekst) if tekst else None


@regel("TR056")
def tr056(ctx: Context) -> Iterator[Overtreding]:
    """Identificatie unique per message type for the sender."""
    ident = ctx.header.get("BerichtIdentificatie/Identificatie") or ""
    if _geschiedenis(ctx).identificatie_bekend(ctx.bericht, ctx.header.get("Afzender") or "", ident):
        yield ctx.fout(
            "TR056",
            ctx.header,
            "BerichtIdentificatie/Identificatie",
            f"identificatie {ident} is al eerder ontvangen",
        )


@regel("TR019")
def tr019(ctx: Context) -> Iterator[Overtreding]:
    """A start or stop refers to a toewijzing by ToewijzingNummer."""
    for naam in ("StartProduct", "StopProduct"):
        for p in ctx.alle(naam):
            nummer = _nummer(p)
            if nummer is not None and _geschiedenis(ctx).toewijzing(ctx.agb, nummer) is None:
                yield ctx.fout(
                    "TR019",
                    p,
                    "ToewijzingNummer",
                    f"geen toewijzing {nummer} bekend voor aanbieder {ctx.agb}",
                )


def _toewijzing_bij(ctx: Context, prestatie: Klasse) -> ToegewezenProduct | None:
    """The toewijzing a prestatie (or product) refers to by ToewijzingNummer (looked up once per message)."""
    per_klasse: dict[int, ToegewezenProduct | None] = ctx.cache.setdefault("toewijzing", {})
    sleutel = id(prestatie)
    if sleutel not in per_klasse:
        nummer = _nummer(prestatie)
        per_klasse[sleutel] = None if nummer is None else _geschiedenis(ctx).toewijzing(ctx.agb, nummer)
    return per_klasse[sleutel]


def _prestaties(ctx: Context) -> list[tuple[Klasse, Klasse, ToegewezenProduct]]:
    """(client, prestatie, toewijzing) for every prestatie whose toewijzing is known and of this client."""
    if "prestaties" not in ctx.cache:
        ctx.cache["prestaties"] = [
            (client, p, t)
            for client in ctx.clienten()
            for p in client.kinderen("Prestatie")
            if (t := _toewijzing_bij(ctx, p)) is not None and t.bsn == client.get("Bsn")
        ]
    uit: list[tuple[Klasse, Klasse, ToegewezenProduct]] = ctx.cache["prestaties"]
    return uit


@regel("TR338")
def tr338(ctx: Context) -> Iterator[Overtreding]:
    for p in ctx.alle("Prestatie"):
        if _toewijzing_bij(ctx, p) is None:
            yield ctx.fout(
                "TR338",
                p,
                "ToewijzingNummer",
                f"geen toegewezen product met nummer {p.get('ToewijzingNummer')}",
            )


@regel("TR304")
def tr304(ctx: Context) -> Iterator[Overtreding]:
    """The Bsn matches the client of the toewijzing (323 prestaties, 317 products)."""
    for client in ctx.clienten():
        bsn = client.get("Bsn")
        for naam in ("Prestatie", "TeWijzigenProduct", "OngewijzigdProduct"):
            for p in _onder(client, naam):
                t = _toewijzing_bij(ctx, p)
                if t is not None and t.bsn != bsn:
                    yield ctx.fout(
                        "TR304",
                        p,
                        "ToewijzingNummer",
                        f"toewijzing {t.toewijzingnummer} hoort niet bij BSN {bsn}",
                    )


def _onder(klasse: Klasse, naam: str) -> Iterator[Klasse]:
    for kind in klasse.kinderen():
        if kind.naam == naam:
            yield kind
        yield from _onder(kind, naam)


@regel("TR307")
def tr307(ctx: Context) -> Iterator[Overtreding]:
    for _, p, t in _prestaties(ctx):
        begin = datum(p.get("ProductPeriode/Begindatum"))
        if begin and begin < t.ingangsdatum:
            yield ctx.fout(
                "TR307",
                p,
                "ProductPeriode/Begindatum",
                f"begindatum {begin} ligt vóór de ingangsdatum {t.ingangsdatum} van de toewijzing",
            )


@regel("TR308")
def tr308(ctx: Context) -> Iterator[Overtreding]:
    for _, p, t in _prestaties(ctx):
        eind = datum(p.get("ProductPeriode/Einddatum"))
        if eind and t.einddatum and eind > t.einddatum:
            yield ctx.fout(
                "TR308",
                p,
                "ProductPeriode/Einddatum",
                f"einddatum {eind} ligt na de einddatum {t.einddatum} van de toewijzing",
            )


@regel("TR339")
def tr339(ctx: Context) -> Iterator[Overtreding]:
    for _, p, t in _prestaties(ctx):
        if t.categorie and p.get("ProductCategorie") != t.categorie:
            yield ctx.fout(
                "TR339",
                p,
                "ProductCategorie",
                f"productcategorie {p.get('ProductCategorie')}, toegewezen is {t.categorie}",
            )


@regel("TR340")
def tr340(ctx: Context) -> Iterator[Overtreding]:
    for _, p, t in _prestaties(ctx):
        if t.code and p.get("ProductCode") != t.code:
            yield ctx.fout(
                "TR340", p, "ProductCode", f"productcode {p.get('ProductCode')}, toegewezen is {t.code}"
            )


def _eenheid_past(gedeclareerd: str | None, toegewezen: str | None) -> bool:
    return toegewezen is None or gedeclareerd == toegewezen or (toegewezen == UUR and gedeclareerd == MINUUT)


@regel("TR341")
def tr341(ctx: Context) -> Iterator[Overtreding]:
    """Eenheid equals the toewijzing's; minutes may be declared on a toewijzing in hours (IV081)."""
    for _, p, t in _prestaties(ctx):
        if not _eenheid_past(p.get("Eenheid"), t.eenheid):
            yield ctx.fout(
                "TR341",
                p,
                "Eenheid",
                f"eenheid {p.get('Eenheid')} past niet bij toegewezen eenheid {t.eenheid}",
            )


def _in_eenheid(volume: int, eenheid: str | None, t: ToegewezenProduct) -> float:
    """A declared volume in the toewijzing's unit (minutes on an hours toewijzing: divided by 60)."""
    return volume / 60 if t.eenheid == UUR and eenheid == MINUUT else float(volume)


def _weken(begin: dt.date, eind: dt.date) -> int:
    """Number of (possibly partial) calendar weeks touched by [begin, eind] (IV077: count week numbers)."""
    maandag_begin = begin - dt.timedelta(days=begin.weekday())
    maandag_eind = eind - dt.timedelta(days=eind.weekday())
    return (maandag_eind - maandag_begin).days // 7 + 1


def _zondagen(begin: dt.date, eind: dt.date) -> int:
    if begin > dt.date.max - dt.timedelta(days=7):
        return int(begin.weekday() == 6 and begin <= eind)
    eerste = begin + dt.timedelta(days=(6 - begin.weekday()) % 7)
    return 0 if eerste > eind else (eind - eerste).days // 7 + 1


def _maanden(begin: dt.date, eind: dt.date) -> int:
    return (eind.year - begin.year) * 12 + eind.month - begin.month + 1


def maximaal_volume(
    ctx: Context, t: ToegewezenProduct, begin: dt.date, eind: dt.date, per_periode: bool
) -> float | None:
    """The most that may be declared on ``t`` over [begin, eind] (IV077); ``None`` when unbounded."""
    if t.volume is None:
        return None
    begin, eind = max(begin, t.ingangsdatum), min(eind, t.einddatum or eind)
    if eind < begin:
        return 0.0
    output = t.eenheid in ctx.parameter("TR321", "eenheden_outputgericht")
    match t.frequentie:
        case "1":
            return float(t.volume * ((eind - begin).days + 1))
        case "2":
            if per_periode and t.categorie == ctx.parameter("TR321", "categorie_vaste_weekfactor"):
                return float(t.volume * int(ctx.parameter("TR321", "vaste_weekfactor")))
            if output:
                extra = int(
                    t.einddatum is not None
                    and t.einddatum.weekday() != 6
                    and begin <= t.einddatum - dt.timedelta(days=(t.einddatum.weekday() + 1) % 7) <= eind
                )
                return float(t.volume * (_zondagen(begin, eind) + extra))
            return float(t.volume * _weken(begin, eind))
        case "4":
            return float(t.volume * _maanden(begin, eind))
        case "6":
            return float(t.volume)
    return None


@regel("TR321")
def tr321(ctx: Context) -> Iterator[Overtreding]:
    """GeleverdVolume of one prestatie fits the toegewezen Omvang for its ProductPeriode (IV077)."""
    for _, p, t in _prestaties(ctx):
        begin, eind = datum(p.get("ProductPeriode/Begindatum")), datum(p.get("ProductPeriode/Einddatum"))
        if (
            not (begin and eind)
            or p.get("IngediendBedrag/DebetCredit") == "C"
            or not _eenheid_past(p.get("Eenheid"), t.eenheid)
        ):
            continue
        maximum = maximaal_volume(ctx, t, begin, eind, per_periode=True)
        volume = _in_eenheid(int(p.get("GeleverdVolume") or 0), p.get("Eenheid"), t)
        if maximum is not None and volume > maximum:
            yield ctx.fout(
                "TR321",
                p,
                "GeleverdVolume",
                f"geleverd volume {volume:g} is meer dan het toegewezen maximum {maximum:g} "
                "voor deze periode",
            )


@regel("TR322")
def tr322(ctx: Context) -> Iterator[Overtreding]:
    """The sum of GeleverdVolume on a toewijzing fits its Omvang over the toewijzing's whole duration."""
    totaal: dict[int, float] = {}
    for _, p, t in _prestaties(ctx):
        if t.volume is None or (t.einddatum is None and t.frequentie != "6"):
            continue
        if not _eenheid_past(p.get("Eenheid"), t.eenheid):
            continue
        if t.toewijzingnummer not in totaal:
            eerder = 0.0
            for e in _geschiedenis(ctx).prestaties(ctx.agb, t.toewijzingnummer):
                if e.toegekend:
                    eerder += _in_eenheid(e.volume, e.eenheid, t) * (1 if e.debet else -1)
            totaal[t.toewijzingnummer] = eerder
        teken = -1 if p.get("IngediendBedrag/DebetCredit") == "C" else 1
        totaal[t.toewijzingnummer] += teken * _in_eenheid(
            int(p.get("GeleverdVolume") or 0), p.get("Eenheid"), t
        )
        maximum = maximaal_volume(ctx, t, t.ingangsdatum, t.einddatum or t.ingangsdatum, per_periode=False)
        if teken > 0 and maximum is not None and totaal[t.toewijzingnummer] > maximum:
            yield ctx.fout(
                "TR322",
                p,
                "GeleverdVolume",
                f"gedeclareerd in totaal {totaal[t.toewijzingnummer]:g}, "
                f"toegewezen over de hele looptijd {maximum:g}",
            )


@regel("TR314")
def tr314(ctx: Context) -> Iterator[Overtreding]:
    """ReferentieNummer unique for the aanbieder, within the message and across messages."""
    gezien: set[str] = set()
    for p in ctx.alle("Prestatie"):
        ref = p.get("ProductReferentie/ReferentieNummer") or ""
        if ref in gezien or _geschiedenis(ctx).prestatie(ctx.agb, ref) is not None:
            yield ctx.fout(
                "TR314",
                p,
                "ProductReferentie/ReferentieNummer",
                f"referentienummer {ref} is al eerder aangeleverd",
            )
        gezien.add(ref)


@regel("TR323")
def tr323(ctx: Context) -> Iterator[Overtreding]:
    """A credit prestatie refers to an earlier (granted) debet prestatie."""
    for p in ctx.alle("Prestatie"):
        vorig = p.get("ProductReferentie/VorigReferentieNummer")
        if p.get("IngediendBedrag/DebetCredit") != "C" or not vorig:
            continue
        eerder = _geschiedenis(ctx).prestatie(ctx.agb, vorig)
        if eerder is None or not eerder.debet or not eerder.toegekend:
            yield ctx.fout(
                "TR323",
                p,
                "ProductReferentie/VorigReferentieNummer",
                f"geen goedgekeurde debetprestatie {vorig} bekend",
            )


@regel("TR333")
def tr333(ctx: Context) -> Iterator[Overtreding]:
    for d in ctx.alle("Declaratie"):
        nummer = d.get("DeclaratieNummer") or ""
        if _geschiedenis(ctx).declaratienummer_bekend(ctx.agb, nummer):
            yield ctx.fout("TR333", d, "DeclaratieNummer", f"declaratienummer {nummer} is al eerder gebruikt")


@regel("TR384")
def tr384(ctx: Context) -> Iterator[Overtreding]:
    for _, p, t in _prestaties(ctx):
        if t.reden_wijziging == "13":
            yield ctx.fout(
                "TR384",
                p,
                "ToewijzingNummer",
                f"toewijzing {t.toewijzingnummer} is verwijderd (reden wijziging 13)",
            )


def _actueel(t: ToegewezenProduct, peildatum: dt.date) -> bool:
    return not t.verwijderd and (t.einddatum is None or t.einddatum >= peildatum)


@regel("TR349")
def tr349(ctx: Context) -> Iterator[Overtreding]:
    """A verzoek om wijziging lists every current toewijzing of the client (Ongewijzigd or TeWijzigen)."""
    for client in ctx.clienten():
        for verzoek in client.kinderen("Verzoek"):
            genoemd = {
                _nummer(p) for n in ("OngewijzigdProduct", "TeWijzigenProduct") for p in verzoek.kinderen(n)
            }
            for t in _geschiedenis(ctx).toewijzingen(ctx.agb, client.get("Bsn") or ""):
                if _actueel(t, ctx.dagtekening) and t.toewijzingnummer not in genoemd:
                    yield ctx.fout(
                        "TR349",
                        verzoek,
                        "",
                        f"actuele toewijzing {t.toewijzingnummer} ontbreekt in het verzoek",
                    )


def _verwijst_naar_actueel(ctx: Context, code: str, naam: str) -> Iterator[Overtreding]:
    for p in ctx.alle(naam):
        nummer = _nummer(p)
        t = None if nummer is None else _geschiedenis(ctx).toewijzing(ctx.agb, nummer)
        if t is None or not _actueel(t, ctx.dagtekening):
            yield ctx.fout(
                code, p, "ToewijzingNummer", f"{naam} {nummer} verwijst niet naar een actuele toewijzing"
            )


@regel("TR350")
def tr350(ctx: Context) -> Iterator[Overtreding]:
    yield from _verwijst_naar_actueel(ctx, "TR350", "OngewijzigdProduct")


@regel("TR351")
def tr351(ctx: Context) -> Iterator[Overtreding]:
    yield from _verwijst_naar_actueel(ctx, "TR351", "TeWijzigenProduct")


def _maandbegin(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _maandeinde(d: dt.date) -> dt.date:
    if d.month == 12:
        return d.replace(day=31)
    volgende = d.replace(day=28) + dt.timedelta(days=4)
    return volgende - dt.timedelta(days=volgende.day)


@regel("TR319")
def tr319(ctx: Context) -> Iterator[Overtreding]:
    """A ProductPeriode lies in the current or an earlier DeclaratiePeriode."""
    for d in ctx.alle("Declaratie"):
        einde = datum(d.get("DeclaratiePeriode/Einddatum"))
        for p in _onder(d, "Prestatie"):
            eind = datum(p.get("ProductPeriode/Einddatum"))
            if einde and eind and eind > einde:
                yield ctx.fout(
                    "TR319",
                    p,
                    "ProductPeriode",
                    f"productperiode eindigt {eind}, na de declaratieperiode ({einde})",
                )


@regel("TR387")
def tr387(ctx: Context) -> Iterator[Overtreding]:
    """ProductPeriode begins on the 1st of its month, or on the toewijzing's Ingangsdatum later that month."""
    for _, p, t in _prestaties(ctx):
        begin = datum(p.get("ProductPeriode/Begindatum"))
        if begin is None:
            continue
        verwacht = max(_maandbegin(begin), t.ingangsdatum)
        if begin != verwacht:
            yield ctx.fout(
                "TR387", p, "ProductPeriode/Begindatum", f"begindatum {begin}, verwacht {verwacht}"
            )


@regel("TR388")
def tr388(ctx: Context) -> Iterator[Overtreding]:
    """ProductPeriode ends on the last day of its month, or on the toewijzing's earlier Einddatum."""
    for _, p, t in _prestaties(ctx):
        eind = datum(p.get("ProductPeriode/Einddatum"))
        if eind is None:
            continue
        verwacht = min(_maandeinde(eind), t.einddatum or dt.date.max)
        if eind != verwacht:
            yield ctx.fout("TR388", p, "ProductPeriode/Einddatum", f"einddatum {eind}, verwacht {verwacht}")


@regel("TR389")
def tr389(ctx: Context) -> Iterator[Overtreding]:
    """No second debet for the same period, product and toewijzing unless the first was credited."""
    for _, p, t in _prestaties(ctx):
        if p.get("IngediendBedrag/DebetCredit") != "D":
            continue
        begin, eind = datum(p.get("ProductPeriode/Begindatum")), datum(p.get("ProductPeriode/Einddatum"))
        eerder = _geschiedenis(ctx).prestaties(ctx.agb, t.toewijzingnummer)
        gecrediteerd = {e.vorig_referentienummer for e in eerder if not e.debet and e.toegekend}
        for e in eerder:
            zelfde = e.debet and e.toegekend and (e.begindatum, e.einddatum) == (begin, eind)
            if zelfde and e.referentienummer not in gecrediteerd:
                tekst = f"debetprestatie {e.referentienummer} voor deze periode is niet gecrediteerd"
                yield ctx.fout("TR389", p, "IngediendBedrag", tekst)
                break


@regel("TR390")
def tr390(ctx: Context) -> Iterator[Overtreding]:
    """A debet prestatie is credited at most once."""
    for _, p, t in _prestaties(ctx):
        vorig = p.get("ProductReferentie/VorigReferentieNummer")
        if p.get("IngediendBedrag/DebetCredit") != "C" or not vorig:
            continue
        if any(
            not e.debet and e.vorig_referentienummer == vorig
            for e in _geschiedenis(ctx).prestaties(ctx.agb, t.toewijzingnummer)
        ):
            yield ctx.fout(
                "TR390", p, "ProductReferentie/VorigReferentieNummer", f"prestatie {vorig} is al gecrediteerd"
            )


@regel("TR369")
def tr369(ctx: Context) -> Iterator[Overtreding]:
    """With a Budget, the sum of GeleverdVolume (euros) over all prestaties fits the budget."""
    totaal: dict[int, int] = {}
    for _, p, t in _prestaties(ctx):
        if t.budget is None:
            continue
        if t.toewijzingnummer not in totaal:
            totaal[t.toewijzingnummer] = sum(
                e.volume * (1 if e.debet else -1)
                for e in _geschiedenis(ctx).prestaties(ctx.agb, t.toewijzingnummer)
                if e.toegekend
            )
        teken = -1 if p.get("IngediendBedrag/DebetCredit") == "C" else 1
        totaal[t.toewijzingnummer] += teken * int(p.get("GeleverdVolume") or 0)
        if teken > 0 and totaal[t.toewijzingnummer] > t.budget:
            yield ctx.fout(
                "TR369",
                p,
                "GeleverdVolume",
                f"totaal {totaal[t.toewijzingnummer]} past niet in het budget {t.budget}",
            )


def _te_wijzigen(ctx: Context) -> Iterator[tuple[Klasse, ToegewezenProduct]]:
    for p in ctx.alle("TeWijzigenProduct"):
        nummer = _nummer(p)
        t = None if nummer is None else _geschiedenis(ctx).toewijzing(ctx.agb, nummer)
        if t is not None:
            yield p, t


@regel("TR357")
def tr357(ctx: Context) -> Iterator[Overtreding]:
    """A change not in the future (GewensteIngangsdatum <= dagtekening) starts on the original start."""
    for p, t in _te_wijzigen(ctx):
        gewenst = datum(p.get("GewensteIngangsdatum"))
        if gewenst and gewenst <= ctx.dagtekening and gewenst != t.ingangsdatum:
            yield ctx.fout(
                "TR357",
                p,
                "GewensteIngangsdatum",
                f"{gewenst} ligt niet in de toekomst en is niet de ingangsdatum {t.ingangsdatum}",
            )


@regel("TR373")
def tr373(ctx: Context) -> Iterator[Overtreding]:
    """A changed Budget applies from the toewijzing's own Ingangsdatum."""
    for p, t in _te_wijzigen(ctx):
        budget, gewenst = p.get("Budget"), datum(p.get("GewensteIngangsdatum"))
        if budget and int(budget) != t.budget and gewenst != t.ingangsdatum:
            yield ctx.fout(
                "TR373", p, "GewensteIngangsdatum", f"budgetwijziging moet ingaan op {t.ingangsdatum}"
            )


@regel("TR411")
def tr411(ctx: Context) -> Iterator[Overtreding]:
    """TeWijzigenProduct on a toewijzing with a product code: Omvang is required."""
    for p, t in _te_wijzigen(ctx):
        if t.code and not any(k.startswith("Omvang/") for k in p.velden):
            yield ctx.fout(
                "TR411",
                p,
                "Omvang",
                f"toewijzing {t.toewijzingnummer} heeft productcode {t.code}: Omvang is verplicht",
            )


@regel("TR412")
def tr412(ctx: Context) -> Iterator[Overtreding]:
    """TeWijzigenProduct on a toewijzing without product code (ending after 31-12-2020 or open): no Omvang."""
    grens = dt.date.fromisoformat(str(ctx.parameter("TR412", "grensdatum")))
    for p, t in _te_wijzigen(ctx):
        eind = datum(p.get("Einddatum")) or t.einddatum
        if not t.code and (eind is None or eind > grens) and any(k.startswith("Omvang/") for k in p.velden):
            yield ctx.fout(
                "TR412",
                p,
                "Omvang",
                f"toewijzing {t.toewijzingnummer} heeft geen productcode: Omvang blijft leeg",
            )


# --- start and stop (WMO305/WMO307): need a Leveringsgeschiedenis -----------------------------------


def _leveringen(ctx: Context, p: Klasse) -> Sequence[EerdereLevering]:
    nummer = _nummer(p)
    if nummer is None:
        return []
    geschiedenis = _geschiedenis(ctx)
    assert isinstance(geschiedenis, Leveringsgeschiedenis)
    return geschiedenis.leveringen(ctx.agb, nummer)


def _zelfde_start(e: EerdereLevering, p: Klasse, bsn: str | None) -> bool:
    """Same key as a StartProduct/StopProduct: Bsn, ToewijzingNummer (the call), Begindatum, product."""
    return (
        e.bsn == bsn
        and e.begindatum == datum(p.get("Begindatum"))
        and (e.categorie, e.code) == (p.get("Product/Categorie"), p.get("Product/Code"))
    )


def _start_stop(ctx: Context, naam: str) -> Iterator[tuple[Klasse, Klasse, Sequence[EerdereLevering]]]:
    for client in ctx.clienten():
        for p in client.kinderen(naam):
            yield client, p, _leveringen(ctx, p)


@regel("TR063", vraagt=Leveringsgeschiedenis)
def tr063(ctx: Context) -> Iterator[Overtreding]:
    """A deletion (StatusAanlevering 3) refers to an earlier delivery with the same key."""
    for naam, soort in (("StartProduct", "start"), ("StopProduct", "stop")):
        for client, p, eerder in _start_stop(ctx, naam):
            if p.get("StatusAanlevering") != "3":
                continue
            bsn = client.get("Bsn")
            if not any(e.soort == soort and _zelfde_start(e, p, bsn) for e in eerder):
                yield ctx.fout(
                    "TR063",
                    p,
                    "StatusAanlevering",
                    f"geen eerder {soort}bericht met deze sleutel om te verwijderen",
                )


@regel("TR074", vraagt=Leveringsgeschiedenis)
def tr074(ctx: Context) -> Iterator[Overtreding]:
    """A first delivery (StatusAanlevering 1) has a key not received before."""
    for naam, soort in (("StartProduct", "start"), ("StopProduct", "stop")):
        for client, p, eerder in _start_stop(ctx, naam):
            if p.get("StatusAanlevering") != "1":
                continue
            bsn = client.get("Bsn")
            for e in eerder:
                zelfde_stop = soort == "start" or (
                    e.einddatum == datum(p.get("Einddatum"))
                    and e.reden_beeindiging == p.get("RedenBeeindiging")
                )
                if e.soort == soort and _zelfde_start(e, p, bsn) and zelfde_stop:
                    yield ctx.fout(
                        "TR074", p, "StatusAanlevering", f"er is al een {soort}bericht met deze sleutel"
                    )
                    break


def _stops_bij(eerder: Sequence[EerdereLevering], p: Klasse, bsn: str | None) -> list[EerdereLevering]:
    """Earlier stops with the same Bsn, ToewijzingNummer and Begindatum as ``p``."""
    begin = datum(p.get("Begindatum"))
    return [e for e in eerder if e.soort == "stop" and e.bsn == bsn and e.begindatum == begin]


@regel("TR326", vraagt=Leveringsgeschiedenis)
def tr326(ctx: Context) -> Iterator[Overtreding]:
    """A new start only when no current start on the toewijzing lacks a stop."""
    for client, p, eerder in _start_stop(ctx, "StartProduct"):
        if p.get("StatusAanlevering") != "1":
            continue
        bsn = client.get("Bsn")
        gestopt = {e.begindatum for e in eerder if e.soort == "stop" and e.bsn == bsn}
        lopend = [e for e in eerder if e.soort == "start" and e.bsn == bsn and e.begindatum not in gestopt]
        if any(e.begindatum != datum(p.get("Begindatum")) for e in lopend):
            yield ctx.fout(
                "TR326", p, "Begindatum", "de lopende levering is nog niet gestopt met een stopbericht"
            )


@regel("TR071", vraagt=Leveringsgeschiedenis)
def tr071(ctx: Context) -> Iterator[Overtreding]:
    """A start may not be deleted once a stop was sent for it."""
    for client, p, eerder in _start_stop(ctx, "StartProduct"):
        if p.get("StatusAanlevering") == "3" and _stops_bij(eerder, p, client.get("Bsn")):
            yield ctx.fout(
                "TR071", p, "StatusAanlevering", "de start kan niet worden verwijderd: er is al een stop"
            )


@regel("TR382", vraagt=Leveringsgeschiedenis)
def tr382(ctx: Context) -> Iterator[Overtreding]:
    """A stop carries the key of a current start unchanged."""
    for client, p, eerder in _start_stop(ctx, "StopProduct"):
        bsn = client.get("Bsn")
        if not any(e.soort == "start" and _zelfde_start(e, p, bsn) for e in eerder):
            yield ctx.fout("TR382", p, "Begindatum", "geen actueel startbericht met dezelfde sleutel")


def _nieuwe_stops(ctx: Context) -> Iterator[tuple[Klasse, list[EerdereLevering]]]:
    for client, p, eerder in _start_stop(ctx, "StopProduct"):
        if p.get("StatusAanlevering") in ("1", "2"):
            yield p, _stops_bij(eerder, p, client.get("Bsn"))


@regel("TR413", vraagt=Leveringsgeschiedenis)
def tr413(ctx: Context) -> Iterator[Overtreding]:
    """No second temporary stop (reason 20) on the same start."""
    tijdelijk = str(ctx.parameter("TR413", "reden_tijdelijke_stop"))
    for p, stops in _nieuwe_stops(ctx):
        if p.get("RedenBeeindiging") == tijdelijk and any(s.reden_beeindiging == tijdelijk for s in stops):
            yield ctx.fout(
                "TR413", p, "RedenBeeindiging", "er is al een tijdelijke stop (reden 20) voor deze start"
            )


@regel("TR414", vraagt=Leveringsgeschiedenis)
def tr414(ctx: Context) -> Iterator[Overtreding]:
    """A later stop on the same start does not end before the current one."""
    for p, stops in _nieuwe_stops(ctx):
        eind = datum(p.get("Einddatum"))
        eerder = [s.einddatum for s in stops if s.einddatum]
        if eind and eerder and eind < max(eerder):
            yield ctx.fout(
                "TR414",
                p,
                "Einddatum",
                f"einddatum {eind} ligt vóór de einddatum {max(eerder)} van de actuele stop",
            )


@regel("TR415", vraagt=Leveringsgeschiedenis)
def tr415(ctx: Context) -> Iterator[Overtreding]:
    """No new stop after a definitive stop (reason other than 20) on the same start."""
    tijdelijk = str(ctx.parameter("TR413", "reden_tijdelijke_stop"))
    for p, stops in _nieuwe_stops(ctx):
        if any(s.reden_beeindiging != tijdelijk for s in stops):
            yield ctx.fout("TR415", p, "RedenBeeindiging", "deze levering is al definitief gestopt")


@regel("TR361")
def tr361(ctx: Context) -> Iterator[Overtreding]:
    """In a verzoek om wijziging the same product (code, else category) may not overlap in time.

    OngewijzigdProduct and TeWijzigenProduct take product and period from their toewijzing (the
    TeWijzigenProduct from GewensteIngangsdatum/Einddatum when given); categories 11-14 may overlap.
    """
    vrij = set(ctx.parameter("TR361", "categorieen_mogen_overlappen"))
    for verzoek in ctx.alle("Verzoek"):
        periodes: list[tuple[Klasse, str | None, str | None, dt.date, dt.date]] = []
        for p in verzoek.kind_klassen:
            t = _toewijzing_bij(ctx, p) if p.naam != "NieuwProduct" else None
            if p.naam == "NieuwProduct":
                cat, code = p.get("Product/Categorie"), p.get("Product/Code")
                begin, eind = datum(p.get("GewensteIngangsdatum")), datum(p.get("Einddatum"))
            elif t is not None:
                cat, code = t.categorie, t.code
                begin = datum(p.get("GewensteIngangsdatum")) or t.ingangsdatum
                eind = datum(p.get("Einddatum")) or t.einddatum
            else:
                continue
            if begin:
                periodes.append((p, cat, code, begin, eind or dt.date.max))
        for i, (p, cat, code, begin, eind) in enumerate(periodes):
            for q, cat2, code2, begin2, eind2 in periodes[:i]:
                overlap = begin <= eind2 and begin2 <= eind
                zelfde = (
                    (code == code2 and cat == cat2) if code and code2 else (cat == cat2 and cat not in vrij)
                )
                if overlap and zelfde:
                    yield ctx.fout(
                        "TR361", p, "", f"product {cat}/{code or '-'} overlapt in periode met {q.pad}"
                    )


# --- verzoeken (WMO315/WMO317): need a Verzoekgeschiedenis ------------------------------------------


def _verzoeken(ctx: Context) -> Verzoekgeschiedenis:
    geschiedenis = _geschiedenis(ctx)
    assert isinstance(geschiedenis, Verzoekgeschiedenis)
    return geschiedenis


@regel("TR347", vraagt=Verzoekgeschiedenis)
def tr347(ctx: Context) -> Iterator[Overtreding]:
    """ReferentieAanbieder is unique for the aanbieder (AangevraagdProduct in 315, Verzoek in 317)."""
    for naam in ("AangevraagdProduct", "Verzoek"):
        for k in ctx.alle(naam):
            referentie = k.get("ReferentieAanbieder") or ""
            if _verzoeken(ctx).referentie_aanbieder_bekend(ctx.agb, referentie):
                yield ctx.fout(
                    "TR347",
                    k,
                    "ReferentieAanbieder",
                    f"ReferentieAanbieder {referentie} is al eerder gebruikt",
                )


@regel("TR374", vraagt=Verzoekgeschiedenis)
def tr374(ctx: Context) -> Iterator[Overtreding]:
    """No new verzoek while one for the same client and aanbieder is still open."""
    for client in ctx.clienten():
        if _verzoeken(ctx).verzoek_onderhanden(ctx.agb, client.get("Bsn") or ""):
            yield ctx.fout("TR374", client, "Bsn", "er is al een verzoek voor deze cliënt in behandeling")

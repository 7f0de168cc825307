"""Level 2: technical rules checkable within one message (TR... ``xslt``) and CD/CS conditions.

Sources: ``shared/iwmo/regels/technische-regels/xslt/TR*.md`` and
``shared/iwmo/regels/condities-constraints/CD_CS_RS_per_dataelement.md`` (cited per rule in the catalogue).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from maatwerk.iwmo.controles import Context, Overtreding, datum, geheel, regel
from maatwerk.iwmo.lezen import Klasse


def _jaren_terug(datum_: dt.date, jaren: int) -> dt.date:
    if datum_.year - jaren < dt.MINYEAR:
        return dt.date.min
    try:
        return datum_.replace(year=datum_.year - jaren)
    except ValueError:  # 29 February
        return datum_.replace(year=datum_.year - jaren, day=28)


def _maandeinde(d: dt.date) -> dt.date:
    if d.month == 12:
        return d.replace(day=31)
    volgende = d.replace(day=28) + dt.timedelta(days=4)
    return volgende - dt.timedelta(days=volgende.day)


@regel("TR002")
def tr002(ctx: Context) -> Iterator[Overtreding]:
    """Geboortedatum at most 120 years before the Dagtekening, unless unknown (DatumGebruik 3, 1900-01-01)."""
    jaren = int(ctx.parameter("TR002", "maximale_leeftijd_jaren"))
    grens = _jaren_terug(ctx.dagtekening, jaren)
    for client in ctx.clienten():
        geboren = datum(client.get("Geboortedatum/Datum"))
        onbekend = client.get("Geboortedatum/DatumGebruik") == "3" and geboren == dt.date(1900, 1, 1)
        if geboren and not onbekend and geboren < grens:
            yield ctx.fout(
                "TR002",
                client,
                "Geboortedatum",
                f"geboortedatum {geboren} ligt meer dan {jaren} jaar vóór de dagtekening",
            )


@regel("TR006")
def tr006(ctx: Context) -> Iterator[Overtreding]:
    """A Contact has a Telefoon and/or both Huis and Postcode."""
    for contact in ctx.alle("Contact"):
        telefoon = any(p.startswith("Telefoon/") for p in contact.velden)
        huis = any(p.startswith("Adres/Huis/") for p in contact.velden)
        if not telefoon and not (huis and "Adres/Postcode" in contact.velden):
            yield ctx.fout(
                "TR006", contact, "", "Contact heeft geen Telefoon en geen combinatie van Huis en Postcode"
            )


@regel("TR018")
def tr018(ctx: Context) -> Iterator[Overtreding]:
    """StopProduct: Einddatum >= Begindatum."""
    for stop in ctx.alle("StopProduct"):
        begin, eind = datum(stop.get("Begindatum")), datum(stop.get("Einddatum"))
        if begin and eind and eind < begin:
            yield ctx.fout("TR018", stop, "Einddatum", f"einddatum {eind} ligt vóór begindatum {begin}")


@regel("TR061")
def tr061(ctx: Context) -> Iterator[Overtreding]:
    """A Client has at least one Contact with an Adres of Soort 01, 02 or 03."""
    for client in ctx.clienten():
        if not any(
            c.get("Soort") in ("01", "02", "03") and any(p.startswith("Adres/") for p in c.velden)
            for c in client.kinderen("Contact")
        ):
            yield ctx.fout(
                "TR061", client, "Contactgegevens", "geen adres met soort 01, 02 of 03 bij de cliënt"
            )


@regel("TR101")
def tr101(ctx: Context) -> Iterator[Overtreding]:
    """No duplicate lines: the logical key of each berichtklasse is unique within its parent."""
    sleutels: dict[str, tuple[str, ...]] = {}
    for regel_ in ctx.parameter("TR101", "sleutels"):
        bericht, klasse, velden = regel_.split()
        if bericht == ctx.bericht:
            sleutels[klasse] = tuple(velden.split(","))
    for klasse_naam, velden in sleutels.items():
        gezien: set[tuple[object, ...]] = set()
        for klasse in ctx.alle(klasse_naam):
            sleutel = (id(klasse.ouder), *(klasse.get(v) for v in velden))
            if sleutel in gezien:
                waarden = ", ".join(f"{v}={klasse.get(v)}" for v in velden)
                yield ctx.fout("TR101", klasse, "", f"dubbele {klasse_naam} in het bericht ({waarden})")
            gezien.add(sleutel)


@regel("TR137")
def tr137(ctx: Context) -> Iterator[Overtreding]:
    """DeclaratieDagtekening >= Begindatum of the DeclaratiePeriode and <= the Dagtekening of the message."""
    for declaratie in ctx.alle("Declaratie"):
        dagtekening = datum(declaratie.get("DeclaratieDagtekening"))
        begin = datum(declaratie.get("DeclaratiePeriode/Begindatum"))
        if dagtekening and begin and not begin <= dagtekening <= ctx.dagtekening:
            yield ctx.fout(
                "TR137",
                declaratie,
                "DeclaratieDagtekening",
                f"DeclaratieDagtekening {dagtekening} ligt niet tussen {begin} "
                f"en de dagtekening {ctx.dagtekening}",
            )


def _overlap(
    ctx: Context, code: str, producten: list[Klasse], begin_veld: str, eind_veld: str
) -> Iterator[Overtreding]:
    """The same product (code, else category, else any) twice with overlapping periods."""
    vrij = set(ctx.parameter(code, "categorieen_mogen_overlappen"))
    periodes = []
    for p in producten:
        if p.get("RedenWijziging") in ("13", "01") and p.get(eind_veld) == p.get(begin_veld):
            continue  # deleted toewijzingen do not count
        begin = datum(p.get(begin_veld))
        eind = datum(p.get(eind_veld)) or dt.date.max
        periodes.append((p, p.get("Product/Categorie"), p.get("Product/Code"), begin, eind))
    for i, (p, cat, prod, begin, eind) in enumerate(periodes):
        for q, cat2, prod2, begin2, eind2 in periodes[:i]:
            if p.ouder is not q.ouder or not (begin and begin2) or begin > eind2 or begin2 > eind:
                continue
            if prod and prod2:
                zelfde = prod == prod2 and cat == cat2
            elif cat and cat2:
                zelfde = cat == cat2 and cat not in vrij
            else:
                zelfde = (cat or cat2) not in vrij
            if zelfde:
                yield ctx.fout(code, p, "", f"product {cat}/{prod or '-'} overlapt in periode met {q.pad}")


@regel("TR302")
def tr302(ctx: Context) -> Iterator[Overtreding]:
    yield from _overlap(ctx, "TR302", list(ctx.alle("ToegewezenProduct")), "Ingangsdatum", "Einddatum")


@regel("TR386")
def tr386(ctx: Context) -> Iterator[Overtreding]:
    yield from _overlap(
        ctx, "TR386", list(ctx.alle("AangevraagdProduct")), "ToewijzingIngangsdatum", "ToewijzingEinddatum"
    )


@regel("TR410")
def tr410(ctx: Context) -> Iterator[Overtreding]:
    yield from _overlap(ctx, "TR410", list(ctx.alle("NieuwProduct")), "GewensteIngangsdatum", "Einddatum")


@regel("TR315")
def tr315(ctx: Context) -> Iterator[Overtreding]:
    """VorigReferentieNummer is unique in the message."""
    gezien: set[str] = set()
    for p in ctx.alle("Prestatie"):
        vorig = p.get("ProductReferentie/VorigReferentieNummer")
        if vorig and vorig in gezien:
            yield ctx.fout(
                "TR315",
                p,
                "ProductReferentie/VorigReferentieNummer",
                f"VorigReferentieNummer {vorig} komt vaker voor",
            )
        if vorig:
            gezien.add(vorig)


@regel("TR316")
def tr316(ctx: Context) -> Iterator[Overtreding]:
    """A debet line may not be credited in the same message."""
    referenties = {p.get("ProductReferentie/ReferentieNummer") for p in ctx.alle("Prestatie")}
    for p in ctx.alle("Prestatie"):
        vorig = p.get("ProductReferentie/VorigReferentieNummer")
        if vorig and vorig in referenties:
            yield ctx.fout(
                "TR316",
                p,
                "ProductReferentie/VorigReferentieNummer",
                f"crediteert prestatie {vorig} uit hetzelfde bericht",
            )


@regel("TR335")
def tr335(ctx: Context) -> Iterator[Overtreding]:
    """ProductPeriode Einddatum not more than 5 years before DeclaratieDagtekening."""
    jaren = int(ctx.parameter("TR335", "maximale_ouderdom_jaren"))
    for declaratie in ctx.alle("Declaratie"):
        dagtekening = datum(declaratie.get("DeclaratieDagtekening"))
        if not dagtekening:
            continue
        grens = _jaren_terug(dagtekening, jaren)
        for p in ctx.alle("Prestatie"):
            eind = datum(p.get("ProductPeriode/Einddatum"))
            if eind and eind < grens:
                yield ctx.fout(
                    "TR335",
                    p,
                    "ProductPeriode/Einddatum",
                    f"einddatum {eind} ligt meer dan {jaren} jaar vóór de declaratiedagtekening",
                )


@regel("TR352")
def tr352(ctx: Context) -> Iterator[Overtreding]:
    for verzoek in ctx.alle("Verzoek"):
        if not any(verzoek.kinderen("OngewijzigdProduct")) and not any(verzoek.kinderen("TeWijzigenProduct")):
            yield ctx.fout(
                "TR352", verzoek, "", "verzoek om wijziging zonder OngewijzigdProduct of TeWijzigenProduct"
            )


@regel("TR353")
def tr353(ctx: Context) -> Iterator[Overtreding]:
    for verzoek in ctx.alle("Verzoek"):
        if not any(verzoek.kinderen("TeWijzigenProduct")) and not any(verzoek.kinderen("NieuwProduct")):
            yield ctx.fout(
                "TR353", verzoek, "", "verzoek om wijziging zonder TeWijzigenProduct of NieuwProduct"
            )


def _bedrag(klasse: Klasse, pad: str) -> int:
    bedrag = int(klasse.get(f"{pad}/Bedrag") or klasse.get(f"{pad}/TotaalBedrag") or 0)
    return -bedrag if klasse.get(f"{pad}/DebetCredit") == "C" else bedrag


@regel("TR358")
def tr358(ctx: Context) -> Iterator[Overtreding]:
    """TotaalIngediendBedrag equals the sum of IngediendBedrag (debet minus credit)."""
    for declaratie in ctx.alle("Declaratie"):
        som = sum(_bedrag(p, "IngediendBedrag") for p in ctx.alle("Prestatie"))
        totaal = _bedrag(declaratie, "TotaalIngediendBedrag")
        if som != totaal:
            yield ctx.fout(
                "TR358",
                declaratie,
                "TotaalIngediendBedrag",
                f"totaal {totaal} is niet gelijk aan de som van de prestaties "
                f"({som}, in centen, credit negatief)",
            )


@regel("TR383")
def tr383(ctx: Context) -> Iterator[Overtreding]:
    gezien: set[str] = set()
    for p in ctx.alle("AangevraagdProduct"):
        ref = p.get("ReferentieAanbieder") or ""
        if ref in gezien:
            yield ctx.fout(
                "TR383", p, "ReferentieAanbieder", f"ReferentieAanbieder {ref} komt vaker voor in het bericht"
            )
        gezien.add(ref)


@regel("TR416")
def tr416(ctx: Context) -> Iterator[Overtreding]:
    """At most one debet prestatie per ProductPeriode, category, code and ToewijzingNummer in the message."""
    gezien: set[tuple[str | None, ...]] = set()
    for p in ctx.alle("Prestatie"):
        if p.get("IngediendBedrag/DebetCredit") != "D":
            continue
        sleutel = tuple(
            p.get(v)
            for v in (
                "ToewijzingNummer",
                "ProductCategorie",
                "ProductCode",
                "ProductPeriode/Begindatum",
                "ProductPeriode/Einddatum",
            )
        )
        if sleutel in gezien:
            yield ctx.fout(
                "TR416", p, "", "tweede debetprestatie voor dezelfde toewijzing, product en productperiode"
            )
        gezien.add(sleutel)


@regel("TR342")
def tr342(ctx: Context) -> Iterator[Overtreding]:
    """325: the rejected prestaties explain TotaalIngediendBedrag - TotaalToegekendBedrag."""
    for antwoord in ctx.alle("DeclaratieAntwoord"):
        afgewezen = list(ctx.alle("Prestatie"))
        if not afgewezen:
            continue
        verschil = _bedrag(antwoord, "TotaalIngediendBedrag") - _bedrag(antwoord, "TotaalToegekendBedrag")
        som = sum(_bedrag(p, "IngediendBedrag") for p in afgewezen)
        if som != verschil:
            yield ctx.fout(
                "TR342",
                antwoord,
                "TotaalToegekendBedrag",
                f"afgewezen prestaties ({som}) verklaren het verschil ({verschil}) niet",
            )


# --- conditions and constraints (CD/CS) -------------------------------------------------------------


def elfproef(bsn: str) -> bool:
    """The BSN 11-proef (CS002): 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not 0)."""
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    som = sum(int(c) * w for c, w in zip(bsn, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return som != 0 and som % 11 == 0


@regel("CS002")
def cs002(ctx: Context) -> Iterator[Overtreding]:
    for client in ctx.clienten():
        bsn = client.get("Bsn") or ""
        if not elfproef(bsn):
            yield ctx.fout("CS002", client, "Bsn", f"BSN {bsn} voldoet niet aan de 11-proef")


@regel("CS058")
def cs058(ctx: Context) -> Iterator[Overtreding]:
    for naam in ("StartProduct", "StopProduct"):
        for p in ctx.alle(naam):
            if p.get("StatusAanlevering") not in ("1", "3"):
                yield ctx.fout(
                    "CS058",
                    p,
                    "StatusAanlevering",
                    f"StatusAanlevering {p.get('StatusAanlevering')} is niet 1 of 3",
                )


@regel("CS100")
def cs100(ctx: Context) -> Iterator[Overtreding]:
    vanaf = dt.date.fromisoformat(str(ctx.parameter("CS100", "vroegste_datum")))
    for klasse, pad in [(d, "DeclaratiePeriode/Begindatum") for d in ctx.alle("Declaratie")] + [
        (p, "ProductPeriode/Begindatum") for p in ctx.alle("Prestatie")
    ]:
        begin = datum(klasse.get(pad))
        if begin and begin < vanaf:
            yield ctx.fout("CS100", klasse, pad, f"{begin} ligt vóór {vanaf}")


@regel("CS337")
def cs337(ctx: Context) -> Iterator[Overtreding]:
    for p in ctx.alle("Prestatie"):
        begin, eind = datum(p.get("ProductPeriode/Begindatum")), datum(p.get("ProductPeriode/Einddatum"))
        if begin and eind and (begin.year, begin.month) != (eind.year, eind.month):
            yield ctx.fout(
                "CS337",
                p,
                "ProductPeriode/Einddatum",
                f"productperiode {begin} t/m {eind} valt niet in één kalendermaand",
            )


@regel("CS340")
def cs340(ctx: Context) -> Iterator[Overtreding]:
    for d in ctx.alle("Declaratie"):
        begin, eind = (
            datum(d.get("DeclaratiePeriode/Begindatum")),
            datum(d.get("DeclaratiePeriode/Einddatum")),
        )
        if begin and eind and (begin.day != 1 or eind != _maandeinde(begin)):
            yield ctx.fout(
                "CS340",
                d,
                "DeclaratiePeriode",
                f"declaratieperiode {begin} t/m {eind} is niet precies één kalendermaand",
            )


@regel("CS339")
def cs339(ctx: Context) -> Iterator[Overtreding]:
    for p in ctx.alle("Prestatie"):
        if p.get("Eenheid") == "83" and p.get("IngediendBedrag/Bedrag") != p.get("GeleverdVolume"):
            yield ctx.fout(
                "CS339",
                p,
                "IngediendBedrag",
                "bij eenheid 83 (euro's) moet IngediendBedrag gelijk zijn aan GeleverdVolume",
            )


@regel("CS325")
def cs325(ctx: Context) -> Iterator[Overtreding]:
    for naam, pad in (("Prestatie", "IngediendBedrag"), ("Declaratie", "TotaalIngediendBedrag")):
        for k in ctx.alle(naam):
            bedrag = k.get(f"{pad}/Bedrag") or k.get(f"{pad}/TotaalBedrag")
            if bedrag is not None and int(bedrag) == 0 and k.get(f"{pad}/DebetCredit") != "D":
                yield ctx.fout(
                    "CS325", k, f"{pad}/DebetCredit", "bij bedrag 0 moet DebetCredit D (debet) zijn"
                )


@regel("CD060")
def cd060(ctx: Context) -> Iterator[Overtreding]:
    for p in ctx.alle("Prestatie"):
        credit = p.get("IngediendBedrag/DebetCredit") == "C"
        vorig = p.get("ProductReferentie/VorigReferentieNummer")
        if credit and not vorig:
            yield ctx.fout(
                "CD060",
                p,
                "ProductReferentie/VorigReferentieNummer",
                "creditprestatie zonder VorigReferentieNummer",
            )
        elif vorig and not credit:
            yield ctx.fout(
                "CD060",
                p,
                "ProductReferentie/VorigReferentieNummer",
                "VorigReferentieNummer mag alleen bij een creditprestatie",
            )


@regel("CD087")
def cd087(ctx: Context) -> Iterator[Overtreding]:
    for p in ctx.alle("Prestatie"):
        euro, tarief = p.get("Eenheid") == "83", p.get("ProductTarief") is not None
        if euro == tarief:
            tekst = (
                "ProductTarief moet leeg zijn bij eenheid 83 (euro's)" if euro else "ProductTarief ontbreekt"
            )
            yield ctx.fout("CD087", p, "ProductTarief", tekst)


@regel("CD085")
def cd085(ctx: Context) -> Iterator[Overtreding]:
    for a in ctx.alle("Antwoord"):
        if a.get("VerzoekAntwoord") == "1" and not a.get("RedenAfwijzingVerzoek"):
            yield ctx.fout("CD085", a, "RedenAfwijzingVerzoek", "verzoek afgewezen zonder reden")


@regel("CD086")
def cd086(ctx: Context) -> Iterator[Overtreding]:
    for a in ctx.alle("Antwoord"):
        if a.get("VerzoekAntwoord") == "2" and a.get("RedenAfwijzingVerzoek"):
            yield ctx.fout(
                "CD086", a, "RedenAfwijzingVerzoek", "bij 'aanvraag in onderzoek' geen reden van afwijzing"
            )


@regel("CS335")
def cs335(ctx: Context) -> Iterator[Overtreding]:
    for p in ctx.alle("ToegewezenProduct"):
        if p.get("RedenWijziging") == "13" and p.get("Einddatum") != p.get("Ingangsdatum"):
            yield ctx.fout(
                "CS335",
                p,
                "RedenWijziging",
                "reden 13 (verwijderd) alleen als einddatum gelijk is aan ingangsdatum",
            )


@regel("CS336")
def cs336(ctx: Context) -> Iterator[Overtreding]:
    for p in ctx.alle("ToegewezenProduct"):
        if p.get("RedenWijziging") == "01":
            yield ctx.fout(
                "CS336", p, "RedenWijziging", "reden 01 (administratieve correctie, vervallen) niet gebruiken"
            )


@regel("CD041")
def cd041(ctx: Context) -> Iterator[Overtreding]:
    """With a product Code, Omvang is required."""
    for naam in ("ToegewezenProduct", "AangevraagdProduct", "NieuwProduct"):
        for p in ctx.alle(naam):
            if p.get("Product/Code") and not any(k.startswith("Omvang/") for k in p.velden):
                yield ctx.fout("CD041", p, "Omvang", "productcode gevuld maar Omvang ontbreekt")


@regel("CD078")
def cd078(ctx: Context) -> Iterator[Overtreding]:
    """With Omvang, Budget stays empty."""
    for naam in ("ToegewezenProduct", "AangevraagdProduct", "NieuwProduct", "TeWijzigenProduct"):
        for p in ctx.alle(naam):
            if p.get("Budget") and any(k.startswith("Omvang/") for k in p.velden):
                yield ctx.fout("CD078", p, "Budget", "Omvang en Budget mogen niet allebei gevuld zijn")


_ = geheel  # re-exported helper used by level 3


#: Per product class: (begin field, end field) of its period (CS003, CD075, CD076, CD080/CD095/CD096).
_PERIODE = {
    "ToegewezenProduct": ("Ingangsdatum", "Einddatum"),
    "AangevraagdProduct": ("ToewijzingIngangsdatum", "ToewijzingEinddatum"),
    "NieuwProduct": ("GewensteIngangsdatum", "Einddatum"),
    "TeWijzigenProduct": ("GewensteIngangsdatum", "Einddatum"),
}


def _producten(ctx: Context, *namen: str) -> Iterator[tuple[Klasse, str, str]]:
    for naam in namen or tuple(_PERIODE):
        for p in ctx.alle(naam):
            yield p, *_PERIODE[naam]


def _heeft(klasse: Klasse, prefix: str) -> bool:
    return any(p == prefix or p.startswith(prefix + "/") for p in klasse.velden)


def _na_grens(ctx: Context, code: str, einddatum: str | None) -> bool:
    """Einddatum empty or after the date from which these conditions apply (31-12-2020)."""
    grens = dt.date.fromisoformat(str(ctx.parameter(code, "grensdatum")))
    eind = datum(einddatum)
    return eind is None or eind > grens


@regel("CS003")
def cs003(ctx: Context) -> Iterator[Overtreding]:
    """An end date is on or after the begin date of its period."""
    for p, begin_veld, eind_veld in _producten(ctx):
        begin, eind = datum(p.get(begin_veld)), datum(p.get(eind_veld))
        if begin and eind and eind < begin:
            yield ctx.fout("CS003", p, eind_veld, f"{eind_veld} {eind} ligt vóór {begin_veld} {begin}")
    for c in ctx.alle("Contact"):
        begin, eind = datum(c.get("Periode/Begindatum")), datum(c.get("Periode/Einddatum"))
        if begin and eind and eind < begin:
            yield ctx.fout("CS003", c, "Periode/Einddatum", f"einddatum {eind} ligt vóór begindatum {begin}")


@regel("CD075")
def cd075(ctx: Context) -> Iterator[Overtreding]:
    for p, _, eind_veld in _producten(ctx):
        if p.get("Budget") and not p.get(eind_veld):
            yield ctx.fout("CD075", p, eind_veld, "bij een budget is de einddatum verplicht")


@regel("CD076")
def cd076(ctx: Context) -> Iterator[Overtreding]:
    for p, _, eind_veld in _producten(ctx):
        if p.get("Omvang/Frequentie") == "2" and not p.get(eind_veld):
            yield ctx.fout("CD076", p, eind_veld, "bij frequentie 2 (per week) is de einddatum verplicht")


@regel("CD077")
def cd077(ctx: Context) -> Iterator[Overtreding]:
    for p, _, _ in _producten(ctx):
        if p.get("Budget") and _heeft(p, "Omvang"):
            yield ctx.fout("CD077", p, "Omvang", "bij een budget blijft Omvang leeg")


@regel("CD079")
def cd079(ctx: Context) -> Iterator[Overtreding]:
    for p, _, _ in _producten(ctx, "ToegewezenProduct", "AangevraagdProduct", "NieuwProduct"):
        if not p.get("Budget") and not _heeft(p, "Product"):
            yield ctx.fout("CD079", p, "Product", "zonder budget is Product verplicht")


def _omvang_zonder_code(ctx: Context, code: str, naam: str) -> Iterator[Overtreding]:
    for p, _, eind_veld in _producten(ctx, naam):
        if not p.get("Product/Code") and _na_grens(ctx, code, p.get(eind_veld)) and _heeft(p, "Omvang"):
            yield ctx.fout(
                code, p, "Omvang", "zonder productcode (einddatum na 31-12-2020 of leeg) blijft Omvang leeg"
            )


@regel("CD080")
def cd080(ctx: Context) -> Iterator[Overtreding]:
    yield from _omvang_zonder_code(ctx, "CD080", "ToegewezenProduct")


@regel("CD095")
def cd095(ctx: Context) -> Iterator[Overtreding]:
    yield from _omvang_zonder_code(ctx, "CD095", "AangevraagdProduct")


@regel("CD096")
def cd096(ctx: Context) -> Iterator[Overtreding]:
    yield from _omvang_zonder_code(ctx, "CD096", "NieuwProduct")


def _frequentie(ctx: Context, code: str, *namen: str) -> Iterator[Overtreding]:
    eenheden = set(ctx.parameter(code, "eenheden"))
    frequenties = set(ctx.parameter(code, "frequenties"))
    for p, _, eind_veld in _producten(ctx, *namen):
        eenheid, frequentie = p.get("Omvang/Eenheid"), p.get("Omvang/Frequentie")
        if eenheid in eenheden and _na_grens(ctx, code, p.get(eind_veld)) and frequentie not in frequenties:
            toegestaan = ", ".join(sorted(frequenties))
            yield ctx.fout(
                code, p, "Omvang/Frequentie", f"bij eenheid {eenheid} is frequentie {toegestaan} vereist"
            )


@regel("CS338")
def cs338(ctx: Context) -> Iterator[Overtreding]:
    yield from _frequentie(ctx, "CS338", "ToegewezenProduct", "NieuwProduct", "TeWijzigenProduct")


@regel("CS343")
def cs343(ctx: Context) -> Iterator[Overtreding]:
    yield from _frequentie(ctx, "CS343", "AangevraagdProduct")


@regel("CD005")
def cd005(ctx: Context) -> Iterator[Overtreding]:
    for c in ctx.alle("Contact"):
        if c.get("Adres/Postcode") and not c.get("Adres/LandCode"):
            yield ctx.fout("CD005", c, "Adres/LandCode", "bij een postcode is LandCode verplicht")


@regel("CD009")
def cd009(ctx: Context) -> Iterator[Overtreding]:
    for c in ctx.alle("Contact"):
        if _heeft(c, "Periode") and c.get("Soort") != "04":
            yield ctx.fout(
                "CD009", c, "Periode", "een periode mag alleen bij soort adres 04 (tijdelijk adres)"
            )


@regel("CD025")
def cd025(ctx: Context) -> Iterator[Overtreding]:
    for c in ctx.alle("Contact"):
        if c.get("Adres/LandCode") == "NL" and not _heeft(c, "Adres/Huis"):
            yield ctx.fout("CD025", c, "Adres/Huis", "bij een Nederlands adres is Huis verplicht")


@regel("CD034")
def cd034(ctx: Context) -> Iterator[Overtreding]:
    for c in ctx.alle("Contact"):
        if c.get("Soort") in ("01", "03") and _heeft(c, "Adres") and not c.get("Adres/Postcode"):
            yield ctx.fout(
                "CD034", c, "Adres/Postcode", f"bij soort adres {c.get('Soort')} is de postcode verplicht"
            )


@regel("CS089")
def cs089(ctx: Context) -> Iterator[Overtreding]:
    patroon = re.compile(str(ctx.parameter("CS089", "patroon")))
    for c in ctx.alle("Contact"):
        postcode = c.get("Adres/Postcode")
        if c.get("Adres/LandCode") == "NL" and postcode and not patroon.fullmatch(postcode):
            yield ctx.fout("CS089", c, "Adres/Postcode", f"{postcode} is geen Nederlandse postcode (1234AB)")


@regel("CS318")
def cs318(ctx: Context) -> Iterator[Overtreding]:
    for client in ctx.clienten():
        if client.get("Naam/NaamGebruik") == "6":
            yield ctx.fout(
                "CS318", client, "Naam/NaamGebruik", "NaamGebruik 6 (niet-natuurlijk persoon) niet gebruiken"
            )


@regel("CD007")
def cd007(ctx: Context) -> Iterator[Overtreding]:
    """Communicatie/Taal only (and then required) when Vorm is 1 (tolk taal)."""
    for client in ctx.clienten():
        vorm, taal = client.get("Communicatie/Vorm"), client.get("Communicatie/Taal")
        if vorm == "1" and not taal:
            yield ctx.fout("CD007", client, "Communicatie/Taal", "bij een tolk (vorm 1) is de taal verplicht")
        elif vorm != "1" and taal:
            yield ctx.fout(
                "CD007", client, "Communicatie/Taal", "een taal alleen bij communicatievorm 1 (tolk taal)"
            )


@regel("CD043")
def cd043(ctx: Context) -> Iterator[Overtreding]:
    """BeschikkingIngangsdatum if and only if there is a BeschikkingNummer."""
    for p in ctx.alle("AangevraagdProduct"):
        nummer, ingang = p.get("BeschikkingNummer"), p.get("BeschikkingIngangsdatum")
        if bool(nummer) != bool(ingang):
            tekst = (
                "ingangsdatum beschikking ontbreekt"
                if nummer
                else "ingangsdatum beschikking zonder beschikkingnummer"
            )
            yield ctx.fout("CD043", p, "BeschikkingIngangsdatum", tekst)


def _verwijzers(ctx: Context, code: str) -> Iterator[tuple[Klasse, bool, str | None, str | None]]:
    typen = set(ctx.parameter(code, "typen_met_zorgverlenercode"))
    for p in ctx.alle("AangevraagdProduct"):
        if p.get("Verwijzer/Type"):
            yield (
                p,
                p.get("Verwijzer/Type") in typen,
                p.get("Verwijzer/ZorgverlenerCode"),
                p.get("Verwijzer/Naam"),
            )


@regel("CD066")
def cd066(ctx: Context) -> Iterator[Overtreding]:
    for p, met_code, zorgverlener, naam in _verwijzers(ctx, "CD066"):
        if met_code and zorgverlener and naam:
            yield ctx.fout(
                "CD066", p, "Verwijzer/Naam", "met een ZorgverlenerCode blijft de naam van de verwijzer leeg"
            )


@regel("CD067")
def cd067(ctx: Context) -> Iterator[Overtreding]:
    for p, met_code, zorgverlener, naam in _verwijzers(ctx, "CD067"):
        if met_code and not zorgverlener and not naam:
            yield ctx.fout(
                "CD067", p, "Verwijzer/Naam", "zonder ZorgverlenerCode is de naam van de verwijzer verplicht"
            )


@regel("CD068")
def cd068(ctx: Context) -> Iterator[Overtreding]:
    for p, met_code, zorgverlener, _ in _verwijzers(ctx, "CD068"):
        if not met_code and zorgverlener:
            yield ctx.fout(
                "CD068",
                p,
                "Verwijzer/ZorgverlenerCode",
                f"bij verwijzer type {p.get('Verwijzer/Type')} geen ZorgverlenerCode",
            )


@regel("CS050")
def cs050(ctx: Context) -> Iterator[Overtreding]:
    """With a Partnernaam, NaamGebruik is 1-4; without, 1 or 6."""
    for naam in ("Client", "Relatie"):
        for k in ctx.alle(naam):
            gebruik = k.get("Naam/NaamGebruik")
            if gebruik is None:
                continue
            partner = any(p.startswith("Naam/Partnernaam/") for p in k.velden)
            toegestaan = ("1", "2", "3", "4") if partner else ("1", "6")
            if gebruik not in toegestaan:
                yield ctx.fout(
                    "CS050",
                    k,
                    "Naam/NaamGebruik",
                    f"NaamGebruik {gebruik}; toegestaan: {', '.join(toegestaan)}",
                )

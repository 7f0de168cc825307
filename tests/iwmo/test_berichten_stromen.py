"""The message flows one by one: duplicates, bad input, faults of the provider, stop, verzoeken, deadlines.

The provider runs in-process here (the same :class:`Aanbieder` the ``aanbieder`` command runs); the
whole loop with a real second process is ``test_berichten_keten.py``.
"""

# ruff: noqa: F811  (fixtures imported from tests.besluiten.conftest are used as arguments)

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from maatwerk.apps.berichten import selectors, services
from maatwerk.apps.berichten.models import Bericht, Berichtstatus, Prestatie, Verzoek, Verzoekstatus
from maatwerk.apps.berichten.tarieven import contracttarief
from maatwerk.apps.berichten.termijnen import uiterlijk
from maatwerk.apps.cases.models import Status
from maatwerk.apps.levering.models import Toewijzing
from maatwerk.cli.iwmo import iwmo
from maatwerk.iwmo.berichten import NS_BASIS, namespace
from maatwerk.iwmo.lezen import lees
from maatwerk.iwmo.transport.aanbieder import Aanbieder, Fouten
from maatwerk.iwmo.transport.bestandsmap import Bestandsmap
from tests.besluiten.conftest import aanbieders, consulent, noord, zaak  # noqa: F401  (fixtures)
from tests.iwmo.test_berichten_keten import uitwisseling, volgende_maand, wijs_toe  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def toegewezen(zaak, consulent, noord, uitwisseling):
    return wijs_toe(zaak, consulent, noord)


def aanbieder(uitwisseling: Path, t: Toewijzing, *fouten: str) -> Aanbieder:
    sim = Aanbieder(Bestandsmap(uitwisseling), t.aanbieder.agb_code, Fouten(frozenset(fouten)))
    sim.tarief = {"01": contracttarief("Voorbeeldstad", "01", t.ingangsdatum) or 0}
    return sim


def gestart(uitwisseling: Path, t: Toewijzing, *fouten: str) -> Aanbieder:
    """Toewijzing sent, answered with 302 and started with 305, all processed by the gemeente."""
    services.verstuur_toewijzingen(vandaag=t.ingangsdatum)
    sim = aanbieder(uitwisseling, t, *fouten)
    sim.ronde(t.ingangsdatum)
    services.ontvang_alles(vandaag=t.ingangsdatum)
    return sim


def retourcodes(pad: str | Path) -> list[str]:
    doc = etree.parse(str(pad))
    return [el.text for el in doc.iter() if isinstance(el.tag, str) and el.tag.endswith("RetourCode")]


def test_dubbel_ontvangen_bericht_wordt_eenmaal_verwerkt_en_krijgt_9056(toegewezen, uitwisseling):
    t = toegewezen
    sim = gestart(uitwisseling, t)
    maand = volgende_maand(t.ingangsdatum)
    dag = volgende_maand(maand)
    sim.fouten = Fouten(frozenset({"dubbel"}))
    sim.ronde(dag, f"{maand:%Y-%m}")
    uitkomsten = services.ontvang_alles(vandaag=dag)
    assert [o.bericht for _, o in uitkomsten] == ["WMO323", "WMO323"]
    eerste, tweede = (o for _, o in uitkomsten)
    assert eerste.verwerkt and not tweede.verwerkt
    assert [r["regel"] for r in tweede.retourcodes if r["regel"] == "TR056"] == ["TR056"]
    assert retourcodes(tweede.retourbestand) == ["9056"]  # only the Header, with TR056's code
    assert Prestatie.objects.count() == 1  # processed once
    assert Bericht.objects.filter(berichttype="WMO323", status=Berichtstatus.DUBBEL).count() == 1


def test_start_voor_onbekende_toewijzing_krijgt_9019_en_bekende_start_geldt(toegewezen, uitwisseling):
    t = toegewezen
    services.verstuur_toewijzingen(vandaag=t.ingangsdatum)
    aanbieder(uitwisseling, t, "onbekende-start").ronde(t.ingangsdatum)
    uitkomsten = dict((o.bericht, o) for _, o in services.ontvang_alles(vandaag=t.ingangsdatum))
    start = uitkomsten["WMO305"]
    assert ("9019", "TR019") in {(r["code"], r["regel"]) for r in start.retourcodes}
    assert lees(start.retourbestand).xsd_geldig
    t.refresh_from_db()
    assert t.levering_gestart_op == t.ingangsdatum  # only the StartProduct in error is rejected
    assert t.zaak.status == Status.LEVERING_GESTART


def test_verkeerde_productcode_wordt_afgewezen(toegewezen, uitwisseling):
    t = toegewezen
    sim = gestart(uitwisseling, t)
    maand = volgende_maand(t.ingangsdatum)
    sim.fouten = Fouten(frozenset({"productcode"}))
    sim.ronde(volgende_maand(maand), f"{maand:%Y-%m}")
    ((_, o),) = services.ontvang_alles(vandaag=volgende_maand(maand))
    assert "TR340" in {r["regel"] for r in o.retourcodes}
    assert Prestatie.objects.get().toegekend is False


def test_verkeerd_tarief_geeft_0611(toegewezen, uitwisseling):
    t = toegewezen
    sim = gestart(uitwisseling, t)
    maand = volgende_maand(t.ingangsdatum)
    sim.tarief = {"01": sim.tarief["01"] + 5}
    sim.ronde(volgende_maand(maand), f"{maand:%Y-%m}")
    ((_, o),) = services.ontvang_alles(vandaag=volgende_maand(maand))
    assert ("0611", "TR418") in {(r["code"], r["regel"]) for r in o.retourcodes}
    assert retourcodes(o.retourbestand).count("0611") == 1


def test_toewijzing_draagt_de_trede_uit_de_indicatie(toegewezen):
    t = toegewezen
    (trede,) = t.indicatie.get("treden").values()  # voorbeeldstad-hbh: one resultaatgebied
    assert t.trede == trede
    verwacht = {"1": "hh2", "2": "hh2"}.get(trede, "hh1")  # tariefklasse_per_trede of Voorbeeldstad
    assert t.tariefklasse == verwacht


@pytest.mark.parametrize("trede", ["1", "2"])
def test_tariefcontrole_gebruikt_de_trede_van_de_toewijzing(toegewezen, uitwisseling, trede):
    """A toewijzing at an intensive trede (HH2 tariff): HH2 tariff granted, the HH1 tariff gets 0611."""
    t = toegewezen
    Toewijzing.objects.filter(pk=t.pk).update(trede=trede, tariefklasse="hh2")
    sim = gestart(uitwisseling, t)
    hh1 = contracttarief("Voorbeeldstad", "01", t.ingangsdatum, "hh1")
    hh2 = contracttarief("Voorbeeldstad", "01", t.ingangsdatum, "hh2")
    assert hh1 != hh2
    maand = volgende_maand(t.ingangsdatum)
    sim.tarief = {"01": hh2}
    sim.ronde(volgende_maand(maand), f"{maand:%Y-%m}")
    ((_, o),) = services.ontvang_alles(vandaag=volgende_maand(maand))
    assert "TR418" not in {r["regel"] for r in o.retourcodes}, o.retourcodes
    assert Prestatie.objects.get().toegekend is True
    # the same toewijzing declared at the HH1 tariff: wrong for its trede
    volgende = volgende_maand(maand)
    sim.tarief = {"01": hh1}
    sim.ronde(volgende_maand(volgende), f"{volgende:%Y-%m}")
    ((_, o),) = services.ontvang_alles(vandaag=volgende_maand(volgende))
    assert ("0611", "TR418") in {(r["code"], r["regel"]) for r in o.retourcodes}
    assert Prestatie.objects.order_by("-pk").first().retourcodes == ["0611"]


def test_stop_en_tijdelijke_stop_sturen_de_statustrein(toegewezen, uitwisseling, noord):
    t = toegewezen
    gestart(uitwisseling, t)
    from maatwerk.iwmo.transport.opbouw import Clientgegevens, Levering, wmo307

    client = Clientgegevens("x", "1941-04-02", "0", "Berg")
    client = Clientgegevens(t.zaak.client.bsn, "1941-04-02", "0", "Berg1")
    stop = Levering(
        t.pk,
        "01",
        t.productcode,
        t.ingangsdatum,
        t.ingangsdatum,
        t.ingangsdatum + dt.timedelta(days=20),
        "20",
    )
    xml = wmo307(
        t.aanbieder.agb_code, "9999", "STOP1", t.ingangsdatum + dt.timedelta(days=21), client, [stop]
    )
    o = services.ontvang(xml, vandaag=t.ingangsdatum + dt.timedelta(days=21))
    assert o.verwerkt and lees(o.retourbestand).xsd_geldig and lees(o.retourbestand).type.naam == "WMO308"
    t.refresh_from_db()
    assert t.levering_gestopt_op == t.ingangsdatum + dt.timedelta(days=20) and t.reden_beeindiging == "20"
    assert t.zaak.status == Status.LEVERING_GESTART  # a temporary stop does not end the zaak
    # the stop is deleted again (status aanlevering 3, OP033)
    verwijder = Levering(t.pk, "01", t.productcode, t.ingangsdatum, t.ingangsdatum, stop.einddatum, "20", "3")
    xml = wmo307(
        t.aanbieder.agb_code, "9999", "STOP2", t.ingangsdatum + dt.timedelta(days=21), client, [verwijder]
    )
    services.ontvang(xml, vandaag=t.ingangsdatum + dt.timedelta(days=21))
    t.refresh_from_db()
    assert t.levering_gestopt_op is None


@pytest.mark.parametrize(
    "inhoud, fout",
    [
        (b"dit is geen xml", "geen geldige XML"),
        (b'<?xml version="1.0"?><Bericht xmlns="urn:iets-anders"/>', "geen iWmo 3.2-bericht"),
    ],
)
def test_onleesbare_invoer_geeft_nederlandse_fout_en_verandert_niets(tmp_path, uitwisseling, inhoud, fout):
    pad = tmp_path / "bericht.xml"
    pad.write_bytes(inhoud)
    r = CliRunner().invoke(iwmo, ["ontvang", str(pad), "--json"])
    assert r.exit_code == 2
    assert fout in json.loads(r.output)["fout"]
    assert Bericht.objects.count() == 0


def test_bestand_van_30_mb_wordt_geweigerd_zonder_iets_te_lezen(tmp_path, uitwisseling):
    pad = tmp_path / "groot.xml"
    with pad.open("wb") as f:
        f.truncate(30 * 1024 * 1024)
    r = CliRunner().invoke(iwmo, ["ontvang", str(pad)])
    assert r.exit_code == 2 and "25 MB" in r.output
    assert Bericht.objects.count() == 0


def test_verzoek_om_toewijzing_afwijzen_stuurt_wmo319(toegewezen, uitwisseling, consulent):
    t = toegewezen
    xml = (Path(__file__).parent / "data" / "WMO315.xml").read_bytes()
    xml = xml.replace(b">42420001<", f">{t.aanbieder.agb_code}<".encode(), 1)
    xml = xml.replace(b"<wmo315:Ontvanger>0384<", b"<wmo315:Ontvanger>9999<")
    xml = xml.replace(b"<iwmo:Code>ABCDE<", b"<iwmo:Code>01A01<")  # the first product is in our list
    vandaag = dt.date(2026, 12, 1)
    o = services.ontvang(xml, vandaag=vandaag)
    assert lees(o.retourbestand).type.naam == "WMO316" and lees(o.retourbestand).xsd_geldig
    assert o.verwerkt, o.retourcodes
    # every AangevraagdProduct without an error becomes a verzoek; the unknown product code is rejected
    assert [(r["code"], r["regel"]) for r in o.retourcodes] == [("S329", "TR381")]
    (v,) = Verzoek.objects.all()
    assert v.status == Verzoekstatus.OPEN and v.producten[0]["code"] == "01A01"
    assert v.uiterlijk == uiterlijk("verzoek_antwoord", vandaag) == dt.date(2026, 12, 8)
    assert v in [x for x, _ in selectors.werklijst(vandaag)["verzoeken"]]
    with pytest.raises(services.levering.Geweigerd, match="Reden afwijzing"):
        services.beslis_verzoek(v, consulent, "afgewezen", "")
    services.beslis_verzoek(v, consulent, "afgewezen", "7", vandaag=vandaag)
    v.refresh_from_db()
    assert v.status == Verzoekstatus.AFGEWEZEN and v.antwoord is not None
    antwoord = lees(Path(v.antwoord.bestand))
    assert antwoord.type.naam == "WMO319" and antwoord.xsd_geldig
    ns = {"a": namespace("WMO319"), "i": NS_BASIS}
    doc = etree.parse(v.antwoord.bestand)
    assert doc.findtext(".//a:RedenAfwijzingVerzoek", namespaces=ns) == "7"
    assert v not in [x for x, _ in selectors.werklijst(vandaag)["verzoeken"]]


def test_termijnen_in_werkdagen_uit_de_regels():
    # Friday 24 December 2026: Christmas and the weekend do not count
    assert uiterlijk("retour", dt.date(2026, 12, 24)) == dt.date(2026, 12, 30)
    assert uiterlijk("declaratie_antwoord", dt.date(2026, 12, 1)) == dt.date(2026, 12, 15)


def test_wachtend_op_retour_staat_op_de_werklijst_tot_de_302_er_is(toegewezen, uitwisseling):
    t = toegewezen
    (b,) = services.verstuur_toewijzingen(vandaag=t.ingangsdatum)
    assert b.uiterlijk_antwoord == uiterlijk("retour", t.ingangsdatum)
    laat = b.uiterlijk_antwoord + dt.timedelta(days=1)
    assert [(x.pk, stand) for x, stand in selectors.werklijst(laat)["wachtend"]] == [(b.pk, "te laat")]
    aanbieder(uitwisseling, t).ronde(t.ingangsdatum)
    services.ontvang_alles(vandaag=t.ingangsdatum)
    assert selectors.werklijst(laat)["wachtend"] == []


def test_einde_recht_stuurt_nieuwe_301_met_de_gewijzigde_toewijzing(toegewezen, uitwisseling, consulent):
    from maatwerk.apps.levering import services as levering

    t = toegewezen
    services.verstuur_toewijzingen(vandaag=t.ingangsdatum)
    einde = t.ingangsdatum + dt.timedelta(days=60)
    levering.beeindig_recht(t, consulent, einde, "verhuisd")
    (b,) = services.verstuur_toewijzingen(vandaag=t.ingangsdatum)
    doc = etree.fromstring(b.inhoud.encode())
    ns = {"a": namespace("WMO301")}
    assert doc.findtext(".//a:ToegewezenProduct/a:Einddatum", namespaces=ns) == einde.isoformat()
    assert doc.findtext(".//a:ToegewezenProduct/a:RedenWijziging", namespaces=ns) == "05"
    assert lees(Path(b.bestand)).xsd_geldig


def test_toewijzingen_json(toegewezen, uitwisseling):
    t = toegewezen
    r = CliRunner().invoke(iwmo, ["toewijzingen", "--aanbieder", t.aanbieder.agb_code, "--json"])
    assert r.exit_code == 0, r.output
    (rij,) = json.loads(r.output)
    assert (
        rij["nummer"] == t.pk
        and rij["bsn"] == t.zaak.client.bsn
        and rij["aanbieder_agb"] == t.aanbieder.agb_code
    )
    assert set(rij) == {
        "nummer",
        "bsn",
        "geboortedatum",
        "gemeentecode",
        "aanbieder_agb",
        "productcategorie",
        "productcode",
        "ingangsdatum",
        "einddatum",
        "volume",
        "eenheid",
        "frequentie",
    }
    r = CliRunner().invoke(iwmo, ["toewijzingen", "--aanbieder", "12345678", "--json"])
    assert json.loads(r.output) == []


def verzoek_om_wijziging(t: Toewijzing) -> bytes:
    """The shipped WMO317 for our client: ours unchanged, one new product (the whole desired situation)."""
    import re

    from tests.iwmo.conftest import voorbeeld

    xml = voorbeeld("WMO317").decode()
    xml = xml.replace(">65656055<", f">{t.aanbieder.agb_code}<", 1).replace(">0384<", ">9999<", 1)
    xml = xml.replace("<wmo317:Bsn>999900006<", f"<wmo317:Bsn>{t.zaak.client.bsn}<")
    xml = xml.replace(">10071<", f">{t.pk}<")
    xml = re.sub(r"<wmo317:TeWijzigenProducten>.*?</wmo317:TeWijzigenProducten>", "", xml)
    xml = xml.replace("<iwmo:Code>01A12<", "<iwmo:Code>01A01<")
    return xml.encode()


def test_verzoek_om_wijziging_is_een_geheel_met_wmo318(toegewezen, uitwisseling, consulent):
    t = toegewezen
    vandaag = t.ingangsdatum
    o = services.ontvang(verzoek_om_wijziging(t), vandaag=vandaag)
    retour = lees(o.retourbestand)
    assert retour.type.naam == "WMO318" and retour.xsd_geldig
    assert o.verwerkt, o.retourcodes
    (v,) = Verzoek.objects.all()
    assert v.soort == "wijziging" and v.zaak == t.zaak
    assert {p["soort"] for p in v.producten} == {"OngewijzigdProduct", "NieuwProduct"}
    services.beslis_verzoek(v, consulent, "toegekend", vandaag=vandaag)
    v.refresh_from_db()
    assert v.status == Verzoekstatus.TOEGEKEND and v.antwoord is None  # answered by the next 301
    assert not Bericht.objects.filter(berichttype="WMO319").exists()
    (b,) = services.verstuur_toewijzingen(vandaag=vandaag)
    v.refresh_from_db()
    assert v.antwoord == b


def test_creditprestatie_op_toegekende_debet_wordt_toegekend(toegewezen, uitwisseling):
    from maatwerk.iwmo.transport.opbouw import Gedeclareerd, wmo323

    t = toegewezen
    sim = gestart(uitwisseling, t)
    maand = volgende_maand(t.ingangsdatum)
    dag = volgende_maand(maand)
    sim.ronde(dag, f"{maand:%Y-%m}")
    services.ontvang_alles(vandaag=dag)
    debet = Prestatie.objects.get()
    assert debet.toegekend
    credit = Gedeclareerd(
        "CR1",
        debet.bsn,
        t.pk,
        "01",
        t.productcode,
        debet.begindatum,
        debet.einddatum,
        debet.volume,
        "01",
        debet.tarief,
        debet=False,
        vorig_referentienummer=debet.referentienummer,
    )
    xml = wmo323(
        t.aanbieder.agb_code, "9999", "CRED1", dag, "CRED1", (debet.begindatum, debet.einddatum), [credit]
    )
    o = services.ontvang(xml, vandaag=dag)
    assert o.verwerkt and o.retourcodes == []
    assert Prestatie.objects.get(referentienummer="CR1").toegekend
    # a credit of an unknown prestatie is rejected (TR323)
    fout = Gedeclareerd(**{**vars(credit), "referentienummer": "CR2", "vorig_referentienummer": "ONBEKEND"})
    xml = wmo323(
        t.aanbieder.agb_code, "9999", "CRED2", dag, "CRED2", (debet.begindatum, debet.einddatum), [fout]
    )
    o = services.ontvang(xml, vandaag=dag)
    assert "TR323" in {r["regel"] for r in o.retourcodes}


def test_na_tijdelijke_stop_hervat_een_nieuwe_start_de_levering(toegewezen, uitwisseling):
    from maatwerk.iwmo.transport.opbouw import Clientgegevens, Levering, wmo305, wmo307

    t = toegewezen
    gestart(uitwisseling, t)
    client = Clientgegevens(t.zaak.client.bsn, "1941-04-02", "0", "Berg1")
    stop_op = t.ingangsdatum + dt.timedelta(days=10)
    stop = Levering(t.pk, "01", t.productcode, t.ingangsdatum, t.ingangsdatum, stop_op, "20")
    dag = t.ingangsdatum + dt.timedelta(days=30)
    services.ontvang(wmo307(t.aanbieder.agb_code, "9999", "STOP1", dag, client, [stop]), vandaag=dag)
    herstart = Levering(t.pk, "01", t.productcode, t.ingangsdatum, stop_op + dt.timedelta(days=7))
    o = services.ontvang(
        wmo305(t.aanbieder.agb_code, "9999", "HERSTART", dag, client, [herstart]), vandaag=dag
    )
    assert o.verwerkt and not o.meldingen, (o.retourcodes, o.meldingen)
    t.refresh_from_db()
    assert (t.levering_gestart_op, t.levering_gestopt_op) == (herstart.begindatum, None)
    assert t.zaak.status == Status.LEVERING_GESTART


def test_elk_berichttype_dat_maatwerk_schrijft_voldoet_aan_het_xsd(toegewezen, uitwisseling, consulent):
    """301, 306, 308, 316, 318, 319 and 325 from the flows above, all checked in one outbox."""
    from maatwerk.iwmo.transport.opbouw import Clientgegevens, Levering, wmo307

    t = toegewezen
    sim = gestart(uitwisseling, t)  # 301, 306
    maand = volgende_maand(t.ingangsdatum)
    dag = volgende_maand(maand)
    sim.ronde(dag, f"{maand:%Y-%m}")
    services.ontvang_alles(vandaag=dag)  # 325
    client = Clientgegevens(t.zaak.client.bsn, "1941-04-02", "0", "Berg1")
    stop = Levering(t.pk, "01", t.productcode, t.ingangsdatum, t.ingangsdatum, dag, "19")
    services.ontvang(wmo307(t.aanbieder.agb_code, "9999", "STOP", dag, client, [stop]), vandaag=dag)  # 308
    services.ontvang(verzoek_om_wijziging(t), vandaag=dag)  # 318
    xml = (Path(__file__).parent / "data" / "WMO315.xml").read_bytes()
    xml = xml.replace(b">42420001<", f">{t.aanbieder.agb_code}<".encode(), 1)
    xml = xml.replace(b"<wmo315:Ontvanger>0384<", b"<wmo315:Ontvanger>9999<")
    services.ontvang(xml, vandaag=dag)  # 316 (with S329 on the unknown product codes)
    verzoek = Verzoek.objects.get()
    services.beslis_verzoek(verzoek, consulent, "afgewezen", "3", vandaag=dag)  # 319
    outbox = Bestandsmap(uitwisseling).map(t.aanbieder.agb_code, "outbox")
    gelezen = [lees(p) for p in outbox.rglob("*.xml")]
    assert {g.type.naam for g in gelezen} == {
        "WMO301",
        "WMO306",
        "WMO308",
        "WMO316",
        "WMO318",
        "WMO319",
        "WMO325",
    }
    assert all(g.xsd_geldig for g in gelezen), [g.xsd_fouten for g in gelezen if not g.xsd_geldig]


def test_bericht_dat_niet_aan_het_xsd_voldoet_krijgt_geen_retour_en_wordt_niet_opgeslagen(
    uitwisseling, tmp_path
):
    from tests.iwmo.conftest import voorbeeld

    xml = voorbeeld("WMO305").replace(b"<wmo305:Geslacht>1<", b"<wmo305:Geslacht>X<")
    pad = tmp_path / "fout.xml"
    pad.write_bytes(xml)
    r = CliRunner().invoke(iwmo, ["ontvang", str(pad), "--json"])
    uit = json.loads(r.output)
    assert r.exit_code == 1 and uit["verwerkt"] is False and uit["retourbestand"] is None
    assert uit["retourcodes"] and {x["regel"] for x in uit["retourcodes"]} == {"XSD"}
    assert Bericht.objects.count() == 0
    assert not list(Path(uitwisseling).rglob("*.xml"))


def test_tweede_verzoek_terwijl_het_eerste_loopt_wordt_afgekeurd(toegewezen, uitwisseling):
    t = toegewezen
    xml = (Path(__file__).parent / "data" / "WMO315.xml").read_bytes()
    xml = xml.replace(b">42420001<", f">{t.aanbieder.agb_code}<".encode(), 1)
    xml = xml.replace(b"<wmo315:Ontvanger>0384<", b"<wmo315:Ontvanger>9999<")
    xml = xml.replace(b"<iwmo:Code>ABCDE<", b"<iwmo:Code>01A01<")
    services.ontvang(xml, vandaag=dt.date(2026, 12, 1))
    assert Verzoek.objects.count() == 1
    # the same message again, with a new identificatie: same ReferentieAanbieder, verzoek still open
    tweede = xml.replace(b"<iwmo:Identificatie>123456789012<", b"<iwmo:Identificatie>2<")
    o = services.ontvang(tweede, vandaag=dt.date(2026, 12, 1))
    regels = {r["regel"] for r in o.retourcodes}
    assert {"TR347", "TR374"} & regels, o.retourcodes
    assert Verzoek.objects.count() == 1

"""The file-drop transport and the provider's arithmetic (pure Python, no database)."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.apps.berichten.tarieven import contracttarief
from maatwerk.iwmo.transport.bestandsmap import Bestandsmap, bestandsnaam, schrijf_atomair

AGB = "75750001"


@settings(max_examples=50, deadline=None)
@given(inhoud=st.binary(max_size=4096), ident=st.text(min_size=1, max_size=30))
def test_atomair_geschreven_bericht_komt_ongewijzigd_aan(tmp_path_factory, inhoud, ident):
    map_ = Bestandsmap(tmp_path_factory.mktemp("m"))
    naam = bestandsnaam("WMO301", ident)
    pad = map_.schrijf(AGB, "outbox", naam, inhoud)
    assert pad.read_bytes() == inhoud
    assert map_.lijst(AGB, "outbox") == [pad]
    assert not [p for p in pad.parent.iterdir() if p.name.startswith(".")]  # no temp file left


def test_bestandsnamen_uniek_en_op_tijd_sorteerbaar():
    t0 = dt.datetime(2026, 12, 1, 9, 0, 0)
    namen = [bestandsnaam("WMO305", "S1", t0 + dt.timedelta(microseconds=i)) for i in range(200)]
    assert len(set(namen)) == 200 and sorted(namen) == namen
    assert len({bestandsnaam("WMO305", "S1", t0) for _ in range(100)}) == 100  # same moment: still unique


def test_lezer_ziet_nooit_een_half_bericht(tmp_path):
    """While a large message is being written, the folder lists nothing until the rename."""
    map_ = Bestandsmap(tmp_path)
    map_.map(AGB, "inbox").mkdir(parents=True)
    gezien: list[list[Path]] = []
    klaar = threading.Event()

    def kijk() -> None:
        while not klaar.is_set():
            gezien.append(map_.lijst(AGB, "inbox"))

    lezer = threading.Thread(target=kijk)
    lezer.start()
    inhoud = os.urandom(8 * 1024 * 1024)
    pad = schrijf_atomair(map_.map(AGB, "inbox"), bestandsnaam("WMO323", "D1"), inhoud)
    klaar.set()
    lezer.join()
    assert all(lijst in ([], [pad]) for lijst in gezien)
    assert pad.read_bytes() == inhoud


def test_archiveren_en_afgehandeld(tmp_path):
    map_ = Bestandsmap(tmp_path)
    map_.schrijf(AGB, "inbox", bestandsnaam("WMO305", "S1"), b"<x/>")
    (binnen,) = list(map_.binnengekomen())
    map_.afgehandeld(binnen)
    assert list(map_.binnengekomen()) == []
    assert (tmp_path / AGB / "inbox" / "verwerkt" / binnen.naam).exists()


@pytest.mark.parametrize("agb", ["1234567", "abcdefgh", "../../etc"])
def test_ongeldige_agb_of_naam_wordt_geweigerd(tmp_path, agb):
    with pytest.raises(ValueError, match="AGB-code"):
        Bestandsmap(tmp_path).map(agb, "inbox")
    with pytest.raises(ValueError, match="bestandsnaam"):
        schrijf_atomair(tmp_path, "../buiten.xml", b"")


@given(st.dates(min_value=dt.date(2017, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_contracttarief_per_minuut_is_uurtarief_gedeeld_door_60_afgerond(datum):
    per_uur = contracttarief("Voorbeeldstad", "04", datum)
    per_minuut = contracttarief("Voorbeeldstad", "01", datum)
    assert per_uur is not None and per_minuut is not None
    assert abs(per_minuut * 60 - per_uur) <= 30  # rounded to whole cents, half up
    assert contracttarief("Voorbeeldstad", "83", datum) is None  # euro's: not priced per time

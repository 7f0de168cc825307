"""Issue 14: the caseload import streams the file (csv over a text wrapper) and spools the valid rows
in blocks, with every check of the whole-file import kept (all or nothing)."""

from __future__ import annotations

import pytest

from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.herindicatie import invoer
from maatwerk.apps.herindicatie.invoer import Caseload, Caseloadfout, lees_caseload

from .test_import import KOP


def _regel(i: int, uren: str = "4.5") -> str:
    return f"{maak_bsn(30_000_000 + 7 * i)},1940-05-01,{uren},hh2,zin,Thuiszorg {i % 3},2015-01-01,"


@pytest.fixture
def klein_blok(monkeypatch):
    monkeypatch.setattr(invoer, "BLOK", 3)


def test_geldige_rijen_in_blokken_gespoold(tmp_path, klein_blok):
    pad = tmp_path / "c.csv"
    pad.write_text(KOP + "\n" + "\n".join(_regel(i) for i in range(10)) + "\n", encoding="utf-8")
    stappen: list[tuple[int, int]] = []
    caseload = lees_caseload(pad, lambda i, n: stappen.append((i, n)))
    assert isinstance(caseload, Caseload) and len(caseload) == 10
    assert [len(b) for b in caseload.blokken()] == [3, 3, 3, 1]
    eerste, tweede = [r.bsn for r in caseload], [r.bsn for r in caseload]  # readable twice
    assert eerste == tweede == [maak_bsn(30_000_000 + 7 * i) for i in range(10)]
    assert caseload[9].rij == 11 and caseload.aanbieders == {"Thuiszorg 0", "Thuiszorg 1", "Thuiszorg 2"}
    assert stappen[-1] == (10, 10)


def test_dubbel_bsn_over_blokken_heen_gevonden(tmp_path, klein_blok):
    regels = [_regel(i) for i in range(8)] + [_regel(1), _regel(6)]
    pad = tmp_path / "c.csv"
    pad.write_text(KOP + "\n" + "\n".join(regels) + "\n", encoding="utf-8")
    with pytest.raises(Caseloadfout) as fout:
        lees_caseload(pad)
    assert [str(f) for f in fout.value.fouten] == [
        "rij 10, kolom bsn: BSN staat ook al op rij 3",
        "rij 11, kolom bsn: BSN staat ook al op rij 8",
    ]


def test_fout_na_veel_goede_rijen_geeft_niets(tmp_path, klein_blok):
    regels = [_regel(i) for i in range(20)] + [_regel(99, uren="veel")]
    pad = tmp_path / "c.csv"
    pad.write_text(KOP + "\n" + "\n".join(regels) + "\n", encoding="utf-8")
    with pytest.raises(Caseloadfout) as fout:
        lees_caseload(pad)
    assert [str(f) for f in fout.value.fouten] == ["rij 22, kolom uren_per_week_oud: geen getal 'veel'"]


def test_bom_aanhalingstekens_en_te_veel_cellen(tmp_path):
    pad = tmp_path / "c.csv"
    goed = _regel(1).replace("Thuiszorg 1", '"Thuiszorg, ""Noord""\nlocatie 2"')
    pad.write_bytes(("\ufeff" + KOP + "\n" + goed + "\n").encode("utf-8"))
    (rij,) = lees_caseload(pad)
    assert rij.aanbieder == 'Thuiszorg, "Noord"\nlocatie 2'
    pad.write_text(KOP + "\n" + _regel(1) + ",extra\n", encoding="utf-8")
    with pytest.raises(Caseloadfout) as fout:
        lees_caseload(pad)
    assert str(fout.value.fouten[0]) == "rij 2: meer cellen (9) dan kolommen in de kop (8)"


def test_leeg_bestand(tmp_path):
    pad = tmp_path / "c.csv"
    pad.write_bytes(b"")
    with pytest.raises(Caseloadfout, match="1 fout"):
        lees_caseload(pad)

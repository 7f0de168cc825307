"""The shared rule-file loader: Dutch errors with file, line and key; nothing on bad input."""

import datetime as dt

import pytest

from maatwerk.regels.laden import (
    Geldigheid,
    Regelfout,
    StrictModel,
    controleer_geen_overlap,
    laad,
    laad_versies,
)


class Voorbeeld(StrictModel):
    naam: str
    aantal: int
    geldigheid: Geldigheid


def test_valid_file_loads(tmp_path):
    f = tmp_path / "ok.yaml"
    f.write_text("naam: a\naantal: 3\ngeldigheid:\n  valid_from: 2021-01-01\n")
    assert laad(Voorbeeld, f).aantal == 3


def test_unknown_key_names_file_line_and_key(tmp_path):
    f = tmp_path / "fout.yaml"
    f.write_text("naam: a\naantal: 3\ngeldigheid:\n  valid_from: 2021-01-01\n  onzin: 1\n")
    with pytest.raises(Regelfout) as exc:
        laad(Voorbeeld, f)
    assert str(exc.value) == f"{f}:5: geldigheid.onzin: onbekende sleutel"


def test_impossible_date_and_wrong_type(tmp_path):
    f = tmp_path / "fout.yaml"
    f.write_text("naam: a\naantal: veel\ngeldigheid:\n  valid_from: 2021-02-30\n")
    with pytest.raises(Regelfout) as exc:
        laad(Voorbeeld, f)
    tekst = str(exc.value)
    assert ":2: aantal: moet een geheel getal zijn" in tekst
    assert ":4: geldigheid.valid_from: geen geldige datum" in tekst


def test_duplicate_key_refused(tmp_path):
    f = tmp_path / "dubbel.yaml"
    f.write_text("naam: a\nnaam: b\n")
    with pytest.raises(Regelfout, match=r":2: .*'naam' komt twee keer voor"):
        laad(Voorbeeld, f)


def test_overlapping_validity_refused():
    a = Geldigheid(valid_from=dt.date(2020, 1, 1), valid_until=dt.date(2021, 1, 1))
    b = Geldigheid(valid_from=dt.date(2020, 6, 1))
    with pytest.raises(Regelfout, match="overlapt"):
        controleer_geen_overlap([("a.yaml", a), ("b.yaml", b)])
    controleer_geen_overlap([("a.yaml", a), ("c.yaml", Geldigheid(valid_from=dt.date(2021, 1, 2)))])


class Regelset(Geldigheid):
    id: str
    waarde: int


def _versie(map_, naam: str, tekst: str) -> None:
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / naam).write_text(tekst, encoding="utf-8")


def test_laad_versies_oldest_first_with_their_files(tmp_path):
    map_ = tmp_path / "set"
    _versie(map_, "2022-01-01.yaml", "id: set\nwaarde: 2\nvalid_from: 2022-01-01\n")
    _versie(map_, "2021-01-01.yaml", "id: set\nwaarde: 1\nvalid_from: 2021-01-01\nvalid_until: 2021-12-31\n")
    versies = laad_versies(Regelset, map_)
    assert [(p.name, v.waarde) for p, v in versies] == [("2021-01-01.yaml", 1), ("2022-01-01.yaml", 2)]
    assert laad_versies(Regelset, tmp_path / "leeg") == []


def test_laad_versies_collects_every_problem(tmp_path):
    map_ = tmp_path / "set"
    _versie(map_, "2021-01-01.yaml", "id: ander\nwaarde: 1\nvalid_from: 2021-01-01\n")
    _versie(map_, "2021-06-01.yaml", "id: set\nwaarde: 2\nvalid_from: 2022-01-01\n")
    _versie(map_, "2023-01-01.yaml", "id: set\nwaarde: x\nvalid_from: 2023-01-01\n")
    with pytest.raises(Regelfout) as fout:
        laad_versies(Regelset, map_)
    teksten = {(m.bestand.rsplit("/", 1)[-1], m.sleutel, m.tekst) for m in fout.value.meldingen}
    assert ("2021-01-01.yaml", "id", "id 'ander' past niet bij de map 'set'") in teksten
    assert (
        "2021-06-01.yaml",
        "valid_from",
        "bestandsnaam moet 2022-01-01.yaml zijn (gelijk aan valid_from)",
    ) in teksten
    assert any(b == "2023-01-01.yaml" and s == "waarde" for b, s, _ in teksten)
    assert any(b == "2021-01-01.yaml" and "overlapt" in t for b, _, t in teksten)

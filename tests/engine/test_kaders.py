"""Every shipped framework loads; broken framework files give precise errors (file, line, key)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from maatwerk.engine import indiceer, kaders, kies_kader, laad_kader, laad_situatie
from maatwerk.engine.kaders import MATRICES_MAP, NORMENKADERS_MAP, Register, register
from maatwerk.regels.laden import Regelfout

from .conftest import VOORBEELDEN

KPMG = NORMENKADERS_MAP / "kpmg-hbel" / "2021-01-01.yaml"
VBS = MATRICES_MAP / "voorbeeldstad-hbh" / "2021-01-01.yaml"


def test_alle_kaders_laden_en_valideren():
    reg = Register()
    assert {"kpmg-hbel", "ciz-protocol", "h4", "denhaag-mwa"} <= set(reg.normenkaders)
    assert {"h4", "denhaag-mwa", "voorbeeldstad-hbh"} <= set(reg.matrices)
    h4 = reg.matrix("h4", dt.date(2026, 1, 1))
    assert len(h4.resultaatgebieden) == 6 and all(len(r.treden) == 5 for r in h4.resultaatgebieden)
    dh = reg.matrix("denhaag-mwa", dt.date(2018, 1, 1))
    assert len(dh.resultaatgebieden) == 5
    assert [t.label for t in dh.resultaatgebied("voeren_huishouden").treden] == ["Basis", "Plus", "Intensief"]
    assert [k.id for k in kaders()] == sorted(k.id for k in kaders())


def test_elke_waarde_heeft_een_bron_of_is_voorbeeld():
    def loop(obj, pad):
        if isinstance(obj, dict):
            getallen = [k for k, v in obj.items() if isinstance(v, int | float) and not isinstance(v, bool)]
            if getallen and {
                "waarde",
                "minuten",
                "uren_per_jaar",
                "bedrag",
                "minuten_per_week",
                "factor",
                "aantal",
                "van",
            } & set(getallen):
                assert "bron" in obj or obj.get("voorbeeld") is True, pad
                if obj.get("voorbeeld"):
                    assert obj.get("toelichting"), pad
            for k, v in obj.items():
                loop(v, f"{pad}.{k}")
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                loop(v, f"{pad}.{i}")

    for pad in [*NORMENKADERS_MAP.glob("*/*.yaml"), *MATRICES_MAP.glob("*/*.yaml")]:
        loop(yaml.safe_load(pad.read_text(encoding="utf-8")), pad.name)


@pytest.mark.parametrize(
    "gemeente,kader",
    [
        ("Voorbeeldstad", "kpmg-hbel"),
        ("Westland", "h4"),
        ("delft", "h4"),
        ("Rijswijk", "h4"),
        ("Midden-Delfland", "h4"),
        ("Den Haag", "denhaag-mwa"),
    ],
)
def test_kies_kader_op_gemeente(gemeente, kader):
    assert kies_kader(gemeente, dt.date(2026, 3, 1)).id == kader


def test_kies_kader_zonder_kader_is_een_duidelijke_fout():
    with pytest.raises(Regelfout, match="geen normenkader voor gemeente 'Vught'.*--kader"):
        kies_kader("Vught", dt.date(2026, 3, 1))
    with pytest.raises(Regelfout, match="geen normenkader voor gemeente 'Voorbeeldstad' op 2019-01-01"):
        kies_kader("Voorbeeldstad", dt.date(2019, 1, 1))
    with pytest.raises(Regelfout, match="onbekend normenkader 'bestaat-niet'"):
        laad_kader("bestaat-niet")


def test_laad_kader_uit_bestand():
    assert laad_kader(KPMG).id == "kpmg-hbel"
    assert laad_kader("kpmg-hbel", dt.date(2026, 1, 1)).versie == "2021"


@pytest.mark.parametrize("pad", sorted(VOORBEELDEN.glob("*.yaml")), ids=lambda p: p.name)
def test_elk_voorbeeld_rekent(pad):
    s = laad_situatie(pad)
    kader = "ciz-protocol" if "vught" in pad.name else "ho-2025" if "ho-2025" in pad.name else None
    ind = indiceer(s, kader=kader)
    data = ind.as_json()
    for sleutel in (
        "kader",
        "kader_versie",
        "activiteiten",
        "totaal_minuten_per_week",
        "uren_per_week",
        "uren_per_jaar",
        "treden",
        "tarief_per_periode",
        "voorbeeldwaarden",
    ):
        assert sleutel in data
    for a in data["activiteiten"]:
        assert {"id", "taak", "frequentie", "minuten_per_week", "uitleg", "trace"} <= set(a)


# ------------------------------------------------------------------------------------ broken files


def _boom(
    tmp_path: Path, kpmg: str | None = None, matrix: str | None = None, extra: dict[str, str] | None = None
) -> Register:
    nk, rm = tmp_path / "normenkaders", tmp_path / "resultatenmatrices"
    (nk / "kpmg-hbel").mkdir(parents=True)
    (rm / "voorbeeldstad-hbh").mkdir(parents=True)
    (nk / "kpmg-hbel" / "2021-01-01.yaml").write_text(
        kpmg if kpmg is not None else KPMG.read_text("utf-8"), "utf-8"
    )
    (rm / "voorbeeldstad-hbh" / "2021-01-01.yaml").write_text(
        matrix if matrix is not None else VBS.read_text("utf-8"), "utf-8"
    )
    for rel, tekst in (extra or {}).items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(tekst, "utf-8")
    return Register(nk, rm)


def test_kopie_van_de_echte_bestanden_is_geldig(tmp_path):
    assert "kpmg-hbel" in _boom(tmp_path).normenkaders


def test_onbekende_sleutel(tmp_path):
    tekst = KPMG.read_text("utf-8").replace(
        "  - id: schoon_huis\n    taak:", "  - id: schoon_huis\n    taken: x\n    taak:"
    )
    with pytest.raises(Regelfout) as fout:
        _boom(tmp_path, kpmg=tekst)
    m = fout.value.meldingen[0]
    assert m.bestand.endswith("kpmg-hbel/2021-01-01.yaml") and m.sleutel == "activiteiten.0.taken"
    assert m.tekst == "onbekende sleutel" and m.regel == tekst.splitlines().index("    taken: x") + 1


def test_waarde_zonder_bron(tmp_path):
    regels = KPMG.read_text("utf-8").splitlines(keepends=True)
    i = regels.index("      uren_per_jaar: 108\n")
    assert regels[i + 1].startswith("      bron:")
    tekst = "".join(regels[: i + 1] + regels[i + 2 :])
    with pytest.raises(Regelfout) as fout:
        _boom(tmp_path, kpmg=tekst)
    m = fout.value.meldingen[0]
    assert m.sleutel == "activiteiten.0.normtijd" and "waarde zonder bron" in m.tekst and m.regel


def test_voorbeeld_zonder_toelichting(tmp_path):
    tekst = VBS.read_text("utf-8").replace(
        'tarief: {bedrag: 150.00, voorbeeld: true, toelichting: "Fictief tarief per 4 weken voor de demo."}',
        "tarief: {bedrag: 150.00, voorbeeld: true}",
    )
    with pytest.raises(Regelfout) as fout:
        _boom(tmp_path, matrix=tekst)
    m = fout.value.meldingen[0]
    assert m.sleutel == "resultaatgebieden.0.treden.0.tarief" and "zonder toelichting" in m.tekst


def test_overlappende_versies(tmp_path):
    tweede = KPMG.read_text("utf-8").replace("valid_from: 2021-01-01", "valid_from: 2024-01-01")
    with pytest.raises(Regelfout) as fout:
        _boom(tmp_path, extra={"normenkaders/kpmg-hbel/2024-01-01.yaml": tweede})
    m = fout.value.meldingen[0]
    assert m.bestand.endswith("2021-01-01.yaml") and m.sleutel == "valid_until" and "overlapt" in m.tekst


def test_opvolgende_versies_zijn_goed_en_kies_op_peildatum(tmp_path):
    eerste = KPMG.read_text("utf-8").replace("valid_until: null", "valid_until: 2023-12-31")
    tweede = (
        KPMG.read_text("utf-8")
        .replace("valid_from: 2021-01-01", "valid_from: 2024-01-01")
        .replace('versie: "2021"', 'versie: "2024"')
    )
    reg = _boom(tmp_path, kpmg=eerste, extra={"normenkaders/kpmg-hbel/2024-01-01.yaml": tweede})
    assert reg.kies("Voorbeeldstad", dt.date(2023, 12, 31)).versie == "2021"
    assert reg.kies("Voorbeeldstad", dt.date(2024, 1, 1)).versie == "2024"


def test_bestandsnaam_moet_valid_from_zijn(tmp_path):
    nk = tmp_path / "normenkaders" / "kpmg-hbel"
    nk.mkdir(parents=True)
    shutil.copy(KPMG, nk / "2020-06-01.yaml")
    (tmp_path / "resultatenmatrices" / "voorbeeldstad-hbh").mkdir(parents=True)
    shutil.copy(VBS, tmp_path / "resultatenmatrices" / "voorbeeldstad-hbh" / "2021-01-01.yaml")
    with pytest.raises(Regelfout) as exc:
        Register(tmp_path / "normenkaders", tmp_path / "resultatenmatrices")
    m = exc.value.meldingen[0]
    assert m.sleutel == "valid_from" and m.bestand.endswith("2020-06-01.yaml")
    assert "bestandsnaam moet 2021-01-01.yaml zijn" in m.tekst


@pytest.mark.parametrize(
    "oud,nieuw,fout",
    [
        (
            "uren_per_week: {van: 1.5, tot: 2.5,",
            "uren_per_week: {van: 1.6, tot: 2.5,",
            "gat tussen 1.5 en 1.6 uur",
        ),
        (
            "uren_per_week: {van: 1.5, tot: 2.5,",
            "uren_per_week: {van: 1.4, tot: 2.5,",
            "overlapt met treden.0",
        ),
        ("uren_per_week: {van: 0, tot: 1.5,", "uren_per_week: {van: 0.5, tot: 1.5,", "moet bij 0 beginnen"),
        (
            "uren_per_week: {van: 5, tot: null,",
            "uren_per_week: {van: 5, tot: 9,",
            "de hoogste band moet open zijn",
        ),
    ],
)
def test_tredeband_met_gat_of_overlap(tmp_path, oud, nieuw, fout):
    tekst = VBS.read_text("utf-8").replace(oud, nieuw)
    assert tekst != VBS.read_text("utf-8")
    with pytest.raises(Regelfout) as exc:
        _boom(tmp_path, matrix=tekst)
    m = exc.value.meldingen[0]
    assert m.bestand.endswith("voorbeeldstad-hbh/2021-01-01.yaml")
    assert m.sleutel.startswith("resultaatgebieden.0.treden") and fout in m.tekst and m.regel


def test_zelfredzaamheid_zonder_trede_is_een_gat(tmp_path):
    tekst = (
        (MATRICES_MAP / "h4" / "2019-01-01.yaml")
        .read_text("utf-8")
        .replace("zelfredzaamheid: [3]", "zelfredzaamheid: []", 1)
    )
    nk = tmp_path / "normenkaders"
    nk.mkdir()
    (tmp_path / "resultatenmatrices" / "h4").mkdir(parents=True)
    (tmp_path / "resultatenmatrices" / "h4" / "2019-01-01.yaml").write_text(tekst, "utf-8")
    with pytest.raises(
        Regelfout, match=r"resultaatgebieden\.0\.treden: zelfredzaamheidsscore 3 valt in geen trede"
    ):
        Register(nk, tmp_path / "resultatenmatrices")


def test_id_past_niet_bij_map_en_onbekende_matrix(tmp_path):
    ander = KPMG.read_text("utf-8").replace("gemeenten: [Voorbeeldstad]", "gemeenten: []")
    with pytest.raises(Regelfout, match="id 'kpmg-hbel' past niet bij de map 'anders'"):
        _boom(tmp_path, extra={"normenkaders/anders/2021-01-01.yaml": ander})
    tekst = KPMG.read_text("utf-8").replace("resultatenmatrix: voorbeeldstad-hbh", "resultatenmatrix: weg")
    with pytest.raises(Regelfout, match="onbekende resultatenmatrix 'weg'"):
        _boom(tmp_path / "b", kpmg=tekst)


def test_onbekend_feit_en_onbekend_resultaatgebied(tmp_path):
    tekst = KPMG.read_text("utf-8").replace("{meerpersoons: true}", "{meerpersonen: true}")
    with pytest.raises(Regelfout) as exc:
        _boom(tmp_path, kpmg=tekst)
    assert "onbekend feit 'meerpersonen'" in str(exc.value)
    # the shared grammar has no list index: the key is the condition itself (was ``...als.0``)
    assert exc.value.meldingen[0].sleutel == "activiteiten.0.correcties.3.als"
    tekst = KPMG.read_text("utf-8").replace("    resultaatgebied: schoon_huis", "    resultaatgebied: was")
    with pytest.raises(Regelfout) as exc:
        _boom(tmp_path / "b", kpmg=tekst)
    assert exc.value.meldingen[0].sleutel == "activiteiten.0.resultaatgebied"
    assert "onbekend resultaatgebied 'was'" in exc.value.meldingen[0].tekst


def test_register_is_gecached():
    assert register() is register()

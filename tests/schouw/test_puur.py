"""Pure modules: the checklist, the rules file, results per quarter; none of them imports Django."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.schouw.checklist import checklist, ruimtes
from maatwerk.apps.schouw.regels import schouwregels
from maatwerk.apps.schouw.resultaten import Uitslag, kwartaal, per_aanbieder_per_kwartaal
from maatwerk.regels.laden import Regelfout

INDICATIE = {
    "resultaatgebieden": [
        {"id": "schoon_huis", "naam": "Schoon en leefbaar huis"},
        {"id": "was", "naam": "Was"},
    ],
    "activiteiten": [
        {
            "id": "schoon_huis",
            "taak": "Schoon huis",
            "resultaatgebied": "schoon_huis",
            "frequentie": "1 keer per week",
            "minuten_per_week": 125,
        },
        {
            "id": "wassen",
            "taak": "Wassen",
            "resultaatgebied": "was",
            "frequentie": "2 keer per week",
            "minuten_per_week": 34,
        },
        {"id": "nul", "taak": "Niets", "resultaatgebied": "was", "frequentie": "-", "minuten_per_week": 0},
    ],
}


@pytest.mark.parametrize(
    "module",
    [
        "maatwerk.apps.schouw.checklist",
        "maatwerk.apps.schouw.steekproef",
        "maatwerk.apps.schouw.regels",
        "maatwerk.apps.schouw.resultaten",
        "maatwerk.apps.monitor.perioden",
    ],
)
def test_pure_module_does_not_import_django(module):
    code = f"import sys, {module}; sys.exit(1 if any(m.startswith('django') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def test_checklist_from_indication_with_rooms():
    punten = checklist(
        INDICATIE, {"woning": {"type": "appartement", "kamers_in_gebruik": 3, "kamers_niet_in_gebruik": 1}}
    )
    assert [p.taak_id for p in punten] == ["schoon_huis", "wassen"]
    assert punten[0].frequentie == "1 keer per week"
    assert punten[0].resultaatgebied == "Schoon en leefbaar huis"
    assert punten[0].ruimtes == "3 kamers in gebruik (appartement), 1 niet in gebruik"
    assert punten[1].ruimtes == ""  # the laundry is not about rooms


def test_rooms_unknown():
    assert ruimtes(None) == ""
    assert ruimtes({"woning": {}}) == ""


def test_rules_file_of_voorbeeldstad():
    regels = schouwregels("Voorbeeldstad", dt.date(2026, 6, 1))
    assert 5 <= regels.steekproef.percentage <= 10
    assert regels.steekproef.voorbeeld and regels.steekproef.toelichting
    assert regels.signaal.minimum_voldoende_percentage == 80
    assert "klacht_over_kwaliteit" in regels.ook_bij


def test_rules_unknown_gemeente_or_date():
    with pytest.raises(Regelfout, match="geen schouwregels"):
        schouwregels("Nergenshuizen", dt.date(2026, 1, 1))
    with pytest.raises(Regelfout, match="geen schouwregels"):
        schouwregels("Voorbeeldstad", dt.date(2020, 1, 1))


def test_rules_file_without_source_is_refused(tmp_path: Path):
    map_ = tmp_path / "testdorp"
    map_.mkdir()
    (map_ / "2025-01-01.yaml").write_text(
        "id: testdorp\nvalid_from: 2025-01-01\nomschrijving: x\nsteekproef:\n  percentage: 5\n"
        "signaal:\n  minimum_voldoende_percentage: 80\n  bron: {titel: x}\n",
        encoding="utf-8",
    )
    with pytest.raises(Regelfout, match="steekproef: waarde zonder bron"):
        schouwregels("Testdorp", dt.date(2025, 6, 1), tmp_path)


def test_quarter():
    assert kwartaal(dt.date(2026, 1, 1)) == "2026-K1"
    assert kwartaal(dt.date(2026, 9, 30)) == "2026-K3"
    assert kwartaal(dt.date(2026, 12, 31)) == "2026-K4"


def test_signal_below_threshold_with_enough_schouwen():
    d = dt.date(2026, 7, 1)
    uitslagen = [Uitslag("Noord", d, 3, 2)] * 3 + [Uitslag("Zuid", d, 5, 0)] * 3 + [Uitslag("West", d, 0, 5)]
    uit = {r.aanbieder: r for r in per_aanbieder_per_kwartaal(uitslagen, 80, 3)}
    assert uit["Noord"].signaal and uit["Noord"].percentage_voldoende == 60.0
    assert not uit["Zuid"].signaal
    assert not uit["West"].signaal  # one schouw is not enough for a signal
    assert uit["Noord"].schouwen == 3 and uit["Noord"].beoordeeld == 15


@given(st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)), max_size=30))
def test_totals_add_up(paren):
    uitslagen = [Uitslag("A", dt.date(2026, 1, 1), v, o) for v, o in paren]
    uit = per_aanbieder_per_kwartaal(uitslagen, 80, 1)
    assert sum(r.schouwen for r in uit) == len(paren)
    assert sum(r.voldoende for r in uit) == sum(v for v, _ in paren)

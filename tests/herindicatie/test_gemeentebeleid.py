"""The transition policy is switchable per gemeente: `overgangsbeleid` in its configuration file."""

from __future__ import annotations

import functools
import json

import pytest
from click.testing import CliRunner

from maatwerk.apps.herindicatie.demo import schrijf_caseload, synthetische_caseload
from maatwerk.cli import cli
from maatwerk.regels.laden import Regelfout
from maatwerk.toets import bewaking

from .test_simulatie import contract_batch

OVERGANG = [
    "herindicatie",
    "overgang",
    "--oude-uren",
    "4",
    "--nieuwe-uren",
    "1.5",
    "--geboortedatum",
    "1960-01-01",
    "--peildatum",
    "2021-03-01",
    "--nieuwe-intensiteit",
    "Trede 4",
    "--json",
]

PROEFDORP = """gemeente: Proefdorp
overgangsbeleid: {beleid}
configuraties:
  - valid_from: 2020-01-01
    normenkader: kpmg-hbel
    beleid: {{hh1: maatwerk}}
"""


def _proefdorp(tmp_path, monkeypatch, beleid: str) -> None:
    (tmp_path / "proefdorp.yaml").write_text(PROEFDORP.format(beleid=beleid), encoding="utf-8")
    monkeypatch.setattr(bewaking, "laad_gemeente", functools.partial(bewaking.laad_gemeente, map_=tmp_path))


def test_without_beleid_the_gemeente_policy_applies():
    assert bewaking.laad_gemeente("Voorbeeldstad").overgangsbeleid == "voorbeeldstad"
    uit = CliRunner().invoke(cli, OVERGANG)
    assert uit.exit_code == 0, uit.output
    data = json.loads(uit.output)
    assert data["regel"] == "voorbeeldstad/meer-dan-3-uur"
    assert (data["overgang_intensiteit"], data["overgang_tot"]) == ("trede 3", "2022-03-01")


def test_beleid_overrides_the_gemeente(tmp_path, monkeypatch):
    _proefdorp(tmp_path, monkeypatch, "voorbeeldstad")
    uit = CliRunner().invoke(
        cli,
        [*OVERGANG[:2], "--gemeente", "Proefdorp", "--beleid", "westland-2019", *OVERGANG[2:]]
        + ["--peildatum", "2019-09-02", "--nieuwe-intensiteit", "basis"],
    )
    assert uit.exit_code == 0, uit.output
    assert json.loads(uit.output)["regel"].startswith("westland-2019/")


def test_other_gemeente_uses_its_own_policy(tmp_path, monkeypatch):
    _proefdorp(tmp_path, monkeypatch, "denhaag-2017")
    uit = CliRunner().invoke(
        cli,
        [*OVERGANG[:2], "--gemeente", "Proefdorp", *OVERGANG[2:]]
        + ["--peildatum", "2017-06-05", "--nieuwe-intensiteit", "basis"],
    )
    assert uit.exit_code == 0, uit.output
    assert json.loads(uit.output)["regel"] == "denhaag-2017/meer-dan-3-uur"


def test_unknown_policy_in_configuration_names_file_line_and_key(tmp_path, monkeypatch):
    _proefdorp(tmp_path, monkeypatch, "nergensbeleid")
    with pytest.raises(Regelfout) as exc:
        bewaking.laad_gemeente("Proefdorp")
    assert str(exc.value).startswith(f"{tmp_path / 'proefdorp.yaml'}:2: overgangsbeleid: ")
    assert "onbekend overgangsbeleid 'nergensbeleid'; beschikbaar: denhaag-2017" in str(exc.value)
    uit = CliRunner().invoke(cli, [*OVERGANG[:2], "--gemeente", "Proefdorp", *OVERGANG[2:]])
    assert uit.exit_code == 2
    assert "proefdorp.yaml:2: overgangsbeleid: onbekend overgangsbeleid 'nergensbeleid'" in uit.output


def test_gemeente_without_policy_asks_for_beleid():
    assert bewaking.laad_gemeente("Resultaatdorp").overgangsbeleid is None
    uit = CliRunner().invoke(cli, [*OVERGANG[:2], "--gemeente", "Resultaatdorp", *OVERGANG[2:]])
    assert uit.exit_code == 2
    assert "gemeente Resultaatdorp heeft geen overgangsbeleid ingesteld: geef --beleid ID" in uit.output
    assert "zet `overgangsbeleid: ID` in" in uit.output and "resultaatdorp.yaml" in uit.output
    simuleer = CliRunner().invoke(
        cli, ["herindicatie", "simuleer", "--kader", "test", "-o", "u.csv", "--gemeente", "Resultaatdorp"]
    )
    assert simuleer.exit_code == 2
    assert "heeft geen overgangsbeleid ingesteld" in simuleer.output


@pytest.fixture
def caseload(tmp_path, monkeypatch):
    monkeypatch.setattr("maatwerk.apps.herindicatie.simulatie.engine_batch", lambda: contract_batch)
    pad = schrijf_caseload(synthetische_caseload(30, seed=7), tmp_path / "c.csv")
    uit = CliRunner().invoke(cli, ["caseload", "importeer", str(pad), "--maak-aanbieders"])
    assert uit.exit_code == 0, uit.output
    return tmp_path


@pytest.mark.django_db
def test_simuleer_defaults_to_the_gemeente_policy_and_can_run_without(caseload):
    from maatwerk.apps.herindicatie.models import Simulatie

    basis = ["herindicatie", "simuleer", "--kader", "test", "--peildatum", "2021-03-01", "-o"]
    uit = CliRunner().invoke(cli, [*basis, str(caseload / "u.csv")])
    assert uit.exit_code == 0, uit.output
    assert Simulatie.objects.get().beleid == "voorbeeldstad"
    assert "voorbeeldstad/" in uit.output
    zonder = CliRunner().invoke(cli, [*basis, str(caseload / "z.csv"), "--zonder-beleid"])
    assert zonder.exit_code == 0, zonder.output
    assert Simulatie.objects.order_by("-pk").first().beleid == ""
    beide = CliRunner().invoke(cli, [*basis, "x.csv", "--zonder-beleid", "--beleid", "denhaag-2017"])
    assert beide.exit_code == 2 and "niet beide" in beide.output

"""The guard: a configuration that would give 'voldoet niet' cannot be used to issue beschikkingen."""

import datetime as dt
from pathlib import Path

import pytest

from maatwerk.regels.laden import Regelfout
from maatwerk.toets.bewaking import ConfiguratieAfgekeurd, controleer_configuratie

PEIL = dt.date(2024, 1, 1)


def test_voorbeeldstad_is_compliant():
    oordeel = controleer_configuratie("Voorbeeldstad", PEIL)
    assert oordeel.oordeel == "voldoet"
    assert oordeel.gemeente == "Voorbeeldstad"


def test_bare_resultatenmatrix_without_hours_is_refused_with_the_reason():
    with pytest.raises(ConfiguratieAfgekeurd) as exc:
        controleer_configuratie("Resultaatdorp", PEIL)
    assert exc.value.oordeel.oordeel == "voldoet_niet"
    assert "Resultaatdorp mag op 2024-01-01 geen beschikkingen afgeven" in exc.value.reden
    assert "resultatenmatrix 'h4'" in exc.value.reden
    assert "geen tijd" in exc.value.reden


def test_unknown_gemeente_and_period():
    with pytest.raises(Regelfout, match="geen configuratie voor gemeente 'Nergenshuizen'"):
        controleer_configuratie("Nergenshuizen", PEIL)
    with pytest.raises(Regelfout, match="geen configuratie die geldt op 2019-01-01"):
        controleer_configuratie("Voorbeeldstad", dt.date(2019, 1, 1))


CONFIG = """gemeente: Proefdorp
configuraties:
  - valid_from: 2020-01-01
    valid_until: 2021-12-31
    normenkader: kpmg-hbel
    beleid:
      hh1: maatwerk
      hh2: maatwerk
      indicatie: uren
      omvang_bepaald_door: college
      beschikking_vermeldt: [tijd]
      normering: {bron: onafhankelijk_onderzoek}
  - valid_from: 2022-01-01
    normenkader: kpmg-hbel
    beleid:
      hh1: maatwerk
      inkomens_of_vermogenstoets: true
"""


def _map(tmp_path: Path, tekst: str) -> Path:
    (tmp_path / "proefdorp.yaml").write_text(tekst, encoding="utf-8")
    return tmp_path


def test_versions_by_date(tmp_path):
    map_ = _map(tmp_path, CONFIG)
    assert controleer_configuratie("Proefdorp", dt.date(2021, 6, 1), map_).oordeel == "voldoet"
    with pytest.raises(ConfiguratieAfgekeurd, match="inkomens- of vermogenstoets"):
        controleer_configuratie("proefdorp", dt.date(2022, 6, 1), map_)


def test_onbekend_is_returned_not_refused(tmp_path):
    map_ = _map(tmp_path, CONFIG.replace("      normering: {bron: onafhankelijk_onderzoek}\n", ""))
    oordeel = controleer_configuratie("Proefdorp", dt.date(2021, 6, 1), map_)
    assert oordeel.oordeel == "onbekend" and "normering.bron" in oordeel.ontbrekend


@pytest.mark.parametrize(
    ("oud", "nieuw", "melding"),
    [
        (
            "normenkader: kpmg-hbel\n    beleid:\n      hh1: maatwerk\n      hh2",
            "normenkader: bestaat-niet\n    beleid:\n      hh1: maatwerk\n      hh2",
            "configuraties.0.normenkader: onbekend normenkader 'bestaat-niet'",
        ),
        (
            "      hh1: maatwerk\n      hh2",
            "      hh1: soms\n      hh2",
            "proefdorp.yaml:7: configuraties.0.beleid.hh1: ongeldige waarde 'soms'",
        ),
        ("valid_until: 2021-12-31", "valid_until: 2022-06-30", "overlapt"),
        (
            "    normenkader: kpmg-hbel\n    beleid:\n      hh1: maatwerk\n      hh2",
            "    beleid:\n      hh1: maatwerk\n      hh2",
            "geef een normenkader, een resultatenmatrix of beide",
        ),
    ],
)
def test_bad_configuration_is_a_dutch_error_with_file_and_key(tmp_path, oud, nieuw, melding):
    assert oud in CONFIG
    map_ = _map(tmp_path, CONFIG.replace(oud, nieuw, 1))
    with pytest.raises(Regelfout) as exc:
        controleer_configuratie("Proefdorp", dt.date(2021, 6, 1), map_)
    assert melding in str(exc.value)


def test_configuration_without_normenkader_cannot_claim_hours(tmp_path):
    """Claims of hours in the beschikking are overridden when no normenkader is activated."""
    tekst = CONFIG.replace("    normenkader: kpmg-hbel\n", "    resultatenmatrix: h4\n", 1)
    map_ = _map(tmp_path, tekst)
    with pytest.raises(ConfiguratieAfgekeurd) as exc:
        controleer_configuratie("Proefdorp", dt.date(2021, 6, 1), map_)
    assert "geen normenkader geactiveerd" in exc.value.reden


def test_engine_must_choose_the_same_normenkader(tmp_path):
    tekst = CONFIG.replace("gemeente: Proefdorp", "gemeente: Voorbeeldstad").replace(
        "normenkader: kpmg-hbel", "normenkader: h4", 1
    )
    (tmp_path / "voorbeeldstad.yaml").write_text(tekst, encoding="utf-8")
    with pytest.raises(Regelfout, match="normenkader 'kpmg-hbel' noemt Voorbeeldstad"):
        controleer_configuratie("Voorbeeldstad", dt.date(2021, 6, 1), tmp_path)


def test_overgangsbeleid_must_be_a_shipped_policy(tmp_path):
    from maatwerk.toets.bewaking import laad_gemeente

    assert laad_gemeente("Voorbeeldstad").overgangsbeleid == "voorbeeldstad"
    mappen = [tmp_path / naam for naam in ("zonder", "met", "fout")]
    for map_ in mappen:
        map_.mkdir()
    assert laad_gemeente("Proefdorp", _map(mappen[0], CONFIG)).overgangsbeleid is None
    map_ = _map(mappen[1], CONFIG.replace("configuraties:", "overgangsbeleid: westland-2019\nconfiguraties:"))
    assert laad_gemeente("Proefdorp", map_).overgangsbeleid == "westland-2019"
    map_ = _map(mappen[2], CONFIG.replace("configuraties:", "overgangsbeleid: onbekend\nconfiguraties:"))
    with pytest.raises(Regelfout, match=r"proefdorp\.yaml:2: overgangsbeleid: onbekend overgangsbeleid"):
        laad_gemeente("Proefdorp", map_)

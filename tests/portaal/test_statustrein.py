"""The status train the inwoner sees, from the portal rules (data): which steps, which stand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.cases.models import Status
from maatwerk.apps.cases.status import OVERGANGEN
from maatwerk.apps.portaal.regels import Portaalregels, alle_versies, portaalregels_op
from maatwerk.apps.portaal.statustrein import statustrein
from maatwerk.regels.laden import Regelfout, laad

REGELS = portaalregels_op(dt.date(2026, 1, 1))
D = dt.date(2026, 3, 1)


def _titels(trein) -> list[str]:  # noqa: ANN001
    return [s.titel for s in trein]


def test_de_stappen_in_b1():
    assert _titels(statustrein(REGELS, Status.ONTVANGEN, [(Status.ONTVANGEN, D)])) == [
        "Melding ontvangen",
        "Gesprek",
        "Aanvraag",
        "Besluit",
        "Hulp geregeld",
        "Hulp gestart",
        "Beëindigd",
    ]


def test_stand_en_datum():
    events = [(Status.ONTVANGEN, D), (Status.IN_ONDERZOEK, D + dt.timedelta(days=3))]
    trein = statustrein(REGELS, Status.IN_ONDERZOEK, events)
    assert [s.stand for s in trein[:3]] == ["klaar", "nu", "straks"]
    assert trein[0].datum == D and trein[1].datum == D + dt.timedelta(days=3) and trein[2].datum is None


def test_afgewezen_verlaat_de_trein():
    events = [(Status.ONTVANGEN, D), (Status.IN_ONDERZOEK, D), (Status.AANVRAAG, D), (Status.AFGEWEZEN, D)]
    trein = statustrein(REGELS, Status.AFGEWEZEN, events)
    assert _titels(trein) == ["Melding ontvangen", "Gesprek", "Aanvraag", "Afgewezen"]
    assert trein[-1].stand == "nu"


def test_status_die_niet_getoond_wordt(tmp_path: Path):
    """A gemeente that does not show 'aanvraag': the inwoner keeps seeing 'Gesprek' and gets no mail."""
    tekst = (Path(__file__).parents[2] / "maatwerk/regels/portaal/2015-01-01.yaml").read_text(
        encoding="utf-8"
    )
    tekst = tekst.replace(
        "  - id: aanvraag\n    titel: Aanvraag\n"
        "    uitleg: We hebben uw aanvraag gekregen. We nemen zo snel mogelijk een besluit.\n"
        "    statussen: [aanvraag]\n",
        "",
    ).replace("niet_tonen: []", "niet_tonen: [aanvraag]")
    (tmp_path / "2015-01-01.yaml").write_text(tekst, encoding="utf-8")
    regels = laad(Portaalregels, tmp_path / "2015-01-01.yaml")
    trein = statustrein(
        regels, Status.AANVRAAG, [(Status.ONTVANGEN, D), (Status.IN_ONDERZOEK, D), (Status.AANVRAAG, D)]
    )
    assert "Aanvraag" not in _titels(trein)
    assert next(s for s in trein if s.stand == "nu").titel == "Gesprek"
    assert regels.stap_van(Status.AANVRAAG) is None


@pytest.mark.parametrize(
    ("vervang", "door", "melding"),
    [
        ("statussen: [ontvangen]", "statussen: [ontvangen, binnen]", "onbekende status 'binnen'"),
        (
            "statussen: [ingetrokken]",
            "statussen: [afgewezen]",
            "status 'afgewezen' staat bij meer dan één stap",
        ),
        ("niet_tonen: []", "niet_tonen: [ontvangen]", "status 'ontvangen' staat bij meer dan één stap"),
        ("    statussen: [beeindigd]\n", "    statussen: [levering_gestart]\n", "meer dan één stap"),
        ("De nieuwe stap is: {stap}.", "Uw BSN is {bsn}.", "onbekende plaatshouder {bsn}"),
        ("titel: Gesprek\n", "titel: Gesprek\n    kleur: rood\n", "kleur"),
    ],
)
def test_loader_weigert_fouten(tmp_path: Path, vervang: str, door: str, melding: str):
    tekst = (Path(__file__).parents[2] / "maatwerk/regels/portaal/2015-01-01.yaml").read_text(
        encoding="utf-8"
    )
    assert vervang in tekst
    (tmp_path / "2015-01-01.yaml").write_text(tekst.replace(vervang, door, 1), encoding="utf-8")
    with pytest.raises(Regelfout, match=melding):
        laad(Portaalregels, tmp_path / "2015-01-01.yaml")


def test_elke_status_ontbrekend_wordt_genoemd(tmp_path: Path):
    tekst = (Path(__file__).parents[2] / "maatwerk/regels/portaal/2015-01-01.yaml").read_text(
        encoding="utf-8"
    )
    (tmp_path / "2015-01-01.yaml").write_text(
        tekst.replace("statussen: [ingetrokken]", "statussen: []"), "utf-8"
    )
    with pytest.raises(Regelfout):
        laad(Portaalregels, tmp_path / "2015-01-01.yaml")


def test_pakketversie_is_geldig():
    assert len(alle_versies()) >= 1
    assert REGELS.voorziening == "Hulp bij het huishouden"


def _paden() -> st.SearchStrategy[list[str]]:
    """Valid walks along the status train from 'ontvangen' (OVERGANGEN of the cases app)."""

    @st.composite
    def pad(draw: st.DrawFn) -> list[str]:
        statussen = [str(Status.ONTVANGEN)]
        while OVERGANGEN[statussen[-1]] and draw(st.booleans()):
            statussen.append(draw(st.sampled_from(sorted(OVERGANGEN[statussen[-1]]))))
        return statussen

    return pad()


@given(_paden())
def test_precies_een_stap_is_nu_en_alles_ervoor_klaar(pad: list[str]):
    trein = statustrein(REGELS, pad[-1], [(s, D + dt.timedelta(days=i)) for i, s in enumerate(pad)])
    standen = [s.stand for s in trein]
    assert standen.count("nu") == 1
    nu = standen.index("nu")
    assert set(standen[:nu]) <= {"klaar"} and set(standen[nu + 1 :]) <= {"straks"}
    bereikt = {REGELS.stap_van(s).id for s in pad}
    assert all(s.datum is not None for s in trein[: nu + 1] if s.id in bereikt)
    assert all(s.datum is None for s in trein if s.id not in bereikt)  # skipped or to come: no date
    assert trein[nu].titel == REGELS.stap_van(pad[-1]).titel


@given(st.from_regex(r"[a-z_]{1,12}", fullmatch=True))
def test_alleen_bekende_plaatshouders(naam: str):
    from maatwerk.apps.portaal.regels import PLAATSHOUDERS, Bericht

    tekst = f"Nieuwe stap: {{{naam}}}."
    if naam in PLAATSHOUDERS:
        assert Bericht(onderwerp="x", tekst=tekst).tekst == tekst
    else:
        with pytest.raises(ValueError, match="onbekende plaatshouder"):
            Bericht(onderwerp="x", tekst=tekst)

"""Properties of the audit chain (pure, no database): every single change or removal is found at
the row where it happened."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.apps.audit.keten import BEGIN, bereken_hash, controleer_keten

SLEUTEL = "test-sleutel"
tekst = st.text(max_size=40)


@st.composite
def ketens(draw: st.DrawFn) -> list[dict]:
    rijen, vorige = [], BEGIN
    begin = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for nummer in range(1, draw(st.integers(1, 12)) + 1):
        rij = {
            "id": nummer * 10,
            "volgnummer": nummer,
            "tijdstip": begin + dt.timedelta(microseconds=draw(st.integers(0, 10**12))),
            "gebruiker_id": draw(st.none() | st.integers(1, 99)),
            "gebruikersnaam": draw(tekst),
            "client_id": draw(st.none() | st.integers(1, 10**6)),
            "actie": draw(st.sampled_from(["lezen", "schrijven"])),
            "wat": draw(tekst),
            "waarom": draw(tekst),
            "vorige_hash": vorige,
        }
        rij["hash"] = vorige = bereken_hash(SLEUTEL, rij, vorige)
        rijen.append(rij)
    return rijen


def _anders(veld: str, oud: object) -> object:
    if veld == "client_id":
        return (oud or 0) + 1  # type: ignore[operator]
    if veld == "tijdstip":
        return oud + dt.timedelta(microseconds=1)  # type: ignore[operator]
    if veld == "actie":
        return "schrijven" if oud == "lezen" else "lezen"
    return f"{oud}x"


@given(ketens())
def test_ongeschonden_keten_is_geldig(rijen):
    uitkomst = controleer_keten(SLEUTEL, rijen)
    assert uitkomst.geldig and uitkomst.aantal == len(rijen) and uitkomst.laatste_hash == rijen[-1]["hash"]


@settings(max_examples=200)
@given(ketens(), st.data())
def test_elke_wijziging_wordt_gevonden_op_die_regel(rijen, data):
    plek = data.draw(st.integers(0, len(rijen) - 1))
    veld = data.draw(st.sampled_from(["gebruikersnaam", "wat", "waarom", "actie", "client_id", "tijdstip"]))
    rijen[plek] = {**rijen[plek], veld: _anders(veld, rijen[plek][veld])}
    uitkomst = controleer_keten(SLEUTEL, rijen)
    assert not uitkomst.geldig and uitkomst.breuk_id == rijen[plek]["id"] and uitkomst.aantal == plek


@given(ketens().filter(lambda r: len(r) >= 2), st.data())
def test_elke_verwijderde_regel_wordt_gevonden(rijen, data):
    plek = data.draw(st.integers(0, len(rijen) - 2))
    del rijen[plek]
    uitkomst = controleer_keten(SLEUTEL, rijen)
    assert not uitkomst.geldig and uitkomst.breuk_id == rijen[plek]["id"]

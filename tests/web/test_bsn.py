"""BSN 11-proef: pure check, synthetic generator, Django validator."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.apps.clients.bsn import bsn_som, is_geldig_bsn, maak_bsn
from maatwerk.apps.clients.validators import valideer_bsn


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999996356"])
def test_bekende_geldige_bsns(bsn):
    assert is_geldig_bsn(bsn)


@pytest.mark.parametrize(
    "bsn",
    ["123456789", "000000000", "12345678", "1234567820", "12345678a", " 11122233", "１１１２２２３３３"],
)
def test_ongeldige_bsns(bsn):
    assert not is_geldig_bsn(bsn)


@given(st.integers(min_value=0, max_value=10**9))
def test_gegenereerd_bsn_is_geldig(basis):
    bsn = maak_bsn(basis)
    assert len(bsn) == 9 and bsn.isdigit() and is_geldig_bsn(bsn)


@given(
    st.integers(min_value=1, max_value=10**8),
    st.integers(min_value=0, max_value=8),
    st.integers(min_value=1, max_value=9),
)
def test_elke_enkele_cijferfout_wordt_gevonden(basis, positie, delta):
    bsn = maak_bsn(basis)
    cijfer = (int(bsn[positie]) + delta) % 10
    fout = bsn[:positie] + str(cijfer) + bsn[positie + 1 :]
    assert not is_geldig_bsn(fout)


@given(st.text(max_size=12))
def test_willekeurige_tekst_nooit_een_fout(tekst):
    uitkomst = is_geldig_bsn(tekst)
    assert uitkomst == (
        len(tekst) == 9
        and tekst.isascii()
        and tekst.isdigit()
        and bsn_som(tekst) % 11 == 0
        and bsn_som(tekst) != 0
    )


def test_django_validator_meldt_in_het_nederlands():
    valideer_bsn("111222333")
    with pytest.raises(ValidationError, match="elfproef"):
        valideer_bsn("123456789")
    with pytest.raises(ValidationError, match="9 cijfers"):
        valideer_bsn("1234")

"""The Algemene termijnenwet calendar, tested against the law (art. 3), not against a holiday library."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from maatwerk.termijnen import (
    KalenderOnbekend,
    eerstvolgende_werkdag,
    feestdag,
    feestdagen,
    is_werkdag,
    pasen,
    werkdagen_na,
    werkdagen_tussen,
)

D = dt.date


@pytest.mark.parametrize(
    ("jaar", "paaszondag"),
    [
        (2000, D(2000, 4, 23)),
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2028, D(2028, 4, 16)),
        (2038, D(2038, 4, 25)),  # latest possible date
        (2285, D(2285, 3, 22)),  # earliest possible date
    ],
)
def test_pasen(jaar, paaszondag):
    assert pasen(jaar) == paaszondag
    assert paaszondag.weekday() == 6


def test_feestdagen_2026_precies_volgens_artikel_3():
    """Atw art. 3 lid 1 (every year), lid 2 (Goede Vrijdag) and lid 3 (Besluit gelijkstelling 2026-2028)."""
    assert sorted(feestdagen(2026)) == [
        D(2026, 1, 1),  # Nieuwjaarsdag (lid 1)
        D(2026, 1, 2),  # gelijkgesteld (lid 3)
        D(2026, 4, 3),  # Goede Vrijdag (lid 2)
        D(2026, 4, 6),  # tweede Paasdag (lid 1)
        D(2026, 4, 27),  # Koningsdag (lid 1; Besluit van 30 januari 2013)
        D(2026, 5, 5),  # de vijfde mei (lid 1)
        D(2026, 5, 14),  # Hemelvaartsdag (lid 1)
        D(2026, 5, 15),  # gelijkgesteld (lid 3)
        D(2026, 5, 25),  # tweede Pinksterdag (lid 1)
        D(2026, 12, 25),  # beide Kerstdagen (lid 1)
        D(2026, 12, 26),
    ]


def test_geen_algemene_feestdagenkalender():
    # Eerste Paas- en Pinksterdag are Sundays anyway; 1 mei, 4 mei and oudejaarsdag are no Atw days.
    for dag in (D(2026, 5, 1), D(2026, 5, 4), D(2026, 12, 31), D(2027, 12, 31)):
        assert feestdag(dag) is None and is_werkdag(dag)
    assert feestdag(D(2026, 4, 5)) is None  # Eerste Paasdag: not named in art. 3 (but a Sunday)


def test_koningsdag_op_zaterdag_als_27_april_een_zondag_is():
    # 27 april 2025 is a Sunday: the King's birthday was celebrated on Saturday 26 April 2025.
    assert feestdag(D(2025, 4, 26)) == "Koningsdag"
    assert feestdag(D(2025, 4, 27)) is None
    assert feestdag(D(2026, 4, 27)) == "Koningsdag"


def test_gelijkgestelde_dagen_per_periode():
    for dag in (D(2026, 1, 2), D(2026, 5, 15), D(2027, 5, 7), D(2028, 4, 28), D(2028, 5, 26)):
        assert not is_werkdag(dag), dag
    assert feestdag(D(2027, 5, 7)) == "gelijkgestelde dag (Atw art. 3 lid 3)"
    assert D(2027, 5, 7) not in feestdagen(2026)  # each year only its own days


def test_elke_gelijkgestelde_dag_is_een_brugdag():
    """Data check: each equated day (art. 3 lid 3) is a Monday or Friday next to a feestdag of lid 1 or 2."""
    from maatwerk.termijnen.regels import feestdagen_op

    for besluit in feestdagen_op(D(2026, 1, 1)).gelijkgesteld:
        for dag in besluit.dagen:
            assert dag.weekday() in (0, 4), dag
            buur = dag + dt.timedelta(days=1 if dag.weekday() == 0 else -1)
            naam = feestdag(buur)
            assert naam and not naam.startswith("gelijkgestelde"), (dag, buur)


def test_jaar_zonder_gelijkstellingsbesluit_wordt_geweigerd():
    with pytest.raises(KalenderOnbekend, match="Geen gelijkstellingsbesluit .* 2029"):
        is_werkdag(D(2029, 3, 1))
    with pytest.raises(KalenderOnbekend, match="niet vastgelegd voor 2010"):
        feestdagen(2010)


def test_eerstvolgende_werkdag_en_werkdagen_na():
    assert eerstvolgende_werkdag(D(2026, 5, 14)) == D(2026, 5, 18)  # Hemelvaart, brugdag, weekend
    assert eerstvolgende_werkdag(D(2026, 5, 13)) == D(2026, 5, 13)
    # iWmo: the 3rd working day after Friday 24 April 2026 skips the weekend and Koningsdag.
    assert werkdagen_na(D(2026, 4, 24), 3) == D(2026, 4, 30)
    assert werkdagen_na(D(2026, 4, 24), 0) == D(2026, 4, 24)
    assert werkdagen_na(D(2026, 12, 23), 2) == D(2026, 12, 28)
    assert werkdagen_tussen(D(2026, 12, 21), D(2026, 12, 27)) == 4
    with pytest.raises(ValueError):
        werkdagen_na(D(2026, 1, 5), -1)


def test_zuivere_module_importeert_geen_django():
    code = (
        "import sys, maatwerk.termijnen, maatwerk.cli.termijn; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0

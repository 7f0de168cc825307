"""Shared CLI option parsing: dates (click type and callback) and the ``Fout: ...`` exit code 2."""

from __future__ import annotations

import datetime as dt

import click
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.cli.opties import DATUM, datum_optie, stop


@click.command()
@click.option("--peildatum", callback=datum_optie)
@click.option("--datum", type=DATUM)
@click.option("--fout")
def proef(peildatum: dt.date | None, datum: dt.date | None, fout: str | None) -> None:
    if fout:
        stop(fout)
    click.echo(f"{peildatum!r} {datum!r}")


@given(st.dates())
def test_iso_dates_round_trip(d: dt.date):
    uit = CliRunner().invoke(proef, ["--peildatum", d.isoformat(), "--datum", d.isoformat()])
    assert uit.exit_code == 0
    assert uit.output == f"{d!r} {d!r}\n"


def test_no_date_given_is_none():
    uit = CliRunner().invoke(proef, [])
    assert uit.exit_code == 0 and uit.output == "None None\n"


def test_bad_date_in_callback_names_the_option_and_exits_2():
    uit = CliRunner().invoke(proef, ["--peildatum", "2021-02-30"])
    assert uit.exit_code == 2
    assert uit.stderr == "Fout: --peildatum: '2021-02-30' is geen geldige datum (verwacht JJJJ-MM-DD)\n"
    assert uit.stdout == ""


def test_bad_date_type_is_a_usage_error_exit_2():
    uit = CliRunner().invoke(proef, ["--datum", "1-1-2021"])
    assert uit.exit_code == 2
    assert "'1-1-2021' is geen geldige datum (verwacht JJJJ-MM-DD)" in uit.stderr


def test_stop_prints_fout_on_stderr_and_exits_2():
    uit = CliRunner().invoke(proef, ["--fout", "kolom x ontbreekt"])
    assert uit.exit_code == 2
    assert uit.stderr == "Fout: kolom x ontbreekt\n" and uit.stdout == ""

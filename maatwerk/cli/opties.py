"""Option parsing shared by the ``maatwerk`` subcommands: dates and the ``Fout: ...`` exit."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any, NoReturn

import click


def stop(tekst: object) -> NoReturn:
    """Print ``Fout: <tekst>`` on stderr and exit with code 2 (bad input)."""
    click.echo(f"Fout: {tekst}", err=True)
    sys.exit(2)


def datum_optie(ctx: click.Context, param: click.Parameter, waarde: str | None) -> dt.date | None:
    """Click callback for an optional ``JJJJ-MM-DD`` option; a bad date stops with ``Fout: --optie: ...``."""
    if waarde is None:
        return None
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError:
        stop(f"{param.opts[0]}: '{waarde}' is geen geldige datum (verwacht JJJJ-MM-DD)")


class Datum(click.ParamType):
    """Click type for a ``JJJJ-MM-DD`` date; a bad value is a click usage error (exit code 2)."""

    name = "datum"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is geen geldige datum (verwacht JJJJ-MM-DD)", param, ctx)


DATUM = Datum()

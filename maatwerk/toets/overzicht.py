"""Overview of many tested policies, like a rekenkamer report: HTML (accessible, printable), CSV, Markdown.

Each row: gemeente, peildatum, oordeel, main reason, conditions, missing facts, file. Files that could
not be tested (invalid YAML or vocabulary) are listed separately with their Dutch error.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from maatwerk.toets.oordeel import Oordeel
from maatwerk.veilig import neutraliseer_rij

LABEL = {"voldoet": "Voldoet", "voldoet_niet": "Voldoet niet", "onbekend": "Onbekend"}
KOLOMMEN = ["gemeente", "peildatum", "oordeel", "hoofdreden", "voorwaarden", "ontbrekend", "bestand"]


@dataclass(frozen=True)
class Ongeldig:
    """A file that could not be tested, with its Dutch error."""

    bestand: str
    fout: str


def _rij(o: Oordeel) -> list[str]:
    return [
        o.naam,
        o.peildatum.isoformat() if o.peildatum else "",
        o.oordeel,
        o.hoofdreden,
        "; ".join(o.voorwaarden),
        ", ".join(o.ontbrekend),
        o.bestand or "",
    ]


def _telling(oordelen: Sequence[Oordeel]) -> Counter[str]:
    return Counter(o.oordeel for o in oordelen)


def naar_csv(oordelen: Sequence[Oordeel], ongeldig: Sequence[Ongeldig] = ()) -> str:
    """CSV with a header row; invalid files get oordeel ``ongeldig`` and the error as reason."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\n")
    schrijver.writerow(KOLOMMEN)
    for o in oordelen:
        schrijver.writerow(neutraliseer_rij(_rij(o)))
    for f in ongeldig:
        schrijver.writerow(neutraliseer_rij(["", "", "ongeldig", f.fout, "", "", f.bestand]))
    return uit.getvalue()


def _md(tekst: str) -> str:
    return tekst.replace("|", "\\|").replace("\n", " ")


def naar_markdown(oordelen: Sequence[Oordeel], ongeldig: Sequence[Ongeldig] = (), titel: str = "") -> str:
    """A Markdown report: summary, one table row per policy, then the files that were not tested."""
    titel = titel or "Beleidstoets hulp bij het huishouden"
    telling = _telling(oordelen)
    regels = [
        f"# {titel}",
        "",
        f"Getoetst: {len(oordelen)} beleidsbestanden; "
        + ", ".join(f"{LABEL[k].lower()}: {telling.get(k, 0)}" for k in LABEL)
        + (f"; niet getoetst: {len(ongeldig)}" if ongeldig else "")
        + ".",
        "",
        "| Gemeente | Peildatum | Oordeel | Belangrijkste reden |",
        "|---|---|---|---|",
    ]
    for o in oordelen:
        regels.append(f"| {_md(o.naam)} | {o.peildatum or ''} | {LABEL[o.oordeel]} | {_md(o.hoofdreden)} |")
    if ongeldig:
        regels += ["", "## Niet getoetst (ongeldige bestanden)", ""]
        regels += [f"- `{_md(f.bestand)}`: {_md(f.fout)}" for f in ongeldig]
    return "\n".join(regels) + "\n"


_CSS = """
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;color:#1a1a1a;margin:2rem;max-width:75rem;
line-height:1.5}
h1{font-size:1.6rem}table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:bold;
margin-bottom:.5rem}th,td{border:1px solid #6b6b6b;padding:.4rem .6rem;text-align:left;vertical-align:top}
thead th{background:#e8e8e8}.oordeel{font-weight:bold;white-space:nowrap}
.voldoet{color:#1d5e20}.voldoet_niet{color:#a3111a}.onbekend{color:#5a4a00}
@media print{body{margin:0;font-size:10pt}thead{display:table-header-group}tr{break-inside:avoid}
a{color:inherit;text-decoration:none}}
"""


def naar_html(oordelen: Sequence[Oordeel], ongeldig: Sequence[Ongeldig] = (), titel: str = "") -> str:
    """A self-contained, accessible and printable HTML report (no script, verdicts in words, not colour)."""
    e = html.escape
    titel = titel or "Beleidstoets hulp bij het huishouden"
    telling = _telling(oordelen)
    samenvatting = "".join(f"<li>{LABEL[k]}: {telling.get(k, 0)}</li>" for k in LABEL)
    if ongeldig:
        samenvatting += f"<li>Niet getoetst (ongeldig bestand): {len(ongeldig)}</li>"
    rijen = "\n".join(
        f'<tr><th scope="row">{e(o.naam)}</th><td>{e(str(o.peildatum or ""))}</td>'
        f'<td class="oordeel {o.oordeel}">{LABEL[o.oordeel]}</td><td>{e(o.hoofdreden)}</td></tr>'
        for o in oordelen
    )
    fouten = ""
    if ongeldig:
        items = "".join(f"<li><code>{e(f.bestand)}</code>: {e(f.fout)}</li>" for f in ongeldig)
        fouten = (
            f'<section aria-labelledby="ongeldig"><h2 id="ongeldig">Niet getoetst</h2><ul>{items}</ul>'
            "</section>"
        )
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(titel)}</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<h1>{e(titel)}</h1>
<p>Getoetst aan de Wmo 2015 en de jurisprudentie van de Centrale Raad van Beroep (maatwerk beleidstoets),
opgemaakt op {dt.date.today().isoformat()}.</p>
<section aria-labelledby="samenvatting"><h2 id="samenvatting">Samenvatting</h2>
<ul>{samenvatting}</ul></section>
<table>
<caption>Oordeel per gemeente</caption>
<thead><tr><th scope="col">Gemeente</th><th scope="col">Peildatum</th><th scope="col">Oordeel</th>
<th scope="col">Belangrijkste reden</th></tr></thead>
<tbody>
{rijen}
</tbody>
</table>
{fouten}
</main>
</body>
</html>
"""


SCHRIJVERS = {".html": naar_html, ".htm": naar_html, ".csv": naar_csv, ".md": naar_markdown}


def schrijf_overzicht(pad: Path, oordelen: Sequence[Oordeel], ongeldig: Sequence[Ongeldig] = ()) -> None:
    """Write the overview in the format its suffix names (.html, .csv or .md)."""
    schrijver = SCHRIJVERS.get(pad.suffix.lower())
    if schrijver is None:
        raise ValueError(f"onbekend formaat '{pad.suffix}': kies .html, .csv of .md")
    pad.write_text(schrijver(oordelen, ongeldig), encoding="utf-8")

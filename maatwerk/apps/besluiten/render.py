"""Render a :class:`~.brief.Beschikkinggegevens` to HTML and PDF (WeasyPrint).

Uses a standalone Django template engine on this app's templates (Django must be set up, no database or
request needed). The stored HTML embeds the print CSS; the PDF gets the same CSS as a pre-parsed
stylesheet with a shared font configuration, which keeps a render well under 0.3 s.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from django.template import Context, Engine

from maatwerk.apps.besluiten.brief import Beschikkinggegevens

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _engine() -> Engine:
    return Engine(dirs=[str(TEMPLATES)], autoescape=True, debug=False)


@cache
def brief_css() -> str:
    """The letter's print CSS (also embedded in the stored HTML)."""
    return (TEMPLATES / "besluiten" / "brief" / "brief.css").read_text(encoding="utf-8")


@cache
def _weasy() -> tuple[Any, Any]:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return CSS(string=brief_css(), font_config=fonts), fonts


def render_html(gegevens: Beschikkinggegevens, met_css: bool = True) -> str:
    """The complete HTML document of the letter (self-contained when ``met_css``)."""
    template = _engine().get_template("besluiten/brief/brief.html")
    return template.render(Context({"b": gegevens, "css": brief_css() if met_css else ""}))


def render_inhoud(gegevens: Beschikkinggegevens) -> str:
    """Only the letter body (for showing inside a page of the web app)."""
    return _engine().get_template("besluiten/brief/inhoud.html").render(Context({"b": gegevens}))


def render_pdf(gegevens: Beschikkinggegevens) -> bytes:
    """PDF bytes of the letter: tagged PDF (structure for screen readers, language nl), DejaVu Sans."""
    from weasyprint import HTML

    css, fonts = _weasy()
    html = render_html(gegevens, met_css=False)
    return HTML(string=html, base_url=str(TEMPLATES)).write_pdf(
        stylesheets=[css], font_config=fonts, pdf_tags=True
    )


def inhoudshash(html: str, pdf: bytes) -> str:
    """SHA-256 over the stored HTML and PDF: the letter's content hash."""
    h = hashlib.sha256()
    h.update(html.encode("utf-8"))
    h.update(b"\x00")
    h.update(pdf)
    return h.hexdigest()

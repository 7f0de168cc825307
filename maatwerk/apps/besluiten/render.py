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


#: Every letter is a PDF/UA-1 document: tagged, with language, title (shown as the window title) and
#: XMP metadata. WeasyPrint writes all of that for this variant; tests check it with pikepdf.
PDF_VARIANT = "pdf/ua-1"


def html_naar_pdf(
    html: str, base_url: str, stylesheets: list[Any] | None = None, font_config: Any = None
) -> bytes:
    """A letter's HTML as PDF/UA-1 (the HTML must have ``<html lang>`` and a ``<title>``)."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf(
        stylesheets=stylesheets, font_config=font_config, pdf_variant=PDF_VARIANT, pdf_tags=True
    )


def render_pdf(gegevens: Beschikkinggegevens) -> bytes:
    """PDF bytes of the letter: PDF/UA-1 (tagged, language nl, title, XMP metadata), DejaVu Sans."""
    css, fonts = _weasy()
    html = render_html(gegevens, met_css=False)
    return html_naar_pdf(html, str(TEMPLATES), [css], fonts)


def inhoudshash(html: str, pdf: bytes) -> str:
    """SHA-256 over the stored HTML and PDF: the letter's content hash."""
    h = hashlib.sha256()
    h.update(html.encode("utf-8"))
    h.update(b"\x00")
    h.update(pdf)
    return h.hexdigest()

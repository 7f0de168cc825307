"""End-to-end fixtures: one headless Chromium (Debian package) per session, a live server per test.

Playwright drives ``/usr/bin/chromium`` (never ``playwright install``). The app runs in pytest-django's
``live_server`` (static files through Django's finders, so the NL Design System CSS and htmx from
``make install`` are served). These tests are transactional (the server thread must see the data), so
the database is emptied after each one; pytest-django runs them after all other database tests, and
the ``demo`` fixture recreates the role groups that the data migration made.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM = os.environ.get("MAATWERK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
WACHTWOORD = "maatwerk-demo"
# The screens shown in README.md (section web, "Schermen"); other screenshots stay in the test's tmp dir.
README_SCHERMEN = {
    "werklijst",
    "zaak",
    "onderzoek",
    "besluit",
    "aanbieder-zaak",
    "beschikking",
    "auditlog",
    "beleidstoets",
}

# Playwright's sync API keeps an asyncio loop in this thread; the ORM calls in the tests themselves
# (fixtures, assertions on stored rows) are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.fail(f"Chromium ontbreekt ({CHROMIUM}); installeer het Debian-pakket 'chromium'.")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(
        viewport=VIEWPORT, locale="nl-NL", timezone_id="Europe/Amsterdam", accept_downloads=True
    )
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


# axe-core restores the style attributes it touches to "" (the hash of the empty string); that is
# the checker at work, not the app. Every other CSP violation (inline script or style) fails the test.
LEGE_STIJL = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="


def _csp_schending(soort: str, tekst: str) -> bool:
    return soort == "error" and "Content Security Policy" in tekst and LEGE_STIJL not in tekst


@pytest.fixture
def page(context: BrowserContext) -> Page:
    page = context.new_page()
    fouten: list[str] = []
    page.on("pageerror", lambda exc: fouten.append(str(exc)))
    page.on("console", lambda m: fouten.append(m.text) if _csp_schending(m.type, m.text) else None)
    page.js_fouten = fouten  # type: ignore[attr-defined]
    return page


def _schermafdrukken() -> bool:
    return os.environ.get("MAATWERK_SCHERMAFDRUKKEN") == "1"


@pytest.fixture
def demo(live_server, settings) -> dict:
    """Demo users per role (password ``maatwerk-demo``), the four aanbieders and synthetic clients.

    A fast password hasher keeps the per-test setup short (the live server runs in this process).
    For the README screenshots the full demo municipality (200 clients) is loaded.
    """
    from django.contrib.auth.models import Group

    from maatwerk.apps.accounts.rollen import Rol
    from maatwerk.apps.cases.demo import laad_demo

    for rol in Rol.values:
        Group.objects.get_or_create(name=rol)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    standaard = "200" if _schermafdrukken() else "16"
    gebruikers, _ = laad_demo(int(os.environ.get("MAATWERK_E2E_CLIENTS", standaard)))
    return {g.gebruikersnaam: g for g in gebruikers}


@pytest.fixture
def demo_volledig(demo) -> dict:
    """``demo`` plus every app's ``webdemo.laad_demo()`` hook, as ``maatwerk demo`` runs them."""
    import importlib

    from django.apps import apps

    for config in apps.get_app_configs():
        if not config.name.startswith("maatwerk.apps."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.webdemo")
        except ModuleNotFoundError as exc:
            if exc.name == f"{config.name}.webdemo":
                continue
            raise
        module.laad_demo()
    return demo


def tweede_factor_klaar(gebruikersnaam: str) -> str:
    """Give the demo user the demo authenticator app (as ``maatwerk demo`` does in development
    mode); returns the code the app shows now."""
    from django.contrib.auth.models import User

    from maatwerk.apps.accounts.webdemo import demo_code, zet_demo_apparaat

    zet_demo_apparaat(User.objects.get(username=gebruikersnaam))  # also allows this window's code again
    return demo_code()


def inloggen(page: Page, basis: str, gebruikersnaam: str) -> None:
    """Log in through the login form and the second-factor page, as a person would."""
    code = tweede_factor_klaar(gebruikersnaam)
    page.goto(f"{basis}/login/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/login/tweede-factor/**")
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_load_state()
    assert "/login/" not in page.url, f"inloggen als {gebruikersnaam} mislukt"


def uitloggen(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/login/")


def schermafdruk(page: Page, naam: str, tmp_path: Path) -> Path:
    """Screenshot of the viewport (1280x800). Written to docs/img/ with MAATWERK_SCHERMAFDRUKKEN=1."""
    doel = DOCS_IMG if _schermafdrukken() and naam in README_SCHERMEN else tmp_path
    doel.mkdir(parents=True, exist_ok=True)
    pad = doel / f"{naam}.png"
    page.screenshot(path=str(pad), full_page=False, animations="disabled", caret="hide")
    assert pad.stat().st_size < 300_000, f"schermafdruk {pad} is groter dan 300 kB"
    return pad


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """On failure keep a screenshot and the HTML of the page in var/e2e-fouten/ for diagnosis."""
    rapport = yield
    if rapport.when == "call" and rapport.failed and "page" in getattr(item, "funcargs", {}):
        page = item.funcargs["page"]
        map_ = Path.cwd() / "var" / "e2e-fouten"
        map_.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=str(map_ / f"{item.name}.png"), full_page=True)
            (map_ / f"{item.name}.html").write_text(page.content(), encoding="utf-8")
            rapport.sections.append(("e2e", f"pagina {page.url}; zie {map_}/{item.name}.png/.html"))
        except Exception as exc:  # the browser may be gone; the test failure itself matters
            rapport.sections.append(("e2e", f"geen schermafdruk: {exc}"))
    return rapport

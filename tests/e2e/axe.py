"""axe-core accessibility checks in the running page (npm package ``axe-core``, no CDN).

The script is evaluated through the DevTools protocol, so the app's Content-Security-Policy
(no inline script) stays on while the page is checked.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ERNSTIG = ("serious", "critical")


@cache
def _axe_bron() -> str:
    if not AXE_JS.exists():
        raise FileNotFoundError(f"{AXE_JS} ontbreekt; draai 'make install' (npm ci installeert axe-core).")
    return AXE_JS.read_text(encoding="utf-8")


def axe_overtredingen(page: Page) -> list[dict]:
    """All axe violations (WCAG 2.x A/AA rules and best practices) on the current page."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_bron())
    return page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary,
                                          html: n.html.slice(0, 200)})),
            }));
        }"""
    )


def beschrijf(overtredingen: list[dict]) -> str:
    """Readable report: one block per rule with the offending elements."""
    regels = []
    for v in overtredingen:
        regels.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for n in v["nodes"][:8]:
            samenvatting = (n["summary"] or "").replace("\n", "\n        ")
            regels.append(f"    {n['target']}\n      {n['html']}\n        {samenvatting}")
        if len(v["nodes"]) > 8:
            regels.append(f"    ... en nog {len(v['nodes']) - 8} elementen")
    return "\n".join(regels)


def controleer_toegankelijkheid(page: Page, naam: str) -> list[dict]:
    """Assert no serious or critical axe violations on the page; return the minor ones."""
    overtredingen = axe_overtredingen(page)
    ernstig = [v for v in overtredingen if v["impact"] in ERNSTIG]
    assert not ernstig, f"axe: ernstige toegankelijkheidsfouten op '{naam}' ({page.url}):\n" + beschrijf(
        ernstig
    )
    return [v for v in overtredingen if v["impact"] not in ERNSTIG]

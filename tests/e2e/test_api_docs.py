"""The browsable API documentation (/api/v1/docs) renders in Chromium under the app's CSP."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_lists_the_operations_without_csp_errors(live_server, page, tmp_path) -> None:
    page.goto(f"{live_server.url}/api/v1/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=30_000)
    paden = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/meldingen" in paden and "/zaken/{uuid}" in paden and "/indicaties/berekeningen" in paden
    assert page.get_by_text("maatwerk API").first.is_visible()
    page.screenshot(path=str(tmp_path / "api-docs.png"), full_page=False)
    assert not page.js_fouten, page.js_fouten

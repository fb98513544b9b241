"""The editors' listings report in a real browser: the dead listing is listed, and the CSV downloads."""

from __future__ import annotations

import csv
import io

import pytest
from admin import LIVE, login

from chinar.listings.outcome import NOT_FOUND, OK, Outcome

pytestmark = pytest.mark.browser

EMPORIUM_URL = "https://emporium.jkhhc.example/products/sozni-stole"
FLIPKART_URL = "https://www.flipkart.com/sozni-pashmina-stole/p/itm0001?pid=STLG0001"


@LIVE
def test_editor_sees_dead_listings_and_downloads_the_csv(live_server, browser, tmp_path, load_tiny):  # noqa: F811
    from chinar_cms.listings.services import record_outcomes

    load_tiny()
    record_outcomes([Outcome(EMPORIUM_URL, NOT_FOUND, "HTTP 404 Not Found", 404),
                     Outcome(FLIPKART_URL, OK, "works", 200, price_inr=18500, currency="INR",
                             availability="in_stock")])
    base = live_server.url
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    login(page, base, "editor", "chinar-editor")
    page.goto(f"{base}/admin/reports/listings/")
    page.screenshot(path=str(tmp_path / "listings-report-all.png"), full_page=True)
    page.get_by_role("button", name="Show filters").click()
    page.get_by_role("button", name="Problem").click()
    page.screenshot(path=str(tmp_path / "listings-report-filters.png"), full_page=True)
    page.locator("select#id_problem").select_option("dead")
    page.wait_for_url("**problem=dead**")
    table = page.locator("table.listing")
    table.wait_for()
    rows = table.locator("tbody tr")
    assert rows.count() == 1
    text = rows.first.inner_text()
    assert "Sozni pashmina stole" in text and "Shazia Akhter" in text and "Dead: not found" in text
    assert EMPORIUM_URL in text
    page.screenshot(path=str(tmp_path / "listings-report.png"), full_page=True)
    page.keyboard.press("Escape")
    page.locator("#w-slim-header-buttons button").first.click()  # the header's "more actions" menu
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    path = download.value.path()
    rows = list(csv.DictReader(io.StringIO(open(path, encoding="utf-8-sig").read())))
    assert [(r["Listing URL"], r["State"], r["Artisan"]) for r in rows] == [(EMPORIUM_URL, "Dead", "Shazia Akhter")]

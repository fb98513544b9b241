"""Issue 18 item 5 in the real admin (headless Chromium): text the site must never show is a form error
on its field, and bidi controls are gone from what is saved."""

from __future__ import annotations

import pytest
from admin import LIVE, leave, login, srinagar
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@LIVE
def test_district_form_refuses_control_characters_and_saves_without_bidi_controls(live_server, browser, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    district = srinagar("en")
    base = live_server.url
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    login(page, base, "editor", "chinar-editor")
    url = f"{base}/admin/snippets/districts/district/edit/{district.pk}/"

    page.goto(url)
    page.fill("#id_name", "Srinagar\u0007 city")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("This text contains an invisible control character (U+0007")
    district.refresh_from_db()
    assert district.name == "Srinagar"  # nothing saved

    page.fill("#id_name", "\u202eSrinagar\u202c")  # an override pasted along with the name
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(lambda u: "/edit/" not in u or "saved" in u, timeout=15000)
    district.refresh_from_db()
    assert district.name == "Srinagar"  # saved without the bidi controls
    leave(page)

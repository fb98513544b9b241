"""Urdu content is edited right to left in the admin (pages and snippets), whatever the admin's language."""

from __future__ import annotations

import logging
import time

import pytest
from admin import LIVE, login
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
logger = logging.getLogger(__name__)

URDU_NAME = "شازیہ اختر"
URDU_AWARD = "ریاستی دستکاری ایوارڈ"
URDU_BIO = "شازیہ سری نگر میں سوزنی کڑھائی کرتی ہیں۔"


def _direction(locator) -> str:
    return locator.evaluate("e => getComputedStyle(e).direction")


def _urdu_artisan():
    """The demo artisan translated into Urdu (the tiny catalog has her in English and Hindi only)."""
    from chinar_cms.artisans.models import ArtisanPage
    from chinar_cms.base.contract import demo_key
    from wagtail.models import Locale

    english = ArtisanPage.objects.get(translation_key=demo_key("artisan", "shazia-akhter"), locale__language_code="en")
    urdu = english.copy_for_translation(Locale.objects.get(language_code="ur"))
    urdu.title = URDU_NAME
    urdu.save_revision()
    urdu.save()
    return english, urdu


def _srinagar(language_code: str):
    from chinar_cms.districts.models import District

    key = District.objects.get(locale__language_code="en", slug="srinagar").translation_key
    return District.objects.get(locale__language_code=language_code, translation_key=key)


def _leave(page) -> None:
    """Leave an edit view, giving the server time to release its editing session first.

    Leaving sends a beacon that deletes the session (a write), which Playwright cannot await; the live
    server's in-memory SQLite fails a read made meanwhile ("database table is locked"). A beacon that
    failed leaves nothing in flight, so after a few seconds the test goes on regardless.
    """
    from django.db import OperationalError
    from wagtail.admin.models import EditingSession

    page.goto("about:blank")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        time.sleep(0.2)
        try:
            if not EditingSession.objects.exists():
                return
        except OperationalError:  # the release is being written
            continue
    logger.warning("leaving the edit view did not release its editing session")


@LIVE
def test_urdu_fields_are_right_to_left(live_server, browser, settings, tmp_path):  # noqa: F811
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # no background writes while the next page is read (SQLite)
    english, urdu = _urdu_artisan()
    base = live_server.url
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    login(page, base, "editor", "chinar-editor")

    page.goto(f"{base}/admin/pages/{urdu.pk}/edit/")
    assert page.locator("html").get_attribute("dir") == "ltr"  # the admin itself is in English
    name = page.locator("#id_title")
    expect(name).to_have_value(URDU_NAME)
    assert _direction(name) == "rtl"
    page.screenshot(path=str(tmp_path / "urdu-artisan-name.png"))
    # Empty fields start right to left in the Urdu tree, before anything is typed ...
    cooperative = page.locator("#id_cooperative")
    expect(cooperative).to_have_value("")
    assert _direction(cooperative) == "rtl"
    # ... and then follow what is typed: English in an Urdu page reads left to right.
    cooperative.fill("Kashmir Sozni Cooperative")
    assert _direction(cooperative) == "ltr"
    cooperative.fill("")
    assert _direction(cooperative) == "rtl"

    # A StreamField block added now (an award): its text field is right to left, empty and typed in.
    awards = page.locator("[data-contentpath=awards]")
    awards.locator(".c-sf-add-button").first.click()
    award = awards.locator("input[name$='-value-name']").last
    award.wait_for()
    assert _direction(award) == "rtl"
    award.press_sequentially(URDU_AWARD)
    assert _direction(award) == "rtl"
    awards.screenshot(path=str(tmp_path / "urdu-artisan-award.png"))

    # Draftail (rich text) lays out each paragraph from its own text.
    bio = page.locator("[data-contentpath=bio] .public-DraftEditor-content").first
    bio.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(URDU_BIO)
    paragraph = bio.locator(".public-DraftStyleDefault-block").first
    expect(paragraph).to_have_text(URDU_BIO)
    assert _direction(paragraph) == "rtl"
    page.locator("[data-contentpath=bio]").screenshot(path=str(tmp_path / "urdu-artisan-bio.png"))

    _leave(page)
    page.goto(f"{base}/admin/pages/{english.pk}/edit/")
    name = page.locator("#id_title")
    expect(name).to_have_value(english.title)
    assert _direction(name) == "ltr"
    assert _direction(page.locator("#id_cooperative")) == "ltr"
    _leave(page)

    # Snippets: the Urdu district's name is right to left, the English one's left to right.
    for code, expected in (("ur", "rtl"), ("en", "ltr")):
        district = _srinagar(code)
        page.goto(f"{base}/admin/snippets/districts/district/edit/{district.pk}/")
        name = page.locator("#id_name")
        expect(name).to_have_value(district.name)
        assert _direction(name) == expected, code
        page.screenshot(path=str(tmp_path / f"district-{code}.png"))
        _leave(page)


@LIVE
def test_direction_follows_the_content_not_the_admin_language(live_server, browser, tmp_path):  # noqa: F811
    """An editor whose admin is in Arabic (right to left) still edits English left to right."""
    from chinar_cms.artisans.models import ArtisanPage
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="editor"))
    profile.preferred_language = "ar"
    profile.save()
    english = ArtisanPage.objects.filter(locale__language_code="en").first()
    base = live_server.url
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    login(page, base, "editor", "chinar-editor")

    page.goto(f"{base}/admin/pages/{english.pk}/edit/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    name = page.locator("#id_title")
    expect(name).to_have_value(english.title)
    assert _direction(name) == "ltr"
    assert _direction(page.locator("#id_cooperative")) == "ltr"  # empty, in the English tree
    page.screenshot(path=str(tmp_path / "english-artisan-arabic-admin.png"))
    _leave(page)

    # In the Urdu district, the Latin web address still reads left to right.
    district = _srinagar("ur")
    page.goto(f"{base}/admin/snippets/districts/district/edit/{district.pk}/")
    assert _direction(page.locator("#id_name")) == "rtl"
    assert _direction(page.locator("#id_slug")) == "ltr"
    _leave(page)

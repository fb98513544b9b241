"""The editor's path in a real browser: create an artisan, submit; the moderator publishes; pull, build."""

from __future__ import annotations

import pytest
from admin import LIVE, login
from playwright.sync_api import expect

from chinar import cli

pytestmark = pytest.mark.browser


def _choose_in_modal(page, search: str, link_text: str):
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    box = modal.locator("input[name=q]")
    if box.count():
        box.fill(search)
    modal.get_by_role("link", name=link_text).first.click()
    modal.wait_for(state="hidden")


@LIVE
def test_editor_creates_and_submits_moderator_publishes(live_server, browser, tmp_path, settings):
    from chinar_cms.artisans.models import ArtisanIndexPage, ArtisanPage
    from chinar_cms.registry.models import ConsentRecord

    # Wagtail's autosave could create the new page in the background before "Submit" is clicked, which
    # then fails with "slug already in use"; editors click Submit themselves here.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0

    base = live_server.url
    index = ArtisanIndexPage.objects.get(locale__language_code="en")
    shots = tmp_path / "shots"
    shots.mkdir()

    editor = browser.new_page(viewport={"width": 1280, "height": 1000})
    login(editor, base, "editor", "chinar-editor")
    editor.goto(f"{base}/admin/pages/add/artisans/artisanpage/{index.pk}/")
    editor.fill("#id_title", "Mohammad Yousuf Khan")
    editor.locator(".c-sf-add-button").first.click()  # crafts stream: add a craft block
    editor.screenshot(path=str(shots / "editor-add.png"), full_page=True)
    editor.locator("button:has-text('Choose a page')").first.click()
    _choose_in_modal(editor, "Sozni", "Sozni embroidery")
    editor.get_by_role("button", name="Choose district").click()
    _choose_in_modal(editor, "Srinagar", "Srinagar")
    bio = editor.locator(".Draftail-Editor .public-DraftEditor-content").first
    bio.click()
    editor.keyboard.type("Mohammad Yousuf carves walnut wood in the old city.")
    expect(bio).to_contain_text("walnut wood")
    editor.get_by_role("tab", name="Web address").click()
    editor.fill("#id_slug", "mohammad-yousuf-khan")
    editor.get_by_role("tab", name="Artisan").click()
    editor.screenshot(path=str(shots / "editor-form.png"), full_page=True)
    if not editor.get_by_role("button", name="Submit to Moderators approval").is_visible():
        editor.locator("[data-w-dropdown-target=toggle]").last.click()  # the footer's "more actions"
    editor.get_by_role("button", name="Submit to Moderators approval").click()
    editor.wait_for_load_state()
    editor.screenshot(path=str(shots / "editor-submitted.png"), full_page=True)

    errors = editor.locator(".error-message").all_inner_texts()
    assert errors == [], errors
    artisan = ArtisanPage.objects.get(title="Mohammad Yousuf Khan")
    assert not artisan.live
    assert artisan.current_workflow_state.status == "in_progress"
    # The Registry records the artisan's signed consent.
    ConsentRecord.objects.create(
        artisan=artisan, reference="CONSENT-2001", date="2026-05-01", covers=["profile", "photos", "products"]
    )

    moderator = browser.new_page(viewport={"width": 1280, "height": 1000})
    login(moderator, base, "moderator", "chinar-moderator")
    moderator.goto(f"{base}/admin/pages/{artisan.pk}/edit/")
    moderator.locator("[data-w-dropdown-target=toggle]").last.click()
    moderator.get_by_role("button", name="Approve").first.click()
    moderator.wait_for_load_state()
    moderator.screenshot(path=str(shots / "moderator-approved.png"), full_page=True)
    artisan.refresh_from_db()
    assert artisan.live

    out, site = tmp_path / "pulled", tmp_path / "site"
    assert cli.main(["pull", "--api", base + "/api/v2/", "--out", str(out)]) == 0
    assert cli.main(["build", "--content", str(out), "--output", str(site), "--cache", str(tmp_path / "c")]) == 0
    html = (site / "artisans" / artisan.slug / "index.html").read_text("utf-8")
    assert "Mohammad Yousuf Khan" in html and "walnut wood" in html


@LIVE
def test_editor_adds_images_in_bulk_in_urdu_and_no_location_is_stored(live_server, browser, tmp_path):
    """"Add images" in a real browser, with the admin in Urdu: a phone photo with GPS and a photo cut
    short. The good one waits for its alt text with nothing personal stored; the bad one shows the
    form's message in Urdu; after the alt text is saved, the original is clean and upright."""
    import io

    from chinar_cms.base.models import ChinarImage
    from django.contrib.auth import get_user_model
    from media_helpers import assert_no_personal_data, photo_with_gps
    from PIL import Image as PILImage
    from wagtail.models import UploadedFile
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="editor"))
    profile.preferred_language = "ur"
    profile.save()
    cut = io.BytesIO()
    PILImage.effect_noise((600, 400), 60).convert("RGB").save(cut, "JPEG")
    base = live_server.url

    editor = browser.new_page(viewport={"width": 1280, "height": 1000})
    login(editor, base, "editor", "chinar-editor")
    editor.goto(f"{base}/admin/images/multiple/add/")
    assert editor.locator("html").get_attribute("dir") == "rtl"
    editor.set_input_files("#fileupload", files=[
        {"name": "ghar.jpg", "mimeType": "image/jpeg", "buffer": photo_with_gps(size=(400, 300))},
        {"name": "adhoora.jpg", "mimeType": "image/jpeg", "buffer": cut.getvalue()[:9000]},
    ])
    alt = editor.locator("#upload-list input[name$='-description']")
    alt.wait_for()
    failure = editor.locator("#upload-list li.upload-failure .error_messages")
    expect(failure).to_contain_text("یہ تصویر ادھوری ہے")
    editor.screenshot(path=str(tmp_path / "bulk-upload-ur.png"), full_page=True)

    pending = UploadedFile.objects.get()
    with pending.file.open("rb") as fh:
        assert_no_personal_data(fh.read(), pending.file.name)
    # (Who may fetch it is tested through the CMS's own URLs in test_image_uploads.py: Django's test live
    # server serves MEDIA_ROOT itself, before the URLs, so it cannot show it here.)

    alt.fill("ایک کاریگر کا کرگھا")
    editor.locator("#upload-list li.upload-success button[type=submit]").click()
    expect(editor.locator("#upload-list li.upload-success")).to_have_count(0)  # saved: its row goes
    editor.screenshot(path=str(tmp_path / "bulk-upload-ur-saved.png"), full_page=True)
    image = ChinarImage.objects.get(description="ایک کاریگر کا کرگھا")
    with image.open_file() as fh:
        stored = fh.read()
    assert_no_personal_data(stored, image.file.name)
    assert PILImage.open(io.BytesIO(stored)).size == (300, 400)  # upright
    assert not UploadedFile.objects.exists()

"""Workflow, consent gate, withdrawal, the Registry's privacy, scheduling, images, plain-words validation."""

from __future__ import annotations

import io
import time
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db


def _artisans_index():
    from chinar_cms.artisans.models import ArtisanIndexPage

    return ArtisanIndexPage.objects.get(locale__language_code="en")


def _new_artisan(title="Ghulam Nabi Dar", slug="ghulam-nabi-dar"):
    from chinar_cms.artisans.models import ArtisanPage
    from chinar_cms.crafts.models import CraftPage
    from chinar_cms.districts.models import District

    page = ArtisanPage(
        title=title,
        slug=slug,
        live=False,
        bio="<p>Walnut wood carver.</p>",
        district=District.objects.get(slug="srinagar", locale__language_code="en"),
    )
    page.crafts = [{"type": "craft", "value": CraftPage.objects.filter(locale__language_code="en").first().pk}]
    _artisans_index().add_child(instance=page)
    return page


def _consent(page, **kw):
    from chinar_cms.registry.models import ConsentRecord

    fields = {"reference": "CONSENT-0999", "date": "2026-02-01", "covers": ["profile", "photos", "products"]}
    fields.update(kw)
    return ConsentRecord.objects.create(artisan=page, **fields)


def _api_names(client):
    items = client.get("/api/v2/pages/?record_type=artisan&fields=_,record").json()["items"]
    return {i["record"]["name"] for i in items if i["record"]}


def test_editor_submits_moderator_publishes(client):
    from django.contrib.auth import get_user_model
    from wagtail.models import Workflow

    User = get_user_model()
    editor, moderator = User.objects.get(username="editor"), User.objects.get(username="moderator")
    page = _new_artisan()
    _consent(page)
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(moderator).can_publish()

    page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert isinstance(workflow, Workflow)
    state = workflow.start(page, editor)
    assert state.status == "in_progress"
    assert "Ghulam Nabi Dar" not in _api_names(client)  # submitted is not published

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live
    assert "Ghulam Nabi Dar" in _api_names(client)


def test_consent_gate_blocks_publishing_with_plain_words():
    page = _new_artisan()
    with pytest.raises(ValidationError) as err:
        page.save_revision().publish()
    assert "no consent record" in str(err.value)
    minor = _consent(page, under_18=True, guardian_consent=False)
    with pytest.raises(ValidationError) as err:
        minor.full_clean()
    assert "guardian" in str(err.value)
    minor.guardian_consent = True
    minor.save()
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live


def test_admin_publish_hook_stops_with_the_consent_message(rf):
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from wagtail import hooks

    page = _new_artisan()
    request = rf.post(f"/admin/pages/{page.pk}/edit/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    responses = [fn(request, page) for fn in hooks.get_hooks("before_publish_page")]
    stop = [r for r in responses if r is not None]
    assert stop and stop[0].status_code == 302 and stop[0].url == f"/admin/pages/{page.pk}/edit/"
    assert "no consent record" in " ".join(str(m) for m in get_messages(request))
    _consent(page)
    assert all(fn(request, page) is None for fn in hooks.get_hooks("before_publish_page"))


@pytest.fixture
def own_media(settings, tmp_path):
    """A private copy of the media files: withdrawal really deletes files, the database rolls back."""
    import shutil

    shutil.copytree(settings.MEDIA_ROOT, tmp_path / "media")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def test_withdrawal_unpublishes_deletes_and_requests_a_build(client, settings, hook_server, own_media):
    from chinar_cms.artisans.models import ArtisanPage
    from chinar_cms.buildhook.hook import waiting
    from chinar_cms.products.models import ProductPage
    from chinar_cms.registry.models import ConsentRecord, PersonalRecord
    from wagtail.images import get_image_model

    settings.CHINAR_BUILD_HOOK_URL = hook_server.url
    artisan = ArtisanPage.objects.get(locale__language_code="en")
    PersonalRecord.objects.create(artisan=artisan, registry_id="JK-REG-7", phone="+91 94190 00000")
    portrait_id = artisan.portrait[0].value["image"].pk
    images_before = get_image_model().objects.count()
    assert "Shazia Akhter" in _api_names(client)

    with pytest.raises(CommandError, match="no consent record with reference 'CONSENT-NOPE'"):
        call_command("withdraw_consent", reference="CONSENT-NOPE")
    with django_capture_on_commit():
        call_command("withdraw_consent", reference="CONSENT-0001")

    assert not ArtisanPage.objects.filter(translation_key=artisan.translation_key, live=True).exists()
    assert not ProductPage.objects.filter(live=True).exists()
    assert not get_image_model().objects.filter(pk=portrait_id).exists()
    assert get_image_model().objects.count() == images_before - 2  # portrait + product photo
    assert not (own_media / "original_images" / "shazia.jpg").exists()
    assert not (own_media / "original_images" / "sozni-stole.jpg").exists()
    assert (own_media / "original_images" / "needle.jpg").exists()  # the story's photo is not theirs
    assert not PersonalRecord.objects.exists()
    assert ConsentRecord.objects.get(reference="CONSENT-0001").withdrawn_at is not None
    assert waiting()  # a site update is queued for the task worker
    assert _api_names(client) == set()
    # ...and it stays unpublished: the consent gate refuses to publish again.
    with pytest.raises(ValidationError):
        ArtisanPage.objects.get(pk=artisan.pk).save_revision().publish()


def django_capture_on_commit():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_admin_withdraw_action_is_for_the_registry_only(client, own_media):
    from chinar_cms.artisans.models import ArtisanPage
    from chinar_cms.registry.models import ConsentRecord
    from django.contrib.auth import get_user_model

    User = get_user_model()
    consent = ConsentRecord.objects.get(reference="CONSENT-0001")
    url = f"/admin/registry/withdraw/{consent.pk}/"
    client.force_login(User.objects.get(username="editor"))
    assert client.post(url).status_code in (302, 403)
    assert ConsentRecord.objects.get(pk=consent.pk).withdrawn_at is None
    assert client.get("/admin/snippets/registry/personalrecord/").status_code in (302, 403)

    client.force_login(User.objects.get(username="registry"))
    assert client.get("/admin/snippets/registry/personalrecord/").status_code == 200
    resp = client.get(url)
    assert resp.status_code == 200 and b"cannot be undone" in resp.content
    assert client.post(url).status_code == 302
    assert ConsentRecord.objects.get(pk=consent.pk).withdrawn_at is not None
    assert not ArtisanPage.objects.filter(live=True).exists()


def test_scheduled_publishing_and_expiry():
    from chinar_cms.pages.models import StandardPage

    about = StandardPage.objects.get()
    soon = _new_artisan()
    _consent(soon)
    soon.go_live_at = timezone.now() + timedelta(seconds=1)
    rev = soon.save_revision()
    rev.publish()
    soon.refresh_from_db()
    rev.refresh_from_db()
    assert not soon.live and rev.approved_go_live_at is not None
    time.sleep(1.2)
    StandardPage.objects.filter(pk=about.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    call_command("publish_scheduled", stdout=io.StringIO())
    soon.refresh_from_db()
    about.refresh_from_db()
    assert soon.live
    assert not about.live and about.expired


def test_uploaded_images_lose_exif_and_gps():
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    im = PILImage.new("RGB", (40, 30), "red")
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # orientation: rotate 90 degrees
    exif.get_ifd(0x8825)[1] = "N"  # GPSLatitudeRef
    exif.get_ifd(0x8825)[2] = (34.0, 5.0, 0.0)  # GPSLatitude
    buf = io.BytesIO()
    im.save(buf, "JPEG", exif=exif)
    assert PILImage.open(io.BytesIO(buf.getvalue())).getexif()
    image = get_image_model()(
        title="home photo",
        description="Loom",
        file=SimpleUploadedFile("home.jpg", buf.getvalue(), content_type="image/jpeg"),
    )
    image.save()
    with image.open_file() as fh:
        stored = PILImage.open(fh)
        stored.load()
    assert not stored.getexif()
    assert "exif" not in stored.info
    assert (stored.width, stored.height) == (30, 40) == (image.width, image.height)  # rotated upright
    with image.open_file() as fh:
        import hashlib

        assert image.file_hash == hashlib.sha1(fh.read()).hexdigest()


def test_validation_messages_are_plain_words():
    from chinar_cms.products.models import MarketplaceListing

    listing = MarketplaceListing(
        marketplace="Flipkart",
        url="http://flipkart.com/x",
        seller="S",
        price_inr=1,
        availability="in_stock",
        last_checked="2026-01-01",
    )
    with pytest.raises(ValidationError) as err:
        listing.clean()
    assert "must start with https://" in str(err.value)
    page = _new_artisan()
    page.slug = "Ghulam_Nabi"
    with pytest.raises(ValidationError) as err:
        page.full_clean()
    assert "lowercase English letters" in str(err.value)


def test_preview_renders_unsaved_edits_with_the_site_theme(rf):
    """Preview converts the page with its unsaved edits and renders it with the static site's templates."""
    from chinar_cms.artisans.models import ArtisanPage
    from django.contrib.auth import get_user_model

    artisan = ArtisanPage.objects.get(locale__language_code="hi")
    artisan.bio = "<p>नया मसौदा: केवल पूर्वावलोकन</p><script>alert(1)</script>"
    request = rf.get("/admin/preview/")
    request.user = get_user_model().objects.get(username="editor")
    response = artisan.serve_preview(request, "")
    if hasattr(response, "render"):
        response.render()
    html = response.content.decode("utf-8")
    assert "नया मसौदा: केवल पूर्वावलोकन" in html
    assert "alert(1)" not in html
    # The static site's own page: its language, direction, stylesheet and skip link (in Hindi).
    assert '<html lang="hi" dir="ltr">' in html
    assert "/preview-static/css/site.css" in html and "मुख्य सामग्री पर जाएँ" in html
    assert ArtisanPage.objects.get(pk=artisan.pk).bio != artisan.bio  # nothing was saved


def test_preview_static_serves_the_theme_files_and_nothing_else(client):
    response = client.get("/preview-static/css/site.css")
    assert response.status_code == 200
    assert b".site-header" in b"".join(response.streaming_content)
    assert client.get("/preview-static/../templates/base.html").status_code in (400, 404)  # refused


def test_text_with_control_characters_or_only_spaces_is_a_form_error_on_its_field():
    """Issue 18 item 5: the editor meets the contract's text rules in the form, not in a failed build."""
    page = _new_artisan()
    page.title = "Ghulam\x00 Nabi Dar"
    with pytest.raises(ValidationError) as err:
        page.full_clean()
    assert "invisible control character (U+0000 NUL)" in str(err.value.message_dict["title"])
    page.title = "Ghulam Nabi Dar"
    page.bio = "<p>Walnut\x1b wood carver.</p>"
    with pytest.raises(ValidationError) as err:
        page.full_clean()
    assert "U+001B" in str(err.value.message_dict["bio"])


def test_saved_and_exported_text_is_nfc_without_bidi_controls():
    from chinar_cms.artisans.models import ArtisanPage
    from chinar_cms.base.contract import ExportContext

    page = _new_artisan(title="Ghula\u0301m \u202eNabi Dar", slug="ghulam-nabi")
    page.full_clean()
    assert page.title == "Ghul\u00e1m Nabi Dar"
    live = ArtisanPage.objects.live().filter(locale__language_code="en").first()
    live.bio = "<p>\u202bWalnut\u202c woo\u0301d carver.</p>"  # unsaved edit, as a preview exports it
    record = ExportContext(preview=live).record(live)
    assert record["bio"] == "<p>Walnut wo\u00f3d carver.</p>"


def test_streamfield_text_with_a_control_character_is_a_form_error_on_the_stream():
    from chinar_cms.campaigns.models import CampaignPage

    page = CampaignPage.objects.filter(locale__language_code="en").first()
    page.blocks = [{"type": "text", "value": {"title": "Winter\x00 trail", "body": "<p>Walk with us.</p>"}}]
    with pytest.raises(ValidationError) as err:
        page.full_clean()
    assert "U+0000" in str(err.value.message_dict["blocks"])

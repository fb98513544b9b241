"""Nothing unpublished or personal leaves the CMS: API responses, the pulled snapshot, the built site."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from admin import LIVE

from chinar import cli

# Transactional (live server, threads); see conftest.py for the serialized rollback.

MARK = "LEAKMARK"


def _plant_markers():
    """A draft edit, an unpublished page, a restricted page, an expired page, a full personal record."""
    from chinar_cms.artisans.models import ArtisanPage
    from chinar_cms.home.models import HomePage
    from chinar_cms.pages.models import StandardPage
    from chinar_cms.registry.models import PersonalRecord
    from django.utils import timezone
    from wagtail.models import Locale, PageViewRestriction

    artisan = ArtisanPage.objects.get(locale__language_code="en")
    draft = artisan.get_latest_revision_as_object()
    draft.bio = f"<p>{MARK}-draft-bio ड्राफ्ट</p>"
    draft.title = f"{MARK}-draft-name"
    draft.save_revision()

    home = HomePage.objects.get(locale=Locale.objects.get(language_code="en"))

    def page(slug, publish=True):
        p = StandardPage(title=f"{MARK}-{slug}", slug=slug, body=f"<p>{MARK}-{slug}-body</p>", live=False)
        home.add_child(instance=p)
        rev = p.save_revision()
        if publish:
            rev.publish()
        return StandardPage.objects.get(pk=p.pk)

    page("never-published", publish=False)
    unpublished = page("unpublished")
    unpublished.unpublish()
    assert not StandardPage.objects.get(pk=unpublished.pk).live
    restricted = page("restricted")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="secret")
    expired = page("expired")
    StandardPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    PersonalRecord.objects.create(
        artisan=artisan,
        registry_id=f"{MARK}-REG-1",
        phone=f"{MARK}-phone",
        email="leakmark@example.invalid",
        address=f"{MARK}-address",
        village=f"{MARK}-village",
        id_number=f"{MARK}-aadhaar",
        bank_account=f"{MARK}-bank",
        ifsc=f"{MARK}-ifsc",
        upi_id=f"{MARK}-upi",
        guardian_name=f"{MARK}-guardian",
    )
    return artisan


def _crawl(client) -> dict[str, str]:
    """Every API response an anonymous client can get, listing and detail, keyed by URL."""
    from chinar_cms.base.exporters import contract_page_models
    from wagtail.models import Page

    seen: dict[str, str] = {}

    def get(url):
        resp = client.get(url)
        seen[url] = resp.content.decode("utf-8")
        return resp

    for record_type in contract_page_models():
        get(f"/api/v2/pages/?record_type={record_type}&fields=*&limit=100")
    get("/api/v2/pages/?fields=*&limit=100")
    for page in Page.objects.all():  # including the ones that must not be served: expect 404s
        get(f"/api/v2/pages/{page.pk}/?fields=*")
        if page.url:
            get(f"/api/v2/pages/find/?html_path={page.url}")
    get("/api/v2/districts/?fields=*&limit=100")
    for item in json.loads(get("/api/v2/images/?fields=*&limit=100").content)["items"]:
        get(f"/api/v2/images/{item['id']}/?fields=*")
    return seen


def _grep(root: Path, needles: list[str]) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path}: {n}" for n in needles if n.encode() in data.lower()]
    return hits


@LIVE
def test_nothing_unpublished_or_personal_leaks(live_server, client, tmp_path):
    artisan = _plant_markers()
    needles = [MARK.lower(), "leakmark@example.invalid"]

    responses = _crawl(client)
    assert len(responses) > 30
    leaks = [url for url, body in responses.items() if any(n in body.lower() for n in needles)]
    assert leaks == []
    # The live version of the artisan is still there: the crawl really sees published content.
    assert any("Shazia Akhter" in body for body in responses.values())

    out, site = tmp_path / "pulled", tmp_path / "site"
    assert cli.main(["pull", "--api", live_server.url + "/api/v2/", "--out", str(out)]) == 0
    assert _grep(out, needles) == []
    assert "Shazia learnt sozni" in (out / "artisans" / f"{artisan.translation_key}.en.json").read_text("utf-8")
    assert cli.main(["build", "--content", str(out), "--output", str(site), "--cache", str(tmp_path / "c")]) == 0
    assert _grep(site, needles) == []
    assert len(list(site.rglob("*.html"))) > 10

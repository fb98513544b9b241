"""Listing checks written back into the CMS, published, reported to editors; seller feeds imported.

The marketplaces are a real local HTTPS server (``tests/fake_marketplace.py``) answering for the tiny
catalog's Flipkart and JKHHC emporium hosts; the checker reaches it through a test-only resolver.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from admin import LIVE, make_hooks_due, run_hook_worker
from django.core.management import CommandError, call_command
from django.utils import timezone

from chinar import cli
from chinar.listings.check import CheckSettings
from chinar.listings.fetch import MappedResolver
from fake_marketplace import FakeMarketplace, Page, product_html

pytestmark = pytest.mark.django_db

FLIPKART = ("www.flipkart.com", "/sozni-pashmina-stole/p/itm0001?pid=STLG0001")
EMPORIUM = ("emporium.jkhhc.example", "/products/sozni-stole")
FLIPKART_URL, EMPORIUM_URL = (f"https://{h}{p}" for h, p in (FLIPKART, EMPORIUM))


@pytest.fixture
def market():
    with FakeMarketplace([FLIPKART[0], EMPORIUM[0]]) as fake:
        yield fake


def settings_for(market: FakeMarketplace) -> CheckSettings:
    return CheckSettings(resolver=MappedResolver(market.resolver_map()), ssl_context=market.client_context(),
                         delay=0.0, timeout=3.0, retries=0)


def product():
    from chinar_cms.base.contract import demo_key
    from chinar_cms.products.models import ProductPage

    return ProductPage.objects.get(translation_key=demo_key("product", "sozni-stole"), locale__language_code="en")


def listing(url: str):
    return product().listings.get(url=url)


def run(market: FakeMarketplace):
    from chinar_cms.listings.services import run_check

    return run_check(settings_for(market))


def test_a_check_updates_the_listings_and_publishes_the_page(market) -> None:
    from chinar_cms.listings.models import ListingCheck
    from wagtail.signals import page_published

    market.pages[FLIPKART] = Page(body=product_html("19,500"), etag='"f1"')
    market.pages[EMPORIUM] = Page(404, b"<h1>Not found</h1>")
    before = product().live_revision_id
    published = []
    page_published.connect(lambda sender, instance, **kw: published.append(instance.pk), weak=False,
                           dispatch_uid="listing-test")
    try:
        summary, _ = run(market)
    finally:
        page_published.disconnect(dispatch_uid="listing-test")
    today = timezone.localdate()
    assert summary.checks == 2 and summary.pages_published == 1
    flipkart, emporium = listing(FLIPKART_URL), listing(EMPORIUM_URL)
    assert (flipkart.price_inr, flipkart.availability, flipkart.last_checked) == (19500, "in_stock", today)
    assert (emporium.link_status, emporium.last_checked) == ("dead", date(2026, 10, 20))  # not found working
    page = product()
    assert page.live_revision_id != before and published == [page.pk] and not page.has_unpublished_changes
    checks = {c.url: c for c in ListingCheck.objects.all()}
    assert (checks[FLIPKART_URL].outcome, checks[FLIPKART_URL].price_inr, checks[FLIPKART_URL].previous_price_inr,
            checks[FLIPKART_URL].applied, checks[FLIPKART_URL].etag) == ("ok", 19500, 18500, True, '"f1"')
    assert (checks[EMPORIUM_URL].outcome, checks[EMPORIUM_URL].http_status) == ("not_found", 404)
    exported = {lst["url"]: lst for lst in page.listings.all() and [x.as_contract() for x in page.listings.all()]}
    assert exported[EMPORIUM_URL]["link_status"] == "dead" and "link_status" not in exported[FLIPKART_URL]

    # Again: the unchanged page is a 304 to a conditional request, and nothing is republished.
    revisions = page.revisions.count()
    summary, outcomes = run(market)
    assert {o.url: o.kind for o in outcomes} == {FLIPKART_URL: "unchanged", EMPORIUM_URL: "not_found"}
    assert [r[2].get("If-None-Match") for r in market.requests if r[1] == FLIPKART[1]][-1] == '"f1"'
    assert summary.pages_published == 0 and product().revisions.count() == revisions
    assert ListingCheck.objects.count() == 4  # history, not only the last value


def test_an_editors_draft_is_not_published_and_keeps_its_workflow(market) -> None:
    from django.contrib.auth import get_user_model

    market.pages[FLIPKART] = Page(body=product_html("19,500"))
    market.pages[EMPORIUM] = Page(body=product_html("19000", availability="https://schema.org/OutOfStock"))
    editor = get_user_model().objects.get(username="editor")
    page = product()
    live_title = page.title
    page.title = "Sozni stole — new photos coming"
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    run(market)
    page = product()
    assert page.title == live_title  # the live page kept its title: the draft was not published
    assert listing(FLIPKART_URL).price_inr == 19500  # the new price is live
    draft = page.get_latest_revision_as_object()
    assert draft.title == "Sozni stole — new photos coming"
    assert {x.url: x.price_inr for x in draft.listings.all()}[FLIPKART_URL] == 19500  # carried into the draft
    assert page.has_unpublished_changes and page.current_workflow_state.status == "in_progress"


def test_a_price_that_moves_too_far_is_held_for_an_editor(market) -> None:
    from chinar_cms.listings.models import ListingCheck

    market.pages[FLIPKART] = Page(body=product_html("1,72,500"))
    market.pages[EMPORIUM] = Page(body=product_html("19000", availability="https://schema.org/OutOfStock"))
    summary, _ = run(market)
    assert summary.held == 1 and listing(FLIPKART_URL).price_inr == 18500
    check = ListingCheck.objects.get(url=FLIPKART_URL)
    assert check.price_inr == 172500 and "₹18,500 → ₹1,72,500" not in check.held
    assert "₹18,500 → ₹172,500 (+832%)" in check.held and "edit it by hand" in check.held


def test_the_report_lists_dead_listings_and_exports_csv(market, admin_client) -> None:
    market.pages[FLIPKART] = Page(body=product_html("19,500"))
    market.pages[EMPORIUM] = Page(404, b"gone")
    stale = admin_client.get("/admin/reports/listings/", {"problem": "stale", "days": "3"})
    assert FLIPKART_URL in stale.content.decode() and EMPORIUM_URL in stale.content.decode()  # never checked
    run(market)
    dead = admin_client.get("/admin/reports/listings/", {"problem": "dead"}).content.decode()
    assert EMPORIUM_URL in dead and FLIPKART_URL not in dead and "Dead: not found" in dead
    drift = admin_client.get("/admin/reports/listings/", {"problem": "drift", "drift": "3"}).content.decode()
    assert FLIPKART_URL in drift and "₹18,500 → ₹19,500 (+5%)" in drift and EMPORIUM_URL not in drift
    assert FLIPKART_URL not in admin_client.get("/admin/reports/listings/",
                                                {"problem": "drift", "drift": "10"}).content.decode()
    response = admin_client.get("/admin/reports/listings/", {"problem": "unavailable", "export": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert [(r["Listing URL"], r["Artisan"], r["State"], r["Latest check"]) for r in rows] == [
        (EMPORIUM_URL, "Shazia Akhter", "Dead", "Dead: not found")]
    by_marketplace = admin_client.get("/admin/reports/listings/", {"marketplace": "Flipkart"}).content.decode()
    assert FLIPKART_URL in by_marketplace and EMPORIUM_URL not in by_marketplace


FEED_HEADER = "listing_id,url,price,availability,title\n"


def import_feed(tmp_path, text: str, *extra: str) -> str:
    path = tmp_path / "flipkart-feed.csv"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_listing_feed", str(path), "--marketplace", "Flipkart", *extra, stdout=out)
    return out.getvalue()


def test_a_feed_updates_matched_listings_and_reports_every_row(tmp_path) -> None:
    from chinar_cms.listings.models import ListingCheck

    report = import_feed(tmp_path, FEED_HEADER
                         + 'STLG0001,,"₹19,000.00",in_stock,Sozni stole\n'
                         + "ZZZZ99990000,,5000,in_stock,Someone else's\n"
                         + f"STLG0002,{EMPORIUM_URL},1.25 lakh,in_stock,Wrong marketplace\n")
    assert "line 2: matched — ₹19,000 in_stock → 1 listing(s)" in report
    assert "line 3: unmatched" in report
    assert "line 4: conflicting — url: host 'emporium.jkhhc.example' is not Flipkart's" in report
    assert "1 matched, 1 unmatched, 1 conflicting" in report
    assert listing(FLIPKART_URL).price_inr == 19000 and listing(EMPORIUM_URL).price_inr == 19000
    assert list(ListingCheck.objects.values_list("source", "url")) == [("feed", FLIPKART_URL)]


@pytest.mark.parametrize(("text", "problem"), [
    ("pid,cost\nSTLG0001,19000\n", "unknown column(s) 'pid', 'cost'"),
    (FEED_HEADER + "STLG0001,,19000,in_stock,a\nSTLG0001,,19500,in_stock,b\n", "already on line 2"),
    (FEED_HEADER + "STLG0001,,\"1,25 lakh\",in_stock,a\n", "as a plain number"),
    (FEED_HEADER + "STLG0001,,19000,available,a\nZZ,,abc,in_stock,b\n", "line 3, column price"),
])
def test_a_malformed_feed_changes_nothing(tmp_path, text: str, problem: str) -> None:
    from chinar_cms.listings.models import ListingCheck

    revisions = product().revisions.count()
    with pytest.raises(CommandError) as err:
        import_feed(tmp_path, text)
    assert "nothing changed" in str(err.value) and problem in str(err.value)
    assert listing(FLIPKART_URL).price_inr == 18500 and ListingCheck.objects.count() == 0
    assert product().revisions.count() == revisions


def test_the_listing_form_refuses_an_address_off_its_marketplace() -> None:
    from django.core.exceptions import ValidationError

    row = listing(FLIPKART_URL)
    for url, reason in [("https://www.flipkart.com.evil.in/p", "is not Flipkart's"),
                        ("https://user:pw@www.flipkart.com/p", "user name or password"),
                        ("https://www.flipkаrt.com/p", "non-ASCII")]:
        row.url = url
        with pytest.raises(ValidationError) as err:
            row.clean()
        assert reason in str(err.value)


@LIVE
def test_a_dead_listing_reaches_the_built_site_through_publishing(live_server, market, tmp_path, settings,
                                                                   hook_server, load_tiny) -> None:
    load_tiny()
    settings.CHINAR_BUILD_HOOK_URL = hook_server.url
    market.pages[FLIPKART] = Page(body=product_html("19,500"))
    market.pages[EMPORIUM] = Page(status=410)
    run(market)
    make_hooks_due()
    run_hook_worker()
    assert hook_server.requests == [200]  # the publish asked for one rebuild
    out, site = tmp_path / "pulled", tmp_path / "site"
    assert cli.main(["pull", "--api", live_server.url + "/api/v2/", "--out", str(out)]) == 0
    assert cli.main(["build", "--content", str(out), "--output", str(site), "--cache", str(tmp_path / "c")]) == 0
    slug = product().slug
    html = (site / "products" / slug / "index.html").read_text("utf-8")
    assert EMPORIUM[0] not in html.split('type="application/ld+json"')[0]  # no link to the dead listing
    assert "Listing removed by the marketplace" in html and '<p class="price">₹19,500</p>' in html
    data = [json.loads(block.split(">", 1)[1].split("</script>")[0])
            for block in html.split('<script type="application/ld+json"')[1:]]
    offers = next(d for d in data if d["@type"] == "Product")["offers"]["offers"]
    dead = next(o for o in offers if o["seller"]["name"] == "JKHHC Emporium")
    assert dead["availability"] == "https://schema.org/Discontinued" and "url" not in dead


def test_two_rows_claiming_one_listing_are_both_conflicting(tmp_path) -> None:
    report = import_feed(tmp_path, FEED_HEADER + "STLG0001,,19000,in_stock,by ID\n"
                         + f",{FLIPKART_URL}&utm_source=x,19500,in_stock,by URL\n")
    assert f"line 2: conflicting — rows 2, 3 all match {FLIPKART_URL}" in report
    assert "0 matched, 0 unmatched, 2 conflicting; nothing changed" in report
    assert listing(FLIPKART_URL).price_inr == 18500

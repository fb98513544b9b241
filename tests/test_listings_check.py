"""The listing checker against a real local HTTPS server playing Flipkart, Amazon and the JKHHC emporium.

The marketplaces' own host names are kept (the allowed-domain rule is the production one); only the
checker's resolver sends them to 127.0.0.1 (``MappedResolver``), and it trusts the test CA.
"""

from __future__ import annotations

import gzip
import time

import pytest

from chinar.listings import outcome as o
from chinar.listings.check import CheckSettings, Previous, Target, run_checks
from chinar.listings.fetch import MappedResolver
from fake_marketplace import FakeMarketplace, Page, SilentServer, product_html, redirect

FLIPKART, AMAZON, EMPORIUM = "www.flipkart.com", "www.amazon.in", "emporium.jkhhc.example"


@pytest.fixture(scope="module")
def market():
    with FakeMarketplace([FLIPKART, AMAZON, EMPORIUM]) as fake:
        yield fake


@pytest.fixture(scope="module")
def silent():
    with SilentServer() as server:
        yield server


def settings(market: FakeMarketplace, **extra) -> CheckSettings:
    hosts = market.resolver_map()
    hosts.update(extra.pop("hosts", {}))
    defaults = {"delay": 0.0, "timeout": 2.0, "retries": 0, "backoff": 0.05}
    return CheckSettings(resolver=MappedResolver(hosts), ssl_context=market.client_context(), **{**defaults, **extra})


def check(market: FakeMarketplace, path: str, host: str = FLIPKART, previous: Previous | None = None,
          **extra) -> o.Outcome:
    name = {FLIPKART: "Flipkart", AMAZON: "Amazon", EMPORIUM: "JKHHC online emporium (demo)"}.get(host, "Flipkart")
    url = f"https://{host}{path}"
    [found] = run_checks([Target(url, name)], {url: previous} if previous else {}, settings(market, **extra))
    return found


def test_in_stock(market) -> None:
    market.pages[(FLIPKART, "/stole/p/itm1?pid=A1")] = Page(body=product_html("18500"), etag='"v1"')
    found = check(market, "/stole/p/itm1?pid=A1")
    assert (found.kind, found.http_status, found.price_inr, found.availability) == (o.OK, 200, 18500, "in_stock")
    assert found.currency == "INR" and found.etag == '"v1"' and not found.dead
    _host, _path, headers = market.requests[-1]
    assert headers["User-Agent"].startswith("ChinarListingChecker/")


def test_sold_out(market) -> None:
    market.pages[(FLIPKART, "/sold")] = Page(body=product_html(availability="https://schema.org/OutOfStock"))
    found = check(market, "/sold")
    assert (found.kind, found.availability, found.price_inr) == (o.OK, "out_of_stock", 18500)


def test_price_changed_written_the_indian_way(market) -> None:
    market.pages[(FLIPKART, "/dearer")] = Page(body=product_html("1,72,500.00", priceValidUntil="2026-12-31"))
    found = check(market, "/dearer")
    assert (found.price_inr, found.price_text, found.price_valid_until) == (172500, "1,72,500.00", "2026-12-31")


def test_microdata_is_read_when_there_is_no_json_ld(market) -> None:
    html = ('<html><body><div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Stole</h1>'
            '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
            '<meta itemprop="priceCurrency" content="INR"><span itemprop="price" content="9500">₹9,500</span>'
            '<link itemprop="availability" href="https://schema.org/PreOrder"></div></div></body></html>')
    market.pages[(FLIPKART, "/micro")] = Page(body=html.encode())
    found = check(market, "/micro")
    assert (found.kind, found.price_inr, found.availability) == (o.OK, 9500, "preorder")


@pytest.mark.parametrize(("status", "kind"), [(404, o.NOT_FOUND), (410, o.GONE)])
def test_not_found_and_gone_are_dead(market, status: int, kind: str) -> None:
    market.pages[(FLIPKART, f"/dead{status}")] = Page(status, b"<h1>gone</h1>")
    found = check(market, f"/dead{status}")
    assert (found.kind, found.http_status, found.dead) == (kind, status, True)


def test_redirect_to_search_or_home_is_dead(market) -> None:
    market.pages[(FLIPKART, "/relisted")] = redirect("/search?q=sozni+stole")
    market.pages[(AMAZON, "/dp/B0ABCDEFGH")] = redirect("https://www.amazon.in/", 301)
    search, home = check(market, "/relisted"), check(market, "/dp/B0ABCDEFGH", AMAZON)
    assert (search.kind, search.final_url) == (o.DEAD_REDIRECT, "https://www.flipkart.com/search?q=sozni+stole")
    assert "search page" in search.message and search.dead
    assert home.kind == o.DEAD_REDIRECT and "home page" in home.message


def test_redirect_off_the_marketplace_is_dead_and_not_followed(market) -> None:
    market.pages[(FLIPKART, "/away")] = redirect("https://flipkart.evil.example/p/x")
    before = len(market.requests)
    found = check(market, "/away")
    assert found.kind == o.DEAD_REDIRECT and "away from Flipkart" in found.message
    assert {r[0] for r in market.requests[before:]} == {FLIPKART}  # the other host was never asked


def test_redirect_chain_to_the_new_listing_works(market) -> None:
    market.pages[(FLIPKART, "/old")] = redirect("/older", 301)
    market.pages[(FLIPKART, "/older")] = redirect("https://www.flipkart.com/new/p/itm9?pid=B2", 302)
    market.pages[(FLIPKART, "/new/p/itm9?pid=B2")] = Page(body=product_html("21000"))
    found = check(market, "/old")
    assert (found.kind, found.final_url, found.price_inr) == (
        o.REDIRECTED, "https://www.flipkart.com/new/p/itm9?pid=B2", 21000)


def test_redirect_loop_and_too_many_redirects(market) -> None:
    market.pages[(FLIPKART, "/loop-a")] = redirect("/loop-b")
    market.pages[(FLIPKART, "/loop-b")] = redirect("/loop-a")
    for i in range(8):
        market.pages[(FLIPKART, f"/hop{i}")] = redirect(f"/hop{i + 1}")
    loop, chain = check(market, "/loop-a"), check(market, "/hop0")
    assert loop.kind == o.REDIRECT_LOOP and "/loop-a → https://www.flipkart.com/loop-b" in loop.message
    assert chain.kind == o.TOO_MANY_REDIRECTS and not chain.dead


def test_slow_page_times_out_within_its_limit(market) -> None:
    market.pages[(FLIPKART, "/slow")] = Page(body=product_html(), delay=3.0)
    started = time.monotonic()
    found = check(market, "/slow", timeout=0.5)
    assert found.kind == o.TIMEOUT and time.monotonic() - started < 2.5


def test_robots_txt_disallow_is_respected(market) -> None:
    market.robots[EMPORIUM] = "User-agent: *\nDisallow: /products/private-*\n"
    market.pages[(EMPORIUM, "/products/private-shawl")] = Page(body=product_html())
    market.pages[(EMPORIUM, "/products/open-shawl")] = Page(body=product_html("4500"))
    before = len(market.requests)
    blocked = check(market, "/products/private-shawl", EMPORIUM)
    assert blocked.kind == o.BLOCKED_BY_ROBOTS and "robots.txt disallows" in blocked.message
    assert not [r for r in market.requests[before:] if r[1] == "/products/private-shawl"]
    assert check(market, "/products/open-shawl", EMPORIUM).price_inr == 4500


def test_etag_unchanged_costs_a_304_and_keeps_the_last_values(market) -> None:
    market.pages[(FLIPKART, "/etag")] = Page(body=product_html("7000"), etag='"abc"')
    first = check(market, "/etag")
    again = check(market, "/etag", previous=Previous(etag=first.etag, price_inr=first.price_inr, currency="INR",
                                                     availability=first.availability))
    assert (again.kind, again.http_status, again.price_inr, again.availability) == (o.UNCHANGED, 304, 7000, "in_stock")
    assert market.requests[-1][2].get("If-None-Match") == '"abc"'


def test_ten_megabytes_of_html_are_not_read(market) -> None:
    market.pages[(FLIPKART, "/huge")] = Page(body=product_html(padding=10_000_000))
    found = check(market, "/huge")
    assert found.kind == o.TOO_LARGE and found.price_inr is None and "limit" in found.message


def test_gzip_bomb_stops_at_the_cap(market) -> None:
    bomb = gzip.compress(b"<html>" + b" " * 300_000_000, compresslevel=9)
    assert len(bomb) < 400_000
    market.pages[(FLIPKART, "/bomb")] = Page(body=bomb, headers={"Content-Type": "text/html",
                                                                 "Content-Encoding": "gzip"})
    found = check(market, "/bomb")
    assert found.kind == o.TOO_LARGE and "compressed" in found.message


def test_gzip_page_is_read(market) -> None:
    market.pages[(FLIPKART, "/gz")] = Page(body=gzip.compress(product_html("3100")),
                                           headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    assert check(market, "/gz").price_inr == 3100


def test_non_html_content_type(market) -> None:
    market.pages[(FLIPKART, "/pdf")] = Page(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"})
    found = check(market, "/pdf")
    assert found.kind == o.NOT_HTML and "application/pdf" in found.message


def test_malformed_json_ld_is_no_product_data(market) -> None:
    market.pages[(FLIPKART, "/broken")] = Page(body=b'<html><head><script type="application/ld+json">'
                                                    b'{"@type": "Product", "offers": {</script></head></html>')
    found = check(market, "/broken")
    assert found.kind == o.NO_PRODUCT_DATA and found.price_inr is None
    assert any("malformed" in n for n in found.notes)


@pytest.mark.parametrize(("page", "note", "refused"), [
    (product_html("-18500"), "more than zero", "price"),
    (product_html("250", currency="USD"), "in USD, not INR", "price"),
    (product_html("18500", availability="https://example.com/InStock"), "not a schema.org ItemAvailability",
     "availability"),
    (product_html("eighteen thousand"), "not a price in rupees", "price"),
])
def test_lying_json_ld_is_not_believed(market, page: bytes, note: str, refused: str) -> None:
    market.pages[(FLIPKART, "/lies")] = Page(body=page)
    found = check(market, "/lies")
    assert found.kind == o.OK and any(note in n for n in found.notes), found.notes
    if refused == "availability":
        assert found.availability is None and found.price_inr == 18500
    else:
        assert found.price_inr is None and found.availability == "in_stock"


def test_marketplace_without_structured_data_is_checked_by_status_only(market) -> None:
    market.pages[(AMAZON, "/dp/B0AAAAAAAA")] = Page(body=b"<html><body>Amazon page</body></html>")
    found = check(market, "/dp/B0AAAAAAAA", AMAZON)
    assert (found.kind, found.price_inr, found.availability) == (o.OK, None, None)


def test_server_error_is_retried_then_recorded(market) -> None:
    market.pages[(FLIPKART, "/flaky")] = Page(503, b"busy", then=Page(body=product_html("5100")))
    market.pages[(FLIPKART, "/down")] = Page(500, b"down")
    assert check(market, "/flaky", retries=2).price_inr == 5100
    down = check(market, "/down", retries=1)
    assert (down.kind, down.http_status) == (o.SERVER_ERROR, 500) and "2 tries" in down.message


def test_host_that_never_answers_times_out_and_the_run_keeps_its_budget(market, silent) -> None:
    hosts = {"dl.flipkart.com": ("127.0.0.1", silent.port)}
    found = check(market, "/p/x", host="dl.flipkart.com", hosts=hosts, timeout=0.5)
    assert found.kind == o.TIMEOUT
    started = time.monotonic()
    url = "https://dl.flipkart.com/p/y"
    [late] = run_checks([Target(url, "Flipkart")], {}, settings(market, hosts=hosts, timeout=30, budget=1.0))
    assert late.kind == o.NOT_CHECKED and time.monotonic() - started < 3


def test_tls_error_is_recorded(market) -> None:
    with FakeMarketplace(["flipkart.com"], ca=market.ca, cert_hosts=["other.example"]) as wrong:
        market.pages[("flipkart.com", "/p/x")] = Page(body=product_html())
        found = check(market, "/p/x", host="flipkart.com", hosts=wrong.resolver_map())
    assert found.kind == o.TLS_ERROR and "certificate" in found.message.lower()


def test_each_url_is_checked_once_and_results_keep_the_order(market) -> None:
    market.pages[(FLIPKART, "/one")] = Page(body=product_html("100"))
    market.pages[(FLIPKART, "/two")] = Page(status=404)
    targets = [Target(f"https://{FLIPKART}/two", "Flipkart"), Target(f"https://{FLIPKART}/one", "Flipkart"),
               Target(f"https://{FLIPKART}/two", "Flipkart")]
    found = run_checks(targets, {}, settings(market))
    assert [(r.url.rsplit("/", 1)[1], r.kind) for r in found] == [("two", o.NOT_FOUND), ("one", o.OK)]

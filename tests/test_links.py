"""Outbound marketplace links: UTM tags merged into whatever query the listing URL already has."""

from __future__ import annotations

import random
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from chinar import links
from chinar.links import outbound_url


def general(url: str, campaign: str | None) -> str:
    """The merge done the long way, by urllib for every URL: what ``outbound_url`` must give."""
    parts = urlsplit(url)
    tags = {"utm_source": "chinar", "utm_medium": "referral"}
    if campaign:
        tags["utm_campaign"] = campaign
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in tags]
    query.extend(tags.items())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def test_existing_query_is_kept_in_order_and_old_tags_replaced():
    url = "https://www.flipkart.com/p/itm1?pid=7&utm_source=old&ref=x#reviews"
    assert outbound_url(url, "winter-trail-2026") == ("https://www.flipkart.com/p/itm1?pid=7&ref=x&utm_source=chinar"
                                                     "&utm_medium=referral&utm_campaign=winter-trail-2026#reviews")


@pytest.mark.parametrize("url", [
    "https://www.flipkart.com/p/itm0006591",
    "https://www.amazon.in/dp/B0CX",
    "http://example.in",
    "https://shop.example.in/कानी-शॉल",
    "https://shop.example.in/سوزنی/شال",
    "https://x.example/a%20b/c;d",
])
def test_plain_urls_take_the_short_way_and_match_the_long_way(url):
    assert links._PLAIN_URL.fullmatch(url)
    for campaign in (None, "", "winter-trail-2026", "ईद & दिवाली"):
        assert outbound_url(url, campaign) == general(url, campaign)


@pytest.mark.parametrize("url", [
    "HTTPS://WWW.FLIPKART.COM/p/1", "https://x.example/?", "https://x.example/#", "https://x.example/p?q=1",
    "https://[::1]/p", " https://x.example/p", "https://x.example/a b", "https://x.example/p\n", "https://x.ex\tample/p",
    "ftp://x.example/p", "https://x.example/p#frag",
])
def test_other_urls_take_the_long_way(url):
    assert not links._PLAIN_URL.fullmatch(url)
    assert outbound_url(url, "c") == general(url, "c")


def test_generated_urls_match_the_long_way():
    rng = random.Random(11)
    pieces = ["https://", "http://", "HTTP://", "www.flipkart.com", "/p/", "itm", "?", "&", "#", "=", "a", "q=1",
              "utm_source=x", " ", "\t", "[", "]", "::1", "कानी", "شال", "%20", ";", "@", ":8080", "\x7f", "+"]
    taken = 0
    for _ in range(3000):
        url = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        campaign = rng.choice([None, "", "trail", "a b&c"])
        try:
            expected = general(url, campaign)
        except ValueError:  # urlsplit rejects it (an unbalanced IPv6 bracket): so must outbound_url
            with pytest.raises(ValueError):
                links._tagged.__wrapped__(url, campaign)
            continue
        taken += bool(links._PLAIN_URL.fullmatch(url))
        assert links._tagged.__wrapped__(url, campaign) == expected, url
    assert taken > 50  # the short way itself was exercised

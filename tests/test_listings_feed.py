"""Seller feeds and written prices: read exactly, or refused whole with the line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from chinar import cli
from chinar.listings.feed import FeedError, parse_csv_feed, parse_json_feed, read_feed
from chinar.listings.prices import PriceError, parse_price_inr
from chinar.listings.structured import availability_of
from chinar.marketplaces import listing_id, registry


@pytest.mark.parametrize(("text", "rupees"), [
    ("₹1,25,000.00", 125000), ("125,000", 125000), ("1.25 lakh", 125000), ("Rs. 5000", 5000),
    ("5000 INR", 5000), ("₹ 1,72,500 /-", 172500), ("2 crore", 20_000_000), ("1,299.50", 1300), (18500, 18500),
])
def test_prices_are_read_as_rupees(text: object, rupees: int) -> None:
    assert parse_price_inr(text) == rupees


@pytest.mark.parametrize(("text", "reason"), [
    ("1.250.000", "not a price in rupees"), ("12,50,00", "not a price in rupees"), ("$1,250", "not in rupees"),
    ("-5", "more than zero"), ("0", "more than zero"), ("about 5000", "not a price"), ("1,25 lakh", "plain number"),
    ("", "not a price"), (True, "not a price"), ("20 crore crore", "not a price"), ("999 crore", "not believed"),
])
def test_doubtful_prices_are_refused(text: object, reason: str) -> None:
    with pytest.raises(PriceError) as err:
        parse_price_inr(text)
    assert reason in str(err.value)


def test_availability_must_be_a_schema_org_value() -> None:
    assert availability_of("https://schema.org/InStock") == "in_stock"
    assert availability_of("http://schema.org/SoldOut") == "out_of_stock"
    assert availability_of("PreOrder") == "preorder"
    for bad in ("https://example.com/InStock", "in stock", "yes", 1, "https://schema.org/Maybe"):
        assert availability_of(bad) is None


def test_a_csv_feed_is_read_row_by_row() -> None:
    rows = parse_csv_feed("listing_id,url,price,stock,title\nSTLG0001,,\"₹1,25,000.00\",3,Stole\n"
                          "B0ABCDEFGH,https://www.amazon.in/dp/B0ABCDEFGH,1.25 lakh,0,Shawl\n")
    assert [(r.line, r.listing_id, r.price_inr, r.availability) for r in rows] == [
        (2, "STLG0001", 125000, "in_stock"), (3, "B0ABCDEFGH", 125000, "out_of_stock")]


def test_a_json_feed_is_read_too() -> None:
    rows = parse_json_feed('{"listings": [{"url": "https://www.flipkart.com/x?pid=AB12CD34", "price": 18500, '
                           '"availability": "https://schema.org/OutOfStock"}]}')
    assert [(r.line, r.price_inr, r.availability) for r in rows] == [(1, 18500, "out_of_stock")]


@pytest.mark.parametrize(("text", "problem"), [
    ("sku,cost\nA,1\n", "unknown column(s) 'cost'"),
    ("title,price\nA,1\n", "needs a listing_id or url column"),
    ("listing_id,title\nA,x\n", "needs a price, availability or stock column"),
    ("listing_id,price\nA,100\nA,200\n", "line 3, column listing_id: 'A' is already on line 2"),
    ("listing_id,price\nA,1.25 lakhs\nB,\"1,25 lakh\"\n", "line 3, column price"),
    ("listing_id,price,currency\nA,100,USD\n", "'USD' is not INR"),
    ("listing_id,price,availability\nA,100,maybe\n", "column availability: 'maybe'"),
    ("listing_id,price\nA,100,extra\n", "line 2: 3 values for 2 columns"),
    ("", "empty file"),
])
def test_a_malformed_feed_is_refused_whole(text: str, problem: str) -> None:
    with pytest.raises(FeedError) as err:
        parse_csv_feed(text, "feed.csv")
    assert any(problem in p for p in err.value.problems), err.value.problems


def test_listing_ids_come_from_the_declared_url_forms() -> None:
    reg = registry()
    assert listing_id(reg.get("Flipkart"), "https://www.flipkart.com/s/p/itm1?pid=STLG0001&lid=X") == "STLG0001"
    assert listing_id(reg.get("Amazon"), "https://www.amazon.in/dp/B0ABCDEFGH") == "B0ABCDEFGH"
    assert listing_id(reg.get("Amazon"), "https://www.amazon.in/s?k=shawl") is None


def test_chinar_listings_import_refuses_a_malformed_feed_before_the_cms(tmp_path: Path, capsys) -> None:
    feed = tmp_path / "feed.csv"
    feed.write_text("listing_id,price\nSTLG0001,19000\nSTLG0001,19500\n")
    assert cli.main(["listings", "import", str(feed), "--marketplace", "Flipkart",
                     "--cms-dir", str(tmp_path / "no-cms")]) == 1
    err = capsys.readouterr().err
    assert "not imported, nothing changed" in err and "already on line 2" in err
    assert cli.main(["listings", "import", str(feed), "--marketplace", "Flopkart"]) == 2


def test_a_feed_file_is_told_apart_by_its_extension_or_content(tmp_path: Path) -> None:
    (tmp_path / "feed.json").write_text('[{"listing_id": "A", "price": "₹100"}]')
    (tmp_path / "feed.txt").write_text("listing_id,price\nA,100\n")
    assert [r.price_inr for r in read_feed(tmp_path / "feed.json")] == [100]
    assert [r.price_inr for r in read_feed(tmp_path / "feed.txt")] == [100]

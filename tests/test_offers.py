"""One truth for price and stock: a product's price comes from its listings, a dead listing is never
a buy button, and a product nobody can buy offers what a buyer can have instead."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sites import page

from chinar.build import build
from chinar.content import load_catalog
from chinar.offers import Price, is_buyable, is_stale, product_price
from chinar.relations import alternatives, resolve

DEMO = Path(__file__).resolve().parents[1] / "content"


def listing(price: int, availability: str = "in_stock", **extra) -> dict:
    return {"marketplace": "Flipkart", "url": "https://www.flipkart.com/x", "seller": "S", "price_inr": price,
            "availability": availability, "last_checked": "2026-11-01", **extra}


@pytest.mark.parametrize(("listings", "expected"), [
    ([listing(18500)], Price(18500, False, True)),
    ([listing(19000), listing(18500), listing(17000, "out_of_stock")], Price(18500, True, True)),
    ([listing(18500), listing(18500, "preorder")], Price(18500, False, True)),  # same price twice: no "from"
    ([listing(16000, link_status="dead"), listing(18500)], Price(18500, False, True)),
    ([listing(19000, "out_of_stock"), listing(17000, "discontinued")], Price(17000, False, False)),
    ([listing(19000, link_status="dead")], None),
])
def test_product_price_comes_from_the_listings(listings: list[dict], expected: Price | None) -> None:
    assert product_price({"listings": listings}) == expected


def test_a_dead_listing_is_never_buyable() -> None:
    assert is_buyable(listing(1)) and is_buyable(listing(1, "preorder"))
    assert not is_buyable(listing(1, link_status="dead"))
    assert not is_buyable(listing(1, "out_of_stock"))


def test_staleness_is_measured_against_the_newest_check() -> None:
    assert not is_stale(listing(1, last_checked="2026-10-02"), "2026-11-01", 30)
    assert is_stale(listing(1, last_checked="2026-10-01"), "2026-11-01", 30)


def test_alternatives_are_in_stock_and_nearest_first() -> None:
    catalog = load_catalog(DEMO)
    rel = resolve(catalog)
    sold_out = [k for k in catalog.keys("product") if k not in rel.products_available]
    assert sold_out, "the demo catalog has sold-out products"
    for key in sold_out:
        product = catalog.get("product", key, "en")
        alt = alternatives(rel, product)
        assert key not in alt["artisan"] + alt["craft"]
        assert all(k in rel.products_available for k in alt["artisan"] + alt["craft"])
        assert all(catalog.get("product", k, "en")["artisan"] == product["artisan"] for k in alt["artisan"])
        assert all(catalog.get("product", k, "en")["craft"] == product["craft"]
                   and catalog.get("product", k, "en")["artisan"] != product["artisan"] for k in alt["craft"])
        here = rel.product_district[key]
        same_district = [rel.product_district[k] == here for k in alt["craft"]]
        assert same_district == sorted(same_district, reverse=True)  # same district first
    assert any(alternatives(rel, catalog.get("product", k, "en"))["craft"] for k in sold_out)


def edit(path: Path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False))


@pytest.fixture
def dead_site(tiny_content: Path, tmp_path: Path, image_cache: Path) -> Path:
    """The tiny catalog with a second stole in stock, and the first one's Flipkart listing found dead."""
    stole = tiny_content / "products/sozni-stole.en.json"
    other = json.loads(stole.read_text())
    other.update(id="product-sozni-shawl-en", slug="sozni-shawl", translation_key="sozni-shawl",
                 title="Sozni shawl, chinar leaves")
    other["listings"] = [listing(24000, url="https://www.flipkart.com/sozni-shawl/p/itm2?pid=STLG0002")]
    (tiny_content / "products/sozni-shawl.en.json").write_text(json.dumps(other))
    edit(stole, lambda d: d["listings"][0].update(link_status="dead"))
    out = tmp_path / "out"
    build(tiny_content, out, "https://chinar.example.in", cache_dir=image_cache)
    return out


def test_a_dead_listing_has_no_buy_button_and_says_so(dead_site: Path) -> None:
    doc = page(dead_site, "/products/sozni-stole/")
    html = (dead_site / "products/sozni-stole/index.html").read_text()
    assert not [a for a in doc.anchors if "STLG0001" in a.get("href", "")]
    assert "Listing removed by the marketplace" in html
    assert '<p class="price"><span class="unavailable">Sold out</span></p>' in html
    product = next(d for d in doc.jsonld if d["@type"] == "Product")
    dead, out_of_stock = product["offers"]["offers"]
    assert dead["availability"] == "https://schema.org/Discontinued" and "url" not in dead and "price" not in dead
    assert out_of_stock["availability"] == "https://schema.org/OutOfStock"
    assert product["offers"]["availability"] == "https://schema.org/OutOfStock"
    # What the buyer can have instead: the artisan's stole in stock, linked.
    assert 'id="h-alternatives"' in html
    section = html[html.index('id="h-alternatives"'):]
    assert '/products/sozni-shawl/' in section and "₹24,000" in section


def test_an_old_check_is_shown_plainly(tiny_content: Path, tmp_path: Path, image_cache: Path) -> None:
    edit(tiny_content / "products/sozni-stole.en.json",
         lambda d: d["listings"][1].update(last_checked="2026-08-15"))
    build(tiny_content, tmp_path / "out", "https://chinar.example.in", cache_dir=image_cache)
    html = (tmp_path / "out/products/sozni-stole/index.html").read_text()
    assert '<span class="stale">Last checked 15 August 2026: the price and stock may have changed since</span>' in html
    assert '<span class="meta">Checked 1 November 2026</span>' in html  # the fresh one stays quiet


def test_a_price_valid_until_reaches_the_offer(tiny_content: Path, tmp_path: Path, image_cache: Path) -> None:
    edit(tiny_content / "products/sozni-stole.en.json",
         lambda d: d["listings"][0].update(price_valid_until="2026-12-31"))
    build(tiny_content, tmp_path / "out", "https://chinar.example.in", cache_dir=image_cache)
    product = next(d for d in page(tmp_path / "out", "/products/sozni-stole/").jsonld if d["@type"] == "Product")
    assert product["offers"]["offers"][0]["priceValidUntil"] == "2026-12-31"


def test_rule_collections_and_the_price_facet_use_the_listing_price(tiny_content: Path) -> None:
    """'Under ₹20,000' holds the stole at ₹18,500 and drops it when its only buyable listing costs more."""
    catalog = load_catalog(tiny_content)
    assert ("product", "sozni-stole") in resolve(catalog).collection_items["under-20000"]
    edit(tiny_content / "products/sozni-stole.en.json", lambda d: d["listings"][0].update(price_inr=21000))
    catalog = load_catalog(tiny_content)
    assert ("product", "sozni-stole") not in resolve(catalog).collection_items["under-20000"]
    from chinar.search.documents import record_document

    doc = record_document(catalog, catalog.get("product", "sozni-stole", "en"))
    assert doc.price == 21000  # the price a buyer can pay, not the cheaper listing that is out of stock


def random_relations(seed: int):
    """Products of two crafts in up to four districts (an artisan's products in the artisan's district), many
    at the same few prices, some without a price, about a third sold out."""
    import random

    from chinar.relations import Relations

    rng = random.Random(seed)
    rel = Relations()
    districts = ["srinagar", "budgam", "anantnag", "jammu"][:rng.randint(1, 4)]
    products = {}
    for n in range(rng.randint(30, 200)):
        artisan = f"a{rng.randrange(25)}"
        key = f"p{n:03d}"
        products[key] = {"translation_key": key, "artisan": artisan, "craft": rng.choice(["sozni", "namda"])}
        rel.products_by_artisan[artisan].append(key)
        rel.products_by_craft[products[key]["craft"]].append(key)
        rel.product_district[key] = districts[int(artisan[1:]) % len(districts)]
        rel.product_price[key] = None if rng.random() < 0.15 else rng.choice([900, 1000, 1100, 1200, 5000])
        if rng.random() < 0.7:
            rel.products_available.add(key)
    return rel, products


def nearest_by_definition(rel, products: dict, product: dict, limit: int) -> list[str]:
    """Every product of the craft a buyer can buy, by another artisan, ordered by (another district, price gap,
    key), the gap infinite when either price is missing; the first ``limit``."""
    key, price = product["translation_key"], rel.product_price[product["translation_key"]]

    def order(k: str) -> tuple:
        other = rel.product_price[k]
        gap = abs(other - price) if price is not None and other is not None else float("inf")
        return (rel.product_district[k] != rel.product_district[key], gap, k)

    candidates = [k for k in rel.products_by_craft[product["craft"]]
                  if k in rel.products_available and products[k]["artisan"] != product["artisan"]]
    return sorted(candidates, key=order)[:limit]


@pytest.mark.parametrize("seed", range(6))
def test_alternatives_are_the_nearest_of_a_craft_with_ties_and_missing_prices(seed: int) -> None:
    """The craft alternatives are exactly what the definition says (``nearest_by_definition``), product by
    product, on catalogs with many equal prices, products without a price and sold-out ones: the fast search
    (walking outwards from the price, district by district) gives the same products in the same order."""
    rel, products = random_relations(seed)
    for product in products.values():
        for limit in (1, 4, 9):
            assert alternatives(rel, product, limit)["craft"] == nearest_by_definition(rel, products, product, limit)

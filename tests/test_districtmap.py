"""The district map (``chinar.districtmap``): a tile cartogram drawn as inline SVG from the district records.

The SVG is parsed as XML here (it is written to be well-formed), and checked for what a buyer relies on:
one link per district, to its page, named in the page's language; every district on its own tile; a
craft trail's districts marked and numbered in trail order; the same output for the same input.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from catalogs import ROOT
from chinar import urls
from chinar.content import load_catalog
from chinar.districtmap import HALF_HEIGHT, HALF_WIDTH, LABEL_Y, MARK_Y, ROW_STEP, Tile, centre, label_size, place, svg
from chinar.languages import LOCALES

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def demo():
    return load_catalog(ROOT / "content")


def tiles(catalog, locale: str) -> list[Tile]:
    cells = place(catalog.get("district", k, "en") for k in catalog.keys("district"))
    out = []
    for key in catalog.keys("district"):
        rec = catalog.get("district", key, locale)
        out.append(Tile(key, rec["name"], urls.href(urls.record(rec)), cells[key], rec["division"],
                        "" if rec["locale"] == locale else rec["locale"]))
    return out


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def links(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{SVG}a")


def translate(element: ET.Element) -> tuple[float, float]:
    x, y = element.get("transform").removeprefix("translate(").removesuffix(")").split()
    return float(x), float(y)


@pytest.mark.parametrize("locale", LOCALES)
def test_one_link_per_district_named_in_the_language_of_the_page(demo, locale: str) -> None:
    root = parse(svg(tiles(demo, locale)))
    found = links(root)
    assert len(found) == len(demo.keys("district")) == 20
    for link in found:
        rec = demo.get("district", link.get("data-key"), locale)
        assert link.get("href") == "/" + urls.record(rec)
        prefix = {"en": "/districts/", "hi": "/hi/districts/", "ur": "/ur/districts/"}[locale]
        assert link.get("href").startswith(prefix)
        assert link.find(f"{SVG}title").text == rec["name"]  # the accessible name
        assert link.find(f"{SVG}path") is not None
        assert link.get("class") == rec["division"].lower()
        assert link.find(f"{SVG}desc") is None  # no trail: nothing else to say
    # The visible labels: one per district, on its tile, above the tiles and hidden from assistive
    # technology (the links' titles name them), letting a tap through to the tile.
    layer = root.find(f"{SVG}g[@class='labels']")
    assert layer.get("aria-hidden") == "true" and layer.get("pointer-events") == "none"
    on_tile = {translate(link): demo.get("district", link.get("data-key"), locale)["name"] for link in found}
    labels = {(float(t.get("x")), float(t.get("y")) - LABEL_Y): t.text for t in layer}
    assert labels == on_tile


def test_every_district_has_its_own_tile_and_tiles_do_not_overlap(demo) -> None:
    root = parse(svg(tiles(demo, "en")))
    centres = [translate(link) for link in links(root)]
    assert len(set(centres)) == len(centres) == 20
    # Two tiles (pointy-top hexagons) do not overlap when they are a whole tile apart across, or a whole
    # tile apart up or down, or a row apart and half a tile across (neighbours in the rows above and below).
    for i, (x1, y1) in enumerate(centres):
        for x2, y2 in centres[i + 1:]:
            dx, dy = abs(x1 - x2), abs(y1 - y2)
            assert dx >= 2 * HALF_WIDTH or dy >= 2 * HALF_HEIGHT or (dy >= ROW_STEP and dx >= HALF_WIDTH)
    # Every tile is inside the viewBox, and the natural size is the viewBox's (1 unit = 1 CSS pixel).
    left, top, width, height = map(float, root.get("viewBox").split())
    assert (float(root.get("width")), float(root.get("height"))) == (width, height)
    for x, y in centres:
        assert left <= x - HALF_WIDTH and x + HALF_WIDTH <= left + width
        assert top <= y - HALF_HEIGHT and y + HALF_HEIGHT <= top + height


def test_the_cartogram_keeps_the_geography_north_up_west_left(demo) -> None:
    """A few facts any reader of a map of Jammu & Kashmir would check."""
    at = {link.get("data-key"): translate(link) for link in links(parse(svg(tiles(demo, "en"))))}
    assert at["kupwara"][1] == min(y for _x, y in at.values())  # the far north
    assert at["samba"][1] == max(y for _x, y in at.values())  # the plains in the far south
    assert at["poonch"][0] == min(x for x, _y in at.values())  # the far west
    assert at["kishtwar"][0] == max(x for x, _y in at.values())  # the far east
    kashmir = [y for k, (_x, y) in at.items() if demo.get("district", k, "en")["division"] == "Kashmir"]
    jammu_north_of_pir_panjal = {"poonch"}  # Poonch reaches as far north as the valley's south
    jammu = [y for k, (_x, y) in at.items() if demo.get("district", k, "en")["division"] == "Jammu"
             and k not in jammu_north_of_pir_panjal]
    assert max(kashmir) <= min(jammu)  # the valley north of the Pir Panjal, Jammu's hills and plains south
    assert at["srinagar"][1] < at["jammu"][1] and at["kathua"][0] > at["jammu"][0]


def test_the_map_does_not_depend_on_the_language(demo) -> None:
    """Right to left or not, every language draws the same geography (only names and links differ)."""
    drawn = {loc: {link.get("data-key"): link.get("transform") for link in links(parse(svg(tiles(demo, loc))))}
             for loc in LOCALES}
    assert drawn["en"] == drawn["hi"] == drawn["ur"]
    assert 'dir="rtl"' not in svg(tiles(demo, "ur")) and "scale(-1" not in svg(tiles(demo, "ur"))


def test_a_craft_trail_is_marked_numbered_and_joined_in_order(demo) -> None:
    campaign = demo.get("campaign", "craft-trail-2027", "en")
    [block] = [b for b in campaign["blocks"] if b["type"] == "craft_trail"]
    trail = [stop["district"] for stop in block["stops"]]
    root = parse(svg(tiles(demo, "en"), trail=trail, stop_label="Stop %(n)s"))
    at = {link.get("data-key"): link for link in links(root)}
    assert len(at) == 20  # every district still links to its page
    assert sorted(k for k, link in at.items() if "stop" in link.get("class").split()) == sorted(set(trail))
    for n, key in enumerate(trail, 1):
        assert f"Stop {n}" in at[key].find(f"{SVG}desc").text
    # The numbered marks sit on their districts' tiles, in trail order.
    marks = root.find(f"{SVG}g[@class='marks']")
    assert marks.get("aria-hidden") == "true" and marks.get("pointer-events") == "none"
    by_number = {}
    for mark in marks:
        for n in mark.get("data-stops").split(","):
            by_number[int(n)] = translate(mark)
        assert mark.find(f"{SVG}text").text == mark.get("data-stops")
    assert sorted(by_number) == list(range(1, len(trail) + 1))
    for n, key in enumerate(trail, 1):
        x, y = translate(at[key])
        mx, my = by_number[n]
        assert (mx, my) == (x, y + MARK_Y) and y - HALF_HEIGHT < my < y
    # The route joins the marks in trail order.
    route = root.find(f"{SVG}polyline[@class='route']")
    points = [tuple(map(float, p.split(","))) for p in route.get("points").split()]
    assert points == [by_number[n] for n in range(1, len(trail) + 1)]


def test_a_district_visited_twice_carries_both_numbers() -> None:
    row = [Tile(k, k.title(), f"/districts/{k}/", (i, 0), "Kashmir") for i, k in enumerate(["a", "b", "c"])]
    root = parse(svg(row, trail=["a", "b", "a", "c"], stop_label="Halt %(n)s"))
    at = {link.get("data-key"): link for link in links(root)}
    assert at["a"].find(f"{SVG}desc").text == "Halt 1, Halt 3"
    marks = {m.get("data-stops"): m for m in root.find(f"{SVG}g[@class='marks']")}
    assert set(marks) == {"1,3", "2", "4"}
    assert marks["1,3"].find(f"{SVG}rect") is not None  # a pill wide enough for "1,3"
    points = root.find(f"{SVG}polyline").get("points").split()
    assert len(points) == 4 and points[0] == points[2]


def test_same_input_same_bytes_whatever_the_order(demo) -> None:
    shown = tiles(demo, "hi")
    assert svg(shown, trail=["jammu", "srinagar"]) == svg(list(reversed(shown)), trail=["jammu", "srinagar"])


def test_names_are_escaped_and_fallbacks_carry_their_language() -> None:
    root_text = svg([Tile("x", 'A & B <"C">', "/districts/x/?a=1&b=2", (0, 0), "Jammu", lang="en")],
                    labelledby="cap", describedby="list")
    root = parse(root_text)
    [link] = links(root)
    assert link.find(f"{SVG}title").text == 'A & B <"C">' and link.get("href") == "/districts/x/?a=1&b=2"
    assert link.get("lang") == "en"
    assert root.get("aria-labelledby") == "cap" and root.get("aria-describedby") == "list"
    assert root.get("role") == "group"


def test_districts_without_a_tile_or_with_a_taken_one_go_below_the_map() -> None:
    records = [{"translation_key": "b", "map": {"col": 1, "row": 3}},
               {"translation_key": "a", "map": {"col": 1, "row": 3}},  # first by key: keeps the tile
               {"translation_key": "d"}, {"translation_key": "c", "map": {"col": 5, "row": 0}}]
    cells = place(records)
    assert cells["a"] == (1, 3) and cells["c"] == (5, 0)
    assert cells["b"] == (0, 5) and cells["d"] == (1, 5)  # a free row below the last one, in key order
    assert len(set(cells.values())) == 4
    assert place(reversed(records)) == cells
    assert place([{"translation_key": "z"}]) == {"z": (0, 0)}


def test_labels_shrink_to_fit_a_tile() -> None:
    assert label_size("Doda") == 12 and label_size("डोडा") == 12.5 and label_size("ڈوڈہ") == 14
    assert label_size("Bandipora") == 11.5
    assert label_size("Chenab Valley Woollens of the Hills") == 7  # the smallest; its title still names it
    # Marks that sit on a letter take no room: Devanagari with vowel signs fits as well as without.
    assert label_size("श्रीनगर") == label_size("शरनगर")


def test_centres_follow_the_odd_r_grid() -> None:
    assert centre((0, 0)) == (0, 0) and centre((1, 0)) == (70, 0)
    assert centre((0, 1)) == (35, 60) and centre((2, 2)) == (140, 120)

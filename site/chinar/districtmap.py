"""The map of crafts by district: a tile cartogram of the districts, drawn as inline SVG at build time.

What it is, and why: every district is one hexagon of the same size in a grid, placed by hand at roughly
its real position relative to its neighbours (north up, west left), the way election maps draw
constituencies. It is a schematic, not a survey map. Source and licence: no boundary data is used (GADM's
boundaries may not be redistributed or used commercially without permission, and a map of Jammu &
Kashmir published in India must draw India's external boundary as the Survey of India does), so there
is no third-party licence to carry; the positions were set for this project from public knowledge of
which district borders which. Nothing comes from the network (no tiles), no JavaScript is needed to read
it, every district gets a tile big enough to tap on a phone however small the district is, and the
whole map costs about 1 KB gzipped in a page. The positions are data, not code: each district record's
``map: {"col": c, "row": r}`` (``content/schemas/district.schema.json``), which the CMS edits on the
district (docs/map.md).

Grid: "odd-r" offset rows of pointy-top hexagons; row 0 is the north, column 0 the west, and odd rows sit
half a tile east. A district's cell is read from its default-language version (geography does not
change with the language: every language draws the same map). A district with no cell, or whose cell an
earlier district (by key) already has (``chinar check`` reports that as an error), is drawn in a row of
its own below the map, so it is still there to click.

``svg`` draws the map: one ``<a>`` per district, named by a ``<title>`` in the page's language and
linking to the district page in that language; on a craft trail, the trail's districts are marked and
numbered in trail order and joined by a line. Output depends only on its arguments (deterministic).
Coordinates are SVG user units, independent of the page's direction: a right-to-left page does not
mirror the geography.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from .catalog import Record
from .languages import N_

#: Half a tile's width and height, and the step between rows (user units of the SVG).
HALF_WIDTH = 35
HALF_HEIGHT = 40
ROW_STEP = 60
PAD = 4
#: The tile's outline, centred on (0, 0).
TILE = "M0-40l35 20v40l-35 20-35-20v-40z"
#: Where a label's baseline sits in its tile: mid-tile, or on a trail map lower, under the stop's number
#: (Nastaliq, whose letters rise high above the line, lower still); and where a stop's number is centred.
LABEL_Y, MARK_Y = 4, -17
TRAIL_LABEL_Y = {"Latn": 13, "Deva": 14, "Arab": 17}
#: The room a label has across a tile, and its largest size per script (Nastaliq reads small).
LABEL_ROOM = 58
LABEL_SIZE = {"Latn": 12.0, "Deva": 12.5, "Arab": 14.0}
#: What a trail stop's link says besides its name (its accessible description).
STOP_LABEL = N_("Stop %(n)s")

Cell = tuple[int, int]  # (col, row)


@dataclass(frozen=True)
class Tile:
    """One district as the map draws it: ``name`` in the page's language (``lang`` set when it is a
    fallback in another language), ``href`` its page, ``cell`` its place in the grid."""

    key: str
    name: str
    href: str
    cell: Cell
    division: str
    lang: str = ""


def place(districts: Iterable[Record]) -> dict[str, Cell]:
    """Each district's cell, by translation key: its own ``map`` cell, or, without one or when an earlier
    district (by key) has that cell, the next free cell of a row below the map, in key order."""
    cells: dict[str, Cell] = {}
    taken: set[Cell] = set()
    unplaced: list[str] = []
    for rec in sorted(districts, key=lambda r: r["translation_key"]):
        where = rec.get("map")
        cell = (where["col"], where["row"]) if where else None
        if cell is None or cell in taken:
            unplaced.append(rec["translation_key"])
            continue
        cells[rec["translation_key"]] = cell
        taken.add(cell)
    if unplaced:
        width = max([4, *(c + 1 for c, _r in taken)])
        first_row = max((r for _c, r in taken), default=-2) + 2
        for i, key in enumerate(unplaced):
            cells[key] = (i % width, first_row + i // width)
    return cells


def centre(cell: Cell) -> tuple[float, float]:
    """Where a cell's tile is centred (odd rows half a tile east)."""
    col, row = cell
    return col * 2 * HALF_WIDTH + (HALF_WIDTH if row % 2 else 0), row * ROW_STEP


def _script(text: str) -> str:
    for ch in text:
        if "\u0900" <= ch <= "\u097f":
            return "Deva"
        if "\u0600" <= ch <= "\u06ff":
            return "Arab"
    return "Latn"


_LATIN_NARROW, _LATIN_WIDE = frozenset("fijlrtI'.-"), frozenset("mwMW")


def _ems(text: str, script: str) -> float:
    """A label's width in ems, estimated (no font metrics at build time): marks that sit on a letter take
    no room, joined Nastaliq letters little; Latin letters by rough width class."""
    width = 0.0
    for ch in text:
        if unicodedata.category(ch) == "Mn":
            continue
        if ch == " ":
            width += 0.3
        elif script == "Latn":
            width += 0.32 if ch in _LATIN_NARROW else 0.92 if ch in _LATIN_WIDE else 0.7 if ch.isupper() else 0.6
        else:
            width += 0.6 if script == "Deva" else 0.45
    return width


def label_size(text: str) -> float:
    """The label's font size: the script's size, smaller (by half units) when the name would not fit."""
    script = _script(text)
    size = LABEL_SIZE[script]
    ems = _ems(text, script)
    while size > 7 and ems * size > LABEL_ROOM:
        size -= 0.5
    return size


def _num(value: float) -> str:
    return f"{value:g}"


def svg(tiles: Sequence[Tile], *, trail: Sequence[str] = (), stop_label: str = STOP_LABEL,
        labelledby: str = "", describedby: str = "") -> str:
    """The map as an inline ``<svg>`` element.

    ``trail``: district keys in trail order (a key may come back); those districts are marked, each
    numbered with its stops, and a line joins the stops in order. ``stop_label`` (translated, with
    ``%(n)s``) describes a stop's link. ``labelledby``/``describedby``: ids of the caption and of the list
    that summarises the map, for assistive technology. Tiles are drawn in key order; the viewBox fits
    them. ``width``/``height`` are its natural size (a tile 70 units wide is 70 CSS pixels: a map of a
    few districts stays small); the page's CSS lets it shrink to fit a narrow screen (``max-width: 100%``).
    """
    tiles = sorted(tiles, key=lambda t: t.key)
    stops: dict[str, list[int]] = {}
    for n, key in enumerate(trail, 1):
        stops.setdefault(key, []).append(n)
    xs = [centre(t.cell)[0] for t in tiles] or [0]
    ys = [centre(t.cell)[1] for t in tiles] or [0]
    left, top = min(xs) - HALF_WIDTH - PAD, min(ys) - HALF_HEIGHT - PAD
    width, height = max(xs) - min(xs) + 2 * (HALF_WIDTH + PAD), max(ys) - min(ys) + 2 * (HALF_HEIGHT + PAD)
    attrs = [f'viewBox="{_num(left)} {_num(top)} {_num(width)} {_num(height)}"',
             f'width="{_num(width)}" height="{_num(height)}"', 'role="group"',
             'text-anchor="middle"', 'font-size="12"', f'class="{"trail" if trail else "districts"}"']
    if labelledby:
        attrs.append(f'aria-labelledby="{escape(labelledby)}"')
    if describedby:
        attrs.append(f'aria-describedby="{escape(describedby)}"')
    out = [f'<svg {" ".join(attrs)}>']
    # Layers, bottom up: the links (tiles), the route, the labels, the numbers. Labels and numbers let a
    # tap through to the tile under them; a link is named by its <title>, so they are hidden from
    # assistive technology (the names would be read twice).
    labels = ['<g class="labels" pointer-events="none" aria-hidden="true">']
    for t in tiles:
        x, y = centre(t.cell)
        classes = escape(t.division.lower()) + (" stop" if t.key in stops else "")
        lang = f' lang="{escape(t.lang)}"' if t.lang else ""
        name = escape(t.name)
        desc = ""
        if t.key in stops:
            desc = "<desc>" + escape(", ".join(stop_label % {"n": n} for n in stops[t.key])) + "</desc>"
        out.append(f'<a href="{escape(t.href)}" class="{classes}" data-key="{escape(t.key)}"{lang} '
                   f'transform="translate({_num(x)} {_num(y)})"><title>{name}</title>{desc}<path d="{TILE}"/></a>')
        size = label_size(t.name)
        font = f' font-size="{_num(size)}"' if size != 12 else ""
        dy = TRAIL_LABEL_Y[_script(t.name)] if trail else LABEL_Y
        labels.append(f'<text x="{_num(x)}" y="{_num(y + dy)}" class="{classes}"{lang}{font}>{name}</text>')
    labels.append("</g>")
    if trail:
        at = {t.key: centre(t.cell) for t in tiles}
        points = [at[key] for key in trail if key in at]
        if len(points) > 1:
            path = " ".join(f"{_num(x)},{_num(y + MARK_Y)}" for x, y in points)
            out.append(f'<polyline class="route" points="{path}" fill="none" pointer-events="none" '
                       'aria-hidden="true"/>')
    out.extend(labels)
    if trail:
        out.append('<g class="marks" pointer-events="none" aria-hidden="true">')
        for t in tiles:
            if t.key not in stops:
                continue
            x, y = centre(t.cell)
            text = ",".join(map(str, stops[t.key]))
            half = max(10, 3.2 * len(text) + 5)
            shape = ('<circle r="10"/>' if len(text) < 3 else
                     f'<rect x="{_num(-half)}" y="-10" width="{_num(2 * half)}" height="20" rx="10"/>')
            out.append(f'<g transform="translate({_num(x)} {_num(y + MARK_Y)})" data-stops="{text}">{shape}'
                       f'<text y="4" font-size="11">{text}</text></g>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)

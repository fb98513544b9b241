"""Draw every image the demo catalog references, deterministically, with Pillow.

Regenerate (after ``scripts/make_demo_catalog.py`` or any hand edit that adds an image)::

    .venv/bin/python scripts/make_demo_media.py          # writes missing or changed files in content/media/
    .venv/bin/python scripts/make_demo_media.py --check  # exit 1 if an image is missing or differs

The script reads every record under ``content/``, collects each image ``src`` and draws it from a
seed derived from the path, so the same catalog always gives byte-identical JPEGs (no EXIF, no
timestamps). Nothing here is a photograph or third-party material: crafts and products get
textile-like patterns (weaves, paisleys, lattices, carpet medallions, painted colour fields),
portraits are abstract silhouettes, districts are bands of hill, water and field.

Sizes: heroes 1200x800, products 1200x900, portraits 800x1000, JPEG quality 82. Products of one
craft share a small pool of pattern images (``products/<craft>-<n>.jpg``) to keep the repository small.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import logging
import math
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
MEDIA = CONTENT / "media"
QUALITY = 82
SIZES = {"products": (1200, 900), "artisans": (800, 1000)}
HERO = (1200, 800)

Colour = tuple[int, int, int]


def hexes(*values: str) -> list[Colour]:
    return [tuple(int(v[i : i + 2], 16) for i in (1, 3, 5)) for v in values]  # type: ignore[misc]


PALETTES: dict[str, list[Colour]] = {
    "pashmina": hexes("#d8c7a8", "#efe6d2", "#8a6e4b", "#a39e93"),
    "kani": hexes("#efe3c8", "#9b2d20", "#23345c", "#e0a030", "#4d6b3c"),
    "sozni": hexes("#e9dfc9", "#a8452a", "#5f6f3a", "#2f3f66", "#c8963e"),
    "papier-mache": hexes("#1d1a1a", "#d4a537", "#d2432b", "#2a9d8f", "#f1e6cf"),
    "walnut-wood-carving": hexes("#4a2f1d", "#6b4429", "#8a5a36", "#2f1c10"),
    "khatamband": hexes("#c9a77c", "#7a5634", "#a57f52", "#e2c9a0"),
    "hand-knotted-carpet": hexes("#8e1f1f", "#1f2a4d", "#e8dcc0", "#c99a3b", "#3e5e3a"),
    "namda": hexes("#efe4cc", "#b5302a", "#d9a53a", "#4f7a3a", "#2e5c8a"),
    "gabba": hexes("#263d73", "#c1506a", "#e39b2d", "#eadfc6", "#222222"),
    "crewel": hexes("#ece3cf", "#5a7a3a", "#7b8c3f", "#3b5228", "#a8452a"),
    "chain-stitch": hexes("#f0e4c8", "#a3202c", "#e89b2a", "#1e2c55", "#3f6b3a"),
    "kashmir-tweed": hexes("#3a3a3c", "#8b8780", "#6b5744", "#d9d1c0"),
    "willow-cricket-bat": hexes("#a9c6de", "#e8d9b5", "#d6c08f", "#c2a56c"),
    "shikara": hexes("#3d6e8c", "#6fa0b8", "#5a3a22", "#a83a2a", "#e8dcc0"),
    "wagguv": hexes("#d9bf7a", "#c4a55a", "#9aa86a", "#7f8a4c"),
    "basohli-painting": hexes("#c2271d", "#e3b21b", "#2f7d4f", "#26457a", "#1a1a1a", "#f3e6c8"),
    "basohli-pashmina": hexes("#f0e8d6", "#d8a7a0", "#b5ada0", "#e6dccb"),
    "chikri-wood-craft": hexes("#eadbb8", "#d9c49a", "#bfa77a", "#a58c5f"),
    "copperware": hexes("#b8693a", "#8e4a24", "#d8925c", "#5e2f15"),
    "silverware": hexes("#c9cbcf", "#9ea3aa", "#e5e7ea", "#6f747b"),
    "tilla": hexes("#5a1622", "#d8b04a", "#8a2a36", "#f0d98a"),
    "aari": hexes("#f1e6d0", "#2b7a78", "#e0745c", "#3d5a80", "#c8963e"),
    "willow-wicker": hexes("#e8d8b0", "#cdb27c", "#a98a55", "#8a6d3e"),
    "pinjrakari": hexes("#f3ead8", "#8a5a36", "#c9a77c", "#5e3b22"),
    "amlikar": hexes("#efe6d0", "#a33b2b", "#567a3d", "#3b5a8a", "#c79a3a"),
    "hill-wool-weaving": hexes("#8f8a82", "#6e5a48", "#e2d8c4", "#b03a2e", "#4f4a44"),
    "Kashmir": hexes("#dfe9f0", "#7d97ab", "#3f5f73", "#5d7f4a", "#2f4a5c", "#f4f6f7"),
    "Jammu": hexes("#f1e3c4", "#c98f45", "#7c6a3a", "#6d8a3e", "#a4532e", "#fbf3e2"),
}


# --------------------------------------------------------------------------------------------------
# Painters: each draws one kind of pattern onto an RGB image
# --------------------------------------------------------------------------------------------------


def _shade(c: Colour, f: float) -> Colour:
    return tuple(max(0, min(255, int(v * f))) for v in c)  # type: ignore[return-value]


def weave(img: Image.Image, pal: list[Colour], r: random.Random) -> None:
    """Twill, check or herringbone cloth: warp and weft stripes with a diagonal grain."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.rectangle((0, 0, w, h), fill=pal[0])
    kind = r.choice(["twill", "check", "herringbone", "stripes"])
    step = r.choice([6, 8, 10])
    for x in range(-h, w, step):
        col = _shade(pal[0], 0.9 if (x // step) % 2 else 1.05)
        if kind == "herringbone":
            band = 60
            for y0 in range(0, h, band):
                dx = band if (y0 // band) % 2 else -band
                d.line((x, y0, x + dx, y0 + band), fill=col, width=2)
        else:
            d.line((x, h, x + h, 0), fill=col, width=2)
    if kind in ("check", "stripes"):
        size = r.choice([90, 120, 160])
        for i, x in enumerate(range(0, w, size)):
            d.rectangle((x, 0, x + size // 6, h), fill=_shade(pal[1 + i % (len(pal) - 1)], 1.0))
        if kind == "check":
            for i, y in enumerate(range(0, h, size)):
                d.rectangle((0, y, w, y + size // 6), fill=_shade(pal[1 + (i + 1) % (len(pal) - 1)], 0.95))
    border = r.choice([0, 40, 70])
    if border:
        d.rectangle((0, h - border, w, h), fill=pal[-1])
        for x in range(0, w, 24):
            d.rectangle((x, h - border + 8, x + 12, h - 8), fill=pal[1])


def _paisley(
    d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, angle: float, fill: Colour, inner: Colour
) -> None:
    pts = []
    for i in range(40):
        t = i / 40 * 2 * math.pi
        rad = s * (0.55 + 0.45 * math.cos(t / 2) ** 2)
        x, y = rad * math.cos(t) * 0.7, rad * math.sin(t)
        tail = max(0.0, -math.sin(t)) ** 3 * s * 0.9
        x += tail
        ca, sa = math.cos(angle), math.sin(angle)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    d.polygon(pts, fill=fill)
    d.ellipse((cx - s * 0.3, cy - s * 0.3, cx + s * 0.3, cy + s * 0.3), fill=inner)
    d.ellipse((cx - s * 0.12, cy - s * 0.12, cx + s * 0.12, cy + s * 0.12), fill=fill)


def paisley(img: Image.Image, pal: list[Colour], r: random.Random) -> None:
    """Rows of paisley (boteh) and small flowers on a plain ground, with a patterned border."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.rectangle((0, 0, w, h), fill=pal[0])
    s = r.choice([38, 48, 60])
    gap = int(s * 2.6)
    for j, y in enumerate(range(gap // 2, h + gap, gap)):
        for i, x in enumerate(range((j % 2) * gap // 2, w + gap, gap)):
            c = pal[1 + (i + j) % (len(pal) - 1)]
            _paisley(d, x, y, s, r.uniform(-0.4, 0.4) + (0.6 if j % 2 else -0.6), c, pal[0])
            fx, fy = x + gap / 2, y + gap / 2
            for k in range(6):
                a = k * math.pi / 3
                d.ellipse(
                    (
                        fx + 10 * math.cos(a) - 5,
                        fy + 10 * math.sin(a) - 5,
                        fx + 10 * math.cos(a) + 5,
                        fy + 10 * math.sin(a) + 5,
                    ),
                    fill=pal[(k % (len(pal) - 1)) + 1],
                )
    band = r.choice([60, 90])
    d.rectangle((0, 0, w, band), fill=pal[-1])
    d.rectangle((0, h - band, w, h), fill=pal[-1])
    for x in range(0, w, band):
        _paisley(d, x + band / 2, band / 2, band * 0.32, 0.0, pal[0], pal[1])
        _paisley(d, x + band / 2, h - band / 2, band * 0.32, math.pi, pal[0], pal[1])


def lattice(img: Image.Image, pal: list[Colour], r: random.Random) -> None:
    """Khatamband / pinjrakari geometry: a grid of stars and polygons in wood tones."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.rectangle((0, 0, w, h), fill=pal[0])
    cell = r.choice([110, 140, 170])
    points = r.choice([6, 8, 12])
    for y in range(0, h + cell, cell):
        for x in range(0, w + cell, cell):
            star = []
            for k in range(points * 2):
                rad = cell * (0.48 if k % 2 == 0 else 0.3)
                a = k * math.pi / points
                star.append((x + rad * math.cos(a), y + rad * math.sin(a)))
            d.polygon(star, fill=pal[2], outline=pal[1], width=6)
            d.regular_polygon((x, y, cell * 0.16), points, fill=pal[3], outline=pal[1], width=4)
            d.line((x, y + cell / 2, x + cell, y + cell / 2), fill=pal[1], width=5)
            d.line((x + cell / 2, y, x + cell / 2, y + cell), fill=pal[1], width=5)


def medallion(img: Image.Image, pal: list[Colour], r: random.Random) -> None:
    """Carpet, namda or gabba: field, borders, a central medallion and corner pieces."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.rectangle((0, 0, w, h), fill=pal[2])
    d.rectangle((40, 40, w - 40, h - 40), fill=pal[1])
    d.rectangle((80, 80, w - 80, h - 80), fill=pal[0])
    for x in range(40, w - 40, 40):
        d.polygon([(x, 40), (x + 20, 60), (x + 40, 40)], fill=pal[3])
        d.polygon([(x, h - 40), (x + 20, h - 60), (x + 40, h - 40)], fill=pal[3])
    cx, cy = w / 2, h / 2
    for k, scale in enumerate((0.42, 0.32, 0.22, 0.12)):
        rx, ry = w * scale * 0.7, h * scale
        steps = r.choice([8, 12, 16])
        pts = [
            (cx + rx * math.cos(a) * (1 if i % 2 else 0.82), cy + ry * math.sin(a) * (1 if i % 2 else 0.82))
            for i, a in enumerate(t * 2 * math.pi / (steps * 2) for t in range(steps * 2))
        ]
        d.polygon(pts, fill=pal[(k + 1) % len(pal)] if k else pal[4 % len(pal)], outline=pal[2], width=3)
    for qx, qy in ((80, 80), (w - 80, 80), (80, h - 80), (w - 80, h - 80)):
        d.pieslice((qx - 150, qy - 150, qx + 150, qy + 150), 0, 360, fill=pal[4 % len(pal)])
        d.pieslice((qx - 90, qy - 90, qx + 90, qy + 90), 0, 360, fill=pal[3])
    for _ in range(40):
        x, y = r.uniform(120, w - 120), r.uniform(120, h - 120)
        if abs(x - cx) > w * 0.32 or abs(y - cy) > h * 0.44:
            d.ellipse((x - 9, y - 9, x + 9, y + 9), fill=pal[3])


def lacquer(img: Image.Image, pal: list[Colour], r: random.Random) -> None:
    """Papier-mâché: a dark lacquer ground covered in small painted flowers and gold scrolls."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.rectangle((0, 0, w, h), fill=pal[0])
    for _ in range(160):
        x, y, s = r.uniform(0, w), r.uniform(0, h), r.uniform(14, 34)
        petal = r.choice(pal[2:])
        for k in range(5):
            a = k * 2 * math.pi / 5 + r.uniform(0, 0.3)
            px, py = x + s * 0.6 * math.cos(a), y + s * 0.6 * math.sin(a)
            d.ellipse((px - s * 0.42, py - s * 0.42, px + s * 0.42, py + s * 0.42), fill=petal)
        d.ellipse((x - s * 0.25, y - s * 0.25, x + s * 0.25, y + s * 0.25), fill=pal[1])
        a0 = r.uniform(0, 360)
        d.arc((x - s * 2, y - s * 2, x + s * 2, y + s * 2), a0, a0 + 70, fill=pal[1], width=3)


def carving(img: Image.Image, pal: list[Colour], r: random.Random) -> None:
    """Carved wood: leaves and vines in relief on a grained ground."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, w, h), fill=pal[1])
    for y in range(0, h, 5):
        d.line(
            (0, y + r.uniform(-2, 2), w, y + r.uniform(-2, 2)),
            fill=_shade(pal[1], r.uniform(0.88, 1.08)),
            width=3,
        )
    relief = Image.new("L", img.size, 0)
    rd = ImageDraw.Draw(relief)
    for _ in range(70):
        x, y, s, a = r.uniform(0, w), r.uniform(0, h), r.uniform(40, 90), r.uniform(0, math.pi)
        pts = [
            (
                x + s * math.cos(t) * math.cos(a) - s * 0.4 * math.sin(t) * math.sin(a),
                y + s * math.cos(t) * math.sin(a) + s * 0.4 * math.sin(t) * math.cos(a),
            )
            for t in (k * 2 * math.pi / 24 for k in range(24))
        ]
        rd.polygon(pts, fill=200)
        rd.line(
            (x - s * math.cos(a), y - s * math.sin(a), x + s * math.cos(a), y + s * math.sin(a)),
            fill=90,
            width=4,
        )
    relief = relief.filter(ImageFilter.GaussianBlur(3))
    embossed = relief.filter(ImageFilter.EMBOSS)
    light = Image.new("RGB", img.size, pal[2])
    dark = Image.new("RGB", img.size, pal[3])
    shaded = Image.composite(light, dark, embossed)
    img.paste(Image.blend(img, shaded, 0.75), mask=relief.point(lambda v: 255 if v > 40 else 0))


def metal(img: Image.Image, pal: list[Colour], r: random.Random) -> None:
    """Engraved copper or silver: concentric hammered rings and chased scrolls."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    cx, cy = w / 2, h / 2
    for k in range(60, 0, -1):
        d.ellipse(
            (cx - k * 16, cy - k * 12, cx + k * 16, cy + k * 12),
            fill=_shade(pal[0], 0.75 + 0.4 * (k % 7) / 7),
        )
    for _ in range(90):
        x, y, s = r.uniform(0, w), r.uniform(0, h), r.uniform(20, 60)
        a0 = r.uniform(0, 360)
        d.arc((x - s, y - s, x + s, y + s), a0, a0 + r.uniform(90, 200), fill=pal[3], width=3)
        d.arc((x - s * 0.5, y - s * 0.5, x + s * 0.5, y + s * 0.5), a0 + 180, a0 + 300, fill=pal[2], width=2)


def reeds(img: Image.Image, pal: list[Colour], r: random.Random) -> None:
    """Wagguv, wicker and willow: broad over-under strips with shading."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.rectangle((0, 0, w, h), fill=pal[0])
    s = r.choice([36, 48, 60])
    for j, y in enumerate(range(0, h, s)):
        for i, x in enumerate(range(0, w, s)):
            horizontal = (i + j) % 2 == 0
            base = pal[1 + (i * 3 + j) % (len(pal) - 1)]
            for k in range(s // 6):
                c = _shade(base, 0.8 + 0.35 * math.sin(k / (s // 6) * math.pi))
                if horizontal:
                    d.line((x, y + k * 6 + 3, x + s, y + k * 6 + 3), fill=c, width=5)
                else:
                    d.line((x + k * 6 + 3, y, x + k * 6 + 3, y + s), fill=c, width=5)


def miniature(img: Image.Image, pal: list[Colour], r: random.Random) -> None:
    """A Basohli-like composition: hot colour fields, an arch, a stylised profile and a border."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.rectangle((0, 0, w, h), fill=pal[0])
    m = 50
    d.rectangle((m, m, w - m, h - m), fill=pal[1])
    split = int(w * r.uniform(0.45, 0.62))
    d.rectangle((m + 20, m + 20, split, h - m - 20), fill=pal[0])
    d.rectangle((split, h * 0.62, w - m - 20, h - m - 20), fill=pal[2])
    d.pieslice((split + 40, m + 40, w - m - 60, h * 0.9), 180, 360, fill=pal[3])
    hx, hy = m + (split - m) * 0.55, h * 0.45
    d.ellipse((hx - 70, hy - 90, hx + 70, hy + 90), fill=pal[5])
    d.polygon([(hx + 60, hy - 10), (hx + 95, hy + 15), (hx + 60, hy + 25)], fill=pal[5])
    d.ellipse((hx + 10, hy - 30, hx + 50, hy - 10), fill=pal[4])
    d.polygon(
        [(hx - 120, hy + 80), (hx + 120, hy + 80), (hx + 170, h - m - 20), (hx - 170, h - m - 20)],
        fill=pal[3],
    )
    for _ in range(12):
        x, y = r.uniform(hx - 100, hx + 100), r.uniform(hy + 90, hy + 200)
        d.ellipse((x - 8, y - 8, x + 8, y + 8), fill=pal[2])
    for x in range(m, w - m, 30):
        d.ellipse((x + 8, m - 30, x + 22, m - 16), fill=pal[1] if r.random() < 0.5 else pal[4])


def landscape(img: Image.Image, pal: list[Colour], r: random.Random) -> None:
    """A district: sky, layered hills, water or fields, drawn as flat colour bands."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.rectangle((0, 0, w, h), fill=pal[0])
    for layer, col in enumerate((pal[1], pal[2], pal[3])):
        base = h * (0.35 + 0.14 * layer)
        pts = [(0, h)]
        for x in range(0, w + 60, 60):
            pts.append((x, base - r.uniform(20, 140) / (layer + 1)))
        pts.append((w, h))
        d.polygon(pts, fill=col)
        if layer == 0:
            for x, y in pts[1:-1]:
                d.polygon([(x - 25, y + 28), (x, y), (x + 25, y + 28)], fill=pal[5])
    y0 = h * 0.78
    for i, y in enumerate(range(int(y0), h, 18)):
        d.rectangle((0, y, w, y + 10), fill=_shade(pal[4], 0.9 + 0.08 * (i % 3)))
    for _ in range(14):
        x, y = r.uniform(0, w), r.uniform(h * 0.6, h * 0.75)
        d.pieslice((x - 30, y - 40, x + 30, y + 20), 180, 360, fill=_shade(pal[3], 0.7))


PAINTERS: dict[str, Callable[[Image.Image, list[Colour], random.Random], None]] = {
    "pashmina": weave,
    "kashmir-tweed": weave,
    "hill-wool-weaving": weave,
    "basohli-pashmina": weave,
    "kani": paisley,
    "sozni": paisley,
    "amlikar": paisley,
    "aari": paisley,
    "tilla": paisley,
    "crewel": paisley,
    "chain-stitch": paisley,
    "papier-mache": lacquer,
    "khatamband": lattice,
    "pinjrakari": lattice,
    "hand-knotted-carpet": medallion,
    "namda": medallion,
    "gabba": medallion,
    "walnut-wood-carving": carving,
    "chikri-wood-craft": carving,
    "shikara": carving,
    "copperware": metal,
    "silverware": metal,
    "wagguv": reeds,
    "willow-wicker": reeds,
    "willow-cricket-bat": reeds,
    "basohli-painting": miniature,
}


def silhouette(img: Image.Image, pal: list[Colour], r: random.Random) -> None:
    """A portrait as an abstract silhouette over a softened craft pattern: no face, no photograph."""
    w, h = img.size
    img.paste(img.filter(ImageFilter.GaussianBlur(6)))
    veil = Image.new("RGB", img.size, (245, 240, 230))
    img.paste(Image.blend(img, veil, 0.45))
    d = ImageDraw.Draw(img)
    cx = w / 2 + r.uniform(-40, 40)
    tone = r.choice(hexes("#3b2f2a", "#2f3540", "#4a3b30", "#2e2b33"))
    d.ellipse((cx - 120, h * 0.2, cx + 120, h * 0.2 + 290), fill=tone)
    d.rounded_rectangle((cx - 70, h * 0.2 + 230, cx + 70, h * 0.2 + 360), radius=30, fill=tone)
    d.pieslice((cx - 330, h * 0.58, cx + 330, h * 1.42), 180, 360, fill=tone)
    if r.random() < 0.5:
        scarf = r.choice(pal[1:])
        d.pieslice((cx - 165, h * 0.2 - 40, cx + 165, h * 0.2 + 330), 180, 360, fill=scarf)
        d.polygon(
            [
                (cx - 165, h * 0.2 + 125),
                (cx - 330, h * 0.95),
                (cx - 240, h * 0.95),
                (cx - 120, h * 0.2 + 200),
            ],
            fill=scarf,
        )


# --------------------------------------------------------------------------------------------------
# Which image needs which drawing
# --------------------------------------------------------------------------------------------------


def records() -> list[dict[str, Any]]:
    out = []
    for path in sorted(CONTENT.glob("*/*.json")):
        if path.parent.name != "schemas":
            out.append(json.loads(path.read_text(encoding="utf-8")))
    return out


def images_of(value: Any) -> list[str]:
    if isinstance(value, dict):
        if "src" in value and "alt" in value:
            return [value["src"]]
        return [s for v in value.values() for s in images_of(v)]
    if isinstance(value, list):
        return [s for v in value for s in images_of(v)]
    return []


def plan(recs: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """src -> (kind, palette key): what to draw for every image referenced by the catalog."""
    jobs: dict[str, tuple[str, str]] = {}
    for rec in recs:
        for src in images_of(rec):
            folder, name = src.split("/", 1)
            stem = name.rsplit(".", 1)[0]
            if folder == "products" or folder == "crafts":
                craft = (
                    stem.rsplit("-", 1)[0]
                    if folder == "products" and stem.rsplit("-", 1)[-1].isdigit()
                    else stem
                )
                job = ("pattern", craft if craft in PALETTES else rec.get("craft", "pashmina"))
            elif folder == "artisans":
                job = ("portrait", rec["crafts"][0]) if rec["type"] == "artisan" else ("pattern", "pashmina")
            elif folder == "districts":
                job = ("landscape", rec.get("division", "Kashmir"))
            elif folder == "stories":
                job = ("pattern", (rec.get("crafts") or ["sozni"])[0])
            else:
                job = ("campaign", "Kashmir" if "winter" in stem else "Jammu")
            jobs.setdefault(src, job)
    return dict(sorted(jobs.items()))


def draw(src: str, kind: str, key: str) -> bytes:
    r = random.Random(hashlib.sha256(src.encode()).hexdigest())
    folder = src.split("/", 1)[0]
    size = SIZES.get(folder, HERO)
    img = Image.new("RGB", size, (255, 255, 255))
    if kind == "pattern":
        PAINTERS.get(key, weave)(img, PALETTES[key], r)
    elif kind == "portrait":
        PAINTERS.get(key, weave)(img, PALETTES[key], r)
        silhouette(img, PALETTES[key], r)
    elif kind == "landscape":
        landscape(img, PALETTES[key], r)
    else:
        weave(img, PALETTES["pashmina"] if key == "Kashmir" else PALETTES["hill-wool-weaving"], r)
        landscape_layer = Image.new("RGB", size)
        landscape(landscape_layer, PALETTES[key], r)
        img.paste(Image.blend(img, landscape_layer, 0.65))
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=QUALITY, optimize=True)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report missing or differing images")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    jobs = plan(records())
    written = bad = 0
    total = 0
    for src, (kind, key) in jobs.items():
        data = draw(src, kind, key)
        total += len(data)
        path = MEDIA / src
        if path.is_file() and path.read_bytes() == data:
            continue
        if args.check:
            log.error("differs or missing: media/%s", src)
            bad += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    log.info("%d images referenced, %d written, %.1f MB in total", len(jobs), written, total / 1e6)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

"""Deterministic synthetic catalogs for benchmarks: ``python benchmarks/synthetic.py DIR --artisans N``.

Writes a valid content directory (the contract) with N artisans spread over the 20 districts and the
demo crafts, ``--products`` products each, a collection per craft, a story per 50 artisans, and a Hindi
version of every tenth artisan. Images come from a small pool of generated originals, as in a real
catalog where most photos are already encoded, so a benchmark measures pages rather than JPEG decoding.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

from PIL import Image, ImageDraw

DISTRICTS = ["jammu", "samba", "kathua", "udhampur", "reasi", "rajouri", "poonch", "doda", "ramban", "kishtwar",
             "srinagar", "budgam", "ganderbal", "anantnag", "kulgam", "pulwama", "shopian", "baramulla",
             "bandipora", "kupwara"]
CRAFTS = ["pashmina", "kani-shawl", "sozni", "papier-mache", "walnut-wood-carving", "khatamband", "carpet",
          "namda", "crewel", "basohli-painting"]
FIRST = ["Ghulam", "Shazia", "Mohammad", "Rafiqa", "Abdul", "Naseema", "Bashir", "Saima", "Ravi", "Sunita",
         "Mushtaq", "Hafiza", "Tariq", "Parveena", "Vikram", "Anjum"]
LAST = ["Dar", "Bhat", "Mir", "Wani", "Lone", "Sheikh", "Khan", "Sharma", "Gupta", "Akhter", "Rather", "Ganai"]
WORDS = ["shawl", "stole", "box", "tray", "rug", "panel", "vase", "bowl", "wall hanging", "cushion cover", "coaster",
         "jewellery box", "screen", "mirror frame", "table runner"]
POOL = 24


def write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def base(type_: str, key: str, locale: str) -> dict:
    return {"type": type_, "id": f"{type_}-{key}-{locale}", "slug": key, "locale": locale, "translation_key": key}


def make_pool(media: Path) -> None:
    rng = random.Random(7)
    for i in range(POOL):
        im = Image.new("RGB", (1200, 900), tuple(rng.randrange(40, 200) for _ in range(3)))
        d = ImageDraw.Draw(im)
        for j in range(0, 1200, 40):
            d.line([(j, 0), (j + 600, 900)], fill=tuple(rng.randrange(120, 255) for _ in range(3)), width=6)
        (media / "pool").mkdir(parents=True, exist_ok=True)
        im.save(media / "pool" / f"p{i:02d}.jpg", quality=80)


def generate(out: Path, artisans: int, products: int = 3, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "media").mkdir(parents=True)
    (out / "manifest.json").write_text('{"schema_version": 2}\n')
    make_pool(out / "media")
    img = lambda i, alt: {"src": f"pool/p{i % POOL:02d}.jpg", "alt": alt}  # noqa: E731
    counts = {"district": 0, "craft": 0, "artisan": 0, "product": 0, "collection": 0, "story": 0}
    for d in DISTRICTS:
        write(out / f"districts/{d}.en.json", {**base("district", d, "en"), "name": d.title(),
              "division": "Jammu" if DISTRICTS.index(d) < 10 else "Kashmir", "summary": f"Crafts of {d.title()}."})
        counts["district"] += 1
    for i, c in enumerate(CRAFTS):
        write(out / f"crafts/{c}.en.json", {**base("craft", c, "en"), "name": c.replace("-", " ").title(),
              "summary": f"The {c} tradition.", "history": f"<p>Long history of {c}.</p>", "region": "Kashmir",
              "districts": rng.sample(DISTRICTS, 3), "hero": img(i, f"{c} work")})
        write(out / f"collections/{c}-picks.en.json", {**base("collection", f"{c}-picks", "en"),
              "title": f"{c.title()} picks", "summary": "Chosen pieces.", "rule": {"craft": c}})
        counts["craft"] += 1
        counts["collection"] += 1
    for n in range(artisans):
        key = f"artisan-{n:06d}"
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        craft = rng.choice(CRAFTS)
        district = rng.choice(DISTRICTS)
        bio = " ".join(rng.choice(WORDS) for _ in range(60))
        rec = {**base("artisan", key, "en"), "name": name, "crafts": [craft], "district": district,
               "bio": f"<p>{name} has practised {craft} for years. {bio}</p>",
               "portrait": img(n, f"Portrait of {name}"),
               "practising_since": 1980 + n % 40,
               "consent": {"reference": f"C-{n}", "date": "2026-01-01", "covers": ["profile", "photos", "products"]}}
        write(out / f"artisans/{key}.en.json", rec)
        counts["artisan"] += 1
        if n % 10 == 0:
            write(out / f"artisans/{key}.hi.json", {**rec, **base("artisan", key, "hi"), "name": f"{name} (हिन्दी)",
                                                    "bio": "<p>कारीगर की कहानी।</p>"})
        for p in range(products):
            pkey = f"product-{n:06d}-{p}"
            price = rng.randrange(500, 150000)
            write(out / f"products/{pkey}.en.json", {
                **base("product", pkey, "en"), "title": f"{craft.replace('-', ' ')} {rng.choice(WORDS)} {n}-{p}",
                "artisan": key, "craft": craft, "images": [img(n + p, "Product photo")],
                "description": f"<p>{' '.join(rng.choice(WORDS) for _ in range(30))}</p>",
                "listings": [{"marketplace": "Flipkart", "url": f"https://www.flipkart.com/p/itm{n:06d}{p}",
                              "seller": name, "programme": "Samarth", "price_inr": price,
                              "availability": "in_stock", "last_checked": "2026-11-01"}]})
            counts["product"] += 1
        if n % 50 == 0:
            skey = f"story-{n:06d}"
            write(out / f"stories/{skey}.en.json", {
                **base("story", skey, "en"), "title": f"A day with {name}", "date": f"2026-{1 + n % 12:02d}-15",
                "summary": "A visit.", "body": f"<p>{bio}</p>", "artisans": [key], "crafts": [craft]})
            counts["story"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--artisans", type=int, default=1000)
    parser.add_argument("--products", type=int, default=3)
    args = parser.parse_args()
    print(generate(args.out, args.artisans, args.products))


if __name__ == "__main__":
    main()

"""Image pipeline figures: encodes per second per format and width, and a whole-pipeline run.

Usage: python benchmarks/images_encode.py [--images 24] [--sources 40] [--workers N]
       [--avif-speeds 6,7,8,9]

Prints (no assertions):
1. single-process encodes/second for AVIF, WebP and JPEG at 240/480/1200 px with the pipeline's
   settings (chinar.images.specs.ENCODERS), plus output bytes, on a generated set of photo-like
   images (deterministic: the same seed gives the same images);
2. an AVIF speed sweep at 480 px (encodes/s and bytes) - the basis of the chosen speed;
3. a pipeline run on generated 3000x2250 JPEG sources with card + hero + portrait + og renditions:
   cold cache (encoded, seconds, renditions/s) and warm cache (must re-encode 0);
4. planning throughput: picture() calls per second once a source is known (the build asks for the
   same card on many pages), and the warm-cache cost per source of a fresh pipeline.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from chinar.images import ImagePipeline
from chinar.images.specs import ENCODERS, PIL_FORMAT


def photo_like(seed: int, size: tuple[int, int]) -> Image.Image:
    """A deterministic image with smooth areas, edges and fine texture, like a product photo."""
    rnd = random.Random(seed)
    width, height = size
    base = Image.linear_gradient("L").resize(size)
    im = Image.merge("RGB", (base, base.rotate(90).resize(size), Image.radial_gradient("L").resize(size)))
    draw = ImageDraw.Draw(im)
    for _ in range(40):
        x, y = rnd.randrange(width), rnd.randrange(height)
        r = rnd.randrange(width // 40, width // 6)
        colour = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour, outline=(0, 0, 0), width=max(1, r // 20))
    im = im.filter(ImageFilter.GaussianBlur(1.5))
    noise = Image.effect_noise(size, 24).convert("RGB")
    return Image.blend(im, noise, 0.12)


def encode_rate(images: list[Image.Image], fmt: str, options: dict) -> tuple[float, int]:
    """(encodes per second, mean bytes) in this process, one encode per image."""
    sizes = []
    start = time.perf_counter()
    for im in images:
        buf = io.BytesIO()
        im.save(buf, format=PIL_FORMAT[fmt], **options)
        sizes.append(buf.tell())
    elapsed = time.perf_counter() - start
    return len(images) / elapsed, sum(sizes) // len(sizes)


def per_format(count: int) -> None:
    print("## Single-process encodes/second (pipeline settings)")
    print(f"{'format':<6} {'width':>5} {'enc/s':>8} {'mean bytes':>11}")
    for width in (240, 480, 1200):
        images = [photo_like(i, (width, width * 3 // 4)) for i in range(count)]
        for fmt in ("avif", "webp", "jpeg"):
            rate, mean = encode_rate(images, fmt, dict(ENCODERS[fmt]))
            print(f"{fmt:<6} {width:>5} {rate:>8.1f} {mean:>11}")


def avif_sweep(count: int, speeds: list[int]) -> None:
    print("\n## AVIF speed sweep at 480x360 (quality as configured, 1 thread)")
    print(f"{'speed':>5} {'enc/s':>8} {'mean bytes':>11}")
    images = [photo_like(i, (480, 360)) for i in range(count)]
    for speed in speeds:
        options = {**ENCODERS["avif"], "speed": speed}
        rate, mean = encode_rate(images, "avif", options)
        print(f"{speed:>5} {rate:>8.1f} {mean:>11}")


def pipeline_run(sources: int, workers: int | None) -> None:
    with tempfile.TemporaryDirectory(prefix="chinar-img-bench-") as tmp:
        root = Path(tmp)
        media = root / "media"
        media.mkdir()
        images = []
        for i in range(sources):
            photo_like(i, (3000, 2250)).save(media / f"p{i:04d}.jpg", quality=90)
            images.append({"src": f"p{i:04d}.jpg", "alt": f"photo {i}"})
        print(f"\n## Pipeline: {sources} sources 3000x2250 JPEG, card+hero+portrait+og each")
        for label, out in (("cold cache", "out1"), ("warm cache", "out2")):
            pipeline = ImagePipeline(media, root / out, root / "cache", workers=workers)
            start = time.perf_counter()
            for image in images:
                for spec in ("card", "hero", "portrait"):
                    pipeline.picture(image, spec)
                pipeline.og_image(image)
            planned = time.perf_counter() - start
            pipeline.write()
            total = time.perf_counter() - start
            stats = pipeline.stats
            rate = stats["encoded"] / total if stats["encoded"] else 0.0
            print(
                f"{label}: workers={pipeline.workers} plan {planned:.2f}s total {total:.2f}s "
                f"encoded={stats['encoded']} reused={stats['reused']} written={stats['written']} "
                f"({rate:.1f} renditions/s)"
            )
        pipeline = ImagePipeline(media, root / "out3", root / "cache", workers=workers)
        start = time.perf_counter()
        for image in images:
            pipeline.picture(image, "card")
        first = time.perf_counter() - start
        calls = 0
        start = time.perf_counter()
        while time.perf_counter() - start < 1.0:
            for image in images:
                pipeline.picture({**image, "alt": "other locale"}, "card")
                calls += 1
        repeat = calls / (time.perf_counter() - start)
        print(
            f"planning: first picture() per source {first / len(images) * 1e3:.2f} ms (warm probe record, "
            f"hashed={pipeline.stats['hashed']}); repeated picture() {repeat:,.0f} calls/s"
        )
        shutil.rmtree(root / "cache")


def main() -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--images", type=int, default=24, help="images per format/width measurement")
    parser.add_argument("--sources", type=int, default=40, help="sources for the pipeline run (0 to skip)")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--avif-speeds", default="6,7,8,9")
    args = parser.parse_args()
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"python {sys.version.split()[0]}, {cpus} usable CPUs")
    per_format(args.images)
    avif_sweep(args.images, [int(s) for s in args.avif_speeds.split(",") if s])
    if args.sources:
        pipeline_run(args.sources, args.workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What checking image originals costs (``chinar check``, the build's probe): per file, on a media folder.

Usage: python benchmarks/media_check_bench.py [--media content/media] [--png N]

Prints (no assertions), per file on average and in total, best of 3 runs:
1. read + hash (sha256) the file: what the build already does for every original it has not seen;
2. the header (``Image.open`` + size): format sniffing, limits, decompression bombs;
3. the truncation check ``images.source.check_complete`` (JPEG: end-of-image marker after the scan
   start; PNG: Pillow's ``verify``, chunk CRCs);
4. Pillow's ``verify()`` alone (it checks nothing for JPEG: shown to say so);
5. a full decode (``Image.load``): what finding truncation by decoding would cost.
``--png N`` adds N generated 3000x2000 PNGs (the demo has only JPEGs) so the PNG check is measured too.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from chinar.images.source import check_complete


def best_of(runs: int, work: Callable[[], None]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(label: str, files: list[Path]) -> None:
    data = {path: path.read_bytes() for path in files}
    formats = {}
    for path, raw in data.items():
        with Image.open(io.BytesIO(raw)) as im:
            formats[path] = im.format

    def hashing() -> None:
        for path in files:
            hashlib.sha256(path.read_bytes()).hexdigest()

    def header() -> None:
        for raw in data.values():
            with Image.open(io.BytesIO(raw)) as im:
                im.size  # noqa: B018 - the header is what is measured

    def complete() -> None:
        for path, raw in data.items():
            check_complete(raw, formats[path], path.name)

    def verify() -> None:
        for raw in data.values():
            with Image.open(io.BytesIO(raw)) as im:
                im.verify()

    def decode() -> None:
        for raw in data.values():
            with Image.open(io.BytesIO(raw)) as im:
                im.load()

    total = sum(len(raw) for raw in data.values())
    print(f"{label}: {len(files)} files, {total / 1e6:.1f} MB")
    for name, work in [("read + sha256", hashing), ("header", header), ("check_complete", complete),
                       ("Pillow verify()", verify), ("full decode", decode)]:
        seconds = best_of(3, work)
        print(f"  {name:16} {seconds * 1000:9.1f} ms total  {seconds * 1000 / len(files):8.3f} ms/file")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--media", type=Path, default=Path("content/media"))
    parser.add_argument("--png", type=int, default=3)
    args = parser.parse_args()
    files = sorted(p for p in args.media.rglob("*") if p.is_file())
    measure(str(args.media), files)
    if args.png:
        with tempfile.TemporaryDirectory() as tmp:
            pngs = []
            for i in range(args.png):
                size = (3000, 2000)
                base = Image.linear_gradient("L").resize(size)
                im = Image.merge("RGB", (base, Image.effect_noise(size, 20 + i), base.rotate(180)))
                path = Path(tmp) / f"generated-{i}.png"
                im.save(path)
                pngs.append(path)
            measure(f"{args.png} generated 3000x2000 PNGs", pngs)


if __name__ == "__main__":
    main()

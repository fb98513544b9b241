"""What a sold-out product offers instead, at registry scale: ``relations.alternatives`` for every sold-out
product of a catalog of N products.

    .venv/bin/python benchmarks/alternatives_bench.py [--products 300000] [--sold-out 0.1] [--sample 200]

Products are spread over 10 crafts and 20 districts (an artisan per 3 products), with prices from ₹500
to ₹150,000 and the given share sold out. Prints the seconds for every sold-out product's alternatives,
and, for comparison, the time per product of the definition itself (every product of the craft measured
against the sold-out one, as the first version did) on ``--sample`` of them, extrapolated.
"""

from __future__ import annotations

import argparse
import heapq
import random
import time

from chinar.relations import Relations, alternatives


def catalog(products: int, sold_out: float, seed: int = 1) -> tuple[Relations, list[dict]]:
    rng = random.Random(seed)
    rel = Relations()
    records = []
    for n in range(products):
        key, artisan, craft = f"p{n:07d}", f"a{n // 3:07d}", f"craft-{rng.randrange(10)}"
        rel.products_by_artisan[artisan].append(key)
        rel.products_by_craft[craft].append(key)
        rel.product_district[key] = f"district-{(n // 3) % 20}"
        rel.product_price[key] = rng.randrange(500, 150000)
        if rng.random() >= sold_out:
            rel.products_available.add(key)
        records.append({"translation_key": key, "artisan": artisan, "craft": craft})
    return rel, [r for r in records if r["translation_key"] not in rel.products_available]


def by_definition(rel: Relations, product: dict, limit: int = 4) -> list[str]:
    key = product["translation_key"]
    district, price = rel.product_district[key], rel.product_price[key]
    mine = set(rel.products_by_artisan[product["artisan"]])
    return heapq.nsmallest(limit, (k for k in rel.products_by_craft[product["craft"]]
                                   if k not in mine and k in rel.products_available),
                           key=lambda k: (rel.product_district[k] != district, abs(rel.product_price[k] - price), k))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=300_000)
    parser.add_argument("--sold-out", type=float, default=0.1)
    parser.add_argument("--sample", type=int, default=200)
    args = parser.parse_args()
    rel, sold = catalog(args.products, args.sold_out)
    start = time.perf_counter()
    found = [alternatives(rel, p) for p in sold]
    took = time.perf_counter() - start
    print(f"{args.products:,} products, {len(sold):,} sold out: alternatives of every one in {took:.2f} s "
          f"({took / max(1, len(sold)) * 1e6:.0f} µs each, the groups on sale made on first use included)")
    sample = sold[:args.sample]
    start = time.perf_counter()
    for product, alt in zip(sample, found, strict=False):
        assert by_definition(rel, product) == alt["craft"], product
    each = (time.perf_counter() - start) / max(1, len(sample))
    print(f"by definition (every product of the craft measured): {each * 1e3:.1f} ms each, "
          f"{each * len(sold):.0f} s for every sold-out product (from {len(sample)}); the same answers")


if __name__ == "__main__":
    main()

"""``chinar search "QUERY"``: query the Whoosh index the build wrote, ranked like the browser client."""

from __future__ import annotations

import argparse
import json
import sys

from ..languages import LOCALES


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", help="the words to look for (the last one also matches as a prefix)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--lang", choices=LOCALES, help="only pages in this language")
    which.add_argument("--page", choices=LOCALES, metavar="LANG",
                       help="what the search page of this language lists: its pages, and the version its "
                            "list pages show of things not written in it; every language if that finds nothing")
    parser.add_argument("--type", help="only this record type (artisan, product, craft, ...)")
    parser.add_argument("--craft", help="only pages of this craft (translation key)")
    parser.add_argument("--district", help="only pages of this district (translation key)")
    parser.add_argument("--band", help="only products in this price band (e.g. 5000-20000)")
    parser.add_argument("--limit", type=int, default=10, help="number of results (default 10)")
    parser.add_argument("--index", default=".cache/whoosh",
                        help="Whoosh index directory (default .cache/whoosh)")
    parser.add_argument("--json", action="store_true", help="print results as JSON lines")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from . import engine, query

    directory = Path(args.index)
    if not (directory / engine.SIDECAR).exists():
        print(f"chinar search: no search index in {directory} (run `chinar build` first)", file=sys.stderr)
        return 2
    try:
        eng = engine.Engine(directory)  # the first query after a build indexes the documents into Whoosh
    except FileNotFoundError as exc:
        print(f"chinar search: {exc}", file=sys.stderr)
        return 2
    try:
        filters = query.Filters(type=args.type, locale=args.lang, craft=args.craft, district=args.district,
                                band=args.band, view=args.page)
        found = eng.search_page(args.query, filters, limit=max(0, args.limit))
    finally:
        eng.close()
    hits, respelled = found.hits, found.respelled
    if respelled is not None and respelled.text and not args.json:
        print(f"nothing for {args.query!r}; showing results for {respelled.text!r}", file=sys.stderr)
    if found.widened and not args.json:
        print(f"nothing in {args.page!r}; showing results in every language", file=sys.stderr)
    for rank, hit in enumerate(hits, 1):
        if args.json:
            print(json.dumps({"rank": rank, "score": hit.score, "ref": hit.ref, "type": hit.type,
                              "locale": hit.locale, "title": hit.title, "url": hit.url}, ensure_ascii=False))
        else:
            print(f"{rank:>3}. {hit.title}  [{hit.type}, {hit.locale}]  {hit.url}  ({hit.score})")
    if not hits and not args.json:
        print("no results", file=sys.stderr)
    return 0

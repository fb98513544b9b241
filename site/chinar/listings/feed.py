"""Marketplace seller feeds (CSV or JSON exports: listing ID, URL, price, stock) read into rows.

All or nothing: a feed with a wrong header, an unreadable price, an unknown availability or the same
listing twice is refused whole, with every problem named by line (or item) and column, so an import
never applies half a file or a guessed price. Matching rows to the catalog's listings is the CMS's
job (``manage.py import_listing_feed``); this module only reads.

Columns (CSV header or JSON keys): ``listing_id`` and/or ``url`` (at least one), then ``price``
(rupees: ``125000``, ``1,25,000.00``, ``₹1,25,000``, ``1.25 lakh``), ``currency`` (INR only),
``availability`` (``in_stock``, ``out_of_stock``, ``preorder``, ``discontinued`` or a schema.org
ItemAvailability) or ``stock`` (a count: 0 is out of stock). Columns marketplaces' exports carry for
people (``title``, ``sku``, ``mrp``...) are allowed and ignored; any other column is refused, so a
misspelt ``prcie`` is not silently dropped.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from .prices import PriceError, parse_price_inr
from .structured import availability_of

KNOWN = ("listing_id", "url", "price", "currency", "availability", "stock")
IGNORED = frozenset({"title", "name", "product_name", "sku", "seller", "seller_sku", "brand", "mrp", "category",
                     "fsn", "asin", "description", "image", "image_url"})
AVAILABILITY = ("in_stock", "out_of_stock", "preorder", "discontinued")
MAX_BYTES = 50_000_000


class FeedError(ValueError):
    """The feed cannot be imported; ``problems`` says where and why, one line each."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class FeedRow:
    line: int  # CSV line number (header = 1) or JSON item number (first = 1)
    listing_id: str
    url: str
    price_inr: int | None
    price_text: str
    availability: str | None


def read_feed(path: Path) -> list[FeedRow]:
    """The rows of a CSV or JSON feed (by file extension, else by content); ``FeedError`` if malformed."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise FeedError([f"{path.name}: larger than {MAX_BYTES:,} bytes"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FeedError([f"{path.name}: not UTF-8 text (byte {exc.start})"]) from exc
    is_json = path.suffix.lower() == ".json" or (path.suffix.lower() != ".csv" and text.lstrip()[:1] in "[{")
    return parse_json_feed(text, path.name) if is_json else parse_csv_feed(text, path.name)


def parse_csv_feed(text: str, name: str = "feed") -> list[FeedRow]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise FeedError([f"{name}: empty file"]) from None
    except csv.Error as exc:
        raise FeedError([f"{name}, line 1: {exc}"]) from exc
    columns = [h.strip().lower() for h in header]
    _check_columns(columns, f"{name}, line 1 (header)")
    items = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            line = reader.line_num
            if len(values) != len(columns):
                raise FeedError([f"{name}, line {line}: {len(values)} values for {len(columns)} columns"])
            items.append((line, dict(zip(columns, values, strict=True))))
    except csv.Error as exc:
        raise FeedError([f"{name}, line {reader.line_num}: {exc}"]) from exc
    return _rows(items, name, "line")


def parse_json_feed(text: str, name: str = "feed") -> list[FeedRow]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedError([f"{name}: malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"]) from exc
    if isinstance(data, dict):
        data = data.get("listings")
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise FeedError([f"{name}: expected a list of objects (or {{\"listings\": [...]}})"])
    columns = sorted({k.strip().lower() for item in data for k in item})
    _check_columns(columns, f"{name} (keys)", need_all=False)
    items = [(i, {k.strip().lower(): "" if v is None else v for k, v in item.items()})
             for i, item in enumerate(data, start=1)]
    return _rows(items, name, "item")


def _check_columns(columns: list[str], where: str, need_all: bool = True) -> None:
    problems = []
    unknown = [c for c in columns if c not in KNOWN and c not in IGNORED]
    if unknown:
        problems.append(f"{where}: unknown column(s) {', '.join(map(repr, unknown))} "
                        f"(expected {', '.join(KNOWN)}; ignored: {', '.join(sorted(IGNORED))})")
    doubled = sorted({c for c in columns if columns.count(c) > 1})
    if doubled:
        problems.append(f"{where}: column(s) {', '.join(doubled)} given twice")
    if not {"listing_id", "url"} & set(columns):
        problems.append(f"{where}: needs a listing_id or url column to match rows to listings")
    if not {"price", "availability", "stock"} & set(columns):
        problems.append(f"{where}: needs a price, availability or stock column (nothing to update)")
    if problems:
        raise FeedError(problems)


def _rows(items: list[tuple[int, dict]], name: str, unit: str) -> list[FeedRow]:
    rows, problems = [], []
    seen: dict[tuple[str, str], int] = {}
    for line, item in items:
        where = f"{name}, {unit} {line}"
        found = _row(line, item, where, problems)
        if found is None:
            continue
        for key in (("listing_id", found.listing_id), ("url", found.url)):
            if key[1] and key in seen:
                problems.append(f"{where}, column {key[0]}: {key[1]!r} is already on {unit} {seen[key]} "
                                "(duplicate rows: which one is right?)")
            elif key[1]:
                seen[key] = line
        rows.append(found)
    if problems:
        raise FeedError(problems)
    return rows


def _row(line: int, item: dict, where: str, problems: list[str]) -> FeedRow | None:
    text = {k: str(v).strip() for k, v in item.items()}
    before = len(problems)
    listing_id, url = text.get("listing_id", ""), text.get("url", "")
    if not listing_id and not url:
        problems.append(f"{where}: neither listing_id nor url")
    currency = text.get("currency", "").upper()
    if currency not in ("", "INR", "₹"):
        problems.append(f"{where}, column currency: {currency!r} is not INR")
    price, price_text = None, text.get("price", "")
    if price_text:
        try:
            price = parse_price_inr(item["price"] if isinstance(item.get("price"), (int, float)) else price_text)
        except PriceError as exc:
            problems.append(f"{where}, column price: {exc}")
    availability = None
    value = text.get("availability", "")
    if value:
        availability = value.lower() if value.lower() in AVAILABILITY else availability_of(value)
        if availability is None:
            problems.append(f"{where}, column availability: {value!r} is not one of {', '.join(AVAILABILITY)} "
                            "or a schema.org ItemAvailability")
    stock = text.get("stock", "")
    if stock:
        if not stock.isdigit():
            problems.append(f"{where}, column stock: {stock!r} is not a count")
        elif availability is None:
            availability = "in_stock" if int(stock) > 0 else "out_of_stock"
    if price is None and availability is None and len(problems) == before:
        problems.append(f"{where}: no price, availability or stock to update")
    if len(problems) > before:
        return None
    return FeedRow(line, listing_id, url, price, price_text, availability)

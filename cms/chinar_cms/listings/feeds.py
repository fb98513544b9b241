"""A marketplace seller feed matched to the catalog's listings and applied in one transaction.

Rows are matched by URL or by the marketplace's own listing ID (``chinar.marketplaces.listing_id``),
among the live listings of that marketplace. Every row gets a line in the report: *matched* (and what
it changes), *unmatched* (no listing of ours), or *conflicting* (its ID and URL point at different
listings, its URL is not on this marketplace, or two rows claim the same listing) — conflicting rows
are never applied. The feed file itself is read by ``chinar.listings.feed``, which refuses a malformed
file whole before anything here runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db import transaction

from chinar.contract import OK, FeedRow, Outcome, listing_id, listing_url_problem
from chinar.contract import marketplace_registry as registry

from .services import Summary, live_listings, record_outcomes


@dataclass
class RowReport:
    line: int
    status: str  # matched, unmatched, conflicting
    detail: str
    urls: list[str] = field(default_factory=list)


def normalise(url: str) -> str:
    """A listing URL compared without case in the host, fragment, or tracking parameters."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.startswith("utm_")])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, query, ""))


def match_rows(rows: list[FeedRow], marketplace: str) -> list[RowReport]:
    """Which live listings each row is about (pure lookups: nothing written)."""
    market = registry().get(marketplace)
    by_url: dict[str, str] = {}
    by_id: dict[str, set[str]] = {}
    for row in live_listings().filter(marketplace=marketplace):
        by_url[normalise(row.url)] = row.url
        own = listing_id(market, row.url)
        if own:
            by_id.setdefault(own, set()).add(row.url)
    reports = []
    for row in rows:
        if row.url and (problem := listing_url_problem(marketplace, row.url)):
            reports.append(RowReport(row.line, "conflicting", f"url: {problem}"))
            continue
        from_url = {by_url[normalise(row.url)]} if row.url and normalise(row.url) in by_url else set()
        from_id = by_id.get(row.listing_id, set()) if row.listing_id else set()
        url_id = listing_id(market, row.url) if row.url else None
        if row.url and row.listing_id and url_id and url_id != row.listing_id:
            reports.append(RowReport(row.line, "conflicting",
                                     f"listing_id {row.listing_id!r} but the url's own ID is {url_id!r}"))
        elif from_url and from_id and from_url != from_id:
            reports.append(RowReport(row.line, "conflicting", f"listing_id {row.listing_id!r} is "
                                     f"{', '.join(sorted(from_id))}, the url is {', '.join(sorted(from_url))}"))
        elif from_url or from_id:
            reports.append(RowReport(row.line, "matched", "", sorted(from_url or from_id)))
        else:
            reports.append(RowReport(row.line, "unmatched", "no live listing with this "
                                     + ("url or listing_id" if row.url and row.listing_id else
                                        "url" if row.url else "listing_id")))
    claimed: dict[str, list[RowReport]] = {}
    for report in reports:
        for url in report.urls:
            claimed.setdefault(url, []).append(report)
    for url, claims in claimed.items():
        if len(claims) > 1:
            lines = ", ".join(str(c.line) for c in claims)
            for report in claims:
                report.status, report.detail, report.urls = "conflicting", f"rows {lines} all match {url}", []
    return reports


def import_feed(rows: list[FeedRow], marketplace: str, source_name: str, dry_run: bool = False
                ) -> tuple[list[RowReport], Summary | None]:
    """Match ``rows`` and, unless ``dry_run``, apply every matched row in one transaction."""
    reports = match_rows(rows, marketplace)
    outcomes = []
    for row, report in zip(rows, reports, strict=True):
        if report.status != "matched":
            continue
        parts = [f"₹{row.price_inr:,}" if row.price_inr is not None else "", row.availability or ""]
        report.detail = " ".join(p for p in parts if p) + f" → {len(report.urls)} listing(s)"
        outcomes.extend(Outcome(url, OK, f"seller feed {source_name}, line {row.line}", price_inr=row.price_inr,
                                price_text=row.price_text, currency="INR" if row.price_inr is not None else "",
                                availability=row.availability) for url in report.urls)
    if dry_run or not outcomes:
        return reports, None
    with transaction.atomic():
        return reports, record_outcomes(outcomes, source="feed")

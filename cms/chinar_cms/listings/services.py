"""Listing checks written back where editors work: history rows, listing fields, published pages.

``record_outcomes`` is shared by the scheduled check (``check_listings``) and the feed import
(``import_listing_feed``):

1. one ``ListingCheck`` row per outcome (history, with what it changed or why it did not);
2. for every live listing with that URL, the changes its outcome calls for (``decide``): dead -> link
   'dead'; working -> the stated availability, price and priceValidUntil, link 'ok' again, and
   ``last_checked`` today (when something changed, or the date is older than the registry's
   ``refresh_after_days``: a page is not republished every day just to move a date);
3. each product page with changes gets a new revision **built from its live revision** and published
   through Wagtail's normal path (``page_published`` fires; the build hook or the publisher picks it
   up). An editor's unpublished draft is never published: the same listing changes are applied to it
   and saved as the newest draft revision on top, so their work carries the new price when a moderator
   approves it, and a workflow in progress stays in progress (Wagtail would cancel it on publish).

A stated price further than ``CHINAR_LISTINGS_MAX_PRICE_CHANGE`` from the catalog's is held (the check
row says so; the editors' report lists it) rather than published.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction

from chinar import contract
from chinar.contract import DEAD, WORKING, Outcome
from chinar.contract import marketplace_registry as registry
from chinar_cms.products.models import MarketplaceListing, ProductPage

from .models import ListingCheck

log = logging.getLogger(__name__)


def live_listings():
    """The listings of live product pages (aliases excluded): what the site shows, so what is checked."""
    return MarketplaceListing.objects.filter(page__live=True, page__alias_of__isnull=True).select_related("page")


def targets() -> list:
    """Each listing URL once, in a stable order."""
    seen = dict.fromkeys((row.url, row.marketplace) for row in live_listings().order_by("url", "pk"))
    return [contract.Target(url, marketplace) for url, marketplace in seen]


def previous_checks(urls: list[str]) -> dict:
    """Per URL, what its latest working page check stated: validators for a conditional request and the
    values a 304 confirms."""
    found: dict = {}
    rows = (ListingCheck.objects.filter(url__in=urls, source="page", outcome__in=WORKING)
            .order_by("url", "-checked_at", "-pk"))
    for row in rows.iterator():
        if row.url not in found:
            found[row.url] = contract.Previous(row.etag, row.last_modified, row.price_inr, row.currency,
                                      row.availability or None,
                                      row.price_valid_until.isoformat() if row.price_valid_until else None)
    return found


def decide(outcome: Outcome, listing: MarketplaceListing, today: date, source: str = "page") -> tuple[dict, str]:
    """The field changes ``outcome`` calls for on ``listing``, and why a stated change was held ('' if none).

    A pure function of its arguments and the settings: what the check history records as ``applied``
    and ``held`` is exactly what this returns. A feed states price and stock but says nothing about the
    listing's page, so only a page check brings a dead link back.
    """
    changes: dict = {}
    if outcome.kind in DEAD:
        if listing.link_status != "dead":
            changes["link_status"] = "dead"
        return changes, ""
    if outcome.kind not in WORKING:
        return changes, ""
    held = ""
    if listing.link_status == "dead" and source == "page":
        changes["link_status"] = "ok"
    if outcome.availability and outcome.availability != listing.availability:
        changes["availability"] = outcome.availability
    if outcome.price_inr is not None and outcome.price_inr != listing.price_inr:
        limit = settings.CHINAR_LISTINGS_MAX_PRICE_CHANGE
        move = abs(outcome.price_inr - listing.price_inr) / max(listing.price_inr, 1)
        if move > limit:
            held = (f"price ₹{listing.price_inr:,} → ₹{outcome.price_inr:,} ({move:+.0%}) is beyond the "
                    f"{limit:.0%} applied automatically: check the listing and edit it by hand")
        else:
            changes["price_inr"] = outcome.price_inr
    stated_until = date.fromisoformat(outcome.price_valid_until) if outcome.price_valid_until else None
    if stated_until and stated_until >= today and stated_until != listing.price_valid_until:
        changes["price_valid_until"] = stated_until
    refresh = timedelta(days=registry().refresh_after_days)
    if changes or listing.last_checked is None or today - listing.last_checked >= refresh:
        changes["last_checked"] = today
    return changes, held


@dataclass
class Summary:
    checks: int = 0
    outcomes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    pages_published: int = 0
    drafts_updated: int = 0
    held: int = 0
    failed_pages: list[str] = field(default_factory=list)


def record_outcomes(outcomes: list[Outcome], source: str = "page", now=None) -> Summary:
    """History rows for ``outcomes`` and their changes published (see the module docstring)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    summary = Summary()
    by_url = {o.url: o for o in outcomes}
    listings = list(live_listings().filter(url__in=list(by_url)))
    per_page: dict[int, dict[str, dict]] = defaultdict(dict)
    held_by_url: dict[str, str] = {}
    previous_price: dict[str, int] = {}
    for listing in listings:
        changes, held = decide(by_url[listing.url], listing, today, source)
        previous_price.setdefault(listing.url, listing.price_inr)
        if held:
            held_by_url[listing.url] = held
        if changes:
            per_page[listing.page_id][listing.url] = changes
    applied_urls: set[str] = set()
    for page_id, changes in sorted(per_page.items()):
        try:
            published, draft = publish_listing_changes(page_id, changes)
        except ValidationError as exc:
            log.warning("product page %s not updated: %s", page_id, exc)
            summary.failed_pages.append(f"page {page_id}: {'; '.join(exc.messages)}")
            for url in changes:
                held_by_url.setdefault(url, f"page {page_id} does not validate: {'; '.join(exc.messages)}"[:300])
            continue
        summary.pages_published += published
        summary.drafts_updated += draft
        applied_urls.update(changes)
    rows = []
    for outcome in outcomes:
        summary.checks += 1
        summary.outcomes[outcome.kind] += 1
        summary.held += outcome.url in held_by_url
        rows.append(ListingCheck(
            url=outcome.url, marketplace=_marketplace(outcome.url, listings), checked_at=now, source=source,
            outcome=outcome.kind, message=outcome.message[:2000], http_status=outcome.http_status,
            final_url=outcome.final_url[:2000], price_inr=outcome.price_inr, price_text=outcome.price_text[:100],
            currency=outcome.currency[:10], availability=outcome.availability or "",
            price_valid_until=outcome.price_valid_until, previous_price_inr=previous_price.get(outcome.url),
            applied=outcome.url in applied_urls, held=held_by_url.get(outcome.url, "")[:300],
            notes="\n".join(outcome.notes)[:2000], etag=outcome.etag[:300],
            last_modified=outcome.last_modified[:100], elapsed_ms=outcome.elapsed_ms))
    ListingCheck.objects.bulk_create(rows, batch_size=500)
    return summary


def run_check(check_settings=None) -> tuple[Summary, list[Outcome]]:
    """The scheduled job: check every live listing (conditionally, from the last checks) and record it."""
    found = targets()
    outcomes = contract.run_checks(found, previous_checks([t.url for t in found]),
                                   check_settings or contract.CheckSettings())
    return record_outcomes(outcomes), outcomes


def _marketplace(url: str, listings: list[MarketplaceListing]) -> str:
    return next((row.marketplace for row in listings if row.url == url), "")


def _apply(page: ProductPage, changes: dict[str, dict]) -> bool:
    """Set ``changes`` (by listing URL) on the in-memory listings of ``page``; whether anything differed."""
    changed = False
    for listing in page.listings.all():
        for name, value in changes.get(listing.url, {}).items():
            if getattr(listing, name) != value:
                setattr(listing, name, value)
                changed = True
    return changed


def publish_listing_changes(page_id: int, changes: dict[str, dict]) -> tuple[int, int]:
    """Publish ``changes`` (by listing URL) on the live content of product page ``page_id``, and carry
    them into an editor's newer draft if there is one. Returns (pages published, drafts updated)."""
    with transaction.atomic():
        page = ProductPage.objects.select_for_update().get(pk=page_id)
        live_revision, draft_revision = page.live_revision, None
        if page.has_unpublished_changes and page.latest_revision_id not in (None, page.live_revision_id):
            draft_revision = page.latest_revision
        live = live_revision.as_object() if live_revision is not None else page
        if not _apply(live, changes):
            return 0, 0
        revision = live.save_revision(log_action=False)
        action = PublishPageRevisionAction(revision, user=None, changed=True, log_action=True)
        # Wagtail cancels a workflow in progress when a page is published; this publish carries only the
        # checker's listing facts, so an editor's submitted draft stays with its moderators.
        action.object._current_workflow_states = []
        action.execute(skip_permission_checks=True)
        if draft_revision is None:
            return 1, 0
        draft = draft_revision.as_object()
        _apply(draft, changes)
        draft.save_revision(user=draft_revision.user, log_action=False, clean=False)
        return 1, 1

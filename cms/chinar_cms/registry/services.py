"""Withdrawal of consent: as easy as giving it, and complete (DPDP Act 2023).

``withdraw_consent`` unpublishes the artisan (every language) and their products, cancels any
scheduled publishing and workflows, deletes the images used on those pages and the artisan's
personal record, marks the consent record withdrawn, and asks for a site rebuild.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from chinar_cms.buildhook.hook import request_build

from .models import ConsentRecord, PersonalRecord

log = logging.getLogger(__name__)


@dataclass
class WithdrawalReport:
    artisan_key: str
    unpublished: list[int] = field(default_factory=list)
    images_deleted: int = 0
    personal_records_deleted: int = 0
    consents_withdrawn: int = 0

    def __str__(self) -> str:
        return (
            f"artisan {self.artisan_key}: {len(self.unpublished)} page(s) unpublished, "
            f"{self.images_deleted} image(s) deleted, {self.personal_records_deleted} personal record(s) "
            f"deleted, {self.consents_withdrawn} consent record(s) withdrawn"
        )


def _image_ids(page) -> set[int]:
    """Images used by the page's live content and by every revision (drafts included)."""
    ids: set[int] = set()
    objs = [page] + [rev.as_object() for rev in Revision.page_revisions.filter(object_id=str(page.pk))]
    for obj in objs:
        for name in ("portrait", "gallery", "images", "hero"):
            for child in getattr(obj, name, None) or []:
                image = child.value.get("image") if hasattr(child.value, "get") else None
                if image is not None:
                    ids.add(image.pk)
    return ids


def withdraw_consent(artisan_key: uuid.UUID | str, user=None) -> WithdrawalReport:
    """Withdraw an artisan's consent (all or nothing: one transaction)."""
    from chinar_cms.artisans.models import ArtisanPage

    key = uuid.UUID(str(artisan_key))
    report = WithdrawalReport(artisan_key=str(key))
    with transaction.atomic():
        artisans = list(ArtisanPage.objects.filter(translation_key=key))
        pages: list[Page] = []
        for artisan in artisans:
            pages.append(artisan)
            pages.extend(p.specific for p in artisan.get_descendants())
        image_ids: set[int] = set()
        for page in pages:
            image_ids |= _image_ids(page)
            page.revisions.update(approved_go_live_at=None)
            for state in page.workflow_states.filter(status="in_progress"):
                state.cancel(user=user)
            if page.live:
                # The Registry acts on the artisan's legal right, not on page permissions.
                UnpublishPageAction(page, user=user, log_action=True).execute(skip_permission_checks=True)
                report.unpublished.append(page.pk)
            if page.go_live_at:
                Page.objects.filter(pk=page.pk).update(go_live_at=None)
        # Wagtail's Image.delete removes the file and its renditions.
        for image in get_image_model().objects.filter(pk__in=image_ids):
            image.delete()
            report.images_deleted += 1
        report.personal_records_deleted = PersonalRecord.objects.filter(artisan_key=key).delete()[0]
        report.consents_withdrawn = ConsentRecord.objects.filter(artisan_key=key, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now()
        )
        request_build(f"consent withdrawn for artisan {key}")
    log.info("consent withdrawn: %s", report)
    return report

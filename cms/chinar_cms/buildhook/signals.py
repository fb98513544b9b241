"""What asks for a rebuild: anything that changes what the static site shows."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from chinar_cms.districts.models import District

from .hook import request_build


@receiver(page_published)
def _published(sender, instance, **kwargs):
    request_build(f"published {instance._meta.label} {instance.pk}")


@receiver(page_unpublished)
def _unpublished(sender, instance, **kwargs):
    request_build(f"unpublished {instance._meta.label} {instance.pk}")


@receiver(post_delete)
def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        request_build(f"deleted {instance._meta.label} {instance.pk}")


@receiver(post_save, sender=District)
@receiver(post_delete, sender=District)
def _district_changed(sender, instance, **kwargs):
    request_build(f"district {instance.pk} changed")

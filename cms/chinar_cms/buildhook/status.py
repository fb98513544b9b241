"""Where a published page stands on the public site, from the publisher's reports (``PublishCycle``).

A page is *live* once a cycle whose pull started after the page's last publish has deployed; until then it
is *queued* (no cycle has taken it yet), *building* (a cycle is running) or *retrying* (the publisher cannot
reach the CMS or the site's storage); *failed* when the latest cycle that took it failed, with the
problems in words an editor can act on (the record's title and language, the field, what is wrong).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

from chinar.contract import TYPE_DIRS

from .models import PublishCycle

TYPE_OF_DIR = {folder: type_ for type_, folder in TYPE_DIRS.items()}


@dataclass
class PageStatus:
    state: str  # queued | building | retrying | live | failed
    since: datetime | None = None  # live since / failed at / published at
    url: str = ""
    cycle: PublishCycle | None = None
    problems: list[str] = field(default_factory=list)  # readable, this page's first
    message: str = ""


def page_status(page) -> PageStatus | None:
    """The page's status on the public site; None for a page that is not published."""
    if not page.live or page.last_published_at is None:
        return None
    published = page.last_published_at
    url = page.full_url or ""
    covering = PublishCycle.objects.filter(pulled_at__gte=published)
    live = covering.filter(state="live").order_by("cycle").first()
    if live is not None:
        return PageStatus("live", live.finished_at or live.updated_at, url, live)
    latest = covering.order_by("-cycle").first()
    if latest is not None and latest.state == "failed":
        return PageStatus("failed", latest.finished_at or latest.updated_at, url, latest,
                          describe_problems(latest.problems, page), latest.message)
    running = PublishCycle.objects.filter(updated_at__gte=published, state__in=["building", "retrying"]).first()
    if running is not None:
        return PageStatus(running.state, published, url, running, message=running.message)
    return PageStatus("queued", published, url)


def describe_problems(problems: list[dict], page=None) -> list[str]:
    """Each problem as a sentence naming the record and field; ``page``'s own first."""
    mine, others = [], []
    for problem in problems:
        title, is_page = record_title(problem.get("file", ""), page)
        field_name = (problem.get("pointer") or "").strip("/").replace("/", " › ")
        if field_name:
            text = _("%(record)s, field “%(field)s”: %(message)s") % {
                "record": title, "field": field_name, "message": problem.get("message", "")}
        else:
            text = _("%(record)s: %(message)s") % {"record": title, "message": problem.get("message", "")}
        (mine if is_page else others).append(text)
    return mine + others


def record_title(file: str, page=None) -> tuple[str, bool]:
    """“Artisan ‘Shazia Akhter’ (Hindi)” for a content file, and whether it is ``page``'s record."""
    from django.conf import settings
    from wagtail.models import Page

    from chinar_cms.districts.models import District

    folder, _sep, name = file.partition("/")
    key, _dot, rest = name.partition(".")
    locale = rest.removesuffix(".json")
    type_ = TYPE_OF_DIR.get(folder)
    if not type_ or not key:
        return file, False
    model = District if type_ == "district" else Page
    obj = model.objects.filter(translation_key=key, locale__language_code=locale).first()
    language = dict(settings.LANGUAGES).get(locale, locale)
    labels = {"district": _("District"), "craft": _("Craft"), "artisan": _("Artisan"), "product": _("Product"),
              "collection": _("Collection"), "story": _("Story"), "campaign": _("Campaign"), "page": _("Page")}
    name = str(getattr(obj, "name", None) or getattr(obj, "title", None) or key)
    is_page = page is not None and obj is not None and model is Page and obj.pk == page.pk
    return f"{labels[type_]} “{name}” ({language})", is_page

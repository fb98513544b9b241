"""Loading a content directory (the contract) into the CMS: the inverse of ``contract.py``.

Used by ``manage.py load_demo``. Each record becomes a published page (or a district snippet)
whose translation_key is ``demo_key(type, key)``; locale versions share it. Loading is one
transaction: a content error or a model validation error changes nothing. Running it again
updates the same objects instead of duplicating them.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path
from typing import Any

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from chinar.contract import (
    DEFAULT_LOCALE,
    LOCALES,
    RECORD_TYPES,
    Catalog,
    ContentError,
    load_catalog,
    load_order,
    original_problems,
)

from .contract import demo_key

log = logging.getLogger(__name__)



def sections() -> dict[str, tuple[str, str, str]]:
    """Record type -> (slug, index page model, English title) of the section page its pages sit under:
    every type whose page model's parent is an index page under the home page (a product sits under its
    artisan, a generic page under the home page). Slug and title are the type's folder and section."""
    from .exporters import contract_page_models

    models = contract_page_models()
    record_models = {model._meta.label for model in models.values()}
    found = {}
    for rtype in RECORD_TYPES:
        model = models.get(rtype.name)
        parent = model.parent_page_types[0] if model is not None else "home.HomePage"
        if parent != "home.HomePage" and parent not in record_models:
            found[rtype.name] = (rtype.folder, parent, rtype.section or rtype.folder.title())
    return found


def _model(label: str):
    from django.apps import apps

    return apps.get_model(label)


def _locale_order(versions: dict[str, dict]) -> list[str]:
    return sorted(versions, key=lambda loc: (loc != DEFAULT_LOCALE, LOCALES.index(loc)))


class Loader:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LOCALES}
        self.images: dict[tuple, Any] = {}
        self.counts: dict[str, int] = {}

    # ------------------------------------------------------------------ tree
    def ensure_tree(self) -> None:
        HomePage = _model("home.HomePage")
        root = Page.get_first_root_node()
        site = Site.objects.filter(is_default_site=True).first()
        home_en = HomePage.objects.filter(locale=self.locales["en"]).first()
        if home_en is None:
            home_en = HomePage(title="Chinar", slug="chinar", locale=self.locales["en"])
            root.add_child(instance=home_en)
            home_en.save_revision().publish()
            if site is None:
                site = Site.objects.create(
                    hostname="localhost", port=80, root_page=home_en, is_default_site=True, site_name="Chinar"
                )
            else:
                old = site.root_page
                site.root_page = home_en
                site.save()
                if not isinstance(old.specific, HomePage) and old.pk != root.pk and not old.get_children().exists():
                    old.delete()
        self.homes = {"en": home_en}
        for code in LOCALES[1:]:
            home = HomePage.objects.filter(locale=self.locales[code]).first()
            if home is None:
                home = home_en.copy_for_translation(self.locales[code])
                home.save_revision().publish()
            self.homes[code] = home
        self.sections: dict[tuple[str, str], Page] = {}
        for code in LOCALES:
            for slug, label, title in sections().values():
                model = _model(label)
                page = model.objects.child_of(self.homes[code]).first()
                if page is None:
                    page = model(
                        title=title,
                        slug=slug,
                        locale=self.locales[code],
                        translation_key=demo_key("section", slug),
                    )
                    self.homes[code].add_child(instance=page)
                    page.save_revision().publish()
                self.sections[(code, slug)] = page

    # ------------------------------------------------------------------ helpers
    def image(self, obj: dict | None) -> list[dict]:
        """An image object of the contract as raw StreamField data (one ImageUsageBlock)."""
        if not obj:
            return []
        fp = obj.get("focal_point")
        cache_key = (obj["src"], (fp["x"], fp["y"]) if fp else None)
        image = self.images.get(cache_key)
        if image is None:
            Image = get_image_model()
            path: Path = self.catalog.media_path(obj["src"])
            title = f"{obj['src']}" + (f" @{fp['x']},{fp['y']}" if fp else "")
            image = Image.objects.filter(title=title).first()
            if image is None:
                with path.open("rb") as fh:
                    image = Image(title=title, description=obj["alt"][:255], file=ImageFile(fh, name=path.name))
                    image.save()
            if fp:
                image.focal_point_x = round(fp["x"] * image.width)
                image.focal_point_y = round(fp["y"] * image.height)
                image.focal_point_width = image.focal_point_height = 1
            else:
                image.focal_point_x = image.focal_point_y = None
                image.focal_point_width = image.focal_point_height = None
            image.save()
            self.images[cache_key] = image
        return [
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt": obj["alt"],
                    "caption": obj.get("caption", ""),
                    "credit": obj.get("credit", ""),
                },
            }
        ]

    def images_of(self, objs: list[dict] | None) -> list[dict]:
        return [block for obj in objs or [] for block in self.image(obj)]

    def page(self, type_: str, key: str, locale: str | None = None):
        """The CMS page of a record (the given locale's version if there is one)."""
        qs = Page.objects.filter(translation_key=demo_key(type_, key), alias_of__isnull=True)
        found = (
            (qs.filter(locale=self.locales[locale]).first() if locale else None)
            or qs.filter(locale=self.locales[DEFAULT_LOCALE]).first()
            or qs.first()
        )
        if found is None:
            raise ValueError(f"{type_} {key!r} is not loaded")
        return found.specific

    def district(self, key: str):
        District = _model("districts.District")
        qs = District.objects.filter(translation_key=demo_key("district", key))
        return qs.filter(locale=self.locales[DEFAULT_LOCALE]).first() or qs.first()

    def refs(self, block: str, type_: str, keys: list[str] | None) -> list[dict]:
        return [{"type": block, "value": self.page(type_, k).pk} for k in keys or []]

    # ------------------------------------------------------------------ records
    def load(self) -> dict[str, int]:
        self.ensure_tree()
        for type_ in load_order():
            for key in self.catalog.keys(type_):
                versions = self.catalog.versions(type_, key)
                for locale in _locale_order(versions):
                    rec = versions[locale]
                    if type_ == "district":
                        self.load_district(rec)
                    else:
                        self.load_page(rec)
                    self.counts[type_] = self.counts.get(type_, 0) + 1
        return self.counts

    def load_district(self, rec: dict) -> None:
        District = _model("districts.District")
        locale = self.locales[rec["locale"]]
        key = demo_key("district", rec["translation_key"])
        obj = District.objects.filter(translation_key=key, locale=locale).first() or District(
            translation_key=key, locale=locale
        )
        obj.name, obj.slug, obj.division, obj.summary = (
            rec["name"],
            rec["slug"],
            rec["division"],
            rec["summary"],
        )
        obj.body = rec.get("body", "")
        obj.image = self.image(rec.get("image"))
        cell = rec.get("map") or {}
        obj.map_col, obj.map_row = cell.get("col"), cell.get("row")
        obj.full_clean()
        obj.save()

    def parent_for(self, rec: dict) -> Page:
        locale = rec["locale"]
        if rec["type"] == "page":
            return self.homes[locale]
        if rec["type"] != "product":
            return self.sections[(locale, sections()[rec["type"]][0])]
        key = demo_key("artisan", rec["artisan"])
        parent = Page.objects.filter(translation_key=key, locale=self.locales[locale]).first()
        if parent is None:  # untranslated artisan: Wagtail's alias placeholder in this locale's tree
            source = self.page("artisan", rec["artisan"])
            parent = source.create_alias(
                parent=self.sections[(locale, "artisans")],
                update_locale=self.locales[locale],
                reset_translation_key=False,
            )
        return parent

    def load_page(self, rec: dict) -> None:
        from .exporters import contract_page_models

        model = contract_page_models()[rec["type"]]
        locale = self.locales[rec["locale"]]
        key = demo_key(rec["type"], rec["translation_key"])
        page = model.objects.filter(translation_key=key, locale=locale).first()
        if rec["type"] == "artisan":
            self.consent(rec)
        created = page is None
        if created:
            page = model(translation_key=key, locale=locale, live=False)
        page.title = rec.get("name") or rec["title"]
        page.slug = rec["slug"]
        page.old_slugs = "\n".join(rec.get("old_slugs", []))
        getattr(self, f"fill_{rec['type']}")(page, rec)
        if created:
            self.parent_for(rec).add_child(instance=page)
        if rec["type"] == "artisan":
            self.consent(rec, page)
        if rec["type"] == "product":
            self.listings(page, rec)
        page.save_revision(log_action=False).publish(log_action=False)
        if rec.get("updated") and rec["type"] != "story":  # a story keeps its own "updated" field
            # The record's day of last change becomes its publication day, so the export gives it back.
            day = datetime.datetime.fromisoformat(rec["updated"]).replace(tzinfo=datetime.UTC)
            type(page).objects.filter(pk=page.pk).update(last_published_at=day)

    def consent(self, rec: dict, page=None) -> None:
        ConsentRecord = _model("registry.ConsentRecord")
        c = rec["consent"]
        obj = ConsentRecord.objects.filter(reference=c["reference"]).first() or ConsentRecord(reference=c["reference"])
        obj.date, obj.covers = c["date"], list(c["covers"])
        if page is not None and obj.artisan_id is None:
            obj.artisan = page
        obj.save()

    def listings(self, page, rec: dict) -> None:
        from chinar_cms.products.models import MarketplaceListing

        page.listings.all().delete()
        for i, item in enumerate(rec["listings"]):
            MarketplaceListing.objects.create(
                page=page,
                sort_order=i,
                marketplace=item["marketplace"],
                url=item["url"],
                seller=item["seller"],
                programme=item.get("programme", ""),
                price_inr=item["price_inr"],
                availability=item["availability"],
                link_status=item.get("link_status", "ok"),
                last_checked=item["last_checked"],
                price_valid_until=item.get("price_valid_until"),
            )
        page.refresh_from_db()

    # one ``fill_<type>`` per page type: contract fields -> model fields
    def fill_craft(self, page, rec: dict) -> None:
        gi = rec.get("gi")
        page.summary, page.history, page.region = rec["summary"], rec["history"], rec["region"]
        page.districts = [{"type": "district", "value": self.district(k).pk} for k in rec["districts"]]
        page.techniques = "\n".join(rec.get("techniques", []))
        page.materials = "\n".join(rec.get("materials", []))
        page.gi_status = "" if gi is None else ("registered" if gi["registered"] else "not_registered")
        page.gi_year = (gi or {}).get("year")
        page.gi_application_no = (gi or {}).get("application_no", "")
        page.gi_name = (gi or {}).get("name", "")
        page.authenticity = rec.get("authenticity", "")
        page.other_names = "\n".join(rec.get("aliases", []))
        page.hero = self.image(rec.get("hero"))
        page.gallery = self.images_of(rec.get("gallery"))

    def fill_artisan(self, page, rec: dict) -> None:
        page.crafts = self.refs("craft", "craft", rec["crafts"])
        page.district = self.district(rec["district"])
        page.bio = rec["bio"]
        page.portrait = self.image(rec.get("portrait"))
        page.gallery = self.images_of(rec.get("gallery"))
        page.practising_since = rec.get("practising_since")
        page.awards = [
            {"type": "award", "value": {"name": a["name"], "year": a.get("year")}} for a in rec.get("awards", [])
        ]
        page.languages = "\n".join(rec.get("languages", []))
        page.cooperative = rec.get("cooperative", "")
        page.flags = list(rec.get("flags", []))
        page.featured = bool(rec.get("featured"))

    def fill_product(self, page, rec: dict) -> None:
        page.craft = self.page("craft", rec["craft"])
        page.description = rec.get("description", "")
        page.materials = "\n".join(rec.get("materials", []))
        dims = rec.get("dimensions", {})
        page.length_cm, page.width_cm = dims.get("length_cm"), dims.get("width_cm")
        page.height_cm, page.weight_g = dims.get("height_cm"), dims.get("weight_g")
        page.images = self.images_of(rec["images"])
        page.gi_label_code = rec.get("gi_label_code", "")

    def fill_collection(self, page, rec: dict) -> None:
        page.summary, page.body = rec["summary"], rec.get("body", "")
        page.hero = self.image(rec.get("hero"))
        page.featured = bool(rec.get("featured"))
        page.items = [{"type": i["type"], "value": self.page(i["type"], i["ref"]).pk} for i in rec.get("items", [])]
        rule = rec.get("rule", {})
        page.rule_craft = self.page("craft", rule["craft"]) if "craft" in rule else None
        page.rule_district = self.district(rule["district"]) if "district" in rule else None
        page.rule_price_min, page.rule_price_max = rule.get("price_min"), rule.get("price_max")

    def fill_story(self, page, rec: dict) -> None:
        page.date, page.updated = rec["date"], rec.get("updated")
        page.author, page.summary, page.body = rec.get("author", ""), rec["summary"], rec["body"]
        page.hero = self.image(rec.get("hero"))
        page.images = self.images_of(rec.get("images"))
        page.artisans = self.refs("artisan", "artisan", rec.get("artisans"))
        page.crafts = self.refs("craft", "craft", rec.get("crafts"))

    def fill_campaign(self, page, rec: dict) -> None:
        page.summary, page.starts, page.ends = rec["summary"], rec["starts"], rec["ends"]
        page.hero = self.image(rec.get("hero"))
        page.location, page.organizer = rec.get("location", ""), rec.get("organizer", "")
        page.utm_campaign = rec["utm_campaign"]
        blocks = []
        for b in rec["blocks"]:
            t = b["type"]
            if t == "text":
                value = {"title": b.get("title", ""), "body": b["body"]}
            elif t == "featured_artisans":
                value = {
                    "title": b.get("title", ""),
                    "artisans": [self.page("artisan", k).pk for k in b["artisans"]],
                }
            elif t == "featured_collection":
                value = {
                    "title": b.get("title", ""),
                    "collection": self.page("collection", b["collection"]).pk,
                }
            elif t == "craft_trail":
                value = {
                    "title": b.get("title", ""),
                    "stops": [
                        {
                            "district": self.district(s["district"]).pk,
                            "crafts": [self.page("craft", k).pk for k in s.get("crafts", [])],
                            "note": s.get("note", ""),
                        }
                        for s in b["stops"]
                    ],
                }
            else:
                value = {"text": b.get("text", ""), "label": b["label"], "url": b["url"]}
            blocks.append({"type": t, "value": value})
        page.blocks = blocks

    def fill_page(self, page, rec: dict) -> None:
        page.summary, page.body = rec.get("summary", ""), rec["body"]


def load_content(content_dir: Path | str) -> dict[str, int]:
    """Validate ``content_dir`` and load it into the CMS in one transaction; returns counts per type.

    Its image originals are checked first as ``chinar check`` does (every bad one named by record
    file and field); the image model then stores each without metadata.
    """
    catalog = load_catalog(content_dir)
    problems = original_problems(catalog, Path(content_dir))
    if problems:
        raise ContentError(problems)
    with transaction.atomic():
        return Loader(catalog).load()

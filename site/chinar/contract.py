"""The narrow public seam between the CMS and the static build: all the CMS imports from ``chinar``.

The CMS produces the content contract and previews records with the site's own templates, so it
needs a few things the build owns: the record types and languages, the schemas, the sanitiser that
rich text must pass, the rules for plain text (``chinar.text``: checked where an editor types), where
a record's page lives, the preview renderer, and the image limits (``media_limits``) and checks an
original must pass for the build to accept it. It takes them from here and nowhere else in
``chinar`` (``tests/test_import_graph.py`` checks), so the build's modules can change shape without
breaking the CMS. Nothing here imports Django, and importing this module does
not import Jinja (the renderer is loaded on the first preview).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import media_limits
from .catalog import Catalog, Record
from .content import load_catalog
from .errors import ContentError, Problem
from .images.source import HEIF_BRANDS, ImageError, Sources, check_complete, describe_other
from .languages import BY_CODE, DEFAULT_LOCALE, LANGUAGES, LOCALES, RTL_LOCALES, Language, direction
from .listings.feed import FeedError, FeedRow, read_feed
from .listings.outcome import DEAD, LABELS, OK, WORKING, Outcome
from .marketplaces import listing_id, listing_url_problem
from .marketplaces import registry as marketplace_registry
from .publish.auth import AuthError, sign, verify
from .record_types import BY_NAME, RECORD_TYPES, SCHEMA_VERSION, TYPE_DIRS, RecordType, load_order, schema_dir
from .richtext import sanitise
from .text import clean as clean_text
from .text import needs_care as text_needs_care
from .text import problem as text_problem
from .urls import detail as record_path
from .urls import home as home_path
from .urls import href
from .urls import index as index_path
from .validate import RESERVED_SLUGS, media_problems


def record_file(rec: Record) -> str:
    """Where a record lives in a content directory: ``<folder>/<translation_key>.<locale>.json``."""
    return f"{TYPE_DIRS[rec['type']]}/{rec['translation_key']}.{rec['locale']}.json"


def original_problems(catalog: Catalog, content_dir: Path) -> list[Problem]:
    """Every use of an image original of ``content_dir`` the build would refuse, by record file and JSON
    pointer: the checks ``chinar check`` makes (``media_limits``, decompression bombs, files cut short)."""
    return media_problems(catalog.iter_records(), Sources(Path(content_dir) / "media").problem)


def theme_dir() -> Path:
    """The theme the site is built with (its static files serve the CMS preview)."""
    from .render import default_theme_dir

    return default_theme_dir()


def render_record(record: Record, catalog: Catalog, **kwargs: Any) -> str:
    """A record's page exactly as the static build renders it (``chinar.render.render_record``)."""
    from .render import render_record as render

    return render(record, catalog, **kwargs)


# The listing checker imports aiohttp: loaded only when a check runs (``chinar_cms.listings``).
_CHECKER = frozenset({"CheckSettings", "Previous", "Target", "run_checks"})


def __getattr__(name: str) -> Any:
    if name in _CHECKER:
        from .listings import check

        return getattr(check, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["BY_CODE", "BY_NAME", "Catalog", "ContentError", "DEFAULT_LOCALE", "HEIF_BRANDS", "ImageError", "LANGUAGES",
           "LOCALES", "Language", "Problem", "RECORD_TYPES", "RESERVED_SLUGS", "RTL_LOCALES", "Record", "RecordType",
           "SCHEMA_VERSION", "TYPE_DIRS", "check_complete", "describe_other", "direction", "href", "load_catalog",
           "load_order", "media_limits", "original_problems", "record_file", "record_path", "render_record",
           "sanitise", "schema_dir", "theme_dir", "clean_text", "text_needs_care", "text_problem",
           "DEAD", "FeedError", "FeedRow", "LABELS", "OK", "Outcome", "WORKING", "listing_id", "listing_url_problem",
           "marketplace_registry", "read_feed", "AuthError", "sign", "verify", "home_path", "index_path",
           ]  # and, on first use, CheckSettings, Previous, Target, run_checks

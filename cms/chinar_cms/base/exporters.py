"""Which CMS model exports each record type of the contract.

The record types are declared once, in the static build's registry (``chinar.contract.RECORD_TYPES``),
each naming the model whose ``to_record`` exports it; this module turns those names into model classes.
``tests/test_registries.py`` checks that every declared model exists and exports its type.
"""

from __future__ import annotations

from django.apps import apps

from chinar.contract import RECORD_TYPES


def contract_models() -> dict[str, type]:
    """Record type -> the model exporting it (page models and the district snippet), in registry order."""
    return {t.name: apps.get_model(t.cms_model) for t in RECORD_TYPES}


def contract_page_models() -> dict[str, type]:
    """Record type -> page model, for the types that are Wagtail pages (every type but snippets)."""
    from wagtail.models import Page

    return {name: model for name, model in contract_models().items() if issubclass(model, Page)}

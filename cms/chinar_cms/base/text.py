"""Text as it enters the CMS: the contract's rules (``chinar.text``) applied where an editor types.

The rules come from the build through ``chinar.contract`` (``clean_text``, ``text_problem``,
``text_needs_care``). A control character or a text of only spaces is a form error on its field, so
an editor fixes it before saving rather than meeting a failed build; text is saved as NFC without bidi
controls, and every string of an exported record is cleaned the same way (StreamField text included).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.fields import StreamField

from chinar.contract import clean_text, text_needs_care, text_problem


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def clean_text_fields(instance: models.Model) -> None:
    """Clean every text field of ``instance`` in place; raise one ValidationError naming each bad field.

    Char and text fields (rich text too) are cleaned (``clean_text``) and refused when they hold a
    control character or, when required, only spaces; StreamField text is checked block by block.
    """
    errors: dict[str, str] = {}
    for field in instance._meta.concrete_fields:
        if isinstance(field, StreamField):
            raw = field.get_prep_value(getattr(instance, field.attname))
            for value in _strings(json.loads(raw) if isinstance(raw, str) else raw):
                message = text_problem(value)
                if message:
                    errors[field.name] = message
                    break
            continue
        if not isinstance(field, (models.CharField, models.TextField)):
            continue
        value = getattr(instance, field.attname)
        if not isinstance(value, str) or not value:
            continue
        message = text_problem(value)
        if message:
            errors[field.name] = message
            continue
        if text_needs_care(value):
            value = clean_text(value)
            setattr(instance, field.attname, value)
        if not field.blank and not value.strip():
            errors[field.name] = "must not be only spaces"
    if errors:
        raise ValidationError({name: f"This text {message}." for name, message in errors.items()})


def clean_record(value: Any) -> Any:
    """``value`` (an exported record) with every string cleaned (``clean_text``)."""
    if isinstance(value, str):
        return clean_text(value) if text_needs_care(value) else value
    if isinstance(value, dict):
        return {k: clean_record(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_record(v) for v in value]
    return value

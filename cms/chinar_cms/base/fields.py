"""Model fields shaped like the content contract: lists of strings and lists of enum choices."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class ChoiceListField(models.JSONField):
    """An ordered list of values from ``choices``, edited as checkboxes (flags, consent coverage)."""

    def __init__(self, *args, list_choices=(), **kwargs):
        self.list_choices = list(list_choices)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["list_choices"] = self.list_choices
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {c for c, _ in self.list_choices}
        bad = [v for v in value or [] if v not in allowed]
        if bad:
            raise ValidationError(f"Unknown choice: {', '.join(map(str, bad))}.")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.list_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )


def lines(text: str) -> list[str]:
    """The non-empty lines of a "one per line" text box, trimmed, in order."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class LinesField(models.TextField):
    """A list of short texts (techniques, materials, languages...), typed one per line."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("help_text", "One per line.")
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        too_long = [line for line in lines(value) if len(line) > 2000]
        if too_long:
            raise ValidationError("Each line must be at most 2000 characters.")

"""StreamField blocks shared by several content types (one place, as in bakerydemo's base/blocks.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "hr", "blockquote"]


class ImageUsageBlock(blocks.StructBlock):
    """One image as shown on a page: the picture plus the words that go with it in this language.

    Alt text is per use (and per language); the focal point belongs to the image itself and is set
    in the image editor.
    """

    image = ImageChooserBlock(label="Image")
    alt = blocks.CharBlock(
        label="Alt text",
        max_length=500,
        help_text="Describe the picture for someone who cannot see it, e.g. 'Shazia at her embroidery frame'.",
    )
    caption = blocks.CharBlock(required=False, max_length=500)
    credit = blocks.CharBlock(required=False, max_length=200, help_text="Photographer or source.")

    class Meta:
        icon = "image"
        label = "Image"


def image_stream(max_num: int | None = None, **kwargs):
    """A StreamField of images (``max_num=1`` for a single hero or portrait)."""
    from wagtail.fields import StreamField

    return StreamField([("image", ImageUsageBlock())], blank=True, max_num=max_num, **kwargs)


class HttpsOrPathBlock(blocks.CharBlock):
    """A link target: an https:// address or a path on this site starting with '/'."""

    def clean(self, value):
        value = super().clean(value)
        import re

        if value and not re.match(r"^(https://[^\s]+|/[A-Za-z0-9/_-]*)$", value):
            raise ValidationError("The link must start with https:// or be a path on this site starting with '/'.")
        return value

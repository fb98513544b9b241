"""Admin additions shared by every content type."""

from __future__ import annotations

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


def rtl_content_locales() -> list[str]:
    """Content languages written right to left (Urdu here), from Django's ``LANGUAGES_BIDI``."""
    bidi = {code.split("-")[0] for code in settings.LANGUAGES_BIDI}
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code.split("-")[0] in bidi]


@hooks.register("insert_editor_js")
def editor_direction_js():
    """Text fields follow the direction of what is typed in them, and start right to left in Urdu.

    ``insert_editor_js`` is output by every create/edit form (``wagtailadmin/generic/form.html``):
    pages and snippets alike. The content locale is read in the browser from Wagtail's config
    (``ACTIVE_CONTENT_LOCALE``), since this hook gets no request.
    """
    return format_html(
        '<script src="{}" data-rtl-locales="{}" defer></script>',
        static("chinar_cms/editor_direction.js"),
        " ".join(rtl_content_locales()),
    )

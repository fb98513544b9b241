"""Theme static files for previews, and media files for the admin (never for anonymous visitors)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.static import serve
from wagtail.admin.auth import require_admin_access
from wagtail.models import UploadedFile

from chinar.contract import theme_dir

#: Where Wagtail's multiple upload keeps a file until the editor gives its alt text.
PENDING_UPLOADS = UploadedFile._meta.get_field("file").upload_to


def theme_static(request: HttpRequest, path: str) -> HttpResponse:
    """Serve ``themes/chinar/static/<path>`` (Django's ``serve`` refuses paths outside the folder)."""
    return serve(request, path, document_root=str(theme_dir() / "static"))


@require_admin_access
def media(request: HttpRequest, path: str) -> HttpResponse:
    """Serve ``MEDIA_ROOT/<path>`` (local disk storage) to people signed in to the admin.

    Originals and renditions are for editors (thumbnails, previews); the public gets images only from
    the static site, and the pull gets originals through the API's signed links. Uploads that are
    not finished (``wagtail_uploads/``, waiting for their alt text) are served to nobody: the admin
    shows them from the editor's own browser.
    """
    if path.split("/", 1)[0] == PENDING_UPLOADS:
        raise Http404("not a finished upload")
    return serve(request, path, document_root=str(settings.MEDIA_ROOT))

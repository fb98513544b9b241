"""Theme static files for previews: the CSS and JS the static site uses, served as they are."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.static import serve

from chinar.contract import theme_dir


def theme_static(request: HttpRequest, path: str) -> HttpResponse:
    """Serve ``themes/chinar/static/<path>`` (Django's ``serve`` refuses paths outside the folder)."""
    return serve(request, path, document_root=str(theme_dir() / "static"))

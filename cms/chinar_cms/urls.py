from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .api import api_router, original, published_ids
from .base.views import media, theme_static
from .buildhook.views import publish_status

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/originals/<str:token>/<str:name>", original, name="chinar-original"),
    path("api/v2/published/", published_ids, name="chinar-published"),
    path("api/v2/publish-status/", publish_status, name="chinar-publish-status"),
    path("api/v2/", api_router.urls),
    path("preview-static/<path:path>", theme_static, name="chinar-theme-static"),
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
]

if settings.STORAGES["default"]["BACKEND"] == "chinar_cms.base.storage.LocalMediaStorage":
    # Media on local disk: for people signed in to the admin only, in development and production
    # alike (with S3, file links are signed URLs of the private bucket).
    urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media, name="chinar-media"))

# The CMS is headless: buyers use the static site. Page URLs exist for Wagtail's own links.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)

"""Settings shared by every environment. Secrets and hosts live in dev.py / production.py.

Database: SQLite in cms/db.sqlite3 unless ``DATABASE_URL`` is set (e.g. postgres://user@127.0.0.1/chinar).
Uploads: local disk (cms/media/) unless ``AWS_STORAGE_BUCKET_NAME`` is set, then S3 via django-storages.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url
from django.conf import global_settings

from chinar.contract import DEFAULT_LOCALE, RTL_LOCALES, media_limits
from chinar.contract import LANGUAGES as SITE_LANGUAGES

CMS_DIR = Path(__file__).resolve().parents[2]  # .../cms
PROJECT_DIR = CMS_DIR / "chinar_cms"
REPO_DIR = CMS_DIR.parent

INSTALLED_APPS = [
    "chinar_cms.base",
    "chinar_cms.home",
    "chinar_cms.districts",
    "chinar_cms.crafts",
    "chinar_cms.artisans",
    "chinar_cms.products",
    "chinar_cms.listings",
    "chinar_cms.curation",
    "chinar_cms.stories",
    "chinar_cms.campaigns",
    "chinar_cms.pages",
    "chinar_cms.registry",
    "chinar_cms.buildhook",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.embeds"), "wagtail.contrib.redirects")

ROOT_URLCONF = "chinar_cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "chinar_cms.wsgi.application"

DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{CMS_DIR / 'db.sqlite3'}", conn_max_age=0)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The web server and the task worker write to the same file: write transactions take their lock when they
    # begin (and wait for it) instead of failing with "database is locked" when a read turns into a write;
    # WAL lets readers go on while one process writes.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20,
                                       "init_command": "PRAGMA journal_mode=WAL;"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

# Languages: declared once, in the site's registry (English, Hindi, Urdu right-to-left). Wagtail keeps one
# page tree per locale; the admin is offered in the same languages.
LANGUAGE_CODE = DEFAULT_LOCALE
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [(lang.code, lang.name) for lang in SITE_LANGUAGES]
LANGUAGES_BIDI = sorted(set(global_settings.LANGUAGES_BIDI) | RTL_LOCALES)
WAGTAIL_I18N_ENABLED = True
# Editors may use the admin in English, Hindi or Urdu (account settings); Wagtail ships no Hindi or Urdu
# catalog, so its own words stay English there, while the CMS's messages and Django's are translated.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The CMS's own strings in Hindi and Urdu (django.po, compiled when the CMS starts: base/translations.py).
LOCALE_PATHS = [PROJECT_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Kolkata"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = CMS_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = CMS_DIR / "media"


def media_storage(env: Mapping[str, str]) -> dict[str, Any]:
    """``STORAGES["default"]`` for the environment ``env``: S3 when a bucket is named, else local disk.

    S3 (django-storages with boto3) when ``AWS_STORAGE_BUCKET_NAME`` is set. Optional:
    ``AWS_S3_ENDPOINT_URL`` (an S3-compatible server such as MinIO; addressed path-style),
    ``AWS_S3_REGION_NAME``, ``AWS_LOCATION`` (key prefix, e.g. ``media/``),
    ``AWS_S3_ADDRESSING_STYLE``. Credentials are never settings: boto3's standard chain finds them
    (``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``, ``AWS_PROFILE``, an instance or container role).
    Otherwise uploads go to ``MEDIA_ROOT``. Either way through ``chinar_cms.base.storage``, which
    removes personal metadata from every image before it is written.
    """
    bucket = (env.get("AWS_STORAGE_BUCKET_NAME") or "").strip()
    if not bucket:
        return {"BACKEND": "chinar_cms.base.storage.LocalMediaStorage"}
    endpoint = (env.get("AWS_S3_ENDPOINT_URL") or "").strip() or None
    return {
        "BACKEND": "chinar_cms.base.storage.S3MediaStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint,
            "region_name": (env.get("AWS_S3_REGION_NAME") or "").strip() or None,
            "location": (env.get("AWS_LOCATION") or "").strip().strip("/"),
            # A custom endpoint (127.0.0.1, MinIO) has no per-bucket host names.
            "addressing_style": (env.get("AWS_S3_ADDRESSING_STYLE") or "").strip() or ("path" if endpoint else None),
            "default_acl": None,  # the bucket enforces owner permissions (no ACLs)
            "querystring_auth": True,  # the bucket is private: file URLs are signed
            "file_overwrite": False,  # a new upload never replaces another file of the same name
        },
    }


STORAGES = {
    "default": media_storage(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Chinar"
WAGTAILADMIN_BASE_URL = os.environ.get("CHINAR_CMS_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "base.ChinarImage"
# One set of image limits for the CMS and the build (site/chinar/media_limits.py). HEIC (iPhones) is
# accepted and stored as JPEG; a picture over MAX_PIXELS (up to MAX_UPLOAD_PIXELS) is scaled down.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "heic", "heif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = media_limits.MAX_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = media_limits.MAX_UPLOAD_PIXELS
# Contract slugs are ASCII (lowercase letters, digits, hyphens) in every locale.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False

# Background work (Django's Tasks framework, the django-tasks backport). "default" stays Wagtail's own
# choice, run at once in the request (its reference-index and file-deletion tasks). "db" keeps tasks in
# this database (django-tasks-db) for a worker process: `manage.py db_worker --backend db --queue-name
# buildhook`. The build hook goes there: it survives restarts and never makes an editor wait.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "db": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["buildhook"]},
}

# Build hook: the publisher's /hook (`chinar publish`), or a Netlify-style build hook URL. Publishing
# bursts within the window become one request; failures are retried with backoff (doubling).
CHINAR_BUILD_HOOK_URL = os.environ.get("CHINAR_BUILD_HOOK_URL", "")
CHINAR_BUILD_HOOK_WINDOW = float(os.environ.get("CHINAR_BUILD_HOOK_WINDOW", "1"))
CHINAR_BUILD_HOOK_RETRY = float(os.environ.get("CHINAR_BUILD_HOOK_RETRY", "30"))
CHINAR_BUILD_HOOK_MAX_ATTEMPTS = int(os.environ.get("CHINAR_BUILD_HOOK_MAX_ATTEMPTS", "8"))
CHINAR_BUILD_HOOK_TIMEOUT = float(os.environ.get("CHINAR_BUILD_HOOK_TIMEOUT", "10"))
# Shared with the publisher: signs the hook, authenticates the publisher's status reports.
CHINAR_PUBLISH_SECRET = os.environ.get("CHINAR_PUBLISH_SECRET", "")
# The public static site: "View live" and every live URL in the admin open the page there.
CHINAR_SITE_BASE_URL = os.environ.get("CHINAR_SITE_BASE_URL", "http://127.0.0.1:8000")

# Listing checks (cms/chinar_cms/listings): a stated price further than this fraction from the catalog's
# is held for an editor instead of published (a misread page must not reprice a shawl tenfold); the
# editors' report flags price moves beyond CHINAR_LISTINGS_DRIFT and listings unchecked for
# CHINAR_LISTINGS_STALE_DAYS (its filters can change both).
CHINAR_LISTINGS_MAX_PRICE_CHANGE = float(os.environ.get("CHINAR_LISTINGS_MAX_PRICE_CHANGE", "0.5"))
CHINAR_LISTINGS_DRIFT = float(os.environ.get("CHINAR_LISTINGS_DRIFT", "0.1"))
CHINAR_LISTINGS_STALE_DAYS = int(os.environ.get("CHINAR_LISTINGS_STALE_DAYS", "14"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"chinar_cms": {"handlers": ["console"], "level": os.environ.get("CHINAR_LOG_LEVEL", "INFO")}},
}
WAGTAILIMAGES_IMAGE_FORM_BASE = "chinar_cms.base.forms.ChinarImageForm"

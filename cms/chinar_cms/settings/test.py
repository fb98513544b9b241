"""Test settings: fast hashing, media in a temporary directory, no build hook unless a test sets one."""

import os
import tempfile

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "django-insecure-chinar-tests"  # noqa: S105 - tests only
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="chinar-cms-media-")
# Local disk even if the shell has AWS_STORAGE_BUCKET_NAME set: tests never write to a real bucket.
# tests/cms/test_media_s3.py points the storage at a local S3 server itself.
STORAGES = {**STORAGES, "default": media_storage({})}  # noqa: F405
# Set by tests that run a task worker process (tests/cms/test_publish.py): it reads the settings itself.
CHINAR_BUILD_HOOK_URL = os.environ.get("CHINAR_TEST_BUILD_HOOK_URL", "")
CHINAR_PUBLISH_SECRET = "test-secret-for-the-chinar-suite"  # noqa: S105 - tests only
CHINAR_SITE_BASE_URL = "https://chinar.example.in"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"

# SQLite: a test database in a file rather than in memory, so that processes the tests start (the task
# worker, a `chinar publish` reporting back through the live server) share it. Django removes it afterwards.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(tempfile.mkdtemp(prefix="chinar-cms-db-"), "test.sqlite3")}  # noqa: F405

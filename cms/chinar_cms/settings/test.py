"""Test settings: fast hashing, media in a temporary directory, build hook sender run by the tests."""

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
CHINAR_BUILD_HOOK_URL = ""
CHINAR_BUILD_HOOK_THREAD = False
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"

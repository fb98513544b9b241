"""Local development: debug on, a fixed insecure key, any host. Never deploy with these settings."""

from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = "django-insecure-chinar-local-development-only"  # noqa: S105 - local only
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

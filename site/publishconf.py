"""Build settings for publishing: development settings plus the public site URL.

Netlify sets ``URL`` to the site's primary address; elsewhere set ``CHINAR_SITE_URL``.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("CHINAR_SITE_URL") or os.environ.get("URL") or "https://chinar.example.in"

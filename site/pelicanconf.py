"""Build settings for development: Pelican's settings-file convention, read by ``chinar.settings``.

Paths are relative to this folder; ``chinar build`` options override the content, output and cache
folders. Pelican itself is not in the build path (docs/architecture.md, "Pelican's role"): the catalog is
JSON records rendered by ``chinar.build``, and plugins connect to ``chinar.signals``.
"""

SITENAME = "Chinar"
SITEURL = ""  # canonical links, sitemap and feeds; ``chinar build --base-url`` or publishconf.py set it
PATH = "../content"
OUTPUT_PATH = "../output"
THEME = "../themes/chinar"
CHINAR_CACHE_PATH = "../.cache"
TIMEZONE = "Asia/Kolkata"
DEFAULT_LANG = "en"

# Modules whose register() connects receivers to chinar.signals, on every route (build, watch, publish).
PLUGINS: list[str] = []

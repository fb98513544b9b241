"""Pelican settings for the Chinar static build (development defaults).

``chinar build`` reads this file; paths are relative to this folder. Content is the JSON contract in
``content/``, rendered by the ``chinar.pelican_plugin`` generator, so Pelican's Markdown readers,
feeds and direct templates are switched off.
"""

AUTHOR = "Chinar"
SITENAME = "Chinar"
SITEURL = ""
PATH = "../content"
OUTPUT_PATH = "../output"
THEME = "../themes/chinar"
TIMEZONE = "Asia/Kolkata"
DEFAULT_LANG = "en"

PLUGINS = ["chinar.pelican_plugin"]
CHINAR_CACHE_PATH = "../.cache"

# The catalog generator renders everything; Pelican's own content types stay empty.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS: list[str] = []
STATIC_PATHS: list[str] = []
THEME_STATIC_PATHS: list[str] = []
DIRECT_TEMPLATES: list[str] = []
PAGINATED_TEMPLATES: dict = {}
TEMPLATE_PAGES: dict = {}
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DELETE_OUTPUT_DIRECTORY = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
RELATIVE_URLS = False

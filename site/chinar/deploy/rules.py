"""Response headers and content types for the built site, decided once for every host.

``netlify.toml`` is the single source of truth for response headers: Netlify applies its
``[[headers]]`` itself, ``chinar deploy`` copies Cache-Control from it into S3 object metadata,
and the local header-aware server (``chinar.deploy.httpd``) replays all of it so browser tests see
the same Content-Security-Policy buyers get. Keeping one table avoids the classic drift where
production caches a stylesheet forever that staging revalidates.

Matching follows Netlify: ``for`` patterns are site paths where ``*`` matches anything (slashes
included) and ``:name`` one path segment; rules are applied in file order and a later rule's value
for a header replaces an earlier one. A path that no rule gives a Cache-Control gets Netlify's
default, :data:`DEFAULT_CACHE_CONTROL`, so S3 and Netlify agree on that too.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

#: What Netlify sends when no rule sets Cache-Control: keep a copy, revalidate before each use.
DEFAULT_CACHE_CONTROL = "public, max-age=0, must-revalidate"

#: ``netlify.toml`` at the repository root (site/chinar/deploy/rules.py -> four levels up).
REPO_NETLIFY_TOML = Path(__file__).resolve().parents[3] / "netlify.toml"

_UTF8 = "; charset=utf-8"

#: Explicit Content-Type per extension. Never guessed from the machine's mime.types: a missing
#: or different entry on the build host would silently change what browsers receive.
CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html" + _UTF8,
    ".htm": "text/html" + _UTF8,
    ".css": "text/css" + _UTF8,
    ".js": "text/javascript" + _UTF8,
    ".mjs": "text/javascript" + _UTF8,
    ".json": "application/json" + _UTF8,
    ".map": "application/json" + _UTF8,
    ".webmanifest": "application/manifest+json" + _UTF8,
    ".xml": "application/xml" + _UTF8,
    ".atom": "application/atom+xml" + _UTF8,
    ".txt": "text/plain" + _UTF8,
    ".csv": "text/csv" + _UTF8,
    ".svg": "image/svg+xml" + _UTF8,
    ".avif": "image/avif",
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".wasm": "application/wasm",
    ".pdf": "application/pdf",
    # Compressed data files (e.g. search shards the client inflates itself) are served as what
    # they are, without Content-Encoding: a transparent decode by the browser would hand the
    # client bytes it does not expect.
    ".gz": "application/gzip",
    ".br": "application/x-brotli",
    ".bin": "application/octet-stream",
}

#: Extension-less files the site ships (Netlify's own configuration files).
NAMED_CONTENT_TYPES: dict[str, str] = {
    "_redirects": "text/plain" + _UTF8,
    "_headers": "text/plain" + _UTF8,
}

#: Anything else: browsers will not try to render or execute it (with nosniff).
DEFAULT_CONTENT_TYPE = "application/octet-stream"


def content_type_for(path: str) -> str:
    """Content-Type for a site path or output-relative file name; the Atom feed gets its own type."""
    name = PurePosixPath(path).name
    if name in NAMED_CONTENT_TYPES:
        return NAMED_CONTENT_TYPES[name]
    if name == "feed.xml":
        return CONTENT_TYPES[".atom"]
    return CONTENT_TYPES.get(PurePosixPath(name).suffix.lower(), DEFAULT_CONTENT_TYPE)


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """Netlify path pattern -> regex: ``*`` any run of characters, ``:name`` one segment."""
    out = []
    for token in re.split(r"(\*|:[A-Za-z_][A-Za-z0-9_]*)", pattern):
        if token == "*":
            out.append(".*")
        elif token.startswith(":") and len(token) > 1:
            out.append("[^/]+")
        else:
            out.append(re.escape(token))
    # Netlify treats "/about" and "/about/" as the same path.
    return re.compile("".join(out).rstrip("/") + "/?", re.IGNORECASE)


@dataclass(frozen=True)
class HeaderRule:
    """One ``[[headers]]`` table: the path pattern and the headers it sets."""

    pattern: str
    values: Mapping[str, str]
    regex: re.Pattern[str] = field(compare=False, repr=False)

    def matches(self, path: str) -> bool:
        return self.regex.fullmatch(path) is not None


@dataclass(frozen=True)
class HeaderRules:
    """The ordered ``[[headers]]`` rules of a ``netlify.toml``."""

    rules: tuple[HeaderRule, ...]

    def headers_for(self, path: str) -> dict[str, str]:
        """Every header a response for site ``path`` (``/static/app.1a2b.css``) carries.

        Always includes Cache-Control (Netlify's default if no rule sets one). Header names keep
        the spelling of the first rule that sets them; later rules override the value.
        """
        if not path.startswith("/"):
            path = "/" + path
        merged: dict[str, str] = {}
        names: dict[str, str] = {}
        for rule in self.rules:
            if rule.matches(path):
                for name, value in rule.values.items():
                    name = names.setdefault(name.lower(), name)
                    merged[name] = value
        if "cache-control" not in names:
            merged["Cache-Control"] = DEFAULT_CACHE_CONTROL
        return merged

    def cache_control_for(self, path: str) -> str:
        """The Cache-Control for ``path``: what S3 stores as the object's Cache-Control."""
        for name, value in self.headers_for(path).items():
            if name.lower() == "cache-control":
                return value
        raise AssertionError("headers_for always sets Cache-Control")  # pragma: no cover

    def is_immutable(self, path: str) -> bool:
        """True when ``path`` is cached forever, i.e. its name must change with its content."""
        return "immutable" in self.cache_control_for(path)


def parse_rules(config: Mapping[str, object]) -> HeaderRules:
    """Header rules from a parsed ``netlify.toml``; raises ValueError on a malformed table."""
    tables = config.get("headers", [])
    if not isinstance(tables, list):
        raise ValueError("netlify.toml: `headers` must be an array of tables ([[headers]])")
    rules = []
    for i, table in enumerate(tables):
        if not isinstance(table, dict) or not isinstance(table.get("for"), str):
            raise ValueError(f"netlify.toml: headers[{i}] needs a string `for`")
        values = table.get("values", {})
        if not isinstance(values, dict) or not all(isinstance(v, str) for v in values.values()):
            raise ValueError(f"netlify.toml: headers[{i}].values must map header names to strings")
        pattern = table["for"]
        rules.append(HeaderRule(pattern, dict(values), _pattern_regex(pattern)))
    return HeaderRules(tuple(rules))


def load_rules(path: Path | None = None) -> HeaderRules:
    """Read the header rules from ``path`` (default: the repository's ``netlify.toml``)."""
    path = path or REPO_NETLIFY_TOML
    with path.open("rb") as f:
        return parse_rules(tomllib.load(f))


def headers_for(path: str, netlify_toml: Path | None = None) -> dict[str, str]:
    """Convenience: the headers ``netlify_toml`` (default: the repository's) gives site ``path``."""
    return load_rules(netlify_toml).headers_for(path)

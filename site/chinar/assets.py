"""Theme static files published under content-hashed names (``/static/css/site.3fa2c1d4.css``).

A hashed name changes whenever the bytes change, so CSS and JS can be cached forever
(``Cache-Control: immutable``) and a deploy can upload them before the pages that use them.
JavaScript is published minified (``rjsmin``: comments and whitespace out, nothing renamed), and the
hash is of the published bytes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def hashed_name(rel: str, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()[:10]
    path = Path(rel)
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}").as_posix())


def minify(rel: str, data: bytes) -> bytes:
    """``data`` as published: JavaScript without comments and extra whitespace, anything else as it is."""
    if rel.endswith(".js"):
        import rjsmin

        return rjsmin.jsmin(data.decode("utf-8")).encode("utf-8") + b"\n"
    return data


def collect(static_dir: Path) -> dict[str, tuple[str, bytes]]:
    """Map each theme static file (relative path) to (output path under static/, bytes)."""
    out = {}
    if not static_dir.is_dir():
        return out
    for path in sorted(static_dir.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            rel = path.relative_to(static_dir).as_posix()
            data = minify(rel, path.read_bytes())
            out[rel] = ("static/" + hashed_name(rel, data), data)
    return out

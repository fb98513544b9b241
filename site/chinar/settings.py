"""The build's settings: ``site/pelicanconf.py`` for development, ``site/publishconf.py`` for publishing.

The two files keep Pelican's convention — plain Python, upper-case names, paths relative to the file,
``publishconf.py`` starting with ``from pelicanconf import *`` — but the build reads them itself:
Pelican is not in the build path (docs/architecture.md, "Pelican's role"). What they set:

- ``PATH``, ``OUTPUT_PATH``, ``THEME``, ``CHINAR_CACHE_PATH``: the content, output, theme and cache
  folders (command-line options override the first two and the cache);
- ``SITEURL``: the absolute site URL of canonical links, the sitemap and feeds;
- ``PLUGINS``: modules whose ``register()`` connects to ``chinar.signals``, on every route (``chinar build``,
  ``serve --watch``, the publisher).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

log = logging.getLogger(__name__)

SITE_DIR = Path(__file__).resolve().parents[1]
DEFAULT_BASE_URL = "http://localhost:8000"


@dataclass(frozen=True)
class Settings:
    content_dir: Path
    output_dir: Path
    cache_dir: Path
    theme_dir: Path
    base_url: str
    plugins: tuple[str, ...] = ()
    values: dict = field(default_factory=dict, compare=False, repr=False)  # every upper-case name of the file


def settings_file(publish: bool = False) -> Path:
    return SITE_DIR / ("publishconf.py" if publish else "pelicanconf.py")


def _module(path: Path) -> ModuleType:
    """Run a settings file as a module; its folder is importable meanwhile (``from pelicanconf import *``)."""
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location(f"_chinar_settings_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(path.parent))


def read_settings(content_dir: Path | None = None, output_dir: Path | None = None, base_url: str = "",
                  cache_dir: Path | None = None, theme_dir: Path | None = None, *, publish: bool = False,
                  path: Path | None = None) -> Settings:
    """The settings of ``path`` (default: the development or publishing file), with these overrides."""
    path = path or settings_file(publish)
    module = _module(path)
    values = {k: getattr(module, k) for k in dir(module) if k.isupper()}
    here = path.parent

    def folder(given: Path | None, name: str, default: str) -> Path:
        return Path(given).resolve() if given else (here / values.get(name, default)).resolve()

    return Settings(
        content_dir=folder(content_dir, "PATH", "../content"),
        output_dir=folder(output_dir, "OUTPUT_PATH", "../output"),
        cache_dir=folder(cache_dir, "CHINAR_CACHE_PATH", "../.cache"),
        theme_dir=folder(theme_dir, "THEME", "../themes/chinar"),
        base_url=(base_url or values.get("SITEURL") or DEFAULT_BASE_URL).rstrip("/"),
        plugins=tuple(values.get("PLUGINS") or ()),
        values=values,
    )


_REGISTERED: set[str] = set()


def load_plugins(names: tuple[str, ...]) -> None:
    """Import each plugin module and call its ``register()`` once per process (Pelican's convention)."""
    for name in names:
        if name in _REGISTERED:
            continue
        module = importlib.import_module(name)
        register = getattr(module, "register", None)
        if not callable(register):
            raise ValueError(f"plugin {name!r} (PLUGINS in the settings) has no register() function")
        register()
        _REGISTERED.add(name)
        log.info("plugin %s registered", name)


def forget_plugins() -> None:
    """Let ``load_plugins`` register plugins again (for tests that disconnect what a plugin connected)."""
    _REGISTERED.clear()

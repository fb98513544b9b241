"""The CMS's own interface strings in Hindi and Urdu (Django's gettext, ``cms/chinar_cms/locale``).

The catalogs are kept as ``.po`` text (``scripts/translations.sh`` extracts and merges them) and
compiled to the ``.mo`` files Django reads when the CMS starts (``BaseConfig.ready``), like the
theme's catalogs, which the build compiles in memory: no generated file is committed.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

log = logging.getLogger(__name__)


def compile_catalogs(locale_dir: Path) -> list[Path]:
    """Write ``<lang>/LC_MESSAGES/django.mo`` for each ``django.po`` newer than its ``.mo``; return them.

    Each is written to a temporary name and renamed, so a process starting meanwhile reads a whole
    catalog. A folder that cannot be written is logged, and the strings then show in English.
    """
    written = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/django.po")):
        mo = po.with_suffix(".mo")
        try:
            if mo.exists() and mo.stat().st_mtime_ns >= po.stat().st_mtime_ns:
                continue
            with po.open("rb") as fh:
                catalog = read_po(fh, locale=po.parts[-3])
            tmp = mo.with_name(f".{mo.name}.{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                write_mo(fh, catalog)
            os.replace(tmp, mo)
            written.append(mo)
        except OSError as exc:
            log.warning("cannot compile %s (%s): its strings show in English", po, exc)
    return written

"""The build's extension points: signals a plugin connects to, sent on every route — ``chinar build``
(full or incremental), ``chinar serve --watch`` and the publisher (a live edit) — by ``build.generate``.

Blinker signals, the mechanism Pelican's own signals use; a plugin is a module named in ``PLUGINS`` (the
settings) whose ``register()`` connects its receivers. Receivers get the ``BuildJob`` as sender and may
read it; they must not change records or pages (the page fingerprints would no longer describe them).
"""

from __future__ import annotations

from blinker import signal

#: A build starts: ``job.changes`` says what changed since the last one (None: anything).
build_started = signal("chinar-build-started")
#: The catalog is read and checked: ``job.catalog``.
catalog_loaded = signal("chinar-catalog-loaded")
#: The pages are listed: ``job.pages`` (every page of the site), before any is rendered.
pages_listed = signal("chinar-pages-listed")
#: Every stage is done, the output is staged but not yet swapped in: ``job.report``. A receiver may add
#: files through ``job.output.write(path, bytes)``; raising fails the build and leaves the output as it was.
build_finished = signal("chinar-build-finished")

ALL = (build_started, catalog_loaded, pages_listed, build_finished)

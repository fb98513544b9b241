"""One progress reporter for every long stage: reading, images, rendering, search, pull and deploy.

On a terminal each stage gets a bar (tqdm, imported only then: it costs as much as rendering a hundred
pages); elsewhere — CI logs, the publisher's service log, tests — nothing is drawn, and the stages report
through their own log lines and summaries.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Bar(Protocol):
    def update(self, n: int = 1) -> object: ...


class _Silent:
    def update(self, n: int = 1) -> None:
        pass


SILENT = _Silent()


class Progress:
    """``with progress.stage("render", total=n, unit="page") as bar: bar.update(k)``.

    ``enabled``: draw bars (default: when standard error is a terminal). Safe to share: a stage opened
    while another is drawing is drawn below it.
    """

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled

    @contextmanager
    def stage(self, name: str, total: int | None = None, unit: str = "item") -> Iterator[Bar]:
        if not self.enabled:
            yield SILENT
            return
        from tqdm import tqdm

        bar = tqdm(total=total, unit=unit, desc=name, file=sys.stderr, leave=False, dynamic_ncols=True)
        try:
            yield bar
        finally:
            bar.close()


    def bar(self, name: str, total: int | None = None, unit: str = "item") -> Bar:
        """A bar to ``update`` and ``close`` by hand, for code that takes a bar factory."""
        if not self.enabled:
            return _Closable()
        from tqdm import tqdm

        return tqdm(total=total, unit=unit, desc=name, file=sys.stderr, leave=False, dynamic_ncols=True)


class _Closable(_Silent):
    def close(self) -> None:
        pass


QUIET = Progress(enabled=False)

"""How a build uses the machine: one object decides processes, chunking, where the search index is made
and how many cards are kept, from the machine's cores and a memory budget.

Every stage asks the policy instead of keeping its own thresholds, and tests pass a policy in (say,
``BuildPolicy(cores=2, fork_min=FORK_ALWAYS)`` to render a tiny catalog in worker processes) instead of
patching module constants.

The costs below were measured on the 2-core development VM (``benchmarks/build_bench.py``,
``benchmarks/rebuild_bench.py``; docs/architecture.md, "Build speed"). They are the machine-independent
part: what one more process costs against the work it takes over, and how much memory the build holds
per record. The machine-dependent part is ``cores`` and ``memory_budget``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Literal

# Below these amounts of work, starting processes costs more than it saves (fork, import state, pipes).
PAGES_PER_FORK = 400  # pages to render
FILES_PER_FORK = 2000  # record files to read and check
LISTS_PER_FORK = 4000  # search lists to score on a full export
FORK_ALWAYS = {"pages": 0, "files": 0, "lists": 0}

# A forked search process (``chinar build`` only) overlaps the index with the load and the render, a gain
# while the catalog is small; from about 20,000 records its copied memory and the render workers'
# competition made it slower (41,240 records: 62.1 s apart against 51.9 s beside the workers).
SEARCH_APART_MAX_RECORDS = 20_000
# Peak memory of a build, summed over its processes, per record of the catalog: about 32 KB with the
# search index made beside the render workers (1,323 MB at 41,240 records), about 22 KB when it is made
# after them (1,879 MB at 100,000 pages, 86,700 records).
BYTES_PER_RECORD_BESIDE = 32_000
# A card kept by a render worker (its HTML and image requests): about 4.5 KB when kept as text (87,000
# records: the render workers peaked at 2.4 GB keeping every card, 1.8 GB keeping 20,000 per language).
# Kept as UTF-8 it takes 1.4-1.5 KB by tracemalloc instead of 2.1-2.6 KB (English, Hindi, Urdu cards of a
# 2,000-artisan catalog), so the same share of peak memory holds 2,700 bytes' worth.
BYTES_PER_CARD = 2_700
CARDS_PER_LANGUAGE_MIN = 20_000  # a bound below this renders most cards three or four times

DEFAULT_BUDGET_FRACTION = 4  # of the machine's memory, by default
DEFAULT_BUDGET_MAX = 2 * 1024**3


def usable_cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def machine_memory() -> int:
    """Physical memory in bytes (0 when unknown)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 0


def default_budget() -> int:
    """A quarter of the machine's memory, at most 2 GiB: room for the CMS and the server beside the build."""
    total = machine_memory()
    return min(total // DEFAULT_BUDGET_FRACTION, DEFAULT_BUDGET_MAX) if total else DEFAULT_BUDGET_MAX


SearchPlace = Literal["apart", "beside", "after"]


@dataclass(frozen=True)
class BuildPolicy:
    """``cores``: processes to use at most; ``memory_budget``: bytes the build should stay under. The other
    fields are the measured costs above, which tests lower to reach every way of working on a tiny
    catalog: ``fork_min``, the amounts of work from which a stage forks; ``search_apart_max``, the records
    below which the search index may be made in a process of its own; ``cards_min``, the fewest cards per
    language a bounded card cache keeps."""

    cores: int = field(default_factory=usable_cores)
    memory_budget: int = field(default_factory=default_budget)
    fork_min: dict[str, int] = field(default_factory=lambda: {"pages": PAGES_PER_FORK, "files": FILES_PER_FORK,
                                                              "lists": LISTS_PER_FORK})
    search_apart_max: int = SEARCH_APART_MAX_RECORDS
    cards_min: int = CARDS_PER_LANGUAGE_MIN

    @classmethod
    def for_machine(cls, workers: int = 0, memory_budget: int = 0) -> BuildPolicy:
        """The policy for this machine; ``workers`` (``--workers``) and ``memory_budget`` (bytes) override."""
        return cls(cores=max(1, workers or usable_cores()), memory_budget=memory_budget or default_budget())

    def _processes(self, work: int, kind: str) -> int:
        return 1 if self.cores <= 1 or work < max(1, self.fork_min[kind]) else self.cores

    def render_processes(self, pages: int) -> int:
        """Processes rendering ``pages`` pages (1: in this process)."""
        return self._processes(pages, "pages")

    def read_processes(self, files: int) -> int:
        """Processes reading and checking ``files`` record files."""
        return self._processes(files, "files")

    def scoring_processes(self, lists: int) -> int:
        """Processes scoring ``lists`` search lists on a full export."""
        return self._processes(lists, "lists")

    @property
    def encoding_processes(self) -> int:
        """Processes encoding image renditions."""
        return self.cores

    def search_place(self, records: int, resident: bool) -> SearchPlace:
        """Where the search index is made. ``apart``: in a forked process from the end of the load (a
        small catalog, ``chinar build`` only: a resident build keeps the index's state in this process);
        ``beside``: in this process while the render workers run; ``after``: after them, when the two
        would not fit the budget together."""
        if not resident and self.cores > 1 and records < self.search_apart_max:
            return "apart"
        if records * BYTES_PER_RECORD_BESIDE <= self.memory_budget:
            return "beside"
        return "after"

    def cards_kept(self, records: int, languages: int) -> int | None:
        """Cards each render worker keeps, every language together. A worker renders mostly one language's
        lists, so it needs about one card per record of that language (and a few of the others, for the
        related cards of detail pages): all of them (None) while every record's card fits a quarter of the
        budget shared by the workers, else as many as that share holds, never fewer than ``cards_min`` per
        language (a smaller bound renders most cards three or four times). One bound for the worker, not
        one per language: split evenly, the language a worker lists got a third of the room and rendered
        its cards again and again while the others' room stayed empty."""
        share = self.memory_budget // 4 // max(1, self.cores)
        if records * BYTES_PER_CARD <= share:
            return None
        return max(self.cards_min * max(1, languages), share // BYTES_PER_CARD)


#: Everything in this one process (the policy of code that must not fork, e.g. beside busy workers).
SERIAL = BuildPolicy(cores=1)


def die_with_parent() -> None:
    """In a worker process: end when the build's process ends, however it ends (killed with SIGKILL, say),
    rather than wait for its next batch for ever (Linux ``PR_SET_PDEATHSIG``; elsewhere nothing)."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        pass


def worker_started() -> None:
    """Every build worker process starts here: it ends with the build's process (``die_with_parent``), and
    the SIGTERM with which a pool ends its workers ends it. A forked worker inherits its parent's signal
    handlers, and a resident build's parent (``serve --watch``, ``chinar publish``) handles SIGTERM to stop
    cleanly; inherited, that handler kept a worker alive and the pool's ``terminate()`` waited for ever."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent()

"""The build policy: processes, where the search index is made and how many cards are kept, decided from
cores and a memory budget — and the same output whatever it decides."""

from __future__ import annotations

import os
from pathlib import Path

from sites import BASE, tree

from catalogs import TINY
from chinar.build import build
from chinar.policy import (
    BYTES_PER_CARD,
    BYTES_PER_RECORD_BESIDE,
    FILES_PER_FORK,
    FORK_ALWAYS,
    PAGES_PER_FORK,
    SEARCH_APART_MAX_RECORDS,
    SERIAL,
    BuildPolicy,
)


def test_one_core_never_forks_and_small_work_stays_in_this_process() -> None:
    one = BuildPolicy(cores=1)
    assert one.render_processes(10**6) == one.read_processes(10**6) == one.scoring_processes(10**6) == 1
    two = BuildPolicy(cores=2)
    assert two.render_processes(PAGES_PER_FORK - 1) == 1 and two.render_processes(PAGES_PER_FORK) == 2
    assert two.read_processes(FILES_PER_FORK - 1) == 1 and two.read_processes(FILES_PER_FORK) == 2
    assert two.render_processes(0) == 1  # no work: nothing to fork for
    eager = BuildPolicy(cores=2, fork_min=FORK_ALWAYS)
    assert eager.render_processes(1) == eager.read_processes(1) == 2
    assert SERIAL.cores == 1


def test_the_search_index_is_placed_by_catalog_size_memory_and_residency() -> None:
    budget = 2 * 1024**3
    policy = BuildPolicy(cores=2, memory_budget=budget)
    assert policy.search_place(1000, resident=False) == "apart"
    assert policy.search_place(1000, resident=True) == "beside"  # a resident build keeps the state here
    assert BuildPolicy(cores=1, memory_budget=budget).search_place(1000, resident=False) == "beside"
    fits = budget // BYTES_PER_RECORD_BESIDE
    assert SEARCH_APART_MAX_RECORDS < fits
    assert policy.search_place(fits, resident=False) == "beside"
    assert policy.search_place(fits + 1, resident=False) == "after"
    assert BuildPolicy(cores=2, memory_budget=budget * 2).search_place(fits + 1, resident=False) == "beside"


def test_cards_are_all_kept_while_they_fit_a_quarter_of_the_budget() -> None:
    policy = BuildPolicy(cores=2, memory_budget=2 * 1024**3)
    share = policy.memory_budget // 4 // 2
    assert policy.cards_kept(share // BYTES_PER_CARD, 3) is None
    bound = policy.cards_kept(share // BYTES_PER_CARD + 1, 3)
    assert bound == max(policy.cards_min * 3, share // BYTES_PER_CARD)  # one bound for every language
    assert BuildPolicy(cores=2, memory_budget=1, cards_min=7).cards_kept(100, 3) == 21


def test_for_machine_takes_the_workers_and_budget_given() -> None:
    policy = BuildPolicy.for_machine(workers=3, memory_budget=123)
    assert (policy.cores, policy.memory_budget) == (3, 123)
    default = BuildPolicy.for_machine()
    assert default.cores >= 1 and 0 < default.memory_budget <= 2 * 1024**3


def test_every_policy_builds_the_same_site(tmp_path: Path, image_cache: Path) -> None:
    """Serial, forking everything, no memory for cards or a search index beside the workers: one tree."""
    policies = {"serial": SERIAL, "eager": BuildPolicy(cores=2, fork_min=FORK_ALWAYS),
                "starved": BuildPolicy(cores=2, fork_min=FORK_ALWAYS, memory_budget=1, cards_min=1,
                                       search_apart_max=0)}
    trees = {}
    for name, policy in policies.items():
        build(TINY, tmp_path / name, BASE, cache_dir=image_cache, policy=policy, full=True)
        trees[name] = tree(tmp_path / name)
    assert trees["serial"] == trees["eager"] == trees["starved"]



def _handles_sigterm(pid: int) -> bool:
    """Whether process ``pid`` has a handler of its own for SIGTERM (Linux: the caught-signals mask)."""
    caught = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("SigCgt"))
    return bool(int(caught.split()[1], 16) & (1 << (15 - 1)))


def test_build_workers_do_not_keep_a_parents_sigterm_handler() -> None:
    """``serve --watch`` and ``chinar publish`` handle SIGTERM to stop cleanly, and a build's forked workers
    inherit that handler; but every pool ends its workers with SIGTERM, and a worker that handles it can
    stay alive, so the pool's ``terminate()`` waits for ever (seen: a whole test run hung in the read-ahead
    pool). Workers start with the default SIGTERM action."""
    import signal
    import time

    from chinar.content import ReadAhead, record_files

    previous = signal.signal(signal.SIGTERM, lambda *_: None)  # as serve --watch and publish do
    try:
        assert _handles_sigterm(os.getpid())
        ahead = ReadAhead(list(record_files(TINY)), BuildPolicy(cores=2, fork_min=FORK_ALWAYS))
        try:
            pids = [worker.pid for worker in ahead.pool._pool]
            assert len(pids) == 2
            deadline = time.monotonic() + 10
            while any(map(_handles_sigterm, pids)) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert not any(map(_handles_sigterm, pids))
        finally:
            ahead.close()
    finally:
        signal.signal(signal.SIGTERM, previous)

"""Fault injection for tests: the process ends at a named point when the environment asks for it.

``CHINAR_TEST_CRASH_AT=<point>:<count>`` ends the process with status 77 the count-th time it reaches
``crash_point(<point>)`` (count 1 when left out). Tests use it to kill a build at every step of an
output commit, or part-way through rendering, and check that nothing is left half-done. Without the
variable it does nothing.
"""

from __future__ import annotations

import os

CRASH_STATUS = 77


def crash_point(name: str) -> None:
    spec = os.environ.get("CHINAR_TEST_CRASH_AT")
    if not spec:
        return
    point, _, count = spec.partition(":")
    if point != name:
        return
    left = int(count or 1) - 1
    os.environ["CHINAR_TEST_CRASH_AT"] = f"{point}:{left}"
    if left <= 0:
        os._exit(CRASH_STATUS)

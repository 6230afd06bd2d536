"""A time limit for one piece of work, so one pathological article cannot stall a whole build.

SIGALRM interrupts even a regular expression that backtracks (CPython's `re`
checks for signals while it matches). Signals reach only the main thread of a
process: elsewhere (or without SIGALRM) the work runs unbounded. Builds,
`timeline serve` and the extraction worker processes run it in a main thread.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TimeLimitExceeded(Exception):
    """The work ran past its limit and was stopped."""


def _stop(signum, frame) -> None:
    raise TimeLimitExceeded


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds <= 0 or not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

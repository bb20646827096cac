"""Limits on one document's work: a time limit (SIGALRM) and a memory cap (RLIMIT_AS).

A document that runs into either becomes a failure of its own; the process goes on with the
next one. Both are POSIX facilities: where they are missing (Windows, or a thread other than
the main one for the time limit), the limit is not enforced rather than the batch refused.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class DocumentTimeout(Exception):
    """Raised inside the work on a document when its time limit is up."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in the block when it runs longer than `seconds`."""
    if not seconds or not hasattr(signal, "setitimer") or not _in_main_thread():
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(f"took longer than {seconds:g} s (the per-document time limit)")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cap_memory(extra_bytes: int | None) -> None:
    """Let this process grow by at most `extra_bytes` of address space from now on.

    Called in worker processes after the model is loaded, so the cap is on the work of the
    documents: past it, allocations fail with MemoryError, which the worker reports as the
    document's failure. The address space includes mapped but unused memory, hence a cap
    relative to the current size rather than an absolute one.
    """
    if not extra_bytes:
        return
    try:
        import resource

        page = os.sysconf("SC_PAGE_SIZE")
        with open("/proc/self/statm") as statm:
            current = int(statm.read().split()[0]) * page
    except (ImportError, OSError, ValueError):
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = current + extra_bytes
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()

"""Limits on one document's work: a time limit (SIGALRM) and a memory cap (RLIMIT_AS).

A document that runs into either becomes a failure of its own; the process goes on with the
next one. Both are POSIX facilities: where they are missing (Windows), the limit is not
enforced rather than the batch refused. Outside the main thread, where no signal can reach
(a Ray actor's calls run in a thread of their own), a timer thread raises the timeout in the
working thread instead, at its next Python instruction: a long stretch inside compiled code
is interrupted when it returns to Python.
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


class DocumentTimeout(Exception):
    """Raised inside the work on a document when its time limit is up."""


# Asked when a time limit is up: the seconds the work may still take (0: none).
TimeLeft = Callable[[], float]


@contextmanager
def time_limit(seconds: float | None, left: TimeLeft | None = None) -> Iterator[None]:
    """Raise DocumentTimeout in the block when it runs longer than `seconds`.

    With `left`, the block may run longer: when the time is up, `left()` says how much more
    the work running then may take (a chunk of documents where the document at work has had
    only part of its own limit, its neighbours the rest), and the limit is moved on by that
    much; DocumentTimeout is raised once nothing is left.
    """
    if not seconds:
        yield
        return
    message = f"took longer than {seconds:g} s (the per-document time limit)"
    more = left or _no_more
    if not _in_main_thread():
        with _thread_time_limit(seconds, more, message):
            yield
        return
    if not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        if (extra := more()) > 0:
            signal.setitimer(signal.ITIMER_REAL, extra)
            return
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        try:
            yield
        finally:
            # Disarmed inside the catch: an alarm that fires as the block ends is still a
            # time-out of this document, never a BaseException that escapes the worker.
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _TimeUp:
        raise DocumentTimeout(message) from None
    finally:
        signal.signal(signal.SIGALRM, previous)


def _no_more() -> float:
    return 0.0


def cap_memory(extra_bytes: int | None) -> None:
    """Let this process grow by at most `extra_bytes` of address space from now on.

    Called in worker processes after the model is loaded, so the cap is on the work of the
    documents: past it, allocations fail with MemoryError, which the worker reports as the
    document's failure. The address space includes mapped but unused memory, hence a cap
    relative to the current size rather than an absolute one.
    """
    cap = MemoryCap.from_now(extra_bytes)
    if cap is not None:
        cap.set()


class MemoryCap:
    """An address-space limit fixed once (the size when it was made plus the extra bytes),
    which can be put on around some work and lifted again.

    In the calling process (one worker: no worker processes) the cap is on only while a
    chunk of documents is extracted: reading inputs and writing outputs between chunks, and
    the caller's own work after the batch, run without it, and the soft limit it lifts is
    always back to what it was (an unprivileged process may raise its soft limit up to the
    hard one). Fixed once rather than per chunk, so that growth across chunks counts too.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit

    @classmethod
    def from_now(cls, extra_bytes: int | None) -> MemoryCap | None:
        """A cap at this process's size plus `extra_bytes`; None without one, or where the
        platform has no address-space limit."""
        if not extra_bytes:
            return None
        current = _address_space()
        if current is None:
            return None
        return cls(current + extra_bytes)

    def set(self) -> None:
        """Put the cap on for the rest of the process's life."""
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = self.limit if hard == resource.RLIM_INFINITY else min(self.limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))

    @contextmanager
    def applied(self) -> Iterator[None]:
        """The cap on in the block, the previous soft limit back after it."""
        import resource

        previous = resource.getrlimit(resource.RLIMIT_AS)
        self.set()
        try:
            yield
        finally:
            resource.setrlimit(resource.RLIMIT_AS, previous)


def _address_space() -> int | None:
    """This process's address space in bytes; None where it cannot be read or limited."""
    try:
        import resource  # noqa: F401 (POSIX only: no limit to set without it)
    except ImportError:
        return None
    return _statm_bytes(0)


def resident_bytes() -> int | None:
    """This process's resident size in bytes; None where it cannot be read (not Linux)."""
    return _statm_bytes(1)


def _statm_bytes(field: int) -> int | None:
    """A size of /proc/self/statm (0: the address space, 1: resident), in bytes."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def _thread_time_limit(seconds: float, more: TimeLeft, message: str) -> Iterator[None]:
    """The time limit in a thread: a timer raises the timeout in it, unless the block
    is done first (the lock keeps the timer from raising once the block has left)."""
    target = threading.get_ident()
    lock = threading.Lock()
    running = True
    timer: threading.Timer | None = None

    def start(after: float) -> None:
        nonlocal timer
        timer = threading.Timer(after, expire)
        timer.daemon = True
        timer.start()

    def expire() -> None:
        with lock:
            if not running:
                return
            if (extra := more()) > 0:
                start(extra)
                return
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(target), ctypes.py_object(_TimeUp)
            )

    with lock:
        start(seconds)
    try:
        try:
            yield
        finally:
            # Stopped inside the catch, as the alarm is: a timer that fires while the block
            # ends still becomes this document's time-out.
            with lock:
                running = False
                if timer is not None:
                    timer.cancel()
    except _TimeUp:
        raise DocumentTimeout(message) from None


class _TimeUp(BaseException):
    """Raised in the limited block when its time is up, by the alarm's handler or by a
    thread's timer; the block's context manager turns it into DocumentTimeout (an exception
    a timer raises in another thread can carry no message). A BaseException, so that no
    `except Exception` inside the block, ours or a library's, can take it for a failure of
    its own and go on without a limit."""


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()

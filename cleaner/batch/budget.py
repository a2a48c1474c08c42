"""The per-document time budget (``--doc-timeout``): a soft alarm in the worker, a hard watchdog in the pool.

The soft alarm (``SIGALRM``, main thread only) raises :class:`DocumentTimeout` in Python code, so
a record over budget fails alone and its file goes on. A library call that never returns to
Python (a C loop) cannot be interrupted so: each pool worker marks the document it is on in
shared memory, and the coordinator's :class:`Watchdog` kills a worker whose document runs past
the budget and a grace period; the pool retries that worker's files one by one, and the file of
the stuck document fails with a ``DocumentTimeout`` line (see ``runner``).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

#: The default budget of one document, in seconds (0: none); a 50 MB page takes about 12 s.
DEFAULT_DOC_TIMEOUT = 120.0


class DocumentTimeout(BaseException):
    """A document took longer than ``--doc-timeout`` (a BaseException: no ``except Exception`` in a library eats it)."""


def hard_limit(seconds: float) -> float:
    """When the watchdog kills a worker: the budget plus a grace period for the soft alarm to act first."""
    return seconds + min(5.0, seconds / 2)


class Slots:
    """Shared memory of one pool: per worker, ``(pid, started, line)``; ``started`` 0 is idle."""

    def __init__(self, jobs: int, context: Any) -> None:
        self.jobs = jobs
        self.values = context.Array("d", 3 * jobs, lock=False)
        self.taken = context.Value("i", 0)

    def claim(self) -> int:
        """A slot for the calling worker (called once, in its initializer)."""
        with self.taken.get_lock():
            index = int(self.taken.value)
            self.taken.value = index + 1
        return index % self.jobs

    def read(self, index: int) -> tuple[int, float, int]:
        """``(pid, started, line)`` of slot ``index``."""
        base = 3 * index
        started = self.values[base + 1]
        return int(self.values[base]), started, int(self.values[base + 2])


#: This worker's slot, set by the pool initializer (None in the coordinating process).
_slot: tuple[Slots, int] | None = None


def join_pool(slots: Slots) -> None:
    """Claim a slot in a new pool worker."""
    global _slot
    _slot = (slots, slots.claim())


def _mark(line: int | None) -> None:
    if _slot is not None:
        slots, index = _slot
        base = 3 * index
        slots.values[base] = os.getpid()
        slots.values[base + 2] = line or 0
        slots.values[base + 1] = time.monotonic()


def _unmark() -> None:
    if _slot is not None:
        slots, index = _slot
        slots.values[3 * index + 1] = 0.0


@contextmanager
def document_budget(seconds: float, line: int | None = None) -> Iterator[None]:
    """Run one document under the budget: the alarm raises :class:`DocumentTimeout`, the watchdog sees it."""
    if seconds <= 0:
        yield
        return
    soft = threading.current_thread() is threading.main_thread()
    previous: Any = None
    if soft:

        def expire(signum: int, frame: object) -> None:
            raise DocumentTimeout(f"took longer than the --doc-timeout budget of {seconds:g} s")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    _mark(line)
    try:
        yield
    finally:
        _unmark()
        if soft:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)  # None: set outside Python


class Watchdog:
    """A coordinator thread that kills a pool worker whose document is past the hard limit."""

    def __init__(self, slots: Slots, seconds: float) -> None:
        self.slots = slots
        self.limit = hard_limit(seconds)
        #: pid -> the line (0: none) of the document it was stopped on.
        self.fired: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="cleaner-watchdog", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(min(0.2, self.limit / 4)):
            now = time.monotonic()
            for index in range(self.slots.jobs):
                pid, started, line = self.slots.read(index)
                if started and pid and now - started > self.limit and pid not in self.fired:
                    self.fired[pid] = line
                    with suppress(OSError):
                        os.kill(pid, signal.SIGKILL)

    def stop(self) -> None:
        """End the thread (the pool is done)."""
        self._stop.set()
        self._thread.join(timeout=1)

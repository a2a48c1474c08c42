"""The local engine: run a BatchRun's tasks in this process (``jobs=1``) or a process pool.

Tasks go to workers in small chunks, a bounded number in flight. The workers are forked before
the inputs are walked and planned, so they never hold a copy of the plan (the one thing that
grows with the number of files, kept to a few hundred bytes per file). Workers die with the
coordinating process (Linux ``PR_SET_PDEATHSIG``), so a killed run leaves no orphan still
writing. A worker that crashes (segfault, OOM kill) costs only the file it was on: the files
it held are retried one by one in a fresh worker. A worker stuck past ``--doc-timeout`` in a
call that cannot be interrupted is killed by the pool's watchdog (``budget``) the same way, and
its file fails with a ``DocumentTimeout`` line. Ctrl-C or SIGTERM kills the workers at once
(finished outputs stay; the in-flight files are redone by a rerun) and re-raises.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ..engine.language import languages
from .budget import Slots, Watchdog, join_pool
from .failures import Failure
from .options import BatchOptions
from .progress import BatchProgress
from .report import BatchReport, FileOutcome
from .run import BatchRun
from .work import Task, cleaner_for, process_task, process_tasks

Record = Callable[[FileOutcome], None]


def run_batch(paths: Sequence[str | Path], out: str | Path, options: BatchOptions) -> BatchReport:
    """Clean every input under ``paths`` into ``out`` with the local engine; returns the report."""
    cleaner_for(options.config)  # a bad rule pack fails now, and forked workers inherit the Cleaner
    with contextlib.ExitStack() as stack:
        pool = stack.enter_context(_started_pool(options.jobs, options.doc_timeout)) if options.jobs > 1 else None
        run = stack.enter_context(BatchRun(paths, out, options))
        run_with_progress(run, options, functools.partial(execute, pool=pool))
    return run.report


Executor = Callable[[Sequence[Task], BatchOptions, Record], None]


def run_with_progress(run: BatchRun, options: BatchOptions, executor: Executor) -> None:
    """Run ``run``'s tasks with ``executor`` (local pool or Ray), recording each outcome in the
    run and on the progress bar; both engines share it so their reports cannot drift apart."""
    progress = BatchProgress(len(run.tasks), enabled=options.progress)

    def record(outcome: FileOutcome) -> None:
        run.record(outcome)
        progress.advance(outcome)
        if options.verbose:
            progress.describe(outcome)

    with progress:
        executor(run.tasks, options, record)


def execute(tasks: Sequence[Task], options: BatchOptions, record: Record, pool: Pool | None = None) -> None:
    """Run ``tasks`` and call ``record`` with each outcome (in completion order).

    ``pool``: workers already started (used for the first round; a crash starts a fresh pool).
    """
    if options.jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            record(process_task(task, options))
        return
    size = max(1, min(16, len(tasks) // (options.jobs * 16)))
    pending = (list(tasks[i : i + size]) for i in range(0, len(tasks), size))
    finished = False
    while not finished:
        lost, finished = _run_pool(pool or Pool(options.jobs, options.doc_timeout), pending, options, record)
        pool = None
        for task in lost:
            record(_retry_alone(task, options))


def _run_pool(
    pool: Pool, pending: Iterator[list[Task]], options: BatchOptions, record: Record
) -> tuple[list[Task], bool]:
    """Run chunks from ``pending`` in ``pool`` until done or a worker crashes.

    Returns the tasks lost in flight and whether every chunk ran (False: go on with a new pool).
    """
    in_flight: dict[Future[list[FileOutcome]], list[Task]] = {}
    lost: list[Task] = []
    with pool:
        try:
            _fill(pool.executor, pending, in_flight, options)
            while in_flight:
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    tasks = in_flight.pop(future)
                    try:
                        outcomes = future.result()
                    except BrokenProcessPool:
                        lost.extend(tasks)
                        continue
                    for outcome in outcomes:
                        record(outcome)
                if lost:
                    break
                _fill(pool.executor, pending, in_flight, options)
        except BrokenProcessPool:
            pass
        finally:
            for future, tasks in in_flight.items():
                future.cancel()
                lost.extend(tasks)
    return lost, not lost and not in_flight


def _fill(
    pool: ProcessPoolExecutor,
    pending: Iterator[list[Task]],
    in_flight: dict[Future[list[FileOutcome]], list[Task]],
    options: BatchOptions,
) -> None:
    while len(in_flight) < options.jobs * 3:
        chunk = next(pending, None)
        if chunk is None:
            return
        try:
            future = pool.submit(process_tasks, chunk, options)
        except BrokenProcessPool as exc:  # the chunk is lost like one in flight, not dropped
            future = Future()
            future.set_exception(exc)
        in_flight[future] = chunk


def _retry_alone(task: Task, options: BatchOptions) -> FileOutcome:
    """Run one task in a worker of its own; if that worker dies too, the file fails."""
    with Pool(1, options.doc_timeout) as pool:
        try:
            return pool.executor.submit(process_task, task, options).result()
        except BrokenProcessPool:
            path = task.source.path
            if pool.watchdog is not None and pool.watchdog.fired:
                line = next(iter(pool.watchdog.fired.values())) or None
                unit = UNITS.get(task.source.kind, "line")
                where = f"{unit} {line}: " if line else ""
                message = (
                    f"{where}took longer than the --doc-timeout budget of {options.doc_timeout:g} s in a call "
                    "that could not be interrupted; its worker was stopped"
                )
                return FileOutcome(path, failures=[Failure(path, "DocumentTimeout", message, line, unit=unit)])
            message = "the worker process died while cleaning this file (crash or out of memory)"
            return FileOutcome(path, failures=[Failure(path, "WorkerDied", message)])


#: What a document's number counts, by input kind (the key of its failure line).
UNITS = {"jsonl": "line", "wet": "record", "warc": "record", "parquet": "row"}


class Pool:
    """A process pool and, with a document budget, its watchdog; leaving it on an exception kills the workers."""

    def __init__(self, jobs: int, budget: float = 0.0) -> None:
        context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        slots = Slots(jobs, context) if budget > 0 else None
        self.executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(os.getpid(), slots)
        )
        self.watchdog = Watchdog(slots, budget) if slots is not None else None

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        self.close(kill=kind is not None)

    def close(self, kill: bool = False) -> None:
        """Shut down: wait for the workers to finish, or (``kill``: Ctrl-C, SIGTERM, an error) kill them now."""
        if self.watchdog is not None:
            self.watchdog.stop()
        if not kill:
            self.executor.shutdown(wait=True)
            return
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        for process in processes:
            with contextlib.suppress(Exception):
                process.kill()
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(Exception):
                process.join(timeout=2)


@contextlib.contextmanager
def _started_pool(jobs: int, budget: float = 0.0) -> Iterator[Pool]:
    """A pool whose workers are running now (a fork pool starts them all at the first submit).

    The stopword index is built first, once, and every object so far is frozen out of the
    garbage collector: forked workers share those pages instead of each building and copying them.
    """
    languages()
    gc.freeze()
    try:
        with Pool(jobs, budget) as pool:
            pool.executor.submit(os.getpid).result()
            gc.unfreeze()  # the workers keep their frozen copy; this process collects as before
            yield pool
    finally:
        gc.unfreeze()


def _init_worker(parent: int, slots: Slots | None = None) -> None:
    """Die with the coordinating process; let it alone handle Ctrl-C and SIGTERM; join the watchdog's slots."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if slots is not None:
        join_pool(slots)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

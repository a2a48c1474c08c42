"""A rich progress bar on stderr (files, docs/s, failures); does nothing when disabled."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from .report import FileOutcome


class BatchProgress:
    """Counts files as outcomes arrive; shown only when ``enabled`` (the CLI: stderr is a terminal)."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.enabled = enabled
        self.documents = 0
        self.failures = 0
        self._started = time.perf_counter()
        self._shown = 0.0
        self._progress: Progress | None = None
        self._task = TaskID(0)
        if enabled:
            self._progress = Progress(
                TextColumn("cleaning"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files  {task.fields[rate]:.1f} docs/s  [red]{task.fields[failures]} failed"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
                auto_refresh=False,  # no refresh thread: the process pool forks after this starts
            )
            self._task = self._progress.add_task("clean", total=total, rate=0.0, failures=0)

    def __enter__(self) -> BatchProgress:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, outcome: FileOutcome) -> None:
        """One file finished (cleaned or failed)."""
        self.documents += outcome.documents
        self.failures += len(outcome.failures)
        if self._progress is not None:
            elapsed = max(time.perf_counter() - self._started, 1e-9)
            self._progress.update(self._task, advance=1, rate=self.documents / elapsed, failures=self.failures)
            now = time.perf_counter()
            if now - self._shown > 0.1:
                self._shown = now
                self._progress.refresh()

    def describe(self, outcome: FileOutcome) -> None:
        """``-v``: one line on stderr for a finished file, then one per failure it had."""
        console = self._progress.console if self._progress is not None else Console(stderr=True, highlight=False)
        if outcome.output is None:
            console.print(f"[red]failed[/]  {outcome.path}", markup=True, soft_wrap=True)
        else:
            extra = f", {outcome.rejected} rejected" if outcome.rejected else ""
            extra += f", {len(outcome.failures)} failed" if outcome.failures else ""
            line = f"cleaned {outcome.path} -> {outcome.output}: {outcome.documents} documents{extra}"
            console.print(line, markup=False, soft_wrap=True)
        for failure in outcome.failures:
            where = f" {failure.unit} {failure.line}" if failure.line is not None else ""
            console.print(f"  {failure.error}{where}: {failure.message}", markup=False, soft_wrap=True)

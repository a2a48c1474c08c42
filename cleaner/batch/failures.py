"""Failure records and ``OUT/failures.jsonl``: one JSON line per input (or JSONL record) that failed."""

from __future__ import annotations

import json
import sys
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ..errors import CleanerError

FAILURES_NAME = "failures.jsonl"
#: Temporary files cleaner writes start with this; they are never inputs and are swept on rerun.
TEMP_PREFIX = ".cleaner-tmp-"


@dataclass(frozen=True, slots=True)
class Failure:
    """Why one input file, or one record of a file (its ``line``, WARC ``record`` or Parquet ``row``), has no output."""

    path: str
    error: str
    message: str
    line: int | None = None
    id: str | None = None
    #: What ``line`` counts: ``line`` (JSONL), ``record`` (WET/WARC) or ``row`` (Parquet); the JSON key.
    unit: str = "line"

    @classmethod
    def from_exception(cls, path: str, exc: BaseException, line: int | None = None) -> Failure:
        """A failure named after the exception's type, with its message."""
        return cls(path, type(exc).__name__, str(exc) or repr(exc), line)

    def to_dict(self) -> dict[str, Any]:
        """The failures.jsonl line: ``path``, ``error``, ``message``; a record adds its ``line`` (or unit), ``id``."""
        data: dict[str, Any] = {"path": self.path, "error": self.error, "message": self.message}
        if self.line is not None:
            data[self.unit] = self.line
        if self.id is not None:
            data["id"] = self.id
        return data


class FailureLog:
    """``OUT/failures.jsonl``, appended by the coordinating process as outcomes arrive.

    It is rebuilt at the start of each run: first the lines carried over for inputs whose outputs
    are done (from their records, see ``manifest``, which the workers commit with each output; a
    remote OUT keeps its old lines of skipped inputs instead), then this run's lines. Lines carried
    over for an input that is redone (``--force``) are dropped when the run ends, not before, so a
    killed ``--force`` run loses none.
    """

    def __init__(self, out: Path) -> None:
        self.path = out / FAILURES_NAME
        self._handle: TextIO | None = None
        #: Whether a write error was reported (once: a full disk must not print a line per failure).
        self._warned = False
        #: The input (as this run names it) of each line carried over at the top of the log.
        self._carried: list[str] = []
        self._redone: set[str] = set()

    def open(self, kept_paths: Collection[str] = (), carried: Sequence[tuple[str, str]] = ()) -> int:
        """Rewrite the log (atomically): the old lines of ``kept_paths``, then ``carried`` ((input, line)
        pairs); then open it to append. Returns the number of lines carried over."""
        top = [(path, line) for path, line in self._old_lines() if path in kept_paths]
        top.extend((path, line if line.endswith("\n") else line + "\n") for path, line in carried)
        self._carried = [path for path, _ in top]
        try:
            self._rewrite(line for _, line in top)
            self._handle = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()
        except OSError as exc:  # a full disk or read-only OUT: one line and exit 2, not a traceback (items 12, 13)
            raise CleanerError(f"{self.path}: cannot write: {exc.strerror or exc}") from exc
        return len(top)

    def redone(self, path: str) -> None:
        """``path`` was cleaned again in this run: its carried-over lines go when the log closes."""
        self._redone.add(path)

    def append(self, failures: Iterable[Failure]) -> None:
        """Add one line per failure, written and flushed at once, so a kill cannot tear a line.

        Lines are ASCII (``\\uXXXX`` escapes), so no path or id, not even a lone surrogate from a
        non-UTF-8 file name, can fail to encode; a write error is reported, never raised (item 1).
        """
        if self._handle is None:
            raise RuntimeError("FailureLog.open() first")
        lines = [failure_line(failure) for failure in failures]
        if not lines:
            return
        try:
            self._handle.write("".join(lines))
            self._handle.flush()
        except (OSError, ValueError) as exc:
            self._warn(exc)

    def close(self) -> None:
        """Close the log file, dropping the carried-over lines of inputs redone in this run (a line
        that could not be written was reported when it was appended)."""
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            handle.close()
        except OSError as exc:
            self._warn(exc)
        if not self._redone.intersection(self._carried):
            return
        try:
            lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
            top = len(self._carried)
            carried = zip(self._carried, lines[:top], strict=False)  # a short file: lines lost to a full disk
            kept = [line for path, line in carried if path not in self._redone]
            self._rewrite([*kept, *lines[top:]])
        except OSError as exc:
            self._warn(exc)

    def _warn(self, exc: BaseException) -> None:
        """Report a write error on stderr, the first time only (lines not written are retried at the next append)."""
        if not self._warned:
            self._warned = True
            print(
                f"cleaner: warning: could not write {self.path}: {exc}; it may miss failure lines (rerun with --force)",
                file=sys.stderr,
            )

    def _rewrite(self, lines: Iterable[str]) -> None:
        """Replace the log with ``lines`` atomically, never writing through a planted symlink."""
        from .writers import atomic_file

        with atomic_file(self.path, str(self.path.parent)) as handle:
            handle.write("".join(lines).encode("utf-8"))

    def _old_lines(self) -> list[tuple[str, str]]:
        """The old log's ``(path, line)`` pairs (torn and foreign lines left out)."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return []
        return [(path, line + "\n") for line in text.splitlines() if (path := _line_path(line)) is not None]


def failure_line(failure: Failure) -> str:
    """One failures.jsonl line, pure ASCII, so it encodes whatever the path or id holds."""
    return json.dumps(failure.to_dict(), ensure_ascii=True) + "\n"


def _line_path(line: str) -> str | None:
    """The ``path`` of a log line, or None for a torn or foreign line."""
    try:
        data = json.loads(line)
    except ValueError:
        return None
    path = data.get("path") if isinstance(data, dict) else None
    return path if isinstance(path, str) else None


def read_failures(out: str | Path) -> list[dict[str, Any]]:
    """The lines of ``OUT/failures.jsonl`` as dicts (empty when there is none)."""
    path = Path(out) / FAILURES_NAME
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

"""Failure records and ``OUT/failures.jsonl``: one JSON line per input (or JSONL record) that failed."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Collection, Iterable
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
    """``OUT/failures.jsonl``, written by the coordinating process only (workers return failures).

    A rerun keeps the old lines of inputs it skips (their outputs are done, e.g. a JSONL file with
    one bad record) and drops the others, which are retried and logged again if they fail again.
    """

    def __init__(self, out: Path) -> None:
        self.path = out / FAILURES_NAME
        self._handle: TextIO | None = None
        #: Whether a write error was reported (once: a full disk must not print a line per failure).
        self._warned = False

    def open(self, kept_paths: Collection[str]) -> int:
        """Rewrite the log with the old lines of ``kept_paths`` (atomically), then open it to append."""
        kept = [line for line in self._old_lines() if _line_path(line) in kept_paths]
        tmp = self.path.with_name(f"{TEMP_PREFIX}{os.getpid()}-{FAILURES_NAME}")
        try:
            _write_new(tmp, "".join(kept).encode("utf-8"))
            os.replace(tmp, self.path)
            self._handle = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()
        except OSError as exc:  # a full disk or read-only OUT: one line and exit 2, not a traceback (items 12, 13)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise CleanerError(f"{self.path}: cannot write: {exc.strerror or exc}") from exc
        return len(kept)

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
        """Close the log file (a line that could not be written was reported when it was appended)."""
        if self._handle is not None:
            handle, self._handle = self._handle, None
            try:
                handle.close()
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

    def _old_lines(self) -> list[str]:
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return []
        return [line + "\n" for line in text.splitlines() if _line_path(line) is not None]


def _write_new(path: Path, data: bytes) -> None:
    """Write ``path`` as a new file, never through a symlink planted under its name."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


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

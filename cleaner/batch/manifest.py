"""Per-output records of what made each output: ``OUT/.cleaner/done/<hash>.json``, written by the worker.

A worker writes a file's record (its input's path, size and mtime, the committed file's size and
mtime, and the file's failure lines) to a temp name and renames it into place just before it
renames the output, so an output is never committed without its failure lines (issue 14, item 2).
A rerun skips an input only when its record names that very input, unchanged, and the committed
file on disk is the one the record describes (item 5): a new input never inherits an old output,
and a record whose output rename a kill prevented describes no file on disk.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from .failures import Failure, failure_line

#: OUT's folder of run state (records of finished outputs); never an input, never an output.
STATE_NAME = ".cleaner"


@dataclass(frozen=True, slots=True)
class Stamp:
    """What identifies a file's version: its path, size and mtime in nanoseconds."""

    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str) -> Stamp:
        """The stamp of ``path`` now (raises OSError when it cannot be read)."""
        info = os.stat(path)
        return cls(os.path.abspath(path), info.st_size, info.st_mtime_ns)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "size": self.size, "mtime_ns": self.mtime_ns}


def record_path(out: str, output: str) -> str:
    """Where the record of ``output`` (a path under ``out``) lives: a short hashed name, however long the output's."""
    rel = output[len(out) :].lstrip(os.sep) if output.startswith(out) else os.path.relpath(output, out)
    digest = hashlib.sha1(os.fsencode(rel)).hexdigest()
    return os.path.join(out, STATE_NAME, "done", digest[:2], "." + digest)  # hidden, like all run state


def write_record(
    path: str, source: Stamp, committed: Stamp, failures: Sequence[Failure], root: str | None = None
) -> None:
    """Write the record atomically (temp file, then rename); called before the committed file's rename.
    ``root``: the local OUT, inside which no symlinked folder (``OUT/.cleaner``) is followed."""
    from .writers import atomic_file

    data = {
        "input": source.to_dict(),
        "file": committed.to_dict(),
        "failures": [failure_line(failure) for failure in failures],
    }
    with atomic_file(path, root) as handle:
        handle.write(json.dumps(data, ensure_ascii=True).encode("ascii"))


def remove_record(path: str) -> None:
    """Forget an output (its input failed as a whole): a rerun retries the input."""
    with suppress(FileNotFoundError):
        os.unlink(path)


def recorded_input(out: str, output: str) -> str | None:
    """The input (absolute path) the record of ``output`` names, or None (no record, or unreadable)."""
    try:
        with open(record_path(out, output), encoding="ascii") as handle:
            path = json.load(handle)["input"]["path"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return path if isinstance(path, str) else None


def committed_lines(path: str, source: str, files: Sequence[str]) -> list[str] | None:
    """The failure lines of a finished input, or None when ``source`` must be (re)done.

    Finished means: the record exists, names ``source`` with its current size and mtime, and
    one of ``files`` (the output, or the rejects file of a rejected document) is on disk exactly
    as the record describes it.
    """
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read())
        recorded, file = data["input"], data["file"]
        info = os.stat(source)
        if (recorded["size"], recorded["mtime_ns"]) != (info.st_size, info.st_mtime_ns):
            return None
        if recorded["path"] != os.path.abspath(source) or file["path"] not in {os.path.abspath(f) for f in files}:
            return None
        info = os.stat(file["path"])
        if (file["size"], file["mtime_ns"]) != (info.st_size, info.st_mtime_ns):
            return None
        lines = data["failures"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return [line for line in lines if isinstance(line, str)]

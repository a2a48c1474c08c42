"""Output names and atomic writes: every output is a temp file in OUT renamed into place.

Naming (the input's ``.gz`` is dropped; outputs are never compressed):
``a.txt``/``a.html`` -> ``a.txt`` (``--format txt``), ``a.json`` (json) or ``a.jsonl`` (jsonl);
``a.jsonl`` -> ``a.jsonl`` whatever the format (records stay records). When two inputs would get
the same output (``a.txt`` and ``a.html``), the first in path order keeps the short name and the
others keep their full input name: ``a.html.txt``. Temp files are named ``.cleaner-tmp-*``.
"""

from __future__ import annotations

import os
import posixpath
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from .discover import TEMP_PREFIX, Source
from .failures import FAILURES_NAME

#: The file extension of each output format.
EXTENSIONS: dict[str, str] = {"txt": ".txt", "json": ".json", "jsonl": ".jsonl"}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


def output_format(source: Source, fmt: str) -> str:
    """The format actually written for ``source``: JSONL inputs always give JSONL."""
    return "jsonl" if source.kind == "jsonl" else fmt


def plan_outputs(sources: Sequence[Source], out: str | Path, fmt: str) -> list[str]:
    """One output path under ``out`` per source (same order), mirroring the tree, never colliding.

    Paths are plain strings: a plan for a million files must stay small.
    """
    taken: set[str] = {FAILURES_NAME}
    planned: list[str] = []
    root = os.fspath(out)
    for source in sources:
        ext = EXTENSIONS[output_format(source, fmt)]
        folder, input_name = posixpath.split(source.rel)
        name = input_name[:-3] if source.gzip else input_name
        for candidate in (os.path.splitext(name)[0] + ext, name + ext, input_name + ext):
            rel = posixpath.join(folder, candidate)
            if rel not in taken:
                break
        taken.add(rel)
        planned.append(os.path.join(root, *rel.split("/")))
    return planned


def is_done(source: Source, output: str | Path) -> bool:
    """A finished output exists (renames are atomic) and is not older than its input."""
    try:
        return os.stat(output).st_mtime >= os.stat(source.path).st_mtime
    except OSError:
        return False


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """Write UTF-8 text to a temp file beside ``path``, renamed over it only when complete."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix="-" + path.name, dir=path.parent)
    try:
        os.fchmod(fd, _FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def remove_temp_files(out: Path) -> int:
    """Delete temp files a killed run left under ``out``; returns how many."""
    removed = 0
    for folder, _dirs, names in os.walk(out):
        for name in names:
            if name.startswith(TEMP_PREFIX):
                try:
                    os.unlink(os.path.join(folder, name))
                    removed += 1
                except FileNotFoundError:
                    pass
    return removed

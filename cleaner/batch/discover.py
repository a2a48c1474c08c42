"""Find the inputs: walk folders (following symlinks, catching loops), classify by suffix.

Inputs are ``.txt``, ``.html``/``.htm`` and ``.jsonl``, each possibly ``.gz``; other files are
ignored in folders. Each input gets a path relative to the deepest folder holding every PATH
argument, which is where its output goes under OUT. Problems met while walking (symlink loops,
dangling links, folders that cannot be listed, non-regular files) become failures, not crashes.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CleanerError
from .failures import TEMP_PREFIX, Failure

#: Input kinds by suffix (lower case, after stripping ``.gz``).
KINDS: dict[str, str] = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


@dataclass(frozen=True, slots=True)
class Source:
    """One input file: where it is, where its output goes (``rel``), what it holds."""

    path: str
    #: Where the output goes, relative to OUT: a POSIX path string (``sub/a.txt``). A plain
    #: ``str``, not a ``PurePosixPath``, so a plan of many files stays small.
    rel: str
    kind: str
    gzip: bool


@dataclass
class Discovery:
    """The inputs found (sorted by ``rel``) and the problems met while walking."""

    sources: list[Source] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def classify(name: str) -> tuple[str, bool] | None:
    """``(kind, gzipped)`` for an input file name, or None when it is not an input format."""
    lower = name.lower()
    if lower.startswith(TEMP_PREFIX):
        return None
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    kind = KINDS.get(os.path.splitext(lower)[1])
    return (kind, gz) if kind else None


def common_base(paths: Sequence[str | Path]) -> Path:
    """The deepest folder holding every PATH argument: outputs mirror the tree below it."""
    folders = [os.path.abspath(p) if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)) for p in paths]
    return Path(os.path.commonpath(folders))


def discover(paths: Sequence[str | Path], out: str | Path | None = None) -> Discovery:
    """Walk the PATH arguments; a missing argument is bad usage (CleanerError), not a failure."""
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        raise CleanerError(f"no such file or folder: {', '.join(missing)}")
    walker = _Walker(common_base(paths), os.path.realpath(out) if out is not None else None)
    for path in paths:
        walker.visit(str(path), explicit=True)
    walker.found.sources.sort(key=lambda s: s.rel)
    return walker.found


class _Walker:
    """Depth-first walk with the chain of folders (device, inode) above, to detect symlink loops."""

    def __init__(self, base: Path, out_real: str | None) -> None:
        self.base = base
        self.out_real = out_real
        self.found = Discovery()
        self.seen: set[str] = set()

    def visit(self, path: str, explicit: bool = False, ancestors: tuple[tuple[int, int], ...] = ()) -> None:
        name = os.path.basename(path.rstrip(os.sep)) or path
        try:
            info = os.stat(path)
        except OSError as exc:
            self._unstatable(path, name, exc, explicit)
            return
        if stat.S_ISDIR(info.st_mode):
            self._folder(path, info, ancestors)
            return
        kind = classify(name)
        if kind is None:
            if explicit:
                self._fail(path, "InputError", "not an input format (.txt, .html, .htm, .jsonl, optionally .gz)")
            return
        if not stat.S_ISREG(info.st_mode):
            self._fail(path, "InputError", "not a regular file (a pipe, socket or device cannot be an input)")
            return
        rel = os.path.relpath(os.path.abspath(path), self.base).replace(os.sep, "/")
        if rel not in self.seen:
            self.seen.add(rel)
            self.found.sources.append(Source(path, rel, kind[0], kind[1]))

    def _folder(self, path: str, info: os.stat_result, ancestors: tuple[tuple[int, int], ...]) -> None:
        if self.out_real is not None and os.path.realpath(path) == self.out_real:
            return  # never read our own outputs back
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            self._fail(path, "SymlinkLoop", "symlink loop: this folder is one of its own ancestors")
            return
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            self._fail(path, type(exc).__name__, f"cannot list folder: {exc.strerror or exc}")
            return
        for entry in names:
            self.visit(os.path.join(path, entry), ancestors=(*ancestors, key))

    def _unstatable(self, path: str, name: str, exc: OSError, explicit: bool) -> None:
        if exc.errno == errno.ELOOP:
            self._fail(path, "SymlinkLoop", "symlink loop: the link points (through others) back to itself")
        elif os.path.islink(path) and (explicit or classify(name)):
            self._fail(path, "DanglingSymlink", f"symlink target does not exist: {os.readlink(path)}")
        elif explicit or classify(name):
            self._fail(path, type(exc).__name__, f"cannot read: {exc.strerror or exc}")

    def _fail(self, path: str, error: str, message: str) -> None:
        self.found.failures.append(Failure(path, error, message))

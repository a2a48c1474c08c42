"""Find the inputs: walk folders (following symlinks, catching loops), classify by suffix.

Inputs are ``.txt``, ``.html``/``.htm``, ``.jsonl`` (also ``.ndjson``, and dolma's
``.json.gz``), Common Crawl ``.warc.wet``, ``.warc`` and ``.parquet``; all but Parquet may be
compressed (``.gz``, ``.zst``/``.zstd``, ``.bz2``, ``.xz``). Other files are ignored in folders
(their suffixes are counted, so that a folder with nothing to clean can say what it skipped).
Each input gets a path relative to the deepest folder holding every PATH argument, which is
where its output goes under OUT. Problems met while walking (symlink loops, dangling links,
folders that cannot be listed, non-regular files) become failures, not crashes.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CleanerError
from .failures import TEMP_PREFIX, Failure
from .formats.compression import split_suffix
from .formats.remote import is_remote, walk

#: Input kinds by suffix (lower case, after stripping a compression suffix).
KINDS: dict[str, str] = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".wet": "wet",
    ".warc": "warc",
    ".parquet": "parquet",
}
#: Kinds that only count when compressed: dolma names its JSON lines ``*.json.gz``, while a plain
#: ``.json`` is one JSON document (such as cleaner's own ``--format json`` output).
COMPRESSED_KINDS: dict[str, str] = {".json": "jsonl"}
#: What the "not an input" message lists.
INPUT_SUFFIXES = ".txt, .html, .htm, .jsonl, .ndjson, .json.gz, .warc.wet, .warc, .parquet"


@dataclass(frozen=True, slots=True)
class Source:
    """One input file: where it is, where its output goes (``rel``), what it holds."""

    path: str
    #: Where the output goes, relative to OUT: a POSIX path string (``sub/a.txt``). A plain
    #: ``str``, not a ``PurePosixPath``, so a plan of many files stays small.
    rel: str
    #: ``txt``, ``html``, ``jsonl``, ``wet``, ``warc`` or ``parquet``.
    kind: str
    #: The codec of the whole file (``gz``, ``zst``, ``bz2``, ``xz``), or None.
    compression: str | None = None


@dataclass
class Discovery:
    """The inputs found (sorted by ``rel``) and the problems met while walking."""

    sources: list[Source] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    #: Files met in folders that are not inputs, by suffix (``".md": 3``; ``"(none)"`` for none).
    skipped: Counter[str] = field(default_factory=Counter)

    def skipped_summary(self) -> str:
        """``3 .md, 1 .csv``: what a walk left aside, most common first."""
        return ", ".join(f"{count} {suffix}" for suffix, count in self.skipped.most_common()) or "no files at all"


def classify(name: str) -> tuple[str, str | None] | None:
    """``(kind, compression)`` for an input file name, or None when it is not an input format."""
    lower = name.lower()
    if lower.startswith(TEMP_PREFIX):
        return None
    stem, codec = split_suffix(lower)
    suffix = os.path.splitext(stem)[1]
    kind = KINDS.get(suffix) or (COMPRESSED_KINDS.get(suffix) if codec else None)
    if kind is None or (kind == "parquet" and codec):  # Parquet compresses inside; it needs random access
        return None
    return kind, codec


def expand(paths: Sequence[str | Path]) -> list[str]:
    """The PATH arguments with globs (``data/*.jsonl.gz``, ``**``) that name no file expanded, in order."""
    expanded: list[str] = []
    for path in (os.fspath(p) for p in paths):
        if not os.path.lexists(path) and glob.has_magic(path):
            expanded.extend(sorted(glob.glob(path, recursive=True)) or [path])
        else:
            expanded.append(path)
    return expanded


def common_base(paths: Sequence[str | Path]) -> Path:
    """The deepest folder holding every PATH argument: outputs mirror the tree below it."""
    folders = [os.path.abspath(p) if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)) for p in paths]
    return Path(os.path.commonpath(folders))


def discover(paths: Sequence[str | Path], out: str | Path | None = None) -> Discovery:
    """Walk the PATH arguments (globs expanded); a missing argument is bad usage (CleanerError), not a failure."""
    paths = expand(paths)
    if any(is_remote(p) for p in paths):
        return _discover_remote(paths)
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        raise CleanerError(f"no such file or folder: {', '.join(missing)}")
    walker = _Walker(common_base(paths), os.path.realpath(out) if out is not None else None)
    for path in paths:
        walker.visit(str(path), explicit=True)
    walker.found.sources.sort(key=lambda s: s.rel)
    return walker.found


def _discover_remote(paths: Sequence[str]) -> Discovery:
    """The inputs under remote PATHs (``s3://bucket/prefix``, globs); all PATHs must be remote."""
    local = [p for p in paths if not is_remote(p)]
    if local:
        raise CleanerError(f"local and remote PATHs cannot be mixed in one run: {', '.join(local)}")
    base, files, missing = walk(paths)
    if missing:
        raise CleanerError(f"no such file or folder: {', '.join(missing)}")
    found = Discovery()
    seen: set[str] = set()
    for path in files:
        name = path.rsplit("/", 1)[-1]
        kind = classify(name)
        if kind is None:
            found.skipped[_suffix(name)] += 1
            continue
        rel = path[len(base) :].lstrip("/") if base else name
        if rel not in seen:
            seen.add(rel)
            found.sources.append(Source(path, rel, kind[0], kind[1]))
    found.sources.sort(key=lambda s: s.rel)
    return found


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
                self._fail(path, "InputError", f"not an input format ({INPUT_SUFFIXES}; compressed or not)")
            elif not name.startswith(TEMP_PREFIX):
                self.found.skipped[_suffix(name)] += 1
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


def _suffix(name: str) -> str:
    """The suffix a skipped file is counted under: ``.md``, ``.csv.gz``, or ``(none)``."""
    stem, codec = split_suffix(name.lower())
    suffix = os.path.splitext(stem)[1] or ("" if codec else "(none)")
    return suffix + (name[len(stem) :].lower() if codec else "")

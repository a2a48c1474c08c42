"""An on-disk cache for what a new process would otherwise rebuild at start-up (compiled rule
packs, the stopword index), so that the first ``clean()`` of every worker is fast.

A value is stored under a key that names everything it was computed from (the caller's part,
plus this package's version and the Python build), so a stale entry is never read: a changed
input is a new key. Values are plain data written with :mod:`marshal` (fast to load, and loading
runs no code, unlike pickle). Writes go to a temporary file renamed into place, so concurrent
workers may race and every reader still sees a whole file; an unreadable or corrupt file is
rebuilt, and a cache directory that cannot be written only means the value is not kept.

``CLEANER_CACHE_DIR`` chooses the directory (the empty string switches the cache off); by
default it is the platform's user cache directory (``~/.cache/cleaner`` on Linux).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..version import __version__

#: Bumped when the layout of what this module writes changes.
FORMAT = 1
#: The environment variable naming the cache directory ("" switches the cache off).
ENV_VAR = "CLEANER_CACHE_DIR"

T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where cached values live, or None when the cache is switched off."""
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return Path(chosen) if chosen else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("cleaner", appauthor=False))


def file_fingerprint(*paths: str | Path) -> tuple[tuple[str, int, int], ...]:
    """(name, size, modification time) of each file: a cheap key part for inputs read from files,
    such as the modules whose code computes a cached value (an edited module is a new key)."""
    stats = []
    for path in paths:
        info = os.stat(path)
        stats.append((os.fspath(path), info.st_size, info.st_mtime_ns))
    return tuple(stats)


def key_digest(kind: str, key: tuple[Any, ...]) -> str:
    """The file-name digest of a key: its ``repr`` (plain data), with the package and Python build."""
    described = repr((FORMAT, __version__, sys.implementation.cache_tag, marshal.version, kind, key))
    return hashlib.sha256(described.encode("utf-8")).hexdigest()[:32]


def entry_path(kind: str, key: tuple[Any, ...]) -> Path | None:
    """The file a value of ``kind`` under ``key`` is kept in (None when the cache is off)."""
    directory = cache_dir()
    if directory is None:
        return None
    return directory / f"v{FORMAT}" / f"{kind}-{key_digest(kind, key)}.marshal"


def cached(kind: str, key: tuple[Any, ...], build: Callable[[], T]) -> T:
    """The value ``build()`` returns for ``key``: read from the cache, or built and stored.

    ``key`` must hold plain data (str, int, float, bool, None, tuples of them) naming every input
    the value depends on; the value must be marshal-able (str, bytes, numbers, tuples, lists,
    dicts, sets). ``kind`` groups the files (``"pack"``, ``"stopwords"``) for people reading the
    directory.
    """
    path = entry_path(kind, key)
    if path is None:
        return build()
    stored = _read(path)
    if stored is not None and stored[0] == repr(key):
        return stored[1]  # type: ignore[no-any-return]
    value = build()
    _write(path, (repr(key), value))
    return value


def _read(path: Path) -> tuple[str, Any] | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None  # missing, unreadable or corrupt: rebuilt
    return data if isinstance(data, tuple) and len(data) == 2 else None


def _write(path: Path, entry: tuple[str, Any]) -> None:
    """Write ``entry`` atomically (temporary file, then rename); a cache that cannot be written is skipped."""
    import tempfile  # here: ~5 ms of imports that a process reading the cache never needs

    data = marshal.dumps(entry)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


__all__ = ["ENV_VAR", "cache_dir", "cached", "entry_path", "file_fingerprint", "key_digest"]

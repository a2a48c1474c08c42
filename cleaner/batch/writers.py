"""Output names and atomic writes: every output is a temp file in OUT renamed into place.

Naming: ``a.txt``/``a.html`` -> ``a.txt`` (``--format txt``), ``a.json`` (json) or ``a.jsonl``
(jsonl); record inputs give records whatever the format: ``a.jsonl`` and ``a.warc.wet`` /
``a.warc`` -> ``a.jsonl``, ``a.parquet`` -> ``a.parquet``. An output keeps its input's
compression (``a.jsonl.zst`` -> ``a.jsonl.zst``, ``a.warc.wet.gz`` -> ``a.jsonl.gz``) unless
``--compress`` says otherwise. ``--format dolma`` writes ``documents/<name>.jsonl[.gz]`` (and the
attribute files beside, see ``formats.dolma``). When two inputs would get the same output
(``a.txt`` and ``a.html``), the first in path order keeps the short name and the others keep
their full input name: ``a.html.txt`` (on a rerun, the input that made an existing output
keeps it). Temp files are named ``.cleaner-tmp-*``.
"""

from __future__ import annotations

import errno
import io
import os
import posixpath
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, TextIO

from ..errors import CleanerError
from .discover import TEMP_PREFIX, Source
from .failures import FAILURES_NAME
from .formats.compression import EXTENSIONS as COMPRESSED
from .formats.compression import split_suffix

#: The file extension of each output form.
EXTENSIONS: dict[str, str] = {
    "txt": ".txt",
    "json": ".json",
    "jsonl": ".jsonl",
    "records": ".jsonl",
    "parquet": ".parquet",
    "dolma": ".jsonl",
}
#: Input kinds that hold records (their output is records too).
RECORD_KINDS = frozenset({"jsonl", "wet", "warc", "parquet"})
#: Where rejected documents go (``--min-chars``), mirroring the outputs: ``OUT/rejects/...``.
REJECTS_NAME = "rejects"
#: dolma's layout under OUT: ``documents/...`` and ``attributes/<name>/...``.
DOCUMENTS_NAME = "documents"


def output_format(source: Source, fmt: str) -> str:
    """The form written for ``source``: ``txt``/``json``/``jsonl`` for one document, ``records``
    (JSON lines) for JSONL and WARC inputs, ``parquet`` for Parquet, or ``dolma``."""
    if fmt == "dolma":
        return "dolma"
    if source.kind == "parquet":
        return "parquet"
    return "records" if source.kind in RECORD_KINDS else fmt


def output_compression(source: Source, compress: str | None, fmt: str = "txt") -> str | None:
    """The codec of ``source``'s output: its own unless ``compress`` names one (or ``none``).

    dolma's files are gzip'ed unless ``compress`` says otherwise (its mixer reads gzip).
    """
    if compress is None:
        return "gz" if fmt == "dolma" else source.compression
    return None if compress == "none" else compress


def _base_name(source: Source, name: str) -> str:
    """The input name without its kind's suffix (``a`` for ``a.warc.wet``, ``a.jsonl``, ``a.txt``)."""
    base = os.path.splitext(name)[0]
    if source.kind == "wet" and base.lower().endswith(".warc"):
        base = base[:-5]
    return base


def plan_outputs(
    sources: Sequence[Source],
    out: str | Path,
    fmt: str,
    compress: str | None = None,
    owner: Callable[[str], str | None] | None = None,
) -> list[str]:
    """One output path under ``out`` per source (same order), mirroring the tree, never colliding.

    ``owner``: the input (absolute path) an existing output was made from, if known (its record);
    when several inputs want one short name, the input that made it keeps it, so adding ``b.htm``
    beside a cleaned ``b.txt`` names the new output ``b.htm.txt`` instead of moving ``b.txt``'s.
    Paths are plain strings: a plan for a million files must stay small.
    """
    taken: set[str] = {FAILURES_NAME}
    planned: list[str] = []
    root = os.fspath(out)
    if fmt == "dolma":
        root = join(root, DOCUMENTS_NAME)
    names = [_candidates(source, fmt, compress) for source in sources]
    reserved = _reserved(sources, names, root, owner) if owner is not None else {}
    for source, candidates in zip(sources, names, strict=True):
        for rel in candidates:
            holder = reserved.get(rel)
            if rel not in taken and (holder is None or holder == source.path):
                break
        taken.add(rel)
        planned.append(join(root, *rel.split("/")))
    return planned


def _candidates(source: Source, fmt: str, compress: str | None) -> tuple[str, str, str]:
    """The output names ``source`` may get, shortest first: ``b.txt``, ``b.html.txt`` (stem), ``b.html.gz.txt``."""
    form = output_format(source, fmt)
    codec = output_compression(source, compress, fmt)
    ext = EXTENSIONS[form] + (COMPRESSED[codec] if codec and form != "parquet" else "")
    folder, input_name = posixpath.split(source.rel)
    name = split_suffix(input_name)[0]
    short, stem, full = (_base_name(source, name) + ext, name + ext, input_name + ext)
    return posixpath.join(folder, short), posixpath.join(folder, stem), posixpath.join(folder, full)


def _reserved(
    sources: Sequence[Source], names: Sequence[tuple[str, str, str]], root: str, owner: Callable[[str], str | None]
) -> dict[str, str]:
    """Short names wanted by several inputs whose existing output one of them made: name -> that input's path."""
    wanted: dict[str, list[Source]] = {}
    for source, candidates in zip(sources, names, strict=True):
        wanted.setdefault(candidates[0], []).append(source)
    reserved = {}
    for rel, contenders in wanted.items():
        if len(contenders) < 2:
            continue
        made_by = owner(join(root, *rel.split("/")))
        for source in contenders:
            if made_by is not None and os.path.abspath(source.path) == made_by:
                reserved[rel] = source.path
    return reserved


def join(root: str, *parts: str) -> str:
    """``root/part/...``: with ``/`` for a remote root (``s3://bucket/prefix``), the OS's separator otherwise."""
    if "://" in root:
        return "/".join([root.rstrip("/"), *parts])
    return os.path.join(root, *parts)


def twin_path(out: str | Path, output: str, tree: str, ext: str | None = None, documents: bool = False) -> str:
    """The path mirroring ``output`` in another tree under ``out`` (``OUT/rejects/sub/a.jsonl``).

    ``ext`` replaces the output's suffixes (form and compression) when given; ``documents``: the
    output lies under ``OUT/documents/`` (dolma), which the twin does not repeat.
    """
    root = os.fspath(out)
    rel = output[len(root) :].lstrip("/" + os.sep)
    if documents:
        rel = rel[len(DOCUMENTS_NAME) + 1 :]
    if ext is not None:
        rel = os.path.splitext(split_suffix(rel)[0])[0] + ext
    return join(root, *tree.split("/"), *rel.replace(os.sep, "/").split("/"))


def is_done(source: Source, output: str | Path) -> bool:
    """A finished output exists (renames and uploads are atomic) and is not older than its input."""
    written, changed = _modified(os.fspath(output)), _modified(source.path)
    return written is not None and changed is not None and written >= changed


def _modified(path: str) -> float | None:
    from .formats.remote import is_remote, modified

    if is_remote(path):
        return modified(path)
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


class UnsafePath(CleanerError):
    """A folder inside OUT is a symlink (or not a folder): writing through it could land outside OUT."""


def open_folder(folder: Path, root: str | None = None) -> int:
    """A file descriptor of ``folder``, made if missing; below OUT ``root`` one level at a time, each
    opened relative to the last without following a symlink, so nothing planted (or swapped in
    meanwhile) inside OUT leads out of it (item 11). OUT itself may be a symlink: the user chose it."""
    rel = os.path.relpath(folder, root) if root is not None else os.pardir
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        folder.mkdir(parents=True, exist_ok=True)
        return os.open(folder, _FOLDER)
    assert root is not None
    fd = os.open(root, _FOLDER)
    current = root
    try:
        for part in [] if rel == os.curdir else rel.split(os.sep):
            current = os.path.join(current, part)
            with suppress(FileExistsError):
                os.mkdir(part, dir_fd=fd)
            try:
                inner = os.open(part, _FOLDER | os.O_NOFOLLOW, dir_fd=fd)
            except OSError as exc:
                if exc.errno not in (errno.ELOOP, errno.ENOTDIR):
                    raise
                kind = "a symlink" if os.path.islink(current) else "not a folder"
                raise UnsafePath(
                    f"{current} is {kind} inside OUT: outputs are never written through it; remove it"
                ) from exc
            os.close(fd)
            fd = inner
    except BaseException:
        os.close(fd)
        raise
    return fd


_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
_TEMP = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def _temp_file(folder: int) -> tuple[int, str]:
    """A new temp file in the folder ``folder`` (a descriptor): its descriptor and name.

    The name is short (prefix + 8 random characters), so an output name of up to NAME_MAX bytes
    still fits beside it (item 14).
    """
    while True:
        name = TEMP_PREFIX + secrets.token_hex(4)
        try:
            return os.open(name, _TEMP, 0o666, dir_fd=folder), name  # the umask applies, as for any file
        except FileExistsError:
            continue


#: Called with (temp path, final path) once a temp file is complete, just before its rename.
BeforeCommit = Callable[[str, str], None]


@contextmanager
def atomic_file(
    path: str | Path, root: str | None = None, before_commit: BeforeCommit | None = None
) -> Iterator[IO[bytes]]:
    """Write bytes to a temp file beside ``path``, renamed over it only when complete.

    ``root``: the local OUT, inside which no symlinked folder is followed (:func:`open_folder`).
    ``before_commit`` runs between the two (it writes the output's record, see ``manifest``).
    A remote ``path`` (``s3://...``) is written through fsspec: an object store makes the object
    visible only once its upload completes, and an upload that fails is aborted.
    """
    from .formats.remote import atomic_remote, is_remote

    if is_remote(os.fspath(path)):
        with atomic_remote(os.fspath(path)) as remote:
            yield remote
        return
    path = Path(path)
    folder = open_folder(path.parent, root)
    try:
        fd, tmp = _temp_file(folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                yield handle
            if before_commit is not None:
                before_commit(os.path.join(path.parent, tmp), os.fspath(path))
            os.replace(tmp, path.name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            with suppress(FileNotFoundError):
                os.unlink(tmp, dir_fd=folder)
            raise
    finally:
        os.close(folder)


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """Write UTF-8 text to a temp file beside ``path``, renamed over it only when complete."""
    with atomic_file(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        yield text
        text.flush()
        text.detach()


def remove_temp_files(out: Path) -> int:
    """Delete temp files a killed run left under ``out``; returns how many."""
    removed = 0
    for folder, _dirs, names in os.walk(out):
        for name in names:
            if name.startswith(TEMP_PREFIX):
                try:
                    os.unlink(os.path.join(folder, name))
                    removed += 1
                except OSError:  # gone already, or in a folder we may not change: harmless, never an input
                    pass
    return removed

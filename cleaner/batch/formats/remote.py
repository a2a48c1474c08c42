"""Paths with a scheme (``s3://``, ``gs://``, ``hf://`` ...) through fsspec, an optional extra.

A path is remote when it has a scheme other than ``file``; fsspec picks the filesystem by the
scheme (s3fs for ``s3://``, gcsfs for ``gs://``, huggingface_hub for ``hf://``). Without
fsspec, or without the scheme's own package, the message names what to install.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ...errors import CleanerError
from ..failures import FAILURES_NAME, FailureLog

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+)://")
#: The package each common scheme needs besides fsspec (what the message names).
_PACKAGES = {"s3": "s3fs", "s3a": "s3fs", "gs": "gcsfs", "gcs": "gcsfs", "hf": "huggingface_hub", "az": "adlfs"}


def scheme(path: str) -> str | None:
    """``"s3"`` for ``s3://bucket/key``; None for a local path (or ``file://``)."""
    match = _SCHEME.match(path)
    if match is None or match.group(1).lower() == "file":
        return None
    return match.group(1).lower()


def is_remote(path: str) -> bool:
    """Whether ``path`` names a file on a remote filesystem (it has a scheme)."""
    return scheme(path) is not None


def filesystem(path: str) -> Any:
    """The fsspec filesystem of ``path``; a CleanerError naming the extra when it cannot be had."""
    try:
        import fsspec
    except ImportError as exc:
        raise CleanerError(f"{path}: remote paths need fsspec: pip install 'cleaner[remote]'") from exc
    name = scheme(path) or "file"
    try:
        return fsspec.filesystem(name)
    except (ImportError, ValueError) as exc:
        package = _PACKAGES.get(name, f"the fsspec backend for {name}://")
        extra = " (or pip install 'cleaner[remote]')" if name in ("s3", "s3a") else ""
        raise CleanerError(f"{path}: {name}:// paths need {package}: pip install {package}{extra} ({exc})") from exc


def open_remote(path: str, mode: str) -> IO[bytes]:
    """A remote file opened in binary ``mode`` (``rb`` or ``wb``)."""
    return filesystem(path).open(path, mode)  # type: ignore[no-any-return]


@contextmanager
def atomic_remote(path: str) -> Iterator[IO[bytes]]:
    """Write a remote object that appears only when complete: the upload is committed on close,
    and aborted (nothing left at ``path``) when the block raises."""
    handle: Any = open_remote(path, "wb")  # an fsspec buffered file (it has discard())
    try:
        yield handle
    except BaseException:
        handle.discard()  # aborts the (multipart) upload: nothing appears at ``path``
        handle.closed = True  # a discarded file cannot flush; closing it again would try
        raise
    handle.close()


def modified(path: str) -> float | None:
    """When the remote file was last written (a POSIX timestamp), or None when it does not exist."""
    try:
        info = filesystem(path).info(path)
    except (FileNotFoundError, OSError):
        return None
    stamp = info.get("LastModified") or info.get("mtime") or info.get("updated") or info.get("last_modified")
    if stamp is None:
        return None
    if isinstance(stamp, str):
        from datetime import datetime

        stamp = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return float(stamp.timestamp()) if hasattr(stamp, "timestamp") else float(stamp)


def walk(paths: Sequence[str]) -> tuple[str, list[str], list[str]]:
    """``(base, files, missing)`` for remote PATHs: globs expanded, folders (prefixes) walked, in order.

    ``base`` is the deepest common folder, which outputs mirror the tree below.
    """
    fs = filesystem(paths[0])
    files: list[str] = []
    missing: list[str] = []
    folders: list[str] = []
    for path in paths:
        if scheme(path) != scheme(paths[0]):
            raise CleanerError(f"{path}: all remote PATHs must use one scheme ({scheme(paths[0])}://)")
        if any(char in path for char in "*?["):
            found = [fs.unstrip_protocol(p) for p in sorted(fs.glob(path)) if fs.isfile(p)]
            folders.append(path.split("*")[0].rsplit("/", 1)[0])
        elif fs.isdir(path):
            found = [fs.unstrip_protocol(p) for p in sorted(fs.find(path))]
            folders.append(path.rstrip("/"))
        elif fs.exists(path):
            found = [path]
            folders.append(path.rsplit("/", 1)[0])
        else:
            missing.append(path)
            continue
        files.extend(found)
    if not folders:
        return "", files, missing
    stripped = [fs._strip_protocol(folder) for folder in folders]
    return fs.unstrip_protocol(posixpath.commonpath(stripped)), files, missing


class RemoteFailureLog(FailureLog):
    """``failures.jsonl`` of a remote OUT: kept in a local folder during the run, uploaded at its end.

    An object cannot be appended to, so the old log is fetched when the run starts (a rerun keeps
    the lines of skipped inputs, as locally) and the new one replaces it, whole, when the run ends.
    """

    def __init__(self, out: str) -> None:
        self.remote = out.rstrip("/") + "/" + FAILURES_NAME
        self._folder = tempfile.mkdtemp(prefix="cleaner-failures-")
        super().__init__(Path(self._folder))
        fs = filesystem(self.remote)
        if fs.exists(self.remote):
            fs.get_file(self.remote, str(self.path))

    def close(self) -> None:
        """Close the log and upload it over OUT's ``failures.jsonl``."""
        was_open = self._handle is not None
        super().close()
        if was_open and self.path.exists():
            with open(self.path, "rb") as local, atomic_remote(self.remote) as remote:
                shutil.copyfileobj(local, remote)
        shutil.rmtree(self._folder, ignore_errors=True)

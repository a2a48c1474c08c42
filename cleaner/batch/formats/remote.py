"""Paths with a scheme (``s3://``, ``gs://``, ``hf://`` ...) through fsspec, an optional extra.

A path is remote when it has a scheme other than ``file``; fsspec picks the filesystem by the
scheme (s3fs for ``s3://``, gcsfs for ``gs://``, huggingface_hub for ``hf://``). Without
fsspec, or without the scheme's own package, the message names what to install.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from ...errors import CleanerError

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
    handle = open_remote(path, "wb")
    try:
        yield handle
    except BaseException:
        discard = getattr(handle, "discard", None)
        if discard is not None:
            discard()
        else:  # pragma: no cover - every fsspec buffered file has discard()
            handle.close()
            filesystem(path).rm(path)
        raise
    handle.close()

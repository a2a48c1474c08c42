"""Open an input file as a stream of its decompressed bytes, locally or (with fsspec) remotely."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from ..discover import Source
from .compression import archive_errors, decompressing
from .remote import is_remote, open_remote


@contextmanager
def open_raw(path: str) -> Iterator[IO[bytes]]:
    """The file's bytes as stored (compressed or not): a local file, or a remote one through fsspec."""
    handle: IO[bytes] = open_remote(path, "rb") if is_remote(path) else open(path, "rb")  # noqa: SIM115
    with handle:
        yield handle


@contextmanager
def open_input(source: Source) -> Iterator[IO[bytes]]:
    """The decompressed bytes of ``source``; a broken archive, met at any read, is an InputError."""
    with (
        open_raw(source.path) as raw,
        archive_errors(source.compression),
        decompressing(raw, source.compression) as data,
    ):
        yield data

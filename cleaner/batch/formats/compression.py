"""Compression by file suffix: ``.gz``, ``.zst``/``.zstd``, ``.bz2``, ``.xz``, read and written as streams.

Every format reads its input through :func:`decompressing` and writes its output through
:func:`compressing`, so each works with every codec and never holds a whole file in memory.
A broken archive becomes an :class:`~cleaner.errors.InputError` naming the codec
(:func:`archive_errors`); zstandard is an extra (``cleaner[zstd]``), named when missing.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from ...errors import CleanerError, InputError

#: Codec names (as ``--compress`` takes them) by file suffix.
SUFFIXES: dict[str, str] = {".gz": "gz", ".zst": "zst", ".zstd": "zst", ".bz2": "bz2", ".xz": "xz"}
#: The suffix an output compressed with each codec gets.
EXTENSIONS: dict[str, str] = {"gz": ".gz", "zst": ".zst", "bz2": ".bz2", "xz": ".xz"}
#: The codecs' names in messages.
NAMES: dict[str, str] = {"gz": "gzip", "zst": "zstd", "bz2": "bzip2", "xz": "xz"}
#: The values of ``--compress``: a codec, or ``none`` for plain outputs.
CHOICES: tuple[str, ...] = (*EXTENSIONS, "none")


def split_suffix(name: str) -> tuple[str, str | None]:
    """``("a.jsonl", "zst")`` for ``a.jsonl.zst``; ``(name, None)`` when it is not compressed."""
    dot = name.rfind(".")
    codec = SUFFIXES.get(name[dot:].lower()) if dot > 0 else None
    return (name[:dot], codec) if codec else (name, None)


def zstandard_module() -> Any:
    """The zstandard module, or a CleanerError naming the extra."""
    try:
        import zstandard
    except ImportError as exc:
        raise CleanerError(".zst files need the zstandard package: pip install 'cleaner[zstd]'") from exc
    return zstandard


@contextmanager
def decompressing(raw: IO[bytes], codec: str | None) -> Iterator[IO[bytes]]:
    """A buffered binary stream of ``raw``'s decompressed bytes (``raw`` itself when ``codec`` is None).

    ``raw`` stays open: whoever opened it closes it.
    """
    if codec is None:
        yield raw
        return
    stream: IO[bytes]
    if codec == "gz":
        stream = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
    elif codec == "bz2":
        stream = bz2.BZ2File(raw, "rb")  # type: ignore[assignment]
    elif codec == "xz":
        stream = lzma.LZMAFile(raw, "rb")  # type: ignore[assignment]  # noqa: SIM115 - closed below
    elif codec == "zst":
        stream = io.BufferedReader(_ZstdReader(raw))
    else:
        raise ValueError(f"unknown compression {codec!r}")
    with stream:
        yield stream


class _ZstdReader(io.RawIOBase):
    """zstd frames decompressed one after another; a truncated last frame is an error.

    (zstandard's ``stream_reader`` ends quietly on a cut-off frame, which would lose records
    silently.) Compressed input is fed a small chunk at a time, so what is held decompressed at
    once stays a chunk's worth, not the file's.
    """

    _CHUNK = 1 << 13

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self._zstd = zstandard_module()
        self._raw = raw
        self._frame = self._zstd.ZstdDecompressor().decompressobj()
        self._in_frame = False
        self._ready = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._ready:
            chunk = self._raw.read(self._CHUNK)
            if not chunk:
                if self._in_frame:
                    raise self._zstd.ZstdError("truncated archive: the last zstd frame is incomplete")
                return 0
            self._ready = memoryview(self._decompress(chunk))
        size = min(len(buffer), len(self._ready))
        buffer[:size] = self._ready[:size]
        self._ready = self._ready[size:]
        return size

    def _decompress(self, data: bytes) -> bytes:
        parts = []
        while data:
            parts.append(self._frame.decompress(data))
            self._in_frame = not self._frame.eof
            if not self._frame.eof:
                break
            data = self._frame.unused_data
            self._frame = self._zstd.ZstdDecompressor().decompressobj()
        return b"".join(parts)


@contextmanager
def compressing(raw: IO[bytes], codec: str | None) -> Iterator[IO[bytes]]:
    """A binary stream that writes into ``raw`` compressed with ``codec`` (``raw`` itself when None).

    Leaving the block finishes the archive; ``raw`` stays open for its owner to close.
    """
    if codec is None:
        yield raw
        return
    stream: IO[bytes]
    if codec == "gz":
        stream = gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0)  # type: ignore[assignment]
    elif codec == "bz2":
        stream = bz2.BZ2File(raw, "wb")  # type: ignore[assignment]
    elif codec == "xz":
        stream = lzma.LZMAFile(raw, "wb")  # type: ignore[assignment]  # noqa: SIM115 - closed below
    elif codec == "zst":
        stream = zstandard_module().ZstdCompressor(level=3).stream_writer(raw, closefd=False)
    else:
        raise ValueError(f"unknown compression {codec!r}")
    with stream:
        yield stream


def _broken_types() -> tuple[type[BaseException], ...]:
    kinds: list[type[BaseException]] = [gzip.BadGzipFile, EOFError, zlib.error, lzma.LZMAError]
    try:
        import zstandard
    except ImportError:
        pass
    else:
        kinds.append(zstandard.ZstdError)
    return tuple(kinds)


@contextmanager
def archive_errors(codec: str | None) -> Iterator[None]:
    """Turn a codec's own errors (bad data, a truncated archive) into an InputError naming the codec."""
    if codec is None:
        yield
        return
    try:
        yield
    except _broken_types() as exc:
        raise InputError(f"broken {NAMES[codec]} file: {exc or 'truncated archive'}") from exc
    except OSError as exc:
        if codec == "bz2" and "Invalid data stream" in str(exc):
            raise InputError(f"broken bzip2 file: {exc}") from exc
        raise

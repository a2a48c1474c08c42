"""Bounded reads of decompressed input: ``--max-bytes`` per document, and the binary sniff on the first bytes.

A file is read (decompressed) a chunk at a time, so a small archive of gigabytes of zeros is
refused after its first chunk, and nothing longer than ``--max-bytes`` is ever held: a whole
``.txt``/``.html`` input, one JSONL line (which fails alone, the next lines go on), or one stdin
stream of text or HTML.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import IO

from ..errors import InputError

#: The default of ``--max-bytes``: the most decompressed bytes one document may take (1 GiB).
MAX_BYTES = 1 << 30
#: How far into a file we look for NUL bytes to call it binary before reading the rest.
SNIFF = 8192
#: Byte order marks of UTF-16 and UTF-32, whose text is full of NUL bytes (UTF-32 first: it starts like UTF-16).
WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Four NUL bytes in a row are U+0000 in every encoding (UTF-8, UTF-16, UTF-32): no page has them.
_NUL_RUN = b"\x00\x00\x00\x00"
_CHUNK = 1 << 20


def wide_encoding(data: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` when ``data`` starts with that encoding's byte order mark, else None."""
    return next((name for bom, name in WIDE_BOMS if data.startswith(bom)), None)


def too_large(max_bytes: int, what: str = "the file") -> InputError:
    """The error of an input over ``--max-bytes`` once decompressed."""
    return InputError(f"{what} is larger than --max-bytes {max_bytes} once decompressed; raise --max-bytes to clean it")


def read_capped(
    handle: IO[bytes], max_bytes: int, kind: str = "txt", head: bytes = b"", what: str = "the file"
) -> bytes:
    """All of ``handle`` (after ``head``, already read); an InputError naming ``what`` once past ``max_bytes``.

    The first bytes are sniffed before the rest is read: for text any NUL byte (without a UTF-16
    or UTF-32 byte order mark), for HTML four NULs in a row, mean a binary file.
    """
    if len(head) < SNIFF:
        head += handle.read(SNIFF - len(head))
    check_binary(head, kind)
    parts = [head]
    size = len(head)
    while size <= max_bytes:
        chunk = handle.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
    raise too_large(max_bytes, what)


def check_binary(data: bytes, kind: str) -> None:
    """An InputError when ``data`` is binary, not text (``kind`` ``txt``) or a page (``html``)."""
    if kind == "html":
        nul = data.find(_NUL_RUN)
        if nul >= 0:
            raise InputError(f"binary file, not HTML: a run of NUL bytes at offset {nul}")
    elif wide_encoding(data) is None:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise InputError(f"binary file, not text: NUL byte at offset {nul}")


def capped_lines(handle: IO[bytes], max_bytes: int, first: int = 1) -> Iterator[tuple[int, bytes | None]]:
    """``(number, line)`` for each line of ``handle`` (numbered from ``first``); ``None`` for a line over ``max_bytes``.

    A long line is skipped a chunk at a time, never held whole.
    """
    number = first - 1
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) <= max_bytes or (line.endswith(b"\n") and len(line) == max_bytes + 1):
            yield number, line
            continue
        while not line.endswith(b"\n"):
            line = handle.readline(_CHUNK)
            if not line:
                break
        yield number, None

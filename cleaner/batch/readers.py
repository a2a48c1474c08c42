"""Turn one input file into documents: .txt -> text, .html -> bytes, .jsonl -> one per record.

Text files must be UTF-8 (a BOM is fine); anything else is a clear failure naming the byte.
HTML goes to the engine as bytes, which detects the encoding. A JSONL line that is not a JSON
object with a ``text`` string fails alone (with its line number); the other records go on.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from ..errors import InputError
from .discover import Source
from .failures import Failure

#: How far into a file we look for NUL bytes to call it binary.
_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class Document:
    """One thing to clean: text (``txt``) or page bytes (``html``), with where it came from."""

    id: str
    path: str
    kind: str
    content: str | bytes
    #: For a JSONL record: the record as read (``text`` is replaced in the output) and its line.
    record: dict[str, Any] | None = None
    line: int | None = None


def read_documents(source: Source) -> Iterator[Document | Failure]:
    """The documents of one input, or record failures; raises InputError when the file fails."""
    if source.kind == "jsonl":
        yield from _jsonl_documents(source)
        return
    data = read_bytes(source)
    content: str | bytes = data if source.kind == "html" else decode_text(data)
    yield Document(str(source.rel), source.path, source.kind, content)


def read_bytes(source: Source) -> bytes:
    """The whole file, decompressed when ``.gz``; a broken archive is an InputError."""
    try:
        with _open(source) as handle:
            return handle.read()
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise InputError(f"broken gzip file: {exc or 'truncated archive'}") from exc


def decode_text(data: bytes) -> str:
    """Strict UTF-8 (BOM dropped); binary data and invalid bytes fail with the offset."""
    nul = data.find(b"\x00", 0, _SNIFF)
    if nul >= 0:
        raise InputError(f"binary file, not text: NUL byte at offset {nul}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 4].hex(" ")
        raise InputError(f"not valid UTF-8: byte(s) {bad} at offset {exc.start}; convert the file to UTF-8") from exc


def _open(source: Source) -> IO[bytes]:
    if source.gzip:
        return gzip.open(source.path, "rb")  # type: ignore[return-value]
    return open(source.path, "rb")


def _jsonl_documents(source: Source) -> Iterator[Document | Failure]:
    try:
        with _open(source) as handle:
            head = handle.peek(_SNIFF)[:_SNIFF] if hasattr(handle, "peek") else b""
            if b"\x00" in head:
                raise InputError("binary file, not JSON lines: NUL byte near the start")
            for number, raw in enumerate(handle, start=1):
                if raw.strip():
                    yield record_from_line(source, number, raw)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise InputError(f"broken gzip file: {exc or 'truncated archive'}") from exc


def record_from_line(source: Source, number: int, raw: bytes) -> Document | Failure:
    """One JSONL line as a Document, or the Failure of that line alone."""
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return Failure(source.path, "InputError", f"line {number}: not valid UTF-8 at byte {exc.start}", number)
    except ValueError as exc:
        return Failure(source.path, "JSONDecodeError", f"line {number}: not valid JSON: {exc}", number)
    if not isinstance(record, dict):
        return Failure(source.path, "InputError", f"line {number}: a record must be a JSON object", number)
    text = record.get("text")
    record_id = record.get("id")
    shown_id = None if record_id is None else str(record_id)
    if not isinstance(text, str):
        found = type(text).__name__ if "text" in record else "nothing"
        message = f"line {number}: the record needs a 'text' string, found {found}"
        return Failure(source.path, "InputError", message, number, shown_id)
    doc_id = shown_id if shown_id is not None else f"{source.rel}:{number}"
    return Document(doc_id, source.path, "txt", text, record, number)

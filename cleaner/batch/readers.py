"""Turn one input file into documents: .txt -> text, .html -> bytes, .jsonl -> one per record.

Text files must be UTF-8 (a BOM is fine), or UTF-16/UTF-32 with a byte order mark; anything
else is a clear failure naming the byte, and a NUL byte anywhere in text means a binary file.
HTML goes to the engine as bytes, which detects the encoding. Nothing over ``--max-bytes``
decompressed is read (``limits``). A JSONL line that is not a JSON
object with a text string (``text``, or ``--text-field``) fails alone (with its line number);
the other records go on. WET/WARC and Parquet files have readers of their own
(``cleaner.batch.formats``); every reader opens its file through the same decompression.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from ..errors import InputError
from .discover import Source
from .failures import Failure
from .formats.inputs import open_input
from .limits import MAX_BYTES, SNIFF, capped_lines, read_capped, too_large, wide_encoding


@dataclass(frozen=True, slots=True)
class Document:
    """One thing to clean: text (``txt``) or page bytes (``html``), with where it came from."""

    id: str
    path: str
    kind: str
    content: str | bytes
    #: For a record (JSONL, WET/WARC, Parquet): the record as read, whose ``text_field`` the
    #: output replaces, and its position in the file (``unit`` 1-based: a line, record or row).
    record: dict[str, Any] | None = None
    line: int | None = None
    text_field: str = "text"
    unit: str = "line"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record that is not a document to clean (a WARC response that is not HTML), counted in the report."""

    path: str
    line: int
    id: str | None
    reason: str
    unit: str = "record"


@dataclass(frozen=True, slots=True)
class Fields:
    """Where a record keeps its text and its id (``--text-field``, ``--id-field``).

    ``text`` lists names to try in order: a record's text is in the first one it has, so one run
    reads files that name it differently (``text``, RedPajama's ``raw_content``).
    """

    text: tuple[str, ...] = ("text",)
    id: str = "id"

    def text_name(self, names: Iterable[str]) -> str:
        """The first of ``text`` among ``names`` (the first of ``text`` when there is none)."""
        present = set(names)
        return next((name for name in self.text if name in present), self.text[0])

    def shown(self) -> str:
        """``'text'`` or ``'text' or 'raw_content'`` for messages."""
        return " or ".join(repr(name) for name in self.text)


def read_documents(
    source: Source, fields: Fields = Fields(), max_bytes: int = MAX_BYTES
) -> Iterator[Document | Failure | Skipped]:
    """The documents of one input, or record failures; raises InputError when the file fails.

    ``max_bytes``: the most decompressed bytes of one document (a file, a line, a WARC record).
    """
    if source.kind in ("wet", "warc"):
        from .formats.warc import read_warc

        yield from read_warc(source, max_bytes)
        return
    if source.kind == "parquet":
        from .formats.parquet import read_parquet

        yield from read_parquet(source, fields)
        return
    if source.kind == "jsonl":
        yield from _jsonl_documents(source, fields, max_bytes)
        return
    data = read_bytes(source, max_bytes)
    content: str | bytes = data if source.kind == "html" else decode_text(data)
    yield Document(str(source.rel), source.path, source.kind, content)


def read_bytes(source: Source, max_bytes: int = MAX_BYTES) -> bytes:
    """The whole file, decompressed and sniffed for binary first.

    A broken archive, or one over ``max_bytes``, is an InputError.
    """
    with open_input(source) as handle:
        return read_capped(handle, max_bytes, source.kind)


def decode_text(data: bytes) -> str:
    """Strict UTF-8 (BOM dropped), or UTF-16/32 after their BOM; binary data and invalid bytes fail with the offset.

    A NUL byte anywhere in UTF-8 text (a NUL character in UTF-16/32) fails as binary, wherever it is.
    """
    wide = wide_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"not valid {wide.upper()}: bytes at offset {exc.start}; convert the file to UTF-8"
            ) from exc
        nul = text.find("\x00")
        if nul >= 0:
            raise InputError(f"binary file, not text: a NUL character at character {nul}")
        return text
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"binary file, not text: NUL byte at offset {nul}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 4].hex(" ")
        raise InputError(f"not valid UTF-8: byte(s) {bad} at offset {exc.start}; convert the file to UTF-8") from exc


def _jsonl_documents(source: Source, fields: Fields, max_bytes: int) -> Iterator[Document | Failure]:
    with open_input(source) as handle:
        head = _peek(handle)
        if b"\x00" in head:
            raise InputError("binary file, not JSON lines: NUL byte near the start")
        yield from jsonl_records(source, handle, fields, max_bytes)


def jsonl_records(
    source: Source, handle: IO[bytes], fields: Fields, max_bytes: int, first: int = 1
) -> Iterator[Document | Failure]:
    """The records of a JSON lines stream (its first line numbered ``first``).

    A line over ``max_bytes`` fails alone, unread.
    """
    for number, raw in capped_lines(handle, max_bytes, first):
        if raw is None:
            error = too_large(max_bytes, f"line {number}")
            yield Failure(source.path, "InputError", str(error), number)
        elif raw.strip():
            yield record_from_line(source, number, raw, fields)


def _peek(handle: IO[bytes]) -> bytes:
    peek = getattr(handle, "peek", None)
    return peek(SNIFF)[:SNIFF] if peek is not None else b""


def record_from_line(source: Source, number: int, raw: bytes, fields: Fields = Fields()) -> Document | Failure:
    """One JSONL line as a Document, or the Failure of that line alone."""
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return Failure(source.path, "InputError", f"line {number}: not valid UTF-8 at byte {exc.start}", number)
    except ValueError as exc:
        return Failure(source.path, "JSONDecodeError", f"line {number}: not valid JSON: {exc}", number)
    except RecursionError:
        message = f"line {number}: JSON nested too deeply to read (RecursionError)"
        return Failure(source.path, "InputError", message, number)
    if not isinstance(record, dict):
        return Failure(source.path, "InputError", f"line {number}: a record must be a JSON object", number)
    try:
        return record_document(source, number, record, fields, "line")
    except (ValueError, TypeError, RecursionError) as exc:  # an id whose text cannot be built, say
        return Failure(source.path, type(exc).__name__, f"line {number}: {exc}", number)


def record_document(
    source: Source, number: int, record: dict[str, Any], fields: Fields, unit: str
) -> Document | Failure:
    """A record (a JSONL object, a Parquet row) as a Document, or its Failure when it has no text string."""
    name = fields.text_name(record)
    text = record.get(name)
    record_id = record.get(fields.id)
    shown_id = None if record_id is None else str(record_id)
    if not isinstance(text, str):
        found = type(text).__name__ if name in record else "nothing"
        message = f"{unit} {number}: the record needs a {fields.shown()} string, found {found}"
        if name not in record:
            message += f" (its fields: {', '.join(map(str, list(record)[:12]))}; choose one with --text-field)"
        return Failure(source.path, "InputError", message, number, shown_id, unit)
    doc_id = shown_id if shown_id is not None else f"{source.rel}:{number}"
    return Document(doc_id, source.path, "txt", text, record, number, name, unit)

"""Common Crawl WET and WARC files, read with FastWARC (the ``[warc]`` extra), one record at a time.

- WET (``.warc.wet``): every ``conversion`` record is a text document.
- WARC (``.warc``): every ``response`` record with a 2xx status and an HTML payload goes through
  ``clean_html``; other responses are counted as skipped (requests, metadata and ``warcinfo``
  records are not documents).

Each document becomes a record ``{"id": WARC-Record-ID, "text", "metadata": {"url":
WARC-Target-URI, "date": WARC-Date, ...}}``, the form datatrove and dolma use, so its output is
JSON lines. A record that cannot be decoded fails alone (``"record": N``, counted over every
record of the file); a stream that breaks off ends the file with one failure after the records
read so far.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...errors import CleanerError
from ..discover import Source
from ..failures import Failure
from ..limits import MAX_BYTES, too_large
from ..readers import Document, Skipped
from .inputs import open_input

#: The markers of an HTML payload in an HTTP ``Content-Type``.
_HTML_TYPES = ("text/html", "application/xhtml")


def fastwarc() -> Any:
    """The ``fastwarc.warc`` module, or a CleanerError naming the extra."""
    try:
        from fastwarc import warc
    except ImportError as exc:
        raise CleanerError("WET and WARC files need FastWARC: pip install 'cleaner[warc]'") from exc
    return warc


def read_warc(source: Source, max_bytes: int = MAX_BYTES) -> Iterator[Document | Failure | Skipped]:
    """The documents of a WET or WARC file, in file order; a record over ``max_bytes`` fails alone."""
    warc = fastwarc()
    wet = source.kind == "wet"
    with open_input(source) as stream:
        records = iter(warc.ArchiveIterator(stream, parse_http=False, stream_detect=False))
        number = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except (OSError, ValueError) as exc:
                message = (
                    f"record {number + 1}: the WARC stream breaks off here ({exc}); the records before it are done"
                )
                yield Failure(source.path, "InputError", message, number + 1, None, "record")
                return
            number += 1
            kind = record.record_type
            if kind in (warc.WarcRecordType.conversion, warc.WarcRecordType.response) and (
                record.content_length > max_bytes
            ):
                message = f"record {number}: {too_large(max_bytes, 'the record')}"
                yield Failure(source.path, "InputError", message, number, _record_id(source, record, number), "record")
                continue
            try:
                if wet and kind == warc.WarcRecordType.conversion:
                    yield _wet_document(source, record, number)
                elif not wet and kind == warc.WarcRecordType.response:
                    yield _html_document(source, record, number)
            except _Truncated as exc:
                message = (
                    f"record {number}: the WARC stream breaks off inside it ({exc}); the records before it are done"
                )
                yield Failure(source.path, "InputError", message, number, _record_id(source, record, number), "record")
                return


class _Truncated(Exception):
    """A record's payload ends before its Content-Length: the file was cut off."""


def _payload(record: Any) -> bytes:
    """The record's whole payload; FastWARC returns a cut-off one short, without an error."""
    payload: bytes = record.reader.read()
    if len(payload) < record.content_length:
        raise _Truncated(f"{len(payload)} of its {record.content_length} bytes are there")
    return payload


def _metadata(record: Any) -> dict[str, Any]:
    headers = record.headers
    metadata: dict[str, Any] = {"url": headers.get("WARC-Target-URI"), "date": headers.get("WARC-Date")}
    language = headers.get("WARC-Identified-Content-Language")
    if language:
        metadata["language"] = language
    return metadata


def _record_id(source: Source, record: Any, number: int) -> str:
    return record.headers.get("WARC-Record-ID") or f"{source.rel}:{number}"


def _wet_document(source: Source, record: Any, number: int) -> Document | Failure:
    record_id = _record_id(source, record, number)
    payload = _payload(record)
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"record {number}: not valid UTF-8 at byte {exc.start} of its text"
        return Failure(source.path, "InputError", message, number, record_id, "record")
    fields = {"id": record_id, "text": text, "metadata": _metadata(record)}
    return Document(record_id, source.path, "txt", text, fields, number, "text", "record")


def _html_document(source: Source, record: Any, number: int) -> Document | Failure | Skipped:
    record_id = _record_id(source, record, number)
    try:
        record.parse_http(auto_decode="all")
    except (OSError, ValueError) as exc:
        message = f"record {number}: its HTTP response cannot be parsed ({exc})"
        return Failure(source.path, "InputError", message, number, record_id, "record")
    status = record.http_headers.status_code
    content_type = (record.http_content_type or "").lower()
    if status is not None and not 200 <= status < 300:
        return Skipped(source.path, number, record_id, f"HTTP status {status}", "record")
    if not any(marker in content_type for marker in _HTML_TYPES):
        return Skipped(source.path, number, record_id, f"not HTML ({content_type or 'no Content-Type'})", "record")
    metadata = _metadata(record)
    metadata["content_type"] = record.http_headers.get("Content-Type")
    fields = {"id": record_id, "metadata": metadata}
    return Document(record_id, source.path, "html", _payload(record), fields, number, "text", "record")

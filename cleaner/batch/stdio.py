"""``cleaner clean -``: a Unix filter, stdin to stdout, with the same readers and records as files.

The kind of input is sniffed: ``<`` first means HTML, a first line holding a JSON object with a
text string (``text``, or ``--text-field``) means JSONL, anything else is plain UTF-8 text.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from typing import IO

from .discover import Source
from .failures import Failure
from .limits import read_capped
from .options import BatchOptions
from .readers import Document, Fields, Skipped, decode_text, jsonl_records, record_from_line
from .report import FileOutcome
from .work import clean_into, cleaner_for

STDIN = "-"


def sniff(data: bytes, text_fields: tuple[str, ...] = ("text",)) -> str:
    """``html``, ``jsonl`` or ``txt`` from the first bytes of a stream."""
    head = data.lstrip()[:1]
    if head == b"<":
        return "html"
    if head == b"{":
        first = data.lstrip().split(b"\n", 1)[0]
        try:
            record = json.loads(first)
        except ValueError:
            return "txt"
        if isinstance(record, dict) and any(isinstance(record.get(name), str) for name in text_fields):
            return "jsonl"
    return "txt"


def clean_stream(data: bytes | IO[bytes], options: BatchOptions, write: Callable[[str], object]) -> FileOutcome:
    """Clean a whole stream (or bytes), writing each document's output; failures are returned, not raised.

    The stream is read as it goes: JSON lines one at a time, text and HTML up to ``--max-bytes``.
    """
    outcome = FileOutcome(STDIN, output=STDIN)
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        clean_into(_documents(stream, options), STDIN, cleaner_for(options.config), options, write, outcome)
    except Exception as exc:
        outcome.output = None
        outcome.failures.append(Failure.from_exception(STDIN, exc))
    return outcome


def _head(stream: IO[bytes], max_bytes: int) -> bytes:
    """The stream's blank lines and its first other line (what ``sniff`` needs), at most ``max_bytes`` + 1."""
    head = b""
    while len(head) <= max_bytes:
        line = stream.readline(max_bytes + 1 - len(head))
        head += line
        if not line or line.strip():
            break
    return head


def _documents(stream: IO[bytes], options: BatchOptions) -> Iterator[Document | Failure | Skipped]:
    head = _head(stream, options.max_bytes)
    kind = sniff(head, options.text_fields)
    if kind == "jsonl":  # the head is blank lines and one whole record line; the rest streams
        source = Source(STDIN, STDIN, "jsonl")
        fields = Fields(options.text_fields, options.id_field)
        body = head[:-1] if head.endswith(b"\n") else head  # lines end at b"\n" only, as in files
        number = body.count(b"\n") + 1
        yield record_from_line(source, number, head[body.rfind(b"\n") + 1 :], fields)
        yield from jsonl_records(source, stream, fields, options.max_bytes, first=number + 1)
    elif kind == "html":
        yield Document(STDIN, STDIN, "html", read_capped(stream, options.max_bytes, "html", head, "stdin"))
    else:
        yield Document(STDIN, STDIN, "txt", decode_text(read_capped(stream, options.max_bytes, "txt", head, "stdin")))

"""``cleaner clean -``: a Unix filter, stdin to stdout, with the same readers and records as files.

The kind of input is sniffed: ``<`` first means HTML, a first line holding a JSON object with a
text string (``text``, or ``--text-field``) means JSONL, anything else is plain UTF-8 text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from .discover import Source
from .failures import Failure
from .options import BatchOptions
from .readers import Document, Fields, Skipped, decode_text, record_from_line
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


def clean_stream(data: bytes, options: BatchOptions, write: Callable[[str], object]) -> FileOutcome:
    """Clean a whole stream, writing each document's output; failures are returned, not raised."""
    outcome = FileOutcome(STDIN, output=STDIN)
    try:
        clean_into(_documents(data, options), STDIN, cleaner_for(options.config), options, write, outcome)
    except Exception as exc:
        outcome.output = None
        outcome.failures.append(Failure.from_exception(STDIN, exc))
    return outcome


def _documents(data: bytes, options: BatchOptions) -> Iterator[Document | Failure | Skipped]:
    kind = sniff(data, options.text_fields)
    if kind == "jsonl":
        source = Source(STDIN, STDIN, "jsonl")
        fields = Fields(options.text_fields, options.id_field)
        for number, raw in enumerate(data.splitlines(), start=1):
            if raw.strip():
                yield record_from_line(source, number, raw, fields)
    elif kind == "html":
        yield Document(STDIN, STDIN, "html", data)
    else:
        yield Document(STDIN, STDIN, "txt", decode_text(data))

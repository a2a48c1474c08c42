"""``--format dolma``: the documents untouched, and one dolma attribute file per input naming what to remove.

dolma's layout: ``OUT/documents/<rel>.jsonl.gz`` holds each document as read (its text under
``text`` and an ``id``, dolma's two required fields), and ``OUT/attributes/cleaner/<rel>.jsonl.gz``
holds, line for line, ``{"id", "attributes": {"cleaner__cleaner__<label>": [[start, end, 1.0],
...]}}`` for every removal label (an empty list when there is none). Offsets index the document's
``text`` in code points, as dolma's mixer reads them, so a ``span_replacement`` on these keys
(``replacement: ""``) leaves the same words as ``clean(text).text`` (``docs/batch.md``). For an
HTML input the document's text is the page rendered to text (``Result.source``), which is what
the offsets index. Names follow dolma's convention ``<experiment>__<tagger>__<key>``, as the
tagger ``cleaner.integrations.dolma`` does.
"""

from __future__ import annotations

from typing import Any, TextIO

from ...model import LABELS, Result
from ..readers import Document
from .jsonline import json_line

#: The attribute name (the folder under ``attributes/``) and the prefix of every key.
ATTRIBUTE_NAME = "cleaner"
KEY_PREFIX = "cleaner__cleaner__"
#: Every label a removal can carry, in the contract's order (``body`` is what stays).
REMOVAL_LABELS = tuple(label for label in LABELS if label != "body")


def attribute_key(label: str) -> str:
    """``cleaner__cleaner__nav`` for ``nav``."""
    return KEY_PREFIX + label


def dolma_document(doc: Document, result: Result) -> dict[str, Any]:
    """The document line: the record as read with its text under ``text`` (the page text for HTML) and an ``id``."""
    record = dict(doc.record) if doc.record is not None else {}
    text = result.source if doc.kind == "html" or doc.record is None else record.pop(doc.text_field)
    return {**record, "id": doc.id if record.get("id") is None else record["id"], "text": text}


def dolma_attributes(document_id: Any, result: Result) -> dict[str, Any]:
    """The attribute line: one ``[start, end, 1.0]`` span list per removal label."""
    spans: dict[str, list[list[float | int]]] = {attribute_key(label): [] for label in REMOVAL_LABELS}
    for removal in result.removals:
        spans[attribute_key(removal.label)].append([removal.start, removal.end, 1.0])
    return {"id": document_id, "attributes": spans}


class DolmaOutput:
    """Writes each document and its attribute line, in the same order, to two files."""

    def __init__(self, documents: TextIO, attributes: TextIO) -> None:
        self._documents = documents
        self._attributes = attributes

    def write(self, doc: Document, result: Result, extra: dict[str, Any] | None = None) -> None:
        """Add one document and its spans."""
        document = dolma_document(doc, result)
        lines = json_line(document), json_line(dolma_attributes(document["id"], result))  # both built, then written
        self._documents.write(lines[0])
        self._attributes.write(lines[1])

    def close(self) -> None:
        """Nothing is buffered here (the files are closed by their owner)."""

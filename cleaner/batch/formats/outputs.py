"""One input's outputs: the output file in its form, and its rejects, each written atomically.

:func:`open_outputs` gives a :class:`TaskOutputs` whose ``write`` adds a cleaned document and
whose ``reject`` sends one to the rejects file (``--min-chars``; opened only when needed). When
the block ends without an error, the rejects file is renamed into place first and the output
last, so a finished output always has its rejects beside it; on an error neither appears.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, Protocol, TextIO

from ...model import Result
from ..discover import Source
from ..readers import Document
from .compression import compressing
from .dolma import DolmaOutput
from .jsonline import json_line
from .provenance import record_fields, result_fields

if TYPE_CHECKING:
    from ..writers import BeforeCommit


class Output(Protocol):
    """Something documents are written to, in order."""

    def write(self, doc: Document, result: Result, extra: dict[str, Any] | None = None) -> None: ...


@dataclass(frozen=True)
class Plan:
    """Where and how one input is written: its form (``writers.output_format``) and paths."""

    source: Source
    form: str
    output: str
    codec: str | None
    level: str
    compress: str | None = None
    rejects: str | None = None
    attributes: str | None = None
    text_fields: tuple[str, ...] = ("text",)
    #: OUT: folders inside it are made one at a time and never followed if they are symlinks.
    root: str | None = None
    #: Runs before the last file of the input is renamed into place (writes its record).
    before_commit: BeforeCommit | None = None

    @property
    def one_document(self) -> bool:
        """The input is one document (txt/json/jsonl forms): a rejected one has no output, only its rejects file."""
        return self.form in LINES and self.form != "records"


def text_line(doc: Document, result: Result, level: str, extra: dict[str, Any]) -> str:
    """``--format txt``: the body and a final newline (nothing for an empty body)."""
    return result.text + "\n" if result.text else ""


def result_line(doc: Document, result: Result, level: str, extra: dict[str, Any]) -> str:
    """A JSON result: ``id``, ``path``, then the result's fields at ``level`` (``--format json``/``jsonl``)."""
    return json_line({"id": doc.id, "path": doc.path, **result_fields(result, level), **extra})


def record_line(doc: Document, result: Result, level: str, extra: dict[str, Any]) -> str:
    """A record with its text field cleaned, every other field untouched, provenance under ``cleaner``."""
    assert doc.record is not None
    record = dict(doc.record)
    record[doc.text_field] = result.text
    record["cleaner"] = {**record_fields(result, level, html=doc.kind == "html"), **extra}
    return json_line(record, default=_json_value)


def _json_value(value: Any) -> Any:
    """Values JSON has no type for (Parquet timestamps and bytes in a rejects line): their text."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


LINES: dict[str, Callable[[Document, Result, str, dict[str, Any]], str]] = {
    "txt": text_line,
    "json": result_line,
    "jsonl": result_line,
    "records": record_line,
}


class TextOutput:
    """Documents rendered as text (see :data:`LINES`) into a UTF-8 stream."""

    def __init__(self, handle: TextIO, form: str, level: str) -> None:
        self._handle = handle
        self._line = LINES[form]
        self._level = level

    def write(self, doc: Document, result: Result, extra: dict[str, Any] | None = None) -> None:
        """Add one document."""
        self._handle.write(self._line(doc, result, self._level, extra or {}))


def _text_stream(
    stack: ExitStack, path: str, codec: str | None, root: str | None = None, before_commit: BeforeCommit | None = None
) -> TextIO:
    """A UTF-8 text stream into a new atomic file at ``path`` (under OUT ``root``), compressed with ``codec``."""
    from ..writers import atomic_file

    raw: IO[bytes] = stack.enter_context(atomic_file(path, root, before_commit))
    binary = stack.enter_context(compressing(raw, codec))
    text = io.TextIOWrapper(binary, encoding="utf-8", newline="")  # type: ignore[type-var]

    def finish() -> None:
        text.flush()
        text.detach()  # the compressor and the file close on their own, in order

    stack.callback(finish)
    return text


def _open_form(
    stack: ExitStack, plan: Plan, path: str, rejects: bool = False, before_commit: BeforeCommit | None = None
) -> Output:
    """The output of ``plan``'s form at ``path``; ``before_commit`` runs before its (last) rename."""
    if plan.form == "parquet":
        from ..writers import atomic_file
        from .parquet import ParquetOutput

        raw = stack.enter_context(atomic_file(path, plan.root, before_commit))
        parquet = ParquetOutput(raw, plan.source, plan.text_fields, plan.level, plan.compress, rejects=rejects)
        stack.callback(parquet.close)
        return parquet
    if plan.form == "dolma":
        assert plan.attributes is not None
        documents = _text_stream(stack, path, plan.codec, plan.root, before_commit)  # renamed last
        attributes = _text_stream(stack, plan.attributes, plan.codec, plan.root)
        return DolmaOutput(documents, attributes)
    return TextOutput(_text_stream(stack, path, plan.codec, plan.root, before_commit), plan.form, plan.level)


class TaskOutputs:
    """The output of one input and, when a document is rejected, its rejects file (both opened when needed)."""

    def __init__(self, output_stack: ExitStack, rejects_stack: ExitStack, plan: Plan) -> None:
        self._output_stack = output_stack
        self._stack = rejects_stack
        self._plan = plan
        self._output: Output | None = None
        self._rejects: Output | None = None
        self._commit = plan.before_commit

    def write(self, doc: Document, result: Result) -> None:
        """Add a cleaned document to the output."""
        if self._output is None:
            self._output = _open_form(self._output_stack, self._plan, self._plan.output, before_commit=self._commit)
        self._output.write(doc, result)

    def finish(self) -> None:
        """Make sure the output exists: empty for an input without documents, unless its one document was rejected."""
        whole_rejected = self._rejects is not None and self._plan.one_document
        if self._output is None and not whole_rejected:
            self._output = _open_form(self._output_stack, self._plan, self._plan.output, before_commit=self._commit)

    def reject(self, doc: Document, result: Result, reason: str) -> None:
        """Send a document to the rejects file (records keep their form; a single document becomes a JSON line)."""
        if self._rejects is None:
            plan = self._plan
            path = plan.rejects
            assert path is not None, "--min-chars plans a rejects path"
            form = plan.form if plan.form in ("records", "parquet") else "jsonl"
            rejects = Plan(
                plan.source,
                form,
                path,
                plan.codec,
                plan.level,
                plan.compress,
                text_fields=plan.text_fields,
                root=plan.root,
            )
            commit = plan.before_commit if plan.one_document else None  # then the rejects file is the last
            self._rejects = _open_form(self._stack, rejects, path, rejects=True, before_commit=commit)
        self._rejects.write(doc, result, {"rejected": reason})


@contextmanager
def open_outputs(plan: Plan) -> Iterator[TaskOutputs]:
    """The outputs of one input, committed together (rejects first) when the block ends cleanly."""
    with ExitStack() as output_stack, ExitStack() as rejects_stack:
        outputs = TaskOutputs(output_stack, rejects_stack, plan)
        yield outputs
        outputs.finish()

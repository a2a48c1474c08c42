"""The unit of work: clean one input file into its output, return its counts and failures.

These functions are what every engine runs (process pool, Ray task, stdin filter), so outputs
are identical whichever engine wrote them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..config import Config
from ..model import Result
from ..pipeline import Cleaner
from .budget import DocumentTimeout, document_budget
from .discover import Source
from .failures import Failure
from .formats.jsonline import RenderError
from .formats.outputs import LINES, Plan, open_outputs
from .manifest import Stamp, remove_record, write_record
from .options import BatchOptions
from .readers import Document, Fields, Skipped, read_documents
from .report import FileOutcome
from .writers import BeforeCommit, output_compression, output_format


@dataclass(frozen=True, slots=True)
class Task:
    """One input file and the paths planned for it (strings: plans stay small).

    ``rejects``: where documents shorter than ``--min-chars`` go; ``attributes``: the dolma
    attribute file of ``--format dolma``; ``record``: where the worker writes what made the
    output (``manifest``; None for a remote OUT).
    """

    source: Source
    output: str
    rejects: str | None = None
    attributes: str | None = None
    #: A local OUT, whose inner folders are never followed if they are symlinks (None: not checked).
    root: str | None = None
    #: Where the output's record goes (``manifest``; None for a remote OUT).
    record: str | None = None


@lru_cache(maxsize=4)
def cleaner_for(config: Config) -> Cleaner:
    """One Cleaner per config per process: rules compile once per worker, not per file."""
    return Cleaner(config)


def clean_document(cleaner: Cleaner, doc: Document) -> Result:
    """Text goes to ``clean``, HTML bytes to ``clean_html`` (which detects the encoding)."""
    if doc.kind == "html":
        return cleaner.clean_html(doc.content)
    assert isinstance(doc.content, str)
    return cleaner.clean(doc.content)


def reject_reason(result: Result, min_chars: int) -> str | None:
    """Why a document goes to the rejects (its body is shorter than ``min_chars``), or None."""
    if min_chars and len(result.text) < min_chars:
        return f"the clean body has {len(result.text)} characters, fewer than --min-chars {min_chars}"
    return None


def render_output(doc: Document, result: Result, fmt: str, level: str = "full") -> str:
    """The text one document adds to a text output in format ``fmt`` (records stay records)."""
    form = "records" if doc.record is not None else fmt
    return LINES[form](doc, result, level, {})


def clean_items(
    items: Iterable[Document | Failure | Skipped],
    path: str,
    cleaner: Cleaner,
    outcome: FileOutcome,
    min_chars: int,
    budget: float = 0.0,
) -> Iterator[tuple[Document, Result, str | None]]:
    """Clean each document: ``(doc, result, reject reason or None)``; a bad record fails alone, anything else raises.

    ``budget``: seconds each document may take (``--doc-timeout``; 0: no limit).
    """
    for item in items:
        if isinstance(item, Failure):
            outcome.failures.append(item)
            continue
        if isinstance(item, Skipped):
            outcome.skipped += 1
            continue
        try:
            with document_budget(budget, item.line if item.record is not None else None):
                result = clean_document(cleaner, item)
        except (Exception, DocumentTimeout) as exc:
            if item.record is None:
                raise
            message = f"{item.unit} {item.line}: {exc}"
            outcome.failures.append(Failure(path, type(exc).__name__, message, item.line, item.id, item.unit))
            continue
        yield item, result, reject_reason(result, min_chars)


def render_failure(path: str, doc: Document, exc: RenderError) -> Failure:
    """The failure of one record whose output line could not be built."""
    where = f"{doc.unit} {doc.line}: " if doc.line is not None else ""
    return Failure(path, "RenderError", f"{where}{exc}", doc.line, doc.id, doc.unit)


def clean_into(
    items: Iterable[Document | Failure | Skipped],
    path: str,
    cleaner: Cleaner,
    options: BatchOptions,
    write: Callable[[str], object],
    outcome: FileOutcome,
) -> None:
    """Clean documents and ``write`` their text output (stdin filter, ``-o -``); rejects are counted, not written."""
    for doc, result, reason in clean_items(items, path, cleaner, outcome, options.min_chars, options.doc_timeout):
        if reason is not None:
            outcome.rejected += 1
            continue
        try:
            line = render_output(doc, result, options.format, options.provenance)
        except RenderError as exc:
            if doc.record is None:
                raise
            outcome.failures.append(render_failure(path, doc, exc))
            continue
        write(line)
        outcome.add(result)


def plan_for(task: Task, options: BatchOptions, before_commit: BeforeCommit | None = None) -> Plan:
    """How ``task`` is written under ``options``: its form, codec, provenance level and paths."""
    source = task.source
    return Plan(
        source,
        output_format(source, options.format),
        task.output,
        output_compression(source, options.compress, options.format),
        options.provenance,
        options.compress,
        task.rejects,
        task.attributes,
        options.text_fields,
        task.root,
        before_commit,
    )


def record_writer(task: Task, outcome: FileOutcome) -> BeforeCommit | None:
    """The hook that writes ``task``'s record (input stamp, committed file, failure lines) before its last rename.

    The input is stamped before it is read, so an input changed while it is cleaned is redone next time.
    """
    record = task.record
    if record is None:
        return None
    try:
        source = Stamp.of(task.source.path)
    except OSError:
        return None  # the reader reports it; without a record the input is retried

    def write(tmp: str, final: str) -> None:
        info = os.stat(tmp)
        committed = Stamp(os.path.abspath(final), info.st_size, info.st_mtime_ns)
        write_record(record, source, committed, outcome.failures, task.root)

    return write


def process_task(task: Task, options: BatchOptions) -> FileOutcome:
    """Clean one file into its output (atomically); any error becomes one failure and no output."""
    outcome = FileOutcome(task.source.path)
    fields = Fields(options.text_fields, options.id_field)
    try:
        with open_outputs(plan_for(task, options, record_writer(task, outcome))) as outputs:
            items = read_documents(task.source, fields, options.max_bytes)
            cleaner = cleaner_for(options.config)
            cleaned = clean_items(items, task.source.path, cleaner, outcome, options.min_chars, options.doc_timeout)
            for doc, result, reason in cleaned:
                try:
                    if reason is None:
                        outputs.write(doc, result)
                        outcome.add(result)
                    else:
                        outputs.reject(doc, result, reason)
                        outcome.rejected += 1
                except RenderError as exc:  # nothing of this record was written: it fails alone (item 3)
                    if doc.record is None:
                        raise
                    outcome.failures.append(render_failure(task.source.path, doc, exc))
    except (Exception, DocumentTimeout) as exc:
        if task.record is not None:
            remove_record(task.record)  # an old output of this input is no longer a finished one
        return FileOutcome(task.source.path, failures=[Failure.from_exception(task.source.path, exc)])
    outcome.output = task.output
    return outcome


def process_tasks(tasks: list[Task], options: BatchOptions) -> list[FileOutcome]:
    """A chunk of tasks in one call (fewer round trips to a worker)."""
    return [process_task(task, options) for task in tasks]

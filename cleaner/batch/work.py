"""The unit of work: clean one input file into its output, return its counts and failures.

These functions are what every engine runs (process pool, Ray task, stdin filter), so outputs
are identical whichever engine wrote them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TextIO

from ..config import Config
from ..model import Result
from ..pipeline import Cleaner
from .discover import Source
from .failures import Failure
from .readers import Document, read_documents
from .report import FileOutcome
from .writers import atomic_writer, output_format


@dataclass(frozen=True, slots=True)
class Task:
    """One input file and the output path planned for it (a string: plans stay small)."""

    source: Source
    output: str


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


def result_record(doc: Document, result: Result) -> dict[str, Any]:
    """The JSON result of a file: ``id`` and ``path``, then ``Result.to_dict()``."""
    return {"id": doc.id, "path": doc.path, **result.to_dict()}


def jsonl_record(doc: Document, result: Result) -> dict[str, Any]:
    """A JSONL input record with ``text`` cleaned, other fields untouched, provenance under ``cleaner``."""
    assert doc.record is not None
    record = dict(doc.record)
    record["text"] = result.text
    data = result.to_dict()
    record["cleaner"] = {key: data[key] for key in ("title", "pieces", "removals", "warnings")}
    return record


def render_output(doc: Document, result: Result, fmt: str) -> str:
    """The bytes (as text) one document adds to its output in format ``fmt``."""
    if doc.record is not None:
        return json.dumps(jsonl_record(doc, result), ensure_ascii=False) + "\n"
    if fmt == "txt":
        return result.text + "\n" if result.text else ""
    if fmt == "json":
        return json.dumps(result_record(doc, result), ensure_ascii=False) + "\n"
    return json.dumps(result_record(doc, result), ensure_ascii=False) + "\n"


def clean_into(
    items: Iterable[Document | Failure],
    path: str,
    cleaner: Cleaner,
    fmt: str,
    write: Callable[[str], object],
    outcome: FileOutcome,
) -> None:
    """Clean documents and ``write`` their output; a bad JSONL record fails alone, anything else raises."""
    for item in items:
        if isinstance(item, Failure):
            outcome.failures.append(item)
            continue
        try:
            result = clean_document(cleaner, item)
        except Exception as exc:
            if item.record is None:
                raise
            outcome.failures.append(Failure(path, type(exc).__name__, f"line {item.line}: {exc}", item.line))
            continue
        write(render_output(item, result, fmt))
        outcome.add(result)


def write_documents(source: Source, handle: TextIO, cleaner: Cleaner, fmt: str, outcome: FileOutcome) -> None:
    """Clean each document of ``source`` into ``handle``."""
    clean_into(read_documents(source), source.path, cleaner, fmt, handle.write, outcome)


def process_task(task: Task, fmt: str, config: Config) -> FileOutcome:
    """Clean one file into its output (atomically); any error becomes one failure and no output."""
    outcome = FileOutcome(task.source.path)
    try:
        with atomic_writer(task.output) as handle:
            write_documents(task.source, handle, cleaner_for(config), output_format(task.source, fmt), outcome)
    except Exception as exc:
        return FileOutcome(task.source.path, failures=[Failure.from_exception(task.source.path, exc)])
    outcome.output = task.output
    return outcome


def process_tasks(tasks: list[Task], fmt: str, config: Config) -> list[FileOutcome]:
    """A chunk of tasks in one call (fewer round trips to a worker)."""
    return [process_task(task, fmt, config) for task in tasks]

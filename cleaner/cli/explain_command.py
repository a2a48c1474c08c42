"""``cleaner explain FILE``: the input with removals coloured by label and rule ids beside them.

``--report page.html`` also writes the standalone HTML page (see :mod:`cleaner.report_html`).
The cleaning is the same code path as ``clean``; only the display differs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

from ..batch import Document, Source, classify, clean_document, cleaner_for, read_documents
from ..batch.discover import INPUT_SUFFIXES
from ..batch.failures import Failure
from ..batch.readers import Skipped
from ..batch.writers import atomic_writer
from ..errors import CleanerError, InputError
from ..model import Result
from ..report_html import COLOURS, label_counts, render_report, segments
from . import EXIT_FAILURES, EXIT_OK
from .clean_command import add_config_options, build_config


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``explain`` and its options."""
    parser = subparsers.add_parser(
        "explain",
        help="show what is removed from one file, and why",
        description="Print FILE (.txt, .html/.htm, .jsonl, optionally .gz) with each removal coloured by label "
        "and its rule id beside it; --report writes the same as a standalone HTML page.",
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--report", type=Path, metavar="PAGE.html", help="also write a standalone HTML page")
    parser.add_argument("--line", type=int, default=1, help="for a JSONL file: the line of the record (default 1)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no terminal view (with --report)")
    add_config_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Clean one document, show it, write the report when asked."""
    cleaner = cleaner_for(build_config(args).merged(exhaustive=True))  # exact labels; same decisions
    try:
        doc = load_document(args.file, args.line)
        result = clean_document(cleaner, doc)
    except InputError as exc:
        print(f"cleaner: {args.file}: {exc}", file=sys.stderr)
        return EXIT_FAILURES
    if args.report is not None:
        with atomic_writer(args.report) as handle:
            handle.write(render_report(result, args.file.name))
        print(f"report written to {args.report}", file=sys.stderr)
    if not args.quiet:
        show(result, Console(highlight=False))
    return EXIT_OK


def load_document(path: Path, line: int = 1) -> Document:
    """The document of ``path`` (the record at ``line``: JSONL line, WARC record, Parquet row) as ``clean`` reads it."""
    if not path.is_file():
        raise CleanerError(f"explain: {path} is not a file")
    kind = classify(path.name)
    if kind is None:
        raise CleanerError(f"explain: {path.name} is not an input format ({INPUT_SUFFIXES}; compressed or not)")
    source = Source(os.fspath(path), path.name, kind[0], kind[1])
    for item in read_documents(source):
        if isinstance(item, Failure):
            if item.line == line:
                raise InputError(item.message)
            continue
        if isinstance(item, Skipped):
            continue
        if item.line is None or item.line == line:
            return item
    raise CleanerError(f"explain: {path} has no record at line {line}")


def show(result: Result, console: Console) -> None:
    """The source with kept text plain and removals on their label's colour, rule id beside."""
    if result.title:
        console.print(Text.assemble(("title: ", "bold"), result.title))
    for warning in result.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"))
    view = Text()
    for segment in segments(result):
        text = result.source[segment.start : segment.end]
        removal = segment.removal
        if removal is None:
            view.append(text)
            continue
        view.append(text, style=f"#374151 on {COLOURS.get(removal.label, COLOURS['other'])}")
        view.append(f" [{removal.label} {removal.rule}]", style="dim italic")
    console.print(view)
    legend = Text("legend: ", style="bold")
    for label, count in label_counts(result).items():
        legend.append(f" {label} {count} ", style=f"black on {COLOURS.get(label, COLOURS['other'])}")
        legend.append(" ")
    console.print(legend)

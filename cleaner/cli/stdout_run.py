"""``cleaner clean PATH... -o -``: every output to stdout, in input order, for pipes and quick looks.

Each document's output is written as its file output would be (a text body and its newline,
a JSON result line, a record line); Parquet inputs come out as JSON lines, as stdout cannot
hold Parquet. There is no OUT, so no resume, no rejects file and no failures.jsonl: failures
go to stderr, one line each, and the exit status says whether there were any.
"""

from __future__ import annotations

import sys

from ..batch import BatchOptions, FileOutcome, discover
from ..batch.formats import require_readers
from ..batch.readers import Fields, read_documents
from ..batch.work import clean_into, cleaner_for
from ..errors import CleanerError
from . import EXIT_FAILURES, EXIT_OK


def run_to_stdout(paths: list[str], options: BatchOptions, quiet: bool = False) -> int:
    """Clean ``paths`` one by one in this process, writing to stdout; returns the exit status."""
    if options.format == "dolma":
        raise CleanerError("--format dolma writes two trees (documents/, attributes/): give -o a folder")
    found = discover(paths)
    if not found.sources and not found.failures:
        raise CleanerError(f"nothing to clean in {', '.join(paths)} (skipped {found.skipped_summary()})")
    require_readers(found.sources)
    cleaner = cleaner_for(options.config)
    fields = Fields(options.text_fields, options.id_field)
    failures = list(found.failures)
    rejected = 0
    for source in found.sources:
        outcome = FileOutcome(source.path)
        try:
            clean_into(
                read_documents(source, fields, options.max_bytes),
                source.path,
                cleaner,
                options,
                sys.stdout.write,
                outcome,
            )
        except Exception as exc:
            from ..batch import Failure

            outcome.failures.append(Failure.from_exception(source.path, exc))
        failures.extend(outcome.failures)
        rejected += outcome.rejected
    sys.stdout.flush()
    for failure in failures:
        where = f" {failure.unit} {failure.line}" if failure.line is not None else ""
        print(f"cleaner: {failure.path}{where}: {failure.error}: {failure.message}", file=sys.stderr)
    if rejected and not quiet:
        print(f"cleaner: {rejected} document(s) shorter than --min-chars {options.min_chars} left out", file=sys.stderr)
    return EXIT_FAILURES if failures else EXIT_OK

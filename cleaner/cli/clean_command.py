"""``cleaner clean``: clean files and folders into OUT (or stdin to stdout), with a closing report."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from ..batch import FORMATS, BatchOptions, BatchReport, clean_stream, default_jobs, run_batch
from ..batch.budget import DEFAULT_DOC_TIMEOUT
from ..batch.formats.compression import CHOICES as COMPRESSIONS
from ..batch.formats.remote import is_remote
from ..batch.limits import MAX_BYTES
from ..batch.options import PROVENANCE
from ..config import Config
from ..errors import CleanerError, Stopped
from ..model import LABELS
from . import EXIT_FAILURES, EXIT_OK, EXIT_USAGE

DESCRIPTION = """\
Clean .txt, .html/.htm, .jsonl (.ndjson, dolma's .json.gz), Common Crawl .warc.wet and .warc,
and .parquet files, each but Parquet possibly compressed (.gz, .zst, .bz2, .xz); folders and
globs are walked, other files ignored. Paths may be remote (s3://, gs://, hf://: the [remote]
extra). Outputs mirror the input tree under OUT, relative to the deepest folder holding all
PATHs, and keep each input's compression (--compress changes it). Names: a.txt / a.html ->
a.txt (--format txt: the body text), a.json (json: the result with provenance, "id" and
"path"), a.jsonl (jsonl: the same on one line). Record inputs stay records whatever the
format: a.jsonl, a.warc.wet and a.warc -> a.jsonl (each record with its text cleaned and
provenance under "cleaner"), a.parquet -> a.parquet (a struct column "cleaner"). --format
dolma writes OUT/documents/ untouched and OUT/attributes/cleaner/ span files for dolma's mixer.
If two inputs would share an output name, the later one keeps its full name (a.html.txt).

Every input ends in an output or a line of OUT/failures.jsonl (path, error, message; line,
record or row for a record). A rerun skips inputs whose output exists and is newer (--force
redoes them). "-" reads stdin and writes stdout; -o - writes every output to stdout. Reports
and progress go to stderr. Exit status: 0 all cleaned, 1 some inputs failed (the rest are
done; also when failures.jsonl keeps failures of earlier runs), 2 bad usage (also: nothing to
clean in the PATHs), 130 / 143 stopped by Ctrl-C / SIGTERM (finished outputs are kept; rerun to
resume).
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``clean`` and its options."""
    parser = subparsers.add_parser(
        "clean",
        help="clean files and folders into OUT",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or globs to clean, or - for stdin")
    parser.add_argument("--input-list", metavar="FILE", help="a file naming one input PATH per line (adds to PATH)")
    parser.add_argument(
        "-o",
        "--out",
        metavar="OUT",
        help="output folder, s3://bucket/prefix, or - for stdout (required unless PATH is -)",
    )
    parser.add_argument("--format", choices=FORMATS, default="txt", help="output format (default: txt)")
    parser.add_argument(
        "--compress", choices=COMPRESSIONS, help="compress every output so (default: as its input; none: plain)"
    )
    parser.add_argument(
        "--provenance",
        choices=PROVENANCE,
        default="full",
        help="full: everything; spans: offsets without reasons or copies; none: just text and title (default: full)",
    )
    parser.add_argument(
        "--min-chars", type=int, default=0, metavar="N", help="documents whose clean body is shorter go to OUT/rejects/"
    )
    parser.add_argument(
        "--text-field",
        action="append",
        metavar="NAME",
        help="the records' text field, e.g. raw_content (repeatable: the first a record has; default: text)",
    )
    parser.add_argument("--id-field", default="id", metavar="NAME", help="the records' id field (default: id)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: the number of cores)")
    parser.add_argument("--force", action="store_true", help="redo inputs whose output already exists")
    parser.add_argument(
        "--max-bytes",
        type=byte_size,
        default=MAX_BYTES,
        metavar="N",
        help="the most decompressed bytes of one document (a file, a JSONL line, a WARC record); "
        "larger ones fail unread (default: 1G; K, M, G suffixes)",
    )
    parser.add_argument(
        "--doc-timeout",
        type=float,
        default=DEFAULT_DOC_TIMEOUT,
        metavar="SECONDS",
        help=f"a document taking longer fails alone (0: no limit; default: {DEFAULT_DOC_TIMEOUT:g})",
    )
    add_config_options(parser)
    parser.add_argument("--engine", choices=("local", "ray"), default="local", help="local processes or a Ray cluster")
    parser.add_argument("--address", metavar="ADDR", help="Ray cluster address (with --engine ray)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no closing report")
    parser.add_argument("--verbose", "-v", action="store_true", help="a line per file on stderr as it finishes")
    parser.set_defaults(run=run)


def add_config_options(parser: argparse.ArgumentParser) -> None:
    """``--config``, ``--rules``, ``--disable``, ``--keep``: the settings of the Cleaner (see build_config)."""
    parser.add_argument("--config", type=Path, metavar="FILE", help="a TOML file of Config settings")
    parser.add_argument(
        "--rules", action="append", default=[], type=Path, metavar="PACK.toml", help="an extra rule pack (repeatable)"
    )
    parser.add_argument("--disable", action="append", default=[], metavar="RULE_ID", help="switch a rule off")
    parser.add_argument(
        "--keep", action="append", default=[], choices=LABELS, metavar="LABEL", help="keep a label in the body"
    )
    parser.add_argument(
        "--language", metavar="LANG", help="the texts' language (a jusText name such as German, or a code such as de)"
    )


def build_config(args: argparse.Namespace) -> Config:
    """``--config`` first, then the command-line additions on top (collections are unioned)."""
    base = Config.from_toml(args.config) if args.config else Config()
    changes = {"packs": tuple(args.rules), "disable": frozenset(args.disable), "keep": frozenset(args.keep)}
    if args.language:
        changes["language"] = args.language
    return base.merged(**changes)


def run(args: argparse.Namespace) -> int:
    """Run the batch (or the stdin filter) and print the closing report (on stderr)."""
    config = build_config(args)
    jobs = default_jobs() if args.jobs is None else args.jobs
    options = BatchOptions(
        args.format,
        jobs,
        args.force,
        config,
        progress=sys.stderr.isatty(),
        text_fields=tuple(args.text_field or ["text"]),
        id_field=args.id_field,
        compress=args.compress,
        provenance=args.provenance,
        min_chars=args.min_chars,
        verbose=args.verbose,
        max_bytes=args.max_bytes,
        doc_timeout=args.doc_timeout,
    )
    inputs = [*args.paths, *(read_input_list(args.input_list) if args.input_list else [])]
    if not inputs:
        raise CleanerError("clean: name at least one PATH (or - for stdin, or --input-list FILE)")
    paths = [p for p in inputs if p != "-"]
    status = EXIT_OK
    if "-" in inputs:
        status = _run_stdin(options)
    if not paths:
        return status
    if args.out is None:
        raise CleanerError("clean: -o OUT is required for files and folders (-o - writes to stdout)")
    if args.out == "-":
        from .stdout_run import run_to_stdout

        return run_to_stdout(paths, options, quiet=args.quiet) or status
    out: str | Path = args.out if is_remote(args.out) else Path(args.out)
    try:
        with _stop_on_sigterm():
            report = _run_files(paths, out, options, args.engine, args.address)
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (Stopped): the workers are stopped already
        signum = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
        what = "terminated" if signum == signal.SIGTERM else "interrupted"
        print(
            f"cleaner: {what}; finished outputs in {out} are kept: run the same command again to resume",
            file=sys.stderr,
        )
        return 128 + int(signum)
    if report is None:
        return EXIT_USAGE
    if not args.quiet:
        from rich.console import Console

        report.render(Console(stderr=True))
    return EXIT_FAILURES if report.failures or report.failures_kept or status else EXIT_OK


def byte_size(value: str) -> int:
    """``--max-bytes``: a number of bytes, with an optional K, M or G (powers of 1024)."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = value.strip().upper().removesuffix("B").removesuffix("I")
    scale = units.get(text[-1:], 1)
    try:
        size = int(text[:-1] if scale > 1 else text) * scale
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 500M or 2G)") from None
    if size < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte, not {value!r}")
    return size


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM raises :class:`Stopped` (a KeyboardInterrupt), so a terminated run stops as Ctrl-C does."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Stopped(signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def read_input_list(path: str) -> list[str]:
    """The PATHs of an ``--input-list`` file: one per line; blank lines and ``#`` comments are skipped."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = [line.strip() for line in handle]
    except (OSError, UnicodeDecodeError) as exc:
        raise CleanerError(f"--input-list {path}: cannot read: {exc}") from exc
    return [line for line in lines if line and not line.startswith("#")]


def _run_files(
    paths: list[str], out: str | Path, options: BatchOptions, engine: str, address: str | None
) -> BatchReport | None:
    if engine == "local":
        if address:
            raise CleanerError("--address needs --engine ray")
        return run_batch(paths, out, options)
    try:
        import ray  # noqa: F401
    except ImportError:
        print("Ray is not installed: pip install 'cleaner[ray]'", file=sys.stderr)
        return None
    from ..integrations.ray import run_batch as ray_run_batch

    return ray_run_batch(paths, out, options, address)  # type: ignore[no-any-return]


def _run_stdin(options: BatchOptions) -> int:
    outcome = clean_stream(sys.stdin.buffer, options, sys.stdout.write)
    sys.stdout.flush()
    for failure in outcome.failures:
        where = f" line {failure.line}" if failure.line is not None else ""
        print(f"cleaner: -{where}: {failure.error}: {failure.message}", file=sys.stderr)
    return EXIT_FAILURES if outcome.failures else EXIT_OK

"""``cleaner clean``: clean files and folders into OUT (or stdin to stdout), with a closing report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..batch import FORMATS, BatchOptions, BatchReport, clean_stream, default_jobs, run_batch
from ..config import Config
from ..errors import CleanerError
from ..model import LABELS
from . import EXIT_FAILURES, EXIT_OK, EXIT_USAGE

DESCRIPTION = """\
Clean .txt, .html/.htm and .jsonl files (each possibly .gz); folders are walked, other files
ignored. Outputs mirror the input tree under OUT, relative to the deepest folder holding all
PATHs. Names: a.txt / a.html(.gz) -> a.txt (--format txt: the body text), a.json (json: the
result with provenance, "id" and "path"), a.jsonl (jsonl: the same on one line); a.jsonl ->
a.jsonl whatever the format (each record with "text" cleaned and provenance under "cleaner").
If two inputs would share an output name, the later one keeps its full name (a.html.txt).

Every input ends in an output or a line of OUT/failures.jsonl (path, error, message; line for
a JSONL record). A rerun skips inputs whose output exists and is newer (--force redoes them).
"-" reads stdin and writes stdout. Exit status: 0 all cleaned, 1 some inputs failed (the rest
are done), 2 bad usage.
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``clean`` and its options."""
    parser = subparsers.add_parser(
        "clean",
        help="clean files and folders into OUT",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to clean, or - for stdin")
    parser.add_argument("-o", "--out", type=Path, help="output folder (required unless PATH is only -)")
    parser.add_argument("--format", choices=FORMATS, default="txt", help="output format (default: txt)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: the number of cores)")
    parser.add_argument("--force", action="store_true", help="redo inputs whose output already exists")
    add_config_options(parser)
    parser.add_argument("--engine", choices=("local", "ray"), default="local", help="local processes or a Ray cluster")
    parser.add_argument("--address", metavar="ADDR", help="Ray cluster address (with --engine ray)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no closing report")
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


def build_config(args: argparse.Namespace) -> Config:
    """``--config`` first, then the command-line additions on top (collections are unioned)."""
    base = Config.from_toml(args.config) if args.config else Config()
    return base.merged(packs=tuple(args.rules), disable=frozenset(args.disable), keep=frozenset(args.keep))


def run(args: argparse.Namespace) -> int:
    """Run the batch (or the stdin filter) and print the closing report."""
    config = build_config(args)
    jobs = default_jobs() if args.jobs is None else args.jobs
    options = BatchOptions(args.format, jobs, args.force, config, progress=sys.stderr.isatty())
    paths = [p for p in args.paths if p != "-"]
    status = EXIT_OK
    if "-" in args.paths:
        status = _run_stdin(options)
    if not paths:
        return status
    if args.out is None:
        raise CleanerError("clean: -o OUT is required for files and folders")
    report = _run_files(paths, args.out, options, args.engine, args.address)
    if report is None:
        return EXIT_USAGE
    if not args.quiet:
        from rich.console import Console

        report.render(Console(stderr="-" in args.paths))
    return EXIT_FAILURES if report.failures or status else EXIT_OK


def _run_files(
    paths: list[str], out: Path, options: BatchOptions, engine: str, address: str | None
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

    return ray_run_batch([Path(p) for p in paths], out, options, address)  # type: ignore[no-any-return]


def _run_stdin(options: BatchOptions) -> int:
    outcome = clean_stream(sys.stdin.buffer.read(), options.format, options.config, sys.stdout.write)
    sys.stdout.flush()
    for failure in outcome.failures:
        where = f" line {failure.line}" if failure.line is not None else ""
        print(f"cleaner: -{where}: {failure.error}: {failure.message}", file=sys.stderr)
    return EXIT_FAILURES if outcome.failures else EXIT_OK

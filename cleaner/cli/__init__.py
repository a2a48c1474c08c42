"""The ``cleaner`` command: one module per subcommand, each with ``add_parser`` and ``run``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from ..errors import CleanerError

#: Exit status: everything done / some inputs failed (the rest are done) / bad usage.
EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
#: Exit status when the reader of stdout went away (128 + SIGPIPE, as a shell reports it).
EXIT_BROKEN_PIPE = 141


def _subcommands() -> list[ModuleType]:
    from . import clean_command, eval_command, explain_command, rules_command

    return [clean_command, explain_command, rules_command, eval_command]


def _engine_build() -> str:
    """Which engine build runs: compiled (Cython) or pure Python, and why pure."""
    from ..engine import native

    status = native.status()
    if all(status.values()):
        return "compiled engine"
    if native.pure_requested():
        return f"pure-Python engine: {native.PURE_VARIABLE} is set"
    if any(status.values()):
        return "partly compiled engine: " + ", ".join(name for name, done in status.items() if not done) + " as Python"
    return "pure-Python engine: built without a C compiler"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner",
        description="Strip boilerplate from scraped articles, with provenance offsets.",
    )
    parser.add_argument("--version", action="version", version=f"cleaner {__version__} ({_engine_build()})")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in _subcommands():
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except CleanerError as exc:
        print(f"cleaner: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`cleaner rules | head`): stop quietly as Unix tools do, and point
        # stdout at /dev/null so that the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE

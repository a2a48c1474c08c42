"""``cleaner eval GOLD_DIR``: precision, recall and F1 against span gold or an AEB folder."""

from __future__ import annotations

import argparse
import json

from rich.console import Console
from rich.table import Table

from ..batch import default_jobs
from ..evaluate import MODES, Evaluation, Prf, evaluate_folder
from . import EXIT_OK
from .clean_command import add_config_options, build_config


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``eval`` and its options."""
    parser = subparsers.add_parser(
        "eval",
        help="precision / recall / F1 against gold labels",
        description="Score against GOLD_DIR: span gold (NAME.txt + NAME.gold.json, as corpus/seeds) gives "
        "line-label P/R/F1 per label and per document; an AEB folder (ground-truth.json + html/, as corpus/aeb) "
        "gives the benchmark's shingle P/R/F1, in text mode (page flattened by html-text, then clean) or "
        "--mode html (clean_html).",
    )
    parser.add_argument("gold", metavar="GOLD_DIR")
    parser.add_argument("--mode", choices=MODES, default="text", help="AEB only: text (default) or html")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes for AEB (default: cores)")
    add_config_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Evaluate and print the tables (or JSON)."""
    jobs = default_jobs() if args.jobs is None else max(1, args.jobs)
    evaluation = evaluate_folder(args.gold, args.mode, build_config(args), jobs)
    if args.json:
        print(json.dumps(evaluation.to_dict(), indent=1))
    else:
        show(evaluation, Console(highlight=False))
    return EXIT_OK


def show(evaluation: Evaluation, console: Console) -> None:
    """The overall score, then per-label and per-document tables."""
    overall = evaluation.overall
    what = "body lines kept vs removed" if evaluation.kind == "span" else f"AEB shingles, {evaluation.mode} mode"
    console.print(
        f"[bold]{what}[/]: P {overall.precision:.3f}  R {overall.recall:.3f}  F1 {overall.f1:.3f}  "
        f"({overall.support} {'body lines' if evaluation.kind == 'span' else 'pages'})"
    )
    if evaluation.per_label:
        console.print(_table("per label (line labels)", "label", evaluation.per_label))
    console.print(_table("per document", "document", evaluation.per_document))


def _table(title: str, key: str, rows: dict[str, Prf]) -> Table:
    table = Table(title=title, title_justify="left", show_edge=False)
    table.add_column(key)
    for name in ("P", "R", "F1", "n"):
        table.add_column(name, justify="right")
    for name, prf in rows.items():
        table.add_row(name, f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}", str(prf.support))
    return table

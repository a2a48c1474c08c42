"""Counts of a batch: per file (FileOutcome, returned by workers) and for the run (BatchReport)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table

from ..model import Result
from .failures import Failure


@dataclass
class FileOutcome:
    """What happened to one input file; small, so it crosses process boundaries cheaply."""

    path: str
    output: str | None = None
    documents: int = 0
    chars_kept: int = 0
    chars_removed: int = 0
    by_label: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    #: Documents sent to the rejects (``--min-chars``), and records that are no documents (non-HTML responses).
    rejected: int = 0
    skipped: int = 0

    def add(self, result: Result) -> None:
        """Count one cleaned document."""
        self.documents += 1
        self.chars_kept += sum(p.length for p in result.pieces)
        for removal in result.removals:
            self.chars_removed += removal.end - removal.start
            self.by_label[removal.label] += 1
            self.by_rule[removal.rule] += 1


@dataclass
class BatchReport:
    """The closing report: files, documents, characters, removals per label and rule, failures, time."""

    files_total: int = 0
    files_done: int = 0
    files_skipped: int = 0
    files_failed: int = 0
    documents: int = 0
    documents_failed: int = 0
    documents_rejected: int = 0
    records_skipped: int = 0
    chars_kept: int = 0
    chars_removed: int = 0
    by_label: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    out: str | None = None
    #: Old failures.jsonl lines kept for inputs this run skipped (done before, with failed records).
    failures_kept: int = 0

    @property
    def failures(self) -> int:
        """Lines written to failures.jsonl in this run (files plus JSONL records)."""
        return self.files_failed + self.documents_failed

    def add(self, outcome: FileOutcome) -> None:
        """Fold one file's outcome in: done when it has an output, failed otherwise."""
        if outcome.output is None:
            self.files_failed += 1
            self.documents_failed += max(0, len(outcome.failures) - 1)
        else:
            self.files_done += 1
            self.documents_failed += len(outcome.failures)
        self.documents += outcome.documents
        self.documents_rejected += outcome.rejected
        self.records_skipped += outcome.skipped
        self.chars_kept += outcome.chars_kept
        self.chars_removed += outcome.chars_removed
        self.by_label.update(outcome.by_label)
        self.by_rule.update(outcome.by_rule)

    def add_failure(self, failure: Failure) -> None:
        """A path that failed before any reading (found while walking)."""
        self.files_total += 1
        self.files_failed += 1

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data (for ``--json``-style consumers and tests)."""
        return {
            "files": {
                "total": self.files_total,
                "cleaned": self.files_done,
                "skipped": self.files_skipped,
                "failed": self.files_failed,
            },
            "documents": {
                "cleaned": self.documents,
                "failed": self.documents_failed,
                "rejected": self.documents_rejected,
                "skipped": self.records_skipped,
            },
            "chars": {"kept": self.chars_kept, "removed": self.chars_removed},
            "removals_by_label": dict(self.by_label.most_common()),
            "removals_by_rule": dict(self.by_rule.most_common()),
            "failures": self.failures,
            "failures_kept": self.failures_kept,
            "seconds": round(self.seconds, 3),
        }

    def render(self, console: Console, top_rules: int = 20) -> None:
        """Print the summary: totals, then removals per label and per rule id."""
        rate = self.documents / self.seconds if self.seconds > 0 else 0.0
        total_chars = self.chars_kept + self.chars_removed
        share = 100.0 * self.chars_removed / total_chars if total_chars else 0.0
        console.print(
            f"[bold]files[/]      {self.files_done} cleaned, {self.files_skipped} skipped (done before), "
            f"{self.files_failed} failed, of {self.files_total}"
        )
        extra = f", {self.documents_rejected} rejected (shorter than --min-chars)" if self.documents_rejected else ""
        if self.records_skipped:
            extra += f", {self.records_skipped} records skipped (WARC responses that are not HTML pages)"
        console.print(f"[bold]documents[/]  {self.documents} cleaned, {self.documents_failed} failed records{extra}")
        console.print(f"[bold]chars[/]      {self.chars_kept:,} kept, {self.chars_removed:,} removed ({share:.1f}%)")
        console.print(f"[bold]time[/]       {self.seconds:.1f} s, {rate:.1f} docs/s")
        if self.by_label:
            console.print(_table("removals per label", "label", self.by_label, len(self.by_label)))
            console.print(_table("removals per rule", "rule id", self.by_rule, top_rules))
        if self.failures and self.out is not None:
            console.print(f"[red]{self.failures} failure(s)[/]: see {self.out}/failures.jsonl")
        if self.failures_kept and self.out is not None:
            console.print(
                f"[red]{self.failures_kept} failure(s) of earlier runs[/] still in {self.out}/failures.jsonl "
                "(their inputs were skipped as done; --force redoes them)"
            )


def _table(title: str, key: str, counts: Counter[str], limit: int) -> Table:
    table = Table(title=title, title_justify="left", show_edge=False)
    table.add_column(key)
    table.add_column("removals", justify="right")
    for name, count in counts.most_common(limit):
        table.add_row(name, str(count))
    if len(counts) > limit:
        table.add_row(f"... {len(counts) - limit} more", str(sum(c for _, c in counts.most_common()[limit:])))
    return table

"""Failure and CheckReport: what check_rule found, printable with the failing article marked."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Removal, Result
from .article import Article

_WIDTH = 96


@dataclass(frozen=True)
class Failure:
    """One way a rule failed its checks, with the (shrunk) article that shows it when there is one."""

    rule: str
    #: ``invalid`` (pack does not load), ``example``, ``timeout``, ``body`` (removes article text),
    #: ``missed`` (leaves its own example), ``contract``, ``idempotence`` or ``error``.
    kind: str
    message: str
    article: Article | None = None
    #: What the cleaner made of ``article`` (the rule alone, or for contract failures the full set).
    result: Result | None = None
    #: Indices into ``article.spans`` of the offending lines.
    marked: tuple[int, ...] = ()
    #: Which cleaner produced ``result``: the rule alone, or all rules.
    cleaned_with: str = "this rule alone"

    def format(self) -> str:
        """The failure as text: the message, then the article line by line, offenders marked ``>>``."""
        lines = [f"FAIL {self.rule}: {self.message}"]
        if self.article is not None:
            lines.append(f"  minimal failing article ({self.article.language}); '>>' marks the offending line:")
            lines.extend(_article_lines(self.article, self.result, self.marked, self.cleaned_with))
        return "\n".join(lines)


@dataclass(frozen=True)
class CheckReport:
    """The outcome of ``check_rule``: the rules checked and their failures."""

    rules: tuple[str, ...]
    failures: tuple[Failure, ...]
    #: Generated articles per rule (hypothesis ``max_examples``).
    max_examples: int = 0
    #: Engine problems seen on the way that the checked rules did not cause.
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failures

    def __bool__(self) -> bool:
        return self.ok

    def failed(self, rule_id: str) -> tuple[Failure, ...]:
        """The failures of one rule."""
        return tuple(f for f in self.failures if f.rule == rule_id)

    def format(self) -> str:
        """PASS/FAIL per rule, each failure with its article, then the verdict."""
        out: list[str] = []
        for rule_id in self.rules:
            failures = self.failed(rule_id)
            if not failures:
                out.append(f"PASS {rule_id}")
            out.extend(f.format() for f in failures)
        out.extend(f.format() for f in self.failures if f.rule not in self.rules)
        out.extend(f"note: {note}" for note in self.notes)
        verdict = "ok" if self.ok else f"{len(self.failures)} failure(s)"
        out.append(f"{len(self.rules)} rule(s) checked, up to {self.max_examples} generated articles each: {verdict}")
        return "\n".join(out)

    def raise_for_failures(self) -> None:
        """Raise ``AssertionError`` with the formatted report when any rule failed."""
        if not self.ok:
            raise AssertionError(self.format())


def _clip(text: str, width: int = _WIDTH) -> str:
    text = text.replace("\t", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _verdict(result: Result | None, start: int, end: int) -> str:
    if result is None:
        return ""
    removal = _covering(result.removals, start, end)
    if removal is None:
        return "kept"
    return f"{removal.label} ({removal.rule})"


def _covering(removals: tuple[Removal, ...], start: int, end: int) -> Removal | None:
    return next((r for r in removals if r.start < end and start < r.end), None)


def _article_lines(article: Article, result: Result | None, marked: tuple[int, ...], cleaned_with: str) -> list[str]:
    """One row per gold line: marker, gold label, what the cleaner did, the text."""
    rows = [("", "gold", f"cleaned with {cleaned_with}", "line")]
    for index, span in enumerate(article.spans):
        mark = ">>" if index in marked else ""
        rows.append((mark, span.label, _verdict(result, span.start, span.end), _clip(span.text)))
    gold_width = max(len(r[1]) for r in rows)
    verdict_width = max(len(r[2]) for r in rows)
    lines = [f"  {m:>2} {g:<{gold_width}}  {v:<{verdict_width}}  | {t}" for m, g, v, t in rows]
    for index in marked:
        span = article.spans[index]
        removal = None if result is None else _covering(result.removals, span.start, span.end)
        if removal is not None:
            lines.append(f"     >> why: {_clip(removal.reason, 2 * _WIDTH)}")
    return lines

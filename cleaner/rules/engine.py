"""RuleSet: apply many rules to a block fast (one combined prefilter search, then the rules in order)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .pack import Rule


@dataclass(frozen=True, slots=True)
class RuleMatch:
    """The rule that claimed a block and the text it matched (the evidence)."""

    rule: Rule
    matched: str

    @property
    def reason(self) -> str:
        evidence = self.matched.strip()
        if len(evidence) > 60:
            evidence = evidence[:57] + "..."
        return f"{self.rule.why} Matched {evidence!r}."


class RuleSet:
    """An ordered set of rules; the first rule (pack order) that matches a block claims it."""

    def __init__(self, rules: Sequence[Rule], timeout: float) -> None:
        self.rules = tuple(rules)
        self.timeout = timeout
        self._prefilter = None
        if self.rules:
            try:
                self._prefilter = regex.compile("|".join(rule.scoped_pattern() for rule in self.rules))
            except regex.error:
                self._prefilter = None  # a rule's inline flags cannot be combined: check one by one

    def __getstate__(self) -> dict[str, object]:
        return {"rules": self.rules, "timeout": self.timeout}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["rules"], state["timeout"])  # type: ignore[misc, arg-type]

    def match(self, text: str, language: str | None, warnings: list[str]) -> RuleMatch | None:
        """The first rule matching ``text``; a rule that times out is skipped with a warning.

        ``warnings`` belongs to one document: a rule that already timed out in it (its warning is
        there) is not run again on that document, so a page of pathological lines costs a few
        time limits, not one per line.
        """
        slow = _timed_out_rules(warnings)
        if self._prefilter is not None and not slow:
            try:
                if self._prefilter.search(text, timeout=self.timeout) is None:
                    return None
            except TimeoutError:
                pass  # some rule is slow on this text: find out which one below
        for rule in self.rules:
            if rule.id in slow or not rule.applies_to(text, language):
                continue
            try:
                found = rule.search(text, self.timeout)
            except TimeoutError:
                warnings.append(timeout_warning(rule.id, self.timeout, len(text)))
                slow = slow | {rule.id}
                continue
            if found is not None:
                return RuleMatch(rule, found.group(0))
        return None


_TIMEOUT_PREFIX = "rule "
_TIMEOUT_MARK = " hit its "


def timeout_warning(rule_id: str, timeout: float, length: int) -> str:
    """The warning for a rule abandoned on a block; ``_timed_out_rules`` reads it back."""
    return (
        f"{_TIMEOUT_PREFIX}{rule_id}{_TIMEOUT_MARK}{timeout:g}s regex time limit on a block of {length} "
        "characters; the block was left as it was and the rule was skipped for the rest of the document"
    )


def timed_out_rule(warning: str) -> str | None:
    """The rule id of a time-limit warning, or None for any other warning."""
    if warning.startswith(_TIMEOUT_PREFIX) and _TIMEOUT_MARK in warning:
        return warning[len(_TIMEOUT_PREFIX) : warning.index(_TIMEOUT_MARK)]
    return None


def _timed_out_rules(warnings: Sequence[str]) -> frozenset[str]:
    if not warnings:
        return frozenset()
    return frozenset(rule_id for w in warnings if (rule_id := timed_out_rule(w)) is not None)

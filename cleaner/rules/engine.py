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
        """The first rule matching ``text``; a rule that times out is skipped with a warning."""
        if self._prefilter is not None:
            try:
                if self._prefilter.search(text, timeout=self.timeout) is None:
                    return None
            except TimeoutError:
                pass  # some rule is slow on this text: find out which one below
        for rule in self.rules:
            if not rule.applies_to(text, language):
                continue
            try:
                found = rule.search(text, self.timeout)
            except TimeoutError:
                warnings.append(
                    f"rule {rule.id} hit its {self.timeout:g}s regex time limit on a block of "
                    f"{len(text)} characters; the block was left as it was"
                )
                continue
            if found is not None:
                return RuleMatch(rule, found.group(0))
        return None

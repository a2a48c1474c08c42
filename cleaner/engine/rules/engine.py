"""RuleSet: apply many rules to a block fast: rules are grouped by language once, and a rule's
regex runs only on the blocks its gates let through (``prefilter``: most article paragraphs are
longer than any boilerplate line, and most lines lack the words a rule needs)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from .limits import check_timeout
from .pack import WORD_RE, Rule
from .prefilter import NO_LIMIT, Gate, Gates, candidates


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


class _Entry(NamedTuple):
    """One rule as the search loop reads it: plain tuple fields instead of attribute lookups."""

    search: Any
    rule: Rule


class RuleSet:
    """An ordered set of rules; the first rule (pack order) that matches a block claims it.

    A rule's regex runs on a block only when the block passes the rule's gates (``prefilter``:
    its language, its ``max_words``, and the prefixes and required strings its pattern proves
    every match has). (A combined "any rule" regex was measured slower: it loses each pattern's
    own required-string check in ``regex``.) Every search has the regex time limit
    ``timeout``, whatever the block's length (it costs ~2.5 µs a search, ~3% of text mode; a
    probe that exempted short blocks let a rule it misjudged hang ``clean``).

    ``use_literals=False`` turns the prefix and required-string gates off (the same matches,
    slower: the tests compare both).
    """

    def __init__(self, rules: Sequence[Rule], timeout: float, use_literals: bool = True) -> None:
        self.rules = tuple(rules)
        self.timeout = check_timeout(timeout, "RuleSet's regex time limit")
        self.use_literals = use_literals
        self._count_words = any(rule.max_words is not None for rule in self.rules)
        self._by_language: dict[tuple[str, ...], Gates] = {}

    def __getstate__(self) -> dict[str, object]:
        return {"rules": self.rules, "timeout": self.timeout, "use_literals": self.use_literals}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["rules"], state["timeout"], state.get("use_literals", True))  # type: ignore[misc, arg-type]

    def match(
        self, text: str, language: str | Sequence[str] | None, warnings: list[str], words: int | None = None
    ) -> RuleMatch | None:
        """The first rule matching ``text``; a rule that times out is skipped with a warning.

        A ``where = "outside"`` rule only gives evidence, so its match does not hide a later
        rule that claims the block outright (a user pack's rule after the built-ins, say): the
        first claiming match wins, else the first evidence-only match.

        ``warnings`` belongs to one document: a rule that already timed out in it (its warning is
        there) is not run again on that document, so a page of pathological lines costs one
        time limit per slow rule, not one per line.

        ``words`` is ``len(WORD_RE.findall(text))`` when the caller has it (the page's features).
        ``language``: the page's language, or several (its plausible ones): a rule marked for
        any of them runs. None or an empty sequence: unknown, every rule runs.
        """
        slow = _timed_out_rules(warnings)
        if words is None:
            words = len(WORD_RE.findall(text)) if self._count_words else 0
        timeout = self.timeout
        evidence: RuleMatch | None = None
        for search, rule in candidates(self._for_language(language), text, words):
            if slow and rule.id in slow:
                continue
            try:
                # Rule.search, inlined: this loop is the hot path.
                found = search(text, timeout=timeout)
            except TimeoutError:
                warnings.append(timeout_warning(rule.id, self.timeout, len(text)))
                slow = slow | {rule.id}
                continue
            if found is None:
                continue
            if rule.where != "outside":
                return RuleMatch(rule, found.group(0))
            if evidence is None:
                evidence = RuleMatch(rule, found.group(0))
        return evidence

    def _for_language(self, language: str | Sequence[str] | None) -> Gates:
        """The gates of the rules that run on pages of ``language`` (all of them when it is
        unknown), in order."""
        key = _language_key(language)
        gates = self._by_language.get(key)
        if gates is None:
            gates = Gates(
                [self._gate(r) for r in self.rules if not (r.languages and key and not set(key) & set(r.languages))]
            )
            self._by_language[key] = gates
        return gates

    def _gate(self, rule: Rule) -> Gate:
        literals = rule.literals if self.use_literals else None
        strings = _without_superstrings(literals.strings) if literals is not None and literals.strings else None
        prefixes = literals.prefixes if literals is not None and literals.prefixes else None
        return Gate(
            NO_LIMIT if rule.max_words is None else rule.max_words,
            prefixes,
            strings,
            _Entry(rule.compiled.search, rule),
        )


@lru_cache(maxsize=4096)
def _without_superstrings(strings: tuple[str, ...]) -> tuple[str, ...]:
    """``strings`` without those containing another of them: a block contains one of the rest
    exactly when it contains one of all (``"photograph"`` is there only if ``"photo"`` is), and
    each string left out is one substring search less per block. (Quadratic in the strings:
    computed once per rule's strings for the process, not per Cleaner and page language.)"""
    return tuple(s for s in strings if not any(other != s and other in s for other in strings))


def _language_key(language: str | Sequence[str] | None) -> tuple[str, ...]:
    """One page language, several plausible ones, or None / () for unknown, as one tuple."""
    return (language,) if isinstance(language, str) else tuple(language or ())


_TIMEOUT_PREFIX = "rule "
_TIMEOUT_MARK = " hit its "


def timeout_warning(rule_id: str, timeout: float, length: int) -> str:
    """The warning for a rule abandoned on a block; ``_timed_out_rules`` reads it back."""
    return (
        f"{_TIMEOUT_PREFIX}{rule_id}{_TIMEOUT_MARK}{timeout:g}s regex time limit on a block of {length} "
        "characters; it made no decision on that block and was skipped for the rest of the document"
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

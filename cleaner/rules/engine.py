"""RuleSet: apply many rules to a block fast: rules are grouped by language once, and a rule whose
``max_words`` the block exceeds is never run (most article paragraphs are longer than any
boilerplate line, so they meet few regexes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .pack import SHORT_BLOCK, WORD_RE, Rule


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
    """An ordered set of rules; the first rule (pack order) that matches a block claims it.

    Each rule's cheap limits (language, ``max_words``) are checked before its regex runs, with
    the block's words counted once. (A combined "any rule" regex was measured slower: one
    unanchored alternative with a lookahead makes every block pay for every rule.) A rule that
    passed the load-time probe (``Rule.short_safe``) runs without the regex time limit on blocks
    of at most ``SHORT_BLOCK`` characters; every other search keeps ``timeout``.
    """

    def __init__(self, rules: Sequence[Rule], timeout: float) -> None:
        self.rules = tuple(rules)
        self.timeout = timeout
        self._count_words = any(rule.max_words is not None for rule in self.rules)
        self._by_language: dict[tuple[str, ...], tuple[Rule, ...]] = {}

    def __getstate__(self) -> dict[str, object]:
        return {"rules": self.rules, "timeout": self.timeout}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["rules"], state["timeout"])  # type: ignore[misc, arg-type]

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
        short = len(text) <= SHORT_BLOCK
        timeout = self.timeout
        evidence: RuleMatch | None = None
        for rule in self._for_language(language):
            if (rule.max_words is not None and words > rule.max_words) or rule.id in slow:
                continue
            try:
                # Rule.search, inlined: this loop is the hot path.
                if short and rule.short_safe:
                    found = rule.compiled.search(text)
                else:
                    found = rule.compiled.search(text, timeout=timeout)
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

    def _for_language(self, language: str | Sequence[str] | None) -> tuple[Rule, ...]:
        """The rules that run on pages of ``language`` (all of them when it is unknown), in order."""
        key = (language,) if isinstance(language, str) else tuple(language or ())
        rules = self._by_language.get(key)
        if rules is None:
            rules = tuple(r for r in self.rules if not (r.languages and key and not set(key) & set(r.languages)))
            self._by_language[key] = rules
        return rules


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

"""RuleSet: apply many rules to a block fast: rules are grouped by language once, and a rule whose
``max_words`` the block exceeds is never run (most article paragraphs are longer than any
boilerplate line, so they meet few regexes)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from .literals import starts_with_one_of
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


#: A rule whose match must start at the block's start uses its required literals only when it
#: has at most this many (each test costs ~40 ns; such a regex fails fast on its own).
ANCHORED_LITERALS = 6
_NO_LIMIT = 1 << 62
#: Rule lists kept per (language, first character of the block), and per (language, first
#: character, word-count bucket); each memo is emptied when this many.
_MAX_STARTS = 16_384


class _Entry(NamedTuple):
    """One rule as the hot loop reads it: plain tuple fields instead of attribute lookups."""

    max_words: int
    search: Any
    short_safe: bool
    #: Case-folded strings of which a block must contain one, or None (always searched).
    literals: tuple[str, ...] | None
    #: Characters one of which must begin the block (``Literals.first``), or None (any).
    first: frozenset[tuple[str, bool]] | None
    rule: Rule


class RuleSet:
    """An ordered set of rules; the first rule (pack order) that matches a block claims it.

    Each rule's cheap limits come first: language, ``max_words`` (with the block's words counted
    once) and its required literals (``literals.required_literals``: a block containing none
    of them cannot match, so the regex is not run). (A combined "any rule" regex was measured
    slower: it loses each pattern's own required-string check in ``regex``.) A rule that
    passed the load-time probe (``Rule.short_safe``) runs without the regex time limit on blocks
    of at most ``SHORT_BLOCK`` characters; every other search keeps ``timeout``.

    ``use_literals=False`` turns the required-literal and first-character filters off (the same
    matches, slower: the tests compare both).
    """

    def __init__(self, rules: Sequence[Rule], timeout: float, use_literals: bool = True) -> None:
        self.rules = tuple(rules)
        self.timeout = timeout
        self.use_literals = use_literals
        self._count_words = any(rule.max_words is not None for rule in self.rules)
        #: The distinct ``max_words`` limits, ascending: a block's word count falls in one of
        #: ``len(_limits) + 1`` buckets, and every block of a bucket exceeds the same rules' limits.
        self._limits = sorted({rule.max_words for rule in self.rules if rule.max_words is not None})
        self._by_language: dict[tuple[str, ...], tuple[_Entry, ...]] = {}
        self._by_initial: dict[tuple[tuple[str, ...], str], tuple[_Entry, ...]] = {}
        self._by_start: dict[tuple[tuple[str, ...], str, int], tuple[_Entry, ...]] = {}

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
        short = len(text) <= SHORT_BLOCK
        timeout = self.timeout
        folded: str | None = None
        evidence: RuleMatch | None = None
        for _max_words, search, short_safe, literals, _first, rule in self._for_block(language, text[:1], words):
            if literals is not None:
                if folded is None:
                    folded = text.casefold()
                for literal in literals:
                    if literal in folded:
                        break
                else:
                    continue  # none of the strings every match contains: it cannot match
            if slow and rule.id in slow:
                continue
            try:
                # Rule.search, inlined: this loop is the hot path.
                found = search(text) if short and short_safe else search(text, timeout=timeout)
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

    def _for_block(self, language: str | Sequence[str] | None, initial: str, words: int) -> tuple[_Entry, ...]:
        """The rules of ``_for_language`` that can match a block starting with ``initial`` and
        holding ``words`` words (their ``max_words`` at least that), in order.

        Kept per word-count bucket (see ``_limits``), so the hot loop tests no limit; each is
        cut from the list for the initial, which is cut from the language's.
        """
        bucket = bisect_left(self._limits, words)  # how many limits lie below ``words``
        key = (_language_key(language), initial, bucket)
        entries = self._by_start.get(key)
        if entries is None:
            entries = tuple(entry for entry in self._for_initial(key[0], initial) if words <= entry.max_words)
            if len(self._by_start) >= _MAX_STARTS:
                self._by_start.clear()
            self._by_start[key] = entries
        return entries

    def _for_initial(self, language: tuple[str, ...], initial: str) -> tuple[_Entry, ...]:
        """The rules of ``_for_language`` that can match a block starting with ``initial``."""
        key = (language, initial)
        entries = self._by_initial.get(key)
        if entries is None:
            entries = tuple(
                entry
                for entry in self._for_language(language)
                if entry.first is None or starts_with_one_of(initial, entry.first)
            )
            if len(self._by_initial) >= _MAX_STARTS:
                self._by_initial.clear()
            self._by_initial[key] = entries
        return entries

    def _for_language(self, language: str | Sequence[str] | None) -> tuple[_Entry, ...]:
        """The rules that run on pages of ``language`` (all of them when it is unknown), in order."""
        key = _language_key(language)
        entries = self._by_language.get(key)
        if entries is None:
            entries = tuple(
                self._entry(r) for r in self.rules if not (r.languages and key and not set(key) & set(r.languages))
            )
            self._by_language[key] = entries
        return entries

    def _entry(self, rule: Rule) -> _Entry:
        literals = rule.literals if self.use_literals else None
        strings = None
        if literals is not None and literals.strings and (literals.scans or len(literals.strings) <= ANCHORED_LITERALS):
            strings = _without_superstrings(literals.strings)
        return _Entry(
            _NO_LIMIT if rule.max_words is None else rule.max_words,
            rule.compiled.search,
            rule.short_safe,
            strings,
            literals.first if literals is not None and literals.first else None,
            rule,
        )


def _without_superstrings(strings: tuple[str, ...]) -> tuple[str, ...]:
    """``strings`` without those containing another of them: a block contains one of the rest
    exactly when it contains one of all (``"photograph"`` is there only if ``"photo"`` is), and
    each string left out is one substring search less per block."""
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

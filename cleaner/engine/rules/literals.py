"""Required literals of a rule's regex: strings one of which every match contains.

A block whose case-folded text contains none of them cannot match, so the rule's regex need not
run on it: a substring test costs tens of nanoseconds, a regex that scans a block microseconds.
The literals are read from the parse tree that Python's own regex parser (``re._parser``) builds
for a rewrite of the pattern matching a superset of what ``regex`` matches. Syntax the rewrite
does not know gives no literals, and the rule then always runs: the filter may only be weaker
than the regex, never stronger.
"""

from __future__ import annotations

import functools
import importlib
import re
import warnings
from collections.abc import Iterable
from typing import Any, NamedTuple

import regex

_c: Any
_p: Any
try:  # Python's regex parser: private, but stable since 3.11; without it, rules simply always run
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - other Python versions
    _c = _p = None

#: A valid counted quantifier; any other ``{`` (a fuzzy-matching spec of ``regex``, a literal
#: brace) makes the rewrite give up.
_QUANTIFIER_RE = regex.compile(r"\{\d*(?:,\d*)?\}")


class Literals(NamedTuple):
    """What a pattern requires of a block (see the module docstring)."""

    #: Case-folded strings; a match contains (case-insensitively) at least one of them. Empty:
    #: none could be proved.
    strings: tuple[str, ...]
    #: The pattern can start a match anywhere, or looks ahead from the start: its search reads
    #: the whole block, so the filter pays for itself however many strings it has.
    scans: bool
    #: For a pattern anchored at the block's start: the characters (as written, and whether
    #: case is ignored there) one of which must begin the block. Empty: unknown, or the
    #: pattern is not anchored. ``starts_with_one_of`` tests a character against them.
    first: frozenset[tuple[str, bool]] = frozenset()


@functools.lru_cache(maxsize=65_536)
def starts_with_one_of(initial: str, first: frozenset[tuple[str, bool]]) -> bool:
    """Whether a block starting with ``initial`` can start a match, ``regex`` itself judging
    case-insensitive equality (so no Unicode-version difference can creep in). Remembered per
    (character, set) for the life of the process, like ``regex``'s own cache of patterns."""
    return any(initial == char or (icase and _same_ignoring_case(char, initial)) for char, icase in first)


@functools.lru_cache(maxsize=65_536)
def _same_ignoring_case(char: str, other: str) -> bool:
    return regex.fullmatch(regex.escape(char), other, flags=regex.IGNORECASE) is not None


def required_literals(compiled: Any) -> Literals | None:
    """The literals of a compiled ``regex`` pattern, or None when none can be proved.

    Never raises: whatever goes wrong reading a pattern (Python's parser is private and may
    change) only means the rule runs on every block.
    """
    if _p is None:
        return None
    rewritten = _superset_syntax(compiled.pattern)
    if rewritten is None:
        return None
    flags = re.IGNORECASE if compiled.flags & regex.IGNORECASE else 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            tree = _p.parse(rewritten, flags)
        return _from_tree(list(tree), bool(tree.state.flags & re.IGNORECASE))
    except Exception:  # a pattern Python's parser rejects, or a parse tree of another shape
        return None


def _from_tree(items: list[tuple[Any, Any]], icase: bool) -> Literals | None:
    found = _required(items, icase) or frozenset()
    anchored = _anchored(items)
    first: frozenset[tuple[str, bool]] = frozenset()
    if anchored:
        starts, empty = _first_chars(items, icase)
        if starts is not None and not empty:
            first = frozenset(starts)
    if not found and not first:
        return None
    return Literals(tuple(sorted(found)), not anchored or _looks_ahead(items), first)


def _superset_syntax(pattern: str) -> str | None:
    """``pattern`` in Python ``re`` syntax, matching at least what ``regex`` matches, or None.

    ``\\p{..}`` / ``\\P{..}`` become any character (outside a class) or everything (inside a
    plain class); ``regex``'s word-start/end assertions ``\\m`` / ``\\M`` are dropped. A
    property inside a negated class, a nested set or POSIX class (``[[:alpha:]]``) and any
    ``{`` that is not a counted quantifier (fuzzy matching) give None.
    """
    out: list[str] = []
    i = 0
    n = len(pattern)
    negated: bool | None = None  # None: outside a character class
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt in ("p", "P"):
                end = pattern.find("}", i) + 1 if pattern[i + 2 : i + 3] == "{" else i + 3
                if end <= i:
                    return None
                if negated is None:
                    out.append("(?s:.)")
                elif negated:
                    return None
                else:
                    out.append(r"\s\S")
                i = end
                continue
            if nxt in ("m", "M") and negated is None:
                i += 2
                continue
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if negated is not None:
            if ch == "[":
                return None
            if ch == "]":
                negated = None
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            negated = pattern[i + 1 : i + 2] == "^"
            start = i + 1 + negated
            out.append(pattern[i:start])
            i = start
            if pattern[i : i + 1] == "]":  # a leading ']' is a member, not the end
                out.append("]")
                i += 1
            continue
        if ch == "{":
            quantifier = _QUANTIFIER_RE.match(pattern, i)
            if quantifier is None:
                return None
            out.append(quantifier.group(0))
            i = quantifier.end()
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _required(items: list[tuple[Any, Any]], icase: bool) -> frozenset[str] | None:
    """Strings (case-folded) one of which every match of this node sequence contains, or None.

    Consecutive literal characters form one string; zero-width assertions do not break it. Of
    all the sets a sequence offers (its literal runs, its mandatory groups, repeats and
    branches), the most selective is kept. Under case-insensitivity a character is used only
    when ``_caseless`` says its equivalents are exactly those ``str.casefold`` maps to it.
    """
    best: frozenset[str] | None = None
    run: list[str] = []

    def offer(found: Iterable[str] | None) -> None:
        nonlocal best
        if found is None:
            return
        candidate = frozenset(found)
        if candidate and (best is None or _selectivity(candidate) > _selectivity(best)):
            best = candidate

    def flush() -> None:
        if run:
            offer(["".join(run)])
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            char = chr(av)
            if icase and not _caseless(char):
                flush()
            else:
                run.append(char.casefold())
            continue
        if op is _c.AT or op is _c.ASSERT_NOT:
            continue  # zero width: the characters around it are adjacent in the match
        if op is _c.ASSERT:
            offer(_required(list(av[1]), icase))  # the looked-at text is in the block too
            continue
        flush()
        if op is _c.SUBPATTERN:
            _group, added, removed, sub = av
            inner_icase = (icase or bool(added & re.IGNORECASE)) and not removed & re.IGNORECASE
            offer(_required(list(sub), inner_icase))
        elif op is _c.BRANCH:
            alternatives = [_required(list(branch), icase) for branch in av[1]]
            if all(found is not None for found in alternatives):
                offer(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            least, _most, sub = av
            if least >= 1:
                offer(_required(list(sub), icase))
        elif op is _c.ATOMIC_GROUP:
            offer(_required(list(av), icase))
        # Anything else (a class, any character, a backreference, a conditional) requires no
        # particular text.
    flush()
    return best


def _first_chars(items: list[tuple[Any, Any]], icase: bool) -> tuple[set[tuple[str, bool]] | None, bool]:
    """The characters a match of this node sequence can start with, each with whether case is
    ignored there (None: any character), and whether it can match the empty string."""
    starts: set[tuple[str, bool]] = set()
    for item in items:
        found, empty = _first_of(item, icase)
        if found is None:
            return None, False
        starts |= found
        if not empty:
            return starts, False
    return starts, True


def _first_of(item: tuple[Any, Any], icase: bool) -> tuple[set[tuple[str, bool]] | None, bool]:
    op, av = item
    if op is _c.LITERAL:
        return {(chr(av), icase)}, False
    if op is _c.IN:
        if not all(kind is _c.LITERAL for kind, _value in av):
            return None, False  # ranges, categories, negation: left unknown
        return {(chr(value), icase) for _kind, value in av}, False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # zero width: the next node gives the first character
    if op is _c.SUBPATTERN:
        _group, added, removed, sub = av
        return _first_chars(list(sub), (icase or bool(added & re.IGNORECASE)) and not removed & re.IGNORECASE)
    if op is _c.BRANCH:
        starts: set[tuple[str, bool]] = set()
        can_be_empty = False
        for branch in av[1]:
            found, empty = _first_chars(list(branch), icase)
            if found is None:
                return None, False
            starts |= found
            can_be_empty = can_be_empty or empty
        return starts, can_be_empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        least, _most, sub = av
        found, empty = _first_chars(list(sub), icase)
        return found, empty or least == 0
    if op is _c.ATOMIC_GROUP:
        return _first_chars(list(av), icase)
    return None, False  # any character, a category, a backreference, a conditional


def _caseless(char: str) -> bool:
    """Whether ``regex``'s case-insensitive equivalents of ``char`` all case-fold to it in Python.

    True for ASCII (the equivalents of k and s include the Kelvin and long-s signs, which
    ``str.casefold`` maps to them too) and for non-letters without case (©, …, digits). Not
    for other letters: ``regex`` may know a newer Unicode than Python, with new capitals that
    fold to an old letter.
    """
    return char.isascii() or (not char.isalpha() and char.lower() == char == char.upper())


def _selectivity(strings: frozenset[str]) -> tuple[int, int]:
    """Longer shortest string first (rarer in text), then fewer strings (cheaper to test)."""
    return (min(map(len, strings)), -len(strings))


def _anchored(items: list[tuple[Any, Any]]) -> bool:
    """Whether every match starts at the block's start."""
    if not items:
        return False
    op, av = items[0]
    if op is _c.AT:
        return bool(av in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING))
    if op is _c.BRANCH:
        return all(_anchored(list(branch)) for branch in av[1])
    if op is _c.SUBPATTERN:
        return _anchored(list(av[3]))
    return False


def _looks_ahead(items: list[tuple[Any, Any]]) -> bool:
    """Whether some branch looks ahead right after its start anchor (and so reads the block)."""
    if not items:
        return False
    op, av = items[0]
    if op is _c.AT:
        return len(items) > 1 and items[1][0] in (_c.ASSERT, _c.ASSERT_NOT)
    if op is _c.BRANCH:
        return any(_looks_ahead(list(branch)) for branch in av[1])
    if op is _c.SUBPATTERN:
        return _looks_ahead(list(av[3]))
    return False

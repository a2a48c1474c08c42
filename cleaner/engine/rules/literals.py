"""Required literals of a rule's regex: strings one of which every match contains.

A block whose case-folded text contains none of them cannot match, so the rule's regex need not
run on it: a substring test costs tens of nanoseconds, a regex that scans a block microseconds.
The literals are read from the parse tree that Python's own regex parser (``re._parser``) builds
for a rewrite of the pattern matching a superset of what ``regex`` matches. Syntax the rewrite
does not know gives no literals, and the rule then always runs: the filter may only be weaker
than the regex, never stronger.
"""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Iterable
from typing import Any, NamedTuple

import regex

from .. import charclasses

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
    #: For a pattern anchored at the block's start: case-folded strings one of which the
    #: case-folded block starts with (``str.startswith`` takes them as they are). Empty:
    #: unknown, or the pattern is not anchored.
    prefixes: tuple[str, ...] = ()


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
    prefixes: tuple[str, ...] = ()
    if anchored:
        starts = _prefixes(items, icase)
        texts = {text for text, _open in starts} if starts is not None else {""}
        if "" not in texts:
            # A string that starts with another of them adds nothing ("(by" beside "(").
            prefixes = tuple(sorted(t for t in texts if not any(t != o and t.startswith(o) for o in texts)))
    if not found and not prefixes:
        return None
    return Literals(tuple(sorted(found)), prefixes)


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
        elif op is _c.IN:
            offer(_class_members(av, icase))  # one of a few characters ("[:/|]")
        # Anything else (a class, any character, a backreference, a conditional) requires no
        # particular text.
    flush()
    return best


#: Prefix sets are cut short (which only weakens them) beyond this many strings.
MAX_PREFIXES = 256
#: A character class gives its members as prefixes or required strings up to this many.
MAX_CLASS = 12
#: (text, open): a case-folded string a match starts with, and whether the node sequence was
#: all literal up to its end (so what follows it continues the string).
_Starts = set[tuple[str, bool]]


def _prefixes(items: list[tuple[Any, Any]], icase: bool) -> _Starts | None:
    """The strings (case-folded) one of which every match of this node sequence starts with,
    or None when a node can start with anything."""
    current: _Starts = {("", True)}
    for item in items:
        opened = [text for text, is_open in current if is_open]
        if not opened:
            break
        found = _prefixes_of(item, icase)
        if found is None:
            return {(text, False) for text, _open in current}  # the strings end here
        grown = {(text, False) for text, is_open in current if not is_open}
        grown |= {(text + more, is_open) for text in opened for more, is_open in found}
        if len(grown) > MAX_PREFIXES:
            return {(text, False) for text, _open in current}
        current = grown
    return current


def _prefixes_of(item: tuple[Any, Any], icase: bool) -> _Starts | None:
    op, av = item
    if op is _c.LITERAL:
        char = chr(av)
        return None if icase and not _caseless(char) else {(char.casefold(), True)}
    if op is _c.IN:
        members = _class_members(av, icase)
        return None if members is None else {(member, True) for member in members}
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {("", True)}  # zero width: the next node gives the first characters
    if op is _c.SUBPATTERN:
        _group, added, removed, sub = av
        return _prefixes(list(sub), (icase or bool(added & re.IGNORECASE)) and not removed & re.IGNORECASE)
    if op is _c.BRANCH:
        starts: _Starts = set()
        for branch in av[1]:
            found = _prefixes(list(branch), icase)
            if found is None:
                return None
            starts |= found
        return starts
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        least, most, sub = av
        found = _prefixes(list(sub), icase)
        if found is not None and most != 1:
            found = {(text, False) for text, _open in found}  # more of it may follow
        once = found
        if least >= 1:
            return once
        return {("", True)} | (once or {("", False)})  # skipped, or started
    if op is _c.ATOMIC_GROUP:
        return _prefixes(list(av), icase)
    return None  # any character, a category, a backreference, a conditional


def _class_members(members: list[tuple[Any, Any]], icase: bool) -> frozenset[str] | None:
    """The case-folded characters of a small class of plain characters (no range, category or
    negation), or None."""
    if len(members) > MAX_CLASS or not all(kind is _c.LITERAL for kind, _value in members):
        return None
    chars = [chr(value) for _kind, value in members]
    if icase and not all(map(_caseless, chars)):
        return None
    return frozenset(char.casefold() for char in chars)


def _caseless(char: str) -> bool:
    """Whether ``regex``'s case-insensitive equivalents of ``char`` all case-fold to it in Python.

    True for ASCII (the equivalents of k and s include the Kelvin and long-s signs, which
    ``str.casefold`` maps to them too) and for the characters ``charclasses`` marks ``FOLD``
    (read off ``regex``'s own case tables: non-letters without case, most letters of every
    cased script; not those whose equivalents fold otherwise in this Python, such as a capital
    that ``regex``'s newer Unicode knows and Python does not).
    """
    return char.isascii() or bool(charclasses.table()[ord(char)] & charclasses.FOLD)


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

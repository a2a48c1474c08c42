"""Which rules can match a block, before any regex runs: a sound superset of the rules that match.

A rule is searched on a block only when the block passes each of its gates: not more words than
its ``max_words``; for a rule anchored at the block's start, the case-folded block starting with
one of its prefixes; and the case-folded block containing one of its required strings (both
read off the pattern by ``literals``, which proves that every match has them). A gate can only
let through more blocks than the regex matches, never fewer, so no match is lost. The required
strings of all the rules are found in one pass over the block (``Strings``), not rule by rule.
Compiled in a compiled build (``native.COMPILED_MODULES``): the loops run in C.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

try:
    import cython
except ModuleNotFoundError:  # an install without Cython: this module runs as Python
    from .. import _cython_shim as cython  # type: ignore[no-redef]

#: ``max_words`` of a rule without a limit.
NO_LIMIT = 1 << 62
#: Buckets of the table of strings by their first two characters (a power of two).
_BUCKETS = cython.declare(cython.Py_ssize_t, 4096)


@cython.cfunc
@cython.inline
def _pair(first: cython.Py_UCS4, second: cython.Py_UCS4) -> cython.Py_ssize_t:
    return ((ord(first) * 1000003) ^ ord(second)) & (_BUCKETS - 1)


@cython.cfunc
@cython.inline
def _triple(first: cython.Py_UCS4, second: cython.Py_UCS4, third: cython.Py_UCS4) -> cython.Py_ssize_t:
    return ((((ord(first) * 1000003) ^ ord(second)) * 1000003) ^ ord(third)) & (_BUCKETS - 1)


@cython.cclass
class Strings:
    """Required strings of many rules, each with a number, found in a text in one pass: a string
    of one character by that character, a longer one by its first two or three (a bucket of
    candidates, each then compared in place). ``present`` is exactly ``[s in text for s in
    strings]``."""

    count: int = cython.declare(cython.Py_ssize_t, visibility="readonly")
    #: Strings of one character, by ``ord(char) % _BUCKETS``: (code point, number) pairs.
    _singles: list[tuple[tuple[int, int], ...] | None] = cython.declare(list)
    _any_single: cython.bint = cython.declare(cython.bint)
    #: Strings of two characters by ``_pair``, longer ones by ``_triple`` of their first three:
    #: (string, number) pairs.
    _pairs: list[tuple[tuple[str, int], ...] | None] = cython.declare(list)
    _any_pair: cython.bint = cython.declare(cython.bint)
    _triples: list[tuple[tuple[str, int], ...] | None] = cython.declare(list)

    def __init__(self, strings: Sequence[str]) -> None:
        self.count = len(strings)
        # (Built for every page language a Cleaner meets: tables of None, filled where needed.)
        singles: list[tuple[tuple[int, int], ...] | None] = [None] * _BUCKETS
        pairs: list[tuple[tuple[str, int], ...] | None] = [None] * _BUCKETS
        triples: list[tuple[tuple[str, int], ...] | None] = [None] * _BUCKETS
        for number, string in enumerate(strings):
            if len(string) == 1:
                _add(singles, ord(string) & (_BUCKETS - 1), (ord(string), number))
            elif len(string) == 2:
                _add(pairs, _pair(string[0], string[1]), (string, number))
            else:
                _add(triples, _triple(string[0], string[1], string[2]), (string, number))
        self._singles = singles
        self._any_single = any(bucket is not None for bucket in singles)
        self._pairs = pairs
        self._any_pair = any(bucket is not None for bucket in pairs)
        self._triples = triples

    def present(self, text: str) -> bytearray:
        """One byte per string: 1 where ``text`` contains it."""
        found = bytearray(self.count)
        view: cython.uchar[::1] = found
        n: cython.Py_ssize_t = len(text)
        i: cython.Py_ssize_t
        number: cython.Py_ssize_t
        code: cython.Py_ssize_t
        char: cython.Py_UCS4
        bucket: tuple[tuple[str, int], ...] | None
        codes: tuple[tuple[int, int], ...] | None
        singles: list[tuple[tuple[int, int], ...] | None] = self._singles
        pairs: list[tuple[tuple[str, int], ...] | None] = self._pairs
        triples: list[tuple[tuple[str, int], ...] | None] = self._triples
        for i in range(n):
            if self._any_single:
                char = text[i]
                codes = singles[ord(char) & (_BUCKETS - 1)]
                if codes is not None:
                    for code, number in codes:
                        if code == ord(char):
                            view[number] = 1
            if self._any_pair and i + 1 < n:
                bucket = pairs[_pair(text[i], text[i + 1])]
                if bucket is not None:
                    for string, number in bucket:
                        if not view[number] and text.startswith(string, i):
                            view[number] = 1
            if i + 2 < n:
                bucket = triples[_triple(text[i], text[i + 1], text[i + 2])]
                if bucket is not None:
                    for string, number in bucket:
                        if not view[number] and text.startswith(string, i):
                            view[number] = 1
        return found


def _add(table: list[Any], slot: int, item: Any) -> None:
    bucket = table[slot]
    table[slot] = (item,) if bucket is None else (*bucket, item)


@cython.cclass
class Gate:
    """One rule's gates and what the caller searches with when they let a block through."""

    # (Readable from Python where compiled too.)
    max_words: int = cython.declare(cython.Py_ssize_t, visibility="readonly")
    #: The prefixes by their first character (a rule may have a hundred; a block meets a few).
    prefixes: dict[str, tuple[str, ...]] | None = cython.declare(object, visibility="readonly")
    literals: tuple[str, ...] | None = cython.declare(object, visibility="readonly")
    #: The numbers of ``literals`` in the ``Strings`` of the gate's rule set (set by ``Gates``).
    numbers: tuple[int, ...] | None = cython.declare(object, visibility="readonly")
    entry: Any = cython.declare(object, visibility="readonly")

    def __init__(
        self, max_words: int, prefixes: tuple[str, ...] | None, literals: tuple[str, ...] | None, entry: Any
    ) -> None:
        self.max_words = max_words
        self.prefixes = None if prefixes is None else _by_initial(prefixes)
        self.literals = literals
        self.numbers = None
        self.entry = entry


def _by_initial(prefixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for prefix in prefixes:
        grouped.setdefault(prefix[0], []).append(prefix)
    return {initial: tuple(group) for initial, group in grouped.items()}


@cython.cclass
class Gates:
    """The gates of the rules that run on one page language, in order, with their strings indexed,
    and which gates each string or initial can let through (``candidates``)."""

    gates: list[Gate] = cython.declare(list, visibility="readonly")
    strings: Strings = cython.declare(Strings, visibility="readonly")
    #: Per string number: the positions of the gates that require it (one of theirs).
    _by_string: list[tuple[int, ...]] = cython.declare(list)
    #: Per initial: the positions of the gates with prefixes and no strings that one opens.
    _by_initial: dict[str, tuple[int, ...]] = cython.declare(dict)
    #: The positions of the gates with neither prefixes nor strings.
    _always: tuple[int, ...] = cython.declare(tuple)

    def __init__(self, gates: list[Gate]) -> None:
        numbers: dict[str, int] = {}
        gate: Gate
        for gate in gates:
            if gate.literals is not None:
                gate.numbers = tuple(numbers.setdefault(literal, len(numbers)) for literal in gate.literals)
        self.gates = gates
        self.strings = Strings(list(numbers))
        by_string: list[list[int]] = [[] for _ in numbers]
        by_initial: dict[str, list[int]] = {}
        always: list[int] = []
        for position, gate in enumerate(gates):
            if gate.numbers is not None:
                for number in sorted(set(gate.numbers)):
                    by_string[number].append(position)
            elif gate.prefixes is not None:
                for initial in gate.prefixes:
                    by_initial.setdefault(initial, []).append(position)
            else:
                always.append(position)
        self._by_string = [tuple(group) for group in by_string]
        self._by_initial = {initial: tuple(group) for initial, group in by_initial.items()}
        self._always = tuple(always)

    def marked(self, folded: str) -> bytearray:
        """One byte per gate: 1 where its strings (one of them) are in ``folded``, or, for a
        gate without strings, where its prefixes' initials hold ``folded``'s, or it has neither:
        a superset of the gates ``folded`` passes, found from the strings present (few) rather
        than gate by gate."""
        marks = bytearray(len(self.gates))
        view: cython.uchar[::1] = marks
        present = self.strings.present(folded)
        found: cython.uchar[::1] = present
        number: cython.Py_ssize_t
        position: cython.Py_ssize_t
        for number in range(len(present)):
            if found[number]:
                for position in self._by_string[number]:
                    view[position] = 1
        for position in self._by_initial.get(folded[:1], ()):
            view[position] = 1
        for position in self._always:
            view[position] = 1
        return marks


def candidates(gates: Gates, text: str, words: cython.Py_ssize_t) -> list[Any]:
    """The ``entry`` of every gate (in order) that lets ``text`` of ``words`` words through.

    Compiled, the gates a string present in the block or its initial opens are marked first
    (``Gates.marked``) and only those are tested: a gate with strings is marked exactly when one
    of them is present; one without, when its prefixes' initials hold the block's."""
    found: list[Any] = []
    folded: str = ""
    initial: str = ""
    gate: Gate
    starts: tuple[str, ...] | None
    position: cython.Py_ssize_t
    if cython.compiled:
        folded = text.casefold()
        initial = folded[:1]
        marks = gates.marked(folded)
        view: cython.uchar[::1] = marks
        members: list[Gate] = gates.gates
        for position in range(len(members)):
            if not view[position]:
                continue
            gate = members[position]
            if words > gate.max_words:
                continue
            if gate.prefixes is not None:
                starts = gate.prefixes.get(initial)
                if starts is None or not folded.startswith(starts):
                    continue
            found.append(gate.entry)
        return found
    for gate in gates.gates:
        if words > gate.max_words:
            continue
        if gate.prefixes is not None or gate.numbers is not None:
            if not folded:
                folded = text.casefold()
                initial = folded[:1]
            if gate.prefixes is not None:
                starts = gate.prefixes.get(initial)
                if starts is None or not folded.startswith(starts):
                    continue
            # A rule's own strings are tested when it gets this far (most do not): the same
            # outcome as the marks from one pass over all of them.
            if gate.literals is not None and not _holds_one(folded, gate.literals):
                continue
        found.append(gate.entry)
    return found


def _holds_one(folded: str, literals: tuple[str, ...]) -> bool:
    """Whether ``folded`` contains one of ``literals`` (the Python path's string gate)."""
    return any(literal in folded for literal in literals)

"""Which rules can match a block, before any regex runs: a sound superset of the rules that match.

A rule is searched on a block only when the block passes each of its gates: not more words than
its ``max_words``; for a rule anchored at the block's start, the case-folded block starting with
one of its prefixes; and the case-folded block containing one of its required strings (both
read off the pattern by ``literals``, which proves that every match has them). A gate can only
let through more blocks than the regex matches, never fewer, so no match is lost. Compiled in
a compiled build (``native.COMPILED_MODULES``): the loop over a block's rules runs in C.
"""

from __future__ import annotations

from typing import Any

try:
    import cython
except ModuleNotFoundError:  # an install without Cython: this module runs as Python
    from .. import _cython_shim as cython  # type: ignore[no-redef]

#: ``max_words`` of a rule without a limit.
NO_LIMIT = 1 << 62


@cython.cclass
class Gate:
    """One rule's gates and what the caller searches with when they let a block through."""

    # (Readable from Python where compiled too.)
    max_words: int = cython.declare(cython.Py_ssize_t, visibility="readonly")
    prefixes: tuple[str, ...] | None = cython.declare(object, visibility="readonly")
    literals: tuple[str, ...] | None = cython.declare(object, visibility="readonly")
    entry: Any = cython.declare(object, visibility="readonly")

    def __init__(
        self, max_words: int, prefixes: tuple[str, ...] | None, literals: tuple[str, ...] | None, entry: Any
    ) -> None:
        self.max_words = max_words
        self.prefixes = prefixes
        self.literals = literals
        self.entry = entry


def candidates(gates: list[Gate], text: str, words: cython.Py_ssize_t) -> list[Any]:
    """The ``entry`` of every gate (in order) that lets ``text`` of ``words`` words through."""
    found: list[Any] = []
    folded: str | None = None
    gate: Gate
    literal: str
    passed: cython.bint
    for gate in gates:
        if words > gate.max_words:
            continue
        if gate.prefixes is not None or gate.literals is not None:
            if folded is None:
                folded = text.casefold()
            if gate.prefixes is not None and not folded.startswith(gate.prefixes):
                continue
            if gate.literals is not None:
                passed = False
                for literal in gate.literals:
                    if literal in folded:
                        passed = True
                        break
                if not passed:
                    continue
        found.append(gate.entry)
    return found

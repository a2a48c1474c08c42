"""Keep compiled ``regex`` patterns as data, so a new process skips the parsing.

``regex.compile`` parses a pattern in Python (about 1 ms per rule, most of a rule pack's load
time) and hands the opcodes to its C core, which builds the pattern object in microseconds.
``regex`` pickles a pattern as exactly that: its C constructor and the opcodes (it registers the
reducer with :mod:`copyreg`). :func:`pattern_code` takes that reduction as plain data for a
cache (:mod:`cleaner.engine.cache`, keyed by :func:`regex_build`), and :func:`from_code` calls the
constructor again, as unpickling would.
"""

from __future__ import annotations

import copyreg
import marshal
from functools import lru_cache
from typing import Any

import regex

from ..cache import file_fingerprint

#: The arguments of ``regex``'s pattern constructor, as plain (``marshal``-able) data.
Code = tuple[Any, ...]


@lru_cache(maxsize=1)
def _reducer() -> Any:
    """``regex``'s pickle reducer of a pattern: ``pattern -> (constructor, code)``, or None."""
    return copyreg.dispatch_table.get(type(regex.compile("")))


@lru_cache(maxsize=1)
def _constructor() -> Any:
    reducer = _reducer()
    return reducer(regex.compile(""))[0] if reducer else None


@lru_cache(maxsize=1)
def regex_build() -> tuple[Any, ...]:
    """The installed ``regex``: its version and its C extension's file (a key part for stored code)."""
    where = getattr(getattr(_constructor(), "__self__", None), "__file__", None)
    return (regex.__version__, file_fingerprint(where) if where else None)


def pattern_code(compiled: Any) -> Code | None:
    """What ``from_code`` rebuilds ``compiled`` from, or None when ``regex`` does not offer it."""
    reducer = _reducer()
    if reducer is None:
        return None
    try:
        reduced = reducer(compiled)
        code = tuple(int(arg) if isinstance(arg, int) and type(arg) is not int else arg for arg in reduced[1])
        marshal.dumps(code)
    except Exception:  # not the (constructor, arguments) shape this module knows: keep no code
        return None
    return code


def from_code(code: Code) -> Any | None:
    """The pattern that :func:`pattern_code` gave ``code`` for, or None if this ``regex`` cannot rebuild it."""
    constructor = _constructor()
    if constructor is None:
        return None
    try:
        return constructor(*code)
    except Exception:  # code from another regex build: the caller compiles the pattern instead
        return None


__all__ = ["Code", "from_code", "pattern_code", "regex_build"]

"""Character classes of the ``regex`` engine as a table (one byte of flags per code point), for the
compiled scans: they read ``\\w``, ``\\p{Lu}``, ``\\s`` and the unspaced scripts exactly as the
regexes of the pure build do, because the table is derived from ``regex`` itself.

One more flag, ``FOLD``, is not a regex class: it marks the characters whose case-insensitive
equivalents in ``regex`` all case-fold (``str.casefold``) to what the character folds to, so a
rule's required string may hold them when the rule ignores case (``rules.literals``).

``setup.py`` writes it at build time (``TABLE_FILE``, with the ``regex`` version it came from);
at import the compiled modules use it only when the installed ``regex`` is that version, and
derive it again otherwise (~0.2 s), so a ``regex`` upgrade cannot make the builds differ.
This module imports nothing from ``cleaner`` (``setup.py`` loads it on its own).
"""

from __future__ import annotations

import functools
import zlib
from pathlib import Path

import regex

#: Flag bits of a table entry.
WORD = 1
UPPER = 2
SPACE = 4
UNSPACED = 8
FOLD = 16
#: Scripts written without spaces between words (``features`` counts their characters).
UNSPACED_CLASS = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]"
#: Characters that have case: only they can have other case-insensitive equivalents.
_CASED = r"[\p{Cased}\p{Changes_When_Casemapped}\p{Changes_When_Casefolded}]"
#: Each flag and the ``regex`` class it stands for.
CLASSES: tuple[tuple[int, str], ...] = ((WORD, r"\w"), (UPPER, r"\p{Lu}"), (SPACE, r"\s"), (UNSPACED, UNSPACED_CLASS))
CODE_POINTS = 0x110000
TABLE_FILE = Path(__file__).with_name("charclasses.bin")


def derive() -> bytes:
    """The table from the installed ``regex``: entry ``c`` holds the flags of ``chr(c)``."""
    everything = "".join(map(chr, range(CODE_POINTS)))
    flags = bytearray(CODE_POINTS)
    for bit, pattern in CLASSES:
        for found in regex.finditer(pattern, everything):
            flags[found.start()] |= bit
    flags = flags.translate(bytes(value | FOLD for value in range(256)))
    for found in regex.finditer(_CASED, everything):
        if not _folds_alike(found.start()):
            flags[found.start()] &= ~FOLD
    return bytes(flags)


def _folds_alike(code: int) -> bool:
    """Whether every character ``regex`` matches with ``chr(code)`` ignoring case folds as it does."""
    try:
        from regex import _regex  # regex's own case tables (private; without them, say no)

        cases = _regex.get_all_cases(regex.IGNORECASE, code)
    except (ImportError, AttributeError, TypeError):
        return False
    folded = chr(code).casefold()
    return all(chr(other).casefold() == folded for other in cases)


def _header() -> bytes:
    return f"regex {regex.__version__}\n".encode()


def write(path: Path = TABLE_FILE) -> None:
    """Write the table for the installed ``regex`` (``setup.py`` calls this when building)."""
    path.write_bytes(_header() + zlib.compress(derive(), 9))


@functools.lru_cache(maxsize=1)
def table() -> bytes:
    """The table for the installed ``regex``: the built one when its version matches, else derived."""
    try:
        stored = TABLE_FILE.read_bytes()
    except OSError:
        return derive()
    header = _header()
    if stored.startswith(header):
        try:
            flags = zlib.decompress(stored[len(header) :])
        except zlib.error:
            return derive()
        if len(flags) == CODE_POINTS:
            return flags
    return derive()

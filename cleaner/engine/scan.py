"""The feature scan in one pass over each block's code points (compiled builds): ``\\w+`` tokens,
capitalised tokens, unspaced-script characters, sentence breaks, the sentence end, the capital
start, and the stopword hits. ``features.measure`` uses it when ``COMPILED`` and its regexes
otherwise; both give the same features (``tests/test_scan.py`` on random text of every script,
and the equivalence suite on whole pages).

Character classes come from ``regex`` itself (``charclasses``); case tests use Python's own
(``str.isupper``, ``str.lower``), as the Python path does.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from . import charclasses

try:
    import cython
except ModuleNotFoundError:  # an install without Cython: this module runs as Python
    from . import _cython_shim as cython  # type: ignore[no-redef]

if cython.compiled:
    from cython.cimports.cpython.unicode import Py_UNICODE_ISUPPER

COMPILED: bool = cython.compiled
#: The regex classes per code point (``charclasses``), loaded at import where the scan runs.
_TABLE: bytes = charclasses.table() if cython.compiled else b""
# C constants where compiled (a Python global would box every test).
_WORD = cython.declare(cython.uchar, charclasses.WORD)
_UPPER = cython.declare(cython.uchar, charclasses.UPPER)
_SPACE = cython.declare(cython.uchar, charclasses.SPACE)
_UNSPACED = cython.declare(cython.uchar, charclasses.UNSPACED)
#: ``features._SENTENCE_END_RE``: these closers after one of these terminals end a sentence.
SENTENCE_CLOSERS = "'\"“”‘’«»‹›)]」』》"
SENTENCE_TERMINALS = ".!?…。！？؟।۔።"
#: ``features._SENTENCE_BREAK_RE``: a terminal, closers, spaces and a capital; or a CJK
#: terminal before anything but a space.
BREAK_TERMINALS = ".!?。！？؟।"
BREAK_CLOSERS = '"“”‘’«»)」』'
BREAK_UNSPACED = "。！？"
#: Field order of ``Counts`` rows: what ``count`` measures of each text.
TOKENS, UNSPACED, CAPITALISED, SENTENCES, ENDS_SENTENCE, STARTS_UPPER = range(6)


def count(texts: Sequence[str], ends_sentence_slow: Callable[[str], bool]) -> array[int]:
    """Six counts per text, row after row (``TOKENS`` ... ``STARTS_UPPER``); ``ends_sentence_slow``
    judges the one case the scan leaves to ``features``' regex (a text ending in a line break,
    which a segmented block never is)."""
    out = array("q", bytes(8 * 6 * len(texts)))
    view: cython.longlong[::1] = out
    row: cython.Py_ssize_t = 0
    for text in texts:
        _count(text, view, row, ends_sentence_slow)
        row += 6
    return out


@cython.cfunc
def _count(text: str, out: Any, row: cython.Py_ssize_t, ends_sentence_slow: Callable[[str], bool]) -> None:
    """One text's row of ``count`` (``out`` is a ``long long[::1]`` view where compiled)."""
    table_bytes: bytes = _TABLE
    table: cython.p_uchar = table_bytes
    n: cython.Py_ssize_t = len(text)
    i: cython.Py_ssize_t = 0
    j: cython.Py_ssize_t
    ch: cython.Py_UCS4
    flags: cython.uchar
    tokens: cython.Py_ssize_t = 0
    unspaced: cython.Py_ssize_t = 0
    capitalised: cython.Py_ssize_t = 0
    breaks: cython.Py_ssize_t = 0
    in_token: cython.bint = False
    for ch in text:  # (compiled: a loop over the string's code units, no indexing)
        flags = table[ord(ch)]
        if flags & _UNSPACED:
            unspaced += 1
        if flags & _WORD:
            if not in_token:
                in_token = True
                tokens += 1
                if Py_UNICODE_ISUPPER(ch):
                    capitalised += 1
        else:
            in_token = False
    # Sentence breaks as ``features._SENTENCE_BREAK_RE`` finds them (non-overlapping, left to
    # right): a terminal, closers, spaces and a capital; or a CJK terminal before a non-space.
    # (Its classes are spelt out here: a literal compiles to a switch.)
    # (A loop over the code units, compiled without indexing; a break's match skips to its end.)
    i = -1
    resume: cython.Py_ssize_t = 0  # the first position a new match may start at
    for ch in text:
        i += 1
        if i < resume or ch not in ".!?。！？؟।":
            continue
        j = i + 1
        while j < n and text[j] in '"“”‘’«»)」』':
            j += 1
        if j < n and table[ord(text[j])] & _SPACE:
            while j < n and table[ord(text[j])] & _SPACE:
                j += 1
            if j < n and table[ord(text[j])] & _UPPER:
                breaks += 1
                resume = j + 1
                continue
        if ch in "。！？" and i + 1 < n and not table[ord(text[i + 1])] & _SPACE:
            breaks += 1
    # (In the order of TOKENS ... STARTS_UPPER; literal offsets: C constants.)
    out[row] = tokens
    out[row + 1] = unspaced
    out[row + 2] = capitalised
    out[row + 3] = breaks + 1
    out[row + 4] = _ends_sentence(text, n, ends_sentence_slow)
    out[row + 5] = n > 0 and (
        (text[0] <= "\x7f" and "A" <= text[0] <= "Z") or (text[0] > "\x7f" and table[ord(text[0])] & _UPPER != 0)
    )


@cython.cfunc
def _ends_sentence(text: str, n: cython.Py_ssize_t, ends_sentence_slow: Callable[[str], bool]) -> cython.bint:
    # ``features._SENTENCE_END_RE``: closers after a terminal at the end.
    last: cython.Py_ssize_t = n - 1
    while last >= 0 and text[last] in "'\"“”‘’«»‹›)]」』》":
        last -= 1
    if last >= 0 and text[last] in ".!?…。！？؟।۔።":
        return True
    return n > 0 and text[n - 1] == "\n" and ends_sentence_slow(text)


def features(
    texts: Sequence[str],
    repeats: Mapping[str, int],
    rows: array[int],
    hits: array[int] | None,
    make: Callable[[tuple[Any, ...]], Any],
) -> list[Any]:
    """``features.BlockFeatures`` of each text (``make`` builds one from its fields) from its
    ``count`` row, its stopword ``hits`` (None: no stopwords) and how often it ``repeats``."""
    out: list[Any] = []
    view: cython.longlong[::1] = rows
    stop_hits: cython.longlong[::1] = hits if hits is not None else array("q", bytes(8 * len(texts)))
    row: cython.Py_ssize_t
    index: cython.Py_ssize_t
    n: cython.Py_ssize_t
    words: cython.Py_ssize_t
    unspaced: cython.Py_ssize_t
    length: cython.Py_ssize_t
    for index, text in enumerate(texts):
        row = 6 * index
        n = view[row]
        words = n
        unspaced = view[row + 1]
        if unspaced and unspaced // 2 > n:
            words = unspaced // 2
        length = len(text)
        out.append(
            make(
                (
                    length,
                    words,
                    stop_hits[index] / n if n else 0.0,
                    view[row + 4] != 0,
                    view[row + 3],
                    view[row + 2] / n if n else 0.0,
                    view[row + 5] != 0,
                    repeats[text],
                    n,
                    length > 0 and text[length - 1] == ":",
                )
            )
        )
    return out


def stopword_hits(texts: Sequence[str], stops: frozenset[str]) -> array[int]:
    """Per text, how many of its ``\\w+`` tokens, lower-cased (``str.lower``), are in ``stops``."""
    out = array("q", bytes(8 * len(texts)))
    view: cython.longlong[::1] = out
    index: cython.Py_ssize_t
    shapes: bytes = _shapes(stops)
    for index, text in enumerate(texts):
        view[index] = _stopword_hits(text, stops, shapes)
    return out


#: Bits of ``_shapes``' table (a power of two).
_SHAPE_BITS = cython.declare(cython.Py_ssize_t, 1 << 16)


@cython.cfunc
@cython.inline
def _shape(length: cython.Py_ssize_t, first: cython.Py_UCS4, last: cython.Py_UCS4) -> cython.Py_ssize_t:
    return (((length * 1000003) ^ ord(first)) * 1000003 ^ ord(last)) & (_SHAPE_BITS - 1)


@lru_cache(maxsize=32)
def _shapes(stops: frozenset[str]) -> bytes:
    """A bit per (length, first, last character) hash that some stopword has: a token whose bit
    is clear is no stopword, and is not cut out of the text to be looked up."""
    bits = bytearray(_SHAPE_BITS // 8)
    slot: cython.Py_ssize_t
    for word in stops:
        if word:
            slot = _shape(len(word), word[0], word[len(word) - 1])
            bits[slot >> 3] |= 1 << (slot & 7)
    return bytes(bits)


@cython.cfunc
def _stopword_hits(text: str, stops: frozenset[str], shapes_bytes: bytes) -> cython.Py_ssize_t:
    table_bytes: bytes = _TABLE
    table: cython.p_uchar = table_bytes
    shapes: cython.p_uchar = shapes_bytes
    n: cython.Py_ssize_t = len(text)
    lowered: str = text.lower()
    # Lower-casing the whole text gives each token's lower case in place when every character
    # maps to one (no expansion, no U+03A3, the only context-dependent one: final sigma).
    in_place: cython.bint = len(lowered) == n and "\u03a3" not in text
    ch: cython.Py_UCS4
    i: cython.Py_ssize_t
    start: cython.Py_ssize_t = -1  # where the token being read began (-1: none)
    hits: cython.Py_ssize_t = 0
    for i, ch in enumerate(text):  # (compiled: a loop over the string's code units, no indexing)
        if table[ord(ch)] & _WORD:
            if start < 0:
                start = i
        elif start >= 0:
            hits += _is_stop(text, lowered, start, i, in_place, stops, shapes)
            start = -1
    if start >= 0:
        hits += _is_stop(text, lowered, start, n, in_place, stops, shapes)
    return hits


@cython.cfunc
def _is_stop(
    text: str,
    lowered: str,
    start: cython.Py_ssize_t,
    end: cython.Py_ssize_t,
    in_place: cython.bint,
    stops: frozenset[str],
    shapes: cython.p_uchar,
) -> cython.bint:
    """Whether the token ``text[start:end]``, lower-cased, is in ``stops`` (``_stopword_hits``)."""
    slot: cython.Py_ssize_t
    if in_place:
        # (The lower-cased token is ``lowered[start:end]``: its shape is read in place.)
        slot = _shape(end - start, lowered[start], lowered[end - 1])
        if not shapes[slot >> 3] & (1 << (slot & 7)):
            return False
        return lowered[start:end] in stops
    return text[start:end].lower() in stops


def all_capitals(text: str) -> bool:
    """Whether at least 4 characters are capitals (``str.isupper``) and none is lower case
    (``str.islower``): ``decide``'s test for a line set in capitals, in one pass that stops at
    the first lower-case letter."""
    ch: cython.Py_UCS4
    capitals: cython.Py_ssize_t = 0
    for ch in text:
        if ch.isupper():
            capitals += 1
        elif ch.islower():
            return False
    return capitals >= 4


def tally(counted: Mapping[str, int], index: Any, size: cython.Py_ssize_t) -> tuple[array[int], array[int]]:
    """Per language number (``size`` of them): the summed counts of the words of ``counted``
    (word -> count) its stopword list holds, and how many distinct ones (``index``: initial ->
    word -> the numbers of the languages holding it; ``language.rank_languages``)."""
    scores = array("q", bytes(8 * size))
    distinct = array("q", bytes(8 * size))
    score_view: cython.longlong[::1] = scores
    distinct_view: cython.longlong[::1] = distinct
    count: cython.longlong
    number: cython.Py_ssize_t
    for word, count in counted.items():
        langs = index[word[:1]].get(word)
        if langs:
            for number in langs:
                score_view[number] += count
                distinct_view[number] += 1
    return scores, distinct


def tokens(text: str, most: cython.Py_ssize_t = -1) -> list[str]:
    """``regex.findall(r"\\w+", text)``, the first ``most`` of them when ``most >= 0``."""
    table_bytes: bytes = _TABLE
    table: cython.p_uchar = table_bytes
    found: list[str] = []
    n: cython.Py_ssize_t = len(text)
    i: cython.Py_ssize_t = 0
    start: cython.Py_ssize_t
    while i < n and len(found) != most:
        if not table[ord(text[i])] & _WORD:
            i += 1
            continue
        start = i
        while i < n and table[ord(text[i])] & _WORD:
            i += 1
        found.append(text[start:i])
    return found

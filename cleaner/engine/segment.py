"""Cut a text into blocks (one per non-blank line) with exact code-point offsets; nothing is edited.

Compiled (``native.COMPILED_MODULES``): one scan over the code points finds the line breaks and
strips each line, by the same C tests ``str.splitlines`` and ``str.strip`` use; as Python the
same offsets come from ``splitlines`` itself.
"""

from __future__ import annotations

from dataclasses import dataclass

try:
    import cython
except ModuleNotFoundError:  # an install without Cython: this module runs as Python
    from . import _cython_shim as cython  # type: ignore[no-redef]

if cython.compiled:
    from cython.cimports.cpython.unicode import Py_UNICODE_ISLINEBREAK, Py_UNICODE_ISSPACE


@dataclass(slots=True)
class Block:
    """One non-blank line: ``text == source[start:end]``, surrounding whitespace excluded.

    Read-only by convention, not frozen: one is built per line, and a frozen dataclass costs
    three times as much to build.
    """

    index: int
    start: int
    end: int
    text: str
    #: Blank lines between this block and the previous one (layout: paragraph breaks).
    gap_before: int


@dataclass(frozen=True, slots=True)
class Document:
    """A source text and its blocks in order."""

    source: str
    blocks: tuple[Block, ...]


def segment(source: str) -> Document:
    """Split on every line terminator Python knows (CRLF, CR, U+2028, ...), strip each line.

    Stripping uses ``str.isspace`` (which covers NBSP and tabs), so a block's offsets point at
    its first and last visible character and zero-width characters stay inside the block.
    """
    if cython.compiled:
        return Document(source, _scan(source))
    blocks: list[Block] = []
    position = 0
    blank_run = 0
    for line in source.splitlines(keepends=True):
        stripped_left = line.lstrip()
        content = stripped_left.rstrip()
        if content:
            start = position + (len(line) - len(stripped_left))
            blocks.append(Block(len(blocks), start, start + len(content), content, blank_run))
            blank_run = 0
        else:
            blank_run += 1
        position += len(line)
    return Document(source, tuple(blocks))


@cython.cfunc
def _scan(source: str) -> tuple[Block, ...]:
    """``segment``'s blocks by one pass over the code points (compiled builds only)."""
    blocks: list[Block] = []
    n: cython.Py_ssize_t = len(source)
    i: cython.Py_ssize_t = 0
    end: cython.Py_ssize_t
    first: cython.Py_ssize_t
    last: cython.Py_ssize_t
    blank_run: cython.Py_ssize_t = 0
    while i < n:
        end = i
        while end < n and not Py_UNICODE_ISLINEBREAK(source[end]):
            end += 1
        first = i
        while first < end and Py_UNICODE_ISSPACE(source[first]):
            first += 1
        last = end
        while last > first and Py_UNICODE_ISSPACE(source[last - 1]):
            last -= 1
        if last > first:
            blocks.append(Block(len(blocks), first, last, source[first:last], blank_run))
            blank_run = 0
        else:
            blank_run += 1
        if end < n and source[end] == "\r" and end + 1 < n and source[end + 1] == "\n":
            end += 1
        i = end + 1
    return tuple(blocks)

"""Cut a text into blocks (one per non-blank line) with exact code-point offsets; nothing is edited."""

from __future__ import annotations

from dataclasses import dataclass

import regex

#: Word tokens for counting; ``\w`` covers every script, so no language is assumed.
WORD_RE = regex.compile(r"\w+(?:[''’.-]\w+)*")


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

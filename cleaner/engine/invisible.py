"""Lines of zero-width characters only are blank lines to the reader, so layout never reads them.

A page builder leaves such lines (U+200B, U+FEFF, joiners) between paragraphs; one at the
text's end or in a list once decided the layout (issue 14, item 15: what was tight, what a page
region reached), and cleaning the clean text, without it, decided otherwise. The decision steps
see the document without them, each counted as a blank line in the gap before the next line;
afterwards each is kept only between kept lines (the clean text keeps the layout around it).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .assemble import Decision
from .decide import INVISIBLE, KEPT
from .segment import Block, Document

_INVISIBLE = regex.compile(r"[\p{Cf}\s]+")


def is_invisible(text: str) -> bool:
    """Format characters (and spaces) only; a block's text is stripped, so most fail at the first."""
    return not text[0].isprintable() and _INVISIBLE.fullmatch(text) is not None


def without_invisible(doc: Document) -> tuple[Document, list[int]]:
    """The document without its invisible lines (blocks renumbered, each one removed adding one
    blank line and its own gap to the next block's gap) and their indices in ``doc``."""
    invisible = [block.index for block in doc.blocks if is_invisible(block.text)]
    if not invisible:
        return doc, invisible
    blocks: list[Block] = []
    carried = 0
    for block in doc.blocks:
        if is_invisible(block.text):
            carried += block.gap_before + 1
            continue
        blocks.append(Block(len(blocks), block.start, block.end, block.text, block.gap_before + carried))
        carried = 0
    return Document(doc.source, tuple(blocks)), invisible


def with_invisible(decisions: Sequence[Decision], invisible: Sequence[int]) -> list[Decision]:
    """The visible blocks' decisions with the invisible lines put back at their indices: KEPT
    when the nearest visible lines on both sides are kept, else INVISIBLE."""
    if not invisible:
        return list(decisions)
    full: list[Decision] = []
    visible = iter(decisions)
    hidden = set(invisible)
    for index in range(len(decisions) + len(invisible)):
        full.append(INVISIBLE if index in hidden else next(visible))
    start = 0
    while start < len(invisible):
        end = start  # invisible[start : end + 1] is a stretch of consecutive invisible lines
        while end + 1 < len(invisible) and invisible[end + 1] == invisible[end] + 1:
            end += 1
        before, after = invisible[start] - 1, invisible[end] + 1
        if before >= 0 and after < len(full) and full[before].kept and full[after].kept:
            for index in range(invisible[start], after):
                full[index] = KEPT
        start = end + 1
    return full

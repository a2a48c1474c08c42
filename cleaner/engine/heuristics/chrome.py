"""Site chrome: short blocks that repeat within the page (menus and footers printed twice)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from ..context import code_marks
from ..page import Page
from ..scores import MARKER_RE, is_paragraph, quantity_last
from .base import Verdict, heuristic
from .cards import page_cards


@heuristic(
    "repeated_chrome",
    "nav",
    "A short line printed more than once on the page, next to another that is, is usually a menu or footer item.",
    where="outside",
)
def repeated_chrome(page: Page, indices: Sequence[int]) -> Iterator[Verdict]:
    """Menus and footers are printed twice as groups of lines: a repeated line counts only when it
    and a neighbour stand next to each other again elsewhere on the page (the group repeats). A
    line repeated alone is the article's own more often than not (a table's header row, a
    subhead also listed in a table of contents, a line of code), and so is a repeated line right
    above a paragraph (a section's heading), one starting with a number (two recipes' "2 eggs"; or
    ending with one where a script without spaces sets its quantities last, "卵 2個")
    or a list marker (an item two lists share) or one of a pair holding a line of code (a block
    of code shown twice), or a card list's entry (the labels every record of a plan repeats:
    ``cards``)."""
    features = page.features
    last = len(page) - 1
    pairs: Counter[tuple[str, str]] | None = None
    entries: frozenset[int] | None = None
    for index in indices:
        f = features[index]
        if f.repeats > 1 and f.words <= 8 and not f.ends_sentence:
            if entries is None:
                cards = page_cards(page)
                entries = frozenset() if cards is None else cards.entries
            if index in entries:
                continue
            if index < last and is_paragraph(features[index + 1]):
                continue
            text = page.blocks[index].text
            if text[:1].isnumeric() or MARKER_RE.match(text) is not None or quantity_last(text):
                continue  # a quantity, a step, a rank, a bullet ("200 g flour", "卵 2個", "2. Stir", "• Free"): an item
            if pairs is None:
                pairs = _pairs(page)
            if any(_repeated_together(page, pairs, index, step) for step in (-1, 1)):
                reason = f"This {f.words}-word line occurs {f.repeats} times on the page, as does the line beside it."
                yield index, "nav", reason


def _repeated_together(page: Page, pairs: Counter[tuple[str, str]], index: int, step: int) -> bool:
    """Whether the block at ``index`` and its neighbour at ``index + step`` also stand side by
    side (in the same order) somewhere else on the page: their pair occurs twice or more."""
    other = index + step
    if not 0 <= other < len(page) or page.features[other].repeats < 2:
        return False
    blocks = page.blocks
    first, second = (index, other) if step > 0 else (other, index)
    if code_marks(blocks[first].text) or code_marks(blocks[second].text):
        return False  # an example shown twice: menus hold no calls, operators or commands
    return pairs[blocks[first].text, blocks[second].text] >= 2


def _pairs(page: Page) -> Counter[tuple[str, str]]:
    """How often each pair of repeated blocks stands side by side on the page (counted once, so
    that each line costs constant time: a line printed 20,000 times made this quadratic)."""
    blocks, features = page.blocks, page.features
    return Counter(
        (blocks[position].text, blocks[position + 1].text)
        for position in range(len(blocks) - 1)
        if features[position].repeats > 1 and features[position + 1].repeats > 1
    )

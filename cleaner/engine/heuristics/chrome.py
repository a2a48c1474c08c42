"""Site chrome: short blocks that repeat within the page (menus and footers printed twice)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..page import Page
from ..scores import PARAGRAPH_WORDS
from .base import Verdict, heuristic


@heuristic(
    "repeated_chrome",
    "nav",
    "A short line printed more than once on the page, next to another that is, is usually a menu or footer item.",
    where="outside",
)
def repeated_chrome(page: Page, indices: Sequence[int]) -> Iterator[Verdict]:
    """Menus and footers are printed twice as groups of lines: a repeated line counts only next
    to another repeated line. A line repeated alone is the article's own more often than not
    (a table's header row, a subhead also listed in a table of contents, a line of code), and
    so is a repeated line right above a paragraph (a section's heading)."""
    features = page.features
    last = len(page) - 1
    for index in indices:
        f = features[index]
        if f.repeats > 1 and f.words <= 8 and not f.ends_sentence:
            if index < last and features[index + 1].ends_sentence and features[index + 1].words >= PARAGRAPH_WORDS:
                continue
            neighbours = (features[i].repeats > 1 for i in (index - 1, index + 1) if 0 <= i <= last)
            if any(neighbours):
                reason = f"This {f.words}-word line occurs {f.repeats} times on the page, as do the lines around it."
                yield index, "nav", reason

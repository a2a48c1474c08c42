"""Site chrome: short blocks that repeat within the page (menus and footers printed twice)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..page import Page
from .base import Verdict, heuristic


@heuristic(
    "repeated_chrome",
    "nav",
    "A short line printed more than once on the page is usually a menu or footer item.",
    where="outside",
)
def repeated_chrome(page: Page, indices: Sequence[int]) -> Iterator[Verdict]:
    for index in indices:
        f = page.features[index]
        if f.repeats > 1 and f.words <= 8 and not f.ends_sentence:
            yield index, "nav", f"This {f.words}-word line occurs {f.repeats} times on the page."

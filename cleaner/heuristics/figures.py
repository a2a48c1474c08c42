"""Figures: a caption sits directly above its picture credit, in the same figure element."""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page
from .base import Verdict, heuristic

#: Longer blocks are paragraphs even when a credit line follows them.
MAX_CAPTION_WORDS = 60


@heuristic(
    "caption_above_credit",
    "caption",
    "A line immediately followed (no blank line between) by a photo credit is that photo's caption.",
)
def caption_above_credit(page: Page) -> Iterator[Verdict]:
    for index in range(len(page) - 1):
        following = page.rule_matches[index + 1]
        if following is None or following.rule.label != "credit" or page.rule_matches[index] is not None:
            continue
        if page.blocks[index + 1].gap_before == 0 and page.features[index].words <= MAX_CAPTION_WORDS:
            credit = page.blocks[index + 1].text
            yield index, "caption", f"Directly above the photo credit {credit[:50]!r}."

"""Figures: a caption sits directly above its picture credit, in the same figure element."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..page import Page
from .base import Verdict, heuristic

#: Longer blocks are paragraphs even when a credit line follows them.
MAX_CAPTION_WORDS = 60
#: A credit line longer than this carries its own caption ("The new keyboard via iFixit"): the
#: line above it is not that picture's caption.
MAX_CREDIT_WORDS = 8
#: A page that sets this share of its paragraphs tight (no blank line between them) says nothing
#: by setting a line tight against a credit: the heuristic leaves it alone.
TIGHT_PAGE_SHARE = 0.8
#: Paragraphs, for that share: blocks that end a sentence with this many words or more.
PARAGRAPH_WORDS = 20


@heuristic(
    "caption_above_credit",
    "caption",
    "A line immediately followed (no blank line between) by a photo credit is that photo's caption.",
)
def caption_above_credit(page: Page, indices: Sequence[int]) -> Iterator[Verdict]:
    for index in indices:
        if index + 1 >= len(page) or page.blocks[index + 1].gap_before != 0:
            continue
        if page.features[index].words > MAX_CAPTION_WORDS or page.rule_match(index) is not None:
            continue
        following = page.rule_match(index + 1)
        bare_credit = page.features[index + 1].words <= MAX_CREDIT_WORDS
        if following is None or following.rule.label != "credit" or not bare_credit:
            continue
        if sets_paragraphs_tight(page):  # (read off the page at the first credit: most have none)
            return
        credit = page.blocks[index + 1].text
        yield index, "caption", f"Directly above the photo credit {credit[:50]!r}."


def sets_paragraphs_tight(page: Page) -> bool:
    """Whether the page sets most of its paragraphs without a blank line between them (text
    scraped with single line breaks): then a body paragraph above a credit, or beside a
    sign-up prompt, is set tight too. Measured once per page (``Page.derive``)."""
    return page.derive("sets_paragraphs_tight", _sets_paragraphs_tight)


def _sets_paragraphs_tight(page: Page) -> bool:
    gaps = [
        block.gap_before == 0
        for block, f in zip(page.blocks[1:], page.features[1:], strict=True)
        if f.ends_sentence and f.words >= PARAGRAPH_WORDS
    ]
    return bool(gaps) and sum(gaps) >= TIGHT_PAGE_SHARE * len(gaps)

"""Related-story lists: under a "Related / Most read / Trending" heading come headlines, not prose."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..page import Page
from .base import Verdict, heuristic

#: Rules whose match is the heading of a list of other stories.
LIST_HEADINGS = frozenset({"promo.read_more_phrase", "promo.related_heading_international"})
#: A list item is a headline: no sentence end and at most this many words.
ITEM_WORDS = 20
#: At most this many items are taken from one list.
MAX_ITEMS = 30


@heuristic(
    "related_list",
    "promo",
    "Headlines right under a 'Related / Most read / Trending' heading are links to other stories.",
)
def related_list(page: Page, indices: Sequence[int]) -> Iterator[Verdict]:
    wanted = set(indices)
    for index in indices:
        match = page.rule_match(index)
        if match is None or match.rule.id not in LIST_HEADINGS:
            continue
        heading = page.blocks[index].text
        for item in range(index + 1, min(len(page), index + 1 + MAX_ITEMS)):
            f = page.features[item]
            if f.words > ITEM_WORDS or (f.ends_sentence and not _set_tight(page, item, item > index + 1)):
                break  # prose again: the list is over
            if item in wanted and page.rule_match(item) is None:
                yield item, "promo", f"Listed under the heading {heading[:40]!r}."


def _set_tight(page: Page, index: int, after_an_item: bool) -> bool:
    """Whether a short line is set tight (no blank line between) against another item of the
    list: rendered list items are, paragraphs are not. Such a line is an item even when it
    ends a sentence (a headline ending in "!" or "?", a headline with its one-line summary).
    """
    blocks = page.blocks
    if after_an_item and blocks[index].gap_before == 0:
        return True
    following = index + 1
    return (
        following < len(blocks) and blocks[following].gap_before == 0 and page.features[following].words <= ITEM_WORDS
    )

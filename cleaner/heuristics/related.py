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
            if f.ends_sentence or f.words > ITEM_WORDS:
                break  # prose again: the list is over
            if item in wanted and page.rule_match(item) is None:
                yield item, "promo", f"Listed under the heading {heading[:40]!r}."

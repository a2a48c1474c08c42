"""Related-story lists: under a "Related / Most read / Trending" heading come headlines, not prose."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..page import Page
from .base import Verdict, heuristic

#: A list item is a headline: no sentence end and at most this many words.
ITEM_WORDS = 20
#: At most this many items are taken from one list.
MAX_ITEMS = 30
#: A list set apart ends at a line with this many lines set tight under it (a list, a table).
TIGHT_ROWS = 2


@heuristic(
    "related_list",
    "promo",
    "Headlines right under a 'Related / Most read / Trending' heading are links to other stories.",
)  # the heading: a rule whose role is "list_heading"
def related_list(page: Page, indices: Sequence[int]) -> Iterator[Verdict]:
    wanted = set(indices)
    for index in indices:
        match = page.rule_match(index)
        if match is None or match.rule.role != "list_heading":
            continue
        heading = page.blocks[index].text
        if _names_a_story(heading):
            continue  # "Read more: HEADLINE" is one link, not a list's heading
        blocks = page.blocks
        for item in range(index + 1, min(len(page), index + 1 + MAX_ITEMS)):
            f = page.features[item]
            if f.words > ITEM_WORDS or (f.ends_sentence and not _set_tight(page, item, item > index + 1)):
                break  # prose again: the list is over
            if item == index + 2:
                tight = not blocks[item].gap_before  # the list's second item set tight under its first
            elif item > index + 2 and tight and blocks[item].gap_before:
                break  # a list set tight ends at its first blank line
            if item >= index + 2 and not tight and _heads_tight_lines(page, item):
                break  # a list set apart ends at a line heading lines set tight (a list, a table),
            if item >= index + 2 and not tight and _heads_tight_lines(page, item + 1):
                break  # or at the heading above such lines: a section's subhead
            if item in wanted and page.rule_match(item) is None:
                yield item, "promo", f"Listed under the heading {heading[:40]!r}."


#: A pointer that goes on, after its separator, with a story's headline (two words or more).
_POINTER_WITH_HEADLINE = re.compile(r"[:»>|]\s*\w+\W+\w+")


def _names_a_story(text: str) -> bool:
    """Whether a "Read more / Read also" line names its story after a separator: then it is a
    link to that story, and the lines under it are the article's again."""
    return _POINTER_WITH_HEADLINE.search(text) is not None


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


def _heads_tight_lines(page: Page, index: int) -> bool:
    """Whether TIGHT_ROWS lines or more are set tight under the line (no blank line between): a
    list's or a table's rows under their heading, not a headline's summary or label."""
    rows = range(index + 1, index + 1 + TIGHT_ROWS)
    return rows.stop <= len(page) and all(page.blocks[row].gap_before == 0 for row in rows)


#: A story card's "Read more" link is this bare phrase (no headline after it).
READ_MORE_LINK = re.compile(r"(?i)(?:read more|continue reading|read (?:the )?full (?:story|article))\W*")
#: At most this many lines (a headline and its summary) above the link belong to its card.
CARD_LINES = 2
#: A card's summary is cut off before it ends a sentence; a card line has at most this many words.
CARD_WORDS = 40


@heuristic(
    "story_card",
    "promo",
    "A story card: a headline and a summary cut off mid-sentence, right above its 'Read more' link.",
    role="furniture",
)
def story_card(page: Page, indices: Sequence[int]) -> Iterator[Verdict]:
    wanted = set(indices)
    for index in indices:
        match = page.rule_match(index)
        if match is None or match.rule.id != "promo.read_more_phrase":
            continue
        if not READ_MORE_LINK.fullmatch(page.blocks[index].text):
            continue
        below = index
        for item in range(index - 1, max(-1, index - 1 - CARD_LINES), -1):
            f = page.features[item]
            if page.blocks[below].gap_before > 1 or f.words > CARD_WORDS or f.ends_sentence:
                break  # a finished sentence or a gap: the article's text, not the card
            if item in wanted and page.rule_match(item) is None:
                yield item, "promo", f"Cut off above the link {page.blocks[index].text!r}: a card for another story."
            below = item

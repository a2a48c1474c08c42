"""Card lists: a listing's or a collection's entries, told apart by the button every card repeats.

A collection page (a shop's category, a job board, an events calendar) is its headline, an
intro and a list of cards: each card a name, a line or two of facts, a one-sentence blurb, a
price, and the same button ("Quick view", "In den Warenkorb", "Comprar entradas"). The button
stands once between every two blurbs; the names change. Read line by line, each card looks
like a teaser of another story, so the page kept one blurb. When such cards make the page's
content (they begin within the first texts of the page, and their blurbs hold more words than
the text above them: not teasers under an article), the buttons and the price lines are the
cards' furniture (removed, no barrier) and the names and facts are entries: the article's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..page import Page
from .base import Verdict, heuristic

#: A card's furniture between two blurbs is at most this many lines.
MAX_LINES = 8
#: A button is a line of at most this many words that stands once between each two blurbs of
#: at least MIN_CARDS cards in a row.
BUTTON_WORDS = 4
MIN_CARDS = 3
#: The furniture between two cards' blurbs has the same number of lines in every gap, give or
#: take LENGTH_SPREAD (a badge: "New", "Bestseller").
LENGTH_SPREAD = 2
#: A card's tail (before its button) and the next card's header (its name and facts) are at
#: most this many lines each.
CARD_LINES = 3
#: Labels of the rules that name a post's or a comment's lines.
POST_LABELS = frozenset({"comments", "byline", "dateline"})
#: The cards begin within the page's first FIRST_TEXTS texts (an intro, a notice above them).
FIRST_TEXTS = 3


@dataclass(frozen=True)
class Cards:
    """The lines of a page's card list: its furniture (buttons, prices) and its entries (names,
    facts), and how many cards it has."""

    furniture: frozenset[int]
    entries: frozenset[int]
    cards: int


def page_cards(page: Page) -> Cards | None:
    """The page's card list (measured once per page), or None when it has none."""
    return page.derive("cards", _find_cards)


@heuristic(
    "card_list",
    "cta",
    "The button or the price every card of a listing repeats between its entries is the "
    "listing's furniture, not part of an entry.",
)
def card_list(page: Page, indices: Sequence[int]) -> Iterator[Verdict]:
    """The buttons and price lines of the page's card list."""
    cards = page_cards(page)
    if cards is None:
        return
    blocks = page.blocks
    for index in indices:
        if index in cards.furniture and page.rule_match(index) is None:
            if _price(blocks[index].text):
                yield index, "other", f"A price line of one of the {cards.cards} cards of a listing."
            else:
                yield index, "cta", f"A line every one of the {cards.cards} cards of a listing repeats: its button."


def _find_cards(page: Page) -> Cards | None:
    """The longest run of consecutive gaps between blurbs that each hold the same short line
    once (the button), when it starts within the page's first texts and its blurbs outweigh the
    text above them."""
    features, blocks = page.features, page.blocks
    texts = [index for index, f in enumerate(features) if f.ends_sentence]
    if len(texts) < MIN_CARDS:
        return None
    gaps = [range(a + 1, b) for a, b in pairwise(texts)]
    # Per gap: where each of its lines' texts stands in it (none for a gap too long for a card).
    where: list[dict[str, list[int]]] = [_positions(page, gap) if 1 <= len(gap) <= MAX_LINES else {} for gap in gaps]
    best: tuple[int, int, str] | None = None  # (first gap, gaps in the run, button)
    for start in range(min(len(gaps), FIRST_TEXTS)):
        for button, found in where[start].items():
            if len(found) != 1 or len(button.split()) > BUTTON_WORDS or _post_line(page, found[0]):
                continue
            end, low, high = start, len(gaps[start]), len(gaps[start])
            # Cards are alike (their furniture differs by a badge or an ad marker at most).
            while (
                end < len(gaps) and len(where[end].get(button, ())) == 1 and _card_gap(gaps[end], where[end][button][0])
            ):
                low, high = min(low, len(gaps[end])), max(high, len(gaps[end]))
                if high - low > LENGTH_SPREAD:
                    break
                end += 1
            if end - start + 1 >= MIN_CARDS and (best is None or end - start > best[1]):
                best = (start, end - start, button)
    if best is None:
        return None
    start, length, button = best
    first_blurb, last_blurb = texts[start], texts[start + length]
    above = sum(features[i].words for i in texts[:start])
    blurbs = sum(features[i].words for i in texts[start : start + length + 1])
    if blurbs <= above:
        return None  # teasers under an article, not the page's content
    furniture: set[int] = set()
    entries: set[int] = set()
    headers: list[int] = []
    for gap, positions in zip(gaps[start : start + length], where[start : start + length], strict=True):
        at = positions[button][0]
        furniture.add(at)
        _split_tail(page, range(gap.start, at), furniture, entries)  # the card's prices, badges, facts
        entries.update(range(at + 1, gap.stop))  # the next card's name and facts
        headers.append(gap.stop - at - 1)
    # The first card's name and facts: as many lines above its blurb as the shortest header.
    entries.update(range(max(0, first_blurb - min(headers)), first_blurb))
    # The last card's tail and button, when it has them.
    for i in range(last_blurb + 1, min(len(blocks), last_blurb + 1 + MAX_LINES)):
        if features[i].ends_sentence:
            break
        if blocks[i].text == button:
            furniture.add(i)
            _split_tail(page, range(last_blurb + 1, i), furniture, entries)
            break
    return Cards(frozenset(furniture), frozenset(entries - furniture), length + 1)


def _positions(page: Page, gap: range) -> dict[str, list[int]]:
    """Each text of the gap's lines, with the blocks in the gap that hold it."""
    positions: dict[str, list[int]] = {}
    for index in gap:
        positions.setdefault(page.blocks[index].text, []).append(index)
    return positions


def _split_tail(page: Page, tail: range, furniture: set[int], entries: set[int]) -> None:
    """A card's lines before its button: price lines are furniture, the rest (facts) entries."""
    for index in tail:
        (furniture if _price(page.blocks[index].text) else entries).add(index)


def _card_gap(gap: range, at: int) -> bool:
    """Whether the gap reads as one card's end and the next one's start around the button at
    ``at``: at most CARD_LINES lines before it (a price, a badge) and from one to CARD_LINES
    after it (the next card's name and facts; a subhead over its section's list or a table of
    contents' entry has more lines after it, or none)."""
    return at - gap.start <= CARD_LINES and 1 <= gap.stop - at - 1 <= CARD_LINES


def _post_line(page: Page, index: int) -> bool:
    """Whether a rule names the line a post's or a comment's ("Reply", an author, a date): the
    posts of a thread or a comment section, which ``thread`` reads."""
    match = page.rule_match(index)
    return match is not None and match.rule.label in POST_LABELS


def _price(text: str) -> bool:
    """A line of figures and currency signs only ("£89", "24,99 €", "$1,299.00"): no letter."""
    return any(c.isdigit() for c in text) and not any(c.isalpha() for c in text)

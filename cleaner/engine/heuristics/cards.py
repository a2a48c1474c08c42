"""Card lists: a listing's or a collection's entries, told apart by the button every card repeats.

A collection page (a shop's category, a job board, an events calendar) is its headline, an
intro and a list of cards: each card a name, a line or two of facts, a one-sentence blurb, a
price, and the same button ("Quick view", "In den Warenkorb", "Comprar entradas"). The button
stands once between every two blurbs; the names change. Read line by line, each card looks
like a teaser of another story, so the page kept one blurb. When such cards make the page's
content (they begin within the first texts of the page, and their blurbs hold more words than
the text above them: not teasers under an article), the buttons and the price lines are the
cards' furniture (removed, no barrier) and the names and facts are entries: the article's.
Cards without a button are told by their shape, their prices, or, for records (a plan's days,
each the same labels with its own values), by the labels every box repeats.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from ..context import code_marks
from ..page import Page
from ..scores import MARKER_RE, is_paragraph
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
#: Cards without blurbs (``_cards_between_prices``) have from MIN_CARD_LINES to MAX_CARD_LINES
#: lines each, from one price to the next (a name and a price at least; a product's features).
MIN_CARD_LINES = 3
MAX_CARD_LINES = 24
#: Labels of the rules that name a post's or a comment's lines.
POST_LABELS = frozenset({"comments", "byline", "dateline"})
#: Cards told by their shape alone (no button): at least this many in a row, each under a
#: header of at most HEADER_LINES lines (the card above's price, a date, a time and place, a
#: name) of at most HEADER_WORDS words each.
SHAPED_CARDS = 3
HEADER_LINES = 4
HEADER_WORDS = 12
#: A price line has at most PRICE_TOKENS tokens; its one word besides the amount and the
#: currency ("from", "ab", "от", a unit) at most PRICE_WORD letters.
PRICE_TOKENS = 6
PRICE_WORD = 4
#: A price line that anchors cards (``_cards_between_prices``) has at most this many characters
#: ("100 g – 12,50 €", "от 1 890,00 ₽"), and a digit: lines without are spared the tokenising.
PRICE_CHARS = 40
_DIGIT_RE = regex.compile(r"\d")
#: Currency codes and abbreviations written as letters (signs such as "€" or "₽" are told by
#: their Unicode category), case-folded.
CURRENCY_CODES = frozenset(
    [
        "eur",
        "usd",
        "gbp",
        "chf",
        "pln",
        "czk",
        "sek",
        "nok",
        "dkk",
        "huf",
        "ron",
        "bgn",
        "rub",
        "uah",
        "jpy",
        "cny",
        "inr",
        "brl",
        "mxn",
        "cad",
        "aud",
        "zł",
        "zl",
        "kr",
        "kn",
        "kč",
        "ft",
        "lei",
        "лв",
        "руб",
        "р",
        "грн",
        "tl",
    ]
)
_PUNCTUATION = "–-—:;,.()/|·*"
#: The cards begin within the page's first FIRST_TEXTS texts (an intro, a notice above them).
FIRST_TEXTS = 3
#: Records (``_cards_by_records``): at least MIN_CARDS in a row, each RECORD_LINES lines long
#: (the longest at most RECORD_SPREAD times the shortest), repeating labels of at most
#: LABEL_WORDS words that make at least 1 / LABEL_SHARE of each record's lines, with at least
#: OWN_RUNS stretches of the record's own lines between them, one of VALUE_WORDS words or more.
RECORD_LINES = range(3, 61)
RECORD_SPREAD = 2
LABEL_WORDS = 8
LABEL_SHARE = 3
OWN_RUNS = 3
VALUE_WORDS = 6


@dataclass(frozen=True)
class Cards:
    """The lines of a page's card list: its furniture (buttons, prices) and its entries (names,
    facts), and how many cards it has."""

    furniture: frozenset[int]
    entries: frozenset[int]
    cards: int
    #: Lines standing where the other cards hold their button (a sold-out card's "Notify me").
    stand_ins: frozenset[int] = frozenset()


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
            if index in cards.stand_ins:
                yield index, "cta", f"A line where the other cards of a listing of {cards.cards} hold their button."
            elif _price(blocks[index].text):
                yield index, "other", f"A price line of one of the {cards.cards} cards of a listing."
            else:
                yield index, "cta", f"A line every one of the {cards.cards} cards of a listing repeats: its button."


def _find_cards(page: Page) -> Cards | None:
    """The page's card list: told by the button its cards repeat between blurbs, else by their
    shape, else by their prices (cards of short lines: a product's name and features), else by
    the labels each of its records repeats (a plan's days)."""
    return _cards_by_button(page) or _cards_by_shape(page) or _cards_between_prices(page) or _cards_by_records(page)


def _cards_between_prices(page: Page) -> Cards | None:
    """Cards without blurbs (a roundup's product boxes: a name, its features, a price, "Buy
    Now"), told by their price lines: the longest run of at least MIN_CARDS price lines each
    MIN_CARD_LINES to MAX_CARD_LINES lines after the one before, when the first card (the lines
    after the last paragraph above the first price, at most MAX_CARD_LINES) begins within the
    page's first texts and the cards hold more words than the texts above them (teasers under an
    article) and after them (teasers above one). A short line that stands between every two
    prices is the cards' button (furniture); the names, features and prices are entries. The
    prices stay: without its buttons the clean text still reads as the same cards (cleaning it
    again changes nothing)."""
    features, blocks = page.features, page.blocks
    prices = [
        index
        for index, (f, block) in enumerate(zip(features, blocks, strict=True))
        if f.chars <= PRICE_CHARS and _DIGIT_RE.search(block.text) is not None and _price(block.text, named=True)
    ]
    start = best_start = best_end = 0  # the run of prices[start:], and the longest, prices[best_start:best_end]
    for position in range(len(prices)):
        if position and not MIN_CARD_LINES <= prices[position] - prices[position - 1] <= MAX_CARD_LINES:
            start = position
        if position + 1 - start > best_end - best_start:
            best_start, best_end = start, position + 1
    best = prices[best_start:best_end]
    if len(best) < MIN_CARDS:
        return None
    first = best[0]
    while first > 0 and best[0] - first < MAX_CARD_LINES and not is_paragraph(features[first - 1]):
        first -= 1
    last = next(
        (i for i in range(best[-1] + 1, min(len(blocks), best[-1] + 1 + MAX_LINES)) if features[i].ends_sentence),
        min(len(blocks), best[-1] + 1 + MAX_LINES),
    )
    words = sum(f.words for f in features[first:last])
    above = sum(f.words for f in features[:first] if f.ends_sentence)
    after = sum(f.words for f in features[last:] if f.ends_sentence)
    if sum(f.ends_sentence for f in features[:first]) > FIRST_TEXTS or words <= above or words <= after:
        return None
    texts = [{blocks[i].text for i in range(a + 1, b)} for a, b in pairwise(best)]
    buttons = {text for text in set.intersection(*texts) if len(text.split()) <= BUTTON_WORDS}
    furniture = {i for i in range(best[0] + 1, last) if blocks[i].text in buttons and _button(page, blocks[i].text, i)}
    entries = set(range(first, last)) - furniture
    return Cards(frozenset(furniture), frozenset(entries), len(best))


def _cards_by_records(page: Page) -> Cards | None:
    """Records: a plan, a schedule or a spec sheet printed as one box per item, every box the
    same labels in the same order ("Pre-Workout Meal", "Eat 60-90 minutes before your workout",
    "Meal 1") with the item's own values between them. Told by a label that opens each of at
    least MIN_CARDS boxes in a row (``_record_labels``); the boxes are the page's content when
    their words outweigh the texts above and after them. Every line of the boxes, labels
    included, is an entry: a menu printed again and again repeats its lines as a block, without values
    between them, and a comment section's repeated "Reply" has one stretch of its own lines
    between (the post), so neither reads as records."""
    features, blocks = page.features, page.blocks
    positions: dict[str, list[int]] = {}
    for index, f in enumerate(features):
        if f.repeats >= MIN_CARDS and f.words <= LABEL_WORDS:
            positions.setdefault(blocks[index].text, []).append(index)
    best: tuple[list[int], frozenset[str]] | None = None
    for label, found in positions.items():
        start = 0
        for position in range(1, len(found) + 1):
            if position < len(found) and found[position] - found[position - 1] in RECORD_LINES:
                continue
            run = found[start:position]
            start = position
            labels = _record_labels(page, label, run) if len(run) >= MIN_CARDS else None
            if labels is not None and (best is None or run[-1] - run[0] > best[0][-1] - best[0][0]):
                best = (run, labels)
    if best is None:
        return None
    run, labels = best
    # After its last label a box has its last values and then the next box's header: one line
    # (a day, a plan's name) when the shortest such tail has any.
    tail = min(b - 1 - max(i for i in range(a, b) if blocks[i].text in labels) for a, b in pairwise(run))
    header = min(1, tail)
    first = max(0, run[0] - header)
    # The last box: up to its last label and its values, and on over values the other boxes hold.
    length = min(b - a for a, b in pairwise(run))
    last = run[-1] + 1
    for index in range(run[-1] + 1, min(len(blocks), run[-1] + length)):
        if blocks[index].text in labels:
            last = index + 1
    last = min(len(blocks), last + tail - header)
    held = {blocks[i].text for i in range(run[0], run[-1])}
    while last < len(blocks) and last - run[-1] <= length and blocks[last].text in held:
        last += 1
    words = sum(f.words for f in features[first:last])
    above = sum(f.words for f in features[:first] if f.ends_sentence)
    after = sum(f.words for f in features[last:] if f.ends_sentence)
    if words <= above or words <= after:
        return None
    entries = frozenset(i for i in range(first, last) if not _post_line(page, i))
    return Cards(frozenset(), entries, len(run))


def _record_labels(page: Page, label: str, run: list[int]) -> frozenset[str] | None:
    """The labels of the boxes that ``label`` opens at each index of ``run`` (its line and the
    lines every box holds), when the boxes read as records (``_cards_by_records``), else None."""
    blocks, features = page.blocks, page.features
    boxes = [range(a + 1, b) for a, b in pairwise(run)]
    lengths = [len(box) + 1 for box in boxes]
    if max(lengths) > RECORD_SPREAD * min(lengths):
        return None
    labels = set.intersection(*({blocks[i].text for i in box} for box in boxes)) | {label}
    if LABEL_SHARE * len(labels) < max(lengths):
        return None
    for box in boxes:
        runs, valued, inside = 0, False, False
        for index in box:
            own = blocks[index].text not in labels
            runs += own and not inside
            inside = own
            valued = valued or (own and features[index].words >= VALUE_WORDS)
        if runs < OWN_RUNS or not valued:
            return None
    if any(_post_line(page, i) for box in boxes for i in box if blocks[i].text in labels):
        return None  # a comment section's "Reply" and "Report"
    return frozenset(labels)


def _button(page: Page, text: str, index: int) -> bool:
    """Whether a short line may be a card's button: no list's item repeated in the next list,
    no line of an example shown in each section, no post's or comment's line."""
    return MARKER_RE.match(text) is None and not code_marks(text) and not _post_line(page, index)


def _cards_by_shape(page: Page) -> Cards | None:
    """Cards without a button: from the page's first texts on, at least SHAPED_CARDS blurbs in a
    row, each under a header of 1 to HEADER_LINES short lines (a name, an author, the facts, the
    card above's price), the headers alike in length (give or take one line; one header of the
    run may have up to LENGTH_SPREAD more lines above: an ad between two cards). They are the
    page's content when their blurbs outweigh both the text above them (teasers under an
    article) and the text after them (teasers above an article). The headers' price lines are
    the cards' furniture, their other lines entries."""
    features = page.features
    texts = [index for index, f in enumerate(features) if f.ends_sentence]
    if len(texts) < SHAPED_CARDS:
        return None
    # The header of each text: the lines since the text before it (since the page's start).
    headers = [range(a + 1, b) for a, b in zip([-1, *texts], texts, strict=False)]
    best: tuple[int, int] | None = None  # (first card, cards in the run)
    for start in range(min(len(texts), FIRST_TEXTS + 1)):
        end, low, high, wide = start, HEADER_LINES, 1, False
        while end < len(texts) and _header(page, headers[end]):
            lines = len(headers[end])
            if lines > HEADER_LINES:
                if wide:
                    break
                wide = True
            else:
                low, high = min(low, lines), max(high, lines)
                if high - low > 1:
                    break
            end += 1
        if end - start >= SHAPED_CARDS and (best is None or end - start > best[1]):
            best = (start, end - start)
    if best is None:
        return None
    start, length = best
    words = sum(features[i].words for i in texts[start : start + length])
    above = sum(features[i].words for i in texts[:start])
    after = sum(features[i].words for i in texts[start + length :])
    if words <= above or words <= after:
        return None
    furniture: set[int] = set()
    entries: set[int] = set()
    for header in headers[start : start + length]:
        if header.start == 0 and len(header) == 1:
            continue  # the page's first line may be its headline, which no card's name can be told from
        _split_tail(page, range(max(header.start, header.stop - HEADER_LINES), header.stop), furniture, entries)
    if page.sets_lines_apart():  # the last card's tail, set tight under its blurb
        _split_tail(page, _tight_under(page, texts[start + length - 1]), furniture, entries)
    return Cards(frozenset(furniture), frozenset(entries), length)


def _header(page: Page, lines: range) -> bool:
    """Whether the lines between two texts read as a card's header: 1 to HEADER_LINES short
    lines (LENGTH_SPREAD more where an ad stands above the card), none of them a post's author,
    date or reply link."""
    return 1 <= len(lines) <= HEADER_LINES + LENGTH_SPREAD and all(
        page.features[i].words <= HEADER_WORDS and not _post_line(page, i) for i in lines
    )


def _cards_by_button(page: Page) -> Cards | None:
    """The longest run of consecutive gaps between blurbs that each hold the same short line
    once (the button, or in one gap a stand-in: ``_button_run``), when it starts within the
    page's first texts and its blurbs outweigh the text above them."""
    features, blocks = page.features, page.blocks
    texts = [index for index, f in enumerate(features) if f.ends_sentence]
    if len(texts) < MIN_CARDS:
        return None
    gaps = [range(a + 1, b) for a, b in pairwise(texts)]
    # Per gap: where each of its lines' texts stands in it (none for a gap too long for a card).
    where: list[dict[str, list[int]]] = [_positions(page, gap) if 1 <= len(gap) <= MAX_LINES else {} for gap in gaps]
    sets_apart = page.sets_lines_apart()  # (read by ``_card_gap``)
    best: tuple[int, int, str, list[int], int | None] | None = None  # (first gap, gaps, button, its lines, stand-in)
    for start in range(min(len(gaps), FIRST_TEXTS)):
        for button, found in where[start].items():
            if len(found) != 1 or len(button.split()) > BUTTON_WORDS or not _button(page, button, found[0]):
                continue
            buttons, stand_in, wide = _button_run(page, gaps, where, start, button, sets_apart)
            length = len(buttons)
            repeats = length - (stand_in is not None)
            if (
                length + 1 >= MIN_CARDS
                and length > wide
                and repeats >= MIN_CARDS - 1
                and (best is None or length > best[1])
            ):
                best = (start, length, button, buttons, stand_in)
    if best is None:
        return None
    start, length, button, buttons, stand_in = best
    first_blurb, last_blurb = texts[start], texts[start + length]
    above = sum(features[i].words for i in texts[:start])
    blurbs = sum(features[i].words for i in texts[start : start + length + 1])
    if blurbs <= above:
        return None  # teasers under an article, not the page's content
    furniture: set[int] = set()
    entries: set[int] = set()
    headers: list[int] = []
    for gap, at in zip(gaps[start : start + length], buttons, strict=True):
        furniture.add(at)
        _split_tail(page, range(gap.start, at), furniture, entries)  # the card's prices, badges, facts
        # The next card's name and facts: its last CARD_LINES lines (an ad set between two
        # cards stands above them and is left to its own evidence).
        entries.update(range(max(at + 1, gap.stop - CARD_LINES), gap.stop))
        headers.append(min(gap.stop - at - 1, CARD_LINES))
    # The first card's name and facts: as many lines above its blurb as the shortest header.
    entries.update(range(max(0, first_blurb - min(headers)), first_blurb))
    # The last card's tail and button, when it has them; without its button, on a page that sets
    # lines apart, the lines set tight under its blurb (the card's block: its price, a note).
    for i in range(last_blurb + 1, min(len(blocks), last_blurb + 1 + MAX_LINES)):
        if features[i].ends_sentence:
            break
        if blocks[i].text == button:
            furniture.add(i)
            _split_tail(page, range(last_blurb + 1, i), furniture, entries)
            break
    else:
        if sets_apart:
            _split_tail(page, _tight_under(page, last_blurb), furniture, entries)
    stand_ins = frozenset(() if stand_in is None else (stand_in,))
    return Cards(frozenset(furniture), frozenset(entries - furniture), length + 1, stand_ins)


def _button_run(
    page: Page, gaps: list[range], where: list[dict[str, list[int]]], start: int, button: str, sets_apart: bool
) -> tuple[list[int], int | None, int]:
    """The run of gaps from ``start`` on that each hold ``button`` once: the button's line in each
    (a stand-in's in one of them at most), the stand-in (or None) and how many gaps are wide.
    Cards are alike: their furniture differs by a badge or an ad marker at most; one gap of the
    run may hold an ad above the next card's name, and one card another button where the others
    hold theirs ("Notify me" on a sold-out item)."""
    end, low, high, wide = start, len(gaps[start]), len(gaps[start]), 0
    buttons: list[int] = []
    stand_in: int | None = None
    while end < len(gaps):
        held = where[end].get(button, ())
        if len(held) == 1:
            at = held[0]
        elif held or stand_in is not None or not buttons:
            break
        else:
            stand_in = _stand_in(page, gaps[end - 1], buttons[-1], gaps[end], sets_apart)
            if stand_in is None:
                break
            at = stand_in
        fit = _card_gap(page, gaps[end], at, sets_apart)
        if fit is None or (fit == "wide" and wide):
            break
        wide += fit == "wide"
        low, high = min(low, len(gaps[end])), max(high, len(gaps[end]))
        if high - low > LENGTH_SPREAD:
            break
        buttons.append(at)
        end += 1
    if stand_in is not None and stand_in not in buttons:
        stand_in = None  # (its gap did not fit: the run ended before it)
    return buttons, stand_in, wide


def _stand_in(page: Page, before: range, button: int, gap: range, sets_apart: bool) -> int | None:
    """The line of ``gap`` standing where the other cards hold their button, when it may be a
    button (short, no price), else None: on a page that sets lines apart, the line ending the
    card (the next card starts set apart); else the line as many lines from the gap's end as
    the button stands in the gap ``before`` it (the next card's name and facts follow it)."""
    blocks = page.blocks
    if sets_apart:
        ends = (i for i in range(gap.start, min(gap.stop - 1, gap.start + CARD_LINES + 1)) if blocks[i + 1].gap_before)
        at = next(ends, -1)
    else:
        at = gap.stop - (before.stop - button)
    if at not in gap:
        return None
    text = page.blocks[at].text
    if len(text.split()) > BUTTON_WORDS or _price(text) or not _button(page, text, at):
        return None
    return at


def _tight_under(page: Page, index: int) -> range:
    """The lines set tight under the block at ``index``, CARD_LINES at most: the rest of its
    card's block (a price, a note) on a page that sets its cards apart."""
    blocks = page.blocks
    end = index + 1
    while end < min(len(blocks), index + 1 + CARD_LINES) and not blocks[end].gap_before:
        end += 1
    return range(index + 1, end)


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


def _card_gap(page: Page, gap: range, at: int, sets_apart: bool) -> str | None:
    """How the gap reads around the button at ``at``: "card" for one card's end and the next
    one's start (at most CARD_LINES lines before it: a price, a badge; from one to CARD_LINES
    after it: the next card's name and facts), "wide" when up to LENGTH_SPREAD more lines stand
    after it (an ad between two cards, above the next card's name), else None (a subhead over
    its section's list or a table of contents' entry has more lines after it, or none). A
    button ends its card: on a page that sets lines apart (``sets_apart``: a blank line between
    some two of its blocks), the next card starts set apart."""
    after = gap.stop - at - 1
    if at - gap.start > CARD_LINES or not 1 <= after <= CARD_LINES + LENGTH_SPREAD:
        return None
    if page.blocks[at + 1].gap_before == 0 and sets_apart:
        return None  # the line goes on in a list set tight under it: a list's item, not a card's end
    return "card" if after <= CARD_LINES else "wide"


def _post_line(page: Page, index: int) -> bool:
    """Whether a rule names the line a post's or a comment's ("Reply", an author, a date): the
    posts of a thread or a comment section, which ``thread`` reads."""
    match = page.rule_match(index)
    return match is not None and match.rule.label in POST_LABELS


def _price(text: str, named: bool = False) -> bool:
    """A price line: an amount and its currency, with at most one short word ("£89", "24,99 €",
    "$1,299.00", "от 890 ₽", "39,90 zł", "100 g – 12,50 €", "from £40"): a line of figures and
    signs only, or amounts with a currency sign or code and at most one word of PRICE_WORD
    letters. ``named``: the currency too (a figure alone, "1", "2" down a list of the most read,
    is a rank as often as a price)."""
    amounts = others = 0
    currency = False
    tokens = text.split()
    if len(tokens) > PRICE_TOKENS:
        return False
    for token in tokens:
        core = token.strip(_PUNCTUATION)
        if not core:
            continue
        if any(c.isdigit() for c in core) and not any(c.isalpha() for c in core):
            amounts += 1
            currency = currency or any(unicodedata.category(c) == "Sc" for c in core)
        elif all(unicodedata.category(c) == "Sc" for c in core) or core.casefold() in CURRENCY_CODES:
            currency = True
        elif core.isalpha() and len(core) <= PRICE_WORD:
            others += 1
        else:
            return False
    return amounts > 0 and (others == 0 or (others == 1 and currency)) and (currency or not named)

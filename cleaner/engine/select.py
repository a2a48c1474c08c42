"""Block scores: how much keeping a block as article text is worth (positive) or costs (negative).

Prose scores by its length and shape. A line that is not prose (a subhead, a list item, a table
row, a menu item, a link) scores by the shape of article structure against that of site chrome:
what announces or belongs to a list, a section's heading, data, against one- to three-word
links set tight in a menu. The weights of those shapes are log-odds read off the bundled
benchmark pages (AEB, line-level gold) by a logistic regression over these few language-blind
features, rounded (see ``docs/selection.md``); each is a general statement about page structure.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

import regex

from .features import BlockFeatures

#: Score of a block that a rule or heuristic already judged boilerplate.
CLAIMED_SCORE = -3.0
#: A paragraph of this many sentences and words is prose even when its last sentence lacks its
#: full stop (a blog post's paragraph often ends on a phrase; menus and link lists hold no breaks).
RUN_ON_SENTENCES = 3
RUN_ON_WORDS = 40
#: A line of this many words ending with a colon is a lead-in sentence, not a heading ("Related:").
LEAD_IN_WORDS = 6
#: Stopword share of running prose (a short sentence's share is noise).
PROSE_STOPWORDS = 0.30
#: A paragraph (for "a subhead stands above a paragraph"): prose of at least this many words.
PARAGRAPH_WORDS = 8

# Non-prose lines: log-odds of being article text, by shape (see the module docstring).
#: The odds of a line that shows none of the shapes below (the regression's intercept).
LINE_BASE = -2.7
#: By length in words: a one-word line is a menu item or a button far more often than text.
LINE_WORDS = ((1, -1.8), (3, -0.8), (5, 0.3), (9, 0.3), (1 << 30, -0.3))
#: Capitalisation: no word capitalised (a fragment of text), every word (a title-case link).
NO_CAPITALS = 0.7
ALL_CAPITALS = -0.3
#: A digit (data, a date, a quantity, a price, a score).
DIGIT = 0.9
#: It ends with a colon: it announces what follows (a list, a quote, a table).
ANNOUNCES = 2.5
#: It starts with a list marker (a bullet, a dash, "1." or "a)").
LIST_MARKER = 1.8
#: Commas, semicolons or brackets inside: a phrase with parts, not a link text.
INNER_PUNCTUATION = 0.5
#: A paragraph follows: it is that section's heading.
SUBHEAD = 1.7
#: Set tight on both sides (no blank line before or after): menus are; so are lists, which the
#: other shapes tell apart.
TIGHT = -0.3
#: An announced list (``_announced_lists``): each of its lines scores ANNOUNCED more, and at
#: least LIST_FLOOR (the list is kept whole); it has at least MIN_LIST_ITEMS lines; a list under
#: a mere heading (HEADING_WORDS at most, no colon) must be data: DATA_SHARE of its lines hold a
#: number as a word.
ANNOUNCED = 0.9
LIST_FLOOR = 0.1
MIN_LIST_ITEMS = 3
HEADING_WORDS = 10
DATA_SHARE = 0.8
#: Scale from log-odds to the score prose is measured in, and the offset between the two.
LINE_SCALE = 1.0
LINE_OFFSET = 1.0

_DIGIT_RE = regex.compile(r"\d")
_MARKER_RE = regex.compile(r"^(?:[•·▪◦●■►▸*–—-]|\d{1,2}[.)]|[a-z][.)])\s")
_INNER_PUNCTUATION_RE = regex.compile(r"[,;()\[\]]")
#: A number standing as a word of its own ("June 9", "3-1", "$200"; not the digits in "TP_615").
_NUMBER_RE = regex.compile(r"\b\d")


@dataclass(frozen=True, slots=True)
class Run:
    """A half-open range of block indices ``[start, end)`` chosen as article text."""

    start: int
    end: int

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.start <= index < self.end


def ends_prose(f: BlockFeatures, has_stoplist: bool) -> bool:
    """Whether a block ends as prose does: on a sentence end; after so many sentences and words
    that a missing final full stop does not make it a heading; or on a colon after a lead-in as
    long as a sentence ("We found three problems:"), which introduces a quote or a list."""
    if f.ends_sentence:
        return True
    if f.sentences >= RUN_ON_SENTENCES and f.words >= RUN_ON_WORDS:
        return True
    return f.ends_colon and f.words >= LEAD_IN_WORDS and (f.stopword_ratio >= PROSE_STOPWORDS or not has_stoplist)


def prose_score(f: BlockFeatures, has_stoplist: bool) -> float:
    """The score of a block that ``ends_prose``: by length, more for a stopword-rich one."""
    score = 1.0 + min(f.words, 80) / 10.0
    if has_stoplist:
        if f.stopword_ratio >= PROSE_STOPWORDS and f.words >= 4:
            score += 1.0  # (the ratio of three words or fewer is noise)
        elif f.stopword_ratio < 0.12 and f.words >= 8:
            score -= 1.5  # (a short sentence's ratio is noise)
    if f.words < 4:
        score -= 1.0
    return score


def line_score(f: BlockFeatures, text: str, tight: bool) -> float:
    """The score of a line that is not prose, from its own shape (see the constants above);
    ``add_context`` adds what its neighbours say."""
    odds = LINE_BASE + next(weight for most, weight in LINE_WORDS if f.words <= most)
    if f.capitalised_ratio < 0.25:
        odds += NO_CAPITALS
    elif f.capitalised_ratio >= 0.99:
        odds += ALL_CAPITALS
    if _DIGIT_RE.search(text) is not None:
        odds += DIGIT
    if _MARKER_RE.match(text) is not None:
        odds += LIST_MARKER
    if _INNER_PUNCTUATION_RE.search(text) is not None:
        odds += INNER_PUNCTUATION
    if tight:
        odds += TIGHT
    return LINE_SCALE * odds + LINE_OFFSET


def block_scores(
    texts: Sequence[str], gaps: Sequence[int], features: Sequence[BlockFeatures], has_stoplist: bool
) -> list[float]:
    """Every block's own score: prose by ``prose_score``, other lines by ``line_score``."""
    n = len(features)
    scores: list[float] = []
    for index, f in enumerate(features):
        if f.words == 0:
            scores.append(-1.0)
        elif ends_prose(f, has_stoplist):
            scores.append(prose_score(f, has_stoplist))
        else:
            tight = gaps[index] == 0 and index + 1 < n and gaps[index + 1] == 0
            scores.append(line_score(f, texts[index], tight))
    return scores


def add_context(
    scores: list[float],
    texts: Sequence[str],
    gaps: Sequence[int],
    features: Sequence[BlockFeatures],
    has_stoplist: bool,
    claimed: Collection[int] = (),
) -> list[float]:
    """Scores with what a line's neighbours say of it (lines a rule or heuristic claims are
    left as they are and count as no neighbour):

    - a line between a kept block and a paragraph is that section's heading (SUBHEAD);
    - a line ending with a colon above a kept block announces it (ANNOUNCES);
    - the lines of a list are the article's when the list is announced (``_announced_lists``).

    A neighbour counts only if it scores positive itself (after rules, heuristics and hints):
    then it is kept whenever this line is, so cleaning the clean text again sees the same
    neighbour and scores the line alike (idempotence).
    """
    n = len(scores)
    result = list(scores)
    for index, f in enumerate(features):
        if index in claimed or f.words == 0 or ends_prose(f, has_stoplist):
            continue
        below = index + 1
        if (
            index > 0
            and scores[index - 1] > 0
            and below < n
            and scores[below] > 0
            and features[below].words >= PARAGRAPH_WORDS
            and ends_prose(features[below], has_stoplist)
        ):
            result[index] += LINE_SCALE * SUBHEAD
        if f.ends_colon and below < n and scores[below] > 0:
            result[index] += LINE_SCALE * ANNOUNCES
    for heading, items in _announced_lists(scores, texts, gaps, features, claimed):
        result[heading] = max(result[heading], LIST_FLOOR)
        for item in items:
            result[item] = max(result[item] + LINE_SCALE * ANNOUNCED, LIST_FLOOR)
    return result


def _announced_lists(
    scores: Sequence[float],
    texts: Sequence[str],
    gaps: Sequence[int],
    features: Sequence[BlockFeatures],
    claimed: Collection[int],
) -> Iterator[tuple[int, range]]:
    """Lists announced as the article's: a line ending with a colon ("Tour dates:", "You will
    need:") with at least MIN_LIST_ITEMS lines set tight below it (a rendered list; the first
    may stand after one blank line), or a heading above such a list of data, most of whose
    lines hold a number as a word (dates, scores, prices), when the heading follows a kept
    block. The announcing line must not be claimed ("Share this:", "Related:" announce chrome)
    and must score positive itself (with ANNOUNCES); the list ends at the first claimed line."""
    n = len(scores)
    for heading in range(n - 1):
        colon = texts[heading].endswith(":")
        if heading in claimed or (colon and scores[heading] + LINE_SCALE * ANNOUNCES <= 0):
            continue
        if not colon and not (
            heading > 0
            and scores[heading - 1] > 0
            and not features[heading].ends_sentence
            and 1 <= features[heading].words <= HEADING_WORDS
        ):
            continue
        end = heading + 1
        while end < n and end not in claimed and (gaps[end] == 0 or (end == heading + 1 and gaps[end] <= 1)):
            end += 1
        items = range(heading + 1, end)
        if len(items) < MIN_LIST_ITEMS:
            continue
        if not colon and sum(_NUMBER_RE.search(texts[i]) is not None for i in items) < DATA_SHARE * len(items):
            continue
        yield heading, items


def body_score(f: BlockFeatures, has_stoplist: bool) -> float:
    """The score of a block alone (no neighbours): prose by length, other lines by shape."""
    if f.words == 0:
        return -1.0
    if ends_prose(f, has_stoplist):
        return prose_score(f, has_stoplist)
    return line_score(f, "", False)


def strongly_body(f: BlockFeatures, has_stoplist: bool) -> bool:
    """Prose that stands on its own even outside the main run (several long sentences)."""
    stop_ok = f.stopword_ratio >= PROSE_STOPWORDS if has_stoplist else True
    return f.ends_sentence and f.words >= 60 and f.sentences >= 3 and stop_ok and f.repeats == 1

"""Block scores: how much keeping a block as article text is worth (positive) or costs (negative),
from the block alone (``context`` adds what its neighbours say).

Prose scores by its length and shape. A line that is not prose (a subhead, a list item, a table
row, a menu item, a link) scores by the shape of article structure against that of site chrome:
what announces or belongs to a list, a section's heading, data, against one- to three-word
links set tight in a menu. The weights of those shapes are log-odds read off the bundled
benchmark pages (AEB, line-level gold) by a logistic regression over these few language-blind
features, rounded (see ``docs/selection.md``); each is a general statement about page structure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .charclasses import UNSPACED_CLASS
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
#: Scale from log-odds to the score prose is measured in, and the offset between the two.
LINE_SCALE = 1.0
LINE_OFFSET = 1.0

_DIGIT_RE = regex.compile(r"\d")
MARKER_RE = regex.compile(r"^(?:[•·▪◦●■►▸*–—-]|\d{1,2}[.)]|[a-z][.)])\s")
_INNER_PUNCTUATION_RE = regex.compile(r"[,;()\[\]]")
#: A quantity after its item ("面粉 200克", "バター 50g", "砂糖 大さじ1"): a letter, a number, a
#: unit of a few letters at most, the line's end (``quantity_last``). Searched backwards
#: (``(?r)``): a match must end at the line's end, so it is found or ruled out there, not by
#: trying every position of a long paragraph (the same lines match).
_QUANTITY_LAST_RE = regex.compile(r"(?r)\p{L}\s?\d+(?:[.,/]\d+)?\s?\p{L}{0,3}$")
_UNSPACED_RE = regex.compile(UNSPACED_CLASS)


@dataclass(frozen=True, slots=True)
class Run:
    """A half-open range of block indices ``[start, end)`` chosen as article text."""

    start: int
    end: int

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.start <= index < self.end


def quantity_last(text: str) -> bool:
    """A list's line with its quantity last, as a script written without spaces sets a list's
    amounts after their items ("面粉 200克", "バター 50g"), where other scripts put them first
    ("200 g flour", which a number first tells)."""
    return _QUANTITY_LAST_RE.search(text) is not None and _UNSPACED_RE.search(text) is not None


def is_paragraph(f: BlockFeatures) -> bool:
    """A line that reads as a paragraph: a sentence end and at least PARAGRAPH_WORDS words."""
    return f.ends_sentence and f.words >= PARAGRAPH_WORDS


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


def line_score(f: BlockFeatures, text: str) -> float:
    """The score of a line that is not prose, from its own shape (see the constants above)."""
    odds = LINE_BASE + _length_weight(f.words)
    if f.capitalised_ratio < 0.25:
        odds += NO_CAPITALS
    elif f.capitalised_ratio >= 0.99:
        odds += ALL_CAPITALS
    if _DIGIT_RE.search(text) is not None:
        odds += DIGIT
    if MARKER_RE.match(text) is not None:
        odds += LIST_MARKER
    if _INNER_PUNCTUATION_RE.search(text) is not None:
        odds += INNER_PUNCTUATION
    return LINE_SCALE * odds + LINE_OFFSET


def _length_weight(words: int) -> float:
    """The LINE_WORDS weight of a line of ``words`` words."""
    for most, weight in LINE_WORDS:
        if words <= most:
            return weight
    raise ValueError(f"no LINE_WORDS entry for {words} words")  # (the last entry holds any count)


def block_scores(texts: Sequence[str], features: Sequence[BlockFeatures], has_stoplist: bool) -> list[float]:
    """Every block's own score: prose by ``prose_score``, other lines by ``line_score``."""
    scores: list[float] = []
    for text, f in zip(texts, features, strict=True):
        if f.words == 0:
            scores.append(-1.0)
        elif ends_prose(f, has_stoplist):
            scores.append(prose_score(f, has_stoplist))
        else:
            scores.append(line_score(f, text))
    return scores


def body_score(f: BlockFeatures, has_stoplist: bool) -> float:
    """The score of a block alone (no neighbours): prose by length, other lines by shape."""
    if f.words == 0:
        return -1.0
    if ends_prose(f, has_stoplist):
        return prose_score(f, has_stoplist)
    return line_score(f, "")


def strongly_body(f: BlockFeatures, has_stoplist: bool) -> bool:
    """Prose that stands on its own even outside the main run (several long sentences)."""
    stop_ok = f.stopword_ratio >= PROSE_STOPWORDS if has_stoplist else True
    return f.ends_sentence and f.words >= 60 and f.sentences >= 3 and stop_ok and f.repeats == 1

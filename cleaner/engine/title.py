"""Title detection: which lines can be the headline (the decoder chooses one, see ``decode``)."""

from __future__ import annotations

import regex

from .charclasses import UNSPACED_CLASS
from .page import Page

#: How many blocks before the article its headline may stand (the lead between them).
LOOKBACK = 12
#: A headline has this many words.
HEADLINE_WORDS = (3, 30)
#: Quotes, brackets and dashes a headline may open with ("‘We had some issues,’ exec says").
_OPENERS = regex.compile(r"^[\p{Pi}\p{Ps}\p{Pd}\"'¡¿]+")
#: A headline may end with a question or an exclamation, in quotes or not ('"We got her!"').
_QUESTION_OR_EXCLAMATION = regex.compile(r"[?!？！][\p{Pf}\p{Pe}\"']*$")
#: A headline may ask, then answer ("Who will strip the cork? The Alentejo looks for ..."):
#: a question or an exclamation may end its first of two phrases.
_ASKED_FIRST = regex.compile(r"[?!？！][\p{Pf}\p{Pe}\"']*\s+\S")
#: Words with letters (a phone number is no headline).
LETTER_WORD = regex.compile(r"\b[^\W\d_]{2,}")
#: A letter of a script written without spaces (its words are not apart: ``features.words``
#: counts them from the characters), and a first letter of a script without case (Chinese,
#: Japanese, Arabic, Hebrew, Thai, Devanagari...): there a heading starts with any letter.
_UNSPACED_LETTER = regex.compile(UNSPACED_CLASS)
_CASELESS_START = regex.compile(r"^\p{Lo}")
#: A time of day ("9:00", "18:30").
_CLOCK_TIME = regex.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")


def headline_like(page: Page, index: int) -> bool:
    """A heading line: 3-30 words, two of them with letters (or letters of a script without
    spaces), one phrase (no sentence end inside, but a question or an exclamation may end the
    first of two; at the end a question or an exclamation is fine; no items apart by dots, no
    time of day), starting with a capital, a letter of a script without case, or a number ("10
    ways to ..."), after any opening quote or bracket."""
    f = page.features[index]
    text = page.blocks[index].text
    if f.sentences > 2 or (f.sentences == 2 and _ASKED_FIRST.search(text) is None):
        return False
    if f.ends_sentence and _QUESTION_OR_EXCLAMATION.search(text) is None:
        return False
    if "·" in text or "•" in text or "・" in text:
        return False  # items apart by dots (in Japanese "・"): a banner, a share bar or a line of facts
    if ":" in text and _CLOCK_TIME.search(text) is not None:
        return False  # a time of day: a timestamp, a schedule or opening hours, not a headline
    if not HEADLINE_WORDS[0] <= f.words <= HEADLINE_WORDS[1]:
        return False
    if len(LETTER_WORD.findall(text)) < 2 and _UNSPACED_LETTER.search(text) is None:
        return False
    if f.starts_upper or _CASELESS_START.match(text) is not None:
        return True
    first = _OPENERS.sub("", text)[:1]
    return first.isdigit() or (first != text[:1] and first.isupper())

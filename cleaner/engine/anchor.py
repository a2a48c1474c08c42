"""The headline anchor: pages rendered to text start with the <title>, and the article follows
the line that repeats it (the on-page headline). That line pins where the article begins. In
HTML mode the page also says which line is its headline: its ``<h1>``."""

from __future__ import annotations

import regex

from .features import TOKEN_RE as _WORDS
from .page import Page
from .title import LETTER_WORD
from .votes import word_key

#: A title line ends with the site name after a separator ("Headline | Site", "Headline - Site").
_SITE_SUFFIX = regex.compile(r"\s+[|–—•·:»-]\s+[^|–—•·:»]{1,60}$")
#: Share of the candidate's words that must appear in the title line (a headline repeat adds
#: almost nothing: "Read also: <headline>" is a promo, not the headline), and of the title's
#: words (without the site name) that the candidate must cover.
MIN_INSIDE = 0.8
MIN_COVER = 0.6
#: A <title> line is at most this long.
MAX_TITLE_WORDS = 40
#: The article is searched for at most this many blocks after a headline candidate.
WINDOW = 25


def _word_set(text: str) -> set[str]:
    return {w.lower() for w in _WORDS.findall(text)}


#: An ``<h1>`` anchors the article when it has this many words with letters (not a logo).
HEADING_WORDS = (2, 30)


def headline_anchors(page: Page) -> list[int]:
    """The lines that may pin the article's start, best first: the lines that are the page's
    ``<h1>`` (``heading_lines``), then those repeating its <title> (``headline_candidates``)."""
    headings = heading_lines(page)
    return headings + [index for index in headline_candidates(page) if index not in headings]


def heading_lines(page: Page) -> list[int]:
    """Blocks after the first (the <title>) whose text is one of the page's ``<h1>`` texts (same
    letters and digits), with HEADING_WORDS words with letters, in page order."""
    keys = {
        word_key(text)
        for text in page.headings
        if HEADING_WORDS[0] <= len(LETTER_WORD.findall(text)) <= HEADING_WORDS[1]
    }
    keys.discard("")
    if not keys:
        return []
    return [index for index, block in enumerate(page.blocks) if index and word_key(block.text) in keys]


#: A title opens with a letter or a figure, after any quote or bracket.
_TITLE_OPENING = regex.compile(r"^[\p{Pi}\p{Ps}\"'¡¿]*[\p{L}\p{N}]")


def _title_shaped(text: str, tokens: int) -> bool:
    """Whether a first line can be a <title>: it opens with a letter or a figure, and half its
    words or more have letters (a rating "★★★★★ 4.9 from 212 votes" or a price line is none)."""
    return _TITLE_OPENING.match(text) is not None and 2 * len(LETTER_WORD.findall(text)) >= tokens


def headline_candidates(page: Page) -> list[int]:
    """Blocks after the first that repeat the first line (the page title), best matches first."""
    if len(page) < 3 or page.features[0].ends_sentence or page.features[0].words > MAX_TITLE_WORDS:
        return []  # a first line that ends a sentence, or runs long, is prose, not a <title>
    first = page.blocks[0].text
    if not _title_shaped(first, page.features[0].tokens):
        return []
    title_words = _word_set(first)
    core_words = _word_set(_SITE_SUFFIX.sub("", first)) or title_words
    if len(core_words) < 2:
        return []
    found: list[tuple[float, int]] = []
    longest = 2 * len(first) + 20
    most = 2 * len(title_words) + 2
    features = page.features
    tokens = page.tokens
    lower = str.lower
    for index in range(1, len(page)):
        f = features[index]
        if f.chars > longest or f.tokens < 2:  # chars: the block's length
            continue  # too long for a headline, or fewer than two words (distinct words <= tokens)
        kept = tokens[index] if tokens else None
        if kept is None:
            words = _word_set(page.blocks[index].text)
        elif title_words.isdisjoint(map(lower, kept)):
            continue  # no word of the title (most lines): ``inside`` is 0, and no set is built
        else:
            words = set(map(lower, kept))
        if len(words) < 2 or len(words) > most:
            continue
        inside = len(words & title_words) / len(words)
        if inside < MIN_INSIDE:
            continue  # spare the second intersection
        covers = len(words & core_words) / len(core_words)
        if covers >= MIN_COVER:
            found.append((inside + covers, index))
    return [index for _, index in sorted(found, key=lambda item: (-item[0], item[1]))]

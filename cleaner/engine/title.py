"""Title detection: which lines can be the headline (the decoder chooses one, see ``decode``)."""

from __future__ import annotations

from .page import Page

#: How many blocks before the article its headline may stand (the lead between them).
LOOKBACK = 12
#: A headline has this many words.
HEADLINE_WORDS = (3, 30)


def headline_like(page: Page, index: int) -> bool:
    """A heading line: 3-30 words, no sentence end (a question mark is fine), starting with a
    capital or a number ("10 ways to ...")."""
    f = page.features[index]
    text = page.blocks[index].text
    if f.ends_sentence and not text.endswith("?"):
        return False
    if not HEADLINE_WORDS[0] <= f.words <= HEADLINE_WORDS[1]:
        return False
    return f.starts_upper or text[:1].isdigit()

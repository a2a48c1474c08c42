"""The lead zone: between the headline and the first full paragraph sit the standfirst (dek),
picture captions and similar header material; the line just before the first full paragraph
is the article's opening line and stays."""

from __future__ import annotations

from collections.abc import Mapping

from .assemble import Decision
from .page import Page

#: A full paragraph: at least this many words and a sentence end.
PARAGRAPH_WORDS = 25
#: Claimed blocks that belong to an article's header (and so mark where the header ends).
HEADER_LABELS = frozenset({"caption", "credit", "byline", "dateline", "dek"})
#: The zone is header material only when it holds at least this many unclaimed sentences
#: (standfirst + caption); a single one may be the article's first paragraph.
MIN_OPEN_BLOCKS = 2
MAX_OPEN_BLOCKS = 3
#: The first full paragraph is looked for at most this many blocks after the headline.
LEAD_WINDOW = 10


def lead_zone(page: Page, title: int | None, claimed: Mapping[int, Decision]) -> dict[int, Decision]:
    """Decisions for the unclaimed blocks between the headline and the first full paragraph."""
    if title is None:
        return {}
    first_paragraph = next(
        (
            index
            for index in range(title + 1, min(len(page), title + 1 + LEAD_WINDOW))
            if page.features[index].words >= PARAGRAPH_WORDS and page.features[index].ends_sentence
        ),
        None,
    )
    if first_paragraph is None:
        return {}
    # The article's opening lines run unbroken up to the first full paragraph; header material
    # sits before the last credit, byline or date line, or before an opening line without a full
    # stop right above the first paragraph.
    last_header = max(
        (
            i
            for i in range(title + 1, first_paragraph)
            if (i in claimed and claimed[i].label in HEADER_LABELS)
            or (i == first_paragraph - 1 and i not in claimed and not page.features[i].ends_sentence)
        ),
        default=title,
    )
    decisions: dict[int, Decision] = {}
    open_blocks = [i for i in range(title + 1, min(last_header, first_paragraph - 1)) if i not in claimed]
    if any(page.features[i].sentences > 1 for i in open_blocks):
        return decisions  # standfirsts and captions are single sentences; these are paragraphs
    if not MIN_OPEN_BLOCKS <= len(open_blocks) <= MAX_OPEN_BLOCKS:
        # One lone sentence may be the first paragraph (a dek is fine either way); many short
        # sentences are the article itself, written in short paragraphs.
        return decisions
    for position, index in enumerate(open_blocks):
        f = page.features[index]
        if position == 0 and index == title + 1 and (f.ends_sentence or f.words >= 8):
            decisions[index] = Decision(
                "dek", "heuristic.lead_zone", "The standfirst: the first sentence under the headline."
            )
        elif f.ends_sentence:
            decisions[index] = Decision(
                "caption",
                "heuristic.lead_zone",
                "A lone sentence between the headline and the first paragraph, as a picture caption is.",
            )
    return decisions

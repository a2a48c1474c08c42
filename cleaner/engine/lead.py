"""The lead zone: between the headline and the first full paragraph, a lone sentence that the
layout sets apart (more blank lines around it than between paragraphs) is a figure's caption."""

from __future__ import annotations

from collections.abc import Mapping
from statistics import median

from .assemble import Decision
from .page import Page

#: A full paragraph: at least this many words and a sentence end.
PARAGRAPH_WORDS = 25
#: The first full paragraph is looked for at most this many blocks after the headline.
LEAD_WINDOW = 10


def lead_zone(
    page: Page, title: int | None, claimed: Mapping[int, Decision], usual_gap: float | None = None
) -> dict[int, Decision]:
    """Caption decisions for set-apart single sentences between the headline and the article;
    ``usual_gap`` is ``usual_gap(page)`` when the caller has it (selection asks once a round)."""
    if title is None or len(page) < 3:
        return {}
    end = min(len(page), title + 1 + LEAD_WINDOW)
    first_paragraph = next(
        (
            i
            for i in range(title + 1, end)
            if page.features[i].words >= PARAGRAPH_WORDS and page.features[i].ends_sentence
        ),
        None,
    )
    if first_paragraph is None:
        return {}
    if usual_gap is None:
        usual_gap = page_usual_gap(page)
    decisions: dict[int, Decision] = {}
    for index in range(title + 1, first_paragraph - 1):
        f = page.features[index]
        set_apart = page.blocks[index].gap_before > usual_gap and page.blocks[index + 1].gap_before > usual_gap
        if index not in claimed and set_apart and f.ends_sentence and f.sentences == 1:
            decisions[index] = Decision(
                "caption",
                "heuristic.lead_zone",
                "A lone sentence under the headline set apart by extra blank lines, as a figure's caption is.",
            )
    return decisions


def page_usual_gap(page: Page) -> float:
    """The median number of blank lines between blocks (``gap_before`` of all but the first)."""
    return median(block.gap_before for block in page.blocks[1:])

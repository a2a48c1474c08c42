"""Dates that are the article's content, not the page's dateline (which stands once, under the
headline): a release's date under each version heading of release notes ("Version 5.4.0",
"v2.3", "7.3.2 – Bugfixes"), and a date set tight against a row of data the article keeps (an
event's date over its times and prices). Selection reads them as their dateline rule's
claims (furniture, no barrier between the article's parts) and keeps them inside the article."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import regex

from .assemble import Decision
from .page import Page

#: A version number: two or three dot-separated numbers, after an optional "v", standing alone.
_VERSION = regex.compile(r"(?<![\w.,])[vV]?\d{1,4}\.\d{1,4}(?:\.\d{1,4})?(?![\w.,]*\d)")
#: A version heading has at most this many words and no sentence end.
HEADING_WORDS = 6
#: A page is release notes when at least this many dates stand under version headings.
RELEASES = 2
#: A date set tight against this many rows of data is a row of their box.
BOX_ROWS = 2
#: A date line has at most this many words and no sentence end (a correction note, also a
#: dateline rule's, is a sentence).
DATE_WORDS = 8
#: The label dateline rules give.
DATELINE = "dateline"


def release_dates(page: Page, claimed: Mapping[int, Decision]) -> list[int]:
    """The claimed date lines each right under a version heading (a short line of its own that
    no rule claims, holding a version number), when the page has RELEASES of them or more."""
    features, blocks = page.features, page.blocks
    found = [
        index
        for index, decision in claimed.items()
        if _date_line(page, index, decision)
        and index > 0
        and index - 1 not in claimed
        and not features[index - 1].ends_sentence
        and 1 <= features[index - 1].words <= HEADING_WORDS
        and _VERSION.search(blocks[index - 1].text) is not None
    ]
    return sorted(found) if len(found) >= RELEASES else []


def listed_dates(
    page: Page, claimed: Mapping[int, Decision], rows: Callable[[int], bool], kept: Sequence[bool]
) -> set[int]:
    """The claimed date lines set tight (no blank line between) against BOX_ROWS kept rows of
    data or more (``rows``: a property's name and value, a number first, cells; no sentence
    end: "NAME: a quote." is a speaker's line, no datum), as "Samstag,
    20. Juni 2026" over "Einlass: 18:30 Uhr" and "Beginn: 19:30 Uhr": a row of the same box (a
    byline's date over one "Reading time: 6 minutes" line is the page's)."""
    blocks = page.blocks
    n = len(blocks)
    ends_sentence = [f.ends_sentence for f in page.features]

    def tight_rows(start: int, step: int) -> int:
        count, index = 0, start
        while 0 <= index < n and count < BOX_ROWS and kept[index] and rows(index) and not ends_sentence[index]:
            joined = blocks[index].gap_before if step > 0 else blocks[index + 1].gap_before
            if joined:
                break
            count += 1
            index += step
        return count

    return {
        index
        for index, decision in claimed.items()
        if _date_line(page, index, decision) and max(tight_rows(index + 1, 1), tight_rows(index - 1, -1)) >= BOX_ROWS
    }


def _date_line(page: Page, index: int, decision: Decision) -> bool:
    """Whether a dateline rule claims block ``index`` and it reads as a date alone: DATE_WORDS
    words at most, no sentence end."""
    f = page.features[index]
    return decision.label == DATELINE and f.words <= DATE_WORDS and not f.ends_sentence

"""Dates that are the article's content, not the page's dateline (which stands once, under the
headline): a release's date under each version heading of release notes ("Version 5.4.0",
"v2.3", "7.3.2 – Bugfixes"). Selection reads them as their dateline rule's claims (furniture,
no barrier between the releases) and keeps them inside the article."""

from __future__ import annotations

from collections.abc import Mapping

import regex

from .assemble import Decision
from .page import Page

#: A version number standing alone: "v" and two or three dot-separated numbers, three such
#: numbers, or two with a minor part of one or two digits ("4.2"; "10.624" is a thousands
#: separator's figure).
_VERSION = regex.compile(
    r"(?<![\w.,])(?:[vV]\d{1,4}\.\d{1,4}(?:\.\d{1,4})?|\d{1,4}\.\d{1,4}\.\d{1,4}|\d{1,3}\.\d{1,2})(?![\w.,]*\d)"
)
#: A version heading has at most this many words and no sentence end.
HEADING_WORDS = 6
#: A page is release notes when at least this many dates stand under version headings.
RELEASES = 2
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


def _date_line(page: Page, index: int, decision: Decision) -> bool:
    """Whether a dateline rule claims block ``index`` and it reads as a date alone: DATE_WORDS
    words at most, no sentence end."""
    f = page.features[index]
    return decision.label == DATELINE and f.words <= DATE_WORDS and not f.ends_sentence

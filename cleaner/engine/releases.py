"""Release notes: a changelog sets each release as a version heading ("Version 5.4.0", "v2.3",
"7.3.2 – Bugfixes") with its date right under it. Such a date is the release's, part of the
article, not the page's dateline, which stands once: inside the article it is kept (selection
reads it as its dateline rule's claim: furniture, no barrier between the releases)."""

from __future__ import annotations

from collections.abc import Mapping

import regex

from .assemble import Decision
from .page import Page

#: A version number: two or three dot-separated numbers, after an optional "v", standing alone.
_VERSION = regex.compile(r"(?<![\w.,])[vV]?\d{1,4}\.\d{1,4}(?:\.\d{1,4})?(?![\w.,]*\d)")
#: A version heading has at most this many words and no sentence end.
HEADING_WORDS = 6
#: A page is release notes when at least this many dates stand under version headings.
RELEASES = 2
#: The label dateline rules give.
DATELINE = "dateline"


def release_dates(page: Page, claimed: Mapping[int, Decision]) -> list[int]:
    """The claimed date lines each right under a version heading (a short line of its own that
    no rule claims, holding a version number), when the page has RELEASES of them or more."""
    features, blocks = page.features, page.blocks
    found = [
        index
        for index, decision in claimed.items()
        if decision.label == DATELINE
        and index > 0
        and index - 1 not in claimed
        and not features[index - 1].ends_sentence
        and 1 <= features[index - 1].words <= HEADING_WORDS
        and _VERSION.search(blocks[index - 1].text) is not None
    ]
    return sorted(found) if len(found) >= RELEASES else []

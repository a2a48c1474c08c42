"""Tables of contents: under a "Contents" heading, the titles of the article's own sections."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..page import Page
from ..scores import is_paragraph
from .base import Verdict, heuristic

#: A table of contents lists at most this many sections.
MAX_ENTRIES = 30
#: An entry is a section title: no sentence end, at most this many words.
ENTRY_WORDS = 15


@heuristic(
    "table_of_contents",
    "nav",
    "The lines under a table of contents' heading that name a section of the page are its links.",
    role="furniture",
)
def table_of_contents(page: Page, indices: Sequence[int]) -> Iterator[Verdict]:
    wanted = set(indices)
    titles: dict[str, list[int]] | None = None  # where each text stands as a title (built at the first heading)
    for index in indices:
        match = page.rule_match(index)
        if match is None or match.rule.role != "toc_heading":
            continue
        if titles is None:
            titles = _section_titles(page)
        heading = page.blocks[index].text
        listed: set[str] = set()
        for entry in range(index + 1, min(len(page), index + 1 + MAX_ENTRIES)):
            f = page.features[entry]
            text = page.blocks[entry].text
            below = page.features[entry + 1] if entry + 1 < len(page) else None
            heads_paragraph = below is not None and is_paragraph(below)
            elsewhere = any(position != entry for position in titles.get(text, ()))
            if f.ends_sentence or f.words > ENTRY_WORDS or not elsewhere or heads_paragraph or text in listed:
                break  # prose, a line naming no section, or a section's own heading (above its
                # paragraph, or repeating an entry: a table lists each section once): it is over
            listed.add(text)
            if entry in wanted and page.rule_match(entry) is None:
                yield entry, "nav", f"Listed under the heading {heading[:40]!r} and repeated as a section title."


def _section_titles(page: Page) -> dict[str, list[int]]:
    """Where each line that could title a section stands: a line with a blank line (or nothing)
    after it, which a list's items and a table's rows are not; on a page set without blank
    lines, where layout tells nothing, any line. (A table of contents may stand after sections
    it lists, as sites repeat it or float it down.)"""
    blocks = page.blocks
    sets_apart = page.sets_lines_apart()
    titles: dict[str, list[int]] = {}
    for position, block in enumerate(blocks):
        if not sets_apart or position + 1 == len(blocks) or blocks[position + 1].gap_before > 0:
            titles.setdefault(block.text, []).append(position)
    return titles

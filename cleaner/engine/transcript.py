"""Transcripts: lines set out as "Speaker: words" where a speaker's label recurs nearby (an
interview, a hearing, a chat log, a script). Such lines are the article's, whatever a rule for
one-off "Label: text" lines (a house ad's "Series: pitch") would say of each alone."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .page import Page

#: A speaker's label: one to three words (a name, a role) before a colon and a space.
_LABEL = regex.compile(r"^(\p{Lu}[\w.’'-]*(?:\s[\w.’'-]+){0,2}):\s")
#: A label counts as a speaker's when it recurs within this many blocks.
WITHIN = 8


def transcript_lines(page: Page, indices: Iterable[int]) -> set[int]:
    """Those of ``indices`` whose "Label:" recurs within WITHIN blocks on a line saying something
    else, with another label among them (two speakers: a repeated house ad is one line twice)."""
    wanted = sorted(set(indices))
    if not wanted:
        return set()
    blocks = page.blocks
    around = {
        other for index in wanted for other in range(max(0, index - WITHIN), min(len(blocks), index + WITHIN + 1))
    }
    labels = {other: found.group(1) for other in around if (found := _LABEL.match(blocks[other].text)) is not None}
    speakers: set[int] = set()
    for index in wanted:
        label = labels.get(index)
        if label is None:
            continue
        near = [other for other in range(index - WITHIN, index + WITHIN + 1) if other != index and other in labels]
        again = any(labels[o] == label and blocks[o].text != blocks[index].text for o in near)
        others = any(labels[o] != label for o in near)
        if again and others:  # one speaker again, saying something else, and someone else: a dialogue
            speakers.add(index)
    return speakers

"""Sign-up boxes: a newsletter box set between an article's sections is a few tight lines (its
heading, pitch, e-mail field, button); a rule names one of them, the box's layout the rest."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..page import Page
from .base import Verdict, heuristic
from .figures import sets_paragraphs_tight

#: A box holds this many lines at most...
MAX_BOX_LINES = 5
#: ... each of this many words at most (a pitch is a sentence, a paragraph is longer).
MAX_BOX_LINE_WORDS = 25


@heuristic(
    "signup_box",
    "cta",
    "A short line set tight (no blank line between) in one box with a sign-up prompt is that "
    "box's heading, pitch, field or button.",
)
def signup_box(page: Page, indices: Sequence[int]) -> Iterator[Verdict]:
    if not page.sets_lines_apart():
        return
    tight_page: bool | None = None  # read off the page at the first box (most pages have none)
    for index in indices:
        if page.features[index].words > MAX_BOX_LINE_WORDS or _removing_match(page, index):
            continue
        box = _tight_box(page, index)
        if not _box_shaped(page, box):
            continue
        prompt = next((other for other in box if other != index and _signup_prompt(page, other)), None)
        if prompt is None or not _joined(page, index, prompt):
            continue
        if tight_page is None:
            tight_page = sets_paragraphs_tight(page)
        if tight_page:
            return
        yield index, "cta", f"Set in one box with the sign-up prompt {page.blocks[prompt].text[:50]!r}."


def _tight_box(page: Page, index: int) -> range:
    """The lines set tight with block ``index``: no blank line parts them, one does on each side."""
    blocks = page.blocks
    start = index
    while start > 0 and blocks[start].gap_before == 0 and index - start < MAX_BOX_LINES:
        start -= 1
    end = index + 1
    while end < len(blocks) and blocks[end].gap_before == 0 and end - start <= MAX_BOX_LINES:
        end += 1
    return range(start, end)


def _box_shaped(page: Page, box: range) -> bool:
    """Whether the lines can be one box: few and short, and not a list that the line above
    announces (it ends with a colon)."""
    if len(box) > MAX_BOX_LINES or any(page.features[i].words > MAX_BOX_LINE_WORDS for i in box):
        return False
    return box.start == 0 or not page.blocks[box.start - 1].text.rstrip().endswith((":", "："))


def _joined(page: Page, index: int, prompt: int) -> bool:
    """Whether nothing a rule claims as other than a prompt stands between block ``index`` and
    the prompt (a byline and its date set tight above a prompt are the article's lead)."""
    between = range(min(index, prompt) + 1, max(index, prompt))
    return not any(_removing_match(page, i) and not _signup_prompt(page, i) for i in between)


def _signup_prompt(page: Page, index: int) -> bool:
    """Whether a rule that removes wherever it matches claims block ``index`` as a prompt."""
    match = page.rule_match(index)
    return match is not None and match.rule.label == "cta" and match.rule.where == "anywhere"


def _removing_match(page: Page, index: int) -> bool:
    """Whether a rule that removes wherever it matches claims block ``index`` (an outside-only
    hint, a legal line's, does not: such a line in the box is the box's)."""
    match = page.rule_match(index)
    return match is not None and match.rule.where == "anywhere"

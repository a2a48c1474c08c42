"""Sign-up boxes: a newsletter box set between an article's sections is a few tight lines (its
heading, pitch, e-mail field, button); a rule names one of them, the box's layout the rest."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..context import structured_row
from ..page import Page
from .base import Verdict, ends_with_colon, heuristic
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
    for index in indices:
        if page.features[index].words > MAX_BOX_LINE_WORDS or _removing_match(page, index):
            continue
        box = _tight_box(page, index)
        prompt = next((other for other in box if other != index and _signup_prompt(page, other)), None)
        if prompt is None or not _box_shaped(page, box) or not _joined(page, index, prompt):
            continue  # (the prompt first: most lines stand in no box with one)
        if sets_paragraphs_tight(page):  # (read off the page at the first box: most have none)
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
    """Whether the lines can be one box: few and short, none a list item or a table's row
    (``structured_row``, or half its words figures: a table set tight above a prompt is the
    article's), and not a list that the line above announces (it ends with a colon)."""
    if len(box) > MAX_BOX_LINES or any(page.features[i].words > MAX_BOX_LINE_WORDS for i in box):
        return False
    if any(_row(page, i) for i in box):
        return False
    return box.start == 0 or not ends_with_colon(page.blocks[box.start - 1].text)


def _row(page: Page, index: int) -> bool:
    """Whether a line no rule claims is a list item or a table's row (a date line a rule names
    is furniture, figures and all)."""
    text = page.blocks[index].text
    return (structured_row(text) or _figures_row(text)) and not _removing_match(page, index)


def _figures_row(text: str) -> bool:
    """Whether two words or more of the line, and half of them, are figures ("Bilbao 166.022
    74,8 %"): a table's row, however its cells are set apart."""
    words = text.split()
    figures = sum(1 for word in words if any(character.isdigit() for character in word))
    return figures >= 2 and 2 * figures >= len(words)


def _joined(page: Page, index: int, prompt: int) -> bool:
    """Whether nothing a rule claims as other than a prompt stands between block ``index`` and
    the prompt (a byline and its date set tight above a prompt are the article's lead)."""
    between = range(min(index, prompt) + 1, max(index, prompt))
    return not any(_removing_match(page, i) and not _signup_prompt(page, i) for i in between)


def _signup_prompt(page: Page, index: int) -> bool:
    """Whether a rule that removes wherever it matches claims block ``index`` as a prompt, and
    the line opens as a line does, not in lower case (the last line of a hard-wrapped paragraph,
    "comment.", is no prompt)."""
    match = page.rule_match(index)
    if match is None or match.rule.label != "cta" or match.rule.where != "anywhere":
        return False
    first = next((character for character in page.blocks[index].text if character.isalnum()), "")
    return not first.islower()


def _removing_match(page: Page, index: int) -> bool:
    """Whether a rule that removes wherever it matches claims block ``index`` (an outside-only
    hint, a legal line's, does not: such a line in the box is the box's)."""
    match = page.rule_match(index)
    return match is not None and match.rule.where == "anywhere"

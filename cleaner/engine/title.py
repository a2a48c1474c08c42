"""Title detection: the headline is a short heading line shortly before the article run."""

from __future__ import annotations

from collections.abc import Mapping

from .assemble import Decision
from .page import Page
from .select import Run

#: How many blocks before the article run are searched for the headline.
LOOKBACK = 12


def find_title(page: Page, run: Run, claimed: Mapping[int, Decision]) -> int | None:
    """The block index of the headline, or None when no heading precedes the article."""
    if run.end <= run.start:
        return None
    first = page.blocks[0].text if page.blocks else ""
    best: tuple[float, int] | None = None
    for index in range(max(0, run.start - LOOKBACK), run.start):
        f = page.features[index]
        if index in claimed or (f.ends_sentence and not page.blocks[index].text.endswith("?")):
            continue
        if not (3 <= f.words <= 30) or not (f.starts_upper or page.blocks[index].text[:1].isdigit()):
            continue  # a headline starts with a capital or a number ("10 ways to ...")
        score = -0.05 * (run.start - index)
        if index > 0 and _overlap(page.blocks[index].text, first) >= 0.6:
            score += 2.0
        if best is None or score > best[0]:
            best = (score, index)
    return best[1] if best else None


def _overlap(a: str, b: str) -> float:
    words_a = set(a.lower().split())
    words_b = set(b.lower().split())
    return len(words_a & words_b) / len(words_a) if words_a else 0.0

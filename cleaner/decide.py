"""Turn rule matches, heuristic verdicts and the selected run into one Decision per block."""

from __future__ import annotations

from collections.abc import Sequence

from .assemble import Decision
from .heuristics import Heuristic
from .page import Page
from .select import CLAIMED_SCORE, Run, best_run, body_score, strongly_body
from .title import find_title

KEPT = Decision("body", "", "")


def decide(page: Page, heuristics: Sequence[Heuristic], keep: frozenset[str]) -> tuple[list[Decision], str | None]:
    """Decide every block; returns the decisions and the headline (or None)."""
    claimed: dict[int, Decision] = {}
    hints: set[int] = set()
    for index, match in enumerate(page.rule_matches):
        if match is None:
            continue
        if match.rule.where == "outside":
            hints.add(index)
        else:
            claimed[index] = Decision(match.rule.label, match.rule.id, match.reason)
    for item in heuristics:
        for index, label, reason in item(page):
            claimed.setdefault(index, Decision(label, item.id, reason))

    has_stoplist = page.language is not None
    scores = [
        CLAIMED_SCORE if (i in claimed or i in hints) else body_score(f, has_stoplist)
        for i, f in enumerate(page.features)
    ]
    run = best_run(scores) or Run(0, 0)
    title_index = find_title(page, run, claimed)

    decisions: list[Decision] = []
    for index, f in enumerate(page.features):
        if index == title_index:
            decision = Decision(
                "title", "heuristic.title", "The headline: a short heading line just before the article."
            )
        elif index in claimed:
            decision = claimed[index]
        elif index in run or strongly_body(f, has_stoplist):
            decision = KEPT
        else:
            decision = _outside(page, index)
        if decision.label in keep:
            decision = KEPT
        decisions.append(decision)
    title = page.blocks[title_index].text if title_index is not None else None
    return decisions, title


def _outside(page: Page, index: int) -> Decision:
    """A block outside the article run: a link-list line is nav, anything else other."""
    f = page.features[index]
    if not f.ends_sentence and f.words <= 12:
        return Decision(
            "nav", "heuristic.outside_run", f"A {f.words}-word line without a sentence end, outside the article."
        )
    return Decision("other", "heuristic.outside_run", "Outside the main run of article paragraphs.")

"""What a block left outside the article is, told by where it stands and what stands around it.

Selection (``decide``) finds the article's span; a block outside it that no rule or heuristic
claims gets the label of its page region and a reason that names the evidence:

- above the article, a stretch of short lines is a menu (``heuristic.menu``, nav); anything
  else there is page-top content (``heuristic.page_top``);
- between the headline and the article stand the bylines, dates, share bars and standfirsts
  (``heuristic.under_headline``);
- after the article, headline-length short lines in a stretch are a list of other stories
  (``heuristic.story_list``, promo), a paragraph is a teaser (``heuristic.teasers``, promo), and
  a line of a word or three a link (``heuristic.after_article``, nav); from the stretch that
  holds the first copyright or terms line after the article (a ``legal`` claim) on, the page's
  foot (``heuristic.page_foot``, legal: the footer's links stand with its legal lines).

In HTML mode trafilatura's vote is part of the reason, after ours.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .assemble import Decision
from .decode import COMMENTS, LEAD, POST, PRE
from .features import BlockFeatures
from .page import Page
from .scores import is_paragraph

#: A line of at most this many words without a sentence end is a short line (a link, a label).
SHORT_WORDS = 12
#: A stretch of at least this many short lines is a menu (above the article) or a story list
#: (after it): one or two short lines alone are not a list.
STRETCH = 3
#: The states after the article, and all those outside it.
AFTER = frozenset({POST, COMMENTS})
OUTSIDE = frozenset({PRE, LEAD, POST, COMMENTS})
#: A short line of at least this many words reads as a headline; shorter ones as links.
HEADLINE_WORDS = 4


def is_short_line(f: BlockFeatures) -> bool:
    """A line of a few words and no sentence end: a link, a button, a label, a headline."""
    return not f.ends_sentence and (f.words <= SHORT_WORDS or f.capitalised_ratio >= 0.5)


class Regions:
    """The regions of one decoded page, computed once; ``describe`` names one outside block."""

    def __init__(
        self, page: Page, path: Sequence[int], title_index: int | None, claimed: Mapping[int, Decision]
    ) -> None:
        self.page = page
        self.path = path
        self.has_title = title_index is not None
        self.short = [is_short_line(f) for f in page.features]
        self.stretch = _stretch_lengths(
            [short and state in OUTSIDE for short, state in zip(self.short, path, strict=True)], path
        )
        links = [short and f.words < HEADLINE_WORDS for short, f in zip(self.short, page.features, strict=True)]
        self.foot_start = _foot_start(path, links, claimed)

    def describe(self, index: int) -> Decision:
        """The label, region id and reason of an unclaimed block outside the article."""
        decision = self._region(index)
        vote = self.page.extractor_votes[index]
        if vote is None:
            return decision
        said = "trafilatura left it out too" if vote is False else "though trafilatura kept it"
        return Decision(decision.label, decision.rule, f"{decision.reason[:-1]}; {said}.")

    def _region(self, index: int) -> Decision:
        f = self.page.features[index]
        state = self.path[index]
        if state == LEAD:
            if is_paragraph(f):
                return Decision(
                    "dek", "heuristic.under_headline", "A sentence between the headline and the article: a standfirst."
                )
            return Decision(
                "other",
                "heuristic.under_headline",
                f"{line_words(f)} between the headline and the article, where bylines, dates and share bars stand.",
            )
        if state == PRE:
            where = "above the headline" if self.has_title else "above the article"
            if self.short[index] and self.stretch[index] >= STRETCH:
                return Decision(
                    "nav", "heuristic.menu", f"One of {self.stretch[index]} short lines in a row {where}: a menu."
                )
            kind = "other" if is_paragraph(f) else "nav"
            return Decision(kind, "heuristic.page_top", f"{line_words(f)} {where}, outside the article.")
        if state == POST and index >= self.foot_start:
            return Decision(
                "legal",
                "heuristic.page_foot",
                f"{line_words(f)} in the page's foot, with its copyright or terms lines.",
            )
        if is_paragraph(f):
            return Decision(
                "promo", "heuristic.teasers", "A paragraph after the article's end: another story's summary."
            )
        if self.short[index] and f.words < HEADLINE_WORDS:
            return Decision(
                "nav", "heuristic.after_article", f"{line_words(f)} after the article's end: a link or a label."
            )
        if self.short[index] and self.stretch[index] >= STRETCH:
            return Decision(
                "promo",
                "heuristic.story_list",
                f"One of {self.stretch[index]} short lines in a row after the article: other stories.",
            )
        return Decision("other", "heuristic.after_article", f"{line_words(f)} after the article's end.")


def line_words(f: BlockFeatures) -> str:
    """'A 5-word line without a sentence end' and the like, for reasons."""
    end = "" if f.ends_sentence else " without a sentence end"
    return f"A {f.words}-word line{end}"


def _foot_start(path: Sequence[int], links: Sequence[bool], claimed: Mapping[int, Decision]) -> int:
    """Where the page's foot begins: the first ``legal`` claim after the article, with the links
    and claimed lines right above it (a footer's menu); past the end when there is none."""
    after = next((index for index, state in enumerate(path) if state in AFTER), len(path))
    first = next((i for i in sorted(claimed) if i >= after and claimed[i].label == "legal"), None)
    if first is None:
        return len(path)
    start = first
    while start - 1 >= after and (links[start - 1] or start - 1 in claimed):
        start -= 1
    return start


def _stretch_lengths(short: Sequence[bool], states: Sequence[int]) -> list[int]:
    """For each block, how many lines the run of short lines in one state it belongs to has (0
    if the block is not short): a menu is counted above the headline, not with it."""
    lengths = [0] * len(short)
    start = 0
    while start < len(short):
        if not short[start]:
            start += 1
            continue
        end = start
        while end < len(short) and short[end] and states[end] == states[start]:
            end += 1
        for index in range(start, end):
            lengths[index] = end - start
        start = end
    return lengths

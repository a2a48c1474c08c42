"""Selection: score each block's body-likeness and choose the article as the best contiguous run.

An article is mostly one contiguous run of body-like blocks, so the run with the largest summed
score (a maximum-subarray) is the article; blocks outside it are boilerplate unless strongly body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from .features import BlockFeatures

#: Score of a block that a rule or heuristic already judged boilerplate.
CLAIMED_SCORE = -3.0
#: A paragraph of this many sentences and words is prose even when its last sentence lacks its
#: full stop (a blog post's paragraph often ends on a phrase; menus and link lists hold no breaks).
RUN_ON_SENTENCES = 3
RUN_ON_WORDS = 40
#: A line of this many words ending with a colon is a lead-in sentence, not a heading ("Related:").
LEAD_IN_WORDS = 6
#: Stopword share of running prose (a short sentence's share is noise).
PROSE_STOPWORDS = 0.30


@dataclass(frozen=True, slots=True)
class Run:
    """A half-open range of block indices ``[start, end)`` chosen as article text."""

    start: int
    end: int

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.start <= index < self.end


def ends_prose(f: BlockFeatures, has_stoplist: bool) -> bool:
    """Whether a block ends as prose does: on a sentence end; after so many sentences and words
    that a missing final full stop does not make it a heading; or on a colon after a lead-in as
    long as a sentence ("We found three problems:"), which introduces a quote or a list."""
    if f.ends_sentence:
        return True
    if f.sentences >= RUN_ON_SENTENCES and f.words >= RUN_ON_WORDS:
        return True
    return f.ends_colon and f.words >= LEAD_IN_WORDS and (f.stopword_ratio >= PROSE_STOPWORDS or not has_stoplist)


def body_score(f: BlockFeatures, has_stoplist: bool) -> float:
    """Positive for prose-like blocks (long, sentence-ending, stopword-rich), negative for chrome."""
    if f.words == 0:
        return -1.0
    score = 0.0
    prose = ends_prose(f, has_stoplist)
    if prose:
        score += 1.0 + min(f.words, 80) / 10.0
    else:
        score += -1.0 + min(f.words, 80) / 25.0
    if has_stoplist:
        if f.stopword_ratio >= PROSE_STOPWORDS and prose and f.words >= 4:
            score += 1.0  # (the ratio of three words or fewer is noise)
        elif f.stopword_ratio < 0.12 and (f.words >= 8 or not prose):
            score -= 1.5  # (a short sentence's ratio is noise)
    if f.words < 4:
        score -= 1.0
    if f.repeats > 1 and not prose and f.words <= 12:
        score -= 2.0
    return score


def strongly_body(f: BlockFeatures, has_stoplist: bool) -> bool:
    """Prose that stands on its own even outside the main run (several long sentences)."""
    stop_ok = f.stopword_ratio >= PROSE_STOPWORDS if has_stoplist else True
    return f.ends_sentence and f.words >= 60 and f.sentences >= 3 and stop_ok and f.repeats == 1


def best_run(scores: Sequence[float]) -> Run | None:
    """The maximum-sum contiguous run of blocks (Kadane), or None if every score is negative."""
    best_sum = 0.0
    best: Run | None = None
    current = 0.0
    current_start = 0
    for index, score in enumerate(scores):
        if current <= 0:
            current = 0.0
            current_start = index
        current += score
        if current > best_sum:
            best_sum = current
            best = Run(current_start, index + 1)
    return best


def run_sum(scores: Sequence[float], run: Run) -> float:
    """The summed score of a run."""
    return sum(scores[run.start : run.end])


def best_run_from(scores: Sequence[float], first: int, last: int) -> Run | None:
    """The best run whose start lies in ``[first, last]`` (any end), or None if none is positive."""
    n = len(scores)
    if first >= n:
        return None
    prefix = list(accumulate(scores, initial=0.0))  # prefix[i] == sum(scores[:i]), added left to right
    stop = min(last, n - 1)  # the last start tried
    # ends[i - first - 1]: the end e >= i maximising prefix[e] (the rightmost on ties), for the
    # window's i in [first + 1, stop + 1]. Beyond the window that is one max() over the tail (in C),
    # then a scan leftwards through the window (at most ``last - first`` steps, not the page).
    tail = prefix[stop + 2 :]
    end = n - tail[::-1].index(max(tail)) if tail else n
    ends = [0] * max(stop - first + 1, 0)
    for i in range(stop + 1, first, -1):
        if prefix[i] > prefix[end]:
            end = i
        ends[i - first - 1] = end
    best: Run | None = None
    best_total = 0.0
    for start in range(first, stop + 1):
        end = ends[start - first]
        total = prefix[end] - prefix[start]
        if total > best_total:
            best_total, best = total, Run(start, end)
    return best

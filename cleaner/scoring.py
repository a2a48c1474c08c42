"""The article-extraction-benchmark score: shingle precision, recall and F1 (its own definition).

Per page, the 4-grams of ``\\w+`` tokens of prediction and gold are matched with counts clipped;
tp/fp/fn are normalised per page, precision and recall averaged over pages, F1 from the averages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex

_TOKEN_RE = regex.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of n-grams of word tokens, case kept (the whole text if shorter than n)."""
    tokens = _TOKEN_RE.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    """Normalised true positives, false positives and false negatives of one page."""

    tp: float
    fp: float
    fn: float


def page_score(predicted: str, gold: str) -> PageScore:
    """Compare one prediction with its gold body; the three parts sum to 1."""
    pred = shingles(predicted)
    true = shingles(gold)
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


@dataclass(frozen=True, slots=True)
class Score:
    """Benchmark precision, recall and F1 over a set of pages."""

    precision: float
    recall: float
    f1: float
    pages: int


def _ratio(tp: float, wrong: float, other: float) -> float:
    if wrong == other == 0:
        return 1.0
    if tp == wrong == 0:
        return 0.0
    return tp / (tp + wrong)


def aggregate(scores: Iterable[PageScore]) -> Score:
    """Average per-page precision and recall, then F1 of the two averages (the benchmark's way).

    As in the benchmark, precision averages over pages that predicted something and recall
    over pages whose gold is not empty.
    """
    listed = list(scores)
    precisions = [_ratio(s.tp, s.fp, s.fn) for s in listed if s.tp + s.fp > 0]
    recalls = [_ratio(s.tp, s.fn, s.fp) for s in listed if s.tp + s.fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return Score(p, r, f1, len(listed))

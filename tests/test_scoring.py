"""The AEB shingle score: hand-made cases, and agreement with the benchmark's own evaluate.py.

The reference below is a transcription of ``string_shingle_matching`` and
``metrics_from_tp_fp_fns`` from scrapinghub/article-extraction-benchmark (MIT), kept as an oracle.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.scoring import PageScore, Score, aggregate, page_score, shingles

GOLD = "The council approved the budget on Tuesday after a long debate."


# --------------------------------------------------------------------------- the benchmark's definition

_REF_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def _ref_shingles(text: str, n: int = 4) -> dict[tuple[str, ...], int]:
    tokens = _REF_TOKEN_RE.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return dict(Counter(g for g in grams if g))


def ref_matching(true: str, pred: str) -> tuple[float, float, float]:
    """The benchmark's per-page (tp, fp, fn), normalised to sum to 1."""
    true_sh, pred_sh = _ref_shingles(true), _ref_shingles(pred)
    tp = fp = fn = 0.0
    for key in set(true_sh) | set(pred_sh):
        t, p = true_sh.get(key, 0), pred_sh.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total > 0 else (tp, fp, fn)


def _ref_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _ref_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def ref_metrics(pages: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """The benchmark's (precision, recall, f1) over pages."""
    precision = statistics.mean([_ref_precision(*m) for m in pages if m[0] + m[1] > 0])
    recall = statistics.mean([_ref_recall(*m) for m in pages if m[0] + m[2] > 0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return precision, recall, f1


# --------------------------------------------------------------------------- hand-made cases


def test_identical_texts_score_one() -> None:
    score = aggregate([page_score(GOLD, GOLD)])
    assert page_score(GOLD, GOLD) == PageScore(1.0, 0.0, 0.0)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert score.pages == 1


def test_disjoint_texts_score_zero() -> None:
    result = page_score("Completely different words appear in this other sentence.", GOLD)
    assert result.tp == 0.0
    assert result.fp + result.fn == pytest.approx(1.0)
    score = aggregate([result])
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_punctuation_and_spacing_do_not_matter_but_case_does() -> None:
    assert page_score("The council, approved\nthe budget... on Tuesday; after a long debate", GOLD).tp == 1.0
    assert page_score(GOLD.lower(), GOLD).tp < 1.0


def test_shingles_are_four_grams_of_word_tokens() -> None:
    assert shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    assert shingles("a b") == Counter({("a", "b"): 1}), "a text shorter than n is one shingle"
    assert shingles("") == Counter()
    assert shingles("...") == Counter()


def test_repeated_shingles_are_clipped_to_the_gold_count() -> None:
    # prediction: (a b c d) twice plus three bridging shingles; gold: (a b c d) once
    result = page_score("a b c d a b c d", "a b c d")
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    assert result.tp == pytest.approx(1 / 5)
    assert result.fp == pytest.approx(4 / 5)
    assert result.fn == 0.0
    assert aggregate([result]).precision == pytest.approx(0.2)
    assert aggregate([result]).recall == 1.0


def test_missing_repeat_is_a_false_negative() -> None:
    result = page_score("w x y z", "w x y z. w x y z")
    assert result.tp == pytest.approx(1 / 5)
    assert result.fn == pytest.approx(4 / 5)
    assert aggregate([result]).recall == pytest.approx(0.2)


def test_half_the_body_gives_recall_one_half() -> None:
    gold = "one two three four five six seven eight nine ten eleven twelve thirteen"
    half = "one two three four five six seven"
    score = aggregate([page_score(half, gold)])
    assert score.precision == 1.0
    assert score.recall == pytest.approx(4 / 10)


def test_empty_prediction_scores_zero_and_is_left_out_of_precision() -> None:
    empty = page_score("", GOLD)
    assert empty == PageScore(0.0, 0.0, 1.0)
    alone = aggregate([empty])
    assert (alone.precision, alone.recall, alone.f1) == (0.0, 0.0, 0.0)
    with_perfect = aggregate([page_score(GOLD, GOLD), empty])
    assert with_perfect.precision == 1.0, "a page that predicted nothing does not count for precision"
    assert with_perfect.recall == pytest.approx(0.5)
    assert with_perfect.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_empty_gold_is_left_out_of_recall() -> None:
    spurious = page_score("Some text that should not be here at all.", "")
    assert spurious == PageScore(0.0, 1.0, 0.0)
    score = aggregate([page_score(GOLD, GOLD), spurious])
    assert score.recall == 1.0
    assert score.precision == pytest.approx(0.5)


def test_both_empty_counts_nowhere() -> None:
    assert page_score("", "") == PageScore(0.0, 0.0, 0.0)
    assert aggregate([page_score("", "")]) == Score(0.0, 0.0, 0.0, 1)


def test_no_pages() -> None:
    assert aggregate([]) == Score(0.0, 0.0, 0.0, 0)


# --------------------------------------------------------------------------- agreement with the benchmark

_words = st.sampled_from(["the", "The", "budget", "council", "a", "on", "débat", "日本", "x1", "_"])
_texts = st.lists(st.one_of(_words, st.sampled_from([" ", ", ", ".\n", "\n\n"])), max_size=40).map("".join)


@given(_texts, _texts)
def test_page_score_equals_the_benchmark(pred: str, gold: str) -> None:
    mine = page_score(pred, gold)
    assert (mine.tp, mine.fp, mine.fn) == pytest.approx(ref_matching(gold, pred))


@given(st.lists(st.tuples(_texts, _texts), min_size=1, max_size=8))
def test_aggregate_equals_the_benchmark(pairs: list[tuple[str, str]]) -> None:
    reference = [ref_matching(gold, pred) for pred, gold in pairs]
    has_precision = any(m[0] + m[1] > 0 for m in reference)
    has_recall = any(m[0] + m[2] > 0 for m in reference)
    if not (has_precision and has_recall):
        return  # the benchmark's statistics.mean raises on an empty list; ours reports 0
    ref_p, ref_r, ref_f1 = ref_metrics(reference)
    score = aggregate(page_score(pred, gold) for pred, gold in pairs)
    assert (score.precision, score.recall, score.f1) == pytest.approx((ref_p, ref_r, ref_f1))

"""The decoder finds the best path through its state machine: checked against brute force."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.engine import decode as decode_module
from cleaner.engine.decode import BODY, COMMENTS, IMPOSSIBLE, LEAD, POST, PRE, TITLE, Emissions, decode

#: The transitions the module docstring draws (from -> allowed next states).
ALLOWED = {
    PRE: {PRE, TITLE, BODY},
    TITLE: {LEAD, BODY},
    LEAD: {LEAD, BODY},
    BODY: {BODY, POST, COMMENTS},
    POST: {POST, COMMENTS},
    COMMENTS: {COMMENTS, POST},
}
STARTS = {PRE, TITLE, BODY}


def path_score(e: Emissions, path: tuple[int, ...], window: int) -> float:
    """The score of a path, or IMPOSSIBLE when it breaks the state machine (a headline and its
    lead longer than ``window`` included)."""
    rows = (e.pre, e.title, e.lead, e.body, e.post, e.comments)
    heading = [index for index, state in enumerate(path) if state in (TITLE, LEAD)]
    if heading and sum(e.width[index] for index in heading[1:]) >= window:
        return IMPOSSIBLE
    total = 0.0
    for index, state in enumerate(path):
        before = path[index - 1] if index else None
        if (before is None and state not in STARTS) or (before is not None and state not in ALLOWED[before]):
            return IMPOSSIBLE
        if state == BODY and before != BODY:
            total += e.enter_body[index]
        if state == COMMENTS and before != COMMENTS:
            if e.enter_comments[index] <= IMPOSSIBLE:
                return IMPOSSIBLE
            total += e.enter_comments[index]
        if rows[state][index] <= IMPOSSIBLE:
            return IMPOSSIBLE
        total += rows[state][index]
    return total


_SCORE = st.one_of(st.sampled_from([0.0, 1.0, -1.0, 2.5]), st.floats(-5, 5))


@st.composite
def emissions(draw: st.DrawFn) -> Emissions:
    n = draw(st.integers(1, 5))

    def row(impossible: bool = False) -> list[float]:
        values = st.one_of(_SCORE, st.just(IMPOSSIBLE)) if impossible else _SCORE
        return draw(st.lists(values, min_size=n, max_size=n))

    widths = draw(st.lists(st.sampled_from([0, 1]), min_size=n, max_size=n))
    return Emissions(row(), row(True), row(), row(), row(), row(), row(), row(True), widths)


@pytest.mark.parametrize("window", [decode_module.WINDOW, 1, 2])
@settings(max_examples=300, deadline=None)
@given(e=emissions())
def test_the_decoded_path_is_the_best_of_all_paths(e: Emissions, window: int) -> None:
    n = len(e.body)
    best = max(path_score(e, path, window) for path in itertools.product(range(6), repeat=n))
    original = decode_module.WINDOW
    decode_module.WINDOW = window
    try:
        path, score = decode(e)
    finally:
        decode_module.WINDOW = original
    assert len(path) == n
    assert abs(path_score(e, tuple(path), window) - best) < 1e-9
    assert abs(score - best) < 1e-9


def test_an_article_split_by_a_weak_barrier_stays_one_span() -> None:
    body = [-2.0, 5.0, -1.0, 5.0, -2.0]
    n = len(body)
    e = Emissions(
        [0.0] * n, [IMPOSSIBLE] * n, [0.0] * n, body, [0.0] * n, [0.0] * n, [0.0] * n, [IMPOSSIBLE] * n, [1] * n
    )
    assert decode(e)[0] == [PRE, BODY, BODY, BODY, POST]


def test_no_blocks_no_path() -> None:
    assert decode(Emissions([], [], [], [], [], [], [], [], [])) == ([], 0.0)

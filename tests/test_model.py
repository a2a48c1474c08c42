"""The public value types: frozen, JSON-serialisable, and ``from_dict(to_dict(r)) == r``."""

from __future__ import annotations

import dataclasses
import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleaner
from cleaner.model import LABELS, Piece, Removal, Result

CONTRACT_LABELS = {
    "body",
    "title",
    "dek",
    "nav",
    "cta",
    "promo",
    "caption",
    "credit",
    "dateline",
    "byline",
    "bio",
    "embed",
    "legal",
    "comments",
    "other",
}

SAMPLE = Result(
    source="Menu\n\nBody text é 😀.\nPhoto: AP",
    text="Body text é 😀.",
    title=None,
    pieces=(Piece(6, 0, 14),),
    removals=(
        Removal(0, 4, "nav", "nav.menu", "A menu line."),
        Removal(21, 30, "credit", "credit.photo", "Matched 'Photo:'."),
    ),
    warnings=("rule x hit its time limit",),
)


def test_labels_are_the_contract_labels_with_body_first() -> None:
    assert set(LABELS) == CONTRACT_LABELS
    assert len(LABELS) == len(CONTRACT_LABELS)
    assert LABELS[0] == "body"
    assert cleaner.LABELS is LABELS


def test_sample_is_consistent() -> None:
    piece = SAMPLE.pieces[0]
    assert SAMPLE.source[piece.source : piece.source + piece.length] == SAMPLE.text
    assert [SAMPLE.removed_text(r) for r in SAMPLE.removals] == ["Menu", "Photo: AP"]


def test_to_dict_is_the_documented_json_form() -> None:
    data = SAMPLE.to_dict()
    assert set(data) == {"source", "text", "title", "pieces", "removals", "warnings", "metadata"}
    assert data["metadata"] == {"authors": [], "date": None, "language": None, "url": None}
    assert data["pieces"] == [[6, 0, 14]]
    assert data["removals"][0] == {
        "start": 0,
        "end": 4,
        "label": "nav",
        "rule": "nav.menu",
        "reason": "A menu line.",
    }
    assert data["warnings"] == ["rule x hit its time limit"]
    assert data["title"] is None


def test_round_trip_through_json_text() -> None:
    text = json.dumps(SAMPLE.to_dict(), ensure_ascii=False)
    assert Result.from_dict(json.loads(text)) == SAMPLE
    ascii_text = json.dumps(SAMPLE.to_dict())
    assert Result.from_dict(json.loads(ascii_text)) == SAMPLE


def test_from_dict_ignores_extra_keys_such_as_id_and_path() -> None:
    data = SAMPLE.to_dict() | {"id": "doc-1", "path": "a/b.txt", "metadata": {"x": 1}}
    assert Result.from_dict(data) == SAMPLE


def test_from_dict_needs_only_source_and_text() -> None:
    assert Result.from_dict({"source": "a", "text": "a"}) == Result("a", "a")


def test_values_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        SAMPLE.text = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        SAMPLE.pieces[0].length = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        SAMPLE.removals[0].label = "body"  # type: ignore[misc]


def test_values_pickle() -> None:
    assert pickle.loads(pickle.dumps(SAMPLE)) == SAMPLE


def test_piece_list_form() -> None:
    assert Piece(3, 1, 2).to_list() == [3, 1, 2]


def test_a_real_result_round_trips(default_cleaner: cleaner.Cleaner) -> None:
    source = (
        "Home | News | Sport\n\n"
        "The council approved the new budget on Tuesday after a long debate about the school repairs.\n\n"
        "Photo: John Smith / Reuters\n"
    )
    result = default_cleaner.clean(source)
    data = json.loads(json.dumps(result.to_dict()))
    assert Result.from_dict(data) == result


_pieces = st.builds(Piece, st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6))
_removals = st.builds(
    Removal, st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(LABELS[1:]), st.text(), st.text()
)
_results = st.builds(
    Result,
    source=st.text(),
    text=st.text(),
    title=st.none() | st.text(),
    pieces=st.lists(_pieces, max_size=5).map(tuple),
    removals=st.lists(_removals, max_size=5).map(tuple),
    warnings=st.lists(st.text(), max_size=3).map(tuple),
)


@given(_results)
def test_any_result_round_trips_through_json(result: Result) -> None:
    text = json.dumps(result.to_dict())
    assert Result.from_dict(json.loads(text)) == result

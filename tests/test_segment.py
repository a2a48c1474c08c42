"""Segmentation: blocks carry exact code-point offsets whatever the line endings and spaces."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleaner
from cleaner.engine.segment import Document, segment

NBSP = "\u00a0"
ZWSP = "\u200b"  # zero width space: not whitespace for str.isspace, so it is content
ZWJ = "\u200d"
LS = "\u2028"  # line separator
PS = "\u2029"  # paragraph separator


def check_blocks(doc: Document) -> None:
    """Every structural promise of a segmented document."""
    source = doc.source
    previous_end = 0
    covered = [False] * len(source)
    for index, block in enumerate(doc.blocks):
        assert block.index == index
        assert block.text == source[block.start : block.end]
        assert block.text, "a block is never empty"
        assert block.text == block.text.strip(), "a block has no surrounding whitespace"
        assert not any(len(part) > 0 for part in block.text.splitlines()[1:]), "a block is one line"
        assert block.start >= previous_end, "blocks are in order and disjoint"
        assert block.gap_before >= 0
        previous_end = block.end
        for position in range(block.start, block.end):
            covered[position] = True
    for position, char in enumerate(source):
        if not char.isspace():
            assert covered[position], f"non-whitespace {char!r} at {position} is in no block"


def spans(doc: Document) -> list[tuple[int, int, str]]:
    return [(b.start, b.end, b.text) for b in doc.blocks]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("alpha\nbeta", [(0, 5, "alpha"), (6, 10, "beta")]),
        ("alpha\r\nbeta\r\n", [(0, 5, "alpha"), (7, 11, "beta")]),
        ("alpha\rbeta\r", [(0, 5, "alpha"), (6, 10, "beta")]),
        (f"alpha{LS}beta{PS}gamma", [(0, 5, "alpha"), (6, 10, "beta"), (11, 16, "gamma")]),
        ("alpha\x85beta", [(0, 5, "alpha"), (6, 10, "beta")]),
        (f"{NBSP}{NBSP}alpha{NBSP}\nbeta", [(2, 7, "alpha"), (9, 13, "beta")]),
        ("\t alpha beta\t\n\tgamma", [(2, 12, "alpha beta"), (15, 20, "gamma")]),
        ("alpha\tbeta", [(0, 10, "alpha\tbeta")]),
        (f"{ZWSP}alpha{ZWJ}beta{ZWSP}", [(0, 12, f"{ZWSP}alpha{ZWJ}beta{ZWSP}")]),
        (f" {ZWSP} \nalpha", [(1, 2, ZWSP), (4, 9, "alpha")]),
        ("é\u0301 naïve 日本語\n😀 emoji", [(0, 12, "é\u0301 naïve 日本語"), (13, 20, "😀 emoji")]),
    ],
    ids=["LF", "CRLF", "CR", "U+2028/U+2029", "NEL", "NBSP", "tabs", "inner tab", "zero-width", "only ZW", "non-BMP"],
)
def test_offsets_are_exact(source: str, expected: list[tuple[int, int, str]]) -> None:
    doc = segment(source)
    assert doc.source is source
    assert spans(doc) == expected
    check_blocks(doc)


@pytest.mark.parametrize("source", ["", " ", "\n", "\r\n\r\n", "\t \u00a0\n\u2028 \u3000\r", "\x0b\x0c\x1c\x1d\x1e"])
def test_empty_and_whitespace_only_input_has_no_blocks(source: str) -> None:
    doc = segment(source)
    assert doc.blocks == ()
    assert doc.source == source


@pytest.mark.parametrize(
    "source",
    ["one\n\ntwo", "one\r\n\r\ntwo", "one\r\rtwo", f"one{LS}{LS}two", "one\n \t\ntwo", f"one\n{NBSP}\ntwo"],
    ids=["LF", "CRLF", "CR", "LS", "spaces", "NBSP"],
)
def test_a_blank_line_is_counted_once_whatever_the_line_ending(source: str) -> None:
    first, second = segment(source).blocks
    assert first.gap_before == 0
    assert second.gap_before == 1
    assert second.text == "two"


def test_gap_counts_every_blank_line() -> None:
    blocks = segment("\n\nfirst\nsecond\n\n\n\nthird").blocks
    assert [(b.text, b.gap_before) for b in blocks] == [("first", 2), ("second", 0), ("third", 3)]


def test_segmentation_never_edits_the_source() -> None:
    source = "  Caf\u00e9\u00a0au lait \r\n\r\n\tLine\u2028two\u200b  "
    doc = segment(source)
    check_blocks(doc)
    assert [b.text for b in doc.blocks] == ["Caf\u00e9\u00a0au lait", "Line", "two\u200b"]


_PIECES = ["a", "B", " ", "\t", "\n", "\r", "\r\n", NBSP, ZWSP, LS, PS, "\x85", "\x0b", "\x0c", "é", "日", "😀", "."]
_ALPHABET = st.sampled_from([*_PIECES, "\u3000"])


@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_blocks_hold_for_any_mix_of_line_endings_and_spaces(source: str) -> None:
    check_blocks(segment(source))


@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=200))
def test_blocks_hold_for_any_text(source: str) -> None:
    check_blocks(segment(source))


@pytest.mark.parametrize(
    "source",
    [
        "President Trump intervened.\r\n\r\nThe Commerce Department banned ZTE from buying US parts for years.\r\n",
        "Headline here\rThe company said it would appeal the decision, which came after a long review.\r",
        f"Menu{LS}Home{PS}The company said it would appeal the decision, which came after a long review.",
        f"{NBSP}\tThe company said it would{NBSP}appeal the decision, which came after{ZWSP} a long review.{NBSP}",
        "",
        " \t\r\n\u00a0 ",
    ],
    ids=["CRLF", "CR", "LS/PS", "NBSP+ZW", "empty", "whitespace only"],
)
def test_clean_keeps_offsets_exact_end_to_end(default_cleaner: cleaner.Cleaner, source: str) -> None:
    result = default_cleaner.clean(source)
    assert result.source == source
    for piece in result.pieces:
        assert (
            source[piece.source : piece.source + piece.length]
            == result.text[piece.target : piece.target + piece.length]
        )
    for removal in result.removals:
        assert 0 <= removal.start < removal.end <= len(source)
    if not source.strip():
        assert result.text == ""
        assert result.pieces == ()

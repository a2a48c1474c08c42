"""Assembly: kept blocks become text and pieces, every other block one removal; offsets exact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.engine.assemble import LINE_SEPARATOR, PARAGRAPH_SEPARATOR, Decision, assemble, clean_text
from cleaner.engine.segment import segment
from cleaner.model import LABELS, Piece, Removal, Result

KEEP = Decision("body", "", "")
SOURCE = "Menu Home News\r\n\r\n  First paragraph of the story.  \nPhoto: Jane Doe\n\nSecond paragraph.\n"


def check_contract(result: Result) -> None:
    """The contract's invariants 1-3 on one result."""
    previous_source = previous_target = 0
    in_piece = [False] * len(result.source)
    for piece in result.pieces:
        assert piece.length > 0
        assert (
            result.source[piece.source : piece.source + piece.length]
            == result.text[piece.target : piece.target + piece.length]
        )
        assert piece.source >= previous_source and piece.target >= previous_target
        previous_source, previous_target = piece.source + piece.length, piece.target + piece.length
        for position in range(piece.source, piece.source + piece.length):
            in_piece[position] = True
    in_removal = [False] * len(result.source)
    for removal in result.removals:
        for position in range(removal.start, removal.end):
            assert not in_removal[position], "removals overlap"
            in_removal[position] = True
    for position, char in enumerate(result.source):
        if not char.isspace():
            assert in_piece[position] != in_removal[position], f"{char!r} at {position}: not in exactly one"
    in_text = [False] * len(result.text)
    for piece in result.pieces:
        for position in range(piece.target, piece.target + piece.length):
            in_text[position] = True
    for position, char in enumerate(result.text):
        assert in_text[position] or char.isspace(), f"text character {char!r} at {position} comes from no piece"


def test_decision_kept_only_for_body() -> None:
    assert KEEP.kept
    for label in LABELS[1:]:
        assert not Decision(label, "x.y", "why").kept


def test_all_kept_joins_paragraphs_with_a_blank_line_and_consecutive_lines_with_a_line_break() -> None:
    doc = segment(SOURCE)
    result = assemble(doc, [KEEP] * len(doc.blocks))
    assert (PARAGRAPH_SEPARATOR, LINE_SEPARATOR) == ("\n\n", "\n")
    assert result.text == "Menu Home News\n\nFirst paragraph of the story.\nPhoto: Jane Doe\n\nSecond paragraph."
    assert result.source is SOURCE
    assert result.removals == ()
    assert result.pieces == (
        Piece(0, 0, 14),
        Piece(20, 16, 29),
        Piece(52, 46, 15),
        Piece(69, 63, 17),
    )


def test_lines_that_were_consecutive_only_around_a_removed_line_are_paragraphs_apart() -> None:
    doc = segment("Tour dates:\nJune 1 Boston\nShare this\nJune 3 Denver")
    result = assemble(doc, [KEEP, KEEP, Decision("nav", "nav.share_bar", "Share bar."), KEEP])
    assert result.text == "Tour dates:\nJune 1 Boston\n\nJune 3 Denver"
    check_contract(result)


def test_removed_blocks_become_removals_with_label_rule_and_reason() -> None:
    doc = segment(SOURCE)
    decisions = [
        Decision("nav", "nav.menu", "A menu."),
        KEEP,
        Decision("credit", "credit.photo", "A photo credit."),
        KEEP,
    ]
    result = assemble(doc, decisions, title="The title", warnings=["w1"])
    assert result.text == "First paragraph of the story.\n\nSecond paragraph."
    assert result.pieces == (Piece(20, 0, 29), Piece(69, 31, 17))
    assert result.removals == (
        Removal(0, 14, "nav", "nav.menu", "A menu."),
        Removal(52, 67, "credit", "credit.photo", "A photo credit."),
    )
    assert [result.removed_text(r) for r in result.removals] == ["Menu Home News", "Photo: Jane Doe"]
    assert result.title == "The title"
    assert result.warnings == ("w1",)
    check_contract(result)


def test_everything_removed_gives_empty_text() -> None:
    doc = segment(SOURCE)
    result = assemble(doc, [Decision("other", "r", "why")] * len(doc.blocks))
    assert result.text == ""
    assert result.pieces == ()
    assert len(result.removals) == len(doc.blocks)
    check_contract(result)


def test_empty_document() -> None:
    result = assemble(segment(""), [])
    assert result == Result(source="", text="")


def test_decisions_must_match_blocks() -> None:
    doc = segment(SOURCE)
    with pytest.raises(ValueError):
        assemble(doc, [KEEP])


@given(
    st.lists(st.sampled_from(["word", "two words.", " \t", "", "\u00a0x\u00a0", "\r", "\u2028"]), max_size=30).map(
        "\n".join
    ),
    st.data(),
)
def test_contract_holds_for_any_decisions(source: str, data: st.DataObject) -> None:
    doc = segment(source)
    labels = data.draw(st.lists(st.sampled_from(LABELS), min_size=len(doc.blocks), max_size=len(doc.blocks)))
    result = assemble(doc, [Decision(label, "rule.id", "reason") for label in labels])
    check_contract(result)
    assert len(result.pieces) == labels.count("body")
    assert len(result.removals) == len(labels) - labels.count("body")
    if result.text:
        assert not result.text.startswith("\n") and not result.text.endswith("\n")


def test_lines_inside_a_paragraph_keep_their_indents_beyond_the_common_one() -> None:
    """A block of code keeps its shape (Python's indents are its syntax), a paragraph indented
    as a whole keeps none, and a paragraph's first line never keeps any."""
    source = (
        "    def total(prices):\n        return sum(prices)\n\n"
        "\t  Quoted as a whole,\n\t  line by line.\n\n"
        "  Hanging first line\nof a paragraph."
    )
    doc = segment(source)
    result = assemble(doc, [KEEP] * len(doc.blocks))
    check_contract(result)
    assert result.text == (
        "def total(prices):\n    return sum(prices)\n\nQuoted as a whole,\nline by line.\n\n"
        "Hanging first line\nof a paragraph."
    )
    assert clean_text(doc, [KEEP] * len(doc.blocks)) == result.text
    again = segment(result.text)
    assert assemble(again, [KEEP] * len(again.blocks)).text == result.text


def test_an_indented_line_after_a_removed_one_starts_a_paragraph_without_its_indent() -> None:
    doc = segment("for item in items:\n    Share this\n    print(item)\n    total += 1")
    result = assemble(doc, [KEEP, Decision("nav", "nav.share_bar", "Share bar."), KEEP, KEEP])
    check_contract(result)
    assert result.text == "for item in items:\n\nprint(item)\ntotal += 1"

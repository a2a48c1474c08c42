"""The five seed documents: every body line kept, no boilerplate line kept, the headline as title.

Gold: ``corpus/seeds/NAME.gold.json`` labels every non-blank line (see corpus/seeds/README.md).
``dek`` and ``embed`` lines may go either way. A boilerplate line is checked as a line: its
text must not be one of the lines of ``result.text`` (it may occur inside a body sentence).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.gold import SpanDocument, load_span_documents

SEEDS_DIR = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
EITHER_WAY = frozenset({"dek", "embed"})
KEPT = frozenset({"body"})
REMOVED = frozenset({"title", "nav", "cta", "caption", "credit", "dateline", "byline", "bio", "promo"})

DOCUMENTS = list(load_span_documents(SEEDS_DIR))


def test_all_five_seed_documents_are_loaded() -> None:
    assert len(DOCUMENTS) == 5
    for document in DOCUMENTS:
        labels = {span.label for span in document.spans}
        assert labels <= KEPT | EITHER_WAY | REMOVED, f"{document.name}: a label this test does not know"
        for span in document.spans:
            assert document.text[span.start : span.end] == span.text


@pytest.fixture(scope="module", params=DOCUMENTS, ids=[d.name.removesuffix(".txt") for d in DOCUMENTS])
def cleaned(request: pytest.FixtureRequest) -> tuple[SpanDocument, cleaner.Result]:
    """One seed document and its cleaned result (default settings)."""
    document: SpanDocument = request.param
    return document, cleaner.Cleaner().clean(document.text)


def test_every_body_line_is_kept(cleaned: tuple[SpanDocument, cleaner.Result]) -> None:
    document, result = cleaned
    missing = [span.text for span in document.spans if span.label in KEPT and span.text not in result.text]
    assert not missing, f"{document.name}: {len(missing)} body line(s) missing from result.text: {missing}"


def test_no_boilerplate_line_is_kept(cleaned: tuple[SpanDocument, cleaner.Result]) -> None:
    document, result = cleaned
    lines = {line.strip() for line in result.text.splitlines() if line.strip()}
    leaked = [f"[{span.label}] {span.text}" for span in document.spans if span.label in REMOVED and span.text in lines]
    assert not leaked, f"{document.name}: boilerplate left in result.text: {leaked}"


def test_title_is_the_headline(cleaned: tuple[SpanDocument, cleaner.Result]) -> None:
    document, result = cleaned
    titles = [span.text for span in document.spans if span.label == "title"]
    assert len(titles) <= 1
    expected = titles[0] if titles else None
    assert result.title == expected


def test_the_source_is_the_input_and_pieces_point_into_it(cleaned: tuple[SpanDocument, cleaner.Result]) -> None:
    document, result = cleaned
    assert result.source == document.text
    for piece in result.pieces:
        assert (
            result.source[piece.source : piece.source + piece.length]
            == result.text[piece.target : piece.target + piece.length]
        )

"""The compiled feature scan (``cleaner.engine.scan``) against the regexes of the Python path in
``features``, on random text of every script (only where the scan runs compiled)."""

from __future__ import annotations

import importlib
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.engine import features, language, scan
from cleaner.engine.features import measure

segment = importlib.import_module("cleaner.engine.segment").segment
pytestmark = pytest.mark.skipif(not scan.COMPILED, reason="the scan runs compiled only in a compiled build")

#: Words of every script, the punctuation and closers the sentence tests read, spaces of every
#: kind, Greek capital sigma and characters whose lower case is longer (İ).
pieces = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=8),
    st.sampled_from(list(".!?…。！？؟।۔።'\"“”‘’«»‹›)]」』》:_- \t\u00a0\u3000\u2028\x1c\x85ΣΑİßǅ")),
    st.sampled_from(["The", "and", "of", "der", "и", "la", "The Cat", "A", "É", "Ab", "ΟΔΟΣ", "東京", "ภาษาไทย"]),
)
texts = st.lists(pieces, max_size=30).map("".join)


def _python_counts(text: str) -> list[int]:
    tokens = features.TOKEN_RE.findall(text)
    return [
        len(tokens),
        len(features._UNSPACED_RE.findall(text)),
        sum(token[0].isupper() for token in tokens),
        len(features._SENTENCE_BREAK_RE.findall(text)) + 1,
        features._SENTENCE_END_RE.search(text) is not None,
        features._UPPER_START_RE.match(text) is not None,
    ]


@given(st.lists(texts, min_size=1, max_size=4))
def test_counts_are_the_regexes_counts(batch: list[str]) -> None:
    rows = scan.count(batch, features._ends_sentence)
    for index, text in enumerate(batch):
        assert list(rows[6 * index : 6 * index + 6]) == _python_counts(text), text


@given(texts)
def test_tokens_are_the_regex_tokens(text: str) -> None:
    assert scan.tokens(text) == features.TOKEN_RE.findall(text)
    assert scan.tokens(text, 2) == features.TOKEN_RE.findall(text)[:2]


STOPS = language.plausible_stopwords(("English", "Greek", "Turkish", "German"))


@given(st.lists(texts, min_size=1, max_size=4))
def test_stopword_hits_lower_case_each_token_as_python_does(batch: list[str]) -> None:
    expected = [sum(token.lower() in STOPS for token in features.TOKEN_RE.findall(text)) for text in batch]
    assert list(scan.stopword_hits(batch, STOPS)) == expected


def test_final_sigma_is_lower_cased_per_token() -> None:
    stops = frozenset({"ας"})  # "ΑΣ" alone lower-cases to a final sigma; inside "ΑΣ'Β" it would not
    assert list(scan.stopword_hits(["ΑΣ'Β", "ΑΣ"], stops)) == [1, 1]


@given(st.lists(st.lists(pieces, max_size=12).map("".join), max_size=12), st.sampled_from([None, "English"]))
def test_measure_is_the_python_measure(lines: list[str], given_language: str | None) -> None:
    doc = segment("\n".join(lines))
    compiled = measure(doc, given_language)
    scan.COMPILED = False
    try:
        python = measure(doc, given_language)
    finally:
        scan.COMPILED = True
    assert compiled.blocks == python.blocks
    assert compiled.languages == python.languages
    assert list(compiled.tokens) == [features.TOKEN_RE.findall(block.text) for block in doc.blocks]


def test_columns_hold_the_block_features() -> None:
    doc = segment("A title here\n\nThe cat sat on the mat. It was happy.\nA title here")
    page = measure(doc)
    columns = page.columns
    assert list(columns.words) == [f.words for f in page.blocks]
    assert list(columns.stopword_ratio) == [f.stopword_ratio for f in page.blocks]
    assert list(columns.ends_sentence) == [0, 1, 0]
    assert list(columns.repeats) == [2, 1, 2]
    assert Counter(columns.starts_upper) == Counter({1: 3})
    assert [column.typecode for column in columns] == ["q"] * 5 + ["d"] * 2 + ["b"] * 3


@given(st.lists(st.sampled_from(["the", "and", "der", "и", "la", "και", "zzz", "a", "de", "İ"]), max_size=60))
def test_tally_counts_each_language_s_hits_as_the_index_lists_them(words: list[str]) -> None:
    index, names, _ = language._index()
    counted = Counter(words)
    scores, distinct = scan.tally(counted, index, len(names))
    expected_scores, expected_distinct = [0] * len(names), [0] * len(names)
    for word, count in counted.items():
        for number in index[word[:1]].get(word, ()):
            expected_scores[number] += count
            expected_distinct[number] += 1
    assert list(scores) == expected_scores
    assert list(distinct) == expected_distinct
    if "the" in counted:  # English's list holds "the"
        assert scores[names.index("English")] >= counted["the"]


@given(texts)
def test_all_capitals_is_every_cased_letter_a_capital(text: str) -> None:
    cased = [c for c in text if c.isupper() or c.islower()]
    assert scan.all_capitals(text) == (len(cased) >= 4 and all(c.isupper() for c in cased))
    assert scan.all_capitals(text.upper() + "ABCD") == all(c.isupper() or not c.islower() for c in text.upper())

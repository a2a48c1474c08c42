"""Shortcuts taken for speed must give exactly what the code they replace gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.engine.features import (
    _ASCII_SENTENCE_BREAK_RE,
    _NOT_PLAIN,
    _SENTENCE_BREAK_RE,
    _UNSPACED_RE,
    TOKEN_RE,
    _tokens,
)
from cleaner.engine.rules.engine import _without_superstrings

#: The characters ``_NOT_PLAIN`` lets through, and a few it stops (a combining accent, ², CJK).
_PLAIN = [chr(c) for c in [*range(0x80), *range(0x80, 0x300), *range(0x2000, 0x2070)] if not _NOT_PLAIN.match(chr(c))]
_MIXED = st.text(alphabet=st.sampled_from([*_PLAIN[:200], "\u0301", "²", "東", "ก", "’", "é", " ", "."]), max_size=60)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=80))
def test_ascii_sentence_breaks_by_re_are_the_regex_ones(text: str) -> None:
    assert _ASCII_SENTENCE_BREAK_RE.findall(text) == _SENTENCE_BREAK_RE.findall(text)


@settings(max_examples=400, deadline=None)
@given(_MIXED)
def test_tokens_are_the_regex_tokens_and_plain_text_has_no_unspaced_characters(text: str) -> None:
    assert _tokens(text) == TOKEN_RE.findall(text)
    if _NOT_PLAIN.search(text) is None:
        assert _UNSPACED_RE.findall(text) == []


def test_plain_characters_agree_on_word_characters_in_both_engines() -> None:
    for char in _PLAIN:
        assert (re.fullmatch(r"\w", char) is None) == (TOKEN_RE.fullmatch(char) is None), hex(ord(char))
        assert _UNSPACED_RE.fullmatch(char) is None, hex(ord(char))


@given(st.lists(st.text(alphabet="abc ", min_size=1, max_size=4), min_size=1, max_size=6, unique=True), st.text("abc "))
def test_dropping_superstrings_keeps_the_any_substring_test(strings: list[str], text: str) -> None:
    kept = _without_superstrings(tuple(strings))
    assert any(s in text for s in kept) == any(s in text for s in strings)

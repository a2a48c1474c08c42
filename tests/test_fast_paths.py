"""Shortcuts taken for speed must give exactly what the code they replace gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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

ROOT = Path(__file__).resolve().parent.parent
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


def _counting_rules(monkeypatch: object) -> list[str]:
    """Record the text of every block the rules are run on (``RuleSet.match``)."""
    from cleaner.engine.rules.engine import RuleSet

    seen: list[str] = []
    match = RuleSet.match

    def counted(self: RuleSet, text: str, *args: object, **kwargs: object) -> object:
        seen.append(text)
        return match(self, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(RuleSet, "match", counted)  # type: ignore[attr-defined]
    return seen


def test_the_settle_pass_takes_the_rules_matches_of_the_page(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import cleaner

    text = (ROOT / "corpus" / "seeds" / "000_a3828fbc3c638a09.txt").read_text(encoding="utf-8")
    expected = cleaner.Cleaner().clean(text).to_dict()
    seen = _counting_rules(monkeypatch)
    assert cleaner.Cleaner().clean(text).to_dict() == expected
    assert seen and len(seen) == len(set(seen))  # no block's text is run twice (the clean text's blocks are the page's)


def test_a_page_with_a_warning_neither_reads_nor_writes_the_shared_matches() -> None:
    import cleaner
    from cleaner.engine.features import measure
    from cleaner.engine.page import Page
    from cleaner.engine.segment import segment

    doc = segment("Share this article\n\nThe council met on Monday and agreed the plan for the new school.")
    features = measure(doc)
    rules = cleaner.Cleaner().rules
    fresh = Page(doc, features.languages, features.blocks, (None,) * 2, rules).rule_match(0)
    assert fresh is not None
    key = (doc.blocks[0].text, features.languages, features.blocks[0].tokens)
    shared: dict = {key: None}  # a stored "no match" that is not the block's
    assert Page(doc, features.languages, features.blocks, (None,) * 2, rules, shared=shared).rule_match(0) is None
    warned = Page(doc, features.languages, features.blocks, (None,) * 2, rules, ["a warning"], shared=shared)
    assert warned.rule_match(0) == fresh
    other: dict = {}
    warned = Page(doc, features.languages, features.blocks, (None,) * 2, rules, ["a warning"], shared=other)
    warned.rule_match(0)
    assert other == {}
    Page(doc, features.languages, features.blocks, (None,) * 2, rules, shared=other).rule_match(0)
    assert other == {key: fresh}


_CODE_AND_CELLS = st.text(alphabet=st.sampled_from(list("ab1 \t|(=;{}:!+-.\n\u00a0\u3000")), max_size=30)
_COMMANDS = st.lists(
    st.sampled_from(["$", ">", "#", "cd", "pip", "go", "Go", "x-y", "-v", "--all", ".", "a.", "!", " "])
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_CODE_AND_CELLS, _COMMANDS.map(" ".join)))
def test_the_code_and_cells_tests_skip_only_lines_their_regexes_reject(text: str) -> None:
    from cleaner.engine.context import (
        _CELLS_RE,
        _CODE_RE,
        _COMMAND_RE,
        _PROPERTY_RE,
        _SENTENCE_END_RE,
        PROPERTY_WORDS,
        _cells,
        _command,
        _letter_words,
        _property,
        code_line,
    )

    command = _COMMAND_RE.match(text) is not None and _SENTENCE_END_RE.search(text) is None and len(text) <= 300
    assert _command(text) == command
    assert code_line(text) == (_CODE_RE.search(text) is not None or command)
    assert _cells(text) == (_CELLS_RE.search(text) is not None)
    short = len(text) <= 200 and _letter_words(text) <= PROPERTY_WORDS and "://" not in text and "www." not in text
    short = short and not any(mark in text for mark in ("·", " | ", "•"))
    assert _property(text) == (short and _PROPERTY_RE.match(text) is not None)


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("pip install example-tool", True),
        ("example-tool --version", True),
        ("git clone https://example.org/tool.git", True),
        ("cd example-tool", True),
        ("pip install .", True),
        ("$ make test", True),
        ("make sure the folder is on your PATH.", False),  # a sentence, though it opens in lower case
        ("Go to the settings page", False),  # a sentence opens in capitals
        ("About 50 MB of free disk space", False),
    ],
)
def test_a_shell_command_is_a_line_of_code(line: str, command: bool) -> None:
    from cleaner.engine.context import code_line

    assert code_line(line) is command


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("Lundi : fermé", True),  # French sets a space before the colon
        ("Mardi – vendredi : 9 h 30 – 12 h 30 et 14 h – 19 h", True),  # figures are no pitch's words
        ("Weight: 2.3 kg", True),
        ("容量：0.8L", True),  # Japanese and Chinese set a full-width colon
        ("Weight (kg): 2.3", True),  # a qualifier in brackets after the name
        ("Czech Republic (Group A): Seventh appearance", True),
        ("Sign up (free): the best stories of the week in your inbox every friday morning", False),
        ("Newsletter: the best stories of the week in your inbox every friday morning, free", False),
        ("Alter: ab 5 · ab 8 · ab 10", False),
    ],
)
def test_a_property_row_is_a_name_a_colon_and_a_short_value(line: str, row: bool) -> None:
    from cleaner.engine.context import _property

    assert _property(line) == row


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("./servidor", True),  # a program run by its path
        ("../bin/tool --check", True),
        ("from storekit import Client", True),
        ("import numpy as np", True),
        ("Import duties rose by a tenth.", False),
        ("The import of grain fell.", False),
    ],
)
def test_code_lines_include_imports_and_programs_run_by_path(line: str, code: bool) -> None:
    from cleaner.engine.context import code_line

    assert code_line(line) == code

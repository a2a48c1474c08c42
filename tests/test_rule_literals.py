"""Required literals: a block without any of a rule's literals is never searched, so they must be
sound (every match contains one, case-insensitively) on any pattern and any text."""

from __future__ import annotations

from pathlib import Path

import html_text
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.engine.rules import RuleSet, builtin_pack_paths, load_packs
from cleaner.engine.rules.literals import required_literals
from cleaner.engine.segment import segment
from cleaner.gold import load_aeb

BUILTIN = load_packs(builtin_pack_paths())


def _literals(pattern: str) -> tuple[str, ...] | None:
    found = required_literals(regex.compile(pattern))
    return None if found is None else found.strings


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?i)\b(?:we use cookies|cookie policy)\b", ("cookie policy", "we use cookies")),
        (r"^MORE:", ("more:",)),
        (r"(?i)^(?:foo )?bar\b", ("bar",)),
        (r"(?i)^\p{Lu}\w+ said", (" said",)),
        (r"x(?!y)z", ("xz",)),  # a zero-width assertion keeps the run together
        (r"(?i)^(?=.{0,80}getty)[^.]+$", ("getty",)),  # a lookahead's text is in the block
        (r"(?i)©\s*\d{4}", ("©",)),  # a caseless symbol is kept under (?i)
        (r"(?i)über den autor", ("über den autor",)),  # ü's equivalents all fold to ü
        (r"(?i)\ua7cbx", ("x",)),  # U+A7CB: regex knows its other case, this Python does not
        (r"über den Autor", ("über den autor",)),
        (r"(?i)^(?:\[\s*)?[:/|]", ("/", ":", "|")),  # one of a few characters
        (r"(?i)^(?:read|see) (?-i:ALSO)", ("also",)),  # a group starts a new run
        (r"[ab]{2}cd", ("cd",)),
    ],
)
def test_literals_of_common_constructs(pattern: str, expected: tuple[str, ...]) -> None:
    assert _literals(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"foo|\d+",  # one branch requires no text
        r"(?:foo)?\w+",  # an optional group
        r"[[:alpha:]]+foo",  # a POSIX class, which Python's parser reads as literal text
        r"(?:foo){e<=1}",  # fuzzy matching: 'foo' need not appear as written
        r"[^\p{L}]foo(?<n>x)",  # a property in a negated class / syntax Python lacks
        r"(?V1)[[a-z]--[aeiou]]+",  # version-1 set operations
        r"(?i)\ua7cb+",  # nothing whose case folds alike left
    ],
)
def test_patterns_without_provable_literals_always_run(pattern: str) -> None:
    assert _literals(pattern) is None


def _prefixes(pattern: str) -> tuple[str, ...]:
    found = required_literals(regex.compile(pattern))
    assert found is not None
    return found.prefixes


def test_prefixes_of_anchored_patterns() -> None:
    assert _prefixes(r"^(?:MORE|READ(?: ALSO)?):") == ("more:", "read also:", "read:")
    assert _prefixes(r"(?i)^(?:\(\s*)?(?:by|von)\b") == ("(", "by", "von")  # an optional group adds the next node's
    assert _prefixes(r"(?i)^(?=\w)(?:share|tweet)") == ("share", "tweet")  # a lookahead is skipped
    assert _prefixes(r"(?i)^[-–]\s*x") == ("-", "–")
    assert _prefixes(r"(?i)^(?:автор|by):") == ("by:", "автор:")  # Cyrillic folds alike in both engines
    assert required_literals(regex.compile(r"(?i)^(?:a|\ua7cb)")) is None  # U+A7CB does not: no prefix
    assert _prefixes(r"^(?:ab)+c") == ("ab",)  # after a repeat, more of it may follow
    assert required_literals(regex.compile(r"^\w+ says")).prefixes == ()  # \w: any word character
    assert required_literals(regex.compile(r"^(?:ab)?")) is None  # can match the empty string
    assert required_literals(regex.compile(r"x(?:MORE)")).prefixes == ()  # not anchored


def test_every_builtin_remove_example_passes_its_rules_literals() -> None:
    for rule in BUILTIN:
        if rule.literals is None:
            continue
        for example in rule.remove:
            folded = example.casefold()
            strings, prefixes = rule.literals.strings, rule.literals.prefixes
            assert not strings or any(literal in folded for literal in strings), (rule.id, example)
            assert not prefixes or folded.startswith(prefixes), (rule.id, example)


# --------------------------------------------------------------------------- soundness on random input

_ALPHABET = "abkKsS\u017f\u212aéÉ©. -ßẞ\ua7cb\ua7ccфФ"
_ATOMS = [
    "ab",
    "ba",
    "k",
    "s",
    "é",
    "É",
    "©",
    " ",
    ".",
    r"\w",
    r"\W",
    r"\s",
    r"\p{L}",
    r"\P{L}",
    "[ab]",
    "[^a]",
    r"\b",
    r"\B",
    "^",
    "$",
    r"\d",
]


def _patterns() -> st.SearchStrategy[str]:
    atoms = st.sampled_from(_ATOMS)

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map(lambda p: f"(?:{p[0]}|{p[1]})"),
            st.tuples(inner, st.sampled_from(["?", "*", "+", "{1,2}", "{2}", "++", "*?"])).map(
                lambda p: f"(?:{p[0]}){p[1]}"
            ),
            inner.map(lambda p: f"(?i:{p})"),
            inner.map(lambda p: f"(?-i:{p})"),
            inner.map(lambda p: f"(?={p})"),
            inner.map(lambda p: f"(?!{p})"),
            inner.map(lambda p: f"(?<=[ab]{p})"),
            inner.map(lambda p: f"(?>{p})"),
        )

    body = st.recursive(atoms, extend, max_leaves=8)
    return st.tuples(st.sampled_from(["", "(?i)"]), st.sampled_from(["", "^", "^(?:"]), body).map(
        lambda p: p[0] + p[1] + p[2] + (")" if p[1] == "^(?:" else "")
    )


#: Texts built from the atoms' own strings (so that patterns match often) or from the alphabet.
_TEXTS = st.one_of(
    st.lists(
        st.sampled_from(["ab", "ba", "k", "s", "é", "É", "©", " ", ".", "AB", "\u212a", "\u017f", "S"]), max_size=6
    ).map("".join),
    st.text(alphabet=_ALPHABET, max_size=12),
)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(_patterns(), st.lists(_TEXTS, min_size=1, max_size=8))
def test_every_match_contains_a_literal(pattern: str, texts: list[str]) -> None:
    try:
        compiled = regex.compile(pattern)
    except regex.error:
        return
    found = required_literals(compiled)
    if found is None:
        return
    for text in texts:
        if compiled.search(text) is not None:
            folded = text.casefold()
            assert not found.strings or any(literal in folded for literal in found.strings), (pattern, text, found)
            assert not found.prefixes or folded.startswith(found.prefixes), (pattern, text, found)


def _variants(example: str) -> st.SearchStrategy[str]:
    """An example with some letters' case swapped, k/s swapped for the Kelvin / long-s signs, and
    text around it."""
    flips = st.lists(st.booleans(), min_size=len(example), max_size=len(example))

    def apply(choice: tuple[list[bool], str, str, int]) -> str:
        flip, before, after, sign = choice
        chars = [c.swapcase() if f else c for c, f in zip(example, flip, strict=True)]
        text = "".join(chars)
        if sign == 1:
            text = text.replace("k", "\u212a").replace("K", "\u212a")
        elif sign == 2:
            text = text.replace("s", "\u017f")
        return before + text + after

    return st.tuples(
        flips, st.sampled_from(["", "The ", "© "]), st.sampled_from(["", ".", " today"]), st.integers(0, 2)
    ).map(apply)


_EXAMPLES = [(rule, example) for rule in BUILTIN if rule.literals is not None for example in rule.remove + rule.keep]


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(st.sampled_from(_EXAMPLES).flatmap(lambda pair: st.tuples(st.just(pair[0]), _variants(pair[1]))))
def test_builtin_rules_match_only_texts_with_their_literals(case) -> None:  # type: ignore[no-untyped-def]
    rule, text = case
    if rule.compiled.search(text) is not None:
        assert rule.literals is not None
        strings, prefixes = rule.literals.strings, rule.literals.prefixes
        assert not strings or any(literal in text.casefold() for literal in strings), (rule.id, text)
        assert not prefixes or text.casefold().startswith(prefixes), (rule.id, text)


def test_literal_filter_changes_no_match_on_the_corpus(seeds_dir: Path, aeb_dir: Path) -> None:
    """Every block of the seeds and 40 AEB pages: the same rule claims it with and without the filter."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]
    texts += [html_text.extract_text(page.html, guess_layout=True) for page in list(load_aeb(aeb_dir))[:40]]
    filtered = RuleSet(BUILTIN, timeout=1.0)
    unfiltered = RuleSet(BUILTIN, timeout=1.0, use_literals=False)
    blocks = [block.text for text in texts for block in segment(text).blocks]
    skipped = 0
    for text in blocks:
        for language in (("English",), ()):
            a = filtered.match(text, language, [])
            b = unfiltered.match(text, language, [])
            assert (a and (a.rule.id, a.matched)) == (b and (b.rule.id, b.matched)), text
    # the filter does act: most of the scanning rules never run on most blocks
    for gate in filtered._for_language(("English",)).gates:
        if gate.literals is not None:
            folded = [text.casefold() for text in blocks[:500]]
            skipped += sum(not any(literal in f for literal in gate.literals) for f in folded)
    assert skipped > 500 * 5, skipped


def test_a_failing_parser_only_means_the_rule_always_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.engine.rules import literals

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("a parse tree of another shape")

    monkeypatch.setattr(literals._p, "parse", broken)
    assert required_literals(regex.compile(r"(?i)\bcookie policy\b")) is None

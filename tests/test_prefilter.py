"""The rule prefilter: its one-pass search for required strings finds exactly the strings a
substring test finds, and its gates let through every block a rule matches."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.engine.rules.prefilter import NO_LIMIT, Gate, Gates, Strings, candidates

_CHARS = "abcab -:/|.»…ßssΣσ\u0307iİ東京ab"
strings = st.lists(st.text(alphabet=_CHARS, min_size=1, max_size=5), max_size=40, unique=True)
texts = st.text(alphabet=_CHARS, max_size=60)


@given(strings, texts)
def test_present_is_the_substring_test(needles: list[str], text: str) -> None:
    assert list(Strings(needles).present(text)) == [int(needle in text) for needle in needles]


@given(strings, st.lists(texts, max_size=5))
def test_many_strings_share_buckets_without_loss(needles: list[str], many: list[str]) -> None:
    found = Strings(needles * 3 if len(needles) < 10 else needles)  # repeats land in one bucket
    for text in many:
        assert list(found.present(text))[: len(needles)] == [int(needle in text) for needle in needles]


def test_a_block_passes_a_gate_only_with_all_its_gates_met() -> None:
    gates = Gates(
        [
            Gate(5, ("read more",), None, "anchored"),
            Gate(NO_LIMIT, None, ("cookie", "privacy"), "strings"),
            Gate(3, None, None, "short"),
            Gate(NO_LIMIT, ("by ",), ("reuters",), "both"),
        ]
    )
    assert candidates(gates, "Read more: the story", 4) == ["anchored"]
    assert candidates(gates, "We use Cookies here and there", 6) == ["strings"]
    assert candidates(gates, "By Jane Doe, Reuters", 3) == ["short", "both"]
    assert candidates(gates, "By Jane Doe", 9) == []


gate_specs = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=8),
        st.none() | st.lists(st.text(alphabet=_CHARS, min_size=1, max_size=3), min_size=1, max_size=4),
        st.none() | st.lists(st.text(alphabet=_CHARS, min_size=1, max_size=3), min_size=1, max_size=4),
    ),
    max_size=30,
)


@given(gate_specs, texts, st.integers(min_value=0, max_value=9))
def test_candidates_are_the_gates_a_block_meets_in_order(
    specs: list[tuple[int, list[str] | None, list[str] | None]], text: str, words: int
) -> None:
    """Whatever indexes the gates (the compiled build marks them by the strings present and the
    block's initial), the candidates are exactly the gates a block meets, one by one, in order."""
    folded = [
        (most, None if p is None else [x.casefold() for x in p], None if s is None else [x.casefold() for x in s])
        for most, p, s in specs
    ]
    gates = Gates(
        [
            Gate(most, None if p is None else tuple(p), None if s is None else tuple(s), n)
            for n, (most, p, s) in enumerate(folded)
        ]
    )
    block = text.casefold()
    expected = [
        n
        for n, (most, prefixes, literals) in enumerate(folded)
        if words <= most
        and (prefixes is None or block.startswith(tuple(prefixes)))
        and (literals is None or any(literal in block for literal in literals))
    ]
    assert candidates(gates, text, words) == expected

"""Issue 14, item 15: idempotence, and lines of zero-width characters that decided the layout.

The example counts follow the Hypothesis profile (``HYPOTHESIS_PROFILE=long``: 2,000 each).
"""

from __future__ import annotations

from random import Random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.engine.invisible import with_invisible, without_invisible
from cleaner.engine.segment import segment
from cleaner.testing import Article, articles, assert_contract

#: What a page builder leaves between lines: breaks, blank lines, lines of format characters.
INSERTED = ["\n", "\n\n", "\r\n", "\n\u200b\n", "\n\ufeff\n", "\n\u200b", "\ufeff\n"]
INVISIBLE_TAILS = ["\n\ufeff", "\n\u200b", "\n\u200b\ufeff", "\n\n\ufeff"]
EXAMPLES = max(200, settings.default.max_examples)

#: Found by generating articles and appending a line of U+FEFF set tight under the last line:
#: the last paragraph went (201 characters kept without the line, 131 with it).
ITALIAN = (
    "La Fiat taglierà 198.705 posti di lavoro\n\nFrancesca Ricci ha detto: “È una bella giornata per tutta la "
    "città.”\n\nNon è la prima volta che Bologna affronta un problema simile.\n\nI più letti\n\nFrancesca Ricci "
    "ha detto: “È una bella giornata per tutta la città.”"
)


def visible(text: str) -> str:
    return text.replace("\ufeff", "").replace("\u200b", "").strip()


def with_breaks(text: str, rng: Random, count: int) -> str:
    """``text`` with ``count`` breaks of INSERTED at random places."""
    positions = sorted(rng.sample(range(len(text) + 1), min(count, len(text) + 1)))
    parts, last = [], 0
    for position in positions:
        parts += [text[last:position], rng.choice(INSERTED)]
        last = position
    return "".join(parts) + text[last:]


def test_item15_the_issues_counterexample_is_idempotent() -> None:
    """Item 15: '0:0:0:0:0:0:\\n0\\n00\\n\\ufeff' (at d3a9129 the second pass kept only the first line)."""
    text = "0:0:0:0:0:0:\n0\n00\n\ufeff"
    first = cleaner.clean(text)
    # (The bare figures under the first line are no list's rows since 2026-12-07: a counter's.)
    assert first.text.startswith("0:0:0:0:0:0:")
    assert cleaner.clean(first.text).text == first.text


@pytest.mark.parametrize("tail", INVISIBLE_TAILS)
def test_item15_a_trailing_zero_width_line_does_not_decide_the_layout(tail: str) -> None:
    """Item 15: a last line of U+FEFF or U+200B changes nothing the reader sees (it dropped the last paragraph)."""
    assert visible(cleaner.clean(ITALIAN + tail).text) == cleaner.clean(ITALIAN).text


def test_item15_a_zero_width_line_counts_as_one_blank_line_in_the_gap() -> None:
    """Item 15: the decision steps see no invisible line; the next line's gap counts it as a blank line."""
    doc = segment("a\n\u200b\nb\n\n\ufeff\u200b\n\nc\n\u200b")
    shown, invisible = without_invisible(doc)
    assert [(b.index, b.text, b.gap_before) for b in shown.blocks] == [(0, "a", 0), (1, "b", 1), (2, "c", 3)]
    assert invisible == [1, 3, 5]


def test_item15_an_invisible_line_is_kept_only_between_kept_lines() -> None:
    """Item 15: put back, an invisible line is kept when both visible neighbours are, else removed."""
    from cleaner.engine.assemble import Decision
    from cleaner.engine.decide import INVISIBLE, KEPT

    removed = Decision("menu", "heuristic.menu", "a menu")
    assert with_invisible([KEPT, KEPT, removed], [1, 3]) == [KEPT, KEPT, KEPT, INVISIBLE, removed]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(articles(), st.randoms(use_true_random=False), st.integers(1, 8))
def test_item15_generated_articles_with_inserted_line_breaks_are_idempotent(
    article: Article, rng: Random, count: int
) -> None:
    """Item 15: clean(clean(x).text).text == clean(x).text, and the rest of the contract, with breaks inserted."""
    text = with_breaks(article.text, rng, count)
    assert_contract(text, cleaner.clean(text))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(articles(), st.randoms(use_true_random=False), st.integers(0, 6), st.sampled_from(INVISIBLE_TAILS))
def test_item15_generated_articles_ignore_a_trailing_zero_width_line(
    article: Article, rng: Random, count: int, tail: str
) -> None:
    """Item 15: on generated articles (breaks inserted), a trailing invisible line changes no visible line."""
    text = with_breaks(article.text, rng, count)
    assert visible(cleaner.clean(text + tail).text) == visible(cleaner.clean(text).text)

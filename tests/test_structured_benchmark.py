"""benchmarks/structured.py: its gold and its figures (the script itself runs in the benchmarks)."""

from __future__ import annotations

import html
import re
import sys
from collections import Counter
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import structured

PAGE = "\n".join(
    [
        "Home | News | Sport",
        "The council approves a new budget",
        "The council approved a budget of twelve million euros for the schools on Monday night.",
        "Share this article",
        "Critics said the plan did not go far enough. They asked for more details on the costs.",
        "The mayor said the first schools would be repaired before the end of the year.",
        "Short line",
        "Work on the other schools will follow next summer, if the weather and the money allow.",
        "Officials offered a simple explanation: there was not enough money for everything.",
        "© 2024 Example News. All rights reserved.",
    ]
)
GOLD = "\n".join(PAGE.splitlines()[i] for i in (2, 4, 5, 6, 7, 8))


def test_a_page_becomes_structured_with_its_gold_body_in_sections() -> None:
    case = structured.structured_page("page", PAGE, GOLD, Random(1))
    assert case is not None
    spans = case.article.spans
    in_sections = {i for section in case.article.sections for i in section.spans}
    assert all(spans[i].label == "body" for i in in_sections)
    # Every gold line of four words or more is body, in one section or as list items.
    texts = " ".join(spans[i].text for i in in_sections)
    for line in GOLD.splitlines():
        if len(line.split()) >= structured.BODY_WORDS:
            assert all(sentence in texts for sentence in structured._SENTENCE_RE.split(line)), line
    labels = {s.text: s.label for s in spans}
    assert labels["Short line"] == structured.UNSCORED
    assert labels["Home | News | Sport"] == labels["Share this article"] == "other"
    # The comment counter stands just above the first body line.
    first_body = next(i for i, s in enumerate(spans) if s.label == "body")
    assert spans[first_body - 1].label == "comments"
    assert case.article.sections[0].kind == "lead" and len(case.article.sections) >= 2
    assert structured.structured_page("page", PAGE, GOLD, Random(1)) == case


def test_a_page_with_too_little_body_is_left_out() -> None:
    assert structured.structured_page("page", PAGE, GOLD.splitlines()[0], Random(1)) is None


def test_recall_precision_and_dropped_sections() -> None:
    cases = structured.generated_cases(2, seed=3)[:4]
    kinds: dict[str, structured.Tally] = {}
    perfect = [[span.label == "body" for span in case.article.spans] for case in cases]
    total = structured.tally(cases, perfect, kinds, [], Counter())
    assert (total.recall, total.precision, total.dropped) == (1.0, 1.0, 0)
    everything = [[True] * len(case.article.spans) for case in cases]
    loose = structured.tally(cases, everything, {}, [], Counter())
    assert loose.recall == 1.0 and loose.precision < 1.0
    nothing = [[False] * len(case.article.spans) for case in cases]
    by_case: Counter[str] = Counter()
    lost = structured.tally(cases, nothing, {}, [], by_case)
    assert lost.recall == 0.0 and lost.dropped == lost.sections == total.sections
    expected: Counter[str] = Counter()
    for case in cases:
        expected[case.name] += sum(bool(s.spans) for s in case.article.sections)
    assert by_case == expected and sum(by_case.values()) == lost.dropped
    # A section keeping fewer than half of its body lines is dropped; half of them is enough.
    case = cases[0]
    section = max(case.article.sections, key=lambda s: len(s.spans))
    half = -(-len(section.spans) // 2)
    for keep, dropped in ((half, 0), (half - 1, 1)):
        kept = set(section.spans[:keep])
        flags = [
            span.label == "body" and (i in kept or i not in section.spans) for i, span in enumerate(case.article.spans)
        ]
        assert structured.tally([case], [flags], {}, [], Counter()).dropped == dropped


def test_generated_pages_hold_every_body_line() -> None:
    for case in structured.generated_cases(1, seed=5):
        assert case.html is not None
        page = html.unescape(case.html)
        for span in case.article.spans:
            for cell in re.split(r"\t| {2,}", re.sub(r"^(?:[•*–-]|\d+[.)])\s+", "", span.text)):
                assert cell.strip() in page, (case.name, span.text)
    case = structured.generated_cases(1, seed=5)[0]
    assert len(structured.kept_lines([case], "text")[0]) == len(case.article.spans)


def test_a_section_starts_at_a_paragraph_and_a_tight_list_stays_one_unit() -> None:
    """Gold lines without a sentence end (a list of tour dates) stay in the section of the
    paragraph above them, whether the page sets them apart or tight; set tight on a page that
    sets its paragraphs apart, they stay one unit as the page rendered them."""
    dates = [f"June {day} -- Coral Sky Amphitheatre, West Palm Beach" for day in range(9, 13)]
    paragraphs = [line for line in GOLD.splitlines() if line.endswith(".")]
    gold = "\n".join([*paragraphs, *dates])
    for joined in ("\n", "\n\n"):
        page = "\n\n".join(
            ["Home | News | Sport", "The council approves a new budget", *paragraphs, joined.join(dates)]
        )
        for seed in range(5):
            case = structured.structured_page("page", page, gold, Random(seed))
            assert case is not None
            texts = [span.text for span in case.article.spans]
            holding = [s for s in case.article.sections if any(texts[i] in dates for i in s.spans)]
            assert len(holding) == 1 and texts[holding[0].spans[-1]] == dates[-1]
            if joined == "\n":
                assert "\n".join(dates) in case.article.text


def test_a_body_of_short_lines_is_scored_as_printed() -> None:
    """A gold body mostly of lines without a sentence end (a roundup's boxes, a plan) is
    structured already: one section of kind AS_PRINTED, the page's lines as they stand with
    the comment counter above them and nothing added between them."""
    boxes = [
        [f"Lamp model {n} in brushed brass", f"Shade of {n} layers of linen cloth", f"Cable length of {n} metres"]
        for n in range(1, 7)
    ]
    body = [
        "Our favourite table lamps for reading in bed this winter, tested at home.",
        *(line for box in boxes for line in box),
    ]
    page = "\n\n".join(["Home | Shop", "The best table lamps", *body, "© 2024 Example Shop"])
    case = structured.structured_page("page", page, "\n".join(body), Random(2))
    assert case is not None
    assert [section.kind for section in case.article.sections] == [structured.AS_PRINTED]
    spans = case.article.spans
    assert [spans[i].text for i in case.article.sections[0].spans] == body
    assert [span.text for span in spans if span.label != "comments"] == [
        "Home | Shop", "The best table lamps", *body, "© 2024 Example Shop"
    ]  # fmt: skip


def test_a_line_printed_more_often_than_the_gold_holds_it_is_unscored() -> None:
    """A standfirst the article repeats word for word: which copy the gold body meant is
    unknown, so neither copy is scored."""
    standfirst = "The council approved a budget of twelve million euros for the schools on Monday night."
    page = "\n\n".join([standfirst, *PAGE.splitlines()])
    case = structured.structured_page("page", page, GOLD, Random(1))
    assert case is not None
    assert {span.label for span in case.article.spans if span.text == standfirst} == {structured.UNSCORED}
    assert any(span.label == "body" for span in case.article.spans)

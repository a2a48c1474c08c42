"""Structured articles (cleaner.testing.structured_articles): well formed, and cleaned per language.

Sections under subheads, lists, tables, recipes and code, furniture between the sections and a
comment counter under the headline. The contract must hold on them in every language; that no
body line is removed fails today (selection keeps one run of prose: issue 15), so those tests
are strict xfails that turn into failures, to be unmarked, once selection keeps every section.
"""

from __future__ import annotations

import inspect
from itertools import pairwise
from random import Random

import pytest
from claims import unclaimed_templates
from hypothesis import HealthCheck, Phase, given, settings

import cleaner
from cleaner.engine.segment import segment
from cleaner.testing import Article, assert_contract, structured_articles
from cleaner.testing.strategies import LANGUAGES
from cleaner.testing.structure import FURNITURE, LAYOUTS, STRUCTURES, Plan, build, one_contents
from cleaner.testing.vocabulary import VOCABULARIES

FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def removed_body_lines(article: Article, result: cleaner.Result) -> list[str]:
    """The gold body lines that a removal of ``result`` overlaps, by position (a table of contents
    repeats the subheads: the same text is nav there and body under it)."""
    return [
        span.text
        for span in article.spans
        if span.label == "body" and any(r.start < span.end and span.start < r.end for r in result.removals)
    ]


@FAST
@given(structured_articles())
def test_spans_tile_the_article_like_cleaner_blocks(article: Article) -> None:
    for span in article.spans:
        assert article.text[span.start : span.end] == span.text
    blocks = segment(article.text).blocks
    assert [(b.start, b.end) for b in blocks] == [(s.start, s.end) for s in article.spans]


@FAST
@given(structured_articles())
def test_sections_are_body_and_start_at_their_subhead(article: Article) -> None:
    assert article.sections[0].kind == "lead"
    assert {s.kind for s in article.sections[1:]} <= set(STRUCTURES)
    indices = [i for section in article.sections for i in section.spans]
    assert indices == sorted(indices) and len(indices) == len(set(indices))
    assert {i for i, span in enumerate(article.spans) if span.label == "body"} == set(indices)
    for section in article.sections[1:]:
        subhead = article.spans[section.spans[0]].text
        assert not subhead.endswith((".", "!", "?")), subhead
        assert len(section.spans) >= 2
    assert sum(s.label == "title" for s in article.spans) == 1


def test_every_structure_and_furniture_is_written_in_every_language() -> None:
    for language, vocab in VOCABULARIES.items():
        for kind in STRUCTURES:
            plan = Plan(7, (kind, "paragraphs"), ("toc", "byline"), comment_counter=True, footer=True)
            article = build(vocab, plan)
            assert [s.kind for s in article.sections] == ["lead", kind, "paragraphs"], language
            labels = [s.label for s in article.spans]
            assert labels[:2] == ["title", "comments"], (language, labels)
            assert {"nav", "byline", "dateline", "legal"} <= set(labels), (language, labels)
        for piece, piece_labels in FURNITURE.items():
            article = build(vocab, Plan(3, ("paragraphs",), (piece,)))
            assert set(piece_labels) <= {s.label for s in article.spans}, (language, piece)


#: The label a rule must give each furniture entry of a vocabulary (a byline block's lines are
#: written under "byline" and "dateline"; the counter under the headline is comments).
_ENTRY_LABELS = {"byline": ("byline",), "dateline": ("dateline",), "counter": ("comments",)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_furniture_entry_is_claimed_with_its_label(language: str, default_cleaner: cleaner.Cleaner) -> None:
    # Generated furniture exercises the language's rules: a vocabulary entry no rule claims (a
    # table of contents' heading without its pack's rule) tests the heuristics instead.
    vocab = VOCABULARIES[language]
    groups = ((templates, _ENTRY_LABELS.get(kind) or FURNITURE[kind]) for kind, templates in vocab.furniture.items())
    unclaimed = unclaimed_templates(default_cleaner, vocab, groups, seeds=5)
    assert not unclaimed, unclaimed


def test_lists_tables_and_recipes_stand_on_consecutive_lines() -> None:
    vocab = VOCABULARIES["German"]
    for kind in ("bullets", "numbered", "table", "recipe"):
        article = build(vocab, Plan(11, (kind,), (None,), layout=("\n\n", "\n")))
        rows = [article.spans[i] for i in article.sections[1].spans[-3:]]  # the last unit has 3+ lines
        assert [article.text[a.end : b.start] for a, b in pairwise(rows)] == ["\n", "\n"], kind
    table = build(vocab, Plan(5, ("table",), (None,)))
    header = table.spans[table.sections[1].spans[2]].text
    assert header.split() == ["Stadt", "Einwohner", "Veränderung"]


def test_the_same_plan_writes_the_same_article() -> None:
    plan = Plan(42, ("recipe", "table"), ("ad", None), comment_counter=True)
    assert build(VOCABULARIES["Polish"], plan) == build(VOCABULARIES["Polish"], plan)
    other = Plan(43, ("recipe", "table"), ("ad", None), comment_counter=True)
    assert build(VOCABULARIES["Polish"], plan).text != build(VOCABULARIES["Polish"], other).text


def test_options_are_keyword_only_and_validated() -> None:
    params = inspect.signature(structured_articles).parameters.values()
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params)
    with pytest.raises(ValueError, match="structures"):
        structured_articles(structures=["poem"])
    with pytest.raises(ValueError, match="furniture"):
        structured_articles(furniture=["sofa"])
    with pytest.raises(ValueError, match="sections"):
        structured_articles(min_sections=3, max_sections=2)
    with pytest.raises(ValueError, match="layouts"):
        structured_articles(layouts=[("\n\n", " ")])
    with pytest.raises(ValueError, match="Klingon"):
        structured_articles(languages=["Klingon"])
    with pytest.raises(ValueError, match="furniture entry"):
        Plan(1, ("table",), ())
    with pytest.raises(ValueError, match="one table of contents"):
        Plan(1, ("table", "code"), ("toc", "toc"))


def test_a_page_lists_its_sections_once() -> None:
    assert one_contents(("ad", "toc", None, "toc", "share", "toc")) == ("ad", "toc", None, None, "share", None)
    assert one_contents((None, "gallery")) == (None, "gallery")


@settings(max_examples=40, deadline=None)
@given(structured_articles(languages=["Dutch"], structures=["code"], furniture=[], comment_counter=False))
def test_options_shape_the_article(article: Article) -> None:
    assert {s.kind for s in article.sections[1:]} == {"code"}
    assert "comments" not in {s.label for s in article.spans}
    assert article.language == "Dutch"


def test_layouts_are_line_breaks() -> None:
    for separator, line_break in LAYOUTS:
        assert [line for line in f"a{separator}b{line_break}c".splitlines() if line.strip()] == ["a", "b", "c"]
    text = build(VOCABULARIES["English"], Plan(Random(3).randrange(99), ("bullets",), (None,), layout=LAYOUTS[1])).text
    assert "\r\n" in text and "\n\n" not in text.replace("\r\n", "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_contract_holds_on_structured_articles(language: str, default_cleaner: cleaner.Cleaner) -> None:
    @FAST
    @given(structured_articles(languages=[language]))
    def check(article: Article) -> None:
        assert_contract(article.text, default_cleaner.clean(article.text), cleaner=default_cleaner)

    check()


#: Structured articles that may lose a body line, as a share of those generated (issue 15's aim
#: is none): on 2026-12-07, 4 of this test's 450 derandomized examples did (13 before that
#: day's changes, which this bound would fail), most of them pages set without blank lines with
#: a table of contents between two sections. The bound leaves room for the random examples of
#: local runs (at today's rate about 1 run in 300 would exceed it by chance).
LOSING_SHARE = 0.025


def test_few_structured_articles_lose_a_body_line(default_cleaner: cleaner.Cleaner) -> None:
    """Across every language, at most LOSING_SHARE of generated structured articles lose a body
    line (the property "no body line removed" does not hold everywhere yet; this bounds how far
    it fails). Shrinking would only cost time."""
    seen: list[bool] = []
    examples: list[str] = []

    @settings(FAST, max_examples=30 * len(LANGUAGES), phases=[Phase.explicit, Phase.reuse, Phase.generate])
    @given(structured_articles())
    def check(article: Article) -> None:
        lost = removed_body_lines(article, default_cleaner.clean(article.text))
        seen.append(bool(lost))
        if lost:
            examples.append(f"{lost[0]!r} in {article.text!r}")

    check()
    assert len(seen) >= 10 * len(LANGUAGES)
    assert sum(seen) <= LOSING_SHARE * len(seen), f"{sum(seen)} of {len(seen)} lose a line, e.g. {examples[0]}"


_LEAD = (
    "The city council approved the new budget on Monday after a long debate that lasted well into the night, "
    "officials said."
)
_PARAGRAPH = "The plan adds more buses on the main routes and lowers fees for families, the transport office said."
_LATER = "The budget now goes to the regional authority, which has until March to sign it off, a spokesperson said."


def test_code_at_the_end_of_a_page_set_without_blank_lines_is_kept(default_cleaner: cleaner.Cleaner) -> None:
    """A page set without blank lines is one run of tight lines: the block of code inside it (its
    first line, "SELECT ...", without a mark of code) is still read as code, and a run begins
    again under a claimed line ("Advertisement")."""
    lines = [
        "How to find your readers in the database",
        "The readers table holds one row per reader, with the city they live in and the date they signed up.",
        "Advertisement",
        "To list the readers of one city, ask for their names and sort them, as the query below does.",
        "SELECT name, city FROM readers",
        "WHERE city = 'Boston'",
        "ORDER BY name;",
        "Privacy policy | Terms of use",
    ]
    result = default_cleaner.clean("\n".join(lines))
    assert result.text.endswith("\n".join([lines[3], *lines[4:7]]))
    assert lines[1] in result.text
    # A shell command alone is a block of code too.
    command = [*lines[:4], "pip install readers-db", lines[-1]]
    assert default_cleaner.clean("\n".join(command)).text.endswith(f"{lines[3]}\npip install readers-db")


def test_counters_after_a_page_set_without_blank_lines_are_no_list(default_cleaner: cleaner.Cleaner) -> None:
    """A story's footer set tight under it ("Filed to: ...", its views, comments and shares, bare
    figures) is no list of data: the article ends before it."""
    paragraphs = [
        "The readers table holds one row per reader, with the city they live in and the date they signed up.",
        "To list the readers of one city, ask for their names and sort them, as the query below does.",
    ]
    footer = ["Share this story", "Filed to: databases", "84.1K", "108", "2"]
    result = default_cleaner.clean("\n".join(["How to find your readers", *paragraphs, *footer]))
    assert result.text == "\n".join(paragraphs)


def test_a_section_after_a_newsletter_prompt_is_kept(default_cleaner: cleaner.Cleaner) -> None:
    # A one-line newsletter prompt between sections is removed as cta but does not end the article.
    sections = ["What happens next", _LATER, "Sign up for our daily newsletter", "Why it matters"]
    tail = ["Fares will fall next year.", "• More buses on the main routes\n• Lower fees for families\n• Free parking"]
    text = "\n\n".join(["Council approves the new budget", _LEAD, _PARAGRAPH, *sections, *tail])
    result = default_cleaner.clean(text)
    assert [(r.label, text[r.start : r.end]) for r in result.removals if r.label != "title"] == [
        ("cta", "Sign up for our daily newsletter")
    ]


def test_a_sign_up_box_after_the_article_stays_out(default_cleaner: cleaner.Cleaner) -> None:
    # Several lines of one sign-up box (heading, pitch, privacy note, confirmation) are the page's,
    # not a prompt set between sections: each claimed line is a barrier, and the confirmation
    # after the privacy note is not taken in as the article's.
    box = [
        "Sign up for our daily newsletter",
        "Our top stories, every morning.",
        "No spam, we promise. You can unsubscribe at any time.",
        "Thanks, we will be in touch!",
    ]
    text = "\n\n".join(["Council approves the new budget", _LEAD, _PARAGRAPH, _LATER, *box, "About us\nContact"])
    result = default_cleaner.clean(text)
    assert "in touch" not in result.text, result.text
    assert _LATER in result.text


def test_a_related_list_between_sections_ends_at_the_next_subhead(default_cleaner: cleaner.Cleaner) -> None:
    # Headlines set apart under "Related:" are promo; the subhead over a list set tight is the
    # article's again (related_list took it and the list, and the article ended there).
    bullets = "• More buses on the main routes\n• Lower fees for families\n• Free parking on Sundays"
    related = ["Related:", "Mayor resigns after budget row", "Why buses are late again"]
    text = "\n\n".join(["Council approves the new budget", _LEAD, _PARAGRAPH, *related])
    text += "\n\n" + "\n\n".join(["What changes for families", bullets, _LATER])
    result = default_cleaner.clean(text)
    assert [text[r.start : r.end] for r in result.removals if r.label == "promo"] == related
    assert "What changes for families\n\n• More buses" in result.text and _LATER in result.text


@pytest.mark.parametrize(
    ("language", "plan"),
    [
        # A subhead under a table of contents or a newsletter prompt: read with the block above
        # the furniture, it heads its section (read with nothing above, it ended the article).
        ("Dutch", Plan(678327569, ("paragraphs", "bullets"), ("toc", "newsletter"), comment_counter=True, byline=True)),
        (
            "Russian",
            Plan(
                3994765614,
                ("table", "recipe", "code", "paragraphs", "bullets"),
                ("share",) * 2 + ("newsletter", "toc", None),
                byline=True,
            ),
        ),
        (
            "Russian",
            Plan(
                1928813344,
                ("numbered", "table", "recipe", "code", "paragraphs"),
                ("toc", None, None, None, "gallery"),
                footer=True,
            ),
        ),
    ],
)
def test_sections_after_furniture_are_kept(language: str, plan: Plan, default_cleaner: cleaner.Cleaner) -> None:
    article = build(VOCABULARIES[language], plan)
    assert removed_body_lines(article, default_cleaner.clean(article.text)) == []


@pytest.mark.parametrize(
    ("language", "plan"),
    [
        # A table of contents right above the section its last entry names: that section's
        # subhead is not one more entry (a table lists each section once), and heads its section
        # though a list, a table or a short sentence opens it rather than a paragraph.
        (
            "English",
            Plan(
                4125554868, ("bullets", "numbered", "table", "recipe"), ("ad", "byline", "gallery", "toc"), byline=True
            ),
        ),
        ("Russian", Plan(3844248156, ("recipe", "code"), ("gallery", "toc"), footer=True)),
        ("Italian", Plan(323965900, ("numbered", "table", "recipe", "code"), ("byline", "ad", None, "toc"))),
    ],
)
def test_a_subhead_under_a_table_of_contents_heads_its_section(
    language: str, plan: Plan, default_cleaner: cleaner.Cleaner
) -> None:
    article = build(VOCABULARIES[language], plan)
    assert removed_body_lines(article, default_cleaner.clean(article.text)) == []


def test_a_table_of_contents_on_a_page_set_without_blank_lines_is_furniture(default_cleaner: cleaner.Cleaner) -> None:
    """Set without blank lines, a page's layout tells no section title from a list's item: a line
    under a contents heading whose text stands again on the page is an entry (removed as nav, no
    barrier), and the sections after it stay."""
    lines = [
        "Council approves the new budget",
        _LEAD,
        "Contents",
        "What happens next",
        "Why it matters",
        "What happens next",
        _PARAGRAPH,
        "Why it matters",
        _LATER,
        "Privacy policy | Terms of use",
    ]
    result = default_cleaner.clean("\n".join(lines))
    removed = {result.source[r.start : r.end]: r.rule for r in result.removals}
    assert removed["Contents"].endswith("toc_heading")
    assert result.text.endswith("\n".join(lines[5:9]))
    assert [r.rule for r in result.removals].count("heuristic.table_of_contents") == 2

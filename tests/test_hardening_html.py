"""Issue 14, the HTML items: parse limits that keep content (6) and caps on hostile pages (7)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.batch import read_failures
from cleaner.cli import main
from cleaner.html_parse import MAX_ATTRIBUTES, MAX_ELEMENTS, MAX_UNWRAPPED

PARAGRAPH = (
    "<p>The council met on Tuesday and agreed the budget for the coming year after a long debate "
    "about the schools, the roads and the new library in the old town.</p>"
)
ARTICLE = PARAGRAPH * 4


def page(body: str) -> str:
    return f"<html><head><title>Budget agreed</title></head><body>{body}</body></html>"


def test_item06_nesting_past_libxml2s_default_depth_keeps_the_body() -> None:
    """Item 6: 300 levels of nesting (libxml2's default stops at 256 and drops the rest)."""
    result = cleaner.clean_html(page("<div>" * 300 + ARTICLE + "</div>" * 300))
    assert "agreed the budget" in result.text


def test_item06_a_text_node_over_ten_million_characters_is_kept() -> None:
    """Item 6: a text node of 11 M characters (libxml2's default cap is 10 M: the node vanished)."""
    result = cleaner.clean_html(page(ARTICLE + "<p>" + "word " * 2_200_000 + "</p>"))
    assert result.source.count("word") == 2_200_000


def test_item06_a_fifty_megabyte_attribute_keeps_the_text_after_it() -> None:
    """Item 6: a 50 MB attribute value (past libxml2's default limit the parse stopped there)."""
    result = cleaner.clean_html(page('<div data-x="' + "a" * 50_000_000 + '">' + ARTICLE + "</div>"))
    assert "agreed the budget" in result.text


def test_item06_a_parse_that_loses_the_page_fails_with_the_reason() -> None:
    """Item 6: nesting past even the lifted limit (2,048) loses the body: a failure, not an empty output."""
    with pytest.raises(cleaner.HtmlLimitError, match=r"parser kept [0-9]+ of the page.s 512 visible characters"):
        cleaner.clean_html(page("<div>" * 3000 + ARTICLE + "</div>" * 3000))


def test_item07_thousands_of_attributes_on_one_element_fail_before_the_parse() -> None:
    """Item 7: 5,000 attributes on one element (40k took 43 s in libxml2's parse)."""
    attributes = " ".join(f"a{i}=x" for i in range(5 * MAX_ATTRIBUTES))
    with pytest.raises(cleaner.HtmlLimitError, match="has 5,000 attributes, over the cap of 1,000"):
        cleaner.clean_html(page(f"<div {attributes}>x</div>" + ARTICLE))


def test_item07_a_quoted_greater_than_sign_does_not_hide_attributes() -> None:
    """Item 7: the attribute count reads quoted values whole (a ">" in one does not end the tag)."""
    attributes = " ".join(f"a{i}=x" for i in range(2 * MAX_ATTRIBUTES))
    with pytest.raises(cleaner.HtmlLimitError, match="attributes, over the cap"):
        cleaner.clean_html(page(f'<div title="a>b" {attributes}>x</div>' + ARTICLE))


def test_item07_thousands_of_iframes_fail_before_the_renderer() -> None:
    """Item 7: iframe+svg pairs past the cap (html-text unwraps each iframe in time linear in its
    siblings: 16k pairs took 40 s)."""
    with pytest.raises(cleaner.HtmlLimitError, match="iframe/embed/layer/object/param elements, over the cap"):
        cleaner.clean_html(page(PARAGRAPH + "<iframe></iframe><svg></svg>" * (MAX_UNWRAPPED + 1) + ARTICLE))


def test_item07_a_page_over_the_element_cap_fails() -> None:
    """Item 7: more elements than MAX_ELEMENTS, refused by a count before any parse."""
    with pytest.raises(cleaner.HtmlLimitError, match="elements, over the cap of 250,000"):
        cleaner.clean_html(page(ARTICLE + "<b>x</b>" * MAX_ELEMENTS))


def test_item07_pages_under_the_caps_are_cleaned() -> None:
    """Item 7: the caps leave ordinary excess alone (an element with 500 attributes, 1,000 iframes)."""
    attributes = " ".join(f"data-a{i}=x" for i in range(MAX_ATTRIBUTES // 2))
    html = page(f"<div {attributes}>" + "<iframe></iframe>" * 1000 + ARTICLE + "</div>")
    assert "agreed the budget" in cleaner.clean_html(html).text


def test_item06_and_07_the_batch_writes_a_failure_line_and_goes_on(tmp_path: Path) -> None:
    """Items 6 and 7 in the batch: each hostile page is a failure line naming the cap; the good page is cleaned."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "deep.html").write_text(page("<div>" * 3000 + ARTICLE), encoding="utf-8")
    (src / "iframes.html").write_text(page("<iframe></iframe>" * (MAX_UNWRAPPED + 1) + ARTICLE), encoding="utf-8")
    (src / "good.html").write_text(page(ARTICLE), encoding="utf-8")
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 1
    assert "agreed the budget" in (out / "good.txt").read_text(encoding="utf-8")
    failures = {Path(f["path"]).name: f for f in read_failures(out)}
    assert set(failures) == {"deep.html", "iframes.html"}
    assert all(f["error"] == "HtmlLimitError" for f in failures.values())
    assert "visible characters" in failures["deep.html"]["message"]
    assert "over the cap of 5,000" in failures["iframes.html"]["message"]


def test_item07_nested_announced_lists_are_counted_not_listed() -> None:
    """Item 7: 20k short numbered lines each announce the rest (html-text renders ``<br>`` lines so):
    every line belongs to one list per line above it, counted in one walk (listing them was
    quadratic: 20k lines, 49 s)."""
    from cleaner.engine import context
    from cleaner.engine.features import measure
    from cleaner.engine.segment import segment

    lines = [f"{number} x" for number in range(1, 2001)]
    doc = segment("The council met on Tuesday.\n\n" + "\n".join(lines))
    features = measure(doc, "en").blocks
    texts = [block.text for block in doc.blocks]
    scores = [1.0] * len(texts)  # every line worth keeping: each heads the list below it
    gaps = [block.gap_before for block in doc.blocks]
    lines_read = context.Lines(texts, features, True)
    headings, depth = context._announced_lists(scores, lines_read, context.Neighbours.adjacent(gaps), ())
    last = len(texts) - 1
    assert headings == list(range(1, last - 2))  # the last three have too few lines below
    assert [depth[index] for index in (2, 3, 100, last)] == [1, 2, 99, last - 3]


def test_item07_counted_lists_score_as_lists_applied_one_by_one() -> None:
    """Item 7: a line in k nested lists scores what k additions, each floored, gave."""
    from cleaner.engine import context

    for start in (-5.0, -0.3, 0.0, 2.5):
        score = start
        for lists in range(1, 300):
            score = max(score + context.LINE_SCALE * context.ANNOUNCED, context.LIST_FLOOR)
            assert context._announced(start, lists) == pytest.approx(score, rel=1e-12)
            if lists <= context._EXACT_LISTS:
                assert context._announced(start, lists) == score

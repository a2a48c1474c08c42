"""HTML mode's vote: trafilatura's extraction without its readability fallback, trafilatura untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura
import trafilatura.core
import trafilatura.external
import trafilatura.readability_lxml

import cleaner
from cleaner.html import render_html
from cleaner.html_vote import extract_function

AEB_HTML = Path(__file__).resolve().parent.parent / "corpus" / "aeb" / "html"

ARTICLE = " ".join(
    f"Paragraph {n} of the report says the council met on Monday and agreed the budget for the year." for n in range(3)
)
#: A page whose own extraction is short, so trafilatura asks its fallback extractors.
SHORT = (
    "<html><head><title>Council</title></head><body><nav><a href='/'>Home</a></nav>"
    f"<div class='story'><p>{ARTICLE}</p></div><footer>(c) Example</footer></body></html>"
)


@pytest.fixture
def readability_calls(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Each call of readability's summary, recorded (the call itself goes on)."""
    calls: list[object] = []
    summary = trafilatura.readability_lxml.Document.summary

    def recorded(self: object, *args: object, **kwargs: object) -> object:
        calls.append(self)
        return summary(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trafilatura.readability_lxml.Document, "summary", recorded)
    return calls


def test_the_vote_never_asks_readability(readability_calls: list[object]) -> None:
    assert render_html(SHORT).votes is not None
    assert readability_calls == []
    trafilatura.extract(SHORT)  # trafilatura itself still does, on the same page
    assert readability_calls


def test_trafilatura_is_left_as_it_was() -> None:
    before = (trafilatura.extract, trafilatura.core.compare_extraction, trafilatura.external.try_readability)
    extract_function()(SHORT)
    assert (trafilatura.extract, trafilatura.core.compare_extraction, trafilatura.external.try_readability) == before


def test_the_vote_is_trafilaturas_where_readability_changes_nothing() -> None:
    page = SHORT.replace(f"<p>{ARTICLE}</p>", "".join(f"<p>{ARTICLE} {n}</p>" for n in range(8)))
    assert extract_function()(page) == trafilatura.extract(page)


def test_another_trafilatura_gets_plain_extract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(trafilatura.external, "try_readability")
    extract_function.cache_clear()
    try:
        assert extract_function() is trafilatura.extract
    finally:
        monkeypatch.undo()
        extract_function.cache_clear()
    assert extract_function() is not trafilatura.extract


def test_the_raw_tree_is_not_copied_for_readability() -> None:
    # Without readability nothing reads the raw tree the comparison gets, so it is not copied;
    # favouring precision the comparison prunes it, so it is.
    from types import SimpleNamespace

    from cleaner.html_vote import _extract_and_compare_in

    received: list[object] = []
    namespace = {
        "extract_content": lambda tree, options: ("body", "text"),
        "copy": lambda tree: ("copy of", tree),
        "compare_extraction": lambda backup, raw, body, text, options: received.append(raw) or (body, text),
    }
    compare = _extract_and_compare_in(namespace)
    tree = object()
    assert compare("cleaned", "backup", tree, SimpleNamespace(fast=False, focus="balanced")) == ("body", "text")
    compare("cleaned", "backup", tree, SimpleNamespace(fast=False, focus="precision"))
    compare("cleaned", "backup", tree, SimpleNamespace(fast=True, focus="balanced"))
    assert received == [tree, ("copy of", tree)]
    # and it is the one the installed trafilatura runs
    assert extract_function().__globals__["_extract_and_compare"].__qualname__.startswith("_extract_and_compare_in")


@pytest.mark.parametrize("text", ["ΟΔΟΣ\nΑΣ ΣΑ\r\nİstanbul\x85Straße\u2028x\n\n  \n-- 42 --", "Σ\nΣ", "a\u00ad\nb", ""])
def test_the_text_key_is_the_lines_keys_joined(text: str) -> None:
    from cleaner.engine.votes import word_key

    assert word_key(text) == "".join(word_key(line) for line in text.splitlines() if line.strip())


def test_the_vote_never_escalates_to_recall(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura measures the page (html2txt) to decide its recall retry of a short extraction.
    calls: list[object] = []
    measure = trafilatura.core.html2txt
    monkeypatch.setattr(trafilatura.core, "html2txt", lambda *args: calls.append(args) or measure(*args))
    extract_function.cache_clear()
    try:
        assert extract_function()(SHORT)
        assert calls == []
        trafilatura.extract(SHORT)
        assert calls
    finally:
        monkeypatch.undo()
        extract_function.cache_clear()


#: ids and classes for each alternative of the raw-tree XPaths' expressions, and near misses.
_NAMES = [
    "mvp-post-add-box", "mvp-post-add-wrap", "x mvp-post-add-boxy", "infinite-scroll", "infinitescroll",
    "Infinite-scroll", "infinite", "comment-12", "Comments", "commentary", "xcomment", "comol", "comolx",
    "disqus_thread", "dsq-comments", "post-comments", "article-comments list", "comment", "",
]  # fmt: skip


def test_prefiltered_raw_tree_xpaths_find_the_same_elements() -> None:
    import lxml.html
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    from cleaner.html_vote import prefiltered

    elements = []
    for tag in ("div", "section", "aside", "ol", "ul", "details", "p"):
        for name in _NAMES:
            for attribute in ("id", "class"):
                inner = "<h1>Title</h1>" if len(elements) % 3 == 0 else "text"
                elements.append(f"<{tag} {attribute}='{name}'>{inner}</{tag}>")
    tree = lxml.html.fromstring(f"<html><body><div>{''.join(elements)}</div></body></html>")
    checked = 0
    for xpath in RAW_TREE_PRUNE_XPATH + REMOVE_COMMENTS_AND_LISTS_XPATH:
        faster = prefiltered(xpath)
        if faster is not None:
            assert faster(tree) == xpath(tree)
            assert xpath(tree)
            checked += 1
    assert checked == 2  # the infinite-scroll containers and the comment sections


def test_the_vote_shares_trafilaturas_jusText_stoplist(monkeypatch: pytest.MonkeyPatch) -> None:
    # Built once a process (0.06 s), not again for the vote's copy of trafilatura.external.
    monkeypatch.setattr(trafilatura.external, "JT_STOPLIST", ("sentinel",))
    vote_external = extract_function().__globals__["compare_extraction"].__globals__
    assert vote_external is not vars(trafilatura.external)
    assert vote_external["jt_stoplist_init"]() == ("sentinel",)


def test_the_vote_built_while_the_stoplist_was_patched_reads_the_real_one_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The vote's copy of trafilatura.external keeps no stoplist of its own: built while another
    test patched trafilatura's, it extracts as a fresh copy does once the patch is gone (a CI
    run's local batch, after such a test in the same process, kept one AEB page's menu)."""
    import gzip

    page = gzip.decompress(
        (AEB_HTML / "f6ac15a4d98511396da23e4428deb5605422b1c8bbc8284e771f6896bdccf57f.html.gz").read_bytes()
    ).decode("utf-8")
    monkeypatch.setattr(trafilatura.external, "JT_STOPLIST", ("sentinel",))
    extract_function.cache_clear()
    try:
        extract_function()
        monkeypatch.undo()
        built_under_the_patch = extract_function()(page)
        extract_function.cache_clear()
        assert built_under_the_patch == extract_function()(page)
    finally:
        monkeypatch.undo()
        extract_function.cache_clear()


#: A Chinese article whose last section is a short list: trafilatura flattens this page into one
#: line of phrases joined by spaces, its list items among them.
CHINESE_LIST_PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>北京如何解决住房难题</title></head><body>"
    "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><article>"
    "<h1>北京如何解决住房难题</h1><div class='byline'>作者：刘洋<br>发布时间：2024年5月17日 14:13</div>"
    "<p>“我们必须坦诚面对出了什么问题。”杨帆在深圳对记者说。2012年6月，市议会批准了265.7亿元的项目预算。</p>"
    "<h2>计划背后的数字</h2><p>黄丽说：“没有人想到数字会这么高。”</p>"
    "<ul><li>在武汉新建一所学校</li><li>每年审查一次预算</li><li>主要线路增开公交车</li>"
    "<li>到2015年新增206,932套住房</li></ul></article><footer><p>Contact</p></footer></body></html>"
)


def test_a_phrase_trafilatura_kept_between_spaces_is_a_kept_line_in_unspaced_scripts() -> None:
    votes = render_html(CHINESE_LIST_PAGE).votes
    assert votes is not None
    assert all(votes.kept(item) for item in ("在武汉新建一所学校", "每年审查一次预算", "计划背后的数字"))
    assert not votes.kept("Contact")


def test_a_short_chinese_list_at_an_articles_end_is_kept_in_html_mode() -> None:
    result = cleaner.Cleaner().clean_html(CHINESE_LIST_PAGE)
    for line in ("计划背后的数字", "在武汉新建一所学校", "每年审查一次预算", "主要线路增开公交车"):
        assert line in result.text


def test_a_word_of_a_spaced_script_is_no_kept_line() -> None:
    page = CHINESE_LIST_PAGE.replace("<li>每年审查一次预算</li>", "<li>Home</li>")
    votes = render_html(page).votes
    assert votes is not None
    assert not votes.kept("News")

"""The CI quality gate: AEB shingle F1 must not fall below the pinned floors.

The evaluation is benchmarks/quality.py's own (same flattening, same systems, same scoring),
imported from the file so the gate and the published table cannot drift apart.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest

import cleaner
from cleaner.gold import AebPage, load_aeb
from cleaner.scoring import Score, aggregate, page_score

ROOT = Path(__file__).resolve().parent.parent
#: Pinned floors. Raise them when quality improves; never lower them to pass. Issue 2 set 0.90 /
#: 0.955; raised to about a point below the scores of 2026-11-23 (text 0.952, HTML 0.972), the
#: margin leaving room for new releases of html-text and trafilatura (not pinned), whose output
#: the scores depend on. Raised by issue 15 to its targets' neighbourhood (2026-12-02: text
#: 0.959, HTML 0.975; the HTML floor keeps half a point for trafilatura's releases), and again
#: when titles and bylines improved (2026-12-02, later: text 0.9590, HTML 0.9753), and with
#: the lists, tables and vote of 2026-12-03 (text 0.9602, HTML 0.9755), and with the card lists
#: and property rows of 2026-12-07 (text 0.9624, HTML 0.9773), and with records (text 0.965).
TEXT_MODE_F1_FLOOR = 0.962
HTML_MODE_F1_FLOOR = 0.975
#: Issue 15: at most this share of removed characters may be explained only by trafilatura's vote.
VOTE_ONLY_SHARE = 0.3
#: Wrong titles on the AEB pages at most (quality.py's check): issue 15 asks 2 per mode; text
#: mode stood at 3 on 2026-12-02 (a pull quote, a consent page's notice and a
#: headline one word longer than the page's own), HTML mode at 0 (the page's <h1> pins it).
MOST_WRONG_TITLES = {"text": 2, "html": 0}
#: ... and missing at most: 9 and 3 before a cookie banner, a kicker or a question-then-answer
#: headline stopped hiding the headline (2026-12-07: 7 and 2).
MOST_MISSING_TITLES = {"text": 7, "html": 2}
AEB_PAGES = 181


def load_quality_module() -> ModuleType:
    """``benchmarks/quality.py`` as a module (benchmarks/ is not a package)."""
    path = ROOT / "benchmarks" / "quality.py"
    spec = importlib.util.spec_from_file_location("benchmarks_quality", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def quality() -> ModuleType:
    return load_quality_module()


@pytest.fixture(scope="module")
def pages(aeb_dir: Path) -> list[AebPage]:
    loaded = list(load_aeb(aeb_dir))
    assert len(loaded) == AEB_PAGES
    return loaded


def score_system(system: object, inputs: Sequence[object], pages: list[AebPage]) -> Score:
    assert callable(system)
    return aggregate(page_score(system(item), page.body) for item, page in zip(inputs, pages, strict=True))


@pytest.fixture(scope="module")
def text_results(quality: ModuleType, pages: list[AebPage]) -> list[cleaner.Result]:
    return [cleaner.clean(quality.flatten(page.html)) for page in pages]


@pytest.fixture(scope="module")
def html_results(pages: list[AebPage]) -> list[cleaner.Result]:
    return [cleaner.clean_html(page.html) for page in pages]


def test_text_mode_f1_floor(text_results: list[cleaner.Result], pages: list[AebPage]) -> None:
    score = score_system(lambda result: result.text, text_results, pages)
    assert score.pages == AEB_PAGES
    assert score.f1 >= TEXT_MODE_F1_FLOOR, (
        f"text-mode F1 {score.f1:.4f} (P {score.precision:.4f}, R {score.recall:.4f}) "
        f"is below the floor {TEXT_MODE_F1_FLOOR}"
    )


def test_html_mode_f1_floor(html_results: list[cleaner.Result], pages: list[AebPage]) -> None:
    score = score_system(lambda result: result.text, html_results, pages)
    assert score.pages == AEB_PAGES
    assert score.f1 >= HTML_MODE_F1_FLOOR, (
        f"HTML-mode F1 {score.f1:.4f} (P {score.precision:.4f}, R {score.recall:.4f}) "
        f"is below the floor {HTML_MODE_F1_FLOOR}"
    )


def test_the_gate_can_fail(pages: list[AebPage], quality: ModuleType) -> None:
    """The unchanged text scores far below the text-mode floor: the gate discriminates."""
    texts = [quality.flatten(page.html) for page in pages[:40]]
    score = score_system(quality.text_systems()["unchanged text"], texts, pages[:40])
    assert score.f1 < TEXT_MODE_F1_FLOOR


def test_text_mode_is_idempotent_on_every_bundled_page(text_results: list[cleaner.Result], quality: ModuleType) -> None:
    """Issue 15: cleaning a page's clean text again changes nothing, on all 181 real pages."""
    assert quality.changed_when_cleaned_again(text_results) == 0


@pytest.mark.parametrize("mode", ["text", "html"])
def test_titles_are_rarely_wrong(
    mode: str,
    text_results: list[cleaner.Result],
    html_results: list[cleaner.Result],
    pages: list[AebPage],
    quality: ModuleType,
) -> None:
    """Issue 15: a title is the page's headline, not a menu item, share text or subhead."""
    counts = quality.title_counts(pages, text_results if mode == "text" else html_results)
    assert counts["wrong"] <= MOST_WRONG_TITLES[mode], counts
    assert counts["missing"] <= MOST_MISSING_TITLES[mode], counts
    assert counts["right"] >= 0.9 * AEB_PAGES, counts


@pytest.mark.parametrize("mode", ["text", "html"])
def test_removals_say_what_they_are(
    mode: str, text_results: list[cleaner.Result], html_results: list[cleaner.Result], quality: ModuleType
) -> None:
    """Issue 15: most removed characters name their evidence (a rule, a heuristic, the page
    region); at most VOTE_ONLY_SHARE only that trafilatura left them out, and none the old
    catch-all "outside the article"."""
    results = text_results if mode == "text" else html_results
    shares = quality.explanation_shares(results)
    assert shares.get("trafilatura's vote only", 0.0) <= VOTE_ONLY_SHARE
    assert quality.position_only_share(results) <= 0.30  # only the place, or only the vote
    assert shares.get("page region", 0.0) < 1.0 and shares.get("rule", 0.0) > 0.05
    rules = {removal.rule for result in results for removal in result.removals}
    assert "heuristic.outside_run" not in rules
    assert {"heuristic.menu", "heuristic.page_foot"} <= rules


def test_the_title_check_tells_right_wrong_and_missing(quality: ModuleType) -> None:
    """The title figure quality.py prints: a site-name suffix is split off the <title>, a UI
    string is wrong, no title is missing (hand-written page)."""
    page = (
        "<html><head><title>Council approves harbour plan | Harbour Times</title></head>"
        "<body><h1>Council approves the harbour plan</h1></body></html>"
    )
    candidates = quality.headline_candidates(page)
    assert "council approves harbour plan" in candidates and "harbour times" not in candidates
    assert quality.title_verdict("Council approves harbour plan", candidates) == "right"
    assert quality.title_verdict("Share this on WhatsApp", candidates) == "wrong"
    assert quality.title_verdict("Harbour Times", candidates) == "wrong"
    assert quality.title_verdict(None, candidates) == "missing"
    assert quality.title_verdict("Anything", set()) == "no headline"


def test_the_title_check_allows_a_word_added_and_reads_json_ld_escapes(quality: ModuleType) -> None:
    """A title one function word longer than the headline has its words (TITLE_SHARE), and a
    JSON-LD headline is read as JSON ("\\u00e1" is "á"); a title sharing few words is wrong."""
    page = (
        '<html><head><script type="application/ld+json">{"headline": "Calend\\u00e1rio Stock Car 2018"}'
        "</script></head><body></body></html>"
    )
    candidates = quality.headline_candidates(page)
    assert candidates == {"calendário stock car 2018"}
    assert quality.title_verdict("Calendário da Stock Car 2018", candidates) == "right"
    assert quality.title_verdict("Calendário da Fórmula 1", candidates) == "wrong"

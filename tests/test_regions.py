"""Removals outside the article name their page region and its evidence (``engine/regions.py``).

The pages are written by hand for these tests: an English news article with a menu above its
headline, a byline line under it, a list of other stories and a footer after it.
"""

from __future__ import annotations

import cleaner
from cleaner.engine.regions import _stretch_lengths

ARTICLE = [
    "The city council approved the new harbour plan on Tuesday after a long debate that ran late into the night.",
    "Supporters said the plan would bring hundreds of jobs to the waterfront, while critics warned about the cost.",
    "The mayor told reporters that construction could begin next spring if the regional government agrees to pay.",
    "Residents who live near the harbour will be invited to a public meeting next month to discuss the details.",
]
MENU = ["World", "Business", "Sport", "Weather", "Culture", "Travel"]
HEADLINE = "Council approves harbour plan after marathon debate"
STORIES = [
    "Bridge repairs to close the main road for two weeks",
    "Local school wins national science competition again",
    "New bus timetable starts in the northern districts",
]
FOOT = ["Archive", "Podcasts", "Events", "© 2026 Harbour Times Media. All rights reserved."]


def _removal(result: cleaner.Result, line: str) -> cleaner.Removal:
    start = result.source.index(line)
    return next(r for r in result.removals if r.start <= start < r.end)


def _page(*parts: list[str]) -> str:
    return "\n\n".join(line for part in parts for line in part)


def test_a_stretch_of_short_lines_above_the_headline_is_a_menu() -> None:
    result = cleaner.clean(_page(MENU, [HEADLINE], ARTICLE))
    assert result.title == HEADLINE
    assert result.text.split("\n\n") == ARTICLE
    for line in MENU:
        removal = _removal(result, line)
        assert (removal.label, removal.rule) == ("nav", "heuristic.menu")
        assert f"One of {len(MENU)} short lines" in removal.reason and "above the headline" in removal.reason


def test_after_the_article_headlines_are_other_stories_and_the_footer_is_the_page_foot() -> None:
    result = cleaner.clean(_page([HEADLINE], ARTICLE, STORIES, FOOT))
    assert result.text.split("\n\n") == ARTICLE
    for line in STORIES:
        removal = _removal(result, line)
        assert (removal.label, removal.rule) == ("promo", "heuristic.story_list"), removal
    for line in FOOT[:3]:
        removal = _removal(result, line)
        assert (removal.label, removal.rule) == ("legal", "heuristic.page_foot"), removal
        assert "foot" in removal.reason
    assert _removal(result, FOOT[3]).label == "legal"


def test_without_a_legal_line_there_is_no_page_foot() -> None:
    """The foot is found by its copyright or terms line: short links after an article without
    one are links, not a footer."""
    result = cleaner.clean(_page([HEADLINE], ARTICLE, STORIES, FOOT[:3]))
    rules = {_removal(result, line).rule for line in [*STORIES, *FOOT[:3]]}
    assert "heuristic.page_foot" not in rules
    assert (_removal(result, "Podcasts").label, _removal(result, "Podcasts").rule) == ("nav", "heuristic.after_article")


def test_html_mode_gives_our_reason_first_and_the_vote_in_it() -> None:
    body = "".join(f"<p>{line}</p>" for line in ARTICLE)
    menu = "".join(f'<li><a href="/{n}">{n}</a></li>' for n in MENU)
    html = f"<html><head><title>{HEADLINE}</title></head><body><ul>{menu}</ul><h1>{HEADLINE}</h1>{body}</body></html>"
    result = cleaner.clean_html(html)
    assert result.text.split("\n\n") == ARTICLE
    removal = _removal(result, "Weather")
    assert removal.rule == "heuristic.menu"
    assert removal.reason.startswith("One of") and "trafilatura" in removal.reason


def test_stretch_lengths_count_each_run_of_short_lines() -> None:
    short = [True, True, False, True, False, True, True, True]
    assert _stretch_lengths(short, [0] * 8) == [2, 2, 0, 1, 0, 3, 3, 3]
    assert _stretch_lengths(short, [0, 0, 0, 0, 0, 0, 1, 1]) == [2, 2, 0, 1, 0, 1, 2, 2]
    assert _stretch_lengths([], []) == []

"""Card lists (``heuristic.card_list``): a listing's entries are kept, their buttons and prices
removed; teaser cards under an article and a table of contents are no card list."""

from __future__ import annotations

import cleaner
from cleaner.config import Config

_CARDS = [
    ("Ardley Ceramic Table Lamp", "A hand-glazed ceramic base in a speckled oat finish with a linen shade.", "£89"),
    ("Holm Brass Desk Lamp", "Adjustable arm and a weighted base; tilts to light exactly where you work.", "£120"),
    ("Wren Rechargeable Lamp", "Cordless, with three brightness settings and up to twelve hours of light.", "£65"),
    ("Tove Glass Mushroom Lamp", "Opal glass that spreads a soft, even glow across a whole room.", "£75"),
]
_INTRO = "From bedside reading lights to statement pieces for a sideboard, our lamps are made to last."
_FOOTER = ["Help", "Delivery", "Returns", "Contact us"]


def _collection(button: str = "Quick view") -> str:
    cards = ["\n".join([name, blurb, price, button]) for name, blurb, price in _CARDS]
    return "\n\n".join(["Home", "Lighting", "Table lamps", _INTRO, *cards, *_FOOTER])


def test_a_collection_keeps_its_entries_and_removes_their_buttons_and_prices() -> None:
    result = cleaner.clean(_collection())
    for name, blurb, _ in _CARDS[1:]:  # (the first name opens the clean text, which settling
        assert f"{name}\n{blurb}" in result.text  # cleans again: a headline-like first line goes)
    for _, blurb, _ in _CARDS:
        assert blurb in result.text
    labels = {(result.source[r.start : r.end], r.label, r.rule) for r in result.removals}
    assert ("Quick view", "cta", "heuristic.card_list") in labels
    assert ("£120", "other", "heuristic.card_list") in labels
    assert cleaner.clean(result.text).text == result.text


def test_without_the_heuristic_a_collection_keeps_one_entry() -> None:
    result = cleaner.Cleaner(Config(disable=frozenset({"heuristic.card_list"}))).clean(_collection())
    assert sum(blurb in result.text for _, blurb, _ in _CARDS) <= 1


def test_teaser_cards_under_an_article_are_no_card_list() -> None:
    """Below an article of several paragraphs, cards with a button are other stories' teasers:
    their blurbs hold fewer words than the article above them."""
    article = [
        "The council approved the new budget on Monday after a debate that lasted most of the night, "
        "with the mayor promising that the money would reach the schools first.",
        "Teachers had asked for more staff for years, and the plan now pays for forty new posts in the "
        "primary schools of the north of the city, the council said.",
        "The opposition voted against it, saying that the plan did too little for the buses and that the "
        "fees for families would still rise next year, whatever the council promised.",
    ]
    cards = ["\n".join([name, blurb, "Read more"]) for name, blurb, _ in _CARDS]
    text = "\n\n".join(["Council approves the new budget", *article, *cards, *_FOOTER])
    result = cleaner.clean(text)
    assert result.text.startswith("\n\n".join(article))
    assert not any(r.rule == "heuristic.card_list" for r in result.removals)
    without = cleaner.Cleaner(Config(disable=frozenset({"heuristic.card_list"}))).clean(text)
    assert result.to_dict() == without.to_dict()


def test_a_subhead_repeated_in_a_table_of_contents_is_no_button() -> None:
    """A subhead and its entry in a table of contents stand once between two texts each, but a
    subhead has its section's lines after it, not a card's name: no card list."""
    toc = "On this page\nRequirements\nInstall\nConfigure"
    intro = "This page shows how to install the tool and how to check that the installation worked."
    requirements = "Requirements\nPython 3.9 or newer\npip 21 or newer\nAbout 50 MB of free disk space\nA terminal"
    rest = "The installer checks these for you and stops with a clear message when one of them is missing."
    text = "\n\n".join(["Installing the tool", toc, intro, requirements, rest, "Install", rest, "Configure", rest])
    assert not any(r.rule == "heuristic.card_list" for r in cleaner.clean(text).removals)

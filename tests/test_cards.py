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


def _shaped_collection() -> str:
    """A category page whose cards repeat no button: a name over a blurb, a price under it."""
    cards = ["\n".join([name, blurb, price]) for name, blurb, price in _CARDS]
    return "\n\n".join(["Home", "Lighting", "Shop", "Contact", "Table lamps", _INTRO, *cards, *_FOOTER])


def test_cards_without_a_button_are_told_by_their_shape() -> None:
    """Blurbs each under a short header, one after another from the page's first texts and
    outweighing the text around them, are the page's content: every name and blurb is kept
    (but the first name, as above), the prices removed as the cards' furniture."""
    result = cleaner.clean(_shaped_collection())
    for name, blurb, _ in _CARDS[1:]:
        assert f"{name}\n{blurb}" in result.text
    labels = {(result.source[r.start : r.end], r.rule) for r in result.removals}
    assert ("£120", "heuristic.card_list") in labels
    assert cleaner.clean(result.text).text == result.text
    without = cleaner.Cleaner(Config(disable=frozenset({"heuristic.card_list"}))).clean(_shaped_collection())
    assert sum(blurb in without.text for _, blurb, _ in _CARDS) <= 1


def test_price_lines_name_their_currency_by_sign_code_or_abbreviation() -> None:
    from cleaner.engine.heuristics.cards import _price

    for line in ["£89", "24,99 €", "$1,299.00", "от 890 ₽", "39,90 zł", "100 g – 12,50 €", "from £40", "120 PLN"]:
        assert _price(line), line
    for line in ["Entradas: 14–18 €", "Ab 5 Jahren", "Quick view", "Posted 3 days ago", "Try 3 free", "In 2024"]:
        assert not _price(line), line


def test_a_list_item_repeated_in_each_section_is_no_button() -> None:
    """The same short item in the list of three sections stands once between each two texts,
    but goes on in a list set tight under it: an item, not a card's end; nothing is removed as
    a button."""
    paragraphs = [
        "The council approved the budget on Monday after a long debate about the schools.",
        "Teachers had asked for more staff for years, and the plan now pays for forty posts.",
        "The opposition voted against it, saying the plan did too little for the buses.",
        "The mayor said the first money would reach the schools before the summer.",
    ]
    item = "Free parking on Sundays"
    lists = [
        f"{item}\nLower fees for families\nMore buses",
        f"{item}\nA new school\nA yearly audit",
        f"{item}\nMore trees",
    ]
    parts = ["Council approves the budget", paragraphs[0]]
    for listed, paragraph in zip(lists, paragraphs[1:], strict=True):
        parts += [listed, paragraph]
    result = cleaner.clean("\n\n".join(parts))
    assert not any(r.rule == "heuristic.card_list" for r in result.removals)
    assert result.text.count(item) == 3


#: A roundup's product boxes: a name, features (no sentence ends), a price, the shop's button.
_BOXES = {
    "English": (
        "Our picks for the best cordless vacuums this winter, from light stick models to the big ones that "
        "clean a whole house on one charge, are below. Prices were checked this morning.",
        [
            (
                "Brisk S5 Stick Vacuum",
                ["Up to 40 minutes of suction", "Weighs less than two kilos", "Wall mount included"],
                "$149.99",
            ),
            (
                "Halden Pet Pro",
                ["Tangle-free brush for pet hair", "Washable filter", "Two batteries in the box"],
                "$219.00",
            ),
            ("Corrin Mini", ["Fits in a drawer", "Charges in three hours", "Crevice tool and soft brush"], "$89.50"),
            (
                "Ostra Max 2",
                ["Laser shows the dust on hard floors", "Screen with the time left", "Five-year warranty"],
                "$399.00",
            ),
        ],
        ["Available from Amazon", "Buy Now"],
    ),
    "German": (
        "Wir haben die besten Akku-Staubsauger des Winters getestet, vom leichten Stielgerät bis zum großen "
        "Modell für das ganze Haus. Die Preise haben wir heute Morgen geprüft.",
        [
            (
                "Brisk S5 Akkusauger",
                ["Bis zu 40 Minuten Saugkraft", "Wiegt weniger als zwei Kilo", "Mit Wandhalterung"],
                "149,99 €",
            ),
            (
                "Halden Pet Pro",
                ["Bürste ohne Verheddern für Tierhaare", "Waschbarer Filter", "Zwei Akkus im Karton"],
                "219,00 €",
            ),
            (
                "Corrin Mini",
                ["Passt in eine Schublade", "In drei Stunden geladen", "Fugendüse und weiche Bürste"],
                "89,50 €",
            ),
            (
                "Ostra Max 2",
                ["Laser zeigt den Staub auf Hartböden", "Anzeige der Restlaufzeit", "Fünf Jahre Garantie"],
                "399,00 €",
            ),
        ],
        ["Bei Amazon ansehen", "Jetzt kaufen"],
    ),
}


def _roundup(language: str) -> str:
    intro, boxes, buttons = _BOXES[language]
    cards = ["\n".join([name, *features, price, *buttons]) for name, features, price in boxes]
    return "\n\n".join(["Home", "Deals", "Reviews", "The best cordless vacuums", intro, *cards, *_FOOTER])


def test_a_roundup_of_product_boxes_keeps_every_box_and_removes_their_buttons() -> None:
    """Product boxes of short lines (no blurb ends a sentence) are told by their prices: every
    name, feature and price is kept, the button every box repeats removed, in any language; and
    the clean text, without its buttons, reads as the same boxes."""
    for language, (_, boxes, buttons) in _BOXES.items():
        result = cleaner.clean(_roundup(language))
        for name, features, price in boxes[1:]:
            assert "\n".join([name, *features, price]) in result.text, language
        removed = {(result.source[r.start : r.end], r.rule) for r in result.removals}
        assert {(button, "heuristic.card_list") for button in buttons} <= removed, language
        assert cleaner.clean(result.text).text == result.text, language


def test_prices_in_a_box_after_a_long_article_are_no_card_list() -> None:
    """Deal boxes under an article of several paragraphs are the page's shop widget: the
    article outweighs them, and they go as what follows an article."""
    intro, boxes, buttons = _BOXES["English"]
    article = [intro.replace("Our picks", f"Part {n}: our picks") for n in range(1, 5)]
    cards = ["\n".join([name, *features, price, *buttons]) for name, features, price in boxes]
    result = cleaner.clean("\n\n".join(["The best cordless vacuums", *article, *cards, *_FOOTER]))
    assert not any(r.rule == "heuristic.card_list" for r in result.removals)
    assert boxes[2][1][0] not in result.text

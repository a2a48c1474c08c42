"""The first section's subhead right under a page's header ("Description" under a product's
price and buttons) opens the article when the article's later subheads are shaped as it is."""

from __future__ import annotations

import cleaner

_HEADER = ["Home", "Kitchen", "Blenders", "Account", "Velvet Pro soup maker, 1.75 litres", "£129.00", "Add to basket"]
_FIRST = (
    "The Velvet Pro makes soups, compotes and smoothies in the same glass jug. Its heating plate "
    "takes the food to 100 °C while the blades blend it, and a soup is ready in twenty-five minutes."
)
_SECTIONS = [
    (
        "Details",
        "The jug is made of borosilicate glass, which stands sudden changes of heat and goes in the dishwasher.",
    ),
    ("Care", "Rinse the blades under warm water after each use and dry the base with a soft cloth."),
]
_FOOTER = ["Delivery", "Returns", "Contact us", "© 2026 Kitchen Shop Ltd"]


def _page(subhead: str, sections: list[tuple[str, str]]) -> str:
    body = [f"{subhead}\n{_FIRST}", *(f"{head}\n{text}" for head, text in sections)]
    return "\n\n".join([*_HEADER, *body, *_FOOTER])


def test_a_first_subhead_shaped_as_the_later_ones_opens_the_article() -> None:
    result = cleaner.clean(_page("Description", _SECTIONS))
    assert result.text.startswith(f"Description\n{_FIRST}")
    for head, text in _SECTIONS:
        assert f"{head}\n{text}" in result.text
    assert cleaner.clean(result.text).text == result.text


def test_two_word_subheads_after_it_are_as_short() -> None:
    """Later subheads of two words ("Jug details", "Care guide") are as short as a subhead is: a
    one-word line above the first paragraph opens the article among them too."""
    sections = [("Jug details", _SECTIONS[0][1]), ("Care guide", _SECTIONS[1][1])]
    result = cleaner.clean(_page("Description", sections))
    assert result.text.startswith(f"Description\n{_FIRST}")


def test_without_later_short_subheads_the_line_stays_out() -> None:
    """With only long headings after it (questions of six words and more), a one-word line above
    the first paragraph is no proof of a section: it stays where its own evidence puts it."""
    sections = [
        ("What is the jug made of, and why?", _SECTIONS[0][1]),
        ("How do I look after the blades?", _SECTIONS[1][1]),
    ]
    result = cleaner.clean(_page("Description", sections))
    assert result.text.startswith(_FIRST)
    assert sections[0][0] in result.text

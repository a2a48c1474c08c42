"""Issue 15 item 7: body lines that look like boilerplate stay: an interview's speaker lines and
two recipes' shared ingredients."""

from __future__ import annotations

import cleaner

OPENING = "The city council approved the harbour plan on Tuesday after a long debate about its cost and its timetable."
CLOSING = "The festival will take place in June, and the council expects thousands of visitors to come."


def _removed(text: str) -> list[str]:
    result = cleaner.clean(text)
    return [result.source[r.start : r.end] for r in result.removals if r.label != "title"]


def test_an_interviews_speaker_lines_are_body() -> None:
    """ "Name: words" lines whose names recur are a transcript, not house-ad pitches: they end the
    article and stay."""
    lines = [
        "Mayor: We have waited for this decision for ten years, and the whole city will benefit from it.",
        "Reporter: What happens to the fishermen who use the old docks every morning?",
        "Mayor: They will get new berths on the north side, and the council will pay for the move.",
    ]
    text = "\n\n".join(["Council approves the new harbour plan", OPENING, *lines]) + "\n"
    assert _removed(text) == []


def test_two_recipes_sharing_ingredients_are_body() -> None:
    """Ingredient lines printed twice, each next to another printed twice, are two lists' items,
    not a menu printed in the header and again in the footer: they end the article and stay."""
    recipe = "200 g flour\n2 eggs\n100 ml milk"
    text = (
        "\n\n".join(
            [
                "Two cakes for the harbour festival",
                OPENING,
                "For the first cake:\n" + recipe,
                "For the second cake:\n" + recipe,
            ]
        )
        + "\n"
    )
    assert _removed(text) == []

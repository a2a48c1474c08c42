"""Rule ids to disable and languages are checked, with a suggestion, in Python and on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main
from cleaner.errors import CleanerError

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("de", "German"),
        ("German", "German"),
        ("german", "German"),
        ("pt-BR", "Portuguese"),
        ("deu", "German"),
        ("nb", "Norwegian_Bokmal"),
        ("Norwegian Bokmål", "Norwegian_Bokmal"),
        ("fy", "West_Frisian"),
        ("ja", "Japanese"),  # (told by its script: language.SCRIPT_LANGUAGES)
        ("zh-CN", "Chinese"),
    ],
)
def test_a_language_is_a_justext_name_english_name_or_iso_code(given: str, stored: str) -> None:
    assert cleaner.Config(language=given).language == stored


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("Germna", "unknown language 'Germna'; did you mean 'German'?"),
        ("km", "'km' is Khmer, which has no stopword list"),
    ],
)
def test_an_unknown_language_is_an_error_with_a_suggestion(given: str, message: str) -> None:
    with pytest.raises(CleanerError, match=message):
        cleaner.Config(language=given)


def test_an_unknown_rule_id_is_an_error_with_a_suggestion() -> None:
    with pytest.raises(CleanerError, match=r"unknown rule id 'promo.more_links'; did you mean 'promo.more_link'\?"):
        cleaner.Cleaner(cleaner.Config(disable={"promo.more_links"}))
    with pytest.raises(CleanerError, match=r"'heuristic.story_cards' is not a heuristic .* 'heuristic.story_card'\?"):
        cleaner.Cleaner(cleaner.Config(disable={"heuristic.story_cards"}))
    kept = cleaner.Cleaner(cleaner.Config(disable={"promo.more_link", "heuristic.story_card"}))
    assert "promo.more_link" not in [r.id for r in kept.rules.rules] and "heuristic.story_card" not in [
        h.id for h in kept.heuristics
    ]


def test_the_command_line_refuses_them_before_cleaning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["clean", str(SEEDS), "-o", str(out), "--disable", "cta.newsleter"]) == 2
    assert "did you mean 'cta.newsletter'?" in capsys.readouterr().err
    assert main(["clean", str(SEEDS), "-o", str(out), "--language", "Englsh"]) == 2
    assert "did you mean 'English'?" in capsys.readouterr().err
    assert not list(out.glob("*.txt"))
    assert main(["clean", str(SEEDS), "-o", str(out), "--language", "en", "-q", "--jobs", "1"]) == 0

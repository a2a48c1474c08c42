"""Language detection from jusText stopword lists, and the stopword lookup itself."""

from __future__ import annotations

import pytest
import regex

from cleaner.engine.language import (
    detect_language,
    languages,
    page_languages,
    rank_languages,
    script_languages,
    stopwords,
)

SAMPLES = {
    "English": (
        "The government said on Tuesday that it would not change the rules, but many of the people who live "
        "in the area are worried about what will happen to their homes and their jobs if the plan goes ahead."
    ),
    "French": (
        "Le gouvernement a annoncé mardi qu'il ne changerait pas les règles, mais beaucoup de personnes qui "
        "vivent dans la région s'inquiètent de ce qui va arriver à leurs maisons et à leurs emplois si le "
        "projet est adopté."
    ),
    "German": (
        "Die Regierung hat am Dienstag erklärt, dass sie die Regeln nicht ändern werde, aber viele der "
        "Menschen, die in der Gegend leben, sind besorgt darüber, was mit ihren Häusern und ihren "
        "Arbeitsplätzen geschehen wird, wenn der Plan umgesetzt wird."
    ),
    "Spanish": (
        "El gobierno dijo el martes que no cambiaría las normas, pero muchas de las personas que viven en "
        "la zona están preocupadas por lo que pasará con sus casas y sus empleos si el plan sigue adelante."
    ),
    "Russian": (
        "Правительство заявило во вторник, что не будет менять правила, но многие люди, которые живут в "
        "этом районе, беспокоятся о том, что будет с их домами и их работой, если план будет принят."
    ),
}


def words(text: str) -> list[str]:
    """Lower-cased word tokens, as the feature step feeds them to detection."""
    return regex.findall(r"\w+", text.lower())


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_detects_the_language_of_a_paragraph(language: str) -> None:
    assert detect_language(words(SAMPLES[language])) == language


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_detection_does_not_depend_on_word_order(language: str) -> None:
    assert detect_language(sorted(words(SAMPLES[language]))) == language


@pytest.mark.parametrize(
    "tokens",
    [
        [],
        ["xqz", "blorf", "12345", "zzkk", "qwrtp", "vvbnm", "ptkq"],
        ["2018", "05", "14", "10", "30", "am", "pm"][:4],
        ["the", "and", "of"],
    ],
    ids=["empty", "no stopwords", "numbers", "too few hits"],
)
def test_unknown_or_too_little_evidence_is_none(tokens: list[str]) -> None:
    assert detect_language(tokens) is None


def test_minimum_hits_is_respected() -> None:
    tokens = words(SAMPLES["English"])
    assert detect_language(tokens, minimum_hits=len(tokens) + 1) is None
    assert detect_language(tokens, minimum_hits=5) == "English"


def test_stopwords_of_a_language_are_lower_cased_and_hit_the_sample() -> None:
    english = stopwords("English")
    assert {"the", "and", "of", "would"} <= english
    assert all(word == word.lower() for word in english)
    assert "das" in stopwords("German")
    assert "и" in stopwords("Russian")


@pytest.mark.parametrize("name", [None, "Klingon", "english"])
def test_stopwords_of_unknown_language_are_empty(name: str | None) -> None:
    assert stopwords(name) == frozenset()


def test_languages_cover_the_samples_and_skip_simple_english() -> None:
    names = languages()
    assert set(SAMPLES) <= set(names)
    assert "Simple_English" not in names
    assert len(names) >= 90
    assert list(names) == sorted(names)


def test_a_tiny_list_borrowing_english_words_does_not_win_a_short_english_page() -> None:
    """Igbo's 139-word list holds "the", "and", "is", "of"...: its shortness must not outweigh
    English stopwords it lacks (a short English article was once detected as Igbo, so the
    English-only rules never ran on it)."""
    text = (
        "Officials offered a simple explanation: there was not enough money. Prices in Boston rose "
        "33.4% in November, the fastest pace in 17 years. Kwame Mensah is a senior reporter "
        "covering politics and the economy. By Maria Lopez and Li Wei"
    )
    assert detect_language(words(text)) == "English"


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_the_ranking_starts_with_the_detected_language(language: str) -> None:
    ranked = rank_languages(words(SAMPLES[language]))
    assert ranked[0] == language == detect_language(words(SAMPLES[language]))
    assert len(set(ranked)) == len(ranked)


def test_a_near_tie_keeps_the_runner_up_so_its_rules_still_run() -> None:
    """Igbo's borrowed English words score close to English on a short English page: both are
    plausible, so English-only rules run whichever wins (idempotence depended on it)."""
    text = (
        "Why prices in Manchester keep rising. By Tom O'Neill and Rachel Green. It is not the first time "
        "that Cape Town has faced such a problem. Maria Lopez is a senior reporter covering politics."
    )
    ranked = rank_languages(words(text))
    assert "English" in ranked and "Igbo" in ranked
    assert rank_languages(words(text), share=1.0) == (ranked[0],)


def test_no_ranking_without_evidence() -> None:
    assert rank_languages(["zzz", "qqq"]) == ()
    assert rank_languages(words("a a a a a a")) == ()


CJK_SAMPLES = {
    "Chinese": "北京市政府周二表示，新的地铁线路将于明年开通。许多住在这个地区的居民担心房租会上涨。",
    "Japanese": (
        "東京都は火曜日、新しい地下鉄の路線が来年開業すると発表した。"
        "この地域に住む多くの人は家賃の値上がりを心配している。"
    ),
}


@pytest.mark.parametrize("language", sorted(CJK_SAMPLES))
def test_chinese_and_japanese_are_told_by_their_script(language: str) -> None:
    sample = words(CJK_SAMPLES[language])
    assert rank_languages(sample) == ()  # (jusText has no list for them)
    assert script_languages(sample) == page_languages(sample) == (language,)
    assert language in languages()
    assert stopwords(language) == frozenset()


def test_a_chinese_page_with_an_english_menu_is_chinese() -> None:
    menu = words("Home News About the site Contact us Sign in to the app and read the news")
    assert rank_languages(menu)[0] == "English"
    assert page_languages(words(CJK_SAMPLES["Chinese"]) + menu) == ("Chinese",)


def test_a_page_that_quotes_a_few_han_characters_is_not_chinese() -> None:
    sample = words(SAMPLES["English"] + " The sign read 北京 and 東京.")
    assert script_languages(sample) == ()
    assert page_languages(sample)[0] == "English"


def test_korean_has_its_stopwords_and_is_not_told_by_script() -> None:
    sample = words("정부는 화요일에 새로운 지하철 노선이 내년에 개통될 것이라고 밝혔다. 이 사람들은 걱정한다.")
    assert script_languages(sample) == ()
    assert page_languages(sample)[:1] == ("Korean",)


def test_the_script_language_is_the_metadata_language() -> None:
    import cleaner

    r = cleaner.clean(CJK_SAMPLES["Japanese"] + "\n\n" + CJK_SAMPLES["Japanese"].replace("東京都", "大阪府"))
    found = r.metadata.language
    assert found is not None
    assert (found.value, found.origin, found.raw) == ("ja", "script", "Japanese")

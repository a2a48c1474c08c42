"""Block features: exact values on small hand-made blocks, and the page language."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.engine.features import BlockFeatures, PageFeatures, measure
from cleaner.engine.segment import segment

ENGLISH = (
    "The council said on Tuesday that it would not change the rules, but many of the people who live in the "
    "area are worried about what will happen to their homes."
)


def one(text: str, language: str | None = "English") -> BlockFeatures:
    """Features of a one-block document."""
    page = measure(segment(text), language)
    assert len(page.blocks) == 1
    return page.blocks[0]


def test_one_feature_record_per_block() -> None:
    doc = segment("a\n\nb c\nd e f\n")
    page = measure(doc, "English")
    assert isinstance(page, PageFeatures)
    assert len(page.blocks) == len(doc.blocks) == 3
    assert [f.chars for f in page.blocks] == [1, 3, 5]


def test_empty_document() -> None:
    page = measure(segment(""))
    assert page.blocks == ()
    assert page.language is None


def test_chars_and_words_of_a_sentence() -> None:
    f = one("The cat sat on the mat, didn't it?")
    assert f.chars == len("The cat sat on the mat, didn't it?")
    assert f.words == 9  # \w+ tokens: didn't -> didn, t
    assert f.ends_sentence
    assert f.starts_upper


def test_stopword_ratio_uses_the_given_language() -> None:
    f = one("the cat and the dog")
    assert f.stopword_ratio == pytest.approx(3 / 5)
    assert one("der Hund und die Katze", language="German").stopword_ratio == pytest.approx(3 / 5)
    assert one("der Hund und die Katze", language="English").stopword_ratio == pytest.approx(0.0)
    assert one("el perro y el gato", language="Spanish").stopword_ratio == pytest.approx(3 / 5)


def test_unknown_language_gives_no_stopwords() -> None:
    assert one("the cat and the dog", language="Klingon").stopword_ratio == 0.0


def test_no_tokens_gives_zero_ratios() -> None:
    f = one("— • — | ...")
    assert f.words == 0
    assert f.stopword_ratio == 0.0
    assert f.capitalised_ratio == 0.0


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("It rained.", True),
        ("Did it rain?", True),
        ("It rained!", True),
        ("It rained…", True),
        ('He said "it rained."', True),
        ("He said “it rained.”", True),
        ("(It rained.)", True),
        ("«Il pleuvait.»", True),
        ("雨が降った。", True),
        ("Home | News | Sport", False),
        ("Read more:", False),
        ("Photo: AP", False),
        ("Posted 3 hours ago", False),
    ],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert one(text).ends_sentence is ends


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One short line", 1),
        ("It rained. Then it stopped.", 2),
        ("It rained. Then it stopped! Was it over? Yes.", 4),
        ("version 2.5 was released", 1),
        ("雨が降った。風が吹いた。", 2),
    ],
)
def test_sentence_count(text: str, sentences: int) -> None:
    assert one(text).sentences == sentences


@pytest.mark.parametrize(
    ("text", "upper"),
    [("The end.", True), ("the end.", False), ("Élan.", True), ("Это.", True), ("123 main street", False)],
)
def test_starts_upper(text: str, upper: bool) -> None:
    assert one(text).starts_upper is upper


def test_capitalised_ratio() -> None:
    assert one("Home News Sport Weather").capitalised_ratio == pytest.approx(1.0)
    assert one("The cat sat on the Mat").capitalised_ratio == pytest.approx(2 / 6)
    assert one("all lower case here").capitalised_ratio == 0.0


def test_unspaced_scripts_count_about_two_characters_per_word() -> None:
    text = "東京で大きな会議が開かれました"  # 15 characters, one \w+ token
    assert one(text).words == len(text) // 2
    assert one("hello world").words == 2


def test_repeats_count_identical_blocks_on_the_page() -> None:
    page = measure(segment("Home | News\nA line of text.\nHome | News\n  Home | News  \nOther"), "English")
    assert [f.repeats for f in page.blocks] == [3, 1, 3, 3, 1]


def test_language_detected_from_the_page_when_not_given() -> None:
    page = measure(segment(f"Menu\n\n{ENGLISH}\n\n{ENGLISH.upper()}\n"))
    assert page.language == "English"
    french = (
        "Le gouvernement a annoncé mardi qu'il ne changerait pas les règles, mais beaucoup de personnes qui "
        "vivent dans la région s'inquiètent de ce qui va arriver à leurs maisons."
    )
    assert measure(segment(f"Accueil\n{french}\n")).language == "French"


def test_language_detected_from_the_sentences_not_the_menus_around_them() -> None:
    # Cleaning removes the menus: the clean text, cleaned again, must show the same language.
    menu = (
        "Mehr zu den Themen aus der Region\nAlle Nachrichten aus dem Ressort und von der Redaktion\n"
        "Jetzt für den Newsletter anmelden und nichts mehr verpassen\nDas Neueste aus der Stadt und dem Land\n"
    )
    assert measure(segment(menu + ENGLISH)).languages == measure(segment(ENGLISH)).languages == ("English",)
    assert measure(segment(menu)).language == "German"  # without sentences, every line counts


def test_paragraphs_without_full_stops_outweigh_a_foreign_sentence() -> None:
    # Prose need not end on a full stop: one English cookie notice must not make the page English.
    paragraphs = (
        "A câmara municipal aprovou na segunda-feira um orçamento de doze milhões de euros para as escolas "
        "da cidade depois de um debate que durou quase toda a noite\n"
        "Os críticos disseram que o plano não vai longe o bastante e pediram mais detalhes sobre os custos "
        "das obras nas escolas do centro e da periferia\n"
    )
    cookie = "We use cookies to improve your experience on our site. By continuing you agree to our use of them.\n"
    assert measure(segment(paragraphs + cookie)).language == "Portuguese"


def test_stopword_ratio_counts_every_plausible_language() -> None:
    # Which of two near-tied languages comes first must not decide which paragraphs read as prose.
    russian = (
        "Это уже не первый раз, когда город сталкивается с такой проблемой, и власти до сих пор не знают, "
        "что с этим делать и как быть."
    )
    german = "Es ist nicht das erste Mal, dass die Stadt mit einem solchen Problem zu kämpfen hat, und es wird teuer."
    page = measure(segment(f"{russian}\n{german}\n"))
    assert set(page.languages) == {"Russian", "German"}
    assert all(f.stopword_ratio > 0.5 for f in page.blocks)


def test_given_language_is_not_second_guessed() -> None:
    page = measure(segment(ENGLISH), "French")
    assert page.language == "French"


def test_no_stopword_evidence_gives_no_language() -> None:
    page = measure(segment("12 34 56\nxyz qqq\n"))
    assert page.language is None
    assert all(f.stopword_ratio == 0.0 for f in page.blocks)


def test_tokens_are_the_word_runs_rules_count() -> None:
    assert one("The cat sat on the mat, didn't it?").tokens == 9
    cjk = one("東京で大きな会議が開かれました")
    assert cjk.tokens == 1 and cjk.words == 7


def test_sentence_end_and_upper_start_shortcuts_agree_with_their_regexes() -> None:
    """``_ends_sentence`` / ``_starts_upper`` replace a regex each; they must agree on every code
    point (``regex``'s Unicode tables, not Python's older ``unicodedata``) and on closers, and
    on the final newline the regex's ``$`` accepts."""
    from cleaner.engine.features import _SENTENCE_END_RE, _UPPER_START_RE, _ends_sentence, _starts_upper

    for code in range(0x110000):
        ch = chr(code)
        assert _starts_upper(ch + "x") is (_UPPER_START_RE.match(ch + "x") is not None), hex(code)
        assert _ends_sentence("a" + ch) is (_SENTENCE_END_RE.search("a" + ch) is not None), hex(code)
    for text in ["", "\n", "Hi.\n", "Hi.)\n", "Hi)\n", "Hi.\n\n", "Hi.\r", "“Hi.”", "Hi.”)»", "Hi”.", "(Hi)", "»"]:
        assert _ends_sentence(text) is (_SENTENCE_END_RE.search(text) is not None), repr(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=80))
def test_ascii_shortcuts_agree_with_the_unicode_regexes(text: str) -> None:
    """ASCII blocks are tokenised by the standard library's engine, and skip the sentence-break
    scan without '.', '!' or '?': both must give what the ``regex`` patterns give."""
    from cleaner.engine.features import _ASCII_TOKEN_RE, _SENTENCE_BREAK_RE, TOKEN_RE

    assert _ASCII_TOKEN_RE.findall(text) == TOKEN_RE.findall(text)
    if not any(mark in text for mark in ".!?"):
        assert _SENTENCE_BREAK_RE.findall(text) == []


def test_ascii_tokens_keep_every_word_run() -> None:
    assert one("Top 10 don't_miss: A1-B2").tokens == len(["Top", "10", "don", "t_miss", "A1", "B2"])


def test_a_sentence_long_lead_in_ending_with_a_colon_ends_as_prose() -> None:
    from cleaner.engine.scores import ends_prose

    assert one("This post will discuss the following:").ends_colon
    assert ends_prose(one("This post will discuss the following:"), has_stoplist=True)
    assert not ends_prose(one("Related stories:"), has_stoplist=True)  # a heading
    assert not ends_prose(one("Prices Deals Reviews Laptops Phones Tablets:"), has_stoplist=True)  # no stopwords
    assert not ends_prose(one("Home News Sport Weather"), has_stoplist=True)


def test_several_sentences_end_as_prose_without_the_final_full_stop() -> None:
    from cleaner.engine.scores import ends_prose

    paragraph = f"{ENGLISH} {ENGLISH} It was the third meeting this year and nobody expects the last"
    assert not one(paragraph).ends_sentence
    assert ends_prose(one(paragraph), has_stoplist=True)


def test_a_huge_document_measures_the_same_with_its_long_blocks_tokens_compacted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import cleaner.engine.features as features

    lines = [ENGLISH, "Home News Sport", f"{ENGLISH} {ENGLISH}", "Home News Sport", "Sección: España", ENGLISH * 3]
    doc = segment("\n\n".join(lines))
    normal = measure(doc)
    monkeypatch.setattr(features, "_COMPACT_FROM", 0)
    monkeypatch.setattr(features, "_COMPACT_TOKENS", 5)
    compacted = measure(doc)
    assert compacted.blocks == normal.blocks
    assert compacted.languages == normal.languages
    for kept, full in zip(compacted.tokens, normal.tokens, strict=True):
        # (The compiled build keeps no token list: it tokenises a block when asked.)
        assert kept == full if features.scan.COMPILED or len(full) <= 5 else kept is None

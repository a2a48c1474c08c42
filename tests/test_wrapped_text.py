"""Hard-wrapped text (plain-text files, e-mails, ``<br>``-broken pages): a paragraph broken into
lines is prose line by line (``features._paragraph_ends``), so whole paragraphs stay."""

from __future__ import annotations

from itertools import pairwise
from random import Random

import pytest

import cleaner
from cleaner.engine.features import measure
from cleaner.engine.segment import segment
from cleaner.testing import Article
from cleaner.testing.structure import STRUCTURES, Plan, build
from cleaner.testing.vocabulary import VOCABULARIES

ARTICLE = """Home | News | Sport | Weather

Council approves new tram line

By Jane Smith, 3 March 2021

The city council on Tuesday approved plans for a new tram line
running from the central station to the university campus, a
project that officials say will cut journey times by half and
take thousands of cars off the roads every day.

Construction is due to begin next spring and should take about
three years, according to the council's transport committee,
which also agreed to review bus routes in the area.

Critics said the cost, estimated at 300 million pounds, was too
high for a city facing cuts to other services, and called for
a public consultation before any contracts are signed.

Related stories
Bus fares to rise in January
New cycle lanes open downtown

Copyright 2021 City News. All rights reserved."""


def ends(text: str, language: str | None = None) -> list[bool]:
    """Each line's ``ends_sentence`` as the page's features measure it."""
    return [f.ends_sentence for f in measure(segment(text), language).blocks]


def test_a_hard_wrapped_article_comes_out_whole() -> None:
    r = cleaner.clean(ARTICLE)
    paragraphs = ARTICLE.split("\n\n")[3:6]
    assert r.text == "\n\n".join(paragraphs)
    assert r.title == "Council approves new tram line"
    removed = {r.source[x.start : x.end] for x in r.removals}
    assert {"Bus fares to rise in January", "Copyright 2021 City News. All rights reserved."} <= removed


def test_a_wrapped_line_ends_where_its_paragraph_ends() -> None:
    assert ends(ARTICLE.split("\n\n")[3], "English") == [True, True, True, True]
    # Each way a line runs on: a comma, a stopword last, lower case or a figure next.
    text = "Officials said that the plan,\nShared by Mayor Green, was in\nJune cut by nearly\n12 percent in all."
    assert ends(text, "English") == [True, True, True, True]


def test_a_sentence_ending_inside_a_line_ends_the_lines_above_it() -> None:
    # The wrap "Jürgen" / "Müller" is not told (a capital after a name), but the line above it
    # holds a sentence's end and runs on from the line above that.
    text = "Es ist nicht das erste Mal, dass Köln ein Problem zu\nkämpfen hat. Das sagte Jürgen\nMüller in Köln."
    assert ends(text, "German") == [True, True, True]
    # A caption under a "less" link holds sentences too, but opens in upper case: no paragraph.
    caption = (
        "Nelson scores, Nov. 19, 2019. The Islanders won 5-4. less\nNelson puts the goal in. The Islanders... more"
    )
    assert ends(caption, "English") == [False, False]


def test_a_paragraph_whose_last_line_ends_no_sentence_changes_nothing() -> None:
    text = "The city council on Tuesday approved plans for a new tram line\nrunning from the central station"
    assert ends(text, "English") == [False, False]


#: Paragraphs wrapped at 60 characters where every break falls before a capital or after a
#: figure or a name (German nouns, names, "PKP"): neither case nor a stopword tells the wrap.
WRAPPED_AT_60 = {
    "German": (
        "Die Preise in Stuttgart stiegen im November um 28,6 Prozent\n"
        "Jahr für Jahr. Das Unternehmen wurde 2022 gegründet und hat\n"
        "Mitarbeiter. Es ist nicht das erste Mal, sagt Thomas Weber\n"
        "Montag in Berlin."
    ),
    "Polish": (
        "Piotr Wiśniewski na razie nie komentuje tej decyzji. Według\n"
        "PKP na spotkanie w Krakowie przyszło około 988 osób. Według\n"
        "PKP na spotkanie w Katowicach przyszło około 279 osób."
    ),
    "English": (
        "“It is too early to say what this means for families,” Aisha\n"
        "Khan told reporters in Sydney. The council approved the plan\n"
        "Tuesday, officials said."
    ),
}


@pytest.mark.parametrize("language", sorted(WRAPPED_AT_60))
def test_a_page_wrapped_at_one_width_is_prose_wherever_it_breaks(language: str) -> None:
    text = WRAPPED_AT_60[language]
    lines = text.split("\n")
    assert all(len(line) <= 60 < len(line) + 1 + len(below.split()[0]) for line, below in pairwise(lines))
    assert ends(text, language) == [True] * len(lines)


def test_lines_of_many_lengths_are_no_wrapped_text() -> None:
    # Headlines over their summaries, set tight: the summary's first word would have fit after
    # most of them, so no width broke them.
    text = (
        "Council approves new tram line for the city centre\nThe plan will cost 300 million pounds.\n\n"
        "Bus fares rise in January\nOperators blame fuel costs.\n\n"
        "New cycle lanes open downtown next week\nRiders welcome the change.\n\n"
        "Schools to get more money\nThe budget adds 5 percent."
    )
    assert ends(text, "English") == [False, True] * 4


def test_a_hard_wrapped_lead_under_the_byline_is_kept() -> None:
    text = (
        "Stadtrat beschließt neuen Haushalt\n\nVon Anna Schmidt\nStand: 7. Dezember 2024, 3:56 Uhr\n\n"
        + WRAPPED_AT_60["German"]
        + "\n\nArtikel teilen\n\nWas jetzt passiert\n\n"
        "Thomas Weber sagte am Mittwoch, dass die Regierung den Plan\nnoch in diesem Jahr prüfen werde."
    )
    result = cleaner.clean(text)
    assert WRAPPED_AT_60["German"] in result.text
    assert "Was jetzt passiert" in result.text


@pytest.mark.parametrize(
    "text",
    [
        "Council approves new tram line downtown\nThe city council approved the plans on Tuesday.",  # a headline
        "Why farmers may paint their cows with stripes\nSome people thought the stripy cattle were a joke.",  # a teaser
        "What you need to make the jam\n- sugar and lemons for the pot.",  # a list's item
        "The steps you will follow at home\n2. put the jars in boiling water.",
        "Latest news\nthe council approved the plans on Tuesday.",  # too short to be wrapped
        "Three things the council approved\n\nthe plans were approved on Tuesday.",  # a blank line between
        "The council has three questions:\nwho pays for the new line.",  # a colon announces
    ],
)
def test_a_line_over_another_is_no_wrapped_paragraph(text: str) -> None:
    assert ends(text, "English")[0] is False


def test_a_stopword_last_joins_only_in_the_page_language() -> None:
    text = "„Niemand hat damit gerechnet“, sagte Jürgen Müller am\nFreitag in Leipzig vor Journalisten."
    assert ends(text, "German") == [True, True]
    assert ends(text, "English")[0] is False  # ("am" is no English stopword; "Freitag" opens in upper case)


def test_a_comma_runs_on_in_any_script() -> None:
    assert ends("東京都は火曜日、新しい地下鉄の路線について、\n来年開業すると発表した。") == [True, True]
    assert ends("北京市政府周二表示，新的地铁线路，\n将于明年开通。") == [True, True]


def test_hard_wrapped_generated_articles_keep_their_body() -> None:
    """Every structure in every language written with spaces, hard-wrapped at 60: at least 97%
    of the body lines stay (``benchmarks/structured.py`` measures the whole set: hard-wrapped)."""
    engine = cleaner.Cleaner()
    body = kept = 0
    for language, vocab in VOCABULARIES.items():
        if " " not in vocab.sentences[0]:
            continue
        rng = Random(language)
        for kind in STRUCTURES:
            article = build(vocab, Plan(rng.randrange(1000), (kind, "paragraphs"), (None, None))).hard_wrapped(60)
            result = engine.clean(article.text)
            for span in article.labelled("body"):
                body += 1
                kept += not any(x.start < span.end and span.start < x.end for x in result.removals)
    assert kept >= 0.97 * body, (kept, body)


def test_hard_wrapping_keeps_labels_sections_and_what_stands_between() -> None:
    article = build(VOCABULARIES["English"], Plan(3, ("paragraphs", "bullets"), (None, "share")))
    wrapped = article.hard_wrapped(40)
    assert isinstance(wrapped, Article)
    for span in wrapped.spans:
        assert wrapped.text[span.start : span.end] == span.text
        assert len(span.text) <= 40 or span.label != "body" or not span.text.endswith(".")
    assert [s.kind for s in wrapped.sections] == [s.kind for s in article.sections]
    assert [s.label for s in wrapped.spans if s.label != "body"] == [
        s.label for s in article.spans if s.label != "body"
    ]
    assert len(wrapped.labelled("body")) > len(article.labelled("body"))
    for before, after in zip(article.sections, wrapped.sections, strict=True):
        old = " ".join(article.spans[i].text for i in before.spans)
        assert " ".join(wrapped.spans[i].text for i in after.spans) == old
    assert [b.text for b in segment(wrapped.text).blocks] == [s.text for s in wrapped.spans]


@pytest.mark.parametrize(
    ("language", "paragraph"),
    [
        ("English", "Sarah Johnson, who has worked in Chicago since 2008, declined to\ncomment."),
        ("Dutch", "Janssens in Gent. Thijs Mulder, de woordvoerder, wilde niet\nreageren."),
    ],
)
def test_the_last_words_of_a_wrapped_sentence_are_no_prompt(language: str, paragraph: str) -> None:
    # A rule reads a line whole: "comment." alone is a comment prompt, but here it ends the
    # sentence the line above runs into, and goes with its paragraph.
    vocab = VOCABULARIES[language]
    text = f"{vocab.sentences[0]}\n\n{paragraph}\n\n{vocab.sentences[1]} {vocab.sentences[2]}"
    result = cleaner.Cleaner().clean(text)
    assert paragraph in result.text, result.removals


def test_a_prompt_under_a_finished_sentence_is_still_claimed() -> None:
    text = (
        "The council approved the plan on Tuesday, and work on the new line starts in May.\n"
        "Share this article\n\nCritics said the cost was too high for a city facing cuts."
    )
    result = cleaner.Cleaner().clean(text)
    assert "Share this article" not in result.text
    assert "Critics said" in result.text


def test_a_claimed_line_under_a_line_ending_on_a_stopword_stays_claimed() -> None:
    # On a page set without blank lines a line ending on a stopword ("goed") runs on into the
    # next, but a copyright line opening with its sign stands on its own.
    text = (
        "Philips schrapt 198.705 banen\n"
        "De autoriteiten hadden een eenvoudige verklaring: er was niet genoeg geld.\n"
        "Eindhoven keurt nieuwe begroting voor scholen goed\n"
        "© 2021 De Krant. Alle rechten voorbehouden."
    )
    result = cleaner.Cleaner().clean(text)
    assert "© 2021" not in result.text

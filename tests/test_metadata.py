"""Metadata with provenance: authors, date, language and URL, each traced to where it was read."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import Field, Metadata, Result
from cleaner.engine.dates import find_dates
from cleaner.engine.names import author_names
from cleaner.testing import articles, boilerplate
from cleaner.testing.contract import metadata_violations

PARAGRAPHS = (
    "The council voted on Tuesday to close the old bridge, which has carried traffic over the river since "
    "1921, after engineers found cracks in two of its piers.\n\n"
    "Residents said the closure would add half an hour to their journeys, and shop owners on both banks "
    "warned that they would lose customers while a new crossing is built.\n\n"
    "The mayor said the city had no choice. \u201cWe cannot put people on a bridge that may not hold,\u201d "
    "she told reporters after the vote, adding that work on the new bridge would start next spring."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu schließen, die seit 1921 den Verkehr über "
    "den Fluss trägt, nachdem Ingenieure Risse in zwei ihrer Pfeiler gefunden hatten.\n\n"
    "Die Anwohner sagten, dass die Sperrung ihre Wege um eine halbe Stunde verlängern werde, und die "
    "Geschäftsleute auf beiden Seiten warnten, dass sie Kunden verlieren würden, solange die neue Brücke "
    "gebaut wird.\n\n"
    "Die Bürgermeisterin sagte, die Stadt habe keine Wahl gehabt. Man könne die Menschen nicht auf eine "
    "Brücke lassen, die vielleicht nicht halte, sagte sie nach der Abstimmung."
)


@pytest.mark.parametrize(
    ("text", "languages", "matched", "value"),
    [
        ("3. März 2021, 09:15 Uhr", ("German",), "3. März 2021, 09:15 Uhr", "2021-03-03T09:15"),
        ("March 3, 2021", (), "March 3, 2021", "2021-03-03"),
        ("2021-03-03T09:15Z", (), "2021-03-03T09:15Z", "2021-03-03T09:15Z"),
        ("2019-11-19T08:57:40+01:00", (), "2019-11-19T08:57:40+01:00", "2019-11-19T08:57:40+01:00"),
        ("Posted 03/04/2021", ("English",), "03/04/2021", "2021-03-04"),  # month first in English
        ("Posted 03/04/2021", ("French",), "03/04/2021", "2021-04-03"),  # day first in French
        ("Stand: 03.04.2021", ("English",), "03.04.2021", "2021-04-03"),  # dots: day first anywhere
        ("13/03/2021", ("English",), "13/03/2021", "2021-03-13"),  # 13 cannot be a month
        ("Publié le 3 mai 2021 à 10h12", ("French",), "3 mai 2021 à 10h12", "2021-05-03T10:12"),
        ("Обновлено 5 мая 2020", ("Russian",), "5 мая 2020", "2020-05-05"),
        ("Actualizado: 12 de marzo de 2018 - 1:31", ("Spanish",), "12 de marzo de 2018 - 1:31", "2018-03-12T01:31"),
        ("2021年3月3日 10:00", (), "2021年3月3日 10:00", "2021-03-03T10:00"),
        ("Nov. 19, 2019 at 9:08 pm GMT", (), "Nov. 19, 2019 at 9:08 pm GMT", "2019-11-19T21:08Z"),
        ("November 19, 2019 12:04AM", (), "November 19, 2019 12:04AM", "2019-11-19T00:04"),
        ("Frissítve: 2024. március 3., 10:15", ("Hungarian",), "2024. március 3., 10:15", "2024-03-03T10:15"),
        ("Julkaistu 3.3.2021 klo 10.15", ("Finnish",), "3.3.2021 klo 10.15", "2021-03-03T10:15"),
        ("Τετάρτη, 3 Μαρτίου 2024, 10:15", ("Greek",), "3 Μαρτίου 2024, 10:15", "2024-03-03T10:15"),
    ],
)
def test_dates_in_many_forms_and_languages(text: str, languages: tuple[str, ...], matched: str, value: str) -> None:
    found = find_dates(text, languages)
    assert [(text[d.start : d.end], d.value) for d in found][:1] == [(matched, value)]


@pytest.mark.parametrize("text", ["31 April 2020", "13/13/2020", "Marcus 2020", "2 hours ago", "May 14 at 1:51 p.m."])
def test_what_is_no_calendar_date_gives_none(text: str) -> None:
    assert find_dates(text, ("English",)) == []


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Bill Hoppe | Special to the Pioneer Press", ["Bill Hoppe"]),
        ("Written by Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
        ("Von Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"]),
        ("By Ludwig van Beethoven and Anne-Marie O’Neil", ["Ludwig van Beethoven", "Anne-Marie O’Neil"]),
        ("by ライトハウス国際特許事務所 ／ 2016.12.01", ["ライトハウス国際特許事務所"]),
        ("Posted by Samuel on 12 May 2019", ["Samuel"]),
        ("Reporting by Jane Doe in London; Writing by Ann Lee; Editing by Tom Brown", ["Jane Doe", "Ann Lee"]),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),
        ("By Sean Martin Sean Martin", ["Sean Martin"]),
        ("Reuters Staff", ["Reuters"]),
        ("Staff Writer", []),
        ("By Our Correspondent", []),
        ("Szerző: Kovács Anna", ["Kovács Anna"]),
        ("Toimittajat: Mikko Korhonen ja Liisa Nieminen", ["Mikko Korhonen", "Liisa Nieminen"]),
        ("Της Μαρίας Παπαδοπούλου", ["Μαρίας Παπαδοπούλου"]),
    ],
)
def test_author_names_from_bylines(byline: str, names: list[str]) -> None:
    assert [byline[n.start : n.end] for n in author_names(byline)] == names


def test_text_mode_reads_authors_and_date_with_their_spans() -> None:
    text = (
        "Bridge to close after engineers find cracks\n\nBy Jane Doe and John Smith\n\n"
        "Published March 3, 2021 at 9:15 am\n\n" + PARAGRAPHS + "\n\nUpdated March 4, 2021"
    )
    result = cleaner.clean(text, url="https://example.com/bridge")
    metadata = result.metadata
    assert [(a.value, a.origin, a.rule) for a in metadata.authors] == [
        ("Jane Doe", "text", "byline.by_name"),
        ("John Smith", "text", "byline.by_name"),
    ]
    assert [text[a.start : a.end] for a in metadata.authors] == ["Jane Doe", "John Smith"]  # type: ignore[misc]
    date = metadata.date
    assert date is not None and (date.value, date.raw, date.origin) == (
        "2021-03-03T09:15",
        "March 3, 2021 at 9:15 am",
        "text",
    )
    assert text[date.start : date.end] == date.raw  # type: ignore[misc]
    assert metadata.language == Field("en", "stopwords", raw="English")
    assert metadata.url == Field("https://example.com/bridge", "given")
    assert "Jane Doe" not in result.text and metadata_violations(result) == []


def test_an_update_date_gives_way_to_a_publication_date_only() -> None:
    text = "Bridge to close after engineers find cracks\n\nUpdated March 4, 2021\n\n" + PARAGRAPHS
    date = cleaner.clean(text).metadata.date
    assert date is not None and date.value == "2021-03-04"


def test_german_byline_and_dateline() -> None:
    text = "Alte Brücke wird geschlossen\n\nVon Hans Müller\n\nVeröffentlicht am 3. März 2021, 09:15 Uhr\n\n" + GERMAN
    metadata = cleaner.clean(text).metadata
    assert [a.value for a in metadata.authors] == ["Hans Müller"]
    assert metadata.date is not None and metadata.date.value == "2021-03-03T09:15"
    assert metadata.language is not None and metadata.language.value == "de"


def test_config_language_is_reported_as_such() -> None:
    result = cleaner.Cleaner(cleaner.Config(language="German")).clean(GERMAN)
    assert result.metadata.language == Field("de", "config", raw="German")


def test_a_byline_far_below_the_article_belongs_to_another_story() -> None:
    stories = "\n".join(f"Related story number {n} about something else" for n in range(5))
    bylines = "\n".join(f"By {name} Berg" for name in ("Anna", "Ben", "Carl"))
    text = "Bridge to close after engineers find cracks\n\n" + PARAGRAPHS + "\n\nRelated\n" + stories + "\n" + bylines
    result = cleaner.clean(text)
    assert [r.label for r in result.removals[-3:]] == ["byline"] * 3
    assert result.metadata.authors == ()


HEAD = (
    """<html lang="de-DE"><head><title>Alte Brücke wird geschlossen</title>
<link rel="canonical" href="https://example.de/bruecke">
<meta property="article:published_time" content="2021-03-03T09:15:00+01:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "author": [{"@type": "Person", "name": "Eva Schmidt"}], "datePublished": "2021-03-02"}</script>
</head><body><article><h1>Alte Brücke wird geschlossen</h1>BYLINE<p>"""
    + GERMAN.replace("\n\n", "</p><p>")
    + """
</p></article></body></html>"""
)


def test_html_head_fields_say_where_they_came_from() -> None:
    result = cleaner.clean_html(HEAD.replace("BYLINE", ""))
    metadata = result.metadata
    assert metadata.authors == (Field("Eva Schmidt", "json-ld", raw="Eva Schmidt"),)
    assert metadata.date == Field("2021-03-02", "json-ld", raw="2021-03-02")  # JSON-LD before <meta>
    assert metadata.url == Field("https://example.de/bruecke", "html-meta", raw="https://example.de/bruecke")
    assert metadata.language is not None and metadata.language.value == "de"
    assert metadata_violations(result) == []


def test_html_a_byline_in_the_page_wins_and_the_url_argument_too() -> None:
    result = cleaner.clean_html(HEAD.replace("BYLINE", "<p>Von Hans Müller</p>"), url="https://given.example/x")
    (author,) = result.metadata.authors
    assert (author.value, author.origin) == ("Hans Müller", "text")
    assert result.source[author.start : author.end] == "Hans Müller"  # type: ignore[misc]
    assert result.metadata.url == Field("https://given.example/x", "given")


def test_metadata_round_trips_through_json() -> None:
    text = "Bridge to close after engineers find cracks\n\nBy Jane Doe\n\nMarch 3, 2021\n\n" + PARAGRAPHS
    result = cleaner.clean(text, url="https://example.com/")
    data = json.loads(json.dumps(result.to_dict()))
    assert data["metadata"]["authors"][0] == {
        "value": "Jane Doe",
        "origin": "text",
        "start": text.index("Jane Doe"),
        "end": text.index("Jane Doe") + 8,
        "raw": "Jane Doe",
        "rule": "byline.by_name",
    }
    assert Result.from_dict(data) == result
    assert Result.from_dict({"source": "x", "text": "x"}).metadata == Metadata()


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    articles(), st.lists(boilerplate(label="byline"), max_size=2), st.lists(boilerplate(label="dateline"), max_size=2)
)
def test_every_text_field_indexes_its_text_in_source(
    article: object, bylines: list[object], datelines: list[object]
) -> None:
    """On generated articles in five languages with bylines and datelines put under the headline."""
    lines = article.text.split("\n\n")  # type: ignore[attr-defined]
    extra = [line.text for line in (*bylines, *datelines)]  # type: ignore[attr-defined]
    text = "\n\n".join([lines[0], *extra, *lines[1:]])
    result = cleaner.clean(text)
    assert metadata_violations(result) == []
    for field in (*result.metadata.authors, result.metadata.date):
        if field is not None:
            assert field.origin == "text" and text[field.start : field.end] == field.raw  # type: ignore[misc]

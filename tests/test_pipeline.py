"""The Cleaner's decision pipeline: selection, anchors, laziness, labels and pickling."""

from __future__ import annotations

import gzip
import pickle
from pathlib import Path

import html_text
import pytest

import cleaner
from cleaner.gold import load_span_documents

ARTICLE = "\n\n".join(
    [
        "Council approves new budget for schools | Example News",
        "Home",
        "News",
        "Sport",
        "Council approves new budget for schools",
        "By Jane Doe",
        "The city council approved a budget of 12 million euros for the schools on Monday, after a debate "
        "that lasted most of the evening and ended with a clear majority.",
        "Critics said the plan did not go far enough and asked the council for more details about the costs.",
        "MORE: Why the bus fares are rising again this year",
        "The mayor said that the first schools would be renovated before the end of the year.",
        "Related Articles",
        "Ten things to do in the city this weekend",
        "Why the bus fares are rising again",
        "© 2024 Example News. All rights reserved.",
    ]
)


def aeb_texts(aeb_dir: Path, count: int) -> list[str]:
    pages = sorted((aeb_dir / "html").glob("*.html.gz"))[:count]
    return [html_text.extract_text(gzip.decompress(p.read_bytes()).decode("utf-8"), guess_layout=True) for p in pages]


def test_article_body_title_and_labels(default_cleaner: cleaner.Cleaner) -> None:
    result = default_cleaner.clean(ARTICLE)
    paragraphs = result.text.split("\n\n")
    assert result.title == "Council approves new budget for schools"
    assert paragraphs[0].startswith("The city council approved")
    assert paragraphs[-1].startswith("The mayor said")
    assert "MORE:" not in result.text and "Related Articles" not in result.text
    labels = {result.source[r.start : r.end]: r.label for r in result.removals}
    assert labels["MORE: Why the bus fares are rising again this year"] == "promo"
    assert labels["By Jane Doe"] == "byline"
    assert labels["© 2024 Example News. All rights reserved."] == "legal"


def test_keep_puts_a_label_back(default_cleaner: cleaner.Cleaner) -> None:
    keeper = cleaner.Cleaner(cleaner.Config(keep=frozenset({"byline", "promo"})))
    result = keeper.clean(ARTICLE)
    assert "By Jane Doe" in result.text.split("\n\n")
    assert "MORE: Why the bus fares are rising again this year" in result.text
    assert "By Jane Doe" not in default_cleaner.clean(ARTICLE).text


def test_disable_switches_a_rule_off() -> None:
    result = cleaner.Cleaner(cleaner.Config(disable=frozenset({"promo.more_link"}))).clean(ARTICLE)
    assert all(r.rule != "promo.more_link" for r in result.removals)


def test_exhaustive_changes_labels_never_decisions(seeds_dir: Path, aeb_dir: Path) -> None:
    lazy = cleaner.Cleaner()
    exhaustive = cleaner.Cleaner(cleaner.Config(exhaustive=True))
    texts = [d.text for d in load_span_documents(seeds_dir)] + aeb_texts(aeb_dir, 25)
    relabelled = 0
    for text in texts:
        a, b = lazy.clean(text), exhaustive.clean(text)
        assert (a.text, a.pieces, a.title) == (b.text, b.pieces, b.title)
        assert [(r.start, r.end) for r in a.removals] == [(r.start, r.end) for r in b.removals]
        relabelled += sum(x.rule != y.rule for x, y in zip(a.removals, b.removals, strict=True))
    assert relabelled > 0, "exhaustive mode should name the rule for some far-away removals"


def test_headline_repeat_anchors_the_article_after_a_teaser_list() -> None:
    teasers = [f"Teaser story number {n} explains what happened in the city and why it matters now." for n in range(12)]
    body = [f"Paragraph {n} of the article says the council met again and decided to act quickly." for n in range(4)]
    text = "\n\n".join(["Storm closes schools | Daily", *teasers, "Storm closes schools", "Share", *body, "Menu"])
    result = cleaner.clean(text)
    assert result.title == "Storm closes schools"
    assert result.text.split("\n\n") == body


def test_paragraphs_whose_last_sentence_lacks_its_full_stop_are_still_the_article() -> None:
    """A blog's paragraphs often end on a phrase; several sentences make them prose all the same,
    and they outweigh the one-sentence teasers of other posts below them."""
    article = [
        "Walking through the garden in the morning is the best part of the day. The light is soft and the "
        "air is cool, and the birds are busy in the hedge. I take a cup of tea and look at what has grown "
        "overnight. Some days there is nothing new, and some days there is a whole row of beans that was not "
        "there before. It teaches me to be patient with the slow work of the seasons and with myself",
        "Later in the day I water the pots by the door and pick what is ripe for dinner. My neighbour often "
        "leans over the fence to talk about the weather and the price of seed. We trade cuttings and advice, "
        "and she always has a story about the garden her mother kept. That is how the garden keeps us company",
    ]
    teasers = [
        f"A story about {topic} that goes on to explain what the writer learned from it and how it changed the "
        "way she lives every single day of the week, which is why everyone should read it to the end of the "
        "page because the end is the best part of it all and…"
        for topic in ("the sea", "old friends", "winter")
    ]
    chrome = ["Why we garden | Green Notes", "Home", "Gardens", "Recipes", "Why we garden", "Share Tweet Pin"]
    text = "\n\n".join(
        [
            *chrome,
            *article,
            "Gardens, Reflections",
            "You may also like",
            *(line for t in teasers for line in ("Share Tweet Pin", t)),
        ]
    )
    result = cleaner.clean(text)
    assert result.title == "Why we garden"
    assert result.text.split("\n\n")[:2] == article


def test_a_headline_may_start_with_a_number() -> None:
    headline = "198,705 jobs at risk as the Federal Reserve cuts costs"
    body = (
        "Officials offered a simple explanation: there was not enough money. Prices in Boston rose 33.4% "
        "in November, the fastest pace in 17 years."
    )
    result = cleaner.clean(f"{headline}\n\n{body}\n\nBy Maria Lopez and Li Wei")
    assert result.title == headline
    assert result.text == body


def test_cleaner_pickles_and_cleans_the_same() -> None:
    original = cleaner.Cleaner(cleaner.Config(keep=frozenset({"dek"})))
    copy = pickle.loads(pickle.dumps(original))
    assert copy.config == original.config
    assert copy.clean(ARTICLE) == original.clean(ARTICLE)


@pytest.mark.parametrize("text", ["", "   \n\t", "\u200b", "a\nb\nc", "Only one line without an end"])
def test_degenerate_inputs_keep_the_contract(text: str) -> None:
    result = cleaner.clean(text)
    covered = "".join(result.text[p.target : p.target + p.length] for p in result.pieces)
    assert covered.replace("\n", "") == result.text.replace("\n", "")
    assert all(not result.source[r.start : r.end].isspace() for r in result.removals)


def test_headlines_under_a_portuguese_related_heading_are_promo() -> None:
    body = [
        "A câmara municipal aprovou na segunda-feira um orçamento de doze milhões de euros para as escolas "
        "da cidade, depois de um debate que durou quase toda a noite.",
        "Os críticos disseram que o plano não vai longe o bastante e pediram mais detalhes sobre os custos "
        "das obras nas escolas do centro e da periferia.",
        "O prefeito disse que as primeiras escolas serão reformadas antes do fim do ano, e que as outras "
        "seguirão no próximo verão, se o tempo e o dinheiro permitirem.",
    ]
    related = ["Você pode gostar...", "As tarifas de ônibus sobem de novo este ano", "Dez coisas para fazer na cidade"]
    text = "\n\n".join([*body, *related])
    result = cleaner.clean(text)
    assert result.text.split("\n\n") == body
    labels = {result.source[r.start : r.end]: (r.label, r.rule) for r in result.removals}
    assert labels["Você pode gostar..."] == ("promo", "portuguese.related_heading")
    assert labels["As tarifas de ônibus sobem de novo este ano"][0] == "promo"


_TOUR_ARTICLE = [
    "The band announced on Monday a tour of forty cities to mark its fiftieth anniversary, with its "
    "original singer back on stage for the first time since the split.",
    "Tickets go on sale on Friday at ten in the morning, the promoter said, and a second date will be "
    "added in the cities where the first one sells out.",
    "The singer said the band had been rehearsing for months and that the set would cover every album, "
    "from the first record to the last one.",
]
_DATES = [
    "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
    "June 10 -- Credit Union Amphitheatre, Tampa, FL",
    "June 14 -- Bank Amphitheatre, Alpharetta, GA",
    "June 17 -- Bridgestone Arena, Nashville, TN",
]
_FOOTER = ["Magazine", "Customer Service", "Buy this issue"]


def _page(announcing: str, items: list[str], item_gap: str = "\n") -> str:
    """Paragraphs apart, then the announcing line, the items set tight (as a rendered list is)
    and a footer menu after a blank line."""
    return "\n\n".join(_TOUR_ARTICLE) + "\n\n" + announcing + "\n" + item_gap.join(items) + "\n\n" + "\n".join(_FOOTER)


def test_a_list_announced_by_a_colon_at_the_end_of_the_article_is_kept() -> None:
    result = cleaner.clean(_page("The band's tour dates:", _DATES))
    assert result.text.split("\n\n") == [*_TOUR_ARTICLE, "\n".join(["The band's tour dates:", *_DATES])]


def test_a_list_of_data_under_a_heading_at_the_end_of_the_article_is_kept() -> None:
    # No colon, but every line holds a number of its own (dates, scores, prices): data, not a menu.
    result = cleaner.clean(_page("The Band Tour Dates", _DATES))
    assert result.text.split("\n\n") == [*_TOUR_ARTICLE, "\n".join(["The Band Tour Dates", *_DATES])]
    links = ["Listen: http://po.st/TP_615", "Download: http://po.st/TP_615D", "iTunes: http://po.st/TP_615A"]
    assert cleaner.clean(_page("How to listen to the podcast", links)).text.split("\n\n") == _TOUR_ARTICLE


def test_a_list_of_data_under_a_heading_set_apart_from_it_is_kept() -> None:
    """A rendered heading stands a blank line above its list (html-text renders ``<h3>`` so): the
    list of data under it is still the article's. A menu set so stays out, and so do headlines
    holding a number late in the line (set apart, only the data leading each row ties a list)."""
    result = cleaner.clean(_page("The Band Tour Dates\n", _DATES))
    assert result.text.split("\n\n") == [*_TOUR_ARTICLE, "The Band Tour Dates", "\n".join(_DATES)]
    menu = ["Magazine", "Customer Service", "Buy this issue", "Newsletter"]
    assert cleaner.clean(_page("More from the site\n", menu)).text.split("\n\n") == _TOUR_ARTICLE
    headlines = [
        "Carmaker will cut 5,000 jobs in France",
        "City council approves a budget of 570 million",
        "Airline adds 12 routes for the summer",
    ]
    assert cleaner.clean(_page("Reply Quote\n", headlines)).text.split("\n\n") == _TOUR_ARTICLE


_PRODUCT = (
    "The Brewmaster 3000 brews up to twelve cups in under ten minutes and keeps the coffee hot for "
    "two hours on its warming plate, so the last cup tastes like the first."
)
_FEATURES = ["Programmable 24-hour timer", "Pause and serve during brewing", "Auto shut-off after two hours"]
_SPECS = ["Capacity: 12 cups (1.8 l)", "Power: 900 W", "Weight: 2.3 kg", "Warranty: 2 years"]


def test_a_list_of_phrases_between_the_description_and_a_list_of_data_is_kept() -> None:
    """A product page: its description, a subhead over its features (phrases, no numbers), a
    subhead over its specifications (data); each list under a heading set apart, as rendered."""
    also = ["Customers also bought", "Thermal Carafe", "Coffee Grinder Pro", "Milk Frother"]
    page = ["Brewmaster 3000", _PRODUCT, "Features", "\n".join(_FEATURES), "Specifications", "\n".join(_SPECS)]
    result = cleaner.clean("\n\n".join([*page, *also]))
    assert result.text.split("\n\n") == page[1:]
    # The same features with nothing of the article after them: another list, left out.
    assert cleaner.clean("\n\n".join([*page[:4], *also])).text.split("\n\n") == [_PRODUCT]


def test_a_table_of_properties_after_the_features_is_kept() -> None:
    """Specifications as a two-column table renders them ("Name: value"), few of them numbers:
    rows of a table, kept under their heading after the features; a house ad's "Name: pitch"
    is not such a row (its pitch is a phrase of four words or more)."""
    features = ["Cancelación activa de ruido en tres niveles", "Conexión simultánea con dos dispositivos"]
    features += ["Micrófonos dobles para llamadas"]
    specs = ["Bluetooth: 5.3", "Códecs: SBC, AAC, LDAC", "Puerto de carga: USB-C", "Color: negro mate"]
    description = (
        "Los Sonora X2 combinan cancelación activa de ruido con una autonomía de cuarenta horas, y se "
        "pliegan para caber en cualquier bolso de viaje."
    )
    page = [description, "Características", "\n".join(features), "Especificaciones", "\n".join(specs)]
    footer = ["Ayuda", "Envíos y devoluciones", "Contacto"]
    result = cleaner.clean("\n\n".join(["Auriculares Sonora X2", *page, *footer]))
    assert result.text.split("\n\n") == page


def test_a_list_of_properties_with_qualifiers_under_its_heading_is_kept() -> None:
    """Rows "Name (qualifier): value" under a heading after the article's last paragraph are a
    table of properties (the teams a tournament qualified, each with its group), not links."""
    report = (
        "Turkey drew Iceland in Istanbul to book its spot, and that result also clinched France's ticket "
        "to next year's tournament. Below are all the teams that qualified during the group stage."
    )
    rows = ["England (Group A): 10th appearance", "Ukraine (Group B): Third appearance"]
    rows += ["Spain (Group F): 11th appearance", "Poland (Group G): Fourth appearance"]
    page = ["Euro 2020: who has qualified", report, "Qualified teams", "\n".join(rows)]
    result = cleaner.clean("\n\n".join([*page, "Home", "Scores", "Contact"]))
    assert result.text.split("\n\n") == page[1:]


@pytest.mark.parametrize(
    ("after_the_list", "kept"),
    [
        (["Schritt 1: Wasser abstellen", _PRODUCT], True),  # a subhead over a paragraph: the next section
        (["Beispiel", "tool = Werkzeug()\ntool.start(schnell=True)\ntool.stop()", _PRODUCT], True),  # over code
        (["Hilfe", "Versand", "Kontakt"], False),  # a footer's menu: the list ends the page's article
    ],
)
def test_a_list_of_phrases_after_the_lead_is_kept_when_the_article_goes_on(
    after_the_list: list[str], kept: bool
) -> None:
    """A how-to's or a manual's first section: a subhead and a list of phrases (what you need,
    the rules) under the lead paragraph, then the next section (a subhead over a paragraph, or
    over a block of code): the list is the article's, not a menu ending it."""
    lead = (
        "Einen alten Wasserhahn zu tauschen ist eine einfache Arbeit, die tropfende Leitungen und hohe "
        "Wasserrechnungen erspart, wenn man in der richtigen Reihenfolge vorgeht."
    )
    tools = ["Neuer Wasserhahn mit seinen Schläuchen", "Ein passender Maulschlüssel", "Eimer und ein altes Tuch"]
    page = [lead, "Was Sie brauchen", "\n".join(tools), *after_the_list]
    result = cleaner.clean("\n\n".join(["Start", "Anleitungen", "Einen Wasserhahn tauschen", *page]))
    assert ("\n".join(tools) in result.text) is kept
    assert result.text.startswith(lead)


def test_a_command_alone_is_a_block_of_code_and_the_section_after_a_byline_is_kept() -> None:
    """A one-line command under its paragraph ("pip install x") is code, kept; so is the next
    section, after a byline and a date set between the two (furniture, not the article's end).
    A lone line opening with a program that is an English word ("make ...") is not taken so."""
    first = (
        "The tool cleans scraped pages and keeps every character it removes traceable to a rule, "
        "which makes it easy to check what happened to a page."
    )
    later = "The prices in the city rose 29.4% in November, the fastest pace in thirty-three years."
    text = "\n\n".join(
        [
            "Cleaning pages",
            first,
            "pip install cleaner",
            "By Pedro Alves\nPublished on 10 June 2016",
            "A long road",
            later,
        ]
    )
    assert cleaner.clean(text).text.split("\n\n") == [first, "pip install cleaner", "A long road", later]
    from cleaner.engine.context import _lone_command

    assert _lone_command("pip install cleaner") and not _lone_command("make sure it works")


def test_a_line_under_every_post_announces_no_list_set_apart_below_the_last() -> None:
    """A thread's reply links stand under each post; under the last one, set apart, a list of
    headlines led by a number is not the thread's (the links head no section)."""
    posts = [
        "The council said on Monday that the new buses will run every ten minutes from May onwards.",
        "I asked at the depot and they told me the same thing, but only on the main routes for now.",
        "That is good news for the north of the city, where the buses have been late for years now.",
    ]
    headlines = ["106,398 jobs at risk as the bank cuts costs", "5 things to know about the budget", "12 new routes"]
    authors = ["anna.k\nMarch 3, 2021", "tom_b\nMarch 4, 2021", "anna.k\nMarch 5, 2021"]
    thread = [f"{author}\n\n{post}\n\nReply Quote" for author, post in zip(authors, posts, strict=True)]
    text = "\n\n".join(["Buses every ten minutes from May", *thread, "\n".join(headlines)])
    assert cleaner.clean(text).text.split("\n\n") == posts


@pytest.mark.parametrize(
    ("announcing", "items", "item_gap"),
    [
        ("Share this:", _DATES, "\n"),  # a heading a rule claims announces chrome, not article
        ("The band's tour dates:", _DATES[:2], "\n"),  # two lines are not yet a list
        ("The band's tour dates:", _DATES, "\n\n"),  # lines apart are not one list
        ("More from the site", ["Magazine", "Customer Service", "Buy this issue", "Newsletter"], "\n"),  # no data
    ],
)
def test_lines_after_the_article_stay_out_unless_a_colon_announces_a_tight_list(
    announcing: str, items: list[str], item_gap: str
) -> None:
    result = cleaner.clean(_page(announcing, items, item_gap))
    assert result.text.split("\n\n") == _TOUR_ARTICLE


def test_prose_far_outside_the_article_is_still_checked_by_the_rules() -> None:
    """A long notice reads like prose (kept outside the run as strongly body-like), but a rule
    claims it even where no rule has run yet (far from the article)."""
    notice = (
        "We use cookies and similar technologies to recognise you when you come back to our site, to "
        "remember your choices and to measure how the site is used. By continuing to browse this site you "
        "agree to the use of cookies as described in our policy. You can change your settings at any time in "
        "your browser, and you can find out more about the cookies that we set and what they do."
    )
    menu = [f"Section {n}" for n in range(20)]  # beyond the evaluated region, within STRAY_PROSE_REACH
    text = "\n\n".join([*_TOUR_ARTICLE, *menu, notice])
    result = cleaner.clean(text)
    assert result.text.split("\n\n") == _TOUR_ARTICLE
    removal = _removal_of(result, notice)
    assert (removal.label, removal.rule) == ("cta", "cta.cookie_notice")


def test_tight_list_items_under_a_related_heading_are_promo_even_with_a_sentence_end() -> None:
    related = [
        "Video shows dramatic rescue of kidnapped girl: 'We got her!'",
        "Man arrested after seven victims found in car",
        "Property taxes are on the rise. These maps show where.",
        "Jail guards charged with falsifying records",
    ]
    text = "\n\n".join(_TOUR_ARTICLE) + "\n\nTrending News\n" + "\n".join(related) + "\n\n" + "\n".join(_FOOTER)
    result = cleaner.clean(text)
    assert result.text.split("\n\n") == _TOUR_ARTICLE
    labels = {result.source[r.start : r.end]: (r.label, r.rule) for r in result.removals}
    assert all(labels[item] == ("promo", "heuristic.related_list") for item in related), labels


def test_a_sentence_set_tight_under_a_read_more_link_stays_prose() -> None:
    # Some sites set paragraphs tight; a lone sentence after "Read More" is not a list.
    sentence = "Stock futures were trading slightly higher during Asian hours after small losses earlier."
    text = "\n\n".join(_TOUR_ARTICLE[:2]) + "\nRead More\n" + sentence + "\n\n" + _TOUR_ARTICLE[2]
    result = cleaner.clean(text)
    assert sentence in result.text.split("\n\n")


def test_a_story_card_above_its_read_more_link_is_promo() -> None:
    # A card set inside the article: a headline and a summary cut off mid-sentence, then the link.
    card = [
        "E-Cigarettes Don't Have to Be Tainted to Send You to the Hospital",
        "In recent months, hundreds of people in the U.S. have become acutely sick and have even died due to",
        "Read more",
    ]
    text = "\n\n".join(_TOUR_ARTICLE[:2]) + "\n\n" + "\n".join(card) + "\n\n" + _TOUR_ARTICLE[2]
    result = cleaner.clean(text)
    assert result.text.split("\n\n") == _TOUR_ARTICLE
    labels = {result.source[r.start : r.end]: (r.label, r.rule) for r in result.removals}
    assert labels[card[0]] == labels[card[1]] == ("promo", "heuristic.story_card")


def test_a_finished_sentence_above_a_read_more_link_stays() -> None:
    # The link's own paragraph ends a sentence: it is the article's, whatever the link points to.
    text = "\n\n".join(_TOUR_ARTICLE[:2]) + "\nRead more\n\n" + _TOUR_ARTICLE[2]
    result = cleaner.clean(text)
    assert result.text.split("\n\n") == _TOUR_ARTICLE
    assert all(r.rule != "heuristic.story_card" for r in result.removals)


def test_a_paragraph_above_a_credit_stays_when_the_page_sets_paragraphs_tight() -> None:
    # Text scraped with single line breaks: that the credit follows without a blank line says nothing.
    credit = "Credit: Maria Lopez/Getty Images"
    text = "\n".join([*_TOUR_ARTICLE[:2], credit, _TOUR_ARTICLE[2]])
    result = cleaner.clean(text)
    assert result.text.split() == " ".join(_TOUR_ARTICLE).split()
    assert [(r.label, result.source[r.start : r.end]) for r in result.removals] == [("credit", credit)]


def test_an_article_split_by_a_gallery_is_kept_on_both_sides() -> None:
    before = _TOUR_ARTICLE[:2]
    gallery = [line for n in range(1, 9) for line in (f"Image {n} of 8", f"(Image credit: Agency {n})")]
    after = [
        *_TOUR_ARTICLE[2:],
        "The promoter said that the stage would be the largest the band had ever used, with screens on "
        "both sides so that the back rows could see the musicians.",
        "Local hotels reported a jump in bookings for the weekends of the concerts, and the city said it "
        "would add late trains on the nights the band plays.",
    ]
    result = cleaner.clean("\n\n".join([*before, *gallery, *after]))
    assert result.text.split("\n\n") == [*before, *after]
    assert {r.label for r in result.removals} == {"caption", "credit"}


def _removal_of(result: cleaner.Result, text: str) -> cleaner.Removal:
    """The removal whose source range is exactly ``text`` (the first, if it repeats)."""
    return next(r for r in result.removals if result.source[r.start : r.end] == text)


def _long_paragraph(topic: str) -> str:
    return (
        f"The report on {topic} was published on Monday by the city council. It says that the costs of "
        "the work rose by a third in two years, and that most of the rise came from the price of steel. "
        "The council said it would answer the questions of the residents at a meeting in the town hall, "
        "and that the first results of the new plan would be known before the end of the year."
    )


def _html_mode(blocks: list[str], kept_by_extractor: list[str]) -> cleaner.Result:
    """Clean text as HTML mode would, with trafilatura's output given (the blocks it kept)."""
    from cleaner.engine.votes import ExtractorVotes, word_key

    votes = ExtractorVotes(frozenset(word_key(b) for b in kept_by_extractor), word_key("\n".join(kept_by_extractor)))
    return cleaner.Cleaner().engine.run("\n\n".join(blocks), votes)


def test_html_mode_overrules_trafilatura_dropping_the_rest_of_an_article() -> None:
    kept = [_long_paragraph(t) for t in ("schools", "roads")]
    dropped = [_long_paragraph(t) for t in ("parks", "bridges", "libraries", "harbours")]
    result = _html_mode([*kept, "Advertisement", *dropped, "Share this article"], kept)
    assert result.text.split("\n\n") == [*kept, *dropped]


def test_html_mode_inside_the_article_a_dropped_line_goes_and_dropped_prose_stays() -> None:
    """trafilatura's vote is evidence: a short line it left out between paragraphs goes, a
    paragraph it left out there stays (its own evidence outweighs the vote)."""
    kept = [_long_paragraph(t) for t in ("schools", "roads", "parks")]
    missed = _long_paragraph("harbours")
    result = _html_mode([kept[0], "Photo gallery", kept[1], missed, kept[2]], kept)
    assert result.text.split("\n\n") == [kept[0], kept[1], missed, kept[2]]
    assert _removal_of(result, "Photo gallery").rule == "heuristic.extractor"


def test_html_mode_lines_trafilatura_kept_far_from_the_article_are_not_kept() -> None:
    """Its vote moves the article's edges; it does not keep a footer line 40 menu lines away."""
    article = [_long_paragraph(t) for t in ("schools", "roads", "parks")]
    notice = "Copyright © 2019 Example Media Group. All Rights Reserved."
    teaser = "Residents of the valley asked the council on Friday for a second bridge over the river."
    menu = [f"Section {n}" for n in range(40)]
    result = _html_mode([*article, *menu, teaser, notice], [*article, teaser, notice])
    assert result.text.split("\n\n") == article


def test_html_mode_a_rules_evidence_outside_the_run_outweighs_trafilatura_keeping_the_block() -> None:
    article = [_long_paragraph(t) for t in ("schools", "roads", "parks")]
    about = "Acme Corp. is a leading provider of alarm management software for hospitals and care homes."
    result = _html_mode([*article, "Share", about, "Contact us"], [*article, about])
    assert result.text.split("\n\n") == article
    removal = _removal_of(result, about)
    assert removal.rule == "bio.company_boilerplate"


def test_the_line_set_tight_above_a_bare_credit_is_its_caption() -> None:
    caption = "The new keyboard has a shorter travel than the old one"
    result = cleaner.clean("\n\n".join([*_TOUR_ARTICLE[:2], f"{caption}\nMandel Ngan / AFP", *_TOUR_ARTICLE[2:]]))
    assert caption not in result.text
    assert any(r.label == "caption" and result.source[r.start : r.end] == caption for r in result.removals)


def test_a_paragraph_set_tight_above_a_credit_that_carries_its_own_caption_stays() -> None:
    paragraph = (
        "Following the larger model, the company plans to release a smaller laptop with the new keyboard in "
        "the first half of next year, according to industry sources cited by a Taiwanese publication."
    )
    result = cleaner.clean(
        "\n\n".join([*_TOUR_ARTICLE[:2], f"{paragraph}\nThe larger model's new scissor switch keyboard via iFixit"])
    )
    assert paragraph in result.text
    assert "iFixit" not in result.text


def test_a_press_release_company_paragraph_after_the_article_goes_even_when_it_reads_like_prose() -> None:
    about = (
        "Acme Corp. is a leading provider of alarm management software for hospitals and care homes. The "
        "company was founded in 1998 and employs around 1,300 people in 18 countries, where its systems "
        "serve more than two thousand sites. Its shares are listed on the SIX Swiss Exchange, and its "
        "products are sold through partners in Europe, North America and Asia."
    )
    news = [_long_paragraph("the new alarm system"), _long_paragraph("the hospital contract")]
    result = cleaner.clean("\n\n".join([*news, about, "Stay up to date with Acme. Subscribe to our newsletter."]))
    assert result.text.split("\n\n") == news
    assert any(r.rule == "bio.company_boilerplate" and result.source[r.start : r.end] == about for r in result.removals)


def test_prose_in_the_story_grids_far_below_the_article_is_a_teaser() -> None:
    """Long prose beyond STRAY_PROSE_REACH blocks from the article is a teaser's summary, however
    much it reads like an article paragraph; nearer, it is kept as a paragraph cut off the run."""
    teaser = _long_paragraph("the harbour plan")
    stray = _long_paragraph("the bridge repairs")
    grid = [f"Section {n}" for n in range(30)]
    result = cleaner.clean("\n\n".join([*_TOUR_ARTICLE, *grid[:6], stray, *grid, teaser, *grid[:4]]))
    assert result.text.split("\n\n") == [*_TOUR_ARTICLE, stray]
    removal = _removal_of(result, teaser)
    assert (removal.label, removal.rule) == ("promo", "heuristic.teasers")


def test_the_headline_anchor_reads_blocks_whose_tokens_a_huge_document_did_not_keep() -> None:
    from dataclasses import replace

    from cleaner.engine.anchor import headline_candidates
    from cleaner.engine.features import measure
    from cleaner.engine.page import Page
    from cleaner.engine.segment import segment

    text = "Storm closes schools across the county | Daily\n\nMenu\n\nStorm closes schools across the county\n\nShare"
    doc = segment(text)
    features = measure(doc)
    page = Page(doc, features.languages, features.blocks, (None,) * len(doc.blocks), cleaner.Cleaner().rules)
    with_tokens = replace(page, tokens=features.tokens)
    without = replace(page, tokens=tuple(None for _ in features.tokens))
    assert headline_candidates(with_tokens) == headline_candidates(without) == [2]


def test_lines_of_zero_width_spaces_between_paragraphs_do_not_cut_the_article() -> None:
    """A page builder's spacer lines (U+200B alone) are blank to the reader, however often they repeat."""
    article = [
        f"The council said on Monday that the work on the {topic} would start in May. It expects to finish "
        "before the end of the year."
        for topic in ("schools", "roads", "parks", "bridges")
    ]
    spaced = [line for paragraph in article for line in (paragraph, "\u200b", "\u200b", "\u200b")]
    chrome = ["Home", "News", "Sport", "Weather"]
    result = cleaner.clean("\n\n".join([*chrome, *spaced, *chrome]))
    paragraphs = result.text.split("\n\n")
    assert [line for line in paragraphs if line != "\u200b"] == article
    assert paragraphs[0] == article[0] and paragraphs[-1] == article[-1]  # kept between paragraphs only
    assert paragraphs.count("\u200b") == 9
    edge = {r.rule for r in result.removals if result.source[r.start : r.end] == "\u200b"}
    assert edge == {"heuristic.invisible_line"}  # the three after the last paragraph

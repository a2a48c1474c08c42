"""Titles (issue 15): a title is a headline-like line; menu items, section labels in capitals,
share buttons and browser notices are never titles; in HTML mode the page's <h1> pins it."""

from __future__ import annotations

import lxml.html

import cleaner
from cleaner.html import page_headings

ARTICLE = [
    "The city council voted on Tuesday to expand the bicycle network by forty kilometres over the next three years.",
    "Supporters said the plan would make streets safer, while critics argued that the budget was far too small for it.",
    "The first new lanes are expected to open in the spring, according to the transport department's timetable.",
]
HEADLINE = "Council votes to expand the city's bicycle network"


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def test_the_h1_pins_the_headline_over_a_longer_dek_under_it() -> None:
    """A quote set apart under the headline is headline-like and scores more words, but the
    page's <h1> is its headline."""
    dek = "“We have to make some necessary cuts,” the council's transport chairman said in a letter to residents"
    html = (
        f"<html><head><title>News site</title></head><body><h1>{HEADLINE}</h1><h2>{dek}</h2>"
        f"{_paragraphs(ARTICLE)}</body></html>"
    )
    result = cleaner.clean_html(html)
    assert result.title == HEADLINE


def test_many_distinct_h1s_tell_nothing() -> None:
    """A page that sets teasers or its logo in <h1> has no heading hint."""
    one = lxml.html.fromstring(f"<html><body><h1>{HEADLINE}</h1><h1>{HEADLINE}</h1></body></html>")
    many = lxml.html.fromstring("<html><body><h1>Logo</h1><h1>First story</h1><h1>Second story</h1></body></html>")
    assert page_headings(one) == (HEADLINE,)
    assert page_headings(many) == ()


def test_a_line_in_capitals_is_not_the_title() -> None:
    """A subhead or section label typed in capitals is not the headline, in any language."""
    for label in ("HOW TO USE A WATER BATH CANNER", "DIE WICHTIGSTEN FRAGEN ZUM THEMA"):
        result = cleaner.clean(f"{label}\n\n" + "\n\n".join(ARTICLE) + "\n")
        assert result.title != label


def test_a_banner_of_items_apart_by_dots_is_not_the_title() -> None:
    """A shop's banner, a share bar or a line of facts joins items by middle dots: not a
    headline, whatever its language, even above a page whose own heading is too short to be one."""
    for banner in (
        "Kostenloser Versand ab 49 € · 30 Tage Rückgaberecht",
        "Teilen: Facebook · X · E-Mail",
        "Llámanos: 963 12 34 56 · Urgencias 24 h",
    ):
        result = cleaner.clean(f"{banner}\n\nFahrräder\n\n" + "\n\n".join(ARTICLE) + "\n")
        assert result.title != banner
        assert banner not in result.text


def test_a_menu_item_is_not_the_title() -> None:
    """A headline-like line set tight among unclaimed lines is a menu's item, not the headline."""
    menu = "Latest news today\nPilot of the week\nTechnical features explained\nRace calendar and results"
    result = cleaner.clean(f"{menu}\n\n" + "\n\n".join(ARTICLE) + "\n")
    assert result.title not in menu.split("\n")


def test_a_share_button_is_removed_in_any_page_language() -> None:
    """Share widgets speak English on pages in other languages: 'Share this on WhatsApp' goes
    as share-bar furniture on a Portuguese page, and is never the title."""
    body = [
        "Nesta página você terá sempre a classificação atualizada do campeonato até a última corrida da temporada.",
        "Coloque nos seus favoritos e venha sempre conferir a classificação, que é atualizada depois de cada etapa.",
    ]
    result = cleaner.clean(
        "Classificação do campeonato de 2019\n\nShare this on WhatsApp\n\n" + "\n\n".join(body) + "\n"
    )
    assert result.title != "Share this on WhatsApp"
    share = next(r for r in result.removals if result.source[r.start : r.end].strip() == "Share this on WhatsApp")
    assert (share.label, share.rule) == ("nav", "nav.share_on_service")


def test_a_browser_notice_is_removed_and_is_not_the_title() -> None:
    notice = "We've detected you are on Internet Explorer. For the best experience, please update to a modern browser"
    result = cleaner.clean(f"{notice}\n\n{HEADLINE}\n\n" + "\n\n".join(ARTICLE) + "\n")
    assert result.title == HEADLINE
    removal = next(r for r in result.removals if result.source[r.start : r.end].strip() == notice)
    assert removal.rule == "cta.browser_notice"


def test_a_tight_related_list_ends_at_its_first_blank_line() -> None:
    """The items under a 'Trending' heading set tight end at the blank line after them: the
    headline below is the page's, not a listed story."""
    menu = "Trending\nPolitics\nBusiness\nTechnology\nScience"
    result = cleaner.clean(f"{menu}\n\n{HEADLINE}\n\nJane Doe, City Herald\n\n" + "\n\n".join(ARTICLE) + "\n")
    assert result.title == HEADLINE


def test_a_line_of_two_sentences_is_no_headline() -> None:
    """A headline is one phrase: a line with a sentence end inside it ("... matters. Here's
    why:") is the article's text, however it ends."""
    text = "\n\n".join(["Your “street plan” matters. Here’s why:", *ARTICLE]) + "\n"
    result = cleaner.clean(text)
    assert result.title is None
    assert result.text == text.rstrip("\n")


def test_a_question_may_open_a_two_phrase_headline() -> None:
    """A headline may ask, then answer ("Quem vai tirar a cortiça? O Alentejo à procura de
    ..."): a question ending its first phrase of two keeps it headline-like; a period does not."""
    asked = "Quem vai tirar a cortiça? O Alentejo à procura de uma nova geração"
    paragraphs = [
        "Manuel Caeiro tira cortiça há quarenta e cinco anos e diz que o trabalho exige paciência e muita força.",
        "A campanha dura apenas três meses, e muitos jovens preferem empregos estáveis durante o ano todo.",
        "Uma escola de tiragem abriu no ano passado em Coruche para formar os primeiros vinte aprendizes.",
    ]
    menu = "Portugal\nAlentejo\nEconomia\nDesporto"
    result = cleaner.clean(f"{menu}\n\n{asked}\n\nPor Ana Ramos\n\n" + "\n\n".join(paragraphs) + "\n")
    assert result.title == asked
    told = "Quem vai tirar a cortiça. O Alentejo à procura de uma nova geração"
    assert cleaner.clean(f"{menu}\n\n{told}\n\nPor Ana Ramos\n\n" + "\n\n".join(paragraphs) + "\n").title != told


def test_a_kicker_set_tight_over_the_headline_leaves_it_the_title() -> None:
    """A kicker ("Dachzeile") of a few words set tight over the headline, the two apart from
    the rest, is no menu: the line under it is the headline. Three such lines are a menu's."""
    kicker, headline = "Genossenschaft statt Gasheizung", "Wie ein Dorf im Allgäu sein eigenes Wärmenetz gebaut hat"
    paragraphs = [
        "In Unterbuchenried heizen inzwischen fast zweihundert Haushalte mit Wärme aus Holzhackschnitzeln.",
        "Rund vierzig Prozent der Kosten deckte die Bundesförderung, den Rest brachten die Genossen selbst auf.",
        "Im April 2021 rollten die Bagger an, und für die Leitungen musste fast jede Straße aufgerissen werden.",
    ]
    menu = "Lokales\nPolitik\nWirtschaft\nSport"
    body = "\n\n".join(paragraphs) + "\n"
    result = cleaner.clean(f"{menu}\n\n{kicker}\n{headline}\n\nVon Sabine Roßkopf\n\n{body}")
    assert result.title == headline
    assert kicker not in result.text
    teaser_box = cleaner.clean(f"{menu}\n\n{kicker}\n{headline}\nMehr aus der Region\n\nVon Sabine Roßkopf\n\n{body}")
    assert teaser_box.title != headline


def test_a_cookie_banner_above_the_menus_does_not_hide_the_headline() -> None:
    """A headline stands above its article's text, so no line under a paragraph is the title;
    but a consent banner a rule names (far above the article, over long menus) is no article's
    text, in any language."""
    banner = (
        "Utilizamos cookies propias y de terceros para analizar el tráfico y mostrarte publicidad "
        "personalizada. Puedes aceptarlas o configurar su uso en cualquier momento."
    )
    headline = "Los regantes que devolvieron la vida a las acequias de la Alpujarra"
    paragraphs = [
        "Un grupo de vecinos ha restaurado en seis años más de cuarenta kilómetros de canales de origen andalusí.",
        "Antonio Rodríguez abre cada mañana una compuerta de la acequia y mide el caudal que baja de la sierra.",
        "Los técnicos de la Junta calculan que las acequias recargan el acuífero con millones de litros cada año.",
    ]
    menu = "\n".join(["Portada", "España", "Internacional", "Economía", "Ciencia", "Tecnología", "Clima"] * 3)
    page = f"{banner}\nAceptar\nConfigurar\n\n{menu}\n\n{headline}\n\nPor Lucía Ortega\n\n"
    result = cleaner.clean(page + "\n\n".join(paragraphs) + "\n")
    assert result.title == headline
    assert banner not in result.text


def test_a_rating_repeated_on_the_page_is_no_title_anchor() -> None:
    """Text mode takes the page's first line for its <title> and its repeat for the headline; a
    rating widget standing first (as in a clean text that starts with one) is no <title>, so
    its repeat above the recipe card does not cut off what stands before it."""
    rating = "★★★★★ 4.9 from 212 votes"
    intro = [
        "There is a café two streets from my grandmother's old apartment that has served these pancakes for years.",
        "It took me an embarrassing number of attempts, but the batter finally came out light and tall every time.",
    ]
    card = ["Lemon Ricotta Pancakes", rating, "Ingredients", "1 cup flour", "2 eggs", "1 cup ricotta"]
    steps = "Whisk the flour, eggs and ricotta together, then cook small pancakes on a buttered pan until golden."
    text = "\n\n".join([rating, *intro, "\n".join(card), steps]) + "\n"
    result = cleaner.clean(text)
    assert all(paragraph in result.text for paragraph in intro)
    assert rating not in result.text and result.title != rating

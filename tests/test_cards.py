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


# A week's training plan: every day a box with the same three labels in the same order and the
# day's own values between them (Spanish; the heuristic reads only the repetition).
_DAYS = [
    ("Lunes", "Cinco minutos de movilidad de cadera y tobillos",
     "Series: 6 x 400 metros a ritmo de 5 km, con 90 segundos de descanso entre ellas",
     "Estiramientos suaves de piernas"),
    ("Martes", "Diez minutos de bicicleta estática",
     "Fuerza: tres vueltas de sentadillas, zancadas y plancha de 45 segundos cada una",
     "Rodillo de espuma para la espalda"),
    ("Miércoles", "Trote muy suave de diez minutos",
     "Rodaje largo de 50 minutos a ritmo cómodo, sin mirar el reloj en ningún momento",
     "Paseo de cinco minutos"),
    ("Jueves", "Cinco minutos de comba",
     "Cuestas: 8 subidas de 200 metros, bajando al trote para recuperar el aliento",
     "Estiramientos de gemelos y cuádriceps"),
    ("Viernes", "Movilidad articular completa",
     "Descanso activo: 30 minutos de natación o de yoga, según cómo te encuentres",
     "Respiración profunda durante tres minutos"),
]  # fmt: skip
_LABELS = ("Calentamiento", "Entrenamiento principal", "Vuelta a la calma")
_PLAN_INTRO = [
    "Preparar una carrera de diez kilómetros no exige entrenar todos los días, pero sí hacerlo con "
    "orden y constancia durante varias semanas.",
    "Este es el plan semanal que proponen los entrenadores del club para quienes ya corren treinta "
    "minutos seguidos sin parar.",
]


def _plan(separator: str, between: str | None = None) -> str:
    boxes = [
        separator.join([day, _LABELS[0], warm_up, _LABELS[1], main, _LABELS[2], cool_down])
        for day, warm_up, main, cool_down in _DAYS
    ]
    if between is not None:
        boxes.insert(2, between)  # an ad set between two boxes
    header = ["Inicio", "Deportes", "Running", "Plan de diez kilómetros para principiantes"]
    return "\n\n".join([*header, *_PLAN_INTRO, *boxes, "Aviso legal", "Privacidad", "Contacto"])


def test_records_of_a_plan_keep_every_box_with_its_labels() -> None:
    """A plan printed as boxes of short lines (each day the same labels, its own values between
    them) is the page's content: every box is kept, labels, values and the last box's end
    included, whether the page sets its lines apart or tight, with an ad between two boxes; read
    line by line (the heuristic off) the plan is a stretch of short lines after the article, lost."""
    lines = {line for day in _DAYS for line in day} | set(_LABELS)
    for text in (_plan("\n\n"), _plan("\n"), _plan("\n\n", between="Publicidad")):
        result = cleaner.clean(text)
        assert {line for line in lines if line not in result.text} == set()
        assert "Aviso legal" not in result.text and "Publicidad" not in result.text
        assert cleaner.clean(result.text).text == result.text
        without = cleaner.Cleaner(Config(disable=frozenset({"heuristic.card_list"}))).clean(text)
        assert sum(line in without.text for line in lines) < len(lines) / 2


def _records(text: str) -> int | None:
    """How many records ``heuristics.cards`` reads on the page (None: it reads none)."""
    from cleaner.engine.features import measure
    from cleaner.engine.heuristics.cards import _cards_by_records
    from cleaner.engine.page import Page
    from cleaner.engine.segment import segment

    doc = segment(text)
    features = measure(doc)
    page = Page(doc, features.languages, features.blocks, (None,) * len(doc.blocks), cleaner.Cleaner().rules)
    found = _cards_by_records(page)
    return None if found is None else found.cards


def test_a_menu_printed_three_times_and_a_comment_section_are_no_records() -> None:
    """Repeated lines without values of their own between them (a menu printed three times in a
    row) or with one stretch of their own (each comment's author, date and text between its
    "Reply", "Like" and "Report") are no records; a plan's boxes are, an ad between two of them
    included."""
    menu = "\n".join(["Inicio", "Deportes", "Running", "Ciclismo", "Natación", "Triatlón"])
    article = [*_PLAN_INTRO, _PLAN_INTRO[0].replace("diez", "veinte"), _PLAN_INTRO[1].replace("treinta", "cuarenta")]
    menus = "\n\n".join([menu, menu, menu, "Plan de diez kilómetros", *article])
    said = "Lo empiezo el lunes con mi hermana, que también quiere correr su primera carrera en primavera."
    comments = [
        "\n".join([f"Usuario{n}", f"hace {n} horas", f"Gracias. {said}", "Responder", "Me gusta", "Denunciar"])
        for n in range(2, 7)
    ]
    thread = "\n\n".join(["Plan de diez kilómetros", *_PLAN_INTRO, "Comentarios", *comments])  # (they outweigh it)
    assert _records(menus) is None
    assert _records(thread) is None
    assert _records(_plan("\n\n")) == len(_DAYS)
    assert _records(_plan("\n", between="Publicidad")) == len(_DAYS)
    assert all(paragraph in cleaner.clean(menus).text for paragraph in article)
    assert all(paragraph in cleaner.clean(thread).text for paragraph in _PLAN_INTRO)


def test_one_card_with_another_button_stays_in_the_listing() -> None:
    """A sold-out item's "Notify me" stands where the other cards hold "Quick view": the run of
    cards goes on past it (every name and blurb kept), and the line is removed as that card's
    button, with a reason that says so."""
    cards = ["\n".join([name, blurb, price, "Quick view"]) for name, blurb, price in _CARDS]
    cards[2] = cards[2].replace("Quick view", "Sold out\nNotify me")
    text = "\n\n".join(["Home", "Lighting", "Table lamps", _INTRO, *cards, *_FOOTER])
    result = cleaner.clean(text)
    for name, blurb, _ in _CARDS[1:]:
        assert f"{name}\n{blurb}" in result.text
    removed = {result.source[r.start : r.end]: r for r in result.removals}
    assert removed["Notify me"].rule == "heuristic.card_list"
    assert "hold their button" in removed["Notify me"].reason
    assert "Quick view" in removed and "Notify me" not in result.text


def test_the_last_card_keeps_the_lines_set_tight_under_its_blurb() -> None:
    """The last card of a listing may have no button ("Entrada libre" under a free event): the
    lines set tight under its blurb are still its own, in the first pass and when the clean text
    (cards without buttons, told by their shape) is cleaned again."""
    cards = ["\n".join([name, blurb, price, "Quick view"]) for name, blurb, price in _CARDS]
    cards[-1] = "\n".join([*_CARDS[-1][:2], "Free entry with a museum ticket"])
    text = "\n\n".join(["Home", "Lighting", "Table lamps", _INTRO, *cards, "Page 1 of 3 · Next", *_FOOTER])
    result = cleaner.clean(text)
    assert f"{_CARDS[-1][1]}\nFree entry with a museum ticket" in result.text
    assert "Page 1 of 3" not in result.text

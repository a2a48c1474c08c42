"""Furniture set between an article's parts (issue 15): a sign-up box, a captioned photo, a
"Read more" link, a product's box contents and reviews, a forum post's list and quote. Each is
removed with its label, or kept as the page's content, in the page's language."""

from __future__ import annotations

import cleaner
from cleaner.model import Result

GERMAN = [
    "Rund vierzig Prozent der Kosten deckte die Bundesförderung für effiziente Wärmenetze, den Rest die Genossen.",
    "Im April 2021 rollten die Bagger an, und für die Leitungen musste fast jede Straße im Dorf aufgerissen werden.",
    "Nicht alles lief glatt, denn im Winter verzögerte sich die Lieferung des zweiten Kessels um Wochen.",
    "Die Genossen mussten in dieser Zeit mit einem geliehenen Ölkessel heizen, der viel Geld gekostet hat.",
    "Heute zahlen die Haushalte nach Angaben der Genossenschaft rund ein Viertel weniger als mit Heizöl.",
]


def removed(result: Result) -> dict[str, tuple[str, str]]:
    """Each removed line's text with its label and rule."""
    return {result.source[r.start : r.end]: (r.label, r.rule) for r in result.removals}


def page(*parts: str) -> str:
    """Parts set apart by blank lines, a menu and a headline above them."""
    return "\n\n".join(["Lokales\nPolitik\nSport", "Wie ein Dorf sein eigenes Wärmenetz gebaut hat", *parts]) + "\n"


def test_a_sign_up_box_between_sections_goes_whole() -> None:
    """One line of the box is a rule's (the pitch); its heading, field and button, set tight
    with it, are the box's; the sections on both sides stay."""
    box = (
        "Der Allgäu-Newsletter\nDie wichtigsten Nachrichten aus der Region jeden Morgen in Ihrem Postfach.\n"
        "E-Mail-Adresse\nJetzt anmelden"
    )
    result = cleaner.clean(page(*GERMAN[:2], box, *GERMAN[2:]))
    assert all(paragraph in result.text for paragraph in GERMAN)
    labels = removed(result)
    for line in box.split("\n"):
        assert labels[line][0] == "cta", line
    assert labels["E-Mail-Adresse"][1] == "heuristic.signup_box"


def test_a_list_a_paragraph_announces_is_no_sign_up_box() -> None:
    """Steps under "Here's how:" stay, though one of them reads as a sign-up prompt."""
    steps = (
        "Sign up for a Hulu ad-free account for $11.99 a month\n"
        "If you already have a Hulu account, visit your account page to upgrade\n"
        "Sign up for the Disney+ bundle using the same email as your Hulu account"
    )
    paragraphs = [
        "The bundle includes Hulu with limited commercials, and the ad-free plan costs more every month.",
        "If you want ad-free Hulu, you will have to upgrade before signing up for the bundle. Here's how:",
    ]
    tail = "The upgrade takes effect at once, and the bundle price is charged from the next billing date."
    result = cleaner.clean(
        "\n\n".join(["Deals", "How to get the Disney+ bundle without ads", *paragraphs, steps, tail])
    )
    kept = result.text
    assert "Sign up for a Hulu ad-free account for $11.99 a month" in kept
    assert "If you already have a Hulu account, visit your account page to upgrade" in kept
    assert not any(rule == "heuristic.signup_box" for _, rule in removed(result).values())


def test_captions_over_copyright_and_photo_credits_are_captions() -> None:
    """A '© NAME / OUTLET' line with no year and a 'Foto NAME' line are a photo's credit, and
    the line set tight above either is its caption; a site's '© 2024 ...' line is legal."""
    italian = [
        "Sotto il portico di via Santo Stefano il rumore dei trapani si mescola a quello dei passanti ogni mattina.",
        "A tre anni dall'iscrizione nella lista dell'Unesco, i lavori di restauro sono diventati più frequenti.",
        "Per un condominio con dieci arcate, un restauro completo può superare facilmente i duecentomila euro.",
    ]
    figure = "Il portico di San Luca, il più lungo del mondo con i suoi 666 archi.\nFoto Schicchi"
    result = cleaner.clean(page(italian[0], figure, *italian[1:], "© 2024 Il Corriere Emiliano"))
    labels = removed(result)
    assert labels["Foto Schicchi"][0] == "credit"
    assert labels["Il portico di San Luca, il più lungo del mondo con i suoi 666 archi."][0] == "caption"
    assert labels["© 2024 Il Corriere Emiliano"][0] == "legal"
    french = "Le quai de chargement de l'hôtel logistique, inauguré en 2023.\n© Franck Dubray / L'Écho de l'Ouest"
    result = cleaner.clean(page(italian[0], french, *italian[1:]))
    labels = removed(result)
    assert labels["© Franck Dubray / L'Écho de l'Ouest"][0] == "credit"
    assert labels["Le quai de chargement de l'hôtel logistique, inauguré en 2023."][0] == "caption"
    assert all(paragraph in result.text for paragraph in italian)


def test_a_read_more_link_naming_its_story_heads_no_list() -> None:
    """'Read more: HEADLINE' is one link; the subhead and paragraphs under it are the article's."""
    paragraphs = [
        "Beavers were hunted to extinction in Britain around four hundred years ago, and returned only recently.",
        "The Exeter team compared streams with and without beaver dams over several years of careful measurement.",
        "Peak flows during heavy rain fell by about a third below the dams, the researchers found in their study.",
    ]
    link = "Read more: Wild bison return to a Kent woodland after 6,000 years"
    text = "\n\n".join(["News\nUK\nWorld", "How beavers are quietly reshaping a Devon valley", paragraphs[0], link])
    text += "\n\nWhat the scientists measured\n\n" + "\n\n".join(paragraphs[1:]) + "\n"
    result = cleaner.clean(text)
    assert "What the scientists measured" in result.text
    assert removed(result)[link][0] == "promo"


def test_what_is_in_the_box_after_the_specifications_is_kept() -> None:
    """A heading over a list of data after a product's specification table is the next section,
    though the table's last row scores as chrome."""
    description = (
        "Esta freidora de aire tiene dos cestas independientes, de modo que puedes cocinar la carne y las "
        "patatas a la vez, cada una a su temperatura y con su propio tiempo."
    )
    features = "Características\nDos cestas independientes de 4,25 L\nOcho programas\nTemporizador de hasta 60 minutos"
    specs = (
        "Especificaciones técnicas\nPotencia: 2400 W\nCapacidad: 8,5 L (2 × 4,25 L)\nTemperatura: 40–200 °C\n"
        "Longitud del cable: 1 m\nMaterial exterior: plástico resistente al calor\nGarantía: 3 años"
    )
    box = (
        "Contenido de la caja\n1 freidora de aire AirChef Duo\n2 cestas con bandeja antiadherente\n"
        "1 separador para cesta\nRecetario con 50 recetas\nManual de instrucciones"
    )
    footer = "Atención al cliente\nEnvíos\nDevoluciones\nQuiénes somos"
    parts = ["Inicio\nCocina\nOfertas", "Freidora de aire AirChef Duo 8,5 L", description, features, specs, box, footer]
    result = cleaner.clean("\n\n".join(parts) + "\n")
    for line in box.split("\n"):
        assert line in result.text, line
    assert "Devoluciones" not in result.text


def test_a_box_list_of_names_after_the_specifications_is_kept_before_the_reviews() -> None:
    """What is in the box, a list of names (no figures, no sentence ends) under its heading
    right after the specification table, is the product's last section when the reviews'
    heading closes it; the reviews and the footer below are still removed."""
    for language, heading, specs, box, reviews in (
        (
            "de",
            "Technische Daten",
            "Leistung: 1400 W\nFassungsvermögen: 1,75 l\nGewicht: 5,2 kg\nGarantie: 2 Jahre",
            "Lieferumfang\nGlasbehälter mit Deckel\nSpatel\nRezeptheft",
            "Kundenbewertungen",
        ),
        (
            "en",
            "Specifications",
            "Power: 1400 W\nCapacity: 1.75 l\nWeight: 5.2 kg\nWarranty: 2 years",
            "What's in the box\nGlass jug with lid\nSpatula\nRecipe booklet",
            "Customer reviews",
        ),
    ):
        description = (
            "Der Mixer kocht Suppen und mixt Smoothies im selben Glasbehälter, und er reinigt sich danach selbst."
            if language == "de"
            else "The blender cooks soups and mixes smoothies in the same glass jug, and it cleans itself after."
        )
        parts = ["Home\nKitchen\nDeals", "Velvet Pro heated blender 1.75 l", description, f"{heading}\n{specs}", box]
        footer = "Help\nTrack my order\nReturns"
        result = cleaner.clean("\n\n".join([*parts, reviews, footer]) + "\n")
        for line in box.split("\n"):
            assert line in result.text, (language, line)
        assert removed(result)[reviews][0] == "comments", language
        assert "Track my order" not in result.text, language


def test_product_reviews_are_comments() -> None:
    """A shop's customer reviews under the product are its comment section: heading, reviewer
    lines with "verified purchase" and helpful-vote lines, in the shop's language."""
    description = (
        "Ekspres kolbowy dla osób, które chcą przygotowywać w domu kawę jak w kawiarni, bez skomplikowanej "
        "obsługi i długiego nagrzewania."
    )
    features = "Najważniejsze cechy\nMłynek stożkowy z 30 stopniami mielenia\nCiśnienie 15 barów\nZbiornik na wodę 2 l"
    review = (
        "Tomasz z Krakowa · 14.05.2024 · Potwierdzony zakup\n"
        "Świetny ekspres na start. Po tygodniu ustawiania młynka kawa jest lepsza niż w mojej ulubionej kawiarni.\n"
        "Czy ta opinia była pomocna? Tak (27) Nie (2)"
    )
    text = "\n\n".join(["Strona główna\nAGD\nPromocje", "Ekspres kolbowy Barista Pro", description, features])
    result = cleaner.clean(text + "\n\nOpinie klientów\n\n" + review + "\n")
    labels = removed(result)
    assert labels["Opinie klientów"][0] == "comments"
    for line in review.split("\n"):
        assert labels[line][0] == "comments", line
    assert description in result.text


def test_a_post_that_announces_a_list_and_a_quoted_post_stay_posts() -> None:
    """A post's text may end on a colon (its list follows) and a reply may quote one ("NAME
    schrieb:"): the furniture between posts is still told apart, and every post is kept."""
    header = "Zitieren\nAntworten\n{name}\nMitglied seit: 03/2012\nBeiträge: {posts}\n{date}\n#{number}"
    posts = [
        "Seit es draußen kalt ist, springt unsere Wärmepumpe gefühlt alle zehn Minuten an und wieder aus.",
        "Vierzig Starts am Tag sind zu viel. Prüf diese Punkte, bevor du den Installateur rufst:\n"
        "alle Thermostatventile ganz geöffnet\nHeizkurve schrittweise gesenkt\nSperrzeit zwischen zwei Starts",
        "Thermo_Klaus schrieb:\nalle Thermostatventile ganz geöffnet\n"
        "Danke, im Schlafzimmer waren sie fast zu. Jetzt sind es nur noch acht Starts am Tag.",
        "Sehr gut, das ist ein ordentliches Ergebnis. Beobachte es noch eine Woche und melde dich dann wieder.",
    ]
    names = ["heizungsneuling_77", "Thermo_Klaus", "heizungsneuling_77", "Thermo_Klaus"]
    parts = ["Forum\nHeizung\nWärmepumpen", "Luft-Wasser-Wärmepumpe taktet ständig"]
    for number, (name, post) in enumerate(zip(names, posts, strict=True), start=1):
        date = f"0{number}.01.2024, 19:4{number}"
        parts += [header.format(name=name, posts=100 + number, date=date, number=number), post]
    result = cleaner.clean("\n\n".join(parts) + "\n")
    for post in posts:
        for line in post.split("\n"):
            if line != "Thermo_Klaus schrieb:":
                assert line in result.text, line
    labels = removed(result)
    assert labels["Thermo_Klaus schrieb:"][0] == "comments"
    assert labels["heizungsneuling_77"][0] == "byline"


def test_a_question_and_its_answers_stay_with_comments_under_each() -> None:
    """A Q&A page: the question under the title and every answer are kept; the comments signed
    "– NAME DATE" under the question and under each answer (one, two or none) go as comments,
    with the cards and links between the posts."""
    question = [
        "I have a list of lists and I want to change a copy of it while the original stays as it was.",
        "I thought the copy method made a new list. What am I doing wrong, and how do I copy it?",
    ]
    answers = [
        [
            "The copy method makes a shallow copy: the outer list is new, but the rows inside are the same.",
            "Use copy.deepcopy instead, which copies every level of the nested list.",
        ],
        ["For two levels a comprehension is enough, and it is much faster than a deep copy of the grid."],
        ["Another option, if you work with numeric grids a lot, is an array library with its own copy."],
    ]
    comments = [
        ["Does this answer your question? How do I clone a list? – Tomas K. Apr 2, 2021 at 9:20"],
        [
            "Worth adding that deepcopy can be slow for large structures. – l_oliveira Apr 2, 2021 at 10:11",
            "True, see the other answer. – Dr. Raj Pillai Apr 3, 2021 at 11:30",
        ],
        ["This is the one I use every day, thanks. – marta_codes Apr 2, 2021 at 12:15"],
        [],
    ]
    card = "Share\nImprove this {kind}\nFollow\n{verb} Apr 2, 2021 at 9:{minute}\n{name}\n{reputation} ● 3 ● 14"
    parts = ["Questions\nTags\nUsers\nUnanswered", "Why does my list change when I modify a copy of it?"]
    parts += ["Asked 3 years ago\nViewed 41k times", "57", *question, "python\nlist\ncopy"]
    names = ["marta_codes", "raj", "nina", "sam"]
    posts = [question, *answers]
    for number, (post_comments, name) in enumerate(zip(comments, names, strict=True)):
        kind, verb = ("question", "asked") if number == 0 else ("answer", "answered")
        furniture = card.format(kind=kind, verb=verb, minute=10 + number, name=name, reputation=100 * (number + 1))
        parts += [furniture, *post_comments, "Add a comment"]
        if number == 0:
            parts += ["3 Answers\nSorted by: Highest score (default)"]
        if number + 1 < len(posts):
            parts += [str(40 - number), *posts[number + 1]]
    result = cleaner.clean("\n\n".join(parts) + "\n")
    for post in posts:
        for paragraph in post:
            assert paragraph in result.text, paragraph
    labels = removed(result)
    for post_comments in comments:
        for comment in post_comments:
            assert labels[comment][0] == "comments", comment


def test_every_product_of_a_roundup_is_kept_with_its_pros_and_cons() -> None:
    """A roundup's sections (name, verdict, specs, pros and cons lists, a shop box between
    them): a pros or cons heading announces its list as a colon does, so no product after the
    first is lost to the one-word lines between them, in English or German."""
    products = {
        "English": [
            (
                "1. Crispbake Duo 6",
                "The Duo 6 browned both of its baskets evenly, the only dual-drawer model that did.",
                "Most even browning in our tests\nTwo foods, one finish time\nQuiet fan",
                "Takes up a lot of counter space\nDrawers are heavy when full\nPricey",
            ),
            (
                "2. Hotbox Mini 3.5",
                "For under seventy dollars the Mini cooks surprisingly well, and fries came out crisp.",
                "Very affordable\nSmall footprint\nEasy to clean",
                "Basket fits two portions\nTimer dial is imprecise\nLoud",
            ),
            (
                "3. Ovenly Pro 12",
                "If you want one appliance to replace your toaster and half your oven, this is it.",
                "Roasts, toasts and bakes\nRotisserie spit included\nLarge window",
                "Slower than drawer fryers\nDoor gets greasy\nBulky",
            ),
        ],
        "German": [
            (
                "1. Barista Pro",
                "Die Barista Pro brüht den besten Espresso im Test und schäumt Milch in zwanzig Sekunden.",
                "Sehr guter Espresso\nSchneller Milchschaum\nLeise",
                "Teuer\nGroßer Wassertank fehlt\nSchwer",
            ),
            (
                "2. Caffè Uno",
                "Für unter zweihundert Euro liefert die Caffè Uno erstaunlich runden Kaffee am Morgen.",
                "Günstig\nKompakt\nEinfache Reinigung",
                "Kleiner Tank\nLaute Pumpe\nKein Display",
            ),
            (
                "3. Kaffeewerk 9",
                "Wer viele Gäste hat, bekommt mit dem Kaffeewerk neun Tassen hintereinander ohne Pause.",
                "Großer Tank\nZwei Tassen zugleich\nStabil",
                "Langsam beim Aufheizen\nSperrig\nViel Plastik",
            ),
        ],
    }
    headings = {
        "English": ("Pros", "Cons", "Check price at Amazon"),
        "German": ("Vorteile", "Nachteile", "Zum Angebot"),
    }
    intro = {
        "English": "We tested fourteen models side by side over six weeks, and these three came out on top.",
        "German": "Wir haben vierzehn Maschinen sechs Wochen lang nebeneinander getestet, und diese drei lagen vorn.",
    }
    for language, sections in products.items():
        pros, cons, shop = headings[language]
        parts = ["Home\nReviews\nDeals\nRecipes", "The best of 2026, tested and rated", intro[language]]
        for name, verdict, good, bad in sections:
            parts += [f"{name}\n{verdict}\n{pros}\n{good}\n{cons}\n{bad}\n{shop}"]
        parts += ["About us\nContact\nCareers\nImprint"]
        result = cleaner.clean("\n\n".join(parts) + "\n")
        for name, verdict, good, bad in sections:
            for line in [name, verdict, *good.split("\n"), *bad.split("\n")]:
                assert line in result.text, (language, line)
        assert "Careers" not in result.text


def test_a_table_with_cells_apart_by_bars_is_no_breadcrumb() -> None:
    """A documentation table set as "a | b | c" rows is the page's; a trail of sections joined
    by arrows above it is its breadcrumb."""
    rows = [
        "Parámetro | Tipo | Descripción",
        "timeout | entero | Segundos de espera antes de cancelar la petición",
        "reintentos | entero | Cuántas veces se repite una petición fallida",
        "cabeceras | objeto | Cabeceras que se añaden a cada petición",
    ]
    paragraphs = [
        "El cliente acepta un objeto de opciones al crearse; todas las opciones tienen un valor por defecto.",
        "Si una petición supera el tiempo de espera, el cliente la cancela y lanza un error de tipo Timeout.",
    ]
    trail = "Inicio > Documentación > Cliente HTTP"
    text = "\n\n".join([trail, "Opciones del cliente", paragraphs[0], "\n".join(rows), paragraphs[1]]) + "\n"
    result = cleaner.clean(text)
    for row in rows:
        assert row in result.text, row
    assert removed(result)[trail][0] == "nav"


def test_a_fact_box_row_shaped_as_a_house_ad_stays_in_its_box() -> None:
    """ "Starring: NAME, NAME, NAME" reads as a house ad's "Name: pitch" (a hint, evidence only
    outside the article); in a box of property rows under the headline it is a row like the
    others: the box's shape outweighs the hint."""
    box = [
        "Director: Maren Holt",
        "Starring: Clara Voss, Ruth Adeyemi, Tomas Reyes",
        "Runtime: 2h 8min",
        "Certificate: 15",
        "Release date: 20 March 2026",
    ]
    paragraphs = [
        "There is a shot about twenty minutes into the film that tells you exactly what kind of film it is.",
        "If that sounds like a test of patience, it is, a little, but the director earns every long take.",
        "Clara Voss plays the older sister, a hospital administrator who has never once been late for anything.",
    ]
    text = "\n\n".join(
        ["Film\nTV\nMusic\nBooks", "The Salt Road review – a slow, salty road movie", "\n".join(box), *paragraphs]
    )
    result = cleaner.clean(text + "\n")
    for row in box:
        assert row in result.text, row

"""Words and sentence templates per language, from which the strategies build realistic articles.

Pure data (no hypothesis here): every template names its slots as ``{slot}``; the slots are
filled from the lists of the same language, so articles read like news in that language.
Templates avoid grammatical agreement with the slot values (names, places and organisations
are used where their form does not change the sentence).
"""

from __future__ import annotations

from dataclasses import dataclass, field

NBSP = "\u00a0"
NNBSP = "\u202f"


@dataclass(frozen=True)
class Vocabulary:
    """Everything needed to write news prose and boilerplate in one language."""

    #: The jusText stoplist name, which is also the language name cleaner reports.
    language: str
    names: tuple[str, ...]
    places: tuple[str, ...]
    orgs: tuple[str, ...]
    days: tuple[str, ...]
    months: tuple[str, ...]
    #: Quoted speech without quotation marks or final punctuation.
    quotes: tuple[str, ...]
    #: Body sentences with slots; each ends with terminal punctuation.
    sentences: tuple[str, ...]
    #: Headlines with slots (used as titles and in promo links).
    headlines: tuple[str, ...]
    #: Menu entries of a news site, the home page first (``{section}`` is one of the others).
    sections: tuple[str, ...]
    #: Boilerplate templates by label (slots as in sentences, plus ``{headline}``, ``{date}``,
    #: ``{section}``, ``{timestamp}``, ``{email}``, ``{wire_name}``, ...). ``nav`` lines are menus
    #: built from ``sections``; ``nav`` templates (share bars) are mixed in where given.
    boilerplate: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Thousands separator and decimal mark for numbers.
    thousands: str = ","
    decimal: str = "."


ENGLISH = Vocabulary(
    language="English",
    names=(
        "Maria Lopez",
        "James Carter",
        "Aisha Khan",
        "Tom O'Neill",
        "Li Wei",
        "Sarah Johnson",
        "David Brown",
        "Emily Chen",
        "Kwame Mensah",
        "Rachel Green",
    ),
    places=("Chicago", "Manchester", "Toronto", "Sydney", "Boston", "Leeds", "Denver", "Cape Town", "Dublin"),
    orgs=(
        "the Commerce Department",
        "the city council",
        "Reuters",
        "the World Bank",
        "Acme Corp.",
        "the EU",
        "the Federal Reserve",
        "Google",
    ),
    days=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    months=("January", "March", "May", "June", "August", "October", "November", "December"),
    quotes=(
        "We will not wait any longer",
        "This is a good day for everyone in the city",
        "Nobody expected the numbers to be this high",
        "We have to be honest about what went wrong",
        "It is too early to say what this means for families",
    ),
    sentences=(
        "{name} said on {day} that {org} would review the plan before the end of the year.",
        "About {number} people are expected to attend the meeting in {place}, according to {org}.",
        "“{quote},” {name} told reporters in {place}.",
        "{name} gave one reason for the delay: costs had risen by {percent} percent since {year}.",
        "Prices in {place} rose {percent}% in {month}, the fastest pace in {small} years.",
        "Why did it take so long?",
        "According to {org}, {number} households were still without power on {day}.",
        "The decision, which was announced late on {day}, surprised many residents of {place}.",
        "{name}, who has worked in {place} since {year}, declined to comment.",
        "It is not the first time that {place} has faced such a problem.",
        "In {month} {year}, the council approved a budget of ${money} million for the project.",
        "Critics say the plan does not go far enough, and they have asked {org} for more details.",
        "{name} said: “{quote}.”",
        "Officials offered a simple explanation: there was not enough money.",
        "The company, founded in {year}, employs more than {number} people in {place} and abroad.",
        "That is still {small} times more than in {year}, the report shows.",
    ),
    headlines=(
        "{place} council approves new budget for schools",
        "Why prices in {place} keep rising",
        "What the new rules mean for your money",
        "{number} jobs at risk as {org} cuts costs",
        "How {place} plans to fix its housing crisis",
        "{name} on the year ahead",
    ),
    sections=(
        "Home",
        "News",
        "World",
        "Politics",
        "Business",
        "Tech",
        "Science",
        "Health",
        "Sport",
        "Culture",
        "Opinion",
        "Video",
        "Podcasts",
        "Weather",
    ),
    boilerplate={
        "cta": (
            "Sign up for our daily newsletter",
            "Subscribe now for just $1 a week",
            "We use cookies to improve your experience. Accept all cookies",
            "Want us to notify you of price drops and the latest stories?",
            "No, thank you",
            "Turn on notifications",
            "Join the conversation: leave a comment below",
            "Download our free app",
            "You can unsubscribe at any time.",
            "No spam, we promise. You can unsubscribe at any time.",
            "Thanks for signing up!",
            "Keep an eye on your inbox.",
            "Subscribe to our sister magazine for the best stories from {place} every week.",
            "Like this story? Share it with a friend!",
            "CLICK HERE TO GET OUR FREE APP",
            "GET BREAKING NEWS IN YOUR BROWSER. CLICK HERE TO TURN ON NOTIFICATIONS.",
        ),
        "promo": (
            "MORE: {headline}",
            "READ MORE: {headline}",
            "Related: {headline}",
            "SEE ALSO: {headline}",
            "Also read: {headline}",
            "Advertisement",
            "Sponsored: {headline}",
            "More:",
            "More Great {section} Stories",
            "Don't miss",
            "DON'T MISS: {headline}",
            "Most read in {section}",
            "Story continues below gallery",
        ),
        "caption": (
            "{name} speaks to reporters in {place} on {day}.",
            "A view of {place} at dusk.",
            "Protesters gather outside the offices of {org} in {place}.",
            "{name} speaks to reporters in {place} on {day}. {wire_name} / AFP",
            "Residents clear the streets of {place} after the storm. (AP Photo/{name})",
            "A view of {place} at dusk. Photograph by {name}",
            "Firefighters work through the night in {place} Credit: Getty Images",
        ),
        "credit": (
            "Photo: {name}/Reuters",
            "{name} / AFP / Getty Images",
            "Image: {org}",
            "Getty Images",
            "Photograph: {name}/AP",
            "Image copyright Getty Images",
            "Image copyright {name}",
            "Submitted photo",
            "File photo",
        ),
        "dateline": (
            "Published {date}",
            "Updated {time} ET, {date}",
            "Last updated: {date}",
            "Originally published {date}.",
            "{timestamp}",
        ),
        "byline": ("By {name}", "By {name} and {name}", "{name}, Staff Writer", "Staff Reports"),
        "legal": (
            "© {year} {org}. All rights reserved.",
            "Copyright © {year} Example Media Group",
            "Terms of Use | Privacy Policy | Cookie Settings",
            "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        ),
        "bio": (
            "{name} is a senior reporter covering politics and the economy.",
            "{name} writes about technology from {place}.",
            "Write to {name} at {email}",
            "{name} is a Staff Writer at Example News.",
            "{name} is a Senior Correspondent based in {place}.",
            # A press release's "about the company" paragraph, which ends the story.
            "Northwind Systems (NYSE: NWS) is a leading provider of payment software for retailers in {place}.",
            "Contoso, founded in {year}, is a global leader in logistics software.",
            "Fabrikam is headquartered in {place} and employs more than {number} people worldwide.",
        ),
        "comments": (
            "{small} comments",
            "Show comments",
            "Comments are closed.",
            "Name *",
            "Save my name, email, and website in this browser for the next time I comment.",
            "Notify me of follow-up comments by email.",
            "Post Comment",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
        ),
        "embed": ("— {name} (@{handle}) {date}", "pic.twitter.com/{handle}"),
        "nav": ("Share this article", "Share on Facebook", "Copy Link URL Copied!"),
    },
)

GERMAN = Vocabulary(
    language="German",
    names=(
        "Anna Schmidt",
        "Jürgen Müller",
        "Leyla Özdemir",
        "Thomas Weber",
        "Katrin Hoffmann",
        "Paul Wagner",
        "Sophie Becker",
        "Mehmet Yılmaz",
    ),
    places=("Berlin", "München", "Hamburg", "Köln", "Leipzig", "Stuttgart", "Dresden", "Wien", "Zürich"),
    orgs=("Siemens", "Eurostat", "Greenpeace", "Volkswagen", "Reuters", "Verdi"),
    days=("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    months=("Januar", "März", "Mai", "Juni", "August", "Oktober", "November", "Dezember"),
    quotes=(
        "Wir werden nicht länger warten",
        "Das ist ein guter Tag für die ganze Stadt",
        "Niemand hat mit so hohen Zahlen gerechnet",
        "Wir müssen ehrlich sagen, was schiefgelaufen ist",
    ),
    sentences=(
        "{name} sagte am {day}, dass die Regierung den Plan noch in diesem Jahr prüfen werde.",
        "Nach Angaben von {org} nahmen rund {number} Menschen an der Versammlung in {place} teil.",
        "„{quote}“, sagte {name} am {day} in {place}.",
        "Die Preise in {place} stiegen im {month} um {percent} Prozent, so stark wie seit {small} Jahren nicht mehr.",
        "Warum hat das so lange gedauert?",
        "{name} nannte einen Grund für die Verzögerung: Die Kosten seien seit {year} um {percent} Prozent gestiegen.",
        "Die Entscheidung wurde am späten {day}abend bekannt und überraschte viele Menschen in {place}.",
        "{name} wollte sich am {day} nicht dazu äußern.",
        "Es ist nicht das erste Mal, dass {place} mit einem solchen Problem zu kämpfen hat.",
        "Im {month} {year} hatte der Stadtrat ein Budget von {money} Millionen Euro für das Projekt beschlossen.",
        "Kritiker sagen, der Plan gehe nicht weit genug, und verlangen von {org} mehr Details.",
        "Das Unternehmen wurde {year} gegründet und beschäftigt heute mehr als {number} Mitarbeiter.",
        "{name} sagte: „{quote}.“",
        "Die Behörden hatten eine einfache Erklärung: Es fehlte an Geld.",
    ),
    headlines=(
        "{place}: Stadtrat beschließt neuen Haushalt",
        "Warum die Preise in {place} weiter steigen",
        "Was die neuen Regeln für Verbraucher bedeuten",
        "{org} streicht {number} Stellen",
    ),
    sections=(
        "Startseite",
        "Politik",
        "Wirtschaft",
        "Panorama",
        "Sport",
        "Kultur",
        "Wissen",
        "Digital",
        "Reise",
        "Meinung",
    ),
    boilerplate={
        "cta": (
            "Newsletter abonnieren",
            "Jetzt für 1 Euro testen",
            "Wir verwenden Cookies. Alle akzeptieren",
            "Kommentieren Sie diesen Artikel",
            "Jetzt abonnieren",
        ),
        "promo": (
            "Lesen Sie auch: {headline}",
            "Mehr zum Thema: {headline}",
            "Anzeige",
            "MEHR: {headline}",
            "Das könnte Sie auch interessieren",
            "Ähnliche Artikel",
        ),
        "caption": ("{name} spricht am {day} in {place} mit Journalisten.", "Blick auf {place} am Abend."),
        "credit": ("Foto: dpa", "Foto: {name}/dpa", "Bild: {org}", "© {name}/Reuters"),
        "dateline": ("Veröffentlicht am {date}", "Stand: {date}, {time} Uhr", "Aktualisiert am {date}", "{timestamp}"),
        "byline": ("Von {name}", "Von {name} und {name}"),
        "legal": ("© {year} {org}. Alle Rechte vorbehalten.", "Impressum | Datenschutz | AGB"),
        "bio": ("{name} schreibt für das Ressort Wirtschaft.",),
        "comments": (
            "{small} Kommentare",
            "Kommentare anzeigen",
            "Hinterlasse einen Kommentar",
            "Antworten abbrechen",
            "Kommentar schreiben",
        ),
        "embed": ("— {name} (@{handle}) {date}",),
    },
    thousands=".",
    decimal=",",
)

FRENCH = Vocabulary(
    language="French",
    names=(
        "Camille Dubois",
        "Jean-Pierre Martin",
        "Amélie Laurent",
        "Karim Benali",
        "Lucie Moreau",
        "François Petit",
        "Inès Garnier",
    ),
    places=("Paris", "Lyon", "Marseille", "Bordeaux", "Lille", "Nantes", "Genève", "Montréal"),
    orgs=("l'Insee", "Greenpeace", "Renault", "l'Unesco", "Reuters", "la mairie"),
    days=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    months=("janvier", "mars", "mai", "juin", "août", "octobre", "novembre", "décembre"),
    quotes=(
        "Nous n'allons pas attendre plus longtemps",
        "C'est une bonne journée pour toute la ville",
        "Personne ne s'attendait à des chiffres aussi élevés",
        "Il faut dire honnêtement ce qui n'a pas marché",
    ),
    sentences=(
        "{name} a déclaré {day} que le gouvernement examinerait le projet avant la fin de l'année.",
        "Selon {org}, environ {number} personnes ont participé à la réunion à {place}.",
        f"«{NBSP}{{quote}}{NBSP}», a déclaré {{name}} à {{place}}.",
        f"Les prix ont augmenté de {{percent}}{NBSP}% en {{month}} à {{place}}, du jamais vu depuis {{small}} ans.",
        f"Pourquoi cela a-t-il pris autant de temps{NBSP}?",
        f"{{name}} a donné une raison{NBSP}: les coûts ont augmenté de {{percent}}{NBSP}% depuis {{year}}.",
        "La décision, annoncée {day} soir, a surpris de nombreux habitants de {place}.",
        "Ce n'est pas la première fois que {place} fait face à un tel problème.",
        "En {month} {year}, le conseil municipal avait approuvé un budget de {money} millions d'euros.",
        "Les critiques estiment que le plan ne va pas assez loin et demandent plus de détails.",
        "L'entreprise, fondée en {year}, emploie plus de {number} personnes.",
        "{name} n'a pas souhaité faire de commentaire.",
    ),
    headlines=(
        f"{{place}}{NBSP}: le conseil municipal adopte un nouveau budget",
        "Pourquoi les prix continuent d'augmenter à {place}",
        "Ce que les nouvelles règles changent pour vous",
        "Renault va supprimer {number} emplois",
    ),
    sections=("Accueil", "Politique", "International", "Économie", "Société", "Culture", "Sport", "Sciences", "Idées"),
    boilerplate={
        "cta": (
            "Abonnez-vous à notre newsletter",
            "Nous utilisons des cookies. Tout accepter",
            "Recevez nos alertes",
            "Réagissez à cet article",
            "Abonnez-vous au magazine à partir de 1 € par mois",
        ),
        "promo": (
            f"À lire aussi{NBSP}: {{headline}}",
            f"Lire aussi{NBSP}: {{headline}}",
            "Publicité",
            "Vous aimerez aussi",
            "Articles similaires",
        ),
        "caption": (
            "{name} lors d'une conférence de presse à {place}, {day}.",
            "Vue de {place} au coucher du soleil.",
            "Vue de {place} au coucher du soleil. {wire_name} / AFP",
            "{name} lors d'une conférence de presse à {place}, {day}. {wire_name} / AFP",
        ),
        "credit": (f"Photo{NBSP}: {{name}} / AFP", "© AFP", "Crédit photo : Reuters"),
        "dateline": ("Publié le {date} à {time}", "Mis à jour le {date}", "{timestamp}"),
        "byline": ("Par {name}", "Par {name} et {name}"),
        "legal": ("© {year} Le Journal. Tous droits réservés.", "Mentions légales | Politique de confidentialité"),
        "bio": ("{name} est journaliste au service économie.",),
        "comments": (
            "{small} commentaires",
            "Voir les commentaires",
            "Laisser un commentaire",
            "Annuler la réponse",
            "Laisser un commentaire Annuler la réponse",
        ),
        "embed": ("— {name} (@{handle}) {date}",),
    },
    thousands=NNBSP,
    decimal=",",
)

SPANISH = Vocabulary(
    language="Spanish",
    names=(
        "Lucía García",
        "Carlos Fernández",
        "María José Ruiz",
        "Javier Martínez",
        "Ana Torres",
        "Diego Sánchez",
        "Valentina Gómez",
    ),
    places=("Madrid", "Barcelona", "Sevilla", "Valencia", "Bilbao", "Buenos Aires", "Ciudad de México", "Lima"),
    orgs=("el INE", "Greenpeace", "Telefónica", "la OMS", "Reuters", "el ayuntamiento"),
    days=("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    months=("enero", "marzo", "mayo", "junio", "agosto", "octubre", "noviembre", "diciembre"),
    quotes=(
        "No vamos a esperar más",
        "Es un buen día para toda la ciudad",
        "Nadie esperaba unas cifras tan altas",
        "Tenemos que ser honestos sobre lo que salió mal",
    ),
    sentences=(
        "{name} dijo el {day} que el Gobierno revisará el plan antes de que termine el año.",
        "Según {org}, unas {number} personas asistieron a la reunión en {place}.",
        "«{quote}», dijo {name} en {place}.",
        "Los precios en {place} subieron un {percent} % en {month}, el mayor aumento en {small} años.",
        "¿Por qué tardó tanto?",
        "{name} dio una razón: los costes han subido un {percent} % desde {year}.",
        "La decisión, anunciada el {day} por la noche, sorprendió a muchos vecinos de {place}.",
        "No es la primera vez que {place} se enfrenta a un problema así.",
        "En {month} de {year}, el ayuntamiento aprobó un presupuesto de {money} millones de euros para el proyecto.",
        "Los críticos dicen que el plan no va lo suficientemente lejos y piden más detalles.",
        "La empresa, fundada en {year}, emplea a más de {number} personas.",
        "{name} declinó hacer comentarios.",
    ),
    headlines=(
        "{place} aprueba un nuevo presupuesto para las escuelas",
        "Por qué siguen subiendo los precios en {place}",
        "Lo que cambian las nuevas normas",
        "Telefónica recortará {number} empleos",
    ),
    sections=("Portada", "España", "Internacional", "Economía", "Sociedad", "Cultura", "Deportes", "Opinión"),
    boilerplate={
        "cta": (
            "Suscríbete a nuestro boletín",
            "Utilizamos cookies. Aceptar todas",
            "Activa las notificaciones",
            "Deja tu comentario",
            "Suscríbete a la revista por 1 euro al mes",
        ),
        "promo": (
            "Lea también: {headline}",
            "Te puede interesar: {headline}",
            "Más información: {headline}",
            "Publicidad",
            "Artículos relacionados",
            "También te puede gustar",
        ),
        "caption": ("{name} habla con la prensa en {place} el {day}.", "Vista de {place} al atardecer."),
        "credit": ("Foto: EFE", "Foto: {name} / EFE", "Imagen: Reuters"),
        "dateline": ("Publicado el {date}", "Actualizado: {date} - {time}", "{timestamp}"),
        "byline": ("Por {name}", "{name} | {place}"),
        "legal": ("© {year} Diario Ejemplo. Todos los derechos reservados.", "Aviso legal | Política de privacidad"),
        "bio": ("{name} es periodista de la sección de Economía.",),
        "comments": ("{small} comentarios", "Ver comentarios", "Deja un comentario", "Cancelar respuesta"),
        "embed": ("— {name} (@{handle}) {date}",),
    },
    thousands=".",
    decimal=",",
)

RUSSIAN = Vocabulary(
    language="Russian",
    names=(
        "Анна Иванова",
        "Сергей Петров",
        "Ольга Смирнова",
        "Дмитрий Кузнецов",
        "Елена Попова",
        "Игорь Соколов",
        "Мария Волкова",
    ),
    # Places and months are in the prepositional case: templates use them after "в".
    places=("Москве", "Казани", "Самаре", "Новосибирске", "Екатеринбурге", "Санкт-Петербурге"),
    orgs=("ВОЗ", "МВФ", "ООН", "РЖД", "ТАСС", "Росстата"),
    days=("в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"),
    months=("январе", "марте", "мае", "июне", "августе", "октябре", "ноябре", "декабре"),
    quotes=(
        "Мы больше не будем ждать",
        "Это хороший день для всего города",
        "Никто не ожидал таких высоких цифр",
        "Нужно честно сказать, что пошло не так",
    ),
    sentences=(
        "{name} говорит, что правительство рассмотрит план до конца года.",
        "По данным {org}, на встречу в {place} пришли около {number} человек.",
        "«{quote}», — говорит {name}.",
        "Цены в {place} выросли на {percent}% в {month}, это самый быстрый рост за {small} лет.",
        "Почему это заняло так много времени?",
        "{name} называет одну причину: расходы выросли на {percent}% с {year} года.",
        "Решение, объявленное {day} вечером, удивило многих жителей города.",
        "Это уже не первый раз, когда город сталкивается с такой проблемой.",
        "В {month} {year} года городской совет утвердил бюджет проекта в размере {money} млн рублей.",
        "Критики считают, что план недостаточно амбициозен, и просят больше информации.",
        "Компания, основанная в {year} году, сегодня насчитывает более {number} сотрудников.",
        "{name} пока не комментирует это решение.",
    ),
    headlines=(
        "Власти утвердили новый бюджет города",
        "Почему цены в {place} продолжают расти",
        "Что изменят новые правила",
        "РЖД сократит {number} рабочих мест",
    ),
    sections=("Главная", "Новости", "Политика", "Экономика", "Общество", "Культура", "Спорт", "Наука"),
    boilerplate={
        "cta": (
            "Подпишитесь на нашу рассылку",
            "Мы используем файлы cookie. Принять все",
            "Включите уведомления",
            "Оставьте комментарий",
            "Подпишитесь на наш журнал",
        ),
        "promo": ("Читайте также: {headline}", "По теме: {headline}", "Реклама", "Похожие статьи"),
        "caption": ("{name} на пресс-конференции {day}.", "Вид на город вечером."),
        "credit": ("Фото: ТАСС", "Фото: {name} / ТАСС", "Фото: РИА Новости"),
        "dateline": ("Опубликовано {date}", "Обновлено {date} в {time}", "{timestamp}"),
        "byline": ("Автор: {name}", "Текст: {name}"),
        "legal": ("© {year} Пример Медиа. Все права защищены.", "Политика конфиденциальности"),
        "bio": ("{name} — корреспондент отдела экономики.",),
        "comments": ("Комментарии ({small})", "Показать комментарии"),
        "embed": ("— {name} (@{handle}) {date}",),
    },
    thousands=NBSP,
    decimal=",",
)

#: Every language the strategies can write, by the name cleaner's language detection reports.
VOCABULARIES: dict[str, Vocabulary] = {v.language: v for v in (ENGLISH, GERMAN, FRENCH, SPANISH, RUSSIAN)}

#: Boilerplate labels the strategies can generate (``title`` is placed by ``articles`` itself).
BOILERPLATE_LABELS: tuple[str, ...] = (
    "nav",
    "cta",
    "promo",
    "caption",
    "credit",
    "dateline",
    "byline",
    "legal",
    "bio",
    "comments",
    "embed",
)

"""Write sentences, paragraphs, headlines and boilerplate from a vocabulary and a ``random.Random``.

Plain Python, no hypothesis: the strategies draw only the structure and a seed per piece, and
this module turns the seed into words. That keeps a generated article to a few dozen draws, so
thousands of articles fit in a CI budget, while shrinking still removes whole lines.
"""

from __future__ import annotations

import string
import unicodedata
from functools import cache
from random import Random

from .vocabulary import Vocabulary

_HANDLES = ("citynews", "maria_lopez", "acme", "newsdesk", "wx_alerts")
_NAV_JOINERS = (" ", " | ", " · ", " › ", " / ", " > ")


@cache
def _parsed(template: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((literal, field) for literal, field, _, _ in string.Formatter().parse(template))


def _grouped(number: int, separator: str) -> str:
    digits = str(number)
    head = len(digits) % 3 or 3
    return separator.join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


def _date(vocab: Vocabulary, rng: Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randrange(len(vocab.months)), rng.randint(2015, 2025)
    name = vocab.months[month]
    if vocab.date_format:
        return vocab.date_format.format(day=day, month=name, year=year)
    return {
        "English": f"{name} {day}, {year}",
        "German": f"{day}. {name} {year}",
        "French": f"{day} {name} {year}",
        "Spanish": f"{day} de {name} de {year}",
        "Italian": f"{day} {name} {year}",
        "Portuguese": f"{day} de {name} de {year}",
        "Dutch": f"{day} {name} {year}",
        "Polish": f"{day} {name} {year}",  # the months are written in the genitive a date takes
        "Swedish": f"{day} {name} {year}",
        "Danish": f"{day}. {name} {year}",
        "Czech": f"{day}. {name} {year}",  # the months are written in the genitive a date takes
        "Romanian": f"{day} {name} {year}",
        "Turkish": f"{day} {name} {year}",
        "Ukrainian": f"{day} {name} {year}",  # the months are written in the genitive a date takes
    }.get(vocab.language, f"{day:02}.{month + 1:02}.{year}")  # numeric where months decline (Russian)


def _time(vocab: Vocabulary, rng: Random) -> str:
    if vocab.language == "English":
        return f"{rng.randint(1, 12)}:{rng.randint(0, 59):02} {rng.choice(('AM', 'PM'))}"
    return f"{rng.randint(0, 23)}:{rng.randint(0, 59):02}"


def _timestamp(rng: Random) -> str:
    """An ISO 8601 date or timestamp, as pages print their machine-readable metadata."""
    date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
    hour, minute, second = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    offset = f"{rng.choice('+-')}{rng.randint(0, 11):02}:00"
    return rng.choice(
        (
            f"{date}T{hour:02}:{minute:02}:{second:02}{offset}",
            f"{date} {hour:02}:{minute:02}:{second:02}Z",
            f"{date}T{hour:02}:{minute:02}",
            date,
        )
    )


def _email(vocab: Vocabulary, rng: Random) -> str:
    """A staff address made from one of the names (``maria.lopez@example.com``)."""
    ascii_name = unicodedata.normalize("NFKD", rng.choice(vocab.names)).encode("ascii", "ignore").decode()
    local = ".".join("".join(c for c in part if c.isalnum()) for part in ascii_name.lower().split())
    return f"{local.strip('.') or 'newsdesk'}@example.com"


def _wire_name(vocab: Vocabulary, rng: Random) -> str:
    """A photographer's name as wire captions sign it, the surname in capitals (``Maria LOPEZ``)."""
    first, _, surname = rng.choice(vocab.names).rpartition(" ")
    return f"{first} {surname.upper()}" if first else surname.upper()


def slot(vocab: Vocabulary, name: str, rng: Random) -> str:
    """One value for the template slot ``name``."""
    if name in ("name", "place", "org", "day", "month", "quote"):
        return rng.choice(
            getattr(
                vocab,
                {
                    "name": "names",
                    "place": "places",
                    "org": "orgs",
                    "day": "days",
                    "month": "months",
                    "quote": "quotes",
                }[name],
            )
        )
    if name == "number":
        return _grouped(rng.randint(12, 250_000), vocab.thousands)
    if name in ("percent", "money"):
        tenths = rng.randint(11, 999) if name == "percent" else rng.randint(15, 9_999)
        return f"{tenths // 10}{vocab.decimal}{tenths % 10}"
    if name == "year":
        return str(rng.randint(1990, 2025))
    if name == "small":
        return str(rng.randint(2, 40))
    if name == "date":
        return _date(vocab, rng)
    if name == "time":
        return _time(vocab, rng)
    if name == "handle":
        return rng.choice(_HANDLES)
    if name == "section":
        return rng.choice(vocab.sections[1:])  # a desk, not the home page
    if name == "timestamp":
        return _timestamp(rng)
    if name == "email":
        return _email(vocab, rng)
    if name == "wire_name":
        return _wire_name(vocab, rng)
    if name == "headline":
        return headline(vocab, rng)
    raise ValueError(f"unknown template slot {{{name}}} in the {vocab.language} vocabulary")


def fill(template: str, vocab: Vocabulary, rng: Random) -> str:
    """The template with each ``{slot}`` filled independently (``{name} and {name}`` may differ)."""
    out: list[str] = []
    for literal, field in _parsed(template):
        out.append(literal)
        if field is not None:
            out.append(slot(vocab, field, rng))
    return "".join(out)


def sentence(vocab: Vocabulary, rng: Random) -> str:
    """One news sentence ending in terminal punctuation (one full stop after an abbreviation
    that ends it, "Acme Corp.", as writers set it)."""
    text = fill(rng.choice(vocab.sentences), vocab, rng)
    return text[:-1] if text.endswith("..") and not text.endswith("...") else text


def paragraph(vocab: Vocabulary, rng: Random, sentences: int) -> str:
    """``sentences`` sentences on one line, set apart as the language sets them."""
    return vocab.sentence_joiner.join(sentence(vocab, rng) for _ in range(sentences))


def headline(vocab: Vocabulary, rng: Random) -> str:
    """A headline, without a final full stop."""
    return fill(rng.choice(vocab.headlines), vocab, rng)


def nav(vocab: Vocabulary, rng: Random) -> str:
    """A menu or breadcrumb flattened to one line."""
    items = rng.sample(vocab.sections, rng.randint(2, min(9, len(vocab.sections))))
    return rng.choice(_NAV_JOINERS).join(items)


def boilerplate_line(vocab: Vocabulary, label: str, rng: Random) -> str:
    """One line of boilerplate of ``label`` in the vocabulary's language."""
    templates = vocab.boilerplate.get(label)
    if label == "nav":
        # A menu, or one line in four a share-bar template where the language has them (drawn
        # after the menu, so a seed writes the menu it always wrote or that template).
        menu = nav(vocab, rng)
        return fill(rng.choice(templates), vocab, rng) if templates and rng.random() < 0.25 else menu
    if not templates:
        raise ValueError(f"no {label!r} boilerplate in the {vocab.language} vocabulary")
    return fill(rng.choice(templates), vocab, rng)

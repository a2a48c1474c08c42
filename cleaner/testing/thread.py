"""Forum threads with a gold label on every line (no hypothesis needed here): pages that are not
one article, whose every post must be kept.

A thread page is a menu, the thread's title, then its posts: each one its author's name and the
date (``byline``, ``dateline``), one or two paragraphs (``body``) and its reply links
(``comments``); under the last post a list of similar threads (``promo``) and a legal line.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from . import writer
from .article import Article, Line
from .vocabulary import Vocabulary

#: What a forum shows under each post, by language: the reply and quote links.
REPLY_LINKS: dict[str, tuple[str, ...]] = {
    "English": ("Reply", "Quote"),
    "German": ("Antworten", "Zitieren"),
    "French": ("Répondre", "Citer"),
    "Spanish": ("Responder", "Citar"),
    "Russian": ("Ответить", "Цитировать"),
    "Italian": ("Rispondi", "Cita"),
    "Portuguese": ("Responder", "Citar"),
    "Dutch": ("Reageren", "Citeren"),
    "Polish": ("Odpowiedz", "Cytuj"),
    "Swedish": ("Svara", "Citera"),
    "Danish": ("Svar", "Citér"),
    "Czech": ("Odpovědět", "Citovat"),
    "Romanian": ("Răspunde", "Citează"),
    "Turkish": ("Yanıtla", "Alıntıla"),
    "Ukrainian": ("Відповісти", "Цитувати"),
    "Hungarian": ("Válasz", "Idézet"),
    "Finnish": ("Vastaa", "Lainaa"),
    "Greek": ("Απάντηση", "Παράθεση"),
    "Chinese": ("回复", "引用"),
    "Japanese": ("返信", "引用"),
}
#: How a member's name is written: lower-case first name, then a suffix.
_SUFFIXES = ("", "_{n}", "{n}", ".{l}", "_{l}{l}")


@dataclass(frozen=True, slots=True)
class ThreadPlan:
    """What to write: the seed of every word, how many posts, whether the links stand on one line."""

    seed: int
    posts: int
    links_on_one_line: bool = False


def build_thread(vocab: Vocabulary, plan: ThreadPlan) -> Article:
    """The thread ``plan`` describes, in the vocabulary's language."""
    if plan.posts < 2:
        raise ValueError("a thread has at least two posts")
    links = REPLY_LINKS.get(vocab.language)
    if links is None:
        raise ValueError(f"no forum words for {vocab.language}")
    rng = Random(plan.seed)
    members = sorted({_member(vocab, rng) for _ in range(max(2, plan.posts // 2 + 1))})
    while len(members) < 2:  # (two draws may give one name)
        members = sorted({*members, _member(vocab, rng)})
    units: list[list[Line]] = [[Line(section, "nav")] for section in vocab.sections[:5]]
    units.append([Line(writer.headline(vocab, rng), "title")])
    author = ""
    for _ in range(plan.posts):
        author = rng.choice(
            [member for member in members if member != author]
        )  # (a forum merges a member's posts in a row)
        units.append([Line(author, "byline"), Line(writer.slot(vocab, "date", rng), "dateline")])
        for _ in range(1 + rng.randrange(2)):
            units.append([Line(writer.paragraph(vocab, rng, 1 + rng.randrange(3)), "body")])
        if plan.links_on_one_line:
            units.append([Line(" ".join(links), "comments")])
        else:
            units.append([Line(link, "comments") for link in links])
    units.append([Line(writer.headline(vocab, rng), "promo") for _ in range(3)])
    if vocab.boilerplate.get("legal"):
        units.append([Line(writer.boilerplate_line(vocab, "legal", rng), "legal")])
    return Article.from_units(units, "\n\n", "\n", vocab.language)


def _member(vocab: Vocabulary, rng: Random) -> str:
    """A member's name as forums show it ("anna_83", "tom.k")."""
    first = rng.choice(vocab.names).split()[0].lower()
    suffix = rng.choice(_SUFFIXES).format(n=rng.randint(1, 99), l=chr(ord("a") + rng.randrange(26)))
    return first + suffix

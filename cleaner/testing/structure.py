"""Structured articles: a lead and sections under subheads (prose, lists, tables, recipes, code),
furniture between the sections and a comment counter under the headline, every line labelled.

Plain Python, no hypothesis: a ``Plan`` says what the article holds and ``build`` writes it from a
vocabulary, so the strategy (``strategies.structured_articles``) draws plans and the structured
benchmark (``benchmarks/structured.py``) builds its own from seeds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from random import Random

from . import writer
from .article import Article, Line, Section
from .vocabulary import Vocabulary

#: What a section after the lead can be.
STRUCTURES: tuple[str, ...] = ("paragraphs", "bullets", "numbered", "table", "recipe", "code")
#: Furniture kinds set between sections, and the labels of their lines (a byline block is a byline
#: and a dateline; a table of contents is its heading and one line per subhead).
FURNITURE: dict[str, tuple[str, ...]] = {
    "ad": ("promo",),
    "share": ("nav",),
    "gallery": ("caption",),
    "newsletter": ("cta",),
    "byline": ("byline", "dateline"),
    "toc": ("nav",),
}
#: Paragraph separator and line break of a structured article (lines of a list, a table or a
#: block of code stand on consecutive lines; a page flattened to one line per block has no blank lines).
LAYOUTS: tuple[tuple[str, str], ...] = (("\n\n", "\n"), ("\r\n\r\n", "\r\n"), ("\n\n\n", "\n"), ("\n", "\n"))
_BULLETS = ("• ", "- ", "* ", "– ")
_CELL_JOINERS = ("\t", "  ", " \t ")
#: Code is the same in every language.
CODE: tuple[tuple[str, ...], ...] = (
    ("def total(prices):", "    return sum(prices)"),
    ("pip install cleaner",),
    ("SELECT name, city FROM readers", "WHERE city = 'Boston'", "ORDER BY name;"),
    ("for item in items:", "    print(item.name, item.price)"),
    ('curl -s "https://example.com/api/v1/items?page=2"',),
    ("const total = prices.reduce((a, b) => a + b, 0);", "console.log(total);"),
)


@dataclass(frozen=True, slots=True)
class Plan:
    """What one structured article holds; its words come from ``seed``.

    ``sections`` are the kinds (``STRUCTURES``) of the sections after the lead; ``furniture`` has
    one entry per section, the furniture kind (``FURNITURE``) set just before it or None.
    """

    seed: int
    sections: tuple[str, ...]
    furniture: tuple[str | None, ...]
    comment_counter: bool = False
    byline: bool = False
    title: bool = True
    footer: bool = False
    layout: tuple[str, str] = LAYOUTS[0]

    def __post_init__(self) -> None:
        if len(self.furniture) != len(self.sections):
            raise ValueError("a plan needs one furniture entry (a kind or None) per section")
        unknown = [s for s in self.sections if s not in STRUCTURES] + [
            f for f in self.furniture if f is not None and f not in FURNITURE
        ]
        if unknown:
            raise ValueError(f"unknown section or furniture kinds {unknown}; known: {STRUCTURES}, {tuple(FURNITURE)}")
        if self.furniture.count("toc") > 1:
            raise ValueError("a page has one table of contents: at most one 'toc' in a plan's furniture")


def one_contents(furniture: Sequence[str | None]) -> tuple[str | None, ...]:
    """``furniture`` with every table of contents after the first left out (None): a page lists
    its sections once."""
    first = furniture.index("toc") if "toc" in furniture else len(furniture)
    return tuple(None if kind == "toc" and at > first else kind for at, kind in enumerate(furniture))


def build(vocab: Vocabulary, plan: Plan) -> Article:
    """The article ``plan`` describes, in the vocabulary's language, with its sections recorded."""
    if not vocab.subheads or not vocab.furniture:
        raise ValueError(f"the {vocab.language} vocabulary has no words for structured articles")
    rng = Random(plan.seed)
    units: list[tuple[int | None, list[Line]]] = []  # (the section a unit belongs to, or None; its lines)
    subheads = _distinct(vocab, vocab.subheads, len(plan.sections), rng)
    if plan.title:
        units.append((None, [Line(writer.headline(vocab, rng), "title")]))
    if plan.comment_counter:
        units.append((None, [Line(writer.fill(rng.choice(vocab.furniture["counter"]), vocab, rng), "comments")]))
    if plan.byline:
        units.append((None, furniture_lines(vocab, "byline", rng, subheads)))
    for _ in range(1 + rng.randrange(2)):
        units.append((0, [Line(writer.paragraph(vocab, rng, 1 + rng.randrange(3)), "body")]))
    for number, (kind, before, subhead) in enumerate(zip(plan.sections, plan.furniture, subheads, strict=True), 1):
        if before is not None:
            units.append((None, furniture_lines(vocab, before, rng, subheads)))
        units.extend((number, lines) for lines in _section(vocab, kind, subhead, rng))
    if plan.footer and vocab.boilerplate.get("legal"):
        units.append((None, [Line(writer.boilerplate_line(vocab, "legal", rng), "legal")]))
    separator, line_break = plan.layout
    article = Article.from_units([lines for _, lines in units], separator, line_break, vocab.language)
    spans: list[list[int]] = [[] for _ in range(len(plan.sections) + 1)]
    index = 0
    for section, lines in units:
        if section is not None:
            spans[section].extend(range(index, index + len(lines)))
        index += len(lines)
    kinds = ("lead", *plan.sections)
    return replace(article, sections=tuple(Section(kind, tuple(s)) for kind, s in zip(kinds, spans, strict=True)))


def _distinct(vocab: Vocabulary, templates: Sequence[str], count: int, rng: Random) -> list[str]:
    """``count`` filled templates, distinct while the templates last."""
    order = list(templates)
    rng.shuffle(order)
    return [writer.fill(order[i % len(order)], vocab, rng) for i in range(count)]


def furniture_lines(vocab: Vocabulary, kind: str, rng: Random, subheads: Sequence[str]) -> list[Line]:
    """One piece of furniture: its lines, labelled (``FURNITURE``); a table of contents lists
    ``subheads``."""
    if kind == "byline":
        return [
            Line(writer.fill(rng.choice(vocab.furniture["byline"]), vocab, rng), "byline"),
            Line(writer.fill(rng.choice(vocab.furniture["dateline"]), vocab, rng), "dateline"),
        ]
    if kind == "toc":
        heading = Line(writer.fill(rng.choice(vocab.furniture["toc"]), vocab, rng), "nav")
        return [heading, *(Line(subhead, "nav") for subhead in subheads)]
    (label,) = FURNITURE[kind]
    return [Line(writer.fill(rng.choice(vocab.furniture[kind]), vocab, rng), label)]


def _section(vocab: Vocabulary, kind: str, subhead: str, rng: Random) -> list[list[Line]]:
    """A section's units: its subhead, then prose, a list, a table, a recipe or code (all body)."""
    units = [[Line(subhead, "body")]]

    def body(*texts: str) -> list[Line]:
        return [Line(text, "body") for text in texts]

    def prose(sentences: int) -> list[Line]:
        return body(writer.paragraph(vocab, rng, sentences))

    if kind == "paragraphs":
        units.extend(prose(1 + rng.randrange(3)) for _ in range(1 + rng.randrange(3)))
    elif kind == "bullets":
        bullet = rng.choice(_BULLETS)
        items = _distinct(vocab, vocab.list_items, 3 + rng.randrange(4), rng)
        units += [prose(1), body(*(bullet + item for item in items))]
    elif kind == "numbered":
        mark = rng.choice(("{}. ", "{}) "))
        items = _distinct(vocab, vocab.list_items, 3 + rng.randrange(4), rng)
        units += [prose(1), body(*(mark.format(n) + item for n, item in enumerate(items, 1)))]
    elif kind == "table":
        joiner = rng.choice(_CELL_JOINERS)
        header, *rows = vocab.table
        cells = [joiner.join(header)]
        cells += [
            joiner.join(writer.fill(c, vocab, rng) for c in rng.choice(rows)) for _ in range(3 + rng.randrange(3))
        ]
        units += [prose(1), body(*cells)]
    elif kind == "recipe":
        ingredients = rng.sample(vocab.ingredients, min(len(vocab.ingredients), 3 + rng.randrange(4)))
        kept = sorted(rng.sample(range(len(vocab.steps)), min(len(vocab.steps), 3 + rng.randrange(3))))
        steps = [vocab.steps[i] for i in kept]  # in their order: a step follows the one before
        units += [body(*ingredients), body(*(f"{n}. {step}" for n, step in enumerate(steps, 1)))]
    else:  # code
        units += [prose(1), body(*rng.choice(CODE))]
    return units

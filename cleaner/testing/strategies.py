"""Hypothesis strategies for realistic articles with gold labels: plural nouns, keyword-only options.

Small parts compose into big ones: ``sentences`` -> ``paragraphs``; ``headlines`` and
``boilerplate`` lines; all of them -> ``articles``, which places boilerplate where real sites put
it (menus and bylines above the story, captions and promos between paragraphs, legal lines
below) and records every line's label, so a property can ask what happened to the body.
Each piece draws its structure from hypothesis and its words from a seed (see ``writer``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cache
from random import Random
from typing import Literal

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from . import writer
from .article import Article, Line
from .structure import FURNITURE, LAYOUTS, STRUCTURES, Plan, build, one_contents
from .thread import REPLY_LINKS, ThreadPlan, build_thread
from .vocabulary import BOILERPLATE_LABELS, VOCABULARIES, Vocabulary

__all__ = [
    "BOILERPLATE_LABELS",
    "FURNITURE",
    "LANGUAGES",
    "SEPARATORS",
    "STRUCTURES",
    "Article",
    "Line",
    "articles",
    "boilerplate",
    "headlines",
    "paragraphs",
    "sentences",
    "structured_articles",
    "threads",
]

#: Languages the strategies write, by the names cleaner's language detection reports.
LANGUAGES: tuple[str, ...] = tuple(VOCABULARIES)
#: Line separators of scraped text (the first is the one shrinking goes to).
SEPARATORS: tuple[str, ...] = ("\n\n", "\n", "\r\n\r\n", "\n\n\n", " \n\n", "\n\u00a0\n", "\r\n", "\u2029")

Where = Literal["anywhere", "outside"]
# Where boilerplate sits on a page: above the headline, under it, between paragraphs, at the end.
_TOP, _UNDER_TITLE, _INLINE, _FOOTER = "top", "under_title", "inline", "footer"
_ZONES: dict[str, tuple[str, ...]] = {
    "nav": (_TOP, _FOOTER),
    "cta": (_TOP, _INLINE, _FOOTER),
    "promo": (_INLINE, _FOOTER),
    "caption": (_INLINE,),
    "credit": (_INLINE, _UNDER_TITLE),
    "dateline": (_UNDER_TITLE, _TOP),
    "byline": (_UNDER_TITLE, _FOOTER),
    "legal": (_FOOTER,),
    "bio": (_FOOTER,),
    "comments": (_FOOTER,),
    "embed": (_INLINE,),
    "body": (_INLINE,),
}
_INJECT_ZONES: dict[str, tuple[str, ...]] = {
    "anywhere": (_INLINE, _TOP, _UNDER_TITLE, _FOOTER),
    "outside": (_TOP, _FOOTER),
}
_SEEDS = st.integers(0, 2**32 - 1)


def _vocabulary(language: str) -> Vocabulary:
    try:
        return VOCABULARIES[language]
    except KeyError:
        raise ValueError(f"no vocabulary for language {language!r}; known: {', '.join(LANGUAGES)}") from None


def _languages(languages: Collection[str] | None) -> tuple[str, ...]:
    chosen = tuple(languages) if languages is not None else LANGUAGES
    if not chosen:
        raise ValueError("languages must name at least one language")
    for language in chosen:
        _vocabulary(language)
    return chosen


def _labels(labels: Collection[str] | None) -> tuple[str, ...]:
    chosen = BOILERPLATE_LABELS if labels is None else tuple(labels)
    for label in chosen:
        if label not in BOILERPLATE_LABELS:
            raise ValueError(f"no generator for label {label!r}; known: {', '.join(BOILERPLATE_LABELS)}")
    return chosen


def sentences(*, languages: Collection[str] | None = None) -> SearchStrategy[str]:
    """News sentences with names, numbers and quotes, each ending in terminal punctuation."""
    vocabs = st.sampled_from([_vocabulary(lang) for lang in _languages(languages)])
    return st.builds(lambda v, seed: writer.sentence(v, Random(seed)), vocabs, _SEEDS)


def headlines(*, languages: Collection[str] | None = None) -> SearchStrategy[str]:
    """Headlines (no final full stop), as used for titles and promo links."""
    vocabs = st.sampled_from([_vocabulary(lang) for lang in _languages(languages)])
    return st.builds(lambda v, seed: writer.headline(v, Random(seed)), vocabs, _SEEDS)


def paragraphs(
    *, languages: Collection[str] | None = None, min_sentences: int = 1, max_sentences: int = 4
) -> SearchStrategy[str]:
    """A paragraph in one language: ``min_sentences`` to ``max_sentences`` sentences on one line."""
    if not 1 <= min_sentences <= max_sentences:
        raise ValueError("need 1 <= min_sentences <= max_sentences")
    return st.one_of([_paragraphs(lang, min_sentences, max_sentences) for lang in _languages(languages)])


@cache
def _paragraphs(language: str, min_sentences: int, max_sentences: int) -> SearchStrategy[str]:
    vocab = _vocabulary(language)
    return st.builds(
        lambda n, seed: writer.paragraph(vocab, Random(seed), n), st.integers(min_sentences, max_sentences), _SEEDS
    )


def boilerplate(*, label: str | None = None, languages: Collection[str] | None = None) -> SearchStrategy[Line]:
    """Boilerplate lines of ``label`` (any boilerplate label if None), as labelled ``Line`` values."""
    labels = _labels(None if label is None else (label,))
    return st.one_of([_boilerplate(lang, labels) for lang in _languages(languages)])


@cache
def _boilerplate(language: str, labels: tuple[str, ...]) -> SearchStrategy[Line]:
    vocab = _vocabulary(language)
    return st.builds(
        lambda label, seed: Line(writer.boilerplate_line(vocab, label, Random(seed)), label),
        st.sampled_from(labels),
        _SEEDS,
    )


@st.composite
def _articles(
    draw: st.DrawFn,
    languages: tuple[str, ...],
    labels: tuple[str, ...],
    paragraph_counts: tuple[int, int],
    max_boilerplate: int,
    title: bool,
    inject: SearchStrategy[Line] | None,
    inject_where: Where,
    separators: tuple[str, ...],
) -> Article:
    # One seed per line: hypothesis still deletes whole lines when shrinking, while an article
    # costs a few dozen draws (the words come from the seed).
    vocab = _vocabulary(draw(st.sampled_from(languages)))
    low, high = paragraph_counts
    # Seed 0 (where shrinking goes) writes a one-sentence paragraph.
    body = [writer.paragraph(vocab, Random(seed), 1 + seed % 4) for seed in draw(_seed_lists(low, high))]
    placed: list[tuple[tuple[str, ...], Random, Line]] = []
    if labels and max_boilerplate:
        for rng in _rngs(draw(_seed_lists(0, max_boilerplate))):
            label = rng.choice(labels)
            placed.append((_ZONES[label], rng, Line(writer.boilerplate_line(vocab, label, rng), label)))
    if inject is not None:
        for line, seed in draw(st.lists(st.tuples(inject, _SEEDS), min_size=1, max_size=3)):
            zones = _ZONES["body"] if line.label == "body" else _INJECT_ZONES[inject_where]
            placed.append((zones, Random(seed), line))
    headline = Line(writer.headline(vocab, Random(draw(_SEEDS))), "title") if title else None
    separator = draw(st.sampled_from(separators))
    return Article.from_lines(_layout(body, headline, placed), separator, vocab.language)


@cache
def _seed_lists(low: int, high: int) -> SearchStrategy[list[int]]:
    return st.lists(_SEEDS, min_size=low, max_size=high)


def _rngs(seeds: list[int]) -> list[Random]:
    return [Random(seed) for seed in seeds]


def _layout(body: list[str], headline: Line | None, placed: list[tuple[tuple[str, ...], Random, Line]]) -> list[Line]:
    """Put each line in one of its allowed zones (chosen by its rng); inline ones go between paragraphs."""
    zones: dict[str, list[Line]] = {_TOP: [], _UNDER_TITLE: [], _FOOTER: []}
    gaps: list[list[Line]] = [[] for _ in range(len(body) + 1)]
    for allowed, rng, line in placed:
        zone = rng.choice(allowed)
        if zone == _INLINE:
            gaps[rng.randint(1, len(body) - 1) if len(body) > 1 else len(body)].append(line)
        else:
            zones[zone].insert(rng.randint(0, len(zones[zone])), line)
    lines = [*zones[_TOP], *([headline] if headline else []), *zones[_UNDER_TITLE], *gaps[0]]
    for index, paragraph in enumerate(body):
        lines.append(Line(paragraph, "body"))
        lines.extend(gaps[index + 1])
    lines.extend(zones[_FOOTER])
    return lines


def articles(
    *,
    languages: Collection[str] | None = None,
    labels: Collection[str] | None = None,
    min_paragraphs: int = 1,
    max_paragraphs: int = 8,
    max_boilerplate: int = 8,
    title: bool = True,
    inject: SearchStrategy[Line] | None = None,
    inject_where: Where = "anywhere",
    separators: Sequence[str] = SEPARATORS,
) -> SearchStrategy[Article]:
    """Articles in one of ``languages`` with a gold label on every line.

    A headline (label ``title``) on top unless ``title=False``; ``min_paragraphs`` to
    ``max_paragraphs`` body paragraphs of 1-4 sentences; up to ``max_boilerplate`` lines of
    ``labels`` (default: every boilerplate label) where sites put them. ``inject`` adds one to
    three lines from that strategy: ``body`` lines between paragraphs, others ``anywhere``
    (between paragraphs too) or only ``outside`` the story (above or below it). Lines are
    joined by one of ``separators`` per article.
    """
    if not 1 <= min_paragraphs <= max_paragraphs:
        raise ValueError("need 1 <= min_paragraphs <= max_paragraphs")
    if inject_where not in _INJECT_ZONES:
        raise ValueError(f"inject_where must be one of {tuple(_INJECT_ZONES)}")
    bad = [s for s in separators if not s.isspace() or len(f"x{s}x".splitlines()) < 2]
    if not separators or bad:
        raise ValueError(f"separators must be whitespace with a line break, got {bad or list(separators)!r}")
    return _articles(
        _languages(languages),
        _labels(labels),
        (min_paragraphs, max_paragraphs),
        max_boilerplate,
        title,
        inject,
        inject_where,
        tuple(separators),
    )


def structured_articles(
    *,
    languages: Collection[str] | None = None,
    structures: Collection[str] = STRUCTURES,
    furniture: Collection[str] = tuple(FURNITURE),
    min_sections: int = 1,
    max_sections: int = 5,
    comment_counter: bool = True,
    title: bool = True,
    layouts: Sequence[tuple[str, str]] = LAYOUTS,
) -> SearchStrategy[Article]:
    """Articles made of a lead and sections, every line labelled and ``Article.sections`` set.

    Each of the ``min_sections`` to ``max_sections`` sections is a subhead and one of
    ``structures``: paragraphs, a bulleted or numbered list, a table (rows of cells), a recipe
    (ingredients, then numbered steps) or a block of code, all of it body. Before any section may
    stand a piece of ``furniture`` (an ad marker, a share bar, a gallery counter, a newsletter box,
    a byline-and-date block, a table of contents, once a page), under the headline a byline block and, unless
    ``comment_counter=False``, a comment counter ("11 Kommentare"); a legal line may end the page.
    ``layouts`` are (paragraph separator, line break) pairs: the lines of a list, a table or a
    block of code stand on consecutive lines.
    """
    if not 1 <= min_sections <= max_sections:
        raise ValueError("need 1 <= min_sections <= max_sections")
    chosen = tuple(structures)
    if not chosen or not set(chosen) <= set(STRUCTURES):
        raise ValueError(f"structures must be some of {STRUCTURES}, got {list(chosen)!r}")
    pieces = tuple(furniture)
    if not set(pieces) <= set(FURNITURE):
        raise ValueError(f"furniture must be some of {tuple(FURNITURE)}, got {list(pieces)!r}")
    bad = [pair for pair in layouts if len(pair) != 2 or not all(_breaks(part) for part in pair)]
    if not layouts or bad:
        raise ValueError(f"layouts must be (separator, line break) pairs of whitespace with a line break, got {bad!r}")
    vocabs = [_vocabulary(language) for language in _languages(languages)]
    missing = [v.language for v in vocabs if not v.subheads]
    if missing:
        raise ValueError(f"no structured-article words for {', '.join(missing)}")
    kind = st.sampled_from(chosen)
    before = st.none() | st.sampled_from(pieces) if pieces else st.none()
    return st.builds(
        lambda vocab, seed, sections, counter, byline, footer, layout: build(
            vocab,
            Plan(
                seed,
                tuple(k for k, _ in sections),
                one_contents(tuple(f for _, f in sections)),
                comment_counter=counter,
                byline=byline,
                title=title,
                footer=footer,
                layout=layout,
            ),
        ),
        st.sampled_from(vocabs),
        _SEEDS,
        st.lists(st.tuples(kind, before), min_size=min_sections, max_size=max_sections),
        st.booleans() if comment_counter else st.just(False),
        st.booleans(),
        st.booleans(),
        st.sampled_from(list(layouts)),
    )


def _breaks(text: str) -> bool:
    """Whitespace holding a line break: what may stand between two lines."""
    return text.isspace() and len(f"x{text}x".splitlines()) >= 2


def threads(
    *, languages: Collection[str] | None = None, min_posts: int = 3, max_posts: int = 8
) -> SearchStrategy[Article]:
    """Forum threads (``thread.build_thread``): a title, then ``min_posts`` to ``max_posts`` posts,
    each with its author, date and reply links; every post's paragraphs are body."""
    if not 2 <= min_posts <= max_posts:
        raise ValueError("need 2 <= min_posts <= max_posts")
    vocabs = [_vocabulary(language) for language in _languages(languages)]
    missing = [v.language for v in vocabs if v.language not in REPLY_LINKS]
    if missing:
        raise ValueError(f"no forum words for {', '.join(missing)}")
    return st.builds(
        lambda vocab, seed, posts, one_line: build_thread(vocab, ThreadPlan(seed, posts, one_line)),
        st.sampled_from(vocabs),
        _SEEDS,
        st.integers(min_posts, max_posts),
        st.booleans(),
    )

"""Read the author names out of a byline: each name's span in the line, nothing else.

A byline is a lead word ("By", "Von", "Par", "Author:", "Reporting by"), then names joined by
commas, "and" / "&" (and their counterparts in other languages), often followed by a role,
an outlet or a date after a bar or a dash. A name is a run of capitalised words (particles such
as "van" or "de" between them), or one word of a script without case (Japanese, Chinese, Arabic
...). Roles ("Staff Writer"), editors' and contributors' credits are not authors.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

import regex


class FoundName(NamedTuple):
    """An author name in a byline: ``text[start:end]``."""

    start: int
    end: int


_PARTICLES = r"(?:van|von|der|den|de|del|della|di|da|du|dos|das|le|la|al|el|bin|ibn|ter|ten|zu|y)"


class _Patterns(NamedTuple):
    """The byline patterns, compiled on first use (most pages have no byline; a new process's
    import then stays short)."""

    #: What introduces the names (case-insensitive).
    lead: Any
    #: A credit part that names someone other than an author ("Editing by", "Photos by").
    not_authors: Any
    #: Parts of a credit line, one role each ("Reporting by A; Editing by B").
    credit_parts: Any
    #: Where the names end: a bar, a bullet, a slash or a dash between spaces, a date.
    names_end: Any
    #: Between two names.
    between: Any
    #: One name: capitalised words (particles between), or a word of a caseless script.
    name: Any
    word: Any


@cache
def _patterns() -> _Patterns:
    lead = r"""(?i)^\W*(?:additional\s+)?(?:(?:written|words|story|text|reporting|writing|posted|published|compiled)
    \s+by|by|von|par|por|di|door|av|af|przez|автор|author|authors|reporter|writer|contributor|autor|autora|auteur|text
    |texto|szerző|szerzők|írta|szöveg|teksti|toimittaja|toimittajat|kirjoittaja|kirjoittajat|συντάκτης|συντάκτρια
    |κείμενο|γράφει\s+(?:ο|η)|του|της|των)\b\s*:?\s*"""
    name = rf"""(?:[\p{{Lu}}\p{{Lt}}][\p{{L}}\p{{M}}.'’-]*
    (?:\s+(?:{_PARTICLES}\s+)*[\p{{Lu}}\p{{Lt}}][\p{{L}}\p{{M}}.'’-]*){{0,4}}
    |[\p{{Lo}}\p{{M}}][\p{{Lo}}\p{{M}}\p{{Lm}}・·]*)(?![\p{{L}}\p{{M}}])"""
    return _Patterns(
        lead=regex.compile(lead, regex.VERBOSE),
        not_authors=regex.compile(
            r"(?i)^\W*(?:additional\s+)?(?:editing|edited|photos?|graphics|video|illustrations?)\b"
        ),
        credit_parts=regex.compile(r"[;()]"),
        names_end=regex.compile(r"\s*(?:[|•·/／]|\s[–—-]\s|\d).*$", regex.DOTALL),
        between=regex.compile(r"(?i)\s*,\s*|\s*&\s*|\s+(?:and|und|et|y|e|i|og|en|och|и|és|ve|ja|και|และ)\s+"),
        name=regex.compile(name, regex.VERBOSE),
        word=regex.compile(r"\S+"),
    )


#: Words that make a part a role or a desk, not a name.
_ROLE_WORDS = """staff writer writers reporter reporters correspondent correspondents editor editors contributor
contributors desk team board services service wire reports special columnist redaktion rédaction redacción
redazione web online digital editorial our"""
_ROLES = frozenset(_ROLE_WORDS.split())


def author_names(text: str) -> list[FoundName]:
    """The names of the authors in one byline line, in order (empty when it names none)."""
    patterns = _patterns()
    found: list[FoundName] = []
    for part in _parts(text):
        start, end = part
        chunk = text[start:end]
        if patterns.not_authors.match(chunk):
            continue
        lead = patterns.lead.match(chunk)
        offset = start + (lead.end() if lead else 0)
        names = patterns.names_end.sub("", text[offset:end])
        position = offset
        for piece in patterns.between.split(names):
            at = text.find(piece, position) if piece else -1
            if at < 0:
                continue
            position = at + len(piece)
            name = patterns.name.match(piece)
            length = _once(name.group()[: _without_roles(name.group())]) if name else 0
            if name and length:
                found.append(FoundName(at + name.start(), at + name.start() + length))
    return found


def _parts(text: str) -> list[tuple[int, int]]:
    """The spans of a credit line's parts ("Reporting by A" and "Editing by B" of "A; B")."""
    spans, position = [], 0
    for separator in _patterns().credit_parts.finditer(text):
        spans.append((position, separator.start()))
        position = separator.end()
    spans.append((position, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _once(name: str) -> int:
    """The length of a name written twice in a row ("Sean Martin Sean Martin": a link and its
    text) once; else its whole length."""
    words = list(_patterns().word.finditer(name))
    half = len(words) // 2
    if half and len(words) % 2 == 0 and [w.group() for w in words[:half]] == [w.group() for w in words[half:]]:
        return words[half - 1].end()
    return len(name)


def _without_roles(name: str) -> int:
    """The length of ``name`` without the role words that end it ("Reuters Staff" -> "Reuters");
    0 when it starts with one ("Staff Writer")."""
    words = list(_patterns().word.finditer(name))
    kept = len(words)
    while kept and words[kept - 1].group().casefold() in _ROLES:
        kept -= 1
    if kept and any(word.group().casefold() in _ROLES for word in words[:kept]):
        return 0
    return words[kept - 1].end() if kept else 0


__all__ = ["FoundName", "author_names"]

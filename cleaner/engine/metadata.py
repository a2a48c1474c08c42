"""The page's metadata, read from the finished decisions: authors from the bylines, the
publication date from the datelines (and bylines), the language the stopwords detected, and
the URL; each with the span of ``source`` it came from.

In HTML mode the page's head (``<meta>``, JSON-LD, ``<html lang>``: ``cleaner.html_metadata``)
fills what the text does not say, marked by its origin and without a span, since it is not in
``source``. A date the text marks as an update ("Updated ...") gives way to a publication date
from the head.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

import regex

from ..model import Field, Metadata
from .assemble import Decision
from .dates import find_dates
from .language import SCRIPT_LANGUAGES
from .language_codes import language_code
from .names import author_names
from .segment import Document

#: Byline rules whose names are not the story's authors ("X contributed to this report").
CONTRIBUTOR_RULES = frozenset({"byline.contributed_to_report"})
#: A date preceded (in its line) by one of these words is when the story changed, not when it appeared.
UPDATE_WORDS = (
    r"(?i)(?:updated?|modified|aktualisiert|geändert|mis à jour|modifié|actualizado|atualizado|aggiornato"
    r"|обновлено|bijgewerkt|zaktualizowano|uppdaterad|opdateret|oppdatert|päivitetty|aktualizováno|actualizat"
    r"|güncelleme|güncellendi|оновлено|frissítve|frissítés|módosítva|ενημέρωση|ενημερώθηκε)\W*$"
)
#: How far before a date (characters) its "Updated" / "Published" word may stand.
_LOOKBACK = 40
#: Bylines and datelines are read from the headline (this many blocks above it, or this many
#: above the first kept block when there is no headline) to this many blocks after the last
#: kept block: further out they belong to other stories (related lists, comments, sidebars of
#: headlines). On AEB the article's own stand 1-3 blocks from its headline, which often lies
#: 20+ blocks above the first paragraph (galleries, share bars), and up to 4 after its end.
ABOVE_TITLE, BEFORE_ARTICLE, AFTER_ARTICLE = 2, 15, 5


def extract_metadata(
    doc: Document,
    decisions: Sequence[Decision],
    languages: tuple[str, ...],
    *,
    configured_language: str | None = None,
    hints: Metadata | None = None,
    url: str | None = None,
) -> Metadata:
    """Metadata from the byline and dateline blocks of ``doc``, then ``hints`` (the HTML head)."""
    hints = hints or Metadata()
    authors: dict[str, Field] = {}
    published: Field | None = None
    updated: Field | None = None
    labels = list(map(_LABEL, decisions))  # the label scans below then run in C: most pages have no byline
    first, last = _article_span(labels)
    for index in sorted(_indices(labels, "byline", first, last) + _indices(labels, "dateline", first, last)):
        block, rule = doc.blocks[index], decisions[index].rule
        if labels[index] == "byline" and rule not in CONTRIBUTOR_RULES:
            for name in author_names(block.text):
                raw = block.text[name.start : name.end]
                value = " ".join(raw.split())
                start = block.start + name.start
                authors.setdefault(value.casefold(), Field(value, "text", start, start + len(raw), raw, rule))
        for found in find_dates(block.text, languages):
            raw = block.text[found.start : found.end]
            start = block.start + found.start
            field = Field(found.value, "text", start, start + len(raw), raw, rule)
            if regex.search(UPDATE_WORDS, block.text[max(0, found.start - _LOOKBACK) : found.start]):
                updated = updated or field
            else:
                published = published or field
    return Metadata(
        authors=tuple(authors.values()) or hints.authors,
        date=published or hints.date or updated,
        language=_language(languages, configured_language) or hints.language,
        url=Field(url, "given") if url else hints.url,
    )


_LABEL = attrgetter("label")


def _indices(labels: list[str], label: str, first: int, last: int) -> list[int]:
    """The indices of ``label`` in ``labels[first:last + 1]``, found with ``list.index``."""
    found: list[int] = []
    position = max(first, 0)
    end = min(last + 1, len(labels))
    while True:
        try:
            position = labels.index(label, position, end)
        except ValueError:
            return found
        found.append(position)
        position += 1


def _article_span(labels: list[str]) -> tuple[int, int]:
    """The first and last block whose bylines and datelines are the article's (see ABOVE_TITLE)."""
    if "body" not in labels:
        return 0, len(labels)
    first_kept = labels.index("body")
    last_kept = len(labels) - 1 - labels[::-1].index("body")
    title = labels.index("title", 0, first_kept) if "title" in labels[:first_kept] else None
    first = title - ABOVE_TITLE if title is not None else first_kept - BEFORE_ARTICLE
    return first, last_kept + AFTER_ARTICLE


def _language(languages: tuple[str, ...], configured: str | None) -> Field | None:
    """The language the cleaning used: the Config's, else the one the stopwords (or the script:
    Chinese, Japanese) detected."""
    name, origin = (configured, "config") if configured else (languages[0] if languages else None, "stopwords")
    if name is None:
        return None
    if origin == "stopwords" and name in SCRIPT_LANGUAGES:
        origin = "script"
    return Field(language_code(name) or name, origin, raw=name)


__all__ = ["extract_metadata"]

"""The public value types: Piece, Removal and Result (frozen, JSON round-trippable)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Every label a removal may carry; ``body`` is what is kept.
LABELS: tuple[str, ...] = (
    "body",
    "title",
    "dek",
    "nav",
    "cta",
    "promo",
    "caption",
    "credit",
    "dateline",
    "byline",
    "bio",
    "embed",
    "legal",
    "comments",
    "other",
)


@dataclass(frozen=True, slots=True)
class Piece:
    """``result.source[source:source+length] == result.text[target:target+length]``."""

    source: int
    target: int
    length: int

    def to_list(self) -> list[int]:
        """The JSON form: a ``[source, target, length]`` triple."""
        return [self.source, self.target, self.length]


@dataclass(frozen=True, slots=True)
class Removal:
    """A range of ``source`` left out of ``text``, with the rule that decided it and why."""

    start: int
    end: int
    label: str
    rule: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: an object with the five fields."""
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "rule": self.rule,
            "reason": self.reason,
        }


#: Where a metadata field was read: a span of ``source`` ("text"), or a part of the input that is
#: not in ``source`` (HTML mode's head: "html-meta" for ``<meta>``, ``<link>`` and ``<html lang>``,
#: "json-ld" for schema.org data), the page's stopwords ("stopwords") or script (Chinese and
#: Japanese: "script"), the Config ("config") or the caller ("given", e.g. the ``url=`` argument).
ORIGINS: tuple[str, ...] = ("text", "html-meta", "json-ld", "stopwords", "script", "config", "given")


@dataclass(frozen=True, slots=True)
class Field:
    """One metadata value and where it came from.

    ``value`` is normalised (a date in ISO 8601, a language code); ``raw`` is the input as it
    stood (``source[start:end]`` when ``origin == "text"``, an attribute's content for
    "html-meta"). ``start``/``end`` are code-point offsets into ``Result.source``, or None when
    the value is not in ``source``; ``rule`` is the id of the rule or heuristic whose removal the
    span lies in, when there is one.
    """

    value: str
    origin: str
    start: int | None = None
    end: int | None = None
    raw: str | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: an object with the six fields."""
        return {
            "value": self.value,
            "origin": self.origin,
            "start": self.start,
            "end": self.end,
            "raw": self.raw,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a page says about itself: its authors, publication date, language and URL."""

    authors: tuple[Field, ...] = ()
    #: The publication date (ISO 8601); a page that shows only when it was updated gives that.
    date: Field | None = None
    #: A language code (BCP 47 / ISO 639, as in ``"en"``, ``"de"``); ``raw`` holds the stopword
    #: list's name (``"English"``) when it was detected.
    language: Field | None = None
    url: Field | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``authors`` a list of field objects, the others a field object or null."""
        return {
            "authors": [a.to_dict() for a in self.authors],
            "date": None if self.date is None else self.date.to_dict(),
            "language": None if self.language is None else self.language.to_dict(),
            "url": None if self.url is None else self.url.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Metadata:
        """Rebuild from :meth:`to_dict` output (None or missing keys: empty)."""
        data = data or {}

        def one(key: str) -> Field | None:
            return Field(**data[key]) if data.get(key) else None

        authors = tuple(Field(**a) for a in data.get("authors", ()))
        return cls(authors=authors, date=one("date"), language=one("language"), url=one("url"))


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome of cleaning one document; offsets are code-point indices into ``source``."""

    source: str
    #: The kept blocks: paragraphs apart by a blank line, lines that stood on consecutive lines of
    #: the source (a list, a verse) by a line break.
    text: str
    title: str | None = None
    pieces: tuple[Piece, ...] = ()
    removals: tuple[Removal, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    #: Authors, date, language and URL, each with where it came from (see :class:`Field`).
    metadata: Metadata = field(default=Metadata())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: pieces as triples, removals and metadata as objects."""
        return {
            "source": self.source,
            "text": self.text,
            "title": self.title,
            "pieces": [p.to_list() for p in self.pieces],
            "removals": [r.to_dict() for r in self.removals],
            "warnings": list(self.warnings),
            "metadata": self.metadata.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Result:
        """Rebuild a Result from :meth:`to_dict` output (extra keys such as ``id`` are ignored)."""
        return cls(
            source=data["source"],
            text=data["text"],
            title=data.get("title"),
            pieces=tuple(Piece(*triple) for triple in data.get("pieces", ())),
            removals=tuple(Removal(**r) for r in data.get("removals", ())),
            warnings=tuple(data.get("warnings", ())),
            metadata=Metadata.from_dict(data.get("metadata")),
        )

    def removed_text(self, removal: Removal) -> str:
        """The source text of one removal, for display."""
        return self.source[removal.start : removal.end]

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

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: pieces as triples, removals as objects."""
        return {
            "source": self.source,
            "text": self.text,
            "title": self.title,
            "pieces": [p.to_list() for p in self.pieces],
            "removals": [r.to_dict() for r in self.removals],
            "warnings": list(self.warnings),
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
        )

    def removed_text(self, removal: Removal) -> str:
        """The source text of one removal, for display."""
        return self.source[removal.start : removal.end]

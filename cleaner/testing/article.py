"""Article and Line: a generated text with a gold label on every line (no hypothesis needed here)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from ..gold import GoldSpan


@dataclass(frozen=True, slots=True)
class Line:
    """One line of an article and its gold label (``body`` or a removal label)."""

    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Section:
    """A part of a structured article: its kind (``lead``, ``bullets``, ``table``, ...) and the
    indices of its lines in ``Article.spans`` (the subhead first; all of them body)."""

    kind: str
    spans: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Article:
    """A generated article: its text and the gold span of every line, in order.

    ``spans`` use the corpus gold form (``cleaner.gold.GoldSpan``): ``text[start:end]`` is the
    line without its surrounding whitespace, so they line up with cleaner's blocks.
    """

    text: str
    spans: tuple[GoldSpan, ...]
    language: str
    #: The lead and the sections of a structured article (``structured_articles``); empty otherwise.
    sections: tuple[Section, ...] = ()

    @classmethod
    def from_lines(cls, lines: Sequence[Line], separator: str = "\n\n", language: str = "English") -> Article:
        """Join lines with ``separator`` and record where each one landed."""
        parts: list[str] = []
        spans: list[GoldSpan] = []
        position = 0
        for index, line in enumerate(lines):
            if index:
                parts.append(separator)
                position += len(separator)
            spans.append(GoldSpan(position, position + len(line.text), line.label, line.text))
            parts.append(line.text)
            position += len(line.text)
        return cls("".join(parts), tuple(spans), language)

    @classmethod
    def from_units(
        cls, units: Sequence[Sequence[Line]], separator: str = "\n\n", line_break: str = "\n", language: str = "English"
    ) -> Article:
        """Join each unit's lines with ``line_break`` (a list's items, a table's rows stand on
        consecutive lines) and the units with ``separator``; record where each line landed."""
        parts: list[str] = []
        spans: list[GoldSpan] = []
        position = 0
        for number, unit in enumerate(units):
            for index, line in enumerate(unit):
                joint = line_break if index else separator if number else ""
                parts.append(joint)
                position += len(joint)
                # A span is the line without its surrounding whitespace (a line of code is indented).
                start = position + len(line.text) - len(line.text.lstrip())
                stripped = line.text.strip()
                spans.append(GoldSpan(start, start + len(stripped), line.label, stripped))
                parts.append(line.text)
                position += len(line.text)
        return cls("".join(parts), tuple(spans), language)

    def labelled(self, *labels: str) -> tuple[GoldSpan, ...]:
        """The spans carrying any of ``labels``."""
        return tuple(span for span in self.spans if span.label in labels)

    @property
    def body(self) -> str:
        """What a perfect cleaner returns: the gold body lines joined by blank lines."""
        return "\n\n".join(span.text for span in self.labelled("body"))

    def lines(self) -> tuple[Line, ...]:
        """The article as labelled lines again."""
        return tuple(Line(span.text, span.label) for span in self.spans)

    def hard_wrapped(self, width: int) -> Article:
        """The article with every body paragraph longer than ``width`` broken into lines of at
        most ``width`` characters (``textwrap.wrap``), as a plain-text file, an e-mail or a page
        of ``<br>``-broken text sets it; each line keeps the paragraph's label and its section.
        What stands between the spans (blank lines, line breaks) is kept."""
        parts: list[str] = []
        spans: list[GoldSpan] = []
        moved: list[tuple[int, ...]] = []  # each old span's new spans
        position = end = 0
        for span in self.spans:
            between = self.text[end : span.start]
            parts.append(between)
            position += len(between)
            wrap = span.label == "body" and len(span.text) > width and _ends_paragraph(span.text)
            first = len(spans)
            for number, line in enumerate(textwrap.wrap(span.text, width) if wrap else [span.text]):
                if number:
                    parts.append("\n")
                    position += 1
                spans.append(GoldSpan(position, position + len(line), span.label, line))
                parts.append(line)
                position += len(line)
            moved.append(tuple(range(first, len(spans))))
            end = span.end
        parts.append(self.text[end:])
        sections = tuple(
            Section(section.kind, tuple(new for old in section.spans for new in moved[old]))
            for section in self.sections
        )
        return Article("".join(parts), tuple(spans), self.language, sections)


def _ends_paragraph(text: str) -> bool:
    """A paragraph's text (a sentence end last, closing quotes aside), not a heading or a list item."""
    return text.rstrip("\"'”’»)“„«").endswith((".", "!", "?", "。", "！", "？"))

"""Build the Result from decisions: kept blocks become text and pieces, the rest removals.

This is the only place that writes offsets, so the contract holds by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Piece, Removal, Result
from .segment import Document

PARAGRAPH_SEPARATOR = "\n\n"
#: Between two kept lines that stood on consecutive lines of the source (a list, a verse, an
#: address): the text keeps them one paragraph, and cleaning it again sees the same layout.
LINE_SEPARATOR = "\n"


@dataclass(frozen=True, slots=True)
class Decision:
    """What happens to one block: kept as body, or removed with label, rule id and reason."""

    label: str
    rule: str
    reason: str
    #: What the block means for the page's structure when claimed (``rules.pack.ROLES``).
    role: str = ""

    @property
    def kept(self) -> bool:
        return self.label == "body"


def clean_text(doc: Document, decisions: Sequence[Decision]) -> str:
    """``assemble(doc, decisions).text`` without the pieces and removals (``Engine._settle``
    reads only the text): the same separators between the same kept blocks."""
    parts: list[str] = []
    previous_kept = -2
    for index, (block, decision) in enumerate(zip(doc.blocks, decisions, strict=True)):
        if decision.label == "body":  # (``Decision.kept``, inlined)
            if parts:
                tight = index == previous_kept + 1 and block.gap_before == 0
                parts.append(LINE_SEPARATOR if tight else PARAGRAPH_SEPARATOR)
            parts.append(block.text)
            previous_kept = index
    return "".join(parts)


def assemble(
    doc: Document,
    decisions: Sequence[Decision],
    title: str | None = None,
    warnings: Sequence[str] = (),
) -> Result:
    """Join kept blocks with blank lines, or with a line break where they stood on consecutive
    lines of the source; every other block becomes one removal."""
    parts: list[str] = []
    pieces: list[Piece] = []
    removals: list[Removal] = []
    target = 0
    previous_kept = -2
    for index, (block, decision) in enumerate(zip(doc.blocks, decisions, strict=True)):
        if decision.kept:
            if parts:
                tight = index == previous_kept + 1 and block.gap_before == 0
                separator = LINE_SEPARATOR if tight else PARAGRAPH_SEPARATOR
                parts.append(separator)
                target += len(separator)
            parts.append(block.text)
            previous_kept = index
            pieces.append(Piece(block.start, target, len(block.text)))
            target += len(block.text)
        else:
            removals.append(Removal(block.start, block.end, decision.label, decision.rule, decision.reason))
    return Result(
        source=doc.source,
        text="".join(parts),
        title=title,
        pieces=tuple(pieces),
        removals=tuple(removals),
        warnings=tuple(warnings),
    )

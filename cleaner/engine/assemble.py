"""Build the Result from decisions: kept blocks become text and pieces, the rest removals.

This is the only place that writes offsets, so the contract holds by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Piece, Removal, Result
from .segment import Block, Document

PARAGRAPH_SEPARATOR = "\n\n"
#: Between two kept lines that stood on consecutive lines of the source (a list, a verse, an
#: address): the text keeps them one paragraph, and cleaning it again sees the same layout.
LINE_SEPARATOR = "\n"
#: The characters that end a line (``str.splitlines``'s): indentation is the whitespace after one.
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


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
    reads only the text): the same separators and indents before the same kept blocks."""
    parts: list[str] = []
    blocks, source = doc.blocks, doc.source
    for index, (tight, indent) in kept_layout(doc, decisions).items():
        if parts:
            parts.append(LINE_SEPARATOR if tight else PARAGRAPH_SEPARATOR)
        parts.append(_kept_text(source, blocks[index], indent))
    return "".join(parts)


def kept_layout(doc: Document, decisions: Sequence[Decision]) -> dict[int, tuple[bool, int]]:
    """Each kept block, in order, with how the clean text joins it: whether it stood on the line
    right after the kept block before it (set tight: a line break, else a blank line), and how
    many characters of its indentation it keeps. Kept lines set tight are one paragraph; a line
    after the first keeps what it is indented by beyond the indentation all the paragraph's
    lines share, as ``textwrap.dedent`` reads it (a block of code, a nested list, a verse keep
    their shape; a paragraph indented as a whole keeps none, and a paragraph's first line never
    does)."""
    blocks, source = doc.blocks, doc.source
    tights: list[tuple[int, bool]] = []
    previous_kept = -2
    for index, (block, decision) in enumerate(zip(blocks, decisions, strict=True)):
        if decision.label == "body":  # (``Decision.kept``, inlined)
            tights.append((index, index == previous_kept + 1 and block.gap_before == 0))
            previous_kept = index
    indents: dict[int, int] = {}
    paragraph: list[int] = []  # the kept lines of the current paragraph
    for index, tight in tights:
        if not tight:
            _dedent(source, blocks, paragraph, indents)
            paragraph = []
        paragraph.append(index)
    _dedent(source, blocks, paragraph, indents)
    return {index: (tight, indents.get(index, 0)) for index, tight in tights}


def _kept_text(source: str, block: Block, indent: int) -> str:
    """A kept block's text with the ``indent`` characters of indentation it keeps."""
    return source[block.start - indent : block.end] if indent else block.text


def _dedent(source: str, blocks: Sequence[Block], paragraph: list[int], indents: dict[int, int]) -> None:
    """Add to ``indents`` what each line of one paragraph keeps of its indentation."""
    if len(paragraph) < 2:
        return
    found = [_indentation(source, blocks[index].start) for index in paragraph]
    if not any(found):
        return
    common = found[0]
    for indentation in found[1:]:
        while not indentation.startswith(common):
            common = common[:-1]
    for index, indentation in zip(paragraph[1:], found[1:], strict=True):
        if len(indentation) > len(common):
            indents[index] = len(indentation) - len(common)


def _indentation(source: str, start: int) -> str:
    """The whitespace between the start of the line and ``start``."""
    begin = start
    while begin > 0 and source[begin - 1].isspace() and source[begin - 1] not in _LINE_BREAKS:
        begin -= 1
    return source[begin:start]


def assemble(
    doc: Document,
    decisions: Sequence[Decision],
    title: str | None = None,
    warnings: Sequence[str] = (),
) -> Result:
    """Join kept blocks with blank lines, or with a line break where they stood on consecutive
    lines of the source (keeping their indents inside a paragraph: ``kept_layout``); every
    other block becomes one removal."""
    parts: list[str] = []
    pieces: list[Piece] = []
    removals: list[Removal] = []
    target = 0
    layout = kept_layout(doc, decisions)
    source = doc.source
    for index, (block, decision) in enumerate(zip(doc.blocks, decisions, strict=True)):
        kept = layout.get(index)
        if kept is not None:
            tight, indent = kept
            if parts:
                separator = LINE_SEPARATOR if tight else PARAGRAPH_SEPARATOR
                parts.append(separator)
                target += len(separator)
            text = _kept_text(source, block, indent)
            parts.append(text)
            pieces.append(Piece(block.start - indent, target, len(text)))
            target += len(text)
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

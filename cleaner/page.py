"""Page: everything the decision steps read about one document, computed once."""

from __future__ import annotations

from dataclasses import dataclass

from .features import BlockFeatures
from .rules import RuleMatch
from .segment import Block, Document


@dataclass(frozen=True, slots=True)
class Page:
    """A segmented document, its block features and the rule that claimed each block (if any)."""

    doc: Document
    language: str | None
    features: tuple[BlockFeatures, ...]
    rule_matches: tuple[RuleMatch | None, ...]
    #: Per block: trafilatura (HTML mode) kept it (True), dropped it (False), or no opinion (None).
    extractor_votes: tuple[bool | None, ...]

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.doc.blocks

    def __len__(self) -> int:
        return len(self.doc.blocks)

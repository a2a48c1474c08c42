"""Page: everything the decision steps read about one document, computed once or on demand."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from .features import BlockFeatures
from .rules import RuleMatch, RuleSet
from .segment import Block, Document

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    """A segmented document with its block features; rules run on a block only when asked.

    Most of a page is chrome far from the article, which selection removes whatever its label;
    evaluating rules lazily spares the regexes there (``Config(exhaustive=True)`` asks for all).
    """

    doc: Document
    #: The page's stopword language first, then near runners-up whose rules run too (empty:
    #: unknown, every rule runs); see ``features.PageFeatures.languages``.
    languages: tuple[str, ...]
    features: tuple[BlockFeatures, ...]
    #: Per block: trafilatura (HTML mode) kept it (True), dropped it (False), or no opinion (None).
    extractor_votes: tuple[bool | None, ...]
    rules: RuleSet
    warnings: list[str] = field(default_factory=list)
    #: Each block's ``\w+`` tokens (``features.PageFeatures.tokens``, None where not kept); empty
    #: when not measured.
    tokens: Sequence[list[str] | None] = ()
    #: The texts the page marks as its headline (its ``<h1>``, HTML mode; empty in text mode).
    headings: tuple[str, ...] = ()
    #: Rule matches by block text, languages and token count, shared by the pages of one
    #: document (``Engine._settle`` cleans the clean text, whose blocks are the page's): read and
    #: written only while the page has no warning (a rule that timed out on a page is skipped
    #: there, so its matches are that page's own).
    shared: dict[tuple[str, tuple[str, ...], int], RuleMatch | None] | None = field(default=None, repr=False)
    _matches: dict[int, RuleMatch | None] = field(default_factory=dict, repr=False)
    #: What a decision step measured of the whole page once (``derive``), by name.
    derived: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def language(self) -> str | None:
        """The stopword language, or None when it is unknown."""
        return self.languages[0] if self.languages else None

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.doc.blocks

    def __len__(self) -> int:
        return len(self.doc.blocks)

    def sets_lines_apart(self) -> bool:
        """Whether a blank line parts some two of the page's blocks (measured once): on a page set
        without blank lines, layout tells nothing of which lines belong together."""
        return self.derive("sets_lines_apart", _sets_lines_apart)

    def derive(self, name: str, measure: Callable[[Page], T]) -> T:
        """``measure(self)``, computed once per page and kept under ``name`` (a thread, a card
        list: read by a heuristic and by selection alike)."""
        if name not in self.derived:
            self.derived[name] = measure(self)
        return self.derived[name]  # type: ignore[return-value]

    def rule_match(self, index: int) -> RuleMatch | None:
        """The first rule matching block ``index`` (evaluated once, then remembered)."""
        if index in self._matches:
            return self._matches[index]
        text, words = self.doc.blocks[index].text, self.features[index].tokens
        shared = self.shared if not self.warnings else None
        key = (text, self.languages, words)
        if shared is not None and key in shared:
            found = shared[key]
        else:
            found = self.rules.match(text, self.languages, self.warnings, words)
            if shared is not None and not self.warnings:
                shared[key] = found
        self._matches[index] = found
        return found


def _sets_lines_apart(page: Page) -> bool:
    return any(block.gap_before for block in page.blocks)

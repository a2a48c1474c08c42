"""The engine: the per-block path from a text to a Result (segmentation, features, language,
rules, heuristics, selection, assembly). The shell around it (``Cleaner``, batch, CLI,
integrations, testing) only configures it and feeds it texts."""

from __future__ import annotations

from collections.abc import Sequence

from . import native

native.install_switch()  # before any compiled module is imported: CLEANER_PURE=1 runs their sources

from ..model import Result  # noqa: E402
from .assemble import assemble  # noqa: E402
from .decide import decide  # noqa: E402
from .features import measure  # noqa: E402
from .heuristics import DEFAULT_HEURISTICS, Heuristic  # noqa: E402
from .page import Page  # noqa: E402
from .rules import RuleSet  # noqa: E402
from .segment import Document, segment  # noqa: E402
from .votes import ExtractorVotes  # noqa: E402


class Engine:
    """Compiled rules, the heuristics to run and the settings that decide what is kept."""

    def __init__(
        self,
        rules: RuleSet,
        heuristics: Sequence[Heuristic] = DEFAULT_HEURISTICS,
        keep: frozenset[str] = frozenset(),
        language: str | None = None,
        exhaustive: bool = False,
    ) -> None:
        self.rules = rules
        self.heuristics = tuple(heuristics)
        self.keep = keep
        self.language = language
        self.exhaustive = exhaustive

    def run(self, text: str, votes: ExtractorVotes | None = None, warnings: Sequence[str] = ()) -> Result:
        """Clean one text; ``votes`` is trafilatura's keep/drop opinion per line (HTML mode)."""
        doc = segment(text)
        features = measure(doc, self.language)
        extractor_votes = tuple(None if votes is None else votes.kept(block.text) for block in doc.blocks)
        page = Page(
            doc,
            features.languages,
            features.blocks,
            extractor_votes,
            self.rules,
            list(warnings),
            tokens=features.tokens,
        )
        decisions, title = decide(page, self.heuristics, self.keep, self.exhaustive)
        return assemble(doc, decisions, title, page.warnings)


#: Whether every compiled module runs compiled (a Cython build, ``CLEANER_PURE`` unset).
COMPILED = all(native.status().values())

__all__ = ["COMPILED", "Document", "Engine", "ExtractorVotes", "segment"]

"""The engine: the per-block path from a text to a Result (segmentation, features, language,
rules, heuristics, selection, assembly). The shell around it (``Cleaner``, batch, CLI,
integrations, testing) only configures it and feeds it texts."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..model import Metadata, Result
from .assemble import assemble
from .decide import decide
from .features import measure
from .heuristics import DEFAULT_HEURISTICS, Heuristic
from .metadata import extract_metadata
from .page import Page, RuleCache
from .rules import RuleSet
from .segment import Document, segment
from .votes import ExtractorVotes


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
        #: Rule outcomes shared across the documents this engine cleans (menus repeat across a site).
        self.cache = RuleCache()

    def run(
        self,
        text: str,
        votes: ExtractorVotes | None = None,
        warnings: Sequence[str] = (),
        *,
        hints: Metadata | None = None,
        url: str | None = None,
    ) -> Result:
        """Clean one text; ``votes`` is trafilatura's keep/drop opinion per line and ``hints`` the
        metadata of the page's head (HTML mode); ``url`` is passed through to the metadata."""
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
            cache=self.cache,
        )
        decisions, title = decide(page, self.heuristics, self.keep, self.exhaustive)
        result = assemble(doc, decisions, title, page.warnings)
        metadata = extract_metadata(
            doc, decisions, page.languages, configured_language=self.language, hints=hints, url=url
        )
        return dataclasses.replace(result, metadata=metadata)


__all__ = ["Document", "Engine", "ExtractorVotes", "segment"]

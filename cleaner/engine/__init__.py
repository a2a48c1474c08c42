"""The engine: the per-block path from a text to a Result (segmentation, features, language,
rules, heuristics, selection, assembly). The shell around it (``Cleaner``, batch, CLI,
integrations, testing) only configures it and feeds it texts."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from . import native

native.install_switch()  # before any compiled module is imported: CLEANER_PURE=1 runs their sources

from ..model import Metadata, Result  # noqa: E402
from .assemble import Decision, assemble, clean_text  # noqa: E402
from .decide import decide  # noqa: E402
from .features import measure  # noqa: E402
from .heuristics import DEFAULT_HEURISTICS, Heuristic  # noqa: E402
from .invisible import with_invisible, without_invisible  # noqa: E402
from .metadata import extract_metadata  # noqa: E402
from .page import Page  # noqa: E402
from .rules import RuleMatch, RuleSet  # noqa: E402
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

    def run(
        self,
        text: str,
        votes: ExtractorVotes | None = None,
        warnings: Sequence[str] = (),
        *,
        hints: Metadata | None = None,
        url: str | None = None,
        headings: Sequence[str] = (),
    ) -> Result:
        """Clean one text; ``votes`` is trafilatura's keep/drop opinion per line and ``hints`` the
        metadata of the page's head (HTML mode); ``url`` is passed through to the metadata;
        ``headings`` are the texts the page marks as its headline (its ``<h1>``, HTML mode).

        In text mode the result is settled: its clean text is cleaned again, and what that
        removes is removed from the result too, until nothing more goes (``_settle``). So
        cleaning the clean text changes nothing, by construction, whatever the features of the
        page around it had said.
        """
        matches: dict[tuple[str, tuple[str, ...], int], RuleMatch | None] = {}  # (``Page.shared``)
        doc, decisions, title, notes, languages = self._decide(text, votes, warnings, matches, tuple(headings))
        if votes is None:
            title = self._settle(doc, decisions, title, notes, matches)
        result = assemble(doc, decisions, title, notes)
        metadata = extract_metadata(doc, decisions, languages, configured_language=self.language, hints=hints, url=url)
        return dataclasses.replace(result, metadata=metadata)

    def _decide(
        self,
        text: str,
        votes: ExtractorVotes | None,
        warnings: Sequence[str],
        matches: dict[tuple[str, tuple[str, ...], int], RuleMatch | None] | None = None,
        headings: tuple[str, ...] = (),
    ) -> tuple[Document, list[Decision], str | None, list[str], tuple[str, ...]]:
        doc = segment(text)
        visible, invisible = without_invisible(doc)  # layout never reads a zero-width line
        features = measure(visible, self.language)
        extractor_votes = tuple(None if votes is None else votes.kept(block.text) for block in visible.blocks)
        page = Page(
            visible,
            features.languages,
            features.blocks,
            extractor_votes,
            self.rules,
            list(warnings),
            tokens=features.tokens,
            headings=headings,
            shared=matches,
        )
        decisions, title = decide(page, self.heuristics, self.keep, self.exhaustive)
        return doc, with_invisible(decisions, invisible), title, page.warnings, page.languages

    def _settle(
        self,
        doc: Document,
        decisions: list[Decision],
        title: str | None,
        notes: list[str],
        matches: dict[tuple[str, tuple[str, ...], int], RuleMatch | None],
    ) -> str | None:
        """Clean the clean text again and apply what that removes to ``decisions`` (in place), up
        to SETTLE_ROUNDS times; returns the title (the first found). The clean text's blocks are
        the kept blocks, in order (a block is one line, and assembly joins lines by line breaks),
        so the rules' matches on them are taken from ``matches`` (``Page.shared``)."""
        for _ in range(SETTLE_ROUNDS):
            kept = [index for index, decision in enumerate(decisions) if decision.kept]
            clean = clean_text(doc, decisions)
            again, again_decisions, again_title, again_notes, _ = self._decide(clean, None, (), matches)
            assert len(again.blocks) == len(kept), "the clean text's blocks are the kept blocks"
            changed = False
            for index, decision in zip(kept, again_decisions, strict=True):
                if not decision.kept:
                    decisions[index] = decision
                    changed = True
            notes.extend(note for note in again_notes if note not in notes)
            if title is None:
                title = again_title
            if not changed:
                break
        return title


#: A clean text is cleaned again at most this many times (``Engine._settle``); each round only
#: removes, and in practice the first already changes nothing.
SETTLE_ROUNDS = 4


#: Whether every compiled module runs compiled (a Cython build, ``CLEANER_PURE`` unset).
COMPILED = all(native.status().values())

__all__ = ["COMPILED", "Document", "Engine", "ExtractorVotes", "segment"]

"""Cleaner: segment -> rules -> heuristics -> select -> title -> assemble, with rules compiled once."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from .assemble import assemble
from .config import Config
from .decide import decide
from .features import measure
from .heuristics import DEFAULT_HEURISTICS, Heuristic
from .html import ExtractorVotes
from .model import Result
from .page import Page, RuleCache
from .rules import RuleSet, builtin_pack_paths, load_packs
from .segment import Document, segment

#: Inputs longer than this (characters) are cleaned with the cyclic garbage collector paused:
#: cleaning makes millions of small objects and no cycles, and the collector's repeated scans
#: would otherwise cost ~40% on a 25 MB input.
_PAUSE_GC_FROM = 1_000_000


@contextmanager
def _collector_paused(size: int) -> Iterator[None]:
    if size < _PAUSE_GC_FROM or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class Cleaner:
    """A configured cleaner; build it once (rules compile here) and reuse it; it pickles."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        paths = (builtin_pack_paths() if self.config.builtin_packs else ()) + self.config.packs
        rules = [r for r in load_packs(paths) if r.id not in self.config.disable]
        self.rules = RuleSet(rules, self.config.regex_timeout)
        self._cache = RuleCache()
        self.heuristics: tuple[Heuristic, ...] = tuple(h for h in DEFAULT_HEURISTICS if h.id not in self.config.disable)

    def __getstate__(self) -> dict[str, object]:
        return {"config": self.config}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["config"])  # type: ignore[misc, arg-type]

    def clean(self, text: str) -> Result:
        """Clean plain text; never raises on a ``str``."""
        if not isinstance(text, str):
            raise TypeError(f"clean() takes str, not {type(text).__name__}; use clean_html() for bytes")
        with _collector_paused(len(text)):
            return self._clean_document(segment(text), votes=None)

    def clean_html(self, html: str | bytes) -> Result:
        """Clean an HTML page: render it to text, then combine trafilatura's choice with ours."""
        from .html import render_html

        rendered = render_html(html, use_extractor=self.config.use_trafilatura)
        return self._clean_document(segment(rendered.text), votes=rendered.votes, warnings=rendered.warnings)

    def clean_many(self, texts: Iterable[str], jobs: int = 1, chunksize: int = 8) -> Iterator[Result]:
        """Clean many texts on the same code path as :meth:`clean`; input order is kept.

        With ``jobs > 1`` each worker process builds this Cleaner once (its rules compile once
        and its memo of rule outcomes stays warm), and texts travel in chunks of ``chunksize``.
        """
        if jobs <= 1:
            for text in texts:
                yield self.clean(text)
            return
        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(self.config,)) as pool:
            yield from pool.map(_clean_in_worker, texts, chunksize=chunksize)

    def _clean_document(
        self,
        doc: Document,
        votes: ExtractorVotes | None,
        warnings: Sequence[str] = (),
    ) -> Result:
        features = measure(doc, self.config.language)
        extractor_votes = tuple(None if votes is None else votes.kept(block.text) for block in doc.blocks)
        page = Page(
            doc,
            features.languages,
            features.blocks,
            extractor_votes,
            self.rules,
            list(warnings),
            tokens=features.tokens,
            cache=self._cache,
        )
        decisions, title = decide(page, self.heuristics, self.config.keep, self.config.exhaustive)
        return assemble(doc, decisions, title, page.warnings)


_WORKER: Cleaner | None = None


def _start_worker(config: Config) -> None:
    """Process-pool initializer: build the worker's Cleaner once."""
    global _WORKER
    _WORKER = Cleaner(config)


def _clean_in_worker(text: str) -> Result:
    assert _WORKER is not None, "the pool initializer builds the worker's Cleaner"
    return _WORKER.clean(text)


_DEFAULT: Cleaner | None = None


def default_cleaner() -> Cleaner:
    """The shared Cleaner with the default Config (built on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT


def clean(text: str) -> Result:
    """Clean plain text with the default settings."""
    return default_cleaner().clean(text)


def clean_html(html: str | bytes) -> Result:
    """Clean an HTML page (``str`` or ``bytes``) with the default settings."""
    return default_cleaner().clean_html(html)


__all__ = ["Cleaner", "clean", "clean_html", "default_cleaner"]

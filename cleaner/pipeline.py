"""Cleaner: the public entry point; it builds the engine from a Config (rules compile once) and feeds it."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from .config import Config
from .engine import Engine
from .engine.heuristics import DEFAULT_HEURISTICS, Heuristic
from .engine.rules import RuleSet, builtin_pack_paths, load_packs
from .model import Result
from .names import check_disable

#: Inputs longer than this (characters) are cleaned with the cyclic garbage collector paused:
#: cleaning makes millions of small objects and no cycles, and the collector's repeated scans
#: would otherwise cost ~40% on a 25 MB input.
_PAUSE_GC_FROM = 1_000_000


@contextmanager
def _collector_paused(pause: bool) -> Iterator[None]:
    if not pause or not gc.isenabled():
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
        loaded = load_packs(paths)
        check_disable(self.config.disable, [r.id for r in loaded], [h.id for h in DEFAULT_HEURISTICS])
        rules = [r for r in loaded if r.id not in self.config.disable]
        heuristics = tuple(h for h in DEFAULT_HEURISTICS if h.id not in self.config.disable)
        ruleset = RuleSet(rules, self.config.regex_timeout)
        self.engine = Engine(ruleset, heuristics, self.config.keep, self.config.language, self.config.exhaustive)

    @property
    def rules(self) -> RuleSet:
        """The compiled rules, in pack order."""
        return self.engine.rules

    @property
    def heuristics(self) -> tuple[Heuristic, ...]:
        """The heuristics that run, in order."""
        return self.engine.heuristics

    def __getstate__(self) -> dict[str, object]:
        return {"config": self.config}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["config"])  # type: ignore[misc, arg-type]

    def clean(self, text: str, *, url: str | None = None) -> Result:
        """Clean plain text; never raises on a ``str``. ``url`` (the page's address, if known)
        goes to ``result.metadata.url``."""
        if not isinstance(text, str):
            raise TypeError(f"clean() takes str, not {type(text).__name__}; use clean_html() for bytes")
        with _collector_paused(len(text) >= _PAUSE_GC_FROM):
            return self.engine.run(text, url=url)

    def clean_html(self, html: str | bytes, *, url: str | None = None) -> Result:
        """Clean an HTML page: render it to text, then combine trafilatura's choice with ours.
        ``url`` goes to ``result.metadata.url`` (else the page's canonical link, if it has one)."""
        from .html import render_html

        # The collector paused for the whole page, as for a long text: the parse trees, trafilatura
        # and our pass make many objects and no cycles; its scans cost 7% of HTML mode on AEB.
        with _collector_paused(True):
            rendered = render_html(html, use_extractor=self.config.use_trafilatura)
            return self.engine.run(
                rendered.text,
                rendered.votes,
                rendered.warnings,
                hints=rendered.head,
                url=url,
                headings=rendered.headings,
            )

    def clean_many(self, texts: Iterable[str], jobs: int = 1, chunksize: int = 8) -> Iterator[Result]:
        """Clean many texts on the same code path as :meth:`clean`; input order is kept.

        With ``jobs > 1`` each worker process builds this Cleaner once (its rules compile once),
        and texts travel in chunks of ``chunksize``.
        """
        if jobs <= 1:
            for text in texts:
                yield self.clean(text)
            return
        from concurrent.futures import ProcessPoolExecutor  # here: ~15 ms of imports a worker never needs

        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(self.config,)) as pool:
            yield from pool.map(_clean_in_worker, texts, chunksize=chunksize)


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


def clean(text: str, *, url: str | None = None) -> Result:
    """Clean plain text with the default settings."""
    return default_cleaner().clean(text, url=url)


def clean_html(html: str | bytes, *, url: str | None = None) -> Result:
    """Clean an HTML page (``str`` or ``bytes``) with the default settings."""
    return default_cleaner().clean_html(html, url=url)


__all__ = ["Cleaner", "clean", "clean_html", "default_cleaner"]

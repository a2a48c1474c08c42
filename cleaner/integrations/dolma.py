"""dolma: a tagger named ``cleaner`` that marks what cleaning would remove, for dolma's mixer.

dolma finds it the way it finds every external tagger, by importing this module::

    dolma tag --documents 'docs/*.json.gz' --experiment cleaner --taggers cleaner \\
        --tagger_modules cleaner.integrations.dolma

Each document gets one span list per removal label, ``[start, end, 1.0]`` in code points of
its ``text``, under ``cleaner__cleaner__<label>`` (dolma's ``<experiment>__<tagger>__<key>``;
every label is present, empty when nothing carries it). These are the attributes that
``cleaner clean --format dolma`` writes, so a mixer configuration works on either. A mixer's
``span_replacement`` with ``replacement: ""`` on them leaves the article text.

The tagger cleans with the default settings, or with the config file named by the
``CLEANER_CONFIG`` environment variable (``Config.from_toml``). Install with
``pip install 'cleaner[dolma]'``.
"""

from __future__ import annotations

import os
from typing import Any

from ..config import Config
from ..model import LABELS

#: How to get what this module needs; in the message when dolma is missing.
INSTALL_HINT = "pip install 'cleaner[dolma]'"
#: The tagger's name in dolma's registry (``--taggers cleaner``).
TAGGER_NAME = "cleaner"
#: The environment variable naming a cleaner config file (TOML) for the tagger.
CONFIG_ENV = "CLEANER_CONFIG"
#: The span types, one attribute each: every removal label.
REMOVAL_LABELS: tuple[str, ...] = tuple(label for label in LABELS if label != "body")

try:
    from dolma import add_tagger
    from dolma.core.data_types import DocResult, Span
    from dolma.core.taggers import BaseTagger
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise ImportError(f"cleaner.integrations.dolma needs dolma ({exc}); install it with: {INSTALL_HINT}") from exc


def tagger_config() -> Config:
    """The Config the tagger cleans with: ``$CLEANER_CONFIG`` if set, else the defaults."""
    path = os.environ.get(CONFIG_ENV)
    return Config.from_toml(path) if path else Config()


@add_tagger(TAGGER_NAME)
class CleanerTagger(BaseTagger):  # type: ignore[misc]
    """Spans of ``doc.text`` that cleaning removes, typed by their removal label."""

    def __init__(self) -> None:
        from ..batch.work import cleaner_for

        self.cleaner = cleaner_for(tagger_config())

    @property
    def defaults(self) -> list[str]:
        """Every label is written for every document, an empty list when nothing carries it."""
        return list(REMOVAL_LABELS)

    def predict(self, doc: Any) -> Any:
        result = self.cleaner.clean(doc.text)
        spans = [Span(start=r.start, end=r.end, type=r.label, score=1.0) for r in result.removals]
        return DocResult(doc=doc, spans=spans)


__all__ = ["CONFIG_ENV", "INSTALL_HINT", "TAGGER_NAME", "CleanerTagger", "tagger_config"]

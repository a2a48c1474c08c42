"""datatrove: clean documents inside a datatrove pipeline.

- :class:`CleanerStep`, for text corpora (Common Crawl WET, JSONL): ``doc.text`` becomes the
  article body.
- :class:`CleanerExtractor`, a datatrove ``BaseExtractor`` for HTML (WARC responses, HTML in
  JSONL): it runs in datatrove's extractor sandbox, with its per-document time limit (1 s by
  default, as every datatrove extractor), and ``doc.text`` becomes the article body.

Both put what cleaning found into ``doc.metadata``: ``title``, ``cleaner_metadata`` (authors,
date, language and URL with their provenance: ``Metadata.to_dict()``) and, with
``removals=True``, ``cleaner_removals`` (each removal's dict with its ``text``); a ``url`` the
reader put into the metadata is passed on to ``result.metadata.url``. They count every removal
in datatrove's stats, per label (``removed/<label>``) and per rule (``rule/<rule id>``), and drop
a document whose body is shorter than ``min_chars`` (``dropped``), as datatrove's own steps do::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerExtractor

    LocalPipelineExecutor([WarcReader("crawl/"), CleanerExtractor(), JsonlWriter("out/")], tasks=4).run()

Install with ``pip install 'cleaner[datatrove]'``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..config import Config
from ..model import Result

#: How to get what this module needs; in the message when datatrove is missing.
INSTALL_HINT = "pip install 'cleaner[datatrove]'"

try:
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # pragma: no cover - exercised without the extra
    message = f"cleaner.integrations.datatrove needs datatrove ({exc}); install it with: {INSTALL_HINT}"
    raise ImportError(message) from exc

#: A tiny page cleaned in the sandbox's warm-up call: the worker imports and builds everything
#: before its first document's time limit starts.
WARM_UP_PAGE = "<html><head><title>Warm-up</title></head><body><p>The warm-up paragraph.</p></body></html>"


class _Cleaning:
    """What both steps share: the Cleaner, the options, and the Result -> Document mapping."""

    def __init__(self, config: Config | None, removals: bool, min_chars: int) -> None:
        self.config = config or Config()
        self.removals = removals
        self.min_chars = min_chars

    def cleaner(self) -> Any:
        from ..batch.work import cleaner_for

        return cleaner_for(self.config)

    def document_values(self, result: Result) -> dict[str, Any]:
        """What goes back into the document: its text and metadata entries (picklable, for the sandbox)."""
        values: dict[str, Any] = {
            "text": result.text,
            "title": result.title,
            "cleaner_metadata": result.metadata.to_dict(),
            "counts": _counts(result),
        }
        if self.removals:
            values["cleaner_removals"] = [
                {**removal.to_dict(), "text": result.removed_text(removal)} for removal in result.removals
            ]
        return values


def _counts(result: Result) -> dict[str, int]:
    """Removals per stat name: ``removed/<label>`` and ``rule/<rule id>``."""
    counts: Counter[str] = Counter()
    for removal in result.removals:
        counts[f"removed/{removal.label}"] += 1
        counts[f"rule/{removal.rule}"] += 1
    return dict(counts)


def _apply(step: Any, cleaning: _Cleaning, doc: Any, values: dict[str, Any]) -> bool:
    """Write ``values`` into ``doc`` and count them; whether the document goes on."""
    doc.text = values["text"]
    doc.metadata["title"] = values["title"]
    doc.metadata["cleaner_metadata"] = values["cleaner_metadata"]
    if "cleaner_removals" in values:
        doc.metadata["cleaner_removals"] = values["cleaner_removals"]
    for name, count in values["counts"].items():
        step.stat_update(name, value=count)
    if len(doc.text) < max(cleaning.min_chars, 1):
        step.stat_update(StatHints.dropped)
        return False
    step.stat_update(StatHints.forwarded)
    step.update_doc_stats(doc)
    return True


class CleanerStep(PipelineStep):
    """Clean ``doc.text`` (plain text: WET records, JSONL) into the article body, in place.

    Args:
        config: the cleaner's settings (rule packs, labels kept, language, ...).
        removals: also put every removal (label, rule, reason, span and text) into
            ``doc.metadata["cleaner_removals"]``.
        min_chars: drop documents whose body is shorter (an empty body is always dropped).
    """

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

    def __init__(self, config: Config | None = None, *, removals: bool = False, min_chars: int = 1) -> None:
        super().__init__()
        self.cleaning = _Cleaning(config, removals, min_chars)

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Any:
        cleaner = self.cleaning.cleaner()
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                result = cleaner.clean(doc.text, url=doc.metadata.get("url"))
                keep = _apply(self, self.cleaning, doc, self.cleaning.document_values(result))
            if keep:
                yield doc


class CleanerExtractor(BaseExtractor):
    """Extract the article body from ``doc.text`` holding HTML, in datatrove's extractor sandbox.

    Args:
        config: the cleaner's settings.
        removals: also put every removal into ``doc.metadata["cleaner_removals"]`` (its offsets
            index the page's rendered text, and its ``text`` is that text's slice).
        min_chars: drop documents whose body is shorter.
        timeout: seconds per document (datatrove's default for extractors, 1 s): a document past
            it is dropped and counted as ``timeout``, and the sandbox process is restarted.
    """

    name = "🧹 cleaner"

    def __init__(
        self, config: Config | None = None, *, removals: bool = False, min_chars: int = 1, timeout: float = 1
    ) -> None:
        super().__init__(timeout)
        self.cleaning = _Cleaning(config, removals, min_chars)

    def extract(self, text: str, url: str | None = None) -> dict[str, Any] | Exception:  # type: ignore[override]
        """Clean one page (in the sandbox process): the values to write into the document, or the
        exception, which the sandbox re-raises in the pipeline's process (raised here, it would
        kill the sandbox process and cost a restart)."""
        try:
            if not text:  # the sandbox's warm-up call: build everything on a tiny page
                self.cleaning.cleaner().clean_html(WARM_UP_PAGE)
                return self.cleaning.document_values(Result(source="", text=""))
            return self.cleaning.document_values(self.cleaning.cleaner().clean_html(text, url=url))
        except Exception as exc:
            return exc

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Any:
        """``BaseExtractor.run`` with the title, metadata and counts carried back from the sandbox."""
        # Warm before the sandbox starts its process (forked, it inherits the imports and the
        # built Cleaner): the first document's time limit then covers cleaning alone.
        self.cleaning.cleaner().clean_html(WARM_UP_PAGE)
        with ExtractorSandbox(timeout=self.timeout, warmup_text="") as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    try:
                        values = sandbox.process_document((doc.text, doc.metadata.get("url")), self.extract)
                    except TimeoutError:
                        self.stat_update("timeout")
                        continue
                    except EOFError:
                        self.stat_update("broken_process")
                        continue
                    except Exception as exc:  # an InputError on a page that is not HTML, say
                        self.stat_update("clean_error", f"clean_error/{type(exc).__name__}")
                        continue
                    self.stat_update("extracted")
                    keep = _apply(self, self.cleaning, doc, values)
                if keep:
                    yield doc


__all__ = ["INSTALL_HINT", "CleanerExtractor", "CleanerStep"]

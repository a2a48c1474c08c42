"""BatchOptions: the settings of one batch run, shared by the local and the Ray engines."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

from ..config import Config
from ..errors import CleanerError
from .budget import DEFAULT_DOC_TIMEOUT
from .formats.compression import CHOICES as COMPRESSIONS
from .limits import MAX_BYTES

#: Output formats: plain body text, one JSON result per file, JSON lines, or dolma's
#: documents + attributes layout (``docs/batch.md`` has the table of what each input gives).
FORMATS: tuple[str, ...] = ("txt", "json", "jsonl", "dolma")
#: How much provenance the outputs carry: everything, offsets only, or just the text and title.
PROVENANCE: tuple[str, ...] = ("full", "spans", "none")


def default_jobs() -> int:
    """The number of cores this process may use (the default of ``--jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch; frozen and picklable so workers (processes, Ray tasks) can take it."""

    #: Output format for text and HTML inputs; JSONL inputs always come back as JSONL records.
    format: str = "txt"
    #: Worker processes; 1 runs in the calling process (no pool).
    jobs: int = field(default_factory=default_jobs)
    #: Redo inputs whose output already exists (a rerun skips them otherwise).
    force: bool = False
    #: The cleaner settings; crosses only the ``Cleaner`` constructor in each worker.
    config: Config = field(default_factory=Config)
    #: Show a rich progress bar (the CLI sets it only when stderr is a terminal).
    progress: bool = False
    #: The fields (JSONL) or columns (Parquet) that may hold a record's text, tried in order (the
    #: first a record has is cleaned), e.g. ``("text", "raw_content")`` for RedPajama beside others.
    text_fields: tuple[str, ...] = ("text",)
    #: The field or column holding each record's id (records without one get ``FILE:LINE``).
    id_field: str = "id"
    #: Output compression: None keeps each input's own, ``none`` writes plain files.
    compress: str | None = None
    #: ``full``, ``spans`` or ``none`` (see :data:`PROVENANCE` and ``docs/batch.md``).
    provenance: str = "full"
    #: Documents whose clean body is shorter (characters) go to ``OUT/rejects/`` instead; 0: none.
    min_chars: int = 0
    #: Print a line per finished file (and each of its failures) on stderr.
    verbose: bool = False
    #: The most decompressed bytes one document may take (a file, a JSONL line, a WARC record,
    #: stdin's text or HTML); a larger one fails, unread past the limit (``--max-bytes``).
    max_bytes: int = MAX_BYTES
    #: Seconds one document may take (``--doc-timeout``); past it the document fails alone. 0: no limit.
    doc_timeout: float = DEFAULT_DOC_TIMEOUT

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise CleanerError(f"unknown format {self.format!r}; choose one of {', '.join(FORMATS)}")
        if self.jobs < 1:
            raise CleanerError(f"--jobs must be at least 1, not {self.jobs}")
        if self.compress is not None and self.compress not in COMPRESSIONS:
            raise CleanerError(f"unknown compression {self.compress!r}; choose one of {', '.join(COMPRESSIONS)}")
        if self.provenance not in PROVENANCE:
            raise CleanerError(f"unknown provenance {self.provenance!r}; choose one of {', '.join(PROVENANCE)}")
        if self.min_chars < 0:
            raise CleanerError(f"--min-chars must be 0 or more, not {self.min_chars}")
        if self.min_chars and self.format == "dolma":
            raise CleanerError(
                "--min-chars does not apply to --format dolma, which leaves documents whole: filter them in "
                "dolma's mixer (its output.min_text_length, after the span replacement)"
            )
        if self.max_bytes < 1:
            raise CleanerError(f"--max-bytes must be at least 1, not {self.max_bytes}")
        if not math.isfinite(self.doc_timeout) or self.doc_timeout < 0:
            raise CleanerError(f"--doc-timeout must be 0 (no limit) or a number of seconds, not {self.doc_timeout}")
        if not self.text_fields or not all(self.text_fields) or not self.id_field:
            raise CleanerError("--text-field and --id-field need a name")

"""BatchOptions: the settings of one batch run, shared by the local and the Ray engines."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..config import Config
from ..errors import CleanerError

#: Output formats: plain body text, one JSON result per file, or JSON lines.
FORMATS: tuple[str, ...] = ("txt", "json", "jsonl")


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

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise CleanerError(f"unknown format {self.format!r}; choose one of {', '.join(FORMATS)}")
        if self.jobs < 1:
            raise CleanerError(f"--jobs must be at least 1, not {self.jobs}")

"""Batch cleaning of files and folders: discover -> read -> clean -> write, with resume and failures.

The building blocks are shared by every engine (the local process pool here, Ray in
``cleaner.integrations.ray``), so outputs are identical whichever engine ran:

- :func:`discover` walks PATHs into :class:`Source` items (and walk failures);
- :func:`read_documents` turns a Source into documents (or per-record failures);
- :func:`process_task` cleans one file into its output, atomically, returning a :class:`FileOutcome`;
- :class:`BatchRun` sets OUT up (lock, temp sweep, resume, ``failures.jsonl``) and accounts for
  outcomes in a :class:`BatchReport`; :func:`run_batch` is the local engine end to end.
"""

from .discover import Discovery, Source, classify, discover
from .failures import FAILURES_NAME, TEMP_PREFIX, Failure, FailureLog, read_failures
from .options import FORMATS, BatchOptions, default_jobs
from .readers import Document, read_documents
from .report import BatchReport, FileOutcome
from .run import BatchRun
from .runner import execute, run_batch
from .stdio import clean_stream
from .work import Task, clean_document, cleaner_for, process_task, process_tasks, render_output
from .writers import atomic_writer, is_done, output_format, plan_outputs, remove_temp_files

__all__ = [
    "FAILURES_NAME",
    "FORMATS",
    "TEMP_PREFIX",
    "BatchOptions",
    "BatchReport",
    "BatchRun",
    "Discovery",
    "Document",
    "Failure",
    "FailureLog",
    "FileOutcome",
    "Source",
    "Task",
    "atomic_writer",
    "classify",
    "clean_document",
    "clean_stream",
    "cleaner_for",
    "default_jobs",
    "discover",
    "execute",
    "is_done",
    "output_format",
    "plan_outputs",
    "process_task",
    "process_tasks",
    "read_documents",
    "read_failures",
    "remove_temp_files",
    "render_output",
    "run_batch",
]

"""Hugging Face ``datasets``: ``clean_batch`` for ``ds.map(..., batched=True)``, and ``clean_dataset``.

Every input column is kept; ``text`` is replaced by the clean body and ``title``, ``pieces``
(``[source, target, length]`` triples), ``removals`` (objects), ``warnings`` and ``error`` are
added, with the same names and types as the Ray integration. A record that cannot be cleaned
gets null ``text``/``title``, empty provenance and the error message instead of failing the map::

    ds = ds.map(clean_batch, batched=True, features=result_features(ds.features))
    ds = clean_dataset(ds)  # the same in one call; options: column=, html=, config=, num_proc=...

Pass ``features=``: ``datasets`` fixes each column's type from the first batch it writes, so a
first batch without any title, warning or error would type those columns as null and a later
batch that has one would fail. The Cleaner is built once per process and config (``num_proc``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..batch.work import cleaner_for
from ..config import Config
from ..model import Result

#: The columns set for every record, in order (then the error column).
RESULT_COLUMNS: tuple[str, ...] = ("text", "title", "pieces", "removals", "warnings")


def clean_batch(
    batch: Mapping[str, Sequence[Any]],
    column: str = "text",
    *,
    config: Config | None = None,
    html: bool = False,
    source_column: str | None = None,
    error_column: str = "error",
) -> dict[str, list[Any]]:
    """Clean ``batch[column]``; returns the result columns (``datasets`` merges them into the rows)."""
    if column not in batch:
        raise KeyError(f"no column {column!r} to clean; the batch has {sorted(batch)}")
    cleaner = cleaner_for(config or Config())
    columns: dict[str, list[Any]] = {name: [] for name in RESULT_COLUMNS}
    sources: list[str | None] = []
    errors: list[str | None] = []
    for value in batch[column]:
        try:
            result: Result | None = cleaner.clean_html(value) if html else cleaner.clean(value)
        except Exception as exc:  # one bad record must not fail a map over millions
            result = None
            errors.append(f"{type(exc).__name__}: {exc}")
        else:
            errors.append(None)
        _append(columns, result)
        sources.append(result.source if result is not None else None)
    if source_column:
        columns[source_column] = sources
    columns[error_column] = errors
    return columns


def _append(columns: dict[str, list[Any]], result: Result | None) -> None:
    if result is None:
        empties: tuple[Any, ...] = (None, None, [], [], [])
        for name, empty in zip(RESULT_COLUMNS, empties, strict=True):
            columns[name].append(empty)
        return
    data = result.to_dict()
    for name in RESULT_COLUMNS:
        columns[name].append(data[name])


def result_features(features: Any = None, *, source_column: str | None = None, error_column: str = "error") -> Any:
    """``datasets.Features`` of a cleaned dataset: the input's features plus the result columns."""
    from datasets import Features, Sequence, Value

    removal = {
        "start": Value("int64"),
        "end": Value("int64"),
        "label": Value("string"),
        "rule": Value("string"),
        "reason": Value("string"),
    }
    added: dict[str, Any] = {
        "text": Value("string"),
        "title": Value("string"),
        "pieces": Sequence(Sequence(Value("int64"))),
        "removals": [removal],
        "warnings": Sequence(Value("string")),
    }
    if source_column:
        added[source_column] = Value("string")
    added[error_column] = Value("string")
    return Features({**dict(features or {}), **added})


def clean_dataset(
    ds: Any,
    column: str = "text",
    *,
    config: Config | None = None,
    html: bool = False,
    source_column: str | None = None,
    error_column: str = "error",
    **map_options: Any,
) -> Any:
    """``ds.map(clean_batch, batched=True)`` with the result types pinned; extra options go to ``map``."""
    options = {"config": config, "html": html, "source_column": source_column, "error_column": error_column}
    features = result_features(ds.features, source_column=source_column, error_column=error_column)
    return ds.map(clean_batch, batched=True, features=features, fn_kwargs={"column": column, **options}, **map_options)

"""Hugging Face ``datasets``: ``clean_batch`` for ``ds.map(..., batched=True)``, and ``clean_dataset``.

Every input column is kept; ``text`` is replaced by the clean body and ``title``, ``pieces``,
``removals``, ``warnings`` and ``error`` are added::

    ds = ds.map(clean_batch, batched=True)
    ds = clean_dataset(ds)  # the same in one call; options: column=, html=, config=, num_proc=...
    result = to_result(ds[0], source)  # a row back to the cleaner.Result (source: what was cleaned)

Every added value is a string, never null, so ``datasets`` infers the same types from every
batch and no ``features=`` is needed. (It types each column from the first batch it writes: a
first batch without any title, removal, warning or error would type those columns as null, or
lists of null, and the first later batch that has one would fail.) So ``title`` is ``""`` when
none is found, ``error`` is ``""`` for a cleaned record, and ``pieces`` (``[source, target,
length]`` triples), ``removals`` (objects) and ``warnings`` hold the JSON text of their
``Result.to_dict()`` lists. A record that cannot be cleaned gets ``""`` text and title, ``"[]"``
provenance and ``"ExceptionType: message"`` in ``error`` instead of failing the map. The Cleaner
is built once per process and config (``num_proc``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..batch.work import cleaner_for
from ..config import Config
from ..model import Result
from .columns import RESULT_COLUMNS, clean_outcome, outcome_columns

#: The result columns held as JSON text: ``datasets`` cannot type a list from empty ones.
JSON_COLUMNS: tuple[str, ...] = ("pieces", "removals", "warnings")


def clean_batch(
    batch: Mapping[str, Sequence[Any]],
    column: str = "text",
    *,
    config: Config | None = None,
    html: bool = False,
    source_column: str | None = None,
    error_column: str = "error",
) -> dict[str, list[str]]:
    """Clean ``batch[column]``; returns the result columns as strings (``datasets`` merges them into the rows)."""
    if column not in batch:
        raise KeyError(f"no column {column!r} to clean; the batch has {sorted(batch)}")
    cleaner = cleaner_for(config or Config())
    outcomes = [clean_outcome(cleaner, value, html=html) for value in batch[column]]
    columns = outcome_columns(outcomes, source_column=source_column, error_column=error_column)
    as_json = set(JSON_COLUMNS) - {source_column, error_column}
    return {name: [_json(v) if name in as_json else v or "" for v in values] for name, values in columns.items()}


def _json(value: Any) -> str:
    """Compact JSON text of a list, non-ASCII kept as is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def to_result(row: Mapping[str, Any], source: str, *, error_column: str = "error") -> Result | None:
    """The ``Result`` a cleaned row holds (None if it failed); ``source`` is the text its offsets index."""
    if row[error_column]:
        return None
    nested = {name: json.loads(row[name]) for name in JSON_COLUMNS}
    return Result.from_dict({"source": source, "text": row["text"], "title": row["title"] or None, **nested})


def result_features(features: Any = None, *, source_column: str | None = None, error_column: str = "error") -> Any:
    """``datasets.Features`` of a cleaned dataset: the input's features plus the result columns."""
    from datasets import Features, Value

    added: dict[str, Any] = {name: Value("string") for name in RESULT_COLUMNS}
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
    """``ds.map(clean_batch, batched=True, features=result_features(ds.features))``; extra options go to ``map``."""
    options = {"config": config, "html": html, "source_column": source_column, "error_column": error_column}
    features = result_features(ds.features, source_column=source_column, error_column=error_column)
    return ds.map(clean_batch, batched=True, features=features, fn_kwargs={"column": column, **options}, **map_options)

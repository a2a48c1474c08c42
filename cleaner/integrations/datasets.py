"""Hugging Face ``datasets``: ``clean_dataset``, and ``clean_batch`` for ``ds.map(..., batched=True)``.

Every input column is kept; ``text`` is replaced by the clean body and ``title``, ``pieces``,
``removals``, ``warnings``, ``page_metadata`` (``Result.metadata``) and ``error`` are added, as
typed Arrow columns (lists of structs, not JSON text), so Arrow can filter on ``removals.label``::

    ds = clean_dataset(ds)  # options: column=, html=, config=, source_column=, num_proc=...
    ds = ds.map(clean_batch, batched=True, features=result_features(ds.features))  # the same
    result = to_result(ds[0], source)  # a row back to the cleaner.Result (source: what was cleaned)

``features=`` is needed with ``clean_batch``: ``datasets`` otherwise types each column from the
first batch it writes, and a batch without any removal would type ``removals`` as a list of
nulls, which a later batch cannot be written into. ``clean_dataset`` passes it. A record that
cannot be cleaned gets null ``text`` and ``title``, empty lists and ``"ExceptionType: message"``
in ``error`` (null for a cleaned record) instead of failing the map. The Cleaner is built once
per process and config (``num_proc``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..batch.work import cleaner_for
from ..config import Config
from ..model import Result
from .columns import RESULT_COLUMNS, clean_outcome, outcome_columns

#: The fields of one piece and one removal, as the struct columns hold them (``Result.to_dict()``
#: writes a piece as a ``[source, target, length]`` triple; here it is named, like a removal).
PIECE_FIELDS: tuple[str, ...] = ("source", "target", "length")
REMOVAL_FIELDS: tuple[str, ...] = ("start", "end", "label", "rule", "reason")
#: The column of ``Result.metadata`` (not "metadata": corpora in the datatrove and dolma form
#: already have a ``metadata`` column, which is passed through), and the fields of one value in it.
METADATA_COLUMN = "page_metadata"
METADATA_FIELD: tuple[str, ...] = ("value", "origin", "start", "end", "raw", "rule")


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
    outcomes = [clean_outcome(cleaner, value, html=html) for value in batch[column]]
    columns = outcome_columns(outcomes, source_column=source_column, error_column=error_column)
    columns["pieces"] = [[dict(zip(PIECE_FIELDS, triple, strict=True)) for triple in row] for row in columns["pieces"]]
    error = columns.pop(error_column)
    columns[METADATA_COLUMN] = [None if isinstance(o, str) else o.metadata.to_dict() for o in outcomes]
    columns[error_column] = error
    return columns


def to_result(row: Mapping[str, Any], source: str, *, error_column: str = "error") -> Result | None:
    """The ``Result`` a cleaned row holds (None if it failed); ``source`` is the text its offsets index."""
    if row[error_column]:
        return None
    pieces = [[piece[name] for name in PIECE_FIELDS] for piece in row["pieces"]]
    data = {name: row[name] for name in RESULT_COLUMNS}
    return Result.from_dict({**data, "source": source, "pieces": pieces, "metadata": row[METADATA_COLUMN]})


def result_features(features: Any = None, *, source_column: str | None = None, error_column: str = "error") -> Any:
    """``datasets.Features`` of a cleaned dataset: the input's features plus the typed result columns."""
    from datasets import Features, Value

    string, offset = Value("string"), Value("int64")
    field = {name: offset if name in ("start", "end") else string for name in METADATA_FIELD}
    added: dict[str, Any] = {
        "text": string,
        "title": string,
        "pieces": [{name: offset for name in PIECE_FIELDS}],
        "removals": [{name: offset if name in ("start", "end") else string for name in REMOVAL_FIELDS}],
        "warnings": [string],
    }
    if source_column:
        added[source_column] = string
    added[METADATA_COLUMN] = {"authors": [field], "date": field, "language": field, "url": field}
    added[error_column] = string
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

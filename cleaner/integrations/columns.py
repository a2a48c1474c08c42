"""The result columns every dataset integration adds, built once here for Ray and ``datasets``.

A batch is cleaned record by record into outcomes (a :class:`~cleaner.model.Result`, or the
``"ExceptionType: message"`` of a record that could not be cleaned), and the outcomes become
columns of JSON-form values. Each integration then gives them its own storage types.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Result
from ..pipeline import Cleaner

#: The columns set for every record, in order (then the optional source column, then the error column).
RESULT_COLUMNS: tuple[str, ...] = ("text", "title", "pieces", "removals", "warnings")


def clean_outcome(cleaner: Cleaner, value: Any, *, html: bool = False) -> Result | str:
    """Clean one value, or return ``"Type: message"``: one bad record must never fail a job of millions."""
    try:
        return cleaner.clean_html(value) if html else cleaner.clean(value)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


def failed_values() -> dict[str, Any]:
    """What a record that could not be cleaned gets: null text, title and source, empty provenance."""
    return {"source": None, "text": None, "title": None, "pieces": [], "removals": [], "warnings": []}


def outcome_columns(
    outcomes: Iterable[Result | str],
    *,
    source_column: str | None = None,
    error_column: str = "error",
) -> dict[str, list[Any]]:
    """One list per column, in ``Result.to_dict()`` form, so every integration adds the same values.

    A failed record gets :func:`failed_values` and its message in ``error_column`` (None for the others).
    """
    names = [*RESULT_COLUMNS, "source"] if source_column else list(RESULT_COLUMNS)
    columns: dict[str, list[Any]] = {name: [] for name in names}
    errors: list[str | None] = []
    for outcome in outcomes:
        data = failed_values() if isinstance(outcome, str) else outcome.to_dict()
        for name in names:
            columns[name].append(data[name])
        errors.append(outcome if isinstance(outcome, str) else None)
    if source_column:
        columns[source_column] = columns.pop("source")
    columns[error_column] = errors
    return columns

"""How much provenance an output carries (``--provenance full|spans|none``), as plain data.

- ``full``: everything, as ``Result.to_dict()`` (for a record that was HTML, the rendered page
  text the offsets index is added as ``source``: the input does not hold it).
- ``spans``: the offsets without their copies: ``pieces``, ``removals`` without ``reason``,
  ``warnings``, the ``title``; no ``source``.
- ``none``: just the text and the ``title``.

JSON outputs keep pieces as ``[source, target, length]`` triples (the JSON contract); Parquet
gets them as structs ``{source, target, length}`` so Arrow can read their fields.
"""

from __future__ import annotations

from typing import Any

from ...model import Result

#: The fields of a removal each level keeps.
_REMOVAL_FIELDS = {"full": ("start", "end", "label", "rule", "reason"), "spans": ("start", "end", "label", "rule")}


def _pieces(result: Result, structs: bool) -> list[Any]:
    if structs:
        return [{"source": p.source, "target": p.target, "length": p.length} for p in result.pieces]
    return [p.to_list() for p in result.pieces]


def _removals(result: Result, level: str) -> list[dict[str, Any]]:
    keys = _REMOVAL_FIELDS[level]
    return [{key: getattr(r, key) for key in keys} for r in result.removals]


def result_fields(result: Result, level: str) -> dict[str, Any]:
    """A JSON result's fields (after ``id`` and ``path``) at ``level``: ``full`` is ``Result.to_dict()``."""
    if level == "full":
        return result.to_dict()
    if level == "none":
        return {"text": result.text, "title": result.title}
    return {
        "text": result.text,
        "title": result.title,
        "pieces": _pieces(result, structs=False),
        "removals": _removals(result, level),
        "warnings": list(result.warnings),
    }


def record_fields(result: Result, level: str, *, html: bool, structs: bool = False) -> dict[str, Any]:
    """What a record's ``cleaner`` field holds at ``level`` (the record's own text field holds the body)."""
    if level == "none":
        return {"title": result.title}
    fields: dict[str, Any] = {
        "title": result.title,
        "pieces": _pieces(result, structs),
        "removals": _removals(result, level),
        "warnings": list(result.warnings),
    }
    if level == "full" and html:
        fields["source"] = result.source
    return fields

"""The four contract invariants of DESIGN.md as a checker that lists every violation it finds."""

from __future__ import annotations

from typing import Protocol

from ..model import LABELS, Result

_REMOVAL_LABELS = frozenset(LABELS) - {"body"}


class _Cleans(Protocol):
    def clean(self, text: str) -> Result: ...


def _show(text: str, start: int, width: int = 30) -> str:
    return repr(text[max(0, start - 5) : start + width])


def _first_visible(text: str) -> int | None:
    """Offset of the first non-whitespace character of ``text``, or None."""
    for offset, char in enumerate(text):
        if not char.isspace():
            return offset
    return None


def piece_violations(result: Result) -> list[str]:
    """Invariant 1: each piece copies source to text exactly; pieces increase and are disjoint."""
    problems: list[str] = []
    source_end = target_end = 0
    for number, piece in enumerate(result.pieces):
        s, t, n = piece.source, piece.target, piece.length
        if n <= 0 or s < 0 or t < 0 or s + n > len(result.source) or t + n > len(result.text):
            problems.append(f"piece {number} {piece} is empty or out of bounds")
            continue
        if result.source[s : s + n] != result.text[t : t + n]:
            problems.append(f"piece {number} {piece}: source {_show(result.source, s)} != text {_show(result.text, t)}")
        if s < source_end or t < target_end:
            problems.append(f"piece {number} {piece} overlaps or precedes the previous piece")
        source_end, target_end = s + n, t + n
    return problems


def coverage_violations(result: Result) -> list[str]:
    """Invariant 2: every non-whitespace source character is in exactly one piece or removal."""
    problems: list[str] = []
    source = result.source
    intervals = [(p.source, p.source + p.length, f"piece {p}") for p in result.pieces]
    for removal in result.removals:
        if not 0 <= removal.start < removal.end <= len(source):
            problems.append(f"removal {removal} is empty or out of bounds")
            continue
        if removal.label not in _REMOVAL_LABELS:
            problems.append(f"removal {removal} has label {removal.label!r}, not a removal label")
        if not removal.rule or not removal.reason:
            problems.append(f"removal {removal} does not name its rule and reason")
        intervals.append((removal.start, removal.end, f"removal {removal.rule} ({removal.label})"))
    intervals.sort()
    cursor = 0
    for start, end, name in intervals:
        if start > cursor:
            offset = _first_visible(source[cursor:start])
            if offset is not None:
                problems.append(_uncovered(source, cursor + offset))
        elif start < cursor:
            offset = _first_visible(source[start : min(end, cursor)])
            if offset is not None:
                problems.append(f"source offset {start + offset} is covered twice (again by {name})")
        cursor = max(cursor, end)
    offset = _first_visible(source[cursor:])
    if offset is not None:
        problems.append(_uncovered(source, cursor + offset))
    return problems


def _uncovered(source: str, at: int) -> str:
    return f"source offset {at} {_show(source, at)} is in no piece/removal"


def text_violations(result: Result) -> list[str]:
    """Invariant 3: every non-whitespace character of ``text`` comes from a piece."""
    cursor = 0
    text = result.text
    for piece in sorted(result.pieces, key=lambda p: p.target):
        offset = _first_visible(text[cursor : piece.target])
        if offset is not None:
            return [f"text offset {cursor + offset} {_show(text, cursor + offset)} comes from no piece"]
        cursor = max(cursor, piece.target + piece.length)
    offset = _first_visible(text[cursor:])
    if offset is not None:
        return [f"text offset {cursor + offset} {_show(text, cursor + offset)} comes from no piece"]
    return []


def metadata_violations(result: Result) -> list[str]:
    """Every metadata field read from the text indexes exactly its ``raw`` text in ``source``, inside
    the removal of the rule it names; a field from elsewhere (the HTML head, the caller) has no span."""
    problems: list[str] = []
    metadata = result.metadata
    fields = [*metadata.authors, metadata.date, metadata.language, metadata.url]
    for field in (f for f in fields if f is not None):
        if field.origin != "text":
            if field.start is not None or field.end is not None:
                problems.append(f"metadata field {field} is not from the text but has a span")
            continue
        if field.start is None or field.end is None or not 0 <= field.start < field.end <= len(result.source):
            problems.append(f"metadata field {field} has no span in source, or one out of bounds")
            continue
        if result.source[field.start : field.end] != field.raw:
            problems.append(f"metadata field {field}: source holds {_show(result.source, field.start)} there")
        if field.rule and not any(
            r.rule == field.rule and r.start <= field.start and field.end <= r.end for r in result.removals
        ):
            problems.append(f"metadata field {field} lies in no removal of its rule {field.rule}")
    return problems


def idempotence_violations(result: Result, cleaner: _Cleans) -> list[str]:
    """Invariant 4: cleaning the clean text again changes nothing."""
    again = cleaner.clean(result.text).text
    if again == result.text:
        return []
    at = next((i for i, (a, b) in enumerate(zip(again, result.text, strict=False)) if a != b), None)
    at = min(len(again), len(result.text)) if at is None else at
    return [
        f"not idempotent: cleaning the clean text again changes it at offset {at}: "
        f"{_show(result.text, at)} became {_show(again, at)} (length {len(result.text)} -> {len(again)})"
    ]


def contract_violations(
    text: str, result: Result, *, cleaner: _Cleans | None = None, idempotent: bool = True
) -> list[str]:
    """Every broken invariant, as readable lines; empty when the contract holds.

    ``text`` is what was given to ``clean``; idempotence is checked with ``cleaner`` (the default
    cleaner if None) unless ``idempotent=False``.
    """
    problems = [] if result.source == text else ["result.source is not the input text"]
    problems += piece_violations(result) + coverage_violations(result) + text_violations(result)
    problems += metadata_violations(result)
    if idempotent:
        if cleaner is None:
            from ..pipeline import default_cleaner

            cleaner = default_cleaner()
        problems += idempotence_violations(result, cleaner)
    return problems


def assert_contract(text: str, result: Result, *, cleaner: _Cleans | None = None, idempotent: bool = True) -> None:
    """Raise ``AssertionError`` listing every broken invariant of ``result`` for input ``text``."""
    problems = contract_violations(text, result, cleaner=cleaner, idempotent=idempotent)
    if problems:
        shown = "\n  ".join(problems[:10])
        more = f"\n  ... and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise AssertionError(f"contract broken for input {text[:80]!r}:\n  {shown}{more}")

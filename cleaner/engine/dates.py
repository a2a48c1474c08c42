"""Find calendar dates in a line of text: each one's span and its value in ISO 8601.

Forms: ISO (``2021-03-03T09:15Z``), a day and a month name and a year in either order
(``3. März 2021, 09:15 Uhr``, ``March 3, 2021``, ``12 de marzo de 2018``, year first in Hungarian:
``2024. március 3., 10:15``), year-month-day with
CJK markers (``2021年3月3日``), and numeric dates (``03/03/2021``, ``3.3.2021``, ``2016.12.01``),
each optionally followed by a time and a UTC offset. Month names and each language's usual
order of day and month come from dateparser's per-language data (read as data: importing
dateparser costs ~0.2 s); a numeric date whose day and month could be swapped is read in that
order ("." between the parts is always day first), and one that fits neither is not a date.
Relative dates ("2 hours ago") have no value without the page's own date, so they are skipped.
"""

from __future__ import annotations

import importlib.util
import os
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

import regex

from .cache import cached, file_fingerprint
from .language_codes import language_code
from .rules.regex_code import from_code, pattern_code, regex_build


class FoundDate(NamedTuple):
    """A date in a text: ``text[start:end]`` and its ISO 8601 value (date, or date and time)."""

    start: int
    end: int
    value: str


_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
#: Used for every page: English month names are common on pages in any language.
_ALWAYS = "en"
_TIME = r"""(?:\s*(?:,|at|um|à|a\s+las|às|alle|ore|в|klo|kello|kl\.|στις|o|-|\||–|•|·)?\s*
    (?P<hour>[01]?\d|2[0-3])(?:[:h]|\.(?=\d\d))(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:[.,]\d+)?)?
    \s*(?P<ampm>[ap]\.?\s?m\.?(?!\p{L}))?(?:\s*(?:Uhr|h)(?!\p{L}))?
    (?:\s*(?P<zone>Z|UTC|GMT|[+-](?:[01]\d|2[0-3]):?[0-5]\d))?)?"""
_ISO = r"""(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})
    (?:[T ](?P<ih>[01]\d|2[0-3]):(?P<imin>[0-5]\d)(?::(?P<isec>[0-5]\d)(?:\.\d+)?)?
    \s*(?P<izone>Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?"""
_CJK = r"(?P<cy>\d{4})\s*[年년]\s*(?P<cm>\d{1,2})\s*[月월]\s*(?P<cd>\d{1,2})\s*[日일]"
_NUMERIC = r"(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d{2})(?!\d)"


@lru_cache(maxsize=64)
def _pattern(codes: tuple[str, ...]) -> tuple[Any, dict[str, int]]:
    """The date pattern for pages in these languages (their month names and English ones), and
    each month name's number. The compiled pattern is kept in the start-up cache (a few dozen
    milliseconds to compile: a few thousand month spellings)."""
    names = _month_numbers(codes)
    key = (codes, tuple(_month_key(code) for code in (*codes, _ALWAYS)), regex_build())
    code = cached("dates", key, lambda: pattern_code(_compile(names)))
    return (from_code(code) if code else None) or _compile(names), names


def _month_numbers(codes: tuple[str, ...]) -> dict[str, int]:
    names: dict[str, int] = {}
    for code in (*codes, _ALWAYS):
        for number, spellings in enumerate(_month_names(code)[1], start=1):
            for spelling in spellings:
                names.setdefault(spelling.casefold(), number)
    return names


def _compile(names: dict[str, int]) -> Any:
    months = "|".join(regex.escape(name) for name in sorted(names, key=len, reverse=True))
    day = r"(?P<{}>[0-2]?\d|3[01])(?:\.|st|nd|rd|th|er|º|°)?"
    named = (
        rf"{day.format('dd')}\s*(?:de\s+|of\s+)?(?P<dm>{months})\.?,?\s*(?:de\s+|del\s+)?(?P<dy>\d{{4}})"
        rf"|(?P<mm>{months})\.?\s+{day.format('md')},?\s+(?P<my>\d{{4}})"
        rf"|(?P<yy>\d{{4}})\.\s*(?P<ym>{months})\.?\s+(?P<yd>[0-2]?\d|3[01])\.?"  # year first (Hungarian)
    )
    body = rf"(?<![\p{{L}}\d])(?:{_ISO}|{_CJK}|(?:{named})(?!\d)|{_NUMERIC}){_TIME}"
    return regex.compile(body, regex.IGNORECASE | regex.VERBOSE)


def _month_key(code: str) -> tuple[Any, ...]:
    """What a language's month data is read from: dateparser's file, and this module."""
    path = _data_file(code)
    return (code, file_fingerprint(path) if path else None, file_fingerprint(__file__))


@lru_cache(maxsize=256)
def _month_names(code: str) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """A language's usual day/month order (``"DMY"``, ``"MDY"``, ``"YMD"``) and its month spellings."""
    path = _data_file(code)
    if path is None:
        return "DMY", ((),) * 12
    return cached("months", _month_key(code), lambda: _read_months(path))  # type: ignore[no-any-return]


def _read_months(path: str) -> tuple[str, tuple[tuple[str, ...], ...]]:
    spec = importlib.util.spec_from_file_location("_dateparser_data", path)
    if spec is None or spec.loader is None:
        return "DMY", ((),) * 12
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # a module holding one dict literal, ``info``
    info = module.info
    order = info.get("date_order", "DMY")
    months = tuple(tuple(str(s) for s in info.get(month, ()) if str(s).strip()) for month in _MONTHS)
    return order, months


@lru_cache(maxsize=256)
def _data_file(code: str) -> str | None:
    """dateparser's data file for a language code, or None (without importing dateparser)."""
    spec = importlib.util.find_spec("dateparser")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(next(iter(spec.submodule_search_locations)), "data", "date_translation_data", f"{code}.py")
    return path if os.path.isfile(path) else None


def find_dates(text: str, languages: tuple[str, ...] = ()) -> list[FoundDate]:
    """Every date in ``text`` that has a calendar value, in order; ``languages`` are jusText names."""
    codes = tuple(code for code in map(language_code, languages) if code)
    pattern, months = _pattern(codes)
    order = _month_names(codes[0])[0] if codes else _month_names(_ALWAYS)[0]
    found = []
    for match in pattern.finditer(text):
        value = _value(match, months, order)
        if value is not None:
            found.append(FoundDate(match.start(), match.end(), value))
    return found


def _value(match: Any, months: dict[str, int], order: str) -> str | None:
    """The ISO value of one match, or None when it is no calendar date (a 13th month, 31 April)."""
    group = match.group
    if group("iy"):
        ymd = int(group("iy")), int(group("im")), int(group("id"))
        time = (group("ih"), group("imin"), group("isec"), None, group("izone"))
    else:
        if group("cy"):
            ymd = int(group("cy")), int(group("cm")), int(group("cd"))
        elif group("dm"):
            ymd = int(group("dy")), months[group("dm").casefold()], int(group("dd"))
        elif group("mm"):
            ymd = int(group("my")), months[group("mm").casefold()], int(group("md"))
        elif group("ym"):
            ymd = int(group("yy")), months[group("ym").casefold()], int(group("yd"))
        else:
            numeric = _numeric(group("a"), group("b"), group("c"), group("sep"), order)
            if numeric is None:
                return None
            ymd = numeric
        time = (group("hour"), group("minute"), group("second"), group("ampm"), group("zone"))
    try:
        day = date(*ymd)
    except ValueError:
        return None
    return day.isoformat() + _time_value(*time)


def _numeric(a: str, b: str, c: str, separator: str, order: str) -> tuple[int, int, int] | None:
    """Year, month, day of ``a<sep>b<sep>c``: year first when ``a`` has four digits, else day first
    when ``a`` cannot be a month or the separator is ".", month first when ``b`` cannot be one,
    else the language's order."""
    if len(a) == 4:
        return int(a), int(b), int(c)
    if len(a) == 3:
        return None
    year = int(c) if len(c) == 4 else 2000 + int(c)
    first, second = int(a), int(b)
    if first > 12 or separator == ".":
        return year, second, first
    if second > 12:
        return year, first, second
    return (year, first, second) if order.startswith("M") else (year, second, first)


def _time_value(hour: str | None, minute: str | None, second: str | None, ampm: str | None, zone: str | None) -> str:
    """``"T09:15"`` (seconds and a UTC offset when given), or "" when there is no time."""
    if hour is None or minute is None:
        return ""
    h = int(hour)
    if ampm:
        if h > 12 or h == 0:
            return ""
        h = h % 12 + (12 if ampm[0] in "pP" else 0)
    value = f"T{h:02d}:{minute}" + (f":{second}" if second else "")
    if zone:
        offset = "+00:00" if zone.upper() in ("Z", "UTC", "GMT") else zone
        if len(offset) == 5:
            offset = offset[:3] + ":" + offset[3:]
        value += "Z" if offset == "+00:00" else offset
    return value


__all__ = ["FoundDate", "find_dates"]

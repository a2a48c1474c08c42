"""Limits a rule pack must keep to load: a finite regex time limit, a bounded pattern size and
repetition counts (``regex`` expands counted repeats when it compiles, so a huge count hangs or
exhausts memory before any time limit applies), and no pattern that matches everything."""

from __future__ import annotations

import math
from collections.abc import Callable

import regex

from ...errors import CleanerError

#: The largest regex time limit accepted (seconds): a search allowed longer is a hang in practice.
MAX_REGEX_TIMEOUT = 60.0
#: The longest pattern accepted, in characters (the built-in rules' longest is a few hundred).
MAX_PATTERN_LENGTH = 10_000
#: The largest count one quantifier may give (``{m}``, ``{m,n}``).
MAX_REPEAT = 10_000
#: The largest size a pattern may expand to: every atom counted once per repetition of each
#: quantifier around it. ``regex`` compiles ``(?:ab){50000}`` (100,000) in ~20 ms, and takes
#: time and memory in proportion beyond that.
MAX_EXPANDED = 100_000
#: A sentence any article may hold and no rule may remove: a pattern that matches it (or the
#: empty string) matches nearly every line, and would empty every output.
NEUTRAL_SENTENCES = (
    "The committee met on Tuesday and agreed to review the proposal again next spring.",
    "Die Gemeinde hat am Dienstag beschlossen, den Antrag im Frühjahr erneut zu prüfen.",
)
_COUNT_RE = regex.compile(r"\{(\d*)(?:,(\d*))?\}")
#: Escapes whose argument is written in braces (``\p{L}``, ``\N{name}``, ``\x{41}``, ``\g{1}``).
_BRACED_ESCAPES = frozenset("pPNxuUg")


def check_timeout(value: object, what: str) -> float:
    """``value`` as a regex time limit in seconds, or a CleanerError naming ``what`` and the range.

    NaN would mean no limit at all to ``regex`` and infinity a limit every search hits at once,
    so only a finite number above 0 and at most ``MAX_REGEX_TIMEOUT`` is accepted.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CleanerError(f"{what} must be a number of seconds, not {value!r}")
    if not math.isfinite(value) or not 0 < value <= MAX_REGEX_TIMEOUT:
        raise CleanerError(
            f"{what} must be a finite number of seconds above 0 and at most {MAX_REGEX_TIMEOUT:g}, not {value!r}"
        )
    return float(value)


def size_problem(pattern: str) -> str | None:
    """Why ``pattern`` is too large to compile safely (its length, a repetition count or its
    expanded size), or None. Read from the text before ``regex`` sees it."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"the pattern is {len(pattern):,} characters long (at most {MAX_PATTERN_LENGTH:,})"
    largest, expanded = repetition_sizes(pattern)
    if largest > MAX_REPEAT:
        return f"a repetition count of {largest:,} (at most {MAX_REPEAT:,})"
    if expanded > MAX_EXPANDED:
        return f"nested repetitions expand the pattern to {expanded:,} atoms (at most {MAX_EXPANDED:,})"
    return None


def repetition_sizes(pattern: str) -> tuple[int, int]:
    """The largest count of any quantifier and the pattern's expanded size.

    The expanded size counts every atom (a character, a class, an escape) once per repetition
    of every counted quantifier around it, taking a ``{m,n}``'s larger bound; ``*``, ``+`` and
    ``?`` count once (``regex`` does not expand them). A scan of the text, not a parse: a brace
    that is not a count is an atom, and an unbalanced parenthesis only ends or opens a group
    (``regex.compile`` reports the syntax error after).
    """
    largest = 0
    stack: list[list[int]] = [[0, 0]]  # per open group: [size so far, size of its last item]
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        frame = stack[-1]
        if ch == "(":
            stack.append([0, 0])
            i = _group_body(pattern, i)
            continue
        if ch == ")":
            if len(stack) > 1:
                size = stack.pop()[0]
                stack[-1][0] += size
                stack[-1][1] = size
            i += 1
            continue
        if ch == "{":
            count = _COUNT_RE.match(pattern, i)
            if count is not None and (count.group(1) or count.group(2)):
                bounds = [int(b) for b in count.groups() if b]
                times = max(bounds)
                largest = max(largest, times)
                frame[0] += frame[1] * (times - 1)
                frame[1] *= times
                i = count.end()
                continue
        if ch in "*+?|":
            i += 1
            continue
        i = _atom_end(pattern, i)
        frame[0] += 1
        frame[1] = 1
    while len(stack) > 1:
        size = stack.pop()[0]
        stack[-1][0] += size
    return largest, stack[0][0]


def _group_body(pattern: str, i: int) -> int:
    """Where the body of the group opened at ``pattern[i]`` starts: past ``(?:``, ``(?P<name>``,
    ``(?<=``, ``(?i:`` and the like (a comment ``(?#...)`` is skipped to its ``)``)."""
    j = i + 1
    if pattern[j : j + 1] != "?":
        return j
    j += 1
    if pattern[j : j + 1] == "#":
        close = pattern.find(")", j)
        return close if close > 0 else len(pattern)
    if pattern[j : j + 1] == "P":
        j += 1
    if pattern[j : j + 1] == "<" and pattern[j + 1 : j + 2] not in ("=", "!"):
        close = pattern.find(">", j)
        return close + 1 if close > 0 else len(pattern)
    if pattern[j : j + 1] == "<":
        return j + 2
    while j < len(pattern) and (pattern[j].isalpha() or pattern[j] == "-"):
        j += 1
    return j + 1 if pattern[j : j + 1] in (":", "=", "!", ">", "|") else j


def _atom_end(pattern: str, i: int) -> int:
    """Where the atom starting at ``pattern[i]`` ends: an escape, a character class or one character."""
    ch = pattern[i]
    if ch == "\\":
        if pattern[i + 1 : i + 2] in _BRACED_ESCAPES and pattern[i + 2 : i + 3] == "{":
            close = pattern.find("}", i)
            return close + 1 if close > 0 else len(pattern)
        return i + 2
    if ch == "[":
        j = i + 1
        if pattern[j : j + 1] == "^":
            j += 1
        if pattern[j : j + 1] == "]":
            j += 1
        depth = 1
        while j < len(pattern) and depth:
            if pattern[j] == "\\":
                j += 2
                continue
            if pattern[j] == "[":
                depth += 1
            elif pattern[j] == "]":
                depth -= 1
            j += 1
        return j
    return i + 1


def matches_everything(matches: Callable[[str], bool]) -> str | None:
    """The text no rule may match (the empty string, a neutral sentence) that ``matches`` says
    the rule matches, or None. A search that hits the time limit counts as no match."""
    for text in ("", *NEUTRAL_SENTENCES):
        try:
            if matches(text):
                return text
        except TimeoutError:
            continue
    return None

"""Context: what a line's neighbours say of it: a section's heading, what a colon announces, the
items of a list or the rows of a table, a line set tight as a menu's items are.

A line's neighbours are the lines next to it in the clean text: the nearest blocks on either
side that the article keeps (``Neighbours.of_kept``), or, before anything is decided, the
adjacent blocks (``Neighbours.adjacent``). Selection reads the context of the kept blocks of
one decoding into the next until the kept blocks stay the same, so a line is scored by the
neighbours it has in the result, which are the neighbours it has when the result is cleaned
again (idempotence).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass

import regex

from .features import BlockFeatures
from .scores import (
    ANNOUNCES,
    LINE_SCALE,
    MARKER_RE,
    PARAGRAPH_WORDS,
    SUBHEAD,
    TIGHT,
    ends_prose,
    quantity_last,
)

#: An announced list (``_announced_lists``): each of its lines scores ANNOUNCED more, and at
#: least LIST_FLOOR (the list is kept whole); it has at least MIN_LIST_ITEMS lines; a list under
#: a mere heading (HEADING_WORDS at most, no colon) must be data: DATA_SHARE of its lines hold a
#: number as a word. A structured list (``_structured_lists``) has as many lines, DATA_SHARE of
#: its rows (not its heading, nor a note under it) with a list marker, a number first, cells or
#: a property's name (three of four ingredients: "a pinch of salt" has none), and its lines
#: score at least LIST_FLOOR.
ANNOUNCED = 0.9
LIST_FLOOR = 0.1
MIN_LIST_ITEMS = 3
HEADING_WORDS = 10
DATA_SHARE = 0.75

#: A number standing as a word of its own ("June 9", "3-1", "$200"; not the digits in "TP_615").
_NUMBER_RE = regex.compile(r"\b\d")
#: A number as the first or second word: the data leading a row ("June 9 – Tampa", "3. Mai",
#: "Fri 12 June", "2019: ..."); a headline's number mostly stands later ("Renault cuts 5,000 jobs").
_LEADING_DATA_RE = regex.compile(r"^\W*(?:\w+\W+)?\d")
#: A row of data or a list's structured line has at least this many words: a bare figure ("108",
#: "84.1K") is a counter's (views, comments, shares), no row (``Lines.structured``, ``number``).
ROW_WORDS = 2
#: A name in a list (what is in a product's box: "Spatula", "USB-C charger 65 W") has at most
#: this many words (``_announced_lists``).
NAME_WORDS = 6
#: A line standing this many times after a sentence's end is furniture (``Lines.recurring``).
RECURRING = 2
#: A list's item is a phrase (a feature, a step) with at least this many words.
PHRASE_WORDS = 3
_LOWER_WORD_RE = regex.compile(r"\s\p{Ll}|\p{Lo}")
#: A number first, after any opening punctuation.
_LEADING_NUMBER_RE = regex.compile(r"^\W*\d")
#: A structured list keeps its hinted rows when at most one in HINTED_ROWS is (``add_context``).
HINTED_ROWS = 3
#: A review's or a roundup's pros and cons headings, in the languages cleaner writes rules for:
#: they announce the lists under them as a colon does (``Lines.colon``).
_VERDICT_NAMES = (
    r"pros|cons|pro|contra|the good|the bad|what we like|what we don'?t like|we like|we don'?t like"
    r"|vorteile|nachteile|pluspunkte|minuspunkte|plus|minus|positiv|negativ"
    r"|avantages|inconvénients|points forts|points faibles|on aime|on aime moins|les plus|les moins"
    r"|ventajas|desventajas|inconvenientes|pros y contras|a favor|en contra|lo mejor|lo peor"
    r"|pregi|difetti|punti di forza|punti deboli|vantaggi|svantaggi"
    r"|voordelen|nadelen|pluspunten|minpunten|prós|contras|vantagens|desvantagens|pontos fortes|pontos fracos"
    r"|zalety|wady|plusy|minusy|плюсы|минусы|достоинства|недостатки|fördelar|nackdelar|výhody|nevýhody"
    r"|avantaje|dezavantaje|artılar|eksiler|переваги|недоліки"
)
_VERDICT_HEADING = regex.compile(rf"(?i)^\W*(?:{_VERDICT_NAMES})\W*$")
#: The most ``\w+`` tokens a verdict heading holds (its name's: \W holds none), so a longer
#: line is not searched.
_VERDICT_TOKENS = max(len(regex.findall(r"\w+", name.replace("'?", "'"))) for name in _VERDICT_NAMES.split("|"))
#: A line of code: a call ("print(", "sum("), an operator set apart ("x = 1", "=>", "+="), or a
#: statement's end (";", "{", "}") or a block's opening colon at the line's end.
_CODE_RE = regex.compile(r"\w\(|\s(?:=|==|!=|=>|:=|\+=|-=)\s|[;{}]\s*$|:\s*$|^(?:from\s+[\w.]+\s+)?import\s+\w")
#: A shell command: a prompt, or a program's name every shell knows, in lower case, then its
#: arguments ("pip install x", "$ make test", "git clone URL"). Program names are the same in
#: every language; a sentence does not open in lower case. Or any lower-case word and then a
#: flag ("example-tool --version", "tool -v").
_COMMAND_RE = regex.compile(
    r"^(?:[$>#]\s+\S|(?:sudo\s+)?(?:pip3?|pipx|python3?|py|uv|poetry|conda|npm|npx|yarn|pnpm|node|deno|bun|"
    r"git|gh|svn|hg|cd|ls|mkdir|rm|cp|mv|cat|echo|export|source|chmod|chown|touch|grep|sed|awk|tar|unzip|"
    r"curl|wget|ssh|scp|rsync|docker|podman|kubectl|helm|terraform|ansible|vagrant|aws|gcloud|az|"
    r"apt|apt-get|dnf|yum|pacman|brew|port|choco|winget|snap|make|cmake|cargo|rustup|go|gem|bundle|"
    r"rails|composer|php|mvn|gradle|java|javac|dotnet|ruby|perl|systemctl|service|nginx|psql|mysql|"
    r"redis-cli|mongo|sqlite3)\s+[^\s.!?…]\S*|[a-z][\w.-]*\s+(?:\S+\s+)*--?[A-Za-z][\w-]*(?:[\s=]|$)|"
    r"\.{0,2}/[\w.-]+(?:/[\w.-]+)*(?:\s|$))"
)
_COMMAND_FIRST = frozenset("abcdefghijklmnopqrstuvwxyz$>#./")
#: A command is one line of at most this many characters (and a longer line is never read so:
#: the flag search backtracks, quadratic in a paragraph of millions of characters).
COMMAND_CHARS = 300
#: Programs whose names are words of English prose, and the prompts (a line opening with "# "
#: is a heading in Markdown): a line opening so, alone, may be prose or a heading.
_PROSE_PROGRAMS = frozenset(
    {"go", "make", "cat", "source", "touch", "service", "port", "snap", "bundle", "echo", "export", "#", ">"}
)
_SENTENCE_END_RE = regex.compile(r"(?r)\w[.!?…]\W*$")  # (searched backwards: it ends at the end)
#: A block of code (``_structured_lists``): at least CODE_LINES lines set tight, CODE_SHARE of
#: them marked as code.
CODE_LINES = 2
#: A block of code under a heading is told by its first CODE_WINDOW lines.
CODE_WINDOW = 12
CODE_SHARE = 0.66
#: A row of a table of properties, as a two-column table renders: a name of one to three words
#: (no digit, no sentence end; a range "Mardi – vendredi"), a colon (after a space, as French
#: sets it: "Lundi : fermé"; or a full-width colon, as Chinese and Japanese set it: "容量：0.8L"),
#: a value ("Weight: 2.3 kg", "Códecs: SBC, AAC"); the name may carry a qualifier in brackets
#: ("Weight (kg): 2.3", "England (Group A): 10th appearance").
_PROPERTY_RE = regex.compile(
    r"^\p{L}[\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}'’.–-]+){0,2}(?: \([^()\n]{1,30}\))?(?:[ \u00a0\u202f]?: |：)\S"
)
PROPERTY_WORDS = 10
PROPERTY_CHARS = 200
_OPTION_MARKS = ("·", " | ", "•")
#: Table cells: columns apart by a tab, a bar or a run of spaces.
_CELLS_RE = regex.compile(r"\S(?:\t| \| |   +)\S")


@dataclass(frozen=True, slots=True)
class Neighbours:
    """For each block: the block before and after it in the text (-1 and n for none), and
    whether it is joined to the one before by a single line break (set tight: adjacent blocks
    with no blank line between, which assembly joins by a line break)."""

    before: list[int]
    after: list[int]
    tight: list[bool]

    @classmethod
    def adjacent(cls, gaps: Sequence[int]) -> Neighbours:
        """Before anything is decided: the adjacent blocks."""
        n = len(gaps)
        return cls(list(range(-1, n - 1)), list(range(1, n + 1)), [i > 0 and gaps[i] == 0 for i in range(n)])

    @classmethod
    def of_kept(cls, gaps: Sequence[int], kept: Sequence[bool]) -> Neighbours:
        """In the clean text: the nearest kept blocks; a kept block is tight against the kept
        block before it when that one is adjacent and no blank line stands between them."""
        n = len(gaps)
        before = [-1] * n
        after = [n] * n
        last = -1
        for index in range(n):
            before[index] = last
            if kept[index]:
                last = index
        last = n
        for index in range(n - 1, -1, -1):
            after[index] = last
            if kept[index]:
                last = index
        tight = [before[i] == i - 1 and i > 0 and gaps[i] == 0 for i in range(n)]
        return cls(before, after, tight)


class Lines:
    """What context reads of each block's own text, measured once per page (and the costlier
    shapes only for blocks that stand in a run of lines): selection scores a page in several
    rounds, and only the scores, neighbours and claims change between them."""

    __slots__ = (
        "_code",
        "_command",
        "_counts",
        "_leading_number",
        "_number",
        "_structured",
        "announcing",
        "colon",
        "features",
        "has_stoplist",
        "open",
        "open_colon",
        "paragraph",
        "texts",
        "verdict",
    )

    def __init__(self, texts: Sequence[str], features: Sequence[BlockFeatures], has_stoplist: bool) -> None:
        self.texts = texts
        self.features = features
        self.has_stoplist = has_stoplist
        #: The blocks context may adjust: words, and not ending as prose (``ends_prose``).
        self.open = [index for index, f in enumerate(features) if f.words != 0 and not ends_prose(f, has_stoplist)]
        #: Per block: a review's pros or cons heading (``verdict``), which announces its list as a
        #: colon does; it ends with a colon or is one (``colon``: its text; ``open_colon``: its
        #: features, for ``open`` blocks).
        self.verdict = [
            f.tokens <= _VERDICT_TOKENS and _VERDICT_HEADING.match(text) is not None
            for text, f in zip(texts, features, strict=True)
        ]
        self.colon = [text.endswith(":") or verdict for text, verdict in zip(texts, self.verdict, strict=True)]
        self.open_colon = [f.ends_colon for f in features]
        #: Per block: a paragraph a subhead may stand above (PARAGRAPH_WORDS, ``ends_prose``).
        self.paragraph = [f.words >= PARAGRAPH_WORDS and ends_prose(f, has_stoplist) for f in features]
        #: The blocks that may announce a list (``_announced_lists``): a colon at the end, or
        #: shaped as a heading (no sentence end, 1 to HEADING_WORDS words).
        self.announcing = [
            index
            for index, f in enumerate(features)
            if self.colon[index] or (not f.ends_sentence and 1 <= f.words <= HEADING_WORDS)
        ]
        self._number: list[bool | None] = [None] * len(texts)
        self._leading_number: list[bool | None] = [None] * len(texts)
        self._command: list[bool | None] = [None] * len(texts)
        self._counts: Counter[str] | None = None
        self._structured: list[bool | None] = [None] * len(texts)
        self._code: list[bool | None] = [None] * len(texts)

    def structured(self, index: int) -> bool:
        """A list marker, a number first, or cells (``structured_row``) in a line of ROW_WORDS words
        or more, measured on first use."""
        known = self._structured[index]
        if known is None:
            known = self._structured[index] = self.features[index].words >= ROW_WORDS and structured_row(
                self.texts[index]
            )
        return known

    def number(self, index: int) -> bool:
        """A number standing as a word (``_NUMBER_RE``) in a line of ROW_WORDS words or more,
        measured on first use."""
        known = self._number[index]
        if known is None:
            known = self._number[index] = (
                self.features[index].words >= ROW_WORDS and _NUMBER_RE.search(self.texts[index]) is not None
            )
        return known

    def leading_number(self, index: int) -> bool:
        """A number as the first or second word (``_LEADING_DATA_RE``) of a line of ROW_WORDS
        words or more, measured on first use."""
        known = self._leading_number[index]
        if known is None:
            known = self._leading_number[index] = (
                self.features[index].words >= ROW_WORDS and _LEADING_DATA_RE.match(self.texts[index]) is not None
            )
        return known

    def recurring(self, index: int) -> bool:
        """The block's text stands after a sentence's end RECURRING times or more on the page
        (counted on first use): the furniture under every post ("Reply Quote"), not a section's
        heading, which stands after the text before it once (its entries in a table of contents
        stand among other entries)."""
        if self._counts is None:
            features, texts = self.features, self.texts
            self._counts = Counter(texts[i] for i in range(1, len(texts)) if features[i - 1].ends_sentence)
        return self._counts[self.texts[index]] >= RECURRING

    def phrase(self, index: int) -> bool:
        """A phrase: PHRASE_WORDS words or more, a word in lower case after the first (or a
        letter of a script without case, where nothing is set in title case), no sentence end
        (a feature or a step, not a menu's name or a headline in title case)."""
        f = self.features[index]
        return f.words >= PHRASE_WORDS and not f.ends_sentence and _LOWER_WORD_RE.search(self.texts[index]) is not None

    def command(self, index: int) -> bool:
        """A shell command that stands alone as a block of code (``_lone_command``), measured
        on first use."""
        known = self._command[index]
        if known is None:
            known = self._command[index] = _lone_command(self.texts[index])
        return known

    def code(self, index: int) -> bool:
        """A line marked as code (``_CODE_RE``), measured on first use."""
        known = self._code[index]
        if known is None:
            known = self._code[index] = code_line(self.texts[index])
        return known


def add_context(
    scores: list[float],
    lines: Lines,
    neighbours: Neighbours,
    claimed: Collection[int] = (),
    hinted: Collection[int] = (),
) -> tuple[list[float], set[int]]:
    """Scores with what a line's neighbours say of it (lines a rule or heuristic claims are left
    as they are, and are no neighbours of others), and the lines read as items of a list or rows
    of a table (not headlines):

    - set tight on both sides, as a menu's items are (TIGHT);
    - between a block worth keeping (or a structured list's or table's line, not code: a byline
      block's "Author:" reads as code) and a paragraph, or a block worth keeping set apart below it
      by a blank line (a section may open on a question, a quote, or a structured list, table or
      block of code, whose own lines score as non-prose), it is that section's heading
      (SUBHEAD), unless it ends with a colon (it announces what follows);
    - ending with a colon above a block worth keeping, it announces it (ANNOUNCES);
    - the lines of a list announced as the article's, or of a structured list or table, are kept
      whole (``_announced_lists``, ``_structured_lists``); a line only hinted (``hinted``: a
      house ad's "Name: pitch" shape, evidence outside the article) may be a structured list's
      row ("Starring: NAME, NAME"): the list's shape outweighs a hint on a few of its inner
      rows (1 / HINTED_ROWS at most; a hint on its first or last row, or on most rows, is a
      house ad or a filter box set tight against the list and outweighs the shape).
      Elsewhere hinted lines are read as claimed.
    """
    n = len(scores)
    paragraph, colon = lines.paragraph, lines.open_colon
    result = list(scores)
    before, after, tight = neighbours.before, neighbours.after, neighbours.tight
    taken = set(claimed) | set(hinted)  # (claimed or hinted: read as claimed, but in lists)
    structured_lists = list(_structured_lists(lines, neighbours, taken))
    if hinted:
        hints = set(hinted)
        structured_lists += [
            rows
            for rows in _structured_lists(lines, neighbours, claimed)
            if HINTED_ROWS * sum(row in hints for row in rows) <= len(rows)
            and rows[0] not in hints
            and rows[-1] not in hints
        ]
    listed = {item for structured in structured_lists for item in structured}
    for index in lines.open:
        if index in taken:
            continue
        below = after[index]
        if below >= n:
            continue  # (each shape below needs a line below)
        if tight[index] and tight[below]:
            result[index] += LINE_SCALE * TIGHT
        above = before[index]
        if (
            above >= 0
            and (scores[above] > 0 or (above in listed and not lines.code(above)))
            and (scores[below] > 0 or below in listed)
            and (paragraph[below] or not (tight[below] or colon[index] or lines.recurring(index)))
        ):
            result[index] += LINE_SCALE * SUBHEAD
        if colon[index] and scores[below] > 0:
            result[index] += LINE_SCALE * ANNOUNCES
    headings, depth = _announced_lists(scores, lines, neighbours, taken, listed)
    for item, lists in depth.items():  # each list adds to its lines (a list starts after its heading)
        result[item] = _announced(result[item], lists)
    for heading in headings:  # then the heading's floor, as when each list was applied in turn
        result[heading] = max(result[heading], LIST_FLOOR)
    items: set[int] = set(depth)
    for structured in structured_lists:
        for item in structured:
            result[item] = max(result[item], LIST_FLOOR)
        items.update(structured)
    return result, items


def _tight_run(
    start: int, neighbours: Neighbours, claimed: Collection[int], first_gap_ok: bool, limit: int | None = None
) -> list[int]:
    """The lines set tight one after the other from ``after[start]`` on (none claimed), at most
    ``limit`` of them; the first may stand after a blank line when ``first_gap_ok``."""
    after, tight = neighbours.after, neighbours.tight
    n = len(after)
    run: list[int] = []
    index = after[start]
    while (
        index < n
        and index not in claimed
        and (tight[index] or (not run and first_gap_ok))
        and (limit is None or len(run) < limit)
    ):
        run.append(index)
        index = after[index]
    return run


def _structured_lists(lines: Lines, neighbours: Neighbours, claimed: Collection[int]) -> Iterator[list[int]]:
    """Lists, tables and code: at least MIN_LIST_ITEMS lines set tight (a rendered list or table),
    none claimed, DATA_SHARE of which are structured as menus never are: a list marker ("- ",
    "1."), a number first (a quantity, a rank, a date: "200 g flour", "3 May 2021: ..."), cells
    (tab-, "|"- or space-separated columns) or a property's name and value ("Weight: 2.3 kg").
    (A number anywhere would take in lists of headlines, many of which hold one.) Or a block of
    code (``_code``); or, in a longer run that is neither, the lists and code set tight inside it
    (``_lists_within``). They are the article's wherever it reaches them (its ingredients, its
    results table, its example); a menu's links carry none of these marks."""
    tight, after, before = neighbours.tight, neighbours.after, neighbours.before
    n = len(tight)
    shortest = min(CODE_LINES, MIN_LIST_ITEMS)
    for index in range(n):
        if (tight[index] and before[index] not in claimed) or index in claimed:
            continue  # (a run starts set apart, or under a claimed line, where the run above ends)
        below = after[index]
        if shortest > 1 and (below >= n or not tight[below] or below in claimed):
            if lines.command(index):
                yield [index]  # a command alone ("pip install x") is a block of code too
            continue  # a line alone (the common case, spared building its run)
        run = [index, *_tight_run(index, neighbours, claimed, first_gap_ok=False)]
        if len(run) < shortest:
            continue  # (too short for either: their shapes are not measured)
        if (len(run) >= MIN_LIST_ITEMS and _data_rows(run, lines)) or _code_under_heading(run, lines):
            yield run
        else:
            yield from _lists_within(run, lines)


def _lists_within(run: Sequence[int], lines: Lines) -> Iterator[list[int]]:
    """The lists and blocks of code set tight among other lines (a page set without blank lines
    is one run): MIN_LIST_ITEMS structured lines in a row; CODE_LINES lines of code in a row,
    with the line above them when it ends no sentence and the block so read is still code
    (``_code``: a statement's first line, "SELECT name FROM t", carries no mark), or a shell
    command alone (``Lines.command``)."""
    features = lines.features
    for marked, shortest, is_code in ((lines.structured, MIN_LIST_ITEMS, False), (lines.code, CODE_LINES, True)):
        stretch: list[int] = []
        for position, index in enumerate([*run, -1]):
            if index >= 0 and marked(index):
                stretch.append(index)
                continue
            if len(stretch) >= shortest or (is_code and len(stretch) == 1 and lines.command(stretch[0])):
                start = position - len(stretch)
                if is_code and start > 0 and not features[run[start - 1]].ends_sentence:
                    widened = [run[start - 1], *stretch]
                    if _code([marked(i) for i in widened]):
                        stretch = widened
                yield stretch
            stretch = []


def _letter_words(text: str) -> int:
    """The line's words that hold a letter: a pitch's words, not a value's figures ("9 h 30 – 12 h
    30" is two)."""
    return sum(1 for word in text.split() if any(c.isalpha() for c in word))


def _data_rows(run: Sequence[int], lines: Lines) -> bool:
    """Whether DATA_SHARE of the run's rows are structured (``Lines.structured``); its first
    line is no row when it is not structured and has no sentence end (the table's heading:
    "Opening hours"), nor its last when it ends a sentence (a note under the table)."""
    structured, features = lines.structured, lines.features
    first, last = 0, len(run)
    if not structured(run[0]) and not features[run[0]].ends_sentence:
        first = 1
    if last - first > 1 and features[run[-1]].ends_sentence and not structured(run[-1]):
        last -= 1
    rows = run[first:last]
    return len(rows) >= MIN_LIST_ITEMS - 1 and sum(map(structured, rows)) >= DATA_SHARE * len(rows)


def _code_under_heading(run: Sequence[int], lines: Lines) -> bool:
    """Whether the run is a block of code (``_code``), under its heading when its first line is
    none ("Example" over the lines it names)."""
    marked = list(map(lines.code, run))
    if _code(marked):
        return True
    first = lines.features[run[0]]
    return not marked[0] and not first.ends_sentence and first.words <= HEADING_WORDS and _code(marked[1:])


def _code(marked: Sequence[bool]) -> bool:
    """A block of code: CODE_LINES lines or more, CODE_SHARE of them (and the first or the last)
    marked as code (``_CODE_RE``); prose and menus hold no calls, no operators set apart, no line
    ending in ";" or "{"."""
    if len(marked) < CODE_LINES:
        return False
    return sum(marked) >= max(CODE_LINES, CODE_SHARE * len(marked)) and (marked[0] or marked[-1])


def structured_row(text: str) -> bool:
    """A list marker, a number first (a quantity, a rank, a date) or a quantity last where a
    script without spaces sets it (``quantity_last``), cells, or a row of a table of
    properties ("Weight: 2.3 kg", ``_property``)."""
    return (
        MARKER_RE.match(text) is not None
        or _LEADING_NUMBER_RE.match(text) is not None
        or quantity_last(text)
        or _cells(text)
        or _property(text)
    )


def _property(text: str) -> bool:
    """``_PROPERTY_RE`` matches the line, of PROPERTY_WORDS words with letters at most (a value,
    not a pitch or a sentence after a label; its figures do not count), no link ("Listen:
    https://..." lists links) and no options apart by dots or bars ("Alter: ab 5 · ab 8 · ab 10"
    is a filter's menu; searched only in a line holding ": " or "：")."""
    return (
        (": " in text or "：" in text)
        and len(text) <= PROPERTY_CHARS
        and _letter_words(text) <= PROPERTY_WORDS
        and "://" not in text
        and "www." not in text
        and not any(mark in text for mark in _OPTION_MARKS)
        and _PROPERTY_RE.match(text) is not None
    )


def code_line(text: str) -> bool:
    """``_CODE_RE`` finds a mark of code in the line (searched only in a line holding what each
    of its matches holds: a call's "(", an operator's "=", ";", "{", "}", ":" or "import "), or
    the line is a shell command (``_command``)."""
    return (
        ("(" in text or "=" in text or ";" in text or "{" in text or "}" in text or ":" in text or "import " in text)
        and _CODE_RE.search(text) is not None
    ) or _command(text)


def code_marks(text: str) -> bool:
    """A line of code by its marks (``code_line``), a colon at its end not counted: a menu's
    "Follow us:" or a button's "Details:" ends with one too (repeated chrome and card buttons
    are never code)."""
    return code_line(text.rstrip().removesuffix(":"))


def _lone_command(text: str) -> bool:
    """A shell command (``_command``) whose program is no word of English prose ("go", "make",
    "cat"): alone on its line between paragraphs it is still a block of code."""
    return _command(text) and text.split(maxsplit=1)[0] not in _PROSE_PROGRAMS


def _command(text: str) -> bool:
    """``_COMMAND_RE`` matches the line (of COMMAND_CHARS at most) and it does not end as a
    sentence does, a word and a full stop ("pip install ." does not; searched only in a line
    opening in lower case or a prompt)."""
    return (
        text[:1] in _COMMAND_FIRST
        and len(text) <= COMMAND_CHARS
        and _COMMAND_RE.match(text) is not None
        and _SENTENCE_END_RE.search(text) is None
    )


def _cells(text: str) -> bool:
    """``_CELLS_RE`` finds columns in the line (searched only in a line holding a tab, " | " or
    three spaces, as each of its matches does)."""
    return ("\t" in text or " | " in text or "   " in text) and _CELLS_RE.search(text) is not None


class _MarkedInRun:
    """How many lines of the tight run from a line on bear a mark (``marked``: a number as a
    word, a phrase, a table's row), each line's count computed once (``run``: the runs'
    lengths, ``after``: each line's next)."""

    def __init__(self, marked: Callable[[int], bool], after: Sequence[int], run: Sequence[int]) -> None:
        self.marked, self.after, self.run = marked, after, run
        self.counts: dict[int, int] = {}

    def in_list(self, first: int) -> int:
        """The count over a list from ``first`` on: its first line, set tight or after a blank
        line (as under a rendered heading), then the tight run below it."""
        return self.marked(first) + self.count(self.after[first])

    def count(self, start: int) -> int:
        path = []
        index = start
        while self.run[index] and index not in self.counts:
            path.append(index)
            index = self.after[index]
        total = self.counts.get(index, 0)
        for index in reversed(path):
            total += self.marked(index)
            self.counts[index] = total
        return total


def _announced_lists(
    scores: Sequence[float],
    lines: Lines,
    neighbours: Neighbours,
    claimed: Collection[int],
    listed: Collection[int] = (),
) -> tuple[list[int], dict[int, int]]:
    """The lines announcing lists, in order, and each line of those lists with the number of
    them it belongs to (successive headings' lists nest: counted, not listed, they cost linear
    time). Lists announced as the article's: a line ending with a colon ("Tour dates:", "You will
    need:") with at least MIN_LIST_ITEMS lines set tight below it (a rendered list; the first
    may stand after one blank line, as under a rendered heading), or a heading above such a list
    of data, most of whose lines hold a number as a word (dates, scores, prices; as the first or
    second word when a blank line parts heading and list, since then only the rows' shape ties
    them), when the heading follows a block worth keeping (or a list so announced, or a
    structured list or table, ``listed``: a product's features, then its specifications, then
    what is in the box), or a subhead set apart below a paragraph above a list of
    phrases (``Lines.phrase``) that a paragraph or a list of data follows (a list between the
    article's parts; a list of other stories ends it). The announcing line must not be claimed
    ("Share this:", "Related:" announce chrome) and must score positive itself (with ANNOUNCES);
    set apart from its list, it must not recur after posts (``Lines.recurring``); the list ends
    at the first claimed line."""
    before, after, tight = neighbours.before, neighbours.after, neighbours.tight
    n = len(scores)
    # The tight run from each line on, as a length, and (on demand) how many of its lines hold a
    # number: each heading reads them in constant time, so a page of thousands of tight short
    # lines, each a candidate heading, costs linear time (it was quadratic: 20k lines, 150 s).
    run = [0] * (n + 1)
    for index in range(n - 1, -1, -1):
        if tight[index] and index not in claimed:
            run[index] = 1 + run[after[index]]
    tables: dict[str, list[int]] = {}  # the tables below, each computed on first use (linear)

    def head(index: int) -> int:
        """The first line of the list the line stands in (itself when none): a line of a list
        announced above counts as worth keeping."""
        if "head" not in tables:
            heads = tables["head"] = list(range(n))
            for line in range(n):
                if tight[line] and before[line] >= 0:
                    heads[line] = heads[before[line]]
        return tables["head"][index]

    def follower_of(first: int) -> int:
        """The next unclaimed line on the page after the tight run from ``first`` on (what
        follows a list there, kept or not: a list is read as it stands)."""
        if "last" not in tables:
            last = tables["last"] = list(range(n + 1))
            for line in range(n - 1, -1, -1):
                below = after[line]
                if below < n and run[below]:
                    last[line] = last[below]
            following = tables["following"] = [n] * (n + 1)
            for line in range(n - 2, -1, -1):
                following[line] = line + 1 if line + 1 not in claimed else following[line + 1]
        return tables["following"][tables["last"][first]]

    numbers = _MarkedInRun(lines.number, after, run)
    leading_numbers = _MarkedInRun(lines.leading_number, after, run)
    phrases = _MarkedInRun(lines.phrase, after, run)
    structured = _MarkedInRun(lines.structured, after, run)
    features = lines.features

    def name(index: int) -> bool:
        return not features[index].ends_sentence and features[index].words <= NAME_WORDS

    names = _MarkedInRun(name, after, run)

    def list_length(first: int) -> int:
        return run[first] if tight[first] else 1 + run[after[first]]

    def data(first: int, length: int) -> bool:
        """Most lines hold a number as a word (set apart from the heading: as the first or
        second word, the data leading each row), or are structured (``structured_row``: a table's
        rows, a property's name and value)."""
        with_numbers = numbers if tight[first] else leading_numbers
        share = DATA_SHARE * length
        return with_numbers.in_list(first) >= share or structured.in_list(first) >= share

    def data_list_under(heading: int) -> bool:
        """A list of data (MIN_LIST_ITEMS lines or more) or a block of code stands under the line."""
        first = after[heading]
        if first >= n or first in claimed:
            return False
        length = list_length(first)
        if length >= MIN_LIST_ITEMS and data(first, length):
            return True
        block = _tight_run(heading, neighbours, claimed, first_gap_ok=True, limit=CODE_WINDOW)
        return _code([lines.code(index) for index in block])

    def opens_section(index: int) -> bool:
        """A paragraph worth keeping, or a subhead above one (the next section)."""
        if index < n and lines.paragraph[index] and scores[index] > 0:
            return True
        below = after[index]
        return below < n and not lines.paragraph[index] and lines.paragraph[below] and scores[below] > 0

    colons = lines.colon
    headings: list[int] = []
    starts: dict[int, int] = {}  # a list's first line -> how many lists start there
    for heading in lines.announcing:
        colon = colons[heading]
        if heading in claimed or (
            colon and not lines.verdict[heading] and scores[heading] + LINE_SCALE * ANNOUNCES <= 0
        ):
            continue  # (a pros or cons heading is one word, scoring as a menu's item does)
        previous = before[heading]
        if not colon and not (
            previous < 0 or scores[previous] > 0 or head(previous) in starts or _after_table(heading, previous, listed)
        ):
            continue  # (a list announced above, or a table, is worth keeping: a product's specs, then "In the box")
        first = after[heading]
        if first >= n or first in claimed:
            continue
        length = list_length(first)
        if length < MIN_LIST_ITEMS or (not colon and not tight[first] and (tight[heading] or lines.recurring(heading))):
            # Set apart from its list, a heading is rendered apart above too (a line set tight
            # under another is a box's: "Filter anwenden"), and a line recurring after posts is
            # their furniture ("Reply Quote").
            continue
        if not colon and not data(first, length):
            # A list of phrases (features, steps) under a subhead between the article's parts:
            # below a paragraph, and followed by a paragraph, a subhead over one, or a list of
            # data under its heading.
            # (A list of names, "In the box", when a list of data under its heading follows.)
            # A list of names (NAME_WORDS words at most, no sentence end) under a heading that
            # is no row itself, right after a table and closed by a claimed line (a comment or
            # related heading, a sign-up box) or the page's end, is the article's last part
            # whatever follows: what is in a product's box.
            follower = follower_of(first)
            closing = tables["last"][first] + 1  # (the line right after the list, claimed or not)
            closes = closing >= n or closing in claimed
            boxed = names.in_list(first) == length and not lines.structured(heading)
            if not (boxed and closes and _after_table(heading, previous, listed)):
                if not (previous >= 0 and lines.paragraph[previous] and not tight[heading]):
                    continue
                if follower >= n or follower in claimed:
                    continue
                if phrases.in_list(first) >= DATA_SHARE * length:
                    if not (opens_section(follower) or data_list_under(follower)):
                        continue
                elif not data_list_under(follower):
                    continue
        headings.append(heading)
        starts[first] = starts.get(first, 0) + 1
    depth: dict[int, int] = {}
    for first in sorted(starts):  # walk each run once, from its first list's first line
        if first in depth:
            continue
        index, lists = first, 0
        while True:
            lists += starts.get(index, 0)
            depth[index] = lists
            index = after[index]
            if index >= n or not run[index]:
                break
    return headings, depth


def _after_table(heading: int, previous: int, listed: Collection[int]) -> bool:
    """Whether the heading follows a structured list or table (``listed``) without being one of
    its rows (a row does not announce the rows under it)."""
    return previous in listed and heading not in listed


#: Up to this many nested lists, a line's score takes each list's addition in turn (the same
#: floating-point sums as applying the lists one by one); beyond, the closed form.
_EXACT_LISTS = 64


def _announced(score: float, lists: int) -> float:
    """``score`` after ``lists`` announced lists each added ANNOUNCED and floored it at LIST_FLOOR."""
    step = LINE_SCALE * ANNOUNCED
    if lists <= _EXACT_LISTS:
        for _ in range(lists):
            score = max(score + step, LIST_FLOOR)
        return score
    return max(score + lists * step, LIST_FLOOR + (lists - 1) * step)

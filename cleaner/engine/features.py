"""Block features: cheap, language-neutral measurements that heuristics and selection read."""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from operator import itemgetter
from typing import NamedTuple, overload

import regex

from . import scan
from .charclasses import UNSPACED_CLASS
from .language import page_languages, plausible_stopwords
from .segment import Block, Document

#: Word tokens: ``\w+`` covers every script (the headline anchor reuses them).
TOKEN_RE = regex.compile(r"\w+")
#: The same tokens for ASCII-only text (``\w`` is ``[A-Za-z0-9_]`` there in both engines), and
#: for any text without a character of ``_NOT_PLAIN``, where the standard library's engine is
#: ~30% faster.
_ASCII_TOKEN_RE = re.compile(r"\w+")
#: Scripts written without spaces between words: a character there is worth about half a word.
_UNSPACED_RE = regex.compile(UNSPACED_CLASS)
#: A line that ends a sentence: terminal punctuation of many scripts, then closing quotes/brackets.
_SENTENCE_END_RE = regex.compile(r"[.!?…。！？؟।۔።]['\"“”‘’«»‹›)\]」』》]*$")
_SENTENCE_BREAK_RE = regex.compile(r"[.!?。！？؟।][\"“”‘’«»)」』]*\s+\p{Lu}|[。！？](?=\S)")
#: ``_SENTENCE_BREAK_RE`` for ASCII text, by the standard library's faster engine: the ASCII
#: members of its classes (``regex``'s ``\s`` there is these six, not ``re``'s ``\x1c-\x1f``).
_ASCII_SENTENCE_BREAK_RE = re.compile(r"[.!?][\")]*[\t\n\x0b\x0c\r ]+[A-Z]")


def _plain_characters() -> re.Pattern[str]:
    """A pattern finding a character outside the "plain" ones: ASCII, and the Latin-1, Latin
    Extended and General Punctuation characters (accents, curly quotes, dashes, no-break
    spaces) that both engines count as word characters or not alike and that no unspaced
    script holds. A text without such a character is tokenised by ``re`` and has no unspaced
    characters. Derived from the engines themselves at import (~800 characters), so a new
    Unicode version in either cannot make the shortcut differ."""
    candidates = map(chr, [*range(0x80, 0x300), *range(0x2000, 0x2070)])
    plain = [
        char
        for char in candidates
        if (re.fullmatch(r"\w", char) is None) == (TOKEN_RE.fullmatch(char) is None)
        and _UNSPACED_RE.fullmatch(char) is None
    ]
    return re.compile("[^\\x00-\\x7f" + "".join(map(re.escape, plain)) + "]")


_NOT_PLAIN = _plain_characters()
_UPPER_START_RE = regex.compile(r"^\p{Lu}")
#: ``_SENTENCE_END_RE`` without a regex scan: strip the closers, test the last character.
_CLOSERS = "'\"“”‘’«»‹›)]」』》"
_TERMINALS = frozenset(".!?…。！？؟।۔።")
_first = itemgetter(0)
#: A line of this many words or more may be wrapped into the next (``_paragraph_ends``): a
#: shorter one is a menu's item or a label, whatever case the next line opens in.
WRAP_WORDS = 4
#: Text hard-wrapped at a width (``_wrap_width``): at least WRAP_BROKEN lines set tight above
#: another, and more than half of such lines at least half as long as the longest, were broken
#: where the next line's first word would have taken them past that longest line, of
#: WRAP_MIN_CHARS characters at least (a menu's and a list's lines are of any length: no width
#: breaks them, and few stand within a word of the longest).
WRAP_BROKEN = 2
WRAP_MIN_CHARS = 40
#: Commas a wrapped line may end with (Latin, Chinese and Japanese), and what follows a list's
#: letter ("a)", "b.").
_COMMAS = frozenset(",，、;；")
_MARKER_ENDS = frozenset(".)")
_DIGIT_CHARS = "0123456789"
_DIGITS = frozenset(_DIGIT_CHARS)
#: A line opening with one of these is a list's item, not a wrapped paragraph's next line.
_LIST_MARKS = frozenset("•·▪◦●■►▸*–—-")
#: Language detection reads at most this many words, from the longest blocks.
_DETECTION_WORDS = 250
#: A block of this many tokens is prose to language detection even without a final full stop
#: (a paragraph that ends on a phrase); menus rarely run this long on one line.
_PROSE_TOKENS = 20
#: From this many characters (of distinct lines) on, a document keeps the tokens of its blocks of
#: more than ``_COMPACT_TOKENS`` tokens joined by ``_JOINER`` until they are measured, and drops
#: them after: only short blocks' tokens are kept for the headline anchor.
_COMPACT_FROM = 1_000_000
_COMPACT_TOKENS = 40
_JOINER = "\x00"


class BlockFeatures(NamedTuple):
    """Measurements of one block, all derived from its text and its page (a NamedTuple: one is
    built per block, and that is half the cost of a frozen dataclass)."""

    chars: int
    words: int
    stopword_ratio: float
    ends_sentence: bool
    sentences: int
    capitalised_ratio: float
    starts_upper: bool
    repeats: int
    #: ``\w+`` tokens, the count a rule's ``max_words`` is compared with (``words`` differs
    #: for scripts without spaces).
    tokens: int
    #: The block's last character is a colon (a lead-in to a quote or a list, or a heading).
    ends_colon: bool = False


class Columns(NamedTuple):
    """``PageFeatures``' measurements as one array per feature, indexed by block (the form a
    compiled decoder reads: no object per block). Booleans are 0 / 1."""

    chars: array[int]
    words: array[int]
    tokens: array[int]
    sentences: array[int]
    repeats: array[int]
    stopword_ratio: array[float]
    capitalised_ratio: array[float]
    ends_sentence: array[int]
    starts_upper: array[int]
    ends_colon: array[int]


#: ``array`` type code of each column: counts as 64-bit integers, ratios as doubles, flags as bytes.
_COLUMN_TYPES = {
    "stopword_ratio": "d",
    "capitalised_ratio": "d",
    "ends_sentence": "b",
    "starts_upper": "b",
    "ends_colon": "b",
}


@dataclass(frozen=True)
class PageFeatures:
    """The page's language and every block's features, computed once: ``blocks`` holds one
    ``BlockFeatures`` per block (repeats of a text share one), ``columns`` the same as arrays."""

    blocks: tuple[BlockFeatures, ...]
    #: The detected language, then the runners-up that scored nearly as well
    #: (``page_languages``): rules for any of them run, and the stopwords of any of them count
    #: in ``stopword_ratio`` (``plausible_stopwords``). Just the language when it was given;
    #: empty when none was detected.
    languages: tuple[str, ...] = ()
    #: Each block's ``\w+`` tokens as written (the headline anchor compares word sets). The
    #: Python build keeps the lists it measured (None where a huge document did not keep them: a
    #: long block's, see ``_COMPACT_FROM``); the compiled build tokenises a block when asked.
    tokens: Sequence[list[str] | None] = ()

    @property
    def language(self) -> str | None:
        """The stopword language (the first of ``languages``), or None."""
        return self.languages[0] if self.languages else None

    @cached_property
    def columns(self) -> Columns:
        """Every feature as an array over the blocks (built on first use)."""
        fields = BlockFeatures._fields
        return Columns(
            *(
                array(_COLUMN_TYPES.get(name, "q"), map(itemgetter(fields.index(name)), self.blocks))
                for name in Columns._fields
            )
        )


class _Tokens(Sequence[list[str] | None]):
    """The blocks' ``\\w+`` tokens, each list made when it is asked for (compiled builds: a
    list per block of a page's tokens would cost more than scanning the few blocks asked for)."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, index: int) -> list[str] | None: ...
    @overload
    def __getitem__(self, index: slice) -> list[list[str] | None]: ...
    def __getitem__(self, index: int | slice) -> list[str] | list[list[str] | None] | None:
        if isinstance(index, slice):
            lists: list[list[str] | None] = [scan.tokens(text) for text in self._texts[index]]
            return lists
        return scan.tokens(self._texts[index])

    def __iter__(self) -> Iterator[list[str] | None]:
        return map(scan.tokens, self._texts)


def _ends_sentence(text: str) -> bool:
    """``_SENTENCE_END_RE.search(text) is not None``, without scanning the text.

    Terminals and closers are disjoint, so the regex matches exactly when the character before
    the trailing run of closers is a terminal. The regex's ``$`` also matches before a final
    ``\\n``, which a segmented block never has; such a text goes to the regex itself.
    """
    stripped = text.rstrip(_CLOSERS)
    if stripped and stripped[-1] in _TERMINALS:
        return True
    return text[-1:] == "\n" and _SENTENCE_END_RE.search(text) is not None


def ends_sentence(text: str) -> bool:
    """Whether the text ends on a sentence's end of its own (``BlockFeatures.ends_sentence`` also
    holds for a hard-wrapped paragraph's lines, which end one as their paragraph does)."""
    return _ends_sentence(text)


def _starts_upper(text: str) -> bool:
    """``_UPPER_START_RE.match(text) is not None``: ASCII by comparison, the rest by the regex
    (``unicodedata`` is not used: Python's Unicode tables can be older than ``regex``'s)."""
    first = text[:1]
    if first < "\x80":
        return "A" <= first <= "Z"
    return _UPPER_START_RE.match(first) is not None


def measure(doc: Document, language: str | None = None) -> PageFeatures:
    """Measure every block; detect the stopword language first unless it is given.

    A text repeated on the page (menu items, share bars) is measured once: its features and
    tokens depend on nothing else, so the repeats share one record and one token list. In a
    huge document the long blocks' tokens wait for the language joined in one string each
    (``_COMPACT_FROM``): as lists of strings they would take ten times the text's size.
    """
    texts = [block.text for block in doc.blocks]
    counts = Counter(texts)  # also the distinct texts, in page order
    if scan.COMPILED:
        return _measure_compiled(doc, texts, counts, language)
    tokens_of, n_tokens_of = _tokenised(counts, compact=sum(map(len, counts)) >= _COMPACT_FROM)
    languages: tuple[str, ...] = (language,) if language is not None else ()
    if language is None:
        # The longest blocks first (a stable sort: ties keep page order), and only prose (blocks
        # that end a sentence or run as long as a paragraph) unless it shows no language: prose
        # is what cleaning keeps, so the clean text, cleaned again, shows the same words (a
        # short page is sampled whole, titles, menus, bylines and buttons included). Paragraphs
        # without a full stop count too, or one foreign cookie notice could decide alone.
        longest = sorted(texts, key=n_tokens_of.__getitem__, reverse=True)
        prose = (text for text in longest if n_tokens_of[text] >= _PROSE_TOKENS or _ends_sentence(text))
        languages = page_languages(_sample(prose, tokens_of)) or page_languages(_sample(longest, tokens_of))
    stops = plausible_stopwords(languages)
    is_stop = stops.__contains__
    lower = str.lower
    isupper = str.isupper
    count_unspaced = _UNSPACED_RE.findall
    count_breaks = _SENTENCE_BREAK_RE.findall
    count_ascii_breaks = _ASCII_SENTENCE_BREAK_RE.findall
    measured: dict[str, BlockFeatures] = {}
    for text, repeats in counts.items():
        raw = _listed(tokens_of[text])
        n_tokens = len(raw)
        words = n_tokens
        ascii_only = text.isascii()
        if not ascii_only:
            # Scripts without spaces: a character there is worth about half a word.
            unspaced = len(count_unspaced(text)) if _NOT_PLAIN.search(text) is not None else 0
            if unspaced:
                words = max(n_tokens, unspaced // 2)
        stop_hits = sum(map(is_stop, map(lower, raw))) if stops else 0
        capitalised = sum(map(isupper, map(_first, raw)))
        if not ascii_only:
            sentences = len(count_breaks(text)) + 1
        elif "." in text or "?" in text or "!" in text:
            sentences = len(count_ascii_breaks(text)) + 1
        else:
            sentences = 1  # in ASCII text only '.', '!' and '?' can end a sentence
        measured[text] = BlockFeatures(
            len(text),  # chars
            words,
            stop_hits / n_tokens if n_tokens else 0.0,  # stopword_ratio
            _ends_sentence(text),
            sentences,
            capitalised / n_tokens if n_tokens else 0.0,  # capitalised_ratio
            _starts_upper(text),
            repeats,
            n_tokens,  # tokens
            text[-1:] == ":",  # ends_colon
        )
    kept_tokens = tuple(None if isinstance(raw, str) else raw for raw in map(tokens_of.__getitem__, texts))
    return PageFeatures(_paragraph_ends(doc, tuple(map(measured.__getitem__, texts)), stops), languages, kept_tokens)


def _paragraph_ends(
    doc: Document, blocks: tuple[BlockFeatures, ...], stops: frozenset[str]
) -> tuple[BlockFeatures, ...]:
    """The blocks' features, a line wrapped into the next (``_wraps_into``) ending a sentence when
    the next one does, or holds a sentence's end inside and opens in lower case or with a figure
    (it is then inside a paragraph, and ends a sentence too; "less" over a caption is a link):
    text broken into lines by hand or by ``<br>`` (a forum post, an e-mail, a pre-formatted page)
    is prose line by line, not a stack of headings."""
    ends = [f.ends_sentence for f in blocks]
    lines = doc.blocks
    changed = False
    width = _wrap_width(lines, blocks)
    for index in range(len(blocks) - 2, -1, -1):  # from the bottom: a paragraph's end moves up its lines
        below = index + 1
        if (
            not ends[index]
            and (ends[below] or (blocks[below].sentences > 1 and _opens_running_on(lines[below].text)))
            and _wraps_into(lines[index].text, blocks[index], lines[below], stops, width)
        ):
            ends[index] = ends[below] = changed = True
    if not changed:
        return blocks
    return tuple(
        f if f.ends_sentence == end else f._replace(ends_sentence=end) for f, end in zip(blocks, ends, strict=True)
    )


def _wraps_into(text: str, f: BlockFeatures, below: Block, stops: frozenset[str], width: int = 0) -> bool:
    """Whether a line (``text``, ``f``) of WRAP_WORDS words or more, without a sentence end or a
    colon, runs on in the line set tight under it (not a list's item: "a)", "2.", "- "): this one
    ends with a comma (any script: also where no letter has a case) or a stopword of the page
    ("to", "der": no heading ends so), or that one opens in lower case or with a figure, or the
    page is hard-wrapped at ``width`` (``_wrap_width``; 0: it is not) and that one's first word
    would have taken this one past it (a wrapper broke the line, not its author: "Jahren" under
    "so stark wie seit 4", "Khan" under "Aisha", where case and stopwords tell nothing)."""
    if below.gap_before or f.ends_sentence or f.ends_colon or f.words < WRAP_WORDS:
        return False
    following = below.text
    if _opens_item(following):
        return False
    if text[-1:] in _COMMAS or _opens_running_on(following) or (width and _broken_at(text, following, width)):
        return True
    last = text.rsplit(None, 1)[-1]
    return last.islower() and last in stops


def _opens_item(text: str) -> bool:
    """Whether a line opens as a list's item does: a mark ("- ", "•") or a number or letter and
    a full stop or bracket ("2.", "a)")."""
    first, rest = text[:1], text[1:].lstrip(_DIGIT_CHARS)
    return first in _LIST_MARKS or (rest[:1] in _MARKER_ENDS and rest[1:2] in ("", " ", "\t"))


def _broken_at(text: str, following: str, width: int) -> bool:
    """Whether ``text`` (spaced: a script without spaces wraps anywhere) fits ``width`` and the
    first word of the line under it would not have: a wrapper broke the line there."""
    if " " not in text or len(text) > width:
        return False
    word = following.split(None, 1)
    return bool(word) and len(text) + 1 + len(word[0]) > width


def _wrap_width(lines: Sequence[Block], blocks: Sequence[BlockFeatures]) -> int:
    """The width the page's text was hard-wrapped at, or 0 (see WRAP_BROKEN): the longest line
    of WRAP_WORDS words or more, without a sentence end, set tight above another line, when
    enough such lines, of those at least half as long (a table's rows, a byline block's lines
    are shorter), were broken at it (``_broken_at``). A list's item is no such line: the next
    one opens with its own mark, however long it is."""
    tight = [
        index
        for index in range(len(lines) - 1)
        if not lines[index + 1].gap_before
        and blocks[index].words >= WRAP_WORDS
        and not blocks[index].ends_sentence
        and not _opens_item(lines[index + 1].text)
    ]
    if len(tight) < WRAP_BROKEN:
        return 0
    width = max(len(lines[index].text) for index in tight)
    if width < WRAP_MIN_CHARS:
        return 0
    long = [index for index in tight if 2 * len(lines[index].text) >= width]
    broken = sum(_broken_at(lines[index].text, lines[index + 1].text, width) for index in long)
    return width if broken >= WRAP_BROKEN and 2 * broken > len(long) else 0


def _opens_running_on(text: str) -> bool:
    """A line opening in lower case or with a figure: a sentence running on from the line above
    (``_wraps_into`` has ruled out a list's item)."""
    first = text[:1]
    return first.islower() or first in _DIGITS


#: ``BlockFeatures._make`` without its Python frame (the compiled scan builds one per text).
_make_features = partial(tuple.__new__, BlockFeatures)


def _measure_compiled(doc: Document, texts: list[str], counts: Counter[str], language: str | None) -> PageFeatures:
    """``measure`` by the compiled scan (``scan``): the same features, counted in C."""
    distinct = list(counts)
    rows = scan.count(distinct, _ends_sentence)
    languages: tuple[str, ...] = (language,) if language is not None else ()
    if language is None:
        # As in ``measure``: the longest blocks first, prose only unless that shows no language.
        n_tokens_of = dict(zip(distinct, rows[scan.TOKENS :: 6], strict=True))
        ends_of = dict(zip(distinct, rows[scan.ENDS_SENTENCE :: 6], strict=True))
        longest = sorted(texts, key=n_tokens_of.__getitem__, reverse=True)
        prose = (text for text in longest if n_tokens_of[text] >= _PROSE_TOKENS or ends_of[text])
        languages = page_languages(_scanned_sample(prose)) or page_languages(_scanned_sample(longest))
    stops = plausible_stopwords(languages)
    hits = scan.stopword_hits(distinct, stops) if stops else None
    measured = dict(zip(distinct, scan.features(distinct, counts, rows, hits, _make_features), strict=True))
    return PageFeatures(_paragraph_ends(doc, tuple(map(measured.__getitem__, texts)), stops), languages, _Tokens(texts))


def _scanned_sample(texts: Iterable[str]) -> list[str]:
    """``_sample`` with the compiled tokeniser."""
    sample: list[str] = []
    for text in texts:
        sample.extend(map(str.lower, scan.tokens(text, _DETECTION_WORDS - len(sample))))
        if len(sample) >= _DETECTION_WORDS:
            break
    return sample


def _sample(texts: Iterable[str], tokens_of: dict[str, list[str] | str]) -> list[str]:
    """The first ``_DETECTION_WORDS`` tokens of ``texts``, lower-cased."""
    sample: list[str] = []
    for text in texts:
        sample.extend(map(str.lower, _listed(tokens_of[text], _DETECTION_WORDS - len(sample))))
        if len(sample) >= _DETECTION_WORDS:
            break
    return sample


def _tokenised(texts: Iterable[str], compact: bool) -> tuple[dict[str, list[str] | str], dict[str, int]]:
    """Each text's tokens (joined by ``_JOINER`` for a long block when ``compact``) and count."""
    tokens_of: dict[str, list[str] | str] = {}
    n_tokens_of: dict[str, int] = {}
    for text in texts:
        raw = _tokens(text)
        n_tokens_of[text] = len(raw)
        tokens_of[text] = _JOINER.join(raw) if compact and len(raw) > _COMPACT_TOKENS else raw
    return tokens_of, n_tokens_of  # (a function: the last block's token list dies here)


def _listed(tokens: list[str] | str, most: int | None = None) -> list[str]:
    """Tokens kept as a list, or joined by ``_JOINER`` (no ``\\w+`` token holds it); the first
    ``most`` of them when given (only those are split off a joined string)."""
    if isinstance(tokens, str):
        return tokens.split(_JOINER) if most is None else tokens.split(_JOINER, most)[:most]
    return tokens if most is None else tokens[:most]


def _tokens(text: str) -> list[str]:
    """``TOKEN_RE.findall(text)``, by the standard library's faster engine where both engines
    agree on every character of the text (``_NOT_PLAIN``)."""
    if text.isascii() or _NOT_PLAIN.search(text) is None:
        return _ASCII_TOKEN_RE.findall(text)
    return TOKEN_RE.findall(text)

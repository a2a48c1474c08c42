"""Stopword lists (jusText's, about 100 languages) and detection of a page's language from them;
Chinese and Japanese, which jusText has no list for, by their script."""

from __future__ import annotations

import importlib.util
import math
import os
from array import array
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import regex

from . import scan
from .cache import cached, file_fingerprint

#: Languages scoring at least this share of the winner's score are plausible too (their rules run).
PLAUSIBLE_SHARE = 0.85
#: Lists shorter than this weigh as if they had this many words (see ``_index``).
MIN_LIST_SIZE = 300
#: Languages told by their script (``script_languages``): jusText has no stopword list for them,
#: as their words are not set apart by spaces. Their rules run on their pages; no stopwords count.
SCRIPT_LANGUAGES = ("Chinese", "Japanese")
#: A sample is Chinese or Japanese when at least this share of its words are written in Han or
#: kana (two such characters counting as a word, as in ``features``: a word of other letters is one)...
CJK_SHARE = 0.5
#: ...and Japanese when at least this share of those are kana (Chinese is written without any;
#: Japanese prose writes its endings and particles in kana, a third to a half of its letters).
KANA_SHARE = 0.1
_LETTER_RE = regex.compile(r"\p{L}")
_HAN_RE = regex.compile(r"\p{Han}")
_KANA_RE = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_CJK_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


class _Buckets(dict[str, dict[str, tuple[int, ...]]]):
    """Stopword -> the languages whose list holds it, one dict per first character, each built on
    first use from the cached bytes: a page meets a few dozen initials, not all of them, and a
    new process's first page then builds a third of the index (all of it: ~50 ms)."""

    def __init__(self, stored: dict[str, tuple[bytes, bytes]], table: tuple[tuple[int, ...], ...]) -> None:
        super().__init__()
        self._stored = stored
        self._table = table

    def __missing__(self, initial: str) -> dict[str, tuple[int, ...]]:
        words, entries = self._stored.get(initial, (b"", b""))
        sets = map(self._table.__getitem__, array("H", entries))
        bucket = dict(zip(words.decode("utf-8").split("\n"), sets, strict=True)) if words else {}
        self[initial] = bucket
        return bucket


#: What the cache keeps: language names, weights, the table of language sets, each initial's words
#: ("\n"-joined UTF-8) with their entries in the table (``array("H")`` bytes), and each
#: language's own words ("\n"-joined UTF-8). Bytes, so that loading it decodes nothing.
_Stored = tuple[
    tuple[str, ...], tuple[float, ...], tuple[tuple[int, ...], ...], dict[str, tuple[bytes, bytes]], tuple[bytes, ...]
]


@lru_cache(maxsize=1)
def _index() -> tuple[_Buckets, tuple[str, ...], tuple[float, ...]]:
    """Each stopword's languages (by first character, see ``_Buckets``), the language names, and
    each language's weight, ``1 / log(list size)``.

    A long list hits more words by chance, so a dialect with a superset list must not beat the
    language it extends. Sizes count from MIN_LIST_SIZE: the short lists come from small
    Wikipedias and are largely a bigger language's commonest words (Igbo's 139 hold "the",
    "and", "is", "of"), so their shortness is no evidence and must not let them beat that
    language on a short page. Built from jusText's lists once per machine, then read from the
    on-disk cache (:mod:`cleaner.engine.cache`).
    """
    names, weights, table, buckets, _ = _stored()
    return _Buckets(buckets, table), names, weights


@lru_cache(maxsize=1)
def _stored() -> _Stored:
    return cached("stopwords", (stoplists_fingerprint(), MIN_LIST_SIZE, file_fingerprint(__file__)), _build)


def _build() -> _Stored:
    """Read jusText's lists (and import jusText, ~35 ms) to build what ``_stored`` keeps."""
    import justext

    # Simple English is a register of English, not a language: its short list would win on
    # English pages and understate their stopword density.
    names = tuple(sorted(set(justext.get_stoplists()) - {"Simple_English"}))
    lists = [sorted({word.lower() for word in justext.get_stoplist(name)} - {""}) for name in names]
    weights = tuple(1.0 / math.log(max(len(words), MIN_LIST_SIZE)) for words in lists)
    index: dict[str, tuple[int, ...]] = {}
    get = index.get
    for number, words in enumerate(lists):
        own = (number,)  # tuples grown in place of lists converted at the end: a quarter of the time
        for word in words:
            index[word] = get(word, ()) + own
    table = tuple(sorted(set(index.values())))
    position = {langs: n for n, langs in enumerate(table)}
    by_initial: dict[str, list[str]] = {}
    for word in index:
        by_initial.setdefault(word[0], []).append(word)
    buckets = {
        initial: ("\n".join(words).encode("utf-8"), array("H", (position[index[w]] for w in words)).tobytes())
        for initial, words in by_initial.items()
    }
    return names, weights, table, buckets, tuple("\n".join(words).encode("utf-8") for words in lists)


@lru_cache(maxsize=1)
def stoplists_fingerprint() -> tuple[object, ...]:
    """jusText's stopword lists as files (name, size, modification time), without importing jusText:
    a key part for what is built from them (the cached index, validated rule packs)."""
    spec = importlib.util.find_spec("justext")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    if not folders or not os.path.isdir(os.path.join(folders[0], "stoplists")):
        from importlib.metadata import version  # ~20 ms: only when jusText's lists are not files in a folder

        return ("justext", version("justext"))
    where = os.path.join(folders[0], "stoplists")
    return file_fingerprint(*(os.path.join(where, name) for name in sorted(os.listdir(where))))


def languages() -> tuple[str, ...]:
    """Every language cleaner can tell: those with a stopword list, by jusText name, and the
    languages told by their script (``SCRIPT_LANGUAGES``)."""
    return tuple(sorted((*_index()[1], *SCRIPT_LANGUAGES)))


@lru_cache(maxsize=128)
def stopwords(language: str | None) -> frozenset[str]:
    """The lower-cased stopwords of a language; empty for ``None`` or an unknown language."""
    names = _stored()[0]
    if language is None or language not in names:
        return frozenset()
    return frozenset(_stored()[4][names.index(language)].decode("utf-8").split("\n"))


def plausible_stopwords(languages: tuple[str, ...]) -> frozenset[str]:
    """The stopwords of any of ``languages`` (a page's plausible ones, ``rank_languages``).

    A block's stopword share counts them all, as the rules of them all run: then the share
    depends on which languages are plausible, not on which of two close scores came first,
    and cleaning the clean text again (whose scores shift a little) measures it alike. On a
    page written in two languages, both languages' paragraphs read as prose.
    """
    return _plausible_stopwords(tuple(sorted(set(languages))))


@lru_cache(maxsize=128)
def _plausible_stopwords(languages: tuple[str, ...]) -> frozenset[str]:
    if len(languages) == 1:
        return stopwords(languages[0])
    return frozenset().union(*map(stopwords, languages))


def page_languages(words: list[str]) -> tuple[str, ...]:
    """The languages of a sample of a page's words (lower-cased): Chinese or Japanese when its
    script says so (``script_languages``), else those its stopwords rank (``rank_languages``)."""
    return script_languages(words) or rank_languages(words)


def script_languages(words: list[str]) -> tuple[str, ...]:
    """``("Japanese",)`` or ``("Chinese",)`` when CJK_SHARE of the words of ``words`` are written
    in Han or kana (Japanese when KANA_SHARE of those characters are kana), else empty. Told
    before the stopwords: a page in Chinese quoting English must not read as English for its "the"."""
    if _CJK_RE.search("".join(words)) is None:
        return ()  # (most pages: one search)
    kana = han = other = 0
    for word in words:
        in_kana, in_han = len(_KANA_RE.findall(word)), len(_HAN_RE.findall(word))
        if in_kana or in_han:
            kana, han = kana + in_kana, han + in_han
        elif _LETTER_RE.search(word) is not None:
            other += 1
    cjk = kana + han
    if not cjk or cjk / 2 < CJK_SHARE * (cjk / 2 + other):
        return ()
    return ("Japanese",) if kana >= KANA_SHARE * cjk else ("Chinese",)


def detect_language(words: Iterable[str], minimum_hits: int = 5, minimum_distinct: int = 3) -> str | None:
    """The language whose stopwords cover most of ``words`` (lower-cased), or None if too few hit.

    At least ``minimum_distinct`` different stopwords must hit: a page of one repeated letter
    ("a a a") has no language.
    """
    ranked = rank_languages(words, minimum_hits, minimum_distinct)
    return ranked[0] if ranked else None


def rank_languages(
    words: Iterable[str], minimum_hits: int = 5, minimum_distinct: int = 3, share: float = PLAUSIBLE_SHARE
) -> tuple[str, ...]:
    """The detected language first, then every other language scoring at least ``share`` of it.

    On a short page two lists can score nearly alike (a small list holding a bigger language's
    commonest words, or two close languages): the runners-up are kept so that rules written for
    any of them still run. Empty when no language has enough evidence (see ``detect_language``).
    """
    index, names, weights = _index()
    # Count the sample first: each distinct stopword then adds its count to its languages once.
    scores, distinct = scan.tally(Counter(words), index, len(names))
    candidates = [n for n, score in enumerate(scores) if score]
    if not candidates:
        return ()
    number = max(candidates, key=lambda n: (scores[n] * weights[n], -n))
    if scores[number] < minimum_hits or distinct[number] < minimum_distinct:
        return ()
    floor = share * scores[number] * weights[number]
    others = sorted(
        (n for n in candidates if n != number and scores[n] * weights[n] >= floor),
        key=lambda n: (-scores[n] * weights[n], n),
    )
    return (names[number], *(names[n] for n in others if distinct[n] >= minimum_distinct))

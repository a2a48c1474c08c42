"""Stopword lists (jusText's, about 100 languages) and detection of a page's language from them."""

from __future__ import annotations

import importlib.util
import math
import os
from array import array
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from . import scan
from .cache import cached, file_fingerprint

#: Languages scoring at least this share of the winner's score are plausible too (their rules run).
PLAUSIBLE_SHARE = 0.85
#: Lists shorter than this weigh as if they had this many words (see ``_index``).
MIN_LIST_SIZE = 300


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
    """Every language with a stopword list, by jusText name."""
    return _index()[1]


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

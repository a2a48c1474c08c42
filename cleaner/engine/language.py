"""Stopword lists (jusText's, about 100 languages) and detection of a page's language from them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

#: Languages scoring at least this share of the winner's score are plausible too (their rules run).
PLAUSIBLE_SHARE = 0.85
#: Lists shorter than this weigh as if they had this many words (see ``_index``).
MIN_LIST_SIZE = 300


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[int, ...]], tuple[str, ...], tuple[float, ...]]:
    """Map each stopword to the languages whose list holds it (built once per process).

    Also returns each language's weight, ``1 / log(list size)``: a long list hits more words
    by chance, so a dialect with a superset list must not beat the language it extends. Sizes
    count from MIN_LIST_SIZE: the short lists come from small Wikipedias and are largely a
    bigger language's commonest words (Igbo's 139 hold "the", "and", "is", "of"), so their
    shortness is no evidence and must not let them beat that language on a short page.
    """
    import justext  # here, not at import: ~35 ms that a process that never detects a language skips

    # Simple English is a register of English, not a language: its short list would win on
    # English pages and understate their stopword density.
    names = tuple(sorted(set(justext.get_stoplists()) - {"Simple_English"}))
    index: dict[str, tuple[int, ...]] = {}
    weights: list[float] = []
    get = index.get
    for number, name in enumerate(names):
        words = {word.lower() for word in justext.get_stoplist(name)}
        weights.append(1.0 / math.log(max(len(words), MIN_LIST_SIZE)))
        # Tuples grown in place of lists converted at the end: a quarter of the time (160k words).
        own = (number,)
        for word in words:
            index[word] = get(word, ()) + own
    return index, names, tuple(weights)


def languages() -> tuple[str, ...]:
    """Every language with a stopword list, by jusText name."""
    return _index()[1]


@lru_cache(maxsize=128)
def stopwords(language: str | None) -> frozenset[str]:
    """The lower-cased stopwords of a language; empty for ``None`` or an unknown language."""
    if language is None or language not in _index()[1]:
        return frozenset()
    import justext

    return frozenset(word.lower() for word in justext.get_stoplist(language))


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
    scores = [0] * len(names)
    distinct = [0] * len(names)
    for word, count in Counter(words).items():
        langs = index.get(word)
        if langs:
            for number in langs:
                scores[number] += count
                distinct[number] += 1
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

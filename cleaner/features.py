"""Block features: cheap, language-neutral measurements that heuristics and selection read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from .language import detect_language, stopwords
from .segment import Document

_TOKEN_RE = regex.compile(r"\w+")
#: Scripts written without spaces between words: a character there is worth about half a word.
_UNSPACED_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
#: A line that ends a sentence: terminal punctuation of many scripts, then closing quotes/brackets.
_SENTENCE_END_RE = regex.compile(r"[.!?…。！？؟।۔።]['\"“”‘’«»‹›)\]」』》]*$")
_SENTENCE_BREAK_RE = regex.compile(r"[.!?。！？؟।][\"“”‘’«»)」』]*\s+\p{Lu}|[。！？](?=\S)")
_UPPER_START_RE = regex.compile(r"^\p{Lu}")
#: Language detection reads at most this many words, from the longest blocks.
_DETECTION_WORDS = 250


@dataclass(frozen=True, slots=True)
class BlockFeatures:
    """Measurements of one block, all derived from its text and its page."""

    chars: int
    words: int
    stopword_ratio: float
    ends_sentence: bool
    sentences: int
    capitalised_ratio: float
    starts_upper: bool
    repeats: int


@dataclass(frozen=True, slots=True)
class PageFeatures:
    """The page's language and every block's features, computed once."""

    language: str | None
    blocks: tuple[BlockFeatures, ...]


def _word_count(text: str, tokens: list[str]) -> int:
    unspaced = len(_UNSPACED_RE.findall(text)) if not text.isascii() else 0
    if unspaced:
        return max(len(tokens), unspaced // 2)
    return len(tokens)


def measure(doc: Document, language: str | None = None) -> PageFeatures:
    """Measure every block; detect the stopword language first unless it is given."""
    raw_tokens = [_TOKEN_RE.findall(block.text) for block in doc.blocks]
    token_lists = [[t.lower() for t in tokens] for tokens in raw_tokens]
    if language is None:
        sample: list[str] = []
        for tokens in sorted(token_lists, key=len, reverse=True):
            sample.extend(tokens[: _DETECTION_WORDS - len(sample)])
            if len(sample) >= _DETECTION_WORDS:
                break
        language = detect_language(sample)
    stops = stopwords(language)
    counts = Counter(block.text for block in doc.blocks)
    measured = []
    for block, tokens, raw in zip(doc.blocks, token_lists, raw_tokens, strict=True):
        text = block.text
        n_tokens = len(tokens)
        stop_hits = sum(map(stops.__contains__, tokens)) if stops else 0
        capitalised = sum(map(str.isupper, [t[0] for t in raw]))
        measured.append(
            BlockFeatures(
                chars=len(text),
                words=_word_count(text, tokens),
                stopword_ratio=stop_hits / n_tokens if n_tokens else 0.0,
                ends_sentence=_SENTENCE_END_RE.search(text) is not None,
                sentences=len(_SENTENCE_BREAK_RE.findall(text)) + 1,
                capitalised_ratio=capitalised / n_tokens if n_tokens else 0.0,
                starts_upper=_UPPER_START_RE.match(text) is not None,
                repeats=counts[text],
            )
        )
    return PageFeatures(language, tuple(measured))

"""Prototype for the lead (not imported by cleaner): a faster ``features.measure`` with identical output.

Run: ``.venv/bin/python .notes/fast_measure.py`` -- checks equality on the AEB pages + seeds and times both.
Changes: one C-level lower() per block for the lowered tokens (join/split), ``map(stops.__contains__)``,
list-based sums, ``ends_sentence`` by rstrip of closers + last-char test (no regex scan of the whole
block), ``starts_upper`` by ``unicodedata.category`` (exactly \\p{Lu}), and the language sample built
without sorting every block's token list.
"""

from __future__ import annotations

import time
import unicodedata
from collections import Counter

from cleaner import features as F
from cleaner.language import detect_language, stopwords

_CLOSERS = "'\"”’»)]"
_TERMINALS = frozenset(".!?…。！？؟।۔።")
_category = unicodedata.category


def measure_fast(doc, language=None):  # type: ignore[no-untyped-def]
    texts = [block.text for block in doc.blocks]
    findall = F._TOKEN_RE.findall
    raw_tokens = [findall(text) for text in texts]
    token_lists = [" ".join(raw).lower().split(" ") if raw else [] for raw in raw_tokens]
    if language is None:
        sample: list[str] = []
        for tokens in sorted(token_lists, key=len, reverse=True):
            sample.extend(tokens)
            if len(sample) >= F._DETECTION_WORDS:
                break
        language = detect_language(sample)
    stops = stopwords(language)
    contains = stops.__contains__
    counts = Counter(texts)
    unspaced_re = F._UNSPACED_RE.findall
    breaks = F._SENTENCE_BREAK_RE.findall
    new = F.BlockFeatures
    measured = []
    for text, tokens, raw in zip(texts, token_lists, raw_tokens, strict=True):
        n_tokens = len(tokens)
        words = n_tokens
        if not text.isascii():
            unspaced = len(unspaced_re(text))
            if unspaced:
                words = max(n_tokens, unspaced // 2)
        stripped = text.rstrip(_CLOSERS)
        measured.append(
            new(
                chars=len(text),
                words=words,
                stopword_ratio=(sum(map(contains, tokens)) / n_tokens) if (n_tokens and stops) else 0.0,
                ends_sentence=bool(stripped) and stripped[-1] in _TERMINALS,
                sentences=len(breaks(text)) + 1 if n_tokens > 8 else 1,
                capitalised_ratio=sum([t[0].isupper() for t in raw]) / n_tokens if n_tokens else 0.0,
                starts_upper=_category(text[0]) == "Lu",
                repeats=counts[text],
            )
        )
    return F.PageFeatures(language, tuple(measured))


def _main() -> None:
    import html_text

    from cleaner.gold import load_aeb, load_span_documents
    from cleaner.segment import segment

    texts = [html_text.extract_text(p.html, guess_layout=True) for p in load_aeb("corpus/aeb")]
    texts += [d.text for d in load_span_documents("corpus/seeds")]
    docs = [segment(t) for t in texts]
    same = all(F.measure(d) == measure_fast(d) for d in docs)
    timings = {}
    for name, function in (("features.measure", F.measure), ("measure_fast", measure_fast)):
        best = float("inf")
        for _ in range(5):
            started = time.process_time()
            for d in docs:
                function(d)
            best = min(best, time.process_time() - started)
        timings[name] = best
    print(f"identical output on {len(docs)} documents: {same}")
    for name, seconds in timings.items():
        print(f"{name:18s} {seconds:.3f}s CPU per pass")
    print(f"speed-up {timings['features.measure'] / timings['measure_fast']:.2f}x")


if __name__ == "__main__":
    _main()

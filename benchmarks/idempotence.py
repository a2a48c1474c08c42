"""Idempotence on mixed-language pages: how often cleaning the clean text again changes it.

Run: ``python benchmarks/idempotence.py [--per-pair N]``.

A page's language is detected from its own words, so removing lines can change it, and with it
the rules that run and the stopwords that make a line read as prose. This builds, for every
ordered pair of the languages ``cleaner.testing`` writes and two kinds of foreign material,
``N`` articles (seeded: every run builds the same ones) in the first language with 1 to 3
lines of the second: boilerplate lines, or short paragraphs (a quote). Each is cleaned, then
its clean text cleaned again; the table counts the articles whose text changed, and of those
the ones whose detected languages changed between the passes.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from random import Random

import cleaner
from cleaner.engine.features import measure
from cleaner.engine.segment import segment
from cleaner.testing import writer
from cleaner.testing.vocabulary import BOILERPLATE_LABELS, VOCABULARIES, Vocabulary

KINDS = ("boilerplate", "paragraph")


def foreign_line(kind: str, vocab: Vocabulary, rng: Random) -> str:
    """One line in the second language: a boilerplate line of any label, or a 1-2 sentence paragraph."""
    if kind == "boilerplate":
        return writer.boilerplate_line(vocab, rng.choice(BOILERPLATE_LABELS), rng)
    return writer.paragraph(vocab, rng, 1 + rng.randrange(2))


def article(main: Vocabulary, other: Vocabulary, kind: str, seed: int) -> str:
    """A headline, 1-8 paragraphs, 0-8 boilerplate lines of the main language and 1-3 foreign
    lines, the extra lines at random places; lines apart by a blank line or a line break."""
    rng = Random(seed)
    lines = [
        writer.paragraph(main, Random(rng.randrange(2**32)), 1 + rng.randrange(4)) for _ in range(rng.randint(1, 8))
    ]
    extra = [writer.boilerplate_line(main, rng.choice(BOILERPLATE_LABELS), rng) for _ in range(rng.randint(0, 8))]
    extra += [foreign_line(kind, other, rng) for _ in range(rng.randint(1, 3))]
    for line in extra:
        lines.insert(rng.randint(0, len(lines)), line)
    return rng.choice(("\n\n", "\n")).join([writer.headline(main, rng), *lines])


def languages_of(text: str) -> tuple[str, ...]:
    """The languages ``clean`` detects on ``text`` (the first, then the plausible runners-up)."""
    return measure(segment(text)).languages


def run(per_pair: int, clean: Callable[[str], cleaner.Result]) -> list[list[object]]:
    rows: list[list[object]] = []
    for kind in KINDS:
        built = changed = relanguaged = 0
        for main in VOCABULARIES.values():
            for other in VOCABULARIES.values():
                if other is main:
                    continue
                for seed in range(per_pair):
                    text = article(main, other, kind, seed)
                    first = clean(text)
                    again = clean(first.text)
                    built += 1
                    if again.text != first.text:
                        changed += 1
                        relanguaged += languages_of(text) != languages_of(first.text)
        rows.append([kind, built, changed, relanguaged])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-pair", type=int, default=250, help="articles per language pair and kind (default 250)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rows = run(args.per_pair, cleaner.Cleaner().clean)
    pairs = len(VOCABULARIES) * (len(VOCABULARIES) - 1)
    print(f"{pairs} ordered language pairs of {', '.join(VOCABULARIES)}; {args.per_pair} articles per pair and kind")
    print(f"{'foreign lines':<14} {'articles':>9} {'changed':>8} {'of them, languages changed':>27}")
    for kind, built, changed, relanguaged in rows:
        print(f"{kind:<14} {built:>9,} {changed:>8,} {relanguaged:>27,}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

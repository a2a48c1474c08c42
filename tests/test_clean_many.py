"""``Cleaner.clean_many``: the same results as ``clean``, in input order, with and without processes."""

from __future__ import annotations

from pathlib import Path

import cleaner

SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpus" / "seeds").glob("*.txt"))


def texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    # different lengths so a pool would finish them out of order
    return [seed[: (i * 997) % len(seed) + 1] for i, seed in enumerate(seeds * 6)] + ["", " \n "]


def test_clean_many_equals_clean_in_order(default_cleaner: cleaner.Cleaner) -> None:
    inputs = texts()
    expected = [default_cleaner.clean(t) for t in inputs]
    assert list(default_cleaner.clean_many(inputs)) == expected
    assert list(default_cleaner.clean_many(iter(inputs), jobs=2, chunksize=3)) == expected


def test_clean_many_with_a_config_in_processes() -> None:
    custom = cleaner.Cleaner(cleaner.Config(keep=frozenset({"nav", "cta"})))
    inputs = texts()[:8]
    results = list(custom.clean_many(inputs, jobs=2))
    assert [r.source for r in results] == inputs
    assert all(r.label not in {"nav", "cta"} for result in results for r in result.removals)
    assert results == [custom.clean(t) for t in inputs]

"""The on-disk start-up cache: values come back equal, stale keys are rebuilt, concurrent writers
leave whole files, and what is cached (rule packs, the stopword index) equals what is built."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.engine import cache, language
from cleaner.engine.rules import builtin_pack_paths, load_pack
from cleaner.engine.rules.pack import rule_from_table
from cleaner.engine.rules.regex_code import from_code, pattern_code
from cleaner.errors import RuleError


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(directory))
    return directory


def test_a_value_is_built_once_then_read(cache_dir: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, object]:
        builds.append(1)
        return {"words": ("a", "b"), "blob": b"\x00\x01", "n": 3.5}

    first = cache.cached("test", ("k", 1), build)
    second = cache.cached("test", ("k", 1), build)
    assert first == second == {"words": ("a", "b"), "blob": b"\x00\x01", "n": 3.5}
    assert len(builds) == 1
    assert [p.name.startswith("test-") for p in (cache_dir / "v1").iterdir()] == [True]


def test_another_key_is_another_value(cache_dir: Path) -> None:
    assert cache.cached("test", ("k", 1), lambda: "one") == "one"
    assert cache.cached("test", ("k", 2), lambda: "two") == "two"
    assert cache.cached("test", ("k", 1), lambda: "never built") == "one"


def test_a_corrupt_or_foreign_file_is_rebuilt(cache_dir: Path) -> None:
    cache.cached("test", ("k",), lambda: "value")
    path = cache.entry_path("test", ("k",))
    assert path is not None and path.exists()
    path.write_bytes(b"\x00garbage")
    assert cache.cached("test", ("k",), lambda: "rebuilt") == "rebuilt"
    import marshal

    path.write_bytes(marshal.dumps(("('other key',)", "wrong")))  # a digest collision must not be trusted
    assert cache.cached("test", ("k",), lambda: "rebuilt again") == "rebuilt again"


def test_the_empty_variable_switches_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_VAR, "")
    monkeypatch.chdir(tmp_path)
    builds: list[int] = []
    for _ in range(2):
        assert cache.cached("test", ("k",), lambda: builds.append(1) or "v") == "v"
    assert len(builds) == 2 and cache.entry_path("test", ("k",)) is None
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_directory_only_means_nothing_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))
    assert cache.cached("test", ("k",), lambda: "v") == "v"


def _race(directory: str, start: object, results: object) -> None:
    os.environ[cache.ENV_VAR] = directory
    start.wait()  # type: ignore[attr-defined]
    value = cache.cached("race", ("k",), lambda: tuple(range(200_000)))
    results.put(value == tuple(range(200_000)))  # type: ignore[attr-defined]


def test_concurrent_workers_each_get_the_whole_value(cache_dir: Path) -> None:
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(4), context.Queue()
    workers = [context.Process(target=_race, args=(str(cache_dir), start, results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert outcomes == [True] * 4
    assert [p.name for p in (cache_dir / "v1").iterdir() if p.name.endswith(".tmp")] == []
    assert cache.cached("race", ("k",), lambda: "not rebuilt") == tuple(range(200_000))


@settings(deadline=None)  # each example loads four packs: a shared machine makes that slow at times
@given(st.text(max_size=300))
def test_patterns_rebuilt_from_code_match_like_the_originals(text: str) -> None:
    for path in builtin_pack_paths()[:4]:
        for rule in load_pack(path):
            rebuilt = from_code(pattern_code(rule.compiled))  # type: ignore[arg-type]
            original = regex.compile(rule.pattern)
            found, expected = rebuilt.search(text), original.search(text)
            assert (found and found.span()) == (expected and expected.span())


def test_cached_packs_equal_freshly_validated_ones(cache_dir: Path) -> None:
    import tomllib

    for path in builtin_pack_paths():
        tables = tomllib.loads(path.read_text(encoding="utf-8"))
        fresh = tuple(rule_from_table(name, table, path.stem, path) for name, table in tables.items())
        for loaded in (load_pack(path), load_pack(path)):  # built and stored, then read back
            assert loaded == fresh
            for mine, theirs in zip(loaded, fresh, strict=True):
                assert mine.literals == theirs.literals
                assert (mine.compiled.pattern, mine.compiled.flags) == (theirs.compiled.pattern, theirs.compiled.flags)
                for example in mine.remove + mine.keep:
                    assert bool(mine.compiled.search(example)) == bool(theirs.compiled.search(example))
    assert len(list((cache_dir / "v1").glob("pack-*"))) == len(builtin_pack_paths())


def test_an_edited_pack_is_validated_again(cache_dir: Path, tmp_path: Path) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_text('[ad]\nlabel = "promo"\nwhy = "An ad."\npattern = \'^AD:\'\nremove = ["AD: buy"]\n', "utf-8")
    assert [r.id for r in load_pack(pack)] == ["mine.ad"]
    assert [r.id for r in load_pack(pack)] == ["mine.ad"]
    pack.write_text('[ad]\nlabel = "promo"\nwhy = "An ad."\npattern = \'^AD:\'\nremove = ["ADVERT"]\n', "utf-8")
    with pytest.raises(RuleError, match="remove example 'ADVERT' is not removed"):
        load_pack(pack)


def test_the_cached_stopword_index_equals_jusText_lists(cache_dir: Path) -> None:
    import justext

    language._stored.cache_clear()
    language._index.cache_clear()
    language.stopwords.cache_clear()
    try:
        index, names, _weights = language._index()
        assert "Simple_English" not in names and "English" in names
        expected: dict[str, set[int]] = {}
        for number, name in enumerate(names):
            words = {word.lower() for word in justext.get_stoplist(name)} - {""}
            assert language.stopwords(name) == frozenset(words)
            for word in words:
                expected.setdefault(word, set()).add(number)
        assert {word: set(index[word[:1]][word]) for word in expected} == expected
        assert index["\u2603"].get("\u2603snow") is None
    finally:
        language._stored.cache_clear()
        language._index.cache_clear()
        language.stopwords.cache_clear()

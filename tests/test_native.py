"""The compiled build: which modules run compiled, the CLEANER_PURE switch, and each compiled
module against its own Python source on random input (the whole pipeline: test_equivalence.py)."""

from __future__ import annotations

import importlib
import importlib.util
import math
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import cleaner
from cleaner.engine import charclasses, native

#: ``make test`` sets this: it has just built the extension, so the suite must run compiled (a
#: build that failed would otherwise pass unnoticed, on the pure modules).
EXPECT_COMPILED = os.environ.get("CLEANER_EXPECT_COMPILED") == "1"
LINE_BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
#: Text of every script, every line terminator, spaces and zero-width characters.
texts = st.lists(
    st.one_of(
        st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
        st.sampled_from([*LINE_BREAKS, " ", "\t", "\u00a0", "\u200b", "\ufeff", "\u3000", "。", ". A", "“"]),
    ),
    max_size=40,
).map("".join)


def source_twin(name: str) -> ModuleType:
    """The Python source of a compiled module, loaded under a name of its own (the compiled one
    stays in ``sys.modules``)."""
    module = importlib.import_module(name)
    path = module.__file__
    assert path is not None
    source = path[: path.index(name.rpartition(".")[2]) + len(name.rpartition(".")[2])] + ".py"
    spec = importlib.util.spec_from_file_location(name + "_source_twin", source)
    assert spec is not None and spec.loader is not None
    twin = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = twin  # (dataclasses look their module up there)
    spec.loader.exec_module(twin)
    return twin


def test_every_module_runs_compiled_where_make_built_them() -> None:
    if not EXPECT_COMPILED:
        pytest.skip("not run by make test (CLEANER_EXPECT_COMPILED unset): the build may be pure")
    assert native.status() == dict.fromkeys(native.COMPILED_MODULES, True)
    assert cleaner.engine.COMPILED


def test_cleaner_pure_runs_the_python_sources() -> None:
    code = (
        "import cleaner, importlib; from cleaner.engine import native, COMPILED;"
        "print(COMPILED, all(importlib.import_module(m).__file__.endswith('.py') for m in native.COMPILED_MODULES))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, "CLEANER_PURE": "1"}, capture_output=True, text=True
    )
    assert done.stdout.split() == ["False", "True"], done.stderr


def _version(**environ: str) -> str:
    code = "import sys; from cleaner.cli import main; sys.exit(main(['--version']))"
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, **environ}, capture_output=True, text=True)
    return done.stdout + done.stderr


def test_version_names_the_build() -> None:
    assert "(pure-Python engine: CLEANER_PURE is set)" in _version(CLEANER_PURE="1")
    if EXPECT_COMPILED:
        assert "(compiled engine)" in _version()


@pytest.mark.parametrize("value, pure", [("1", True), ("true", True), ("YES", True), ("0", False), ("", False)])
def test_pure_switch_values(value: str, pure: bool) -> None:
    assert native.pure_requested({"CLEANER_PURE": value}) is pure


def test_segment_breaks_lines_where_splitlines_does_on_every_code_point() -> None:
    segment = importlib.import_module("cleaner.engine.segment").segment
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if len(("a" + char + "b").splitlines()) == 2:
            assert [b.text for b in segment("a" + char + "b").blocks] == ["a", "b"], hex(code)
    assert [b.text for b in segment("a\r\nb\n\rc").blocks] == ["a", "b", "c"]
    assert [b.gap_before for b in segment("a\r\nb\n\rc").blocks] == [0, 0, 1]


SEGMENT_TWIN = source_twin("cleaner.engine.segment")


def _blocks(doc: object) -> list[tuple[int, int, int, str, int]]:
    return [(b.index, b.start, b.end, b.text, b.gap_before) for b in doc.blocks]  # type: ignore[attr-defined]


@given(texts)
def test_segment_matches_its_source(text: str) -> None:
    assert _blocks(importlib.import_module("cleaner.engine.segment").segment(text)) == _blocks(
        SEGMENT_TWIN.segment(text)
    )


DECODE_TWIN = source_twin("cleaner.engine.decode")
#: Emission scores with many ties (small multiples of 1/4) and blocks no state may take.
_SCORES = st.one_of(st.sampled_from([0.0, 0.25, -0.5, 1.0, -1.0, 2.0]), st.just(-1e18))


@st.composite
def _emission_rows(draw: st.DrawFn) -> list[list[float] | list[int]]:
    n = draw(st.integers(0, 60))
    rows: list[list[float] | list[int]] = [draw(st.lists(_SCORES, min_size=n, max_size=n)) for _ in range(8)]
    rows.append(draw(st.lists(st.sampled_from([0, 1, 1]), min_size=n, max_size=n)))
    return rows


@given(_emission_rows())
def test_decode_matches_its_source(rows: list[list[float] | list[int]]) -> None:
    compiled = importlib.import_module("cleaner.engine.decode")
    assert compiled.decode(compiled.Emissions(*rows)) == DECODE_TWIN.decode(DECODE_TWIN.Emissions(*rows))


#: Scores on and off the grid: ties (k + 0.5) / GRID both ways, tiny negatives that round to
#: zero, huge values, IMPOSSIBLE and below.
_GRID_VALUES = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6),
    st.integers(-(10**6), 10**6).map(lambda k: (k + 0.5) / 1024.0),
    st.floats(min_value=-1 / 2048, max_value=1 / 2048),
    st.sampled_from([0.0, -0.0, 1e300, -1e300, -1e18, -2e18, 1.5e15, 2.0**60 + 0.5]),
)


@given(st.lists(_GRID_VALUES, max_size=30))
def test_grid_matches_its_source(row: list[float]) -> None:
    compiled = importlib.import_module("cleaner.engine.decode").grid(row)
    source = DECODE_TWIN.grid(row)
    assert [(value, math.copysign(1.0, value)) for value in compiled] == [
        (value, math.copysign(1.0, value)) for value in source
    ]
    assert source == [DECODE_TWIN.on_grid(value) for value in row]


@given(st.lists(_GRID_VALUES, max_size=30), st.sampled_from([0.1, 0.25, 1 / 3]))
def test_article_rows_match_their_source(scores: list[float], share: float) -> None:
    compiled = importlib.import_module("cleaner.engine.decode").article_rows(scores, share, 0.05, 0.9)
    source = DECODE_TWIN.article_rows(scores, share, 0.05, 0.9)
    signed = [[(value, math.copysign(1.0, value)) for value in row] for row in compiled]
    assert signed == [[(value, math.copysign(1.0, value)) for value in row] for row in source]
    before = [-share * max(score, 0.0) for score in scores]
    assert source[0] == [DECODE_TWIN.on_grid(value) for value in before]


def test_grid_rounds_ties_to_even_and_gives_an_unsigned_zero() -> None:
    grid = importlib.import_module("cleaner.engine.decode").grid
    assert grid([0.5 / 1024, 1.5 / 1024, -0.5 / 1024, -0.0001, -1e18, -3e18]) == [0.0, 2 / 1024, 0.0, 0.0, -1e18, -3e18]
    assert [math.copysign(1.0, value) for value in grid([-0.5 / 1024, -0.0001])] == [1.0, 1.0]


def test_character_table_is_regex_s_classes() -> None:
    table = charclasses.table()
    assert len(table) == charclasses.CODE_POINTS
    sample = [*range(0, 0x3000), *range(0xA000, 0xAC00), *range(0x1F000, 0x1F800), 0x20000, 0xE0001, 0x10FFFF]
    for bit, pattern in charclasses.CLASSES:
        compiled = regex.compile(pattern)
        for code in sample:
            assert bool(table[code] & bit) == (compiled.fullmatch(chr(code)) is not None), (pattern, hex(code))


def test_character_table_is_derived_again_for_another_regex_version(tmp_path, monkeypatch) -> None:
    stale = tmp_path / "charclasses.bin"
    stale.write_bytes(b"regex 1999.1.1\n" + b"junk")
    monkeypatch.setattr(charclasses, "TABLE_FILE", stale)
    charclasses.table.cache_clear()
    try:
        assert charclasses.table() == charclasses.derive()
    finally:
        charclasses.table.cache_clear()


#: An ``and`` chain mixing Python and C truth values, as ``decide._kept`` once had it, and the
#: form that replaced it (one ``not`` over an ``or`` chain).
MIXED_CHAIN = """
def kept(path, claimed, lead):
    return [state == 1 and index not in claimed and index not in lead for index, state in enumerate(path)]
"""
NEGATED_CHAIN = """
def kept(path, claimed, lead):
    return [not (state != 1 or index in claimed or index in lead) for index, state in enumerate(path)]
"""


def _cython_c(source: str, tmp_path: Path) -> str:
    pytest.importorskip("Cython")
    module = tmp_path / "chain.py"
    module.write_text(source)
    done = subprocess.run(
        [sys.executable, "-m", "cython", "-3", "-X", "annotation_typing=False", str(module)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return (tmp_path / "chain.c").read_text()


def test_the_miscompiled_cast_is_found_in_cythons_c(tmp_path: Path) -> None:
    mixed = _cython_c(MIXED_CHAIN, tmp_path)
    if "((PyObject *)__pyx_t_" in mixed:  # this Cython has the bug (issue 7472)
        assert native.miscompiled_casts(mixed)
    assert not native.miscompiled_casts(_cython_c(NEGATED_CHAIN, tmp_path))


def test_no_compiled_module_holds_a_miscompiled_cast() -> None:
    generated = Path(__file__).parent.parent / "build" / "cython"
    sources = [generated.joinpath(*name.split(".")).with_suffix(".c") for name in native.COMPILED_MODULES]
    if not all(source.exists() for source in sources):
        pytest.skip("no generated C here (a pure or wheel build)")
    assert {source.name: native.miscompiled_casts(source.read_text()) for source in sources} == {
        source.name: [] for source in sources
    }

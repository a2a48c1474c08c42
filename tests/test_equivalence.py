"""The equivalence suite: the pure build (CLEANER_PURE=1, the compiled modules' Python sources)
and the compiled build give the same Result on every bundled document, on generated articles
and on random Unicode. ``benchmarks/equivalence.py`` is the tool (and runs the full sizes: 10,000
articles); this runs it on a CI-sized share: all of the corpus in text mode, 30 AEB pages in
HTML mode, 400 articles and 400 random texts."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cleaner.engine import native

BENCHMARKS_DIR = Path(__file__).resolve().parent.parent / "benchmarks"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmarks_equivalence", BENCHMARKS_DIR / "equivalence.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


equivalence = _tool()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("equivalence") / "inputs.jsonl.gz"
    html_pages = 0
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for item in (*equivalence.bundled(), *equivalence.generated(400), *equivalence.random_unicode(400)):
            if item["mode"] == "html":
                html_pages += 1
                if html_pages > 30:
                    continue
            out.write(json.dumps(item) + "\n")
    return path


def test_pure_and_compiled_builds_give_the_same_results(inputs: Path, tmp_path: Path) -> None:
    if native.pure_requested():
        pytest.skip("CLEANER_PURE is set: there is no compiled build to compare")
    equivalence.run_build("pure", inputs, tmp_path / "pure.jsonl.gz")
    equivalence.run_build("compiled", inputs, tmp_path / "compiled.jsonl.gz")
    pure = list(equivalence.read_lines(tmp_path / "pure.jsonl.gz"))
    assert len(pure) == 5 + 181 + 30 + 400 + 400
    assert equivalence.compare(pure, equivalence.read_lines(tmp_path / "compiled.jsonl.gz")) == []


def test_the_comparison_names_a_differing_document() -> None:
    same = {"source": "a", "text": "a", "pieces": [[0, 0, 1]], "removals": []}
    other = {**same, "pieces": [[0, 0, 2]]}
    found = equivalence.compare(
        [{"name": "x/1", "result": same}, {"name": "x/2", "result": same}],
        [{"name": "x/1", "result": same}, {"name": "x/2", "result": other}],
    )
    assert found == [("x/2", "pieces[0]: [0, 0, 1] != [0, 0, 2]")]


def test_random_unicode_covers_every_line_break_and_no_surrogate() -> None:
    texts = [item["input"] for item in equivalence.random_unicode(400)]
    joined = "".join(texts)
    assert all(brk in joined for brk in equivalence.LINE_BREAKS)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in joined)
    assert len({c for c in joined if ord(c) > 0xFFFF}) > 100  # the astral planes too

"""The CI quality gate: AEB shingle F1 must not fall below the pinned floors.

The evaluation is benchmarks/quality.py's own (same flattening, same systems, same scoring),
imported from the file so the gate and the published table cannot drift apart.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cleaner.gold import AebPage, load_aeb
from cleaner.scoring import Score, aggregate, page_score

ROOT = Path(__file__).resolve().parent.parent
#: Pinned floors. Raise them when quality improves; never lower them to pass. Issue 2 set 0.90 /
#: 0.955; raised to about a point below the scores of 2026-11-23 (text 0.952, HTML 0.972), the
#: margin leaving room for new releases of html-text and trafilatura (not pinned), whose output
#: the scores depend on.
TEXT_MODE_F1_FLOOR = 0.94
HTML_MODE_F1_FLOOR = 0.962
AEB_PAGES = 181


def load_quality_module() -> ModuleType:
    """``benchmarks/quality.py`` as a module (benchmarks/ is not a package)."""
    path = ROOT / "benchmarks" / "quality.py"
    spec = importlib.util.spec_from_file_location("benchmarks_quality", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def quality() -> ModuleType:
    return load_quality_module()


@pytest.fixture(scope="module")
def pages(aeb_dir: Path) -> list[AebPage]:
    loaded = list(load_aeb(aeb_dir))
    assert len(loaded) == AEB_PAGES
    return loaded


def score_system(system: object, inputs: list[str], pages: list[AebPage]) -> Score:
    assert callable(system)
    return aggregate(page_score(system(item), page.body) for item, page in zip(inputs, pages, strict=True))


def test_text_mode_f1_floor(quality: ModuleType, pages: list[AebPage]) -> None:
    texts = [quality.flatten(page.html) for page in pages]
    score = score_system(quality.text_systems()["cleaner"], texts, pages)
    assert score.pages == AEB_PAGES
    assert score.f1 >= TEXT_MODE_F1_FLOOR, (
        f"text-mode F1 {score.f1:.4f} (P {score.precision:.4f}, R {score.recall:.4f}) "
        f"is below the floor {TEXT_MODE_F1_FLOOR}"
    )


def test_html_mode_f1_floor(quality: ModuleType, pages: list[AebPage]) -> None:
    score = score_system(quality.html_systems()["cleaner"], [page.html for page in pages], pages)
    assert score.pages == AEB_PAGES
    assert score.f1 >= HTML_MODE_F1_FLOOR, (
        f"HTML-mode F1 {score.f1:.4f} (P {score.precision:.4f}, R {score.recall:.4f}) "
        f"is below the floor {HTML_MODE_F1_FLOOR}"
    )


def test_the_gate_can_fail(pages: list[AebPage], quality: ModuleType) -> None:
    """The unchanged text scores far below the text-mode floor: the gate discriminates."""
    texts = [quality.flatten(page.html) for page in pages[:40]]
    score = score_system(quality.text_systems()["unchanged text"], texts, pages[:40])
    assert score.f1 < TEXT_MODE_F1_FLOOR

"""The explain report in a real headless browser (Debian's chromium; ``tests/setup_browser.py``).

Renders the page made by ``cleaner explain --report``, takes a screenshot, and reads the DOM as
the browser built it: every removal must be a highlight carrying its label and rule id.
"""

from __future__ import annotations

import importlib.util
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seeds" / "000_a3828fbc3c638a09.txt"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _screenshot_script_flags() -> list[str]:
    """Chromium's flags from benchmarks/make_report_screenshot.py, so the test and the script that
    makes docs/explain-report.png start the browser the same way."""
    path = ROOT / "benchmarks" / "make_report_screenshot.py"
    spec = importlib.util.spec_from_file_location("make_report_screenshot", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.FLAGS)


FLAGS = _screenshot_script_flags()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium missing: run python tests/setup_browser.py"),
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


class Highlights(HTMLParser):
    """Collects the highlight elements (with data-label / data-rule) and the legend entries."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []
        self.legend: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "data-label" in found and "data-rule" in found:
            self.marks.append({"tag": tag, **found})
        if "data-legend" in found:
            self.legend.append(str(found["data-legend"]))
        if tag in ("script", "link", "img", "iframe"):
            self.scripts += 1


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "page.html"
    assert main(["explain", str(SEED), "--report", str(path), "-q"]) == 0
    return path


def test_highlights_exist_in_the_rendered_dom(page: Path, tmp_path: Path) -> None:
    result = cleaner.clean(SEED.read_text(encoding="utf-8"))
    if not result.removals:
        pytest.skip("the engine removed nothing from this seed")
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    parsed = Highlights()
    parsed.feed(dom)
    assert len(parsed.marks) == len([r for r in result.removals if r.end > r.start])
    assert {(m["data-label"], m["data-rule"]) for m in parsed.marks} == {(r.label, r.rule) for r in result.removals}
    for mark in parsed.marks:
        assert mark["tag"] == "mark"
        assert str(mark["data-rule"]) in str(mark["title"]) and str(mark["data-label"]) in str(mark["title"])
    assert parsed.legend[0] == "body"
    assert set(parsed.legend[1:]) == {r.label for r in result.removals}
    assert parsed.scripts == 0  # standalone: nothing loaded from anywhere


def test_screenshot_is_a_full_non_blank_page(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 2000)
    assert len(data) > 30_000  # a blank or error page compresses to a few kB

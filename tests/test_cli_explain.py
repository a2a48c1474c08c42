"""``cleaner explain``: the terminal view, the standalone report page, and its errors."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main
from cleaner.report_html import render_report, segments

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seeds" / "003_3289558473fbce1e.txt"


@pytest.fixture(scope="module")
def seed_result() -> cleaner.Result:
    return cleaner.clean(SEED.read_text(encoding="utf-8"))


def test_segments_tile_the_source(seed_result: cleaner.Result) -> None:
    parts = list(segments(seed_result))
    assert "".join(seed_result.source[s.start : s.end] for s in parts) == seed_result.source
    assert [s.removal for s in parts if s.removal] == sorted(seed_result.removals, key=lambda r: (r.start, r.end))


def test_terminal_view_names_every_rule(
    seed_result: cleaner.Result, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # no wrapping inside the [label rule] tags
    assert main(["explain", str(SEED)]) == 0
    shown = capsys.readouterr().out
    for removal in seed_result.removals:
        assert f"[{removal.label} {removal.rule}]" in shown
    assert shown.count("[") >= len(seed_result.removals)
    assert "legend:" in shown
    if seed_result.title:
        assert f"title: {seed_result.title}" in shown


def test_report_page_is_standalone_with_one_highlight_per_removal(seed_result: cleaner.Result, tmp_path: Path) -> None:
    page = tmp_path / "sub" / "page.html"
    assert main(["explain", str(SEED), "--report", str(page), "-q"]) == 0
    text = page.read_text(encoding="utf-8")
    marks = re.findall(r'<mark class="removal" data-label="([^"]+)" data-rule="([^"]+)"', text)
    assert sorted(marks) == sorted((r.label, r.rule) for r in seed_result.removals if r.end > r.start)
    assert not re.search(r"<script|<link|<img|src=|@import|url\(", text)
    for label in {r.label for r in seed_result.removals}:
        assert f'data-legend="{label}"' in text


def test_report_escapes_the_source() -> None:
    result = cleaner.clean("<script>alert('x')</script> & more\n\nA plain paragraph of body text here.")
    page = render_report(result, "<evil>.txt")
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<evil>" not in page


def test_jsonl_record_and_gzip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = SEED.read_text(encoding="utf-8")
    path = tmp_path / "r.jsonl.gz"
    path.write_bytes(gzip.compress(f"{json.dumps({'id': 1, 'text': 'short'})}\n{{torn\n".encode()))
    path2 = tmp_path / "s.jsonl"
    path2.write_text(json.dumps({"text": "x"}) + "\n" + json.dumps({"text": body}) + "\n")
    assert main(["explain", str(path2), "--line", "2"]) == 0
    assert "legend:" in capsys.readouterr().out
    assert main(["explain", str(path), "--line", "2"]) == 1
    assert "line 2" in capsys.readouterr().err
    assert main(["explain", str(path), "--line", "9"]) == 2


@pytest.mark.parametrize(
    ("name", "content", "status", "words"),
    [
        ("bin.txt", b"\x00\x01binary", 1, "binary"),
        ("bad.txt", b"caf\xe9", 1, "UTF-8"),
        ("a.pdf", b"%PDF-1.4", 2, "is not an input format (.txt"),
    ],
)
def test_errors(
    name: str, content: bytes, status: int, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / name).write_bytes(content)
    assert main(["explain", str(tmp_path / name)]) == status
    assert words in capsys.readouterr().err
    assert main(["explain", str(tmp_path / "missing.txt")]) == 2

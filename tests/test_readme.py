"""Every ```python and ```sh block of README.md runs as written, in a temp folder holding the bundled corpus.

A block that cannot run here says so on the line before it: ``<!-- readme-test: skip (why) -->``
(installing packages, the test suite itself). Each block runs on its own, in a fresh process,
with this interpreter's ``bin`` first on PATH (so ``cleaner`` is the one under test).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SKIP = re.compile(r"<!--\s*readme-test:\s*skip\b")
FENCE = re.compile(r"^```(\w*)\s*$")


def blocks(text: str) -> list[tuple[int, str, str, bool]]:
    """``(line, language, code, skipped)`` for every fenced block."""
    found: list[tuple[int, str, str, bool]] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        start, language = index, match.group(1)
        end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("```"))
        before = next((lines[i] for i in range(start - 1, -1, -1) if lines[i].strip()), "")
        found.append((start + 1, language, "\n".join(lines[start + 1 : end]) + "\n", bool(SKIP.search(before))))
        index = end + 1
    return found


RUNNABLE = [(line, language, code) for line, language, code, skipped in blocks(README.read_text()) if not skipped]
RUNNABLE = [block for block in RUNNABLE if block[1] in ("python", "sh")]


def test_the_readme_has_runnable_blocks_and_marks_the_others() -> None:
    every = blocks(README.read_text())
    assert {language for _, language, _, _ in every} >= {"python", "sh"}
    assert len(RUNNABLE) >= 3
    skipped = [code for _, language, code, skip in every if skip]
    assert all("make" in code or "pip install" in code for code in skipped), "skip only what cannot run offline"


@pytest.mark.parametrize(("line", "language", "code"), RUNNABLE, ids=[f"README.md:{b[0]}" for b in RUNNABLE])
def test_readme_block_runs(line: int, language: str, code: str, tmp_path: Path) -> None:
    (tmp_path / "corpus").symlink_to(ROOT / "corpus")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [sys.executable, "-c", code] if language == "python" else ["bash", "-e", "-c", code]
    run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"README.md line {line} ({language}) failed:\n{run.stderr[-3000:]}"

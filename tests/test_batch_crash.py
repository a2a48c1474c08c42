"""Crash safety: SIGKILL a batch of 2,400 files midway, rerun, and every input is accounted for once.

The kill hits only the coordinating process, as the OOM killer would; its workers die with it
(PR_SET_PDEATHSIG). After the rerun every input has exactly one complete output or exactly one
line in failures.jsonl, no temp file is left, and every output is whole (valid JSON, the body
of its own input).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from cleaner.batch import read_failures

ROOT = Path(__file__).resolve().parent.parent
FILES = 2400
BAD_EVERY = 97  # some inputs fail on purpose: they must end with exactly one failure line


def build_inputs(src: Path) -> None:
    texts = [p.read_text() for p in sorted((ROOT / "corpus" / "seeds").glob("*.txt"))]
    for i in range(FILES):
        folder = src / f"d{i % 20:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        if i % BAD_EVERY == 0:
            (folder / f"f{i:05d}.txt").write_bytes(b"\xe9 broken " + str(i).encode())  # not UTF-8
            continue
        text = texts[i % len(texts)]
        start = (i * 37) % max(1, len(text) // 2)
        (folder / f"f{i:05d}.txt").write_text(f"Document {i}.\n\n" + text[start : start + 1200])


def command(src: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "cleaner", "clean", str(src), "-o", str(out), "--format", "json", "--jobs", "2"]


def kill_midway(src: Path, out: Path) -> None:
    """Start the batch, wait until a few hundred outputs exist, SIGKILL its main process."""
    process = subprocess.Popen(command(src, out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: list[psutil.Process] = []
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            done = sum(len(files) for _, _, files in os.walk(out)) if out.exists() else 0
            if done >= 300:
                workers = psutil.Process(process.pid).children(recursive=True)
                break
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    errors = process.stderr.read() if process.stderr else b""
    assert process.returncode == -signal.SIGKILL, f"the batch ended before it could be killed: {errors!r}"
    assert workers, "no worker processes were seen"
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, "workers outlived the killed batch"


@pytest.mark.slow
def test_sigkill_midway_then_rerun_accounts_for_every_input_once(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    build_inputs(src)
    kill_midway(src, out)
    partial = [p for p in out.rglob("f*.json")]
    assert 0 < len(partial) < FILES - FILES // BAD_EVERY - 1, "the kill did not land midway"

    rerun = subprocess.run(command(src, out), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 1, rerun.stderr  # the broken inputs fail, the rest are done
    assert "skipped" in rerun.stderr

    assert not list(out.rglob(".cleaner-tmp-*")), "a temp file survived"
    failures = read_failures(out)
    failed = [Path(line["path"]).relative_to(src).with_suffix("") for line in failures]
    assert len(failed) == len(set(failed)), "an input has more than one failure line"
    inputs = {p.relative_to(src).with_suffix("") for p in src.rglob("*.txt")}
    outputs = {p.relative_to(out).with_suffix("") for p in out.rglob("f*.json")}
    assert len(inputs) == FILES
    assert outputs.isdisjoint(failed), "an input has both an output and a failure line"
    assert outputs | set(failed) == inputs, "an input has neither an output nor a failure line"
    assert len(failed) == len(range(0, FILES, BAD_EVERY))
    for path in out.rglob("f*.json"):
        data = json.loads(path.read_text())  # whole, valid JSON
        rel = path.relative_to(out).with_suffix(".txt")
        assert data["source"] == (src / rel).read_text(), path
        assert data["id"] == str(rel)

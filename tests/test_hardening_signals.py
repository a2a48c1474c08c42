"""Issue 14, items 17 and 4 (the pool half): signals stop a batch promptly; a document over budget fails alone.

Each test runs ``python -m cleaner clean`` in a subprocess. A document whose text holds a marker
is made slow by patching ``clean_document`` before the CLI starts (the forked workers inherit
it): ``SLEEP`` sleeps in Python, ``SPIN`` loops in Python, ``STUCK`` sleeps with SIGALRM blocked,
as a C call that never returns to Python would.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner.batch import BatchOptions, read_failures, run_batch
from cleaner.errors import CleanerError

SEED = (Path(__file__).resolve().parent.parent / "corpus" / "seeds" / "000_a3828fbc3c638a09.txt").read_text()

DRIVER = """
import runpy, signal, sys, time
import cleaner.batch.work as work
original = work.clean_document
def slow(cleaner, doc):
    content = doc.content if isinstance(doc.content, str) else doc.content.decode("utf-8", "replace")
    if "SLEEP" in content:
        time.sleep(60)
    if "SPIN" in content:
        while True:
            pass
    if "STUCK" in content:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    return original(cleaner, doc)
work.clean_document = slow
sys.argv = ["cleaner", *sys.argv[1:]]
runpy.run_module("cleaner", run_name="__main__")
"""


def clean(*args: str) -> list[str]:
    return [sys.executable, "-c", DRIVER, "clean", *args, "-q"]


def inputs(src: Path, slow: str, files: int = 6) -> None:
    src.mkdir()
    for i in range(files):
        (src / f"f{i}.txt").write_text(f"Document {i}.\n\n" + SEED, encoding="utf-8")
    (src / "slow1.txt").write_text(f"{slow}\n\n" + SEED, encoding="utf-8")
    (src / "slow2.txt").write_text(f"{slow}\n\n" + SEED[::-1], encoding="utf-8")


def wait_for_workers_on(out: Path, process: subprocess.Popen[bytes], done: int) -> None:
    """Until ``done`` outputs exist (the slow files are in flight by then)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if len(list(out.glob("f*.txt"))) >= done:
            time.sleep(0.5)
            return
        time.sleep(0.05)
    raise AssertionError("the batch never got going")


def stop_and_resume(tmp_path: Path, signum: int) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    inputs(src, "SLEEP")
    command = clean(str(src), "-o", str(out), "--jobs", "2", "--doc-timeout", "0")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_for_workers_on(out, process, 6)
    sent = time.monotonic()
    process.send_signal(signum)
    _, errors = process.communicate(timeout=30)
    took = time.monotonic() - sent
    assert process.returncode == 128 + signum, errors
    assert took < 5, f"stopping took {took:.1f} s: the run waited for its in-flight files"
    lines = errors.decode().strip().splitlines()
    assert len(lines) == 1 and "run the same command again to resume" in lines[0], errors
    # resumable: the rerun (the slow files now fast) cleans what was in flight and skips the rest
    for name in ("slow1.txt", "slow2.txt"):
        (src / name).write_text((src / name).read_text().replace("SLEEP", "Quick"))
    rerun = subprocess.run(clean(str(src), "-o", str(out), "--jobs", "2"), capture_output=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(p.name for p in out.glob("*.txt")) == [*(f"f{i}.txt" for i in range(6)), "slow1.txt", "slow2.txt"]
    assert not list(out.rglob(".cleaner-tmp-*"))
    assert read_failures(out) == []


def test_item17_sigterm_stops_the_run_at_once_with_143_and_one_line(tmp_path: Path) -> None:
    """Item 17: SIGTERM kills the workers (no wait for in-flight files), says how to resume, exits 143."""
    stop_and_resume(tmp_path, signal.SIGTERM)


def test_item17_ctrl_c_stops_a_two_job_run_at_once_with_130(tmp_path: Path) -> None:
    """Items 17 and 4: the first Ctrl-C (SIGINT) stops a ``--jobs 2`` run with two files in flight at once."""
    stop_and_resume(tmp_path, signal.SIGINT)


def test_item04_a_record_over_the_budget_fails_alone(tmp_path: Path) -> None:
    """Item 4: a record looping past ``--doc-timeout`` fails alone with its line; its file and the batch go on."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    records = [{"id": "a", "text": SEED}, {"id": "b", "text": "SPIN\n\n" + SEED}, {"id": "c", "text": SEED[::-1]}]
    (src / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (src / "a.txt").write_text(SEED, encoding="utf-8")
    for jobs in ("1", "2"):
        started = time.monotonic()
        run = subprocess.run(
            clean(str(src), "-o", str(out), "--jobs", jobs, "--doc-timeout", "1", "--force"),
            capture_output=True,
            timeout=60,
        )
        assert time.monotonic() - started < 20
        assert run.returncode == 1, run.stderr
        [failure] = read_failures(out)
        assert (failure["error"], failure["line"], failure["id"]) == ("DocumentTimeout", 2, "b")
        assert "--doc-timeout budget of 1 s" in failure["message"]
        kept = [json.loads(line)["id"] for line in (out / "r.jsonl").read_text().splitlines()]
        assert kept == ["a", "c"]
        assert (out / "a.txt").read_text().strip()


def test_item04_the_watchdog_stops_a_document_stuck_outside_python(tmp_path: Path) -> None:
    """Item 4: a document stuck where no alarm reaches (SIGALRM blocked) is killed by the pool's watchdog;
    its file fails with a clear line, every other file is cleaned."""
    src, out = tmp_path / "in", tmp_path / "out"
    inputs(src, "STUCK", files=4)
    (src / "slow2.txt").unlink()
    started = time.monotonic()
    run = subprocess.run(
        clean(str(src), "-o", str(out), "--jobs", "2", "--doc-timeout", "1"), capture_output=True, timeout=120
    )
    assert time.monotonic() - started < 30
    assert run.returncode == 1, run.stderr
    [failure] = read_failures(out)
    assert failure["path"].endswith("slow1.txt") and failure["error"] == "DocumentTimeout"
    assert "could not be interrupted" in failure["message"]
    assert sorted(p.name for p in out.glob("*.txt")) == [f"f{i}.txt" for i in range(4)]
    assert os.path.exists(out / "failures.jsonl")


def test_item04_the_budget_is_a_finite_number_of_seconds() -> None:
    """Item 4: ``--doc-timeout`` nan, inf or below 0 is bad usage, not "no limit" or "every document times out"."""
    for bad in (float("nan"), float("inf"), -1.0):
        with pytest.raises(CleanerError, match="--doc-timeout"):
            BatchOptions(doc_timeout=bad)
    assert BatchOptions(doc_timeout=0).doc_timeout == 0


def test_item04_the_budget_restores_the_callers_alarm_handler(tmp_path: Path) -> None:
    """Item 4: running documents under the alarm leaves a library caller's own SIGALRM handler in place."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SEED, encoding="utf-8")

    def mine(signum: int, frame: object) -> None:
        raise AssertionError("not expected")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        report = run_batch([tmp_path / "in"], tmp_path / "out", BatchOptions(jobs=1, doc_timeout=30))
        assert report.files_done == 1
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)

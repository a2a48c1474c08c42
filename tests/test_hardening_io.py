"""Issue 14, the batch input/output half: one regression test per item (the item number in the name)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.batch import read_failures
from cleaner.batch.failures import Failure
from cleaner.batch.formats.jsonline import RenderError, json_line
from cleaner.batch.options import BatchOptions
from cleaner.batch.readers import Document
from cleaner.batch.report import FileOutcome
from cleaner.batch.work import clean_into, cleaner_for
from cleaner.cli import main

SEED = (Path(__file__).resolve().parent.parent / "corpus" / "seeds" / "000_a3828fbc3c638a09.txt").read_text()


def _hostile_records() -> bytes:
    """Good records (ids g0..g2) around a lone surrogate (text and metadata), ~990-deep nesting and wrong types."""
    lines = [
        json.dumps({"id": "g0", "text": SEED}),
        '{"id": "sur", "text": "\\udc80 ' + json.dumps(SEED)[1:-1] + '", "meta": "\\ud800"}',
        '{"id": "deep", "text": "x", "m": ' + "[" * 990 + "]" * 990 + "}",
        json.dumps({"id": "g1", "text": SEED[:2000]}),
        '{"id": "num", "text": 5}',
        "[1, 2]",
        json.dumps({"id": "g2", "text": SEED[1000:]}),
    ]
    return ("\n".join(lines) + "\n").encode()


def test_item03_every_jsonl_record_fails_alone_with_its_line(tmp_path: Path) -> None:
    """Item 3: a lone surrogate, ~990-deep nesting and wrong types touch only their own line; the rest is cleaned."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "r.jsonl").write_bytes(_hostile_records())
    assert main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1"]) == 1
    records = [json.loads(line) for line in (out / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["g0", "sur", "g1", "g2"]
    assert records[1]["meta"] == "\ud800"  # the surrogate is kept, escaped, as the input had it
    assert {f["line"]: f["error"] for f in read_failures(out)} == {3: "InputError", 5: "InputError", 6: "InputError"}
    assert "nested too deeply" in next(f["message"] for f in read_failures(out) if f["line"] == 3)


def test_item03_every_record_fails_alone_on_stdin() -> None:
    """Item 3: the same records on stdin: the good ones (and the surrogate one) are written, each bad line reported."""
    cmd = [sys.executable, "-m", "cleaner", "clean", "-"]
    done = subprocess.run(cmd, input=_hostile_records(), capture_output=True, timeout=120)
    assert done.returncode == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["g0", "sur", "g1", "g2"]
    assert all(f"line {n}" in done.stderr.decode() for n in (3, 5, 6))
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "dolma"])
def test_item03_output_writers_escape_lone_surrogates(tmp_path: Path, fmt: str) -> None:
    """Item 3: result lines (--format jsonl) and dolma's files write a lone-surrogate id escaped, not fail the file."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "r.jsonl").write_text('{"id": "\\udc80", "text": ' + json.dumps(SEED) + "}\n", encoding="utf-8")
    assert main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1", "--format", fmt]) == 0
    written = [p for p in out.rglob("*.jsonl*") if p.name != "failures.jsonl"]
    assert written
    for path in written:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        assert json.loads(data.decode("utf-8").splitlines()[0])["id"] == "\udc80"


def test_item03_a_record_that_cannot_be_rendered_fails_alone() -> None:
    """Item 3: a record whose output line cannot be built (nested past the JSON encoder's limit) fails alone."""
    deep: list[object] = []
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(RenderError):
        json_line(deep)
    source_path = "r.jsonl"
    docs = [
        Document("a", source_path, "txt", SEED, {"id": "a", "text": SEED}, 1),
        Document("b", source_path, "txt", SEED, {"id": "b", "text": SEED, "m": deep}, 2),
        Document("c", source_path, "txt", SEED, {"id": "c", "text": SEED}, 3),
    ]
    written: list[str] = []
    outcome = FileOutcome(source_path)
    options = BatchOptions(jobs=1)
    clean_into(docs, source_path, cleaner_for(options.config), options, written.append, outcome)
    assert [json.loads(line)["id"] for line in written] == ["a", "c"]
    assert outcome.failures == [Failure(source_path, "RenderError", outcome.failures[0].message, 2, "b")]
    assert outcome.failures[0].message.startswith("line 2: ")

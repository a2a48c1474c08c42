"""Issue 14, the batch half: one regression test per item (the item number in the name)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from cleaner.batch import read_failures
from cleaner.cli import main

SEED = (Path(__file__).resolve().parent.parent / "corpus" / "seeds" / "000_a3828fbc3c638a09.txt").read_text()


def test_item01_unencodable_failure_lines_do_not_abort_the_batch(tmp_path: Path) -> None:
    """Item 1: a non-UTF-8 file name and a lone-surrogate record id still get a failure line; the rest is cleaned."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    with open(os.path.join(os.fsencode(src), b"a\xff.txt"), "wb") as handle:
        handle.write(b"\0bin")
    for i in range(3):
        (src / f"good{i}.txt").write_text(SEED, encoding="utf-8")
    (src / "records.jsonl").write_text(
        '{"id": "\\udc80", "text": 5}\n' + json.dumps({"id": "ok", "text": SEED}) + "\n", encoding="utf-8"
    )
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 1
    assert sorted(p.name for p in out.glob("good*.txt")) == ["good0.txt", "good1.txt", "good2.txt"]
    failures = read_failures(out)
    assert any(f["path"].endswith("a\udcff.txt") for f in failures)
    assert any(f.get("id") == "\udc80" and f.get("line") == 1 for f in failures)
    assert (out / "failures.jsonl").read_bytes().isascii()


def test_item14_input_names_up_to_name_max_work(tmp_path: Path) -> None:
    """Item 14: an input name of 255 bytes is cleaned (the temp name does not grow past NAME_MAX)."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    name = "n" * 251 + ".txt"
    (src / name).write_text(SEED, encoding="utf-8")
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    assert (out / name).read_text(encoding="utf-8").strip()
    assert read_failures(out) == []

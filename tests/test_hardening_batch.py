"""Issue 14, the batch half: one regression test per item (the item number in the name)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from cleaner.batch import BatchOptions, BatchRun, process_task, read_failures
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


def _jsonl_with_bad_lines(path: Path, good: int, bad: int) -> None:
    """A JSONL file of ``good`` records and ``bad`` torn lines, interleaved."""
    lines = [json.dumps({"id": f"g{i}", "text": SEED[i * 50 : i * 50 + 900]}) for i in range(good)]
    for i in range(bad):
        lines.insert(1 + 2 * i, "{torn")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_item02_failure_lines_survive_a_kill_between_output_and_chunk_return(tmp_path: Path) -> None:
    """Item 2: the worker commits a file's failure lines with its output; a run killed before the
    coordinator logged them loses none (the rerun finds them in the file's record)."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _jsonl_with_bad_lines(src / "r.jsonl", good=4, bad=3)
    options = BatchOptions(jobs=1)
    with BatchRun([src], out, options) as run:
        [task] = run.tasks
        outcome = process_task(task, options)  # the worker's part; the coordinator "dies" before record()
    assert outcome.output is not None and len(outcome.failures) == 3
    assert read_failures(out) == []  # nothing reached the log
    main(["clean", str(src), "-o", str(out), "-q"])  # skipped (done), its lines back (exit status: item 18)
    assert sorted(f["line"] for f in read_failures(out)) == [2, 4, 6]
    main(["clean", str(src), "-o", str(out), "-q"])  # and they stay, once
    assert sorted(f["line"] for f in read_failures(out)) == [2, 4, 6]


def test_item02_a_killed_force_run_drops_only_the_lines_of_redone_files(tmp_path: Path) -> None:
    """Item 2: ``--force`` drops an old failure line only when its file is redone; a kill midway keeps the rest."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _jsonl_with_bad_lines(src / "a.jsonl", good=3, bad=2)
    _jsonl_with_bad_lines(src / "b.jsonl", good=3, bad=1)
    assert main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1"]) == 1
    assert len(read_failures(out)) == 3
    options = BatchOptions(jobs=1, force=True)
    with BatchRun([src], out, options) as run:
        assert len(run.tasks) == 2
        assert len(read_failures(out)) == 3  # nothing dropped before it is redone
        run.record(process_task(run.tasks[0], options))  # a.jsonl redone; the run dies before b.jsonl
    assert sorted((Path(f["path"]).name, f["line"]) for f in read_failures(out)) == [
        ("a.jsonl", 2),
        ("a.jsonl", 4),
        ("b.jsonl", 2),
    ]
    main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1"])  # both skipped
    assert sorted((Path(f["path"]).name, f["line"]) for f in read_failures(out)) == [
        ("a.jsonl", 2),
        ("a.jsonl", 4),
        ("b.jsonl", 2),
    ]


def test_item05_a_new_input_never_inherits_an_old_output(tmp_path: Path) -> None:
    """Item 5: ``b.htm`` (older mtime) added beside a cleaned ``b.txt`` is cleaned, not reported done;
    ``b.txt`` keeps its output and the newcomer gets the long name."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "b.txt").write_text(SEED, encoding="utf-8")
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    first = (out / "b.txt").read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{para}</p>" for para in SEED.split("\n\n")[:6])
    (src / "b.htm").write_text(f"<html><body><article><h1>Harbour news</h1>{paragraphs}</article></body></html>")
    old = (out / "b.txt").stat().st_mtime - 3600
    os.utime(src / "b.htm", (old, old))
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    alone = tmp_path / "alone"
    assert main(["clean", str(src / "b.htm"), "-o", str(alone), "-q"]) == 0
    assert (out / "b.htm.txt").read_text(encoding="utf-8") == (alone / "b.txt").read_text(encoding="utf-8")
    assert (out / "b.txt").read_text(encoding="utf-8") == first
    assert sorted(p.name for p in out.glob("b.*")) == ["b.htm.txt", "b.txt"]


def test_item05_a_replaced_input_of_the_same_name_is_redone(tmp_path: Path) -> None:
    """Item 5: an input replaced by another file with an older mtime (``cp -p``, ``tar x``) is cleaned again."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(SEED, encoding="utf-8")
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    first = (out / "a.txt").read_text(encoding="utf-8")
    (src / "a.txt").write_text("Other text.\n\n" + SEED[: len(SEED) // 2], encoding="utf-8")
    old = (out / "a.txt").stat().st_mtime - 3600
    os.utime(src / "a.txt", (old, old))
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    assert (out / "a.txt").read_text(encoding="utf-8") != first

"""Reruns: finished outputs are skipped, --force redoes them, failures.jsonl has one line per failure."""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

import pytest

from cleaner.batch import BatchOptions, read_failures, run_batch
from cleaner.cli import main
from cleaner.config import Config

SEED = (Path(__file__).resolve().parent.parent / "corpus" / "seeds" / "001_9ad43d6c7c34373b.txt").read_text()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(SEED)
    (src / "sub" / "b.txt").write_text(SEED[:1500])
    (src / "bad.txt").write_bytes(b"caf\xe9 not utf-8")  # (\xff\xfe first would be a UTF-16 BOM)
    lines = [json.dumps({"id": 1, "text": SEED[:800]}), "{torn", json.dumps({"id": 3, "text": SEED[800:1600]})]
    (src / "r.jsonl").write_text("\n".join(lines) + "\n")
    return src


def options(**changes: object) -> BatchOptions:
    return BatchOptions(**{"jobs": 1, **changes})  # type: ignore[arg-type]


def test_rerun_skips_done_files_and_keeps_their_failure_lines(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch([folder], out, options())
    assert (first.files_total, first.files_done, first.files_failed, first.documents_failed) == (4, 3, 1, 1)
    assert first.documents == 4
    assert first.failures == len(read_failures(out)) == 2
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("[!.]*.*") if p.name != "failures.jsonl"}

    second = run_batch([folder], out, options())
    assert (second.files_skipped, second.files_done, second.files_failed) == (3, 0, 1)
    lines = read_failures(out)
    assert sorted((Path(x["path"]).name, x.get("line")) for x in lines) == [("bad.txt", None), ("r.jsonl", 2)]
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps  # untouched

    forced = run_batch([folder], out, options(force=True))
    assert (forced.files_skipped, forced.files_done, forced.files_failed) == (0, 3, 1)
    assert len(read_failures(out)) == 2


def test_a_fixed_input_leaves_the_failure_log(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([folder], out, options())
    (folder / "bad.txt").write_text("now it is fine text.")
    report = run_batch([folder], out, options())
    assert report.failures == 0 + 0 and report.files_done == 1
    assert [Path(x["path"]).name for x in read_failures(out)] == ["r.jsonl"]
    assert (out / "bad.txt").read_text().strip() in ("now it is fine text.", "")


def test_an_input_newer_than_its_output_is_redone(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([folder], out, options())
    later = (out / "a.txt").stat().st_mtime + 10
    os.utime(folder / "a.txt", (later, later))
    report = run_batch([folder], out, options())
    assert report.files_done == 1 and report.files_skipped == 2


def test_outputs_match_between_one_and_two_jobs(folder: Path, tmp_path: Path) -> None:
    run_batch([folder], tmp_path / "one", options(format="json"))
    run_batch([folder], tmp_path / "two", options(format="json", jobs=2))
    for path in (tmp_path / "one").rglob("*.json*"):
        twin = tmp_path / "two" / path.relative_to(tmp_path / "one")
        if path.name != "failures.jsonl":
            assert twin.read_bytes() == path.read_bytes()


def test_a_second_run_on_the_same_out_is_refused(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".cleaner.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert main(["clean", str(folder), "-o", str(out)]) == 2
    assert main(["clean", str(folder), "-o", str(out), "-q"]) == 1  # the lock is free again


def test_config_reaches_the_workers(folder: Path, tmp_path: Path) -> None:
    keep_all = Config(keep=frozenset({"nav", "cta", "promo", "title", "dek", "byline", "dateline"}))
    report = run_batch([folder / "a.txt"], tmp_path / "out", options(config=keep_all, jobs=2))
    assert not set(report.by_label) & keep_all.keep


def test_the_progress_bar_does_not_change_the_outputs(folder: Path, tmp_path: Path) -> None:
    quiet = run_batch([folder], tmp_path / "quiet", options(jobs=2))
    shown = run_batch([folder], tmp_path / "shown", options(jobs=2, progress=True))
    assert shown.to_dict() | {"seconds": 0} == quiet.to_dict() | {"seconds": 0}
    for path in (tmp_path / "quiet").rglob("[!.]*"):
        if path.is_file() and path.name != "failures.jsonl":
            assert (tmp_path / "shown" / path.relative_to(tmp_path / "quiet")).read_bytes() == path.read_bytes()


def test_outputs_never_replace_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(SEED)
    assert main(["clean", str(tmp_path), "-o", str(tmp_path)]) == 2
    assert "is the input folder" in capsys.readouterr().err
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(tmp_path)]) == 2
    assert "would replace the input" in capsys.readouterr().err
    assert (tmp_path / "a.txt").read_text() == SEED


def test_an_output_that_links_to_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SEED)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt").symlink_to(tmp_path / "in" / "a.txt")
    assert main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--force"]) == 2
    assert "would replace the input" in capsys.readouterr().err
    assert (tmp_path / "in" / "a.txt").read_text() == SEED

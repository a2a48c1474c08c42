"""Issue 14, the batch input/output half: one regression test per item (the item number in the name)."""

from __future__ import annotations

import contextlib
import errno
import gzip
import json
import os
import subprocess
import sys
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from corpus_files import warc_bytes, wet_records

from cleaner.batch import Source, read_documents, read_failures
from cleaner.batch import failures as failures_module
from cleaner.batch import writers as writers_module
from cleaner.batch.failures import Failure
from cleaner.batch.formats.jsonline import RenderError, json_line
from cleaner.batch.options import BatchOptions
from cleaner.batch.readers import Document
from cleaner.batch.report import FileOutcome
from cleaner.batch.work import clean_into, cleaner_for
from cleaner.cli import main
from cleaner.errors import InputError

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


def _gzip_of(byte: bytes, size: int) -> bytes:
    """A gzip stream of ``size`` copies of ``byte``, built a chunk at a time (a bomb: ~1000x smaller)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = byte * (1 << 20)
    return b"".join(packer.compress(chunk) for _ in range(size >> 20)) + packer.flush()


def _peak_bytes(run: Callable[[], object]) -> int:
    """The peak of Python allocations (tracemalloc) while ``run`` runs."""
    tracemalloc.start()
    try:
        with contextlib.suppress(InputError):
            run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(("name", "kind"), [("z.txt.gz", "txt"), ("z.html.gz", "html")])
def test_item08_a_gzip_bomb_of_zeros_fails_on_its_first_bytes(tmp_path: Path, name: str, kind: str) -> None:
    """Item 8: 200 MB of zeros in a 200 KB gzip fail as binary after the first chunk, holding a few MB at most."""
    path = tmp_path / name
    path.write_bytes(_gzip_of(b"\0", 200 << 20))
    with pytest.raises(InputError, match="binary"):
        list(read_documents(Source(str(path), name, kind, "gz")))
    assert _peak_bytes(lambda: list(read_documents(Source(str(path), name, kind, "gz")))) < 8 << 20


def test_item08_a_document_over_max_bytes_fails_unread(tmp_path: Path) -> None:
    """Item 8: 200 MB of text (a 200 KB gzip) with --max-bytes 1M fails naming the cap, never holding it all."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt.gz").write_bytes(_gzip_of(b"a", 200 << 20))
    (src / "good.txt").write_text(SEED, encoding="utf-8")
    assert main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1", "--max-bytes", "1M"]) == 1
    [failure] = read_failures(out)
    assert failure["path"].endswith("a.txt.gz") and "--max-bytes 1048576" in failure["message"]
    assert (out / "good.txt").exists()
    source = Source(str(src / "a.txt.gz"), "a.txt.gz", "txt", "gz")
    assert _peak_bytes(lambda: list(read_documents(source, max_bytes=1 << 20))) < 8 << 20


def test_item08_a_jsonl_line_over_max_bytes_fails_alone(tmp_path: Path) -> None:
    """Item 8: a 3 MB JSONL line with --max-bytes 1M fails alone (its line number); the lines around it are cleaned."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    lines = [json.dumps({"id": "a", "text": SEED}), json.dumps({"id": "big", "text": "x " * (3 << 19)})]
    (src / "r.jsonl").write_text("\n".join([*lines, json.dumps({"id": "b", "text": SEED})]) + "\n", encoding="utf-8")
    assert main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1", "--max-bytes", "1M"]) == 1
    assert [json.loads(line)["id"] for line in (out / "r.jsonl").read_text().splitlines()] == ["a", "b"]
    [failure] = read_failures(out)
    assert failure["line"] == 2 and "--max-bytes" in failure["message"]


def test_item08_stdin_is_streamed_under_max_bytes() -> None:
    """Item 8: on stdin a JSONL line over --max-bytes fails alone, and text over it fails whole, with no traceback."""
    cmd = [sys.executable, "-m", "cleaner", "clean", "-", "--max-bytes", "100K"]
    records = [json.dumps({"id": "a", "text": SEED}), json.dumps({"id": "big", "text": "y " * 100_000})]
    data = ("\n\n" + "\n".join([*records, json.dumps({"id": "b", "text": SEED})]) + "\n").encode()
    done = subprocess.run(cmd, input=data, capture_output=True, timeout=120)
    assert done.returncode == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["a", "b"]
    assert b"line 4" in done.stderr and b"--max-bytes" in done.stderr
    text = subprocess.run(cmd, input=b"word " * 50_000, capture_output=True, timeout=120)
    assert text.returncode == 1 and text.stdout == b""
    assert b"stdin is larger than --max-bytes" in text.stderr and b"Traceback" not in text.stderr


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    """``in/a.txt`` and ``in/sub/b.txt`` (a seed each) and the path of an OUT."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(SEED, encoding="utf-8")
    (src / "sub" / "b.txt").write_text(SEED[:3000], encoding="utf-8")
    return src, tmp_path / "out"


def test_item11_a_symlinked_lock_is_refused_and_its_target_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 11: OUT/.cleaner.lock planted as a symlink is not followed (its target keeps its bytes); exit 2."""
    src, out = _tree(tmp_path)
    out.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("precious\n")
    (out / ".cleaner.lock").symlink_to(victim)
    assert main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1"]) == 2
    assert victim.read_text() == "precious\n"
    assert "is a symlink" in capsys.readouterr().err
    assert not (out / "a.txt").exists()


@pytest.mark.parametrize(
    ("args", "link", "failing"),
    [
        ([], "sub", ["b.txt"]),
        (["--min-chars", "100000"], "rejects", ["a.txt", "b.txt"]),
        (["--format", "dolma"], "attributes/cleaner", ["a.txt", "b.txt"]),
    ],
)
def test_item11_a_symlinked_folder_inside_out_is_never_written_through(
    tmp_path: Path, args: list[str], link: str, failing: list[str]
) -> None:
    """Item 11: a folder inside OUT planted as a symlink to one elsewhere: the files it would hold fail
    (``UnsafePath``) and nothing lands elsewhere; outputs, rejects and dolma's attributes alike."""
    src, out = _tree(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / link).parent.mkdir(parents=True)
    (out / link).symlink_to(elsewhere, target_is_directory=True)
    assert main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1", *args]) == 1
    assert list(elsewhere.iterdir()) == []
    failures = read_failures(out)
    assert {f["error"] for f in failures} == {"UnsafePath"}
    assert sorted(Path(f["path"]).name for f in failures) == failing


def test_item11_a_symlinked_run_state_folder_is_never_written_through(tmp_path: Path) -> None:
    """Item 11: OUT/.cleaner (the outputs' records) planted as a symlink: no record lands elsewhere,
    the files fail (``UnsafePath``) and a rerun after removing the link cleans them."""
    src, out = _tree(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out.mkdir()
    (out / ".cleaner").symlink_to(elsewhere, target_is_directory=True)
    assert main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1"]) == 1
    assert list(elsewhere.iterdir()) == []
    assert {f["error"] for f in read_failures(out)} == {"UnsafePath"}
    (out / ".cleaner").unlink()
    assert main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1"]) == 0
    assert (out / "a.txt").exists()


def _no_space(*args: object, **kwargs: object) -> object:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_item12_no_space_for_the_lock_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 12: ENOSPC writing the lock is one line naming the lock and exit 2, no traceback."""
    src, out = _tree(tmp_path)
    monkeypatch.setattr(os, "write", _no_space)
    assert main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1"]) == 2
    assert "cannot write the lock: No space left on device" in capsys.readouterr().err


def test_item12_no_space_for_failures_jsonl_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 12: ENOSPC rewriting failures.jsonl at the start is one line and exit 2; while appending, a warning
    per lost write, the run goes on, exit 1, no traceback (the outputs are fine and a rerun redoes the failed file)."""
    src, out = _tree(tmp_path)
    (src / "bad.txt").write_bytes(b"\0binary")
    monkeypatch.setattr(writers_module, "atomic_file", _no_space)
    assert main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1"]) == 2
    assert "failures.jsonl: cannot write: No space left on device" in capsys.readouterr().err
    monkeypatch.undo()

    def full_disk(path: object, *args: object, **kwargs: object) -> object:
        return open(os.devnull if str(path).endswith("never") else "/dev/full", *args, **kwargs)

    monkeypatch.setattr(failures_module, "open", full_disk, raising=False)
    assert main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert err.count("could not write") == 1 and "failures.jsonl" in err and "Traceback" not in err
    assert (out / "a.txt").exists() and (out / "sub" / "b.txt").exists()


def test_item13_an_unwritable_out_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Item 13: an OUT that cannot be made or written (read-only /sys, even for root) is one line and exit 2."""
    src, _ = _tree(tmp_path)
    if not os.path.isdir("/sys/kernel"):
        pytest.skip("needs Linux's read-only /sys")
    assert main(["clean", str(src), "-o", "/sys/kernel/cleaner-out", "-q"]) == 2
    assert "cannot create the folder" in capsys.readouterr().err
    assert main(["clean", str(src), "-o", "/sys/kernel", "-q"]) == 2
    assert "cannot write here" in capsys.readouterr().err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_item18_a_utf16_or_utf32_text_with_a_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    """Item 18: a .txt in UTF-16/32 with a byte order mark is read as text (not "binary"), cleaned as its UTF-8 twin."""
    src = tmp_path / "in"
    src.mkdir()
    data = SEED.encode(encoding)
    (src / "wide.txt").write_bytes(data if encoding != "utf-16-be" else b"\xfe\xff" + data)
    (src / "utf8.txt").write_text(SEED, encoding="utf-8")
    assert main(["clean", str(src), "-o", str(tmp_path / "out"), "-q", "--jobs", "1"]) == 0
    wide = (tmp_path / "out" / "wide.txt").read_text(encoding="utf-8")
    assert wide.strip() and wide == (tmp_path / "out" / "utf8.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("at", [10, 8191, 8192, 50_000])
def test_item18_a_nul_byte_fails_as_binary_wherever_it_is(tmp_path: Path, at: int) -> None:
    """Item 18: a NUL byte in a .txt fails the file as binary, before or after the first 8 KiB alike (not stripped)."""
    text = (SEED * 20).encode()
    path = tmp_path / "a.txt"
    path.write_bytes(text[:at] + b"\0" + text[at:])
    with pytest.raises(InputError, match=f"binary file, not text: NUL byte at offset {at}"):
        list(read_documents(Source(str(path), "a.txt", "txt")))


def test_item18_a_rerun_that_skips_everything_still_reports_old_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 18: a rerun that skips every input exits 1 while failures.jsonl keeps earlier failures, and says so."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "r.jsonl").write_text(json.dumps({"id": 1, "text": SEED}) + "\n{torn\n", encoding="utf-8")
    assert main(["clean", str(src), "-o", str(out), "--jobs", "1"]) == 1
    capsys.readouterr()
    assert main(["clean", str(src), "-o", str(out), "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "1 skipped" in err and "1 failure(s) of earlier runs" in err
    assert len(read_failures(out)) == 1


def test_item18_a_refused_out_in_leaves_no_lock(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Item 18: ``-o IN`` is refused (exit 2) and IN is left as it was: no .cleaner.lock, no failures.jsonl."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SEED, encoding="utf-8")
    assert main(["clean", str(src), "-o", str(src), "-q"]) == 2
    assert "is the input folder" in capsys.readouterr().err
    assert sorted(p.name for p in src.iterdir()) == ["a.txt"]


def test_item08_a_warc_record_over_max_bytes_fails_alone(tmp_path: Path) -> None:
    """Item 8: a WET record over --max-bytes fails alone (its record number), unread; the records around it are done."""
    pytest.importorskip("fastwarc")
    texts = [SEED[:3000], "word " * 4000, SEED[1000:4000]]
    data = warc_bytes(wet_records([(f"https://x/{i}", t.encode()) for i, t in enumerate(texts)]))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.warc.wet").write_bytes(data)
    out = tmp_path / "out"
    assert main(["clean", str(tmp_path / "in"), "-o", str(out), "-q", "--jobs", "1", "--max-bytes", "10K"]) == 1
    assert len((out / "a.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    [failure] = read_failures(out)
    assert failure["record"] == 3 and "--max-bytes 10240" in failure["message"]

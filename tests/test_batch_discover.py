"""Walking inputs: suffixes, the mirrored relative paths, symlink loops, dangling links, OUT skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleaner.batch import classify, discover
from cleaner.errors import CleanerError


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", ("txt", None)),
        ("A.HTML", ("html", None)),
        ("a.htm.gz", ("html", "gz")),
        ("a.jsonl.gz", ("jsonl", "gz")),
        ("a.jsonl.zst", ("jsonl", "zst")),
        ("a.jsonl.ZSTD", ("jsonl", "zst")),
        ("a.txt.bz2", ("txt", "bz2")),
        ("a.ndjson.xz", ("jsonl", "xz")),
        ("dolma-0001.json.gz", ("jsonl", "gz")),
        ("CC-MAIN-1.warc.wet.gz", ("wet", "gz")),
        ("CC-MAIN-1.warc.wet", ("wet", None)),
        ("crawl.warc.gz", ("warc", "gz")),
        ("part-0.parquet", ("parquet", None)),
        ("part-0.parquet.gz", None),
        ("a.json", None),
        ("README.md", None),
        ("a.gz", None),
        (".cleaner-tmp-123-a.txt", None),
    ],
)
def test_classify_by_suffix(name: str, expected: tuple[str, str | None] | None) -> None:
    assert classify(name) == expected


def test_folder_is_walked_and_mirrored_relative_to_the_common_base(tmp_path: Path) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    for rel in ("a/x.txt", "a/deep/y.html.gz", "a/notes.md", "a/z.gold.json", "b/r.jsonl"):
        (tmp_path / rel).write_text("x")
    found = discover([tmp_path / "a", tmp_path / "b" / "r.jsonl"])
    assert [str(s.rel) for s in found.sources] == ["a/deep/y.html.gz", "a/x.txt", "b/r.jsonl"]
    assert [(s.kind, s.compression) for s in found.sources] == [("html", "gz"), ("txt", None), ("jsonl", None)]
    assert found.failures == []
    assert found.skipped == {".md": 1, ".json": 1}


def test_a_quoted_glob_is_expanded(tmp_path: Path) -> None:
    for name in ("a.jsonl.gz", "b.jsonl.gz", "c.txt"):
        (tmp_path / name).write_text("x")
    found = discover([str(tmp_path / "*.jsonl.gz")])
    assert [s.rel for s in found.sources] == ["a.jsonl.gz", "b.jsonl.gz"]


def test_a_single_folder_maps_to_out_directly(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("x")
    assert [s.rel for s in discover([tmp_path]).sources] == ["sub/x.txt"]


def test_missing_argument_is_bad_usage(tmp_path: Path) -> None:
    with pytest.raises(CleanerError, match="no such file"):
        discover([tmp_path / "nope"])


def test_symlink_loops_and_dangling_links_are_failures_not_hangs(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "d").mkdir(parents=True)
    (root / "d" / "ok.txt").write_text("fine")
    os.symlink("..", root / "d" / "up")  # a folder that contains its own ancestor
    os.symlink("self.txt", root / "self.txt")  # points to itself
    os.symlink("missing.txt", root / "gone.txt")
    os.symlink("missing", root / "gone-not-an-input")  # ignored: not an input name
    found = discover([root])
    assert [str(s.rel) for s in found.sources] == ["d/ok.txt"]
    errors = {Path(f.path).name: f.error for f in found.failures}
    assert errors == {"up": "SymlinkLoop", "self.txt": "SymlinkLoop", "gone.txt": "DanglingSymlink"}


def test_non_regular_files_fail_instead_of_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    found = discover([tmp_path])
    assert found.sources == []
    assert [(Path(f.path).name, f.error) for f in found.failures] == [("pipe.txt", "InputError")]
    assert "regular file" in found.failures[0].message


def test_out_inside_the_input_is_never_read_back(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt").write_text("old output")
    found = discover([tmp_path], out=tmp_path / "out")
    assert [str(s.rel) for s in found.sources] == ["a.txt"]


def test_an_explicit_file_of_unknown_type_fails(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    found = discover([tmp_path / "a.pdf"])
    assert found.sources == [] and found.failures[0].error == "InputError"

"""Output names (mirrored, never colliding, never failures.jsonl) and atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.batch import Source, atomic_writer, plan_outputs, remove_temp_files


def src(rel: str, kind: str, codec: str | None = None) -> Source:
    return Source("in/" + rel, rel, kind, codec)


def names(sources: list[Source], fmt: str, compress: str | None = None) -> list[str]:
    out = Path("/out")
    return [str(Path(p).relative_to(out)) for p in plan_outputs(sources, out, fmt, compress)]


def test_extension_rules_keep_the_input_compression() -> None:
    sources = [src("d/a.html.gz", "html", "gz"), src("b.jsonl", "jsonl"), src("c.txt", "txt")]
    assert names(sources, "txt") == ["d/a.txt.gz", "b.jsonl", "c.txt"]
    assert names(sources, "json") == ["d/a.json.gz", "b.jsonl", "c.json"]
    assert names(sources, "jsonl") == ["d/a.jsonl.gz", "b.jsonl", "c.jsonl"]


def test_record_inputs_stay_records_and_compress_overrides() -> None:
    sources = [
        src("cc/CC-1.warc.wet.gz", "wet", "gz"),
        src("crawl.warc.gz", "warc", "gz"),
        src("rp.jsonl.zst", "jsonl", "zst"),
        src("dolma.json.gz", "jsonl", "gz"),
        src("part.parquet", "parquet"),
        src("x.txt.bz2", "txt", "bz2"),
    ]
    assert names(sources, "txt") == [
        "cc/CC-1.jsonl.gz",
        "crawl.jsonl.gz",
        "rp.jsonl.zst",
        "dolma.jsonl.gz",
        "part.parquet",
        "x.txt.bz2",
    ]
    assert names(sources, "json", "none") == [
        "cc/CC-1.jsonl",
        "crawl.jsonl",
        "rp.jsonl",
        "dolma.jsonl",
        "part.parquet",
        "x.json",
    ]
    assert names(sources, "txt", "xz")[2:4] == ["rp.jsonl.xz", "dolma.jsonl.xz"]
    assert names(sources, "dolma") == [
        "documents/cc/CC-1.jsonl.gz",
        "documents/crawl.jsonl.gz",
        "documents/rp.jsonl.gz",
        "documents/dolma.jsonl.gz",
        "documents/part.jsonl.gz",
        "documents/x.jsonl.gz",
    ]


def test_collisions_keep_the_full_input_name() -> None:
    sources = [src("a.html", "html"), src("a.txt", "txt"), src("a.txt.gz", "txt", "gz"), src("failures.jsonl", "jsonl")]
    result = names(sources, "txt", "none")
    assert result == ["a.txt", "a.txt.txt", "a.txt.gz.txt", "failures.jsonl.jsonl"]
    assert len(set(result)) == len(result)


def test_atomic_writer_replaces_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.txt"
    with atomic_writer(target) as handle:
        handle.write("done")
    assert target.read_text() == "done"
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write("half")
        raise RuntimeError("boom")
    assert target.read_text() == "done"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.txt"]
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)  # not the private mode of mkstemp


def test_temp_files_left_by_a_kill_are_swept(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / ".cleaner-tmp-abc-a.txt").write_text("torn")
    (tmp_path / "d" / "a.txt").write_text("kept")
    assert remove_temp_files(tmp_path) == 1
    assert [p.name for p in (tmp_path / "d").iterdir()] == ["a.txt"]

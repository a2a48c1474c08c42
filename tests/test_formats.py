"""Output options and format edge cases: --provenance, --min-chars rejects, --compress, Parquet's
structured columns, -o -, --input-list, nothing to clean, broken WARC streams, missing extras."""

from __future__ import annotations

import builtins
import gzip
import json
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from corpus_files import compressed, jsonl, parquet, warc_bytes, wet_records

import cleaner
from cleaner.batch import read_failures
from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "corpus" / "seeds" / "002_5162d1e50d4a0595.txt").read_text(encoding="utf-8")
SHORT = "Subscribe to our newsletter!"


def records(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        return [json.loads(line) for line in handle]


def test_parquet_removals_are_structs_arrow_can_filter_on(tmp_path: Path) -> None:
    parquet(tmp_path / "in" / "p.parquet", [{"id": "a", "text": SEED}, {"id": "b", "text": "Plain words only."}])
    assert main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q", "--jobs", "1"]) == 0
    table = pq.read_table(tmp_path / "out" / "p.parquet")
    kind = table.schema.field("cleaner").type
    assert pa.types.is_list(kind.field("removals").type) and pa.types.is_struct(kind.field("removals").type.value_type)
    assert kind.field("pieces").type.value_type.names == ["source", "target", "length"]
    removals = pc.struct_field(table.column("cleaner"), "removals")
    labels = pc.struct_field(pc.list_flatten(removals), "label")
    expected = [r.label for r in cleaner.clean(SEED).removals] + [
        r.label for r in cleaner.clean("Plain words only.").removals
    ]
    assert labels.to_pylist() == expected
    has_promo = [("promo" in [r["label"] for r in rs]) for rs in removals.to_pylist()]
    assert table.filter(pa.array(has_promo)).column("id").to_pylist() == ["a"]


@pytest.mark.parametrize("level", ["full", "spans", "none"])
def test_provenance_levels(tmp_path: Path, level: str) -> None:
    src = tmp_path / "in"
    jsonl(src / "r.jsonl", [{"id": "x", "text": SEED}])
    (src / "a.txt").write_text(SEED)
    out = tmp_path / "out"
    assert (
        main(["clean", str(src), "-o", str(out), "-q", "--jobs", "1", "--format", "json", "--provenance", level]) == 0
    )
    result = json.loads((out / "a.json").read_text())
    [record] = records(out / "r.jsonl")
    full = cleaner.clean(SEED)
    assert result["text"] == record["text"] == full.text and result["title"] == record["cleaner"]["title"]
    if level == "full":
        assert result == {"id": "a.txt", "path": str(src / "a.txt"), **full.to_dict()}
        assert record["cleaner"]["removals"] == [r.to_dict() for r in full.removals]
    elif level == "spans":
        assert set(result) == {"id", "path", "text", "title", "pieces", "removals", "warnings"}
        assert record["cleaner"]["pieces"] == result["pieces"] == [p.to_list() for p in full.pieces]
        assert record["cleaner"]["removals"] == [
            {"start": r.start, "end": r.end, "label": r.label, "rule": r.rule} for r in full.removals
        ]
    else:
        assert set(result) == {"id", "path", "text", "title"} and record["cleaner"] == {"title": full.title}


def test_less_provenance_writes_less(tmp_path: Path) -> None:
    jsonl(tmp_path / "in" / "r.jsonl", [{"id": str(i), "text": SEED} for i in range(3)])
    sizes = []
    for level in ("full", "spans", "none"):
        out = tmp_path / level
        assert main(["clean", str(tmp_path / "in"), "-o", str(out), "-q", "--jobs", "1", "--provenance", level]) == 0
        sizes.append(len((out / "r.jsonl").read_bytes()))
    assert sizes[0] > sizes[1] > sizes[2]


def test_min_chars_sends_short_documents_to_rejects_and_a_rerun_skips_them(tmp_path: Path) -> None:
    src = tmp_path / "in"
    jsonl(src / "r.jsonl.gz", [{"id": "long", "text": SEED}, {"id": "short", "text": SHORT}])
    (src / "tiny.txt").write_text(SHORT)
    out = tmp_path / "out"
    args = ["clean", str(src), "-o", str(out), "-q", "--jobs", "1", "--min-chars", "200"]
    assert main(args) == 0
    assert [r["id"] for r in records(out / "r.jsonl.gz")] == ["long"]
    [rejected] = records(out / "rejects" / "r.jsonl.gz")
    assert rejected["id"] == "short" and rejected["text"] == cleaner.clean(SHORT).text
    assert rejected["cleaner"]["rejected"].startswith(f"the clean body has {len(rejected['text'])} characters")
    assert not (out / "tiny.txt").exists()
    [tiny] = records(out / "rejects" / "tiny.jsonl")
    assert tiny["id"] == "tiny.txt" and "fewer than --min-chars 200" in tiny["rejected"]
    from cleaner.batch import BatchOptions, run_batch

    report = run_batch([src], out, BatchOptions(jobs=1, min_chars=200))
    assert (report.files_skipped, report.files_done) == (2, 0)  # a rejected whole file is done too


def test_compress_overrides_the_input_codec(tmp_path: Path) -> None:
    src = tmp_path / "in"
    jsonl(src / "r.jsonl.gz", [{"id": "x", "text": SEED}])
    (src / "a.txt").write_text(SEED)
    assert main(["clean", str(src), "-o", str(tmp_path / "zst"), "-q", "--jobs", "1", "--compress", "zst"]) == 0
    assert sorted(p.name for p in (tmp_path / "zst").glob("*.zst")) == ["a.txt.zst", "r.jsonl.zst"]
    assert main(["clean", str(src), "-o", str(tmp_path / "plain"), "-q", "--jobs", "1", "--compress", "none"]) == 0
    assert records(tmp_path / "plain" / "r.jsonl")[0]["text"] == cleaner.clean(SEED).text


def test_nothing_to_clean_is_bad_usage_naming_what_was_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.md", "b.md", "c.csv.gz", "LICENSE"):
        (src / name).write_text("x")
    assert main(["clean", str(src), "-o", str(tmp_path / "out")]) == 2
    error = capsys.readouterr().err
    assert "nothing to clean" in error and "2 .md" in error and "1 .csv.gz" in error and "1 (none)" in error
    listing = tmp_path / "list.txt"
    listing.write_text(f"# inputs\n{src}\n")
    assert main(["clean", "--input-list", str(listing), "-o", str(tmp_path / "out")]) == 2
    assert main(["clean", str(src / "*.jsonl"), "-o", str(tmp_path / "out")]) == 2  # a glob matching nothing


def test_input_list_names_the_inputs(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(SEED)
    listing = tmp_path / "list.txt"
    listing.write_text(f"{tmp_path / 'a.txt'}\n\n{tmp_path / 'c.txt'}\n")
    assert main(["clean", "--input-list", str(listing), "-o", str(tmp_path / "out"), "-q", "--jobs", "1"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").glob("*.txt")) == ["a.txt", "c.txt"]


def test_out_dash_writes_every_output_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonl(tmp_path / "r.jsonl.gz", [{"id": "x", "text": SEED}, {"id": "y", "text": 7}])
    parquet(tmp_path / "p.parquet", [{"id": "p", "text": SEED}])
    assert main(["clean", str(tmp_path), "-o", "-", "--provenance", "none"]) == 1
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["id"] for r in out] == ["p", "x"] and all(r["text"] == cleaner.clean(SEED).text for r in out)
    assert "r.jsonl.gz line 2: InputError" in captured.err


def test_verbose_names_each_file_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SEED)
    assert main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q", "-v", "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and f"cleaned {tmp_path / 'in' / 'a.txt'} -> " in captured.err


def test_a_warc_stream_that_breaks_off_keeps_the_records_before(tmp_path: Path) -> None:
    texts = [SEED, SEED.replace("ZTE", "Acme")]
    data = warc_bytes(wet_records([(f"https://x/{i}", t.encode()) for i, t in enumerate(texts)]))
    compressed(tmp_path / "in" / "cut.warc.wet", data[: len(data) - 400])
    assert main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q", "--jobs", "1"]) == 1
    assert [r["text"] for r in records(tmp_path / "out" / "cut.jsonl")] == [cleaner.clean(SEED).text]
    [failure] = read_failures(tmp_path / "out")
    assert failure["record"] == 3 and "breaks off" in failure["message"]


@pytest.mark.parametrize(
    ("module", "name", "extra"),
    [("fastwarc", "a.warc.wet", "warc"), ("pyarrow", "a.parquet", "parquet"), ("zstandard", "a.jsonl.zst", "zstd")],
)
def test_a_missing_extra_is_named_before_anything_is_cleaned(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    module: str,
    name: str,
    extra: str,
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(b"x")
    real_import = builtins.__import__

    def without(target: str, *args: Any, **kwargs: Any) -> Any:
        if target == module or target.startswith(module + "."):
            raise ImportError(f"No module named {target!r}")
        return real_import(target, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without)
    for loaded in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, loaded)
    assert main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 2
    assert f"pip install 'cleaner[{extra}]'" in capsys.readouterr().err
    assert not (tmp_path / "out" / "failures.jsonl").exists() or read_failures(tmp_path / "out") == []

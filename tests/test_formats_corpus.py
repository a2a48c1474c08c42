"""Issue 12, must show 1: a corpus in every form people keep cleans in one command.

The test builds a WET file written with FastWARC, a WARC of HTML responses (with a request, an
image and a redirect beside them), a Parquet file, ``.jsonl.zst``, dolma's ``.json.gz``, a
``.txt.bz2`` and a RedPajama-style ``raw_content`` JSONL, each with a bad record where its format
can have one. One ``cleaner clean`` accounts for every record (an output record, a failure line
or a skipped count), writes each output in the form and compression of its input, and every
body equals cleaning that text (or page) on its own.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import html_text
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard
from corpus_files import (
    compressed,
    http_response,
    jsonl,
    parquet,
    request_record,
    response_record,
    warc_bytes,
    wet_records,
)

import cleaner
from cleaner.batch import read_failures
from cleaner.cli import main
from cleaner.gold import load_aeb

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))


def seed(i: int) -> str:
    return SEEDS[i % len(SEEDS)].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pages() -> list[tuple[str, str]]:
    """Four AEB pages: (url, html)."""
    found = []
    for page in load_aeb(ROOT / "corpus" / "aeb"):
        found.append((page.url or f"https://example.org/{page.id}", page.html))
        if len(found) == 4:
            break
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, pages: list[tuple[str, str]]) -> dict[str, Any]:
    """The corpus on disk, and what each of its records should become."""
    root = tmp_path_factory.mktemp("corpus") / "in"
    expect: dict[str, Any] = {}
    # Common Crawl WET: flattened pages (as CC's text looks), one record that is not UTF-8.
    wet_texts = [html_text.extract_text(html, guess_layout=True) for _, html in pages] + [seed(0)]
    wet = [(f"https://cc.example/{i}", t.encode()) for i, t in enumerate(wet_texts)]
    wet.insert(2, ("https://cc.example/bad", b"caf\xe9 latin-1 bytes"))
    records = wet_records(wet)
    compressed(root / "cc" / "CC-MAIN-TEST-00000.warc.wet.gz", warc_bytes(records))
    expect["wet"] = {"texts": wet_texts, "ids": [r.record_id for r in records[1:] if r is not records[3]]}
    # WARC: request + HTML response per page, and responses that are no pages.
    warc = []
    for url, html in pages[:3]:
        warc += [request_record(url), response_record(url, http_response(html.encode()))]
    warc.append(response_record("https://x.example/logo.png", http_response(b"\x89PNG", "image/png")))
    warc.append(response_record("https://x.example/old", http_response(b"<html>moved</html>", status="301 Moved")))
    compressed(root / "crawl" / "pages.warc.gz", warc_bytes(warc))
    expect["warc"] = [html.encode() for _, html in pages[:3]]
    # Parquet: a text column, other typed columns passed through, one null text.
    rows = [{"id": f"p{i}", "text": seed(i), "url": f"https://pq.example/{i}", "n": i} for i in range(5)]
    rows[3]["text"] = None
    schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("url", pa.string()), ("n", pa.int32())])
    parquet(root / "pq" / "part-0.parquet", rows, schema)
    expect["parquet"] = rows
    # JSON lines: zstd, dolma's .json.gz, RedPajama's raw_content.
    zst = [{"id": f"z{i}", "text": seed(i + 1), "metadata": {"k": i}} for i in range(3)]
    jsonl(root / "slim" / "chunk.jsonl.zst", zst)
    dolma = [{"id": f"d{i}", "text": seed(i + 2), "source": "test", "added": "2024"} for i in range(3)]
    jsonl(root / "dolma" / "docs-0000.json.gz", dolma)
    raw = [{"raw_content": seed(i + 3), "doc_id": f"r{i}", "meta": {"lang": "en"}} for i in range(2)]
    jsonl(root / "rp" / "en_head.jsonl", raw)
    expect["jsonl"] = {"slim/chunk.jsonl.zst": zst, "dolma/docs-0000.json.gz": dolma, "rp/en_head.jsonl": raw}
    compressed(root / "plain" / "article.txt.bz2", seed(4).encode())
    (root / "notes.md").write_text("not an input")
    out = root.parent / "out"
    args = ["clean", str(root), "-o", str(out), "--jobs", "2", "-q", "--text-field", "text"]
    status = main([*args, "--text-field", "raw_content", "--id-field", "id"])
    return {"root": root, "out": out, "status": status, "expect": expect}


def open_text(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".zst":
        return zstandard.open(path, "rt", encoding="utf-8")  # type: ignore[no-any-return]
    return path.open(encoding="utf-8")


def lines(path: Path) -> Iterator[dict[str, Any]]:
    with open_text(path) as handle:
        for line in handle:
            yield json.loads(line)


def check_provenance(record: dict[str, Any], text_field: str, source: str) -> None:
    for s, t, n in record["cleaner"]["pieces"]:
        assert source[s : s + n] == record[text_field][t : t + n]


def test_one_command_with_the_bad_records_accounted_for(corpus: dict[str, Any]) -> None:
    assert corpus["status"] == 1  # some records failed; everything else is done
    out = corpus["out"]
    outputs = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert outputs == [
        "cc/CC-MAIN-TEST-00000.jsonl.gz",
        "crawl/pages.jsonl.gz",
        "dolma/docs-0000.jsonl.gz",
        "failures.jsonl",
        "plain/article.txt.bz2",
        "pq/part-0.parquet",
        "rp/en_head.jsonl",
        "slim/chunk.jsonl.zst",
    ]
    failures = {(Path(f["path"]).name, f.get("record", f.get("row"))) for f in read_failures(out)}
    assert failures == {("CC-MAIN-TEST-00000.warc.wet.gz", 4), ("part-0.parquet", 4)}
    [bad_wet] = [f for f in read_failures(out) if "record" in f]
    assert "not valid UTF-8" in bad_wet["message"] and bad_wet["id"].startswith("<urn:uuid:")


def test_wet_records_keep_their_warc_identity_and_clean_like_clean(corpus: dict[str, Any]) -> None:
    records = list(lines(corpus["out"] / "cc" / "CC-MAIN-TEST-00000.jsonl.gz"))
    texts = corpus["expect"]["wet"]["texts"]
    assert [r["id"] for r in records] == corpus["expect"]["wet"]["ids"]
    assert len(records) == len(texts)  # the warcinfo record is no document; the bad one failed
    for record, text in zip(records, texts, strict=True):
        assert record["text"] == cleaner.clean(text).text
        assert record["metadata"]["url"].startswith("https://cc.example/")
        assert record["metadata"]["date"].startswith("20") and record["metadata"]["language"] == "eng"
        check_provenance(record, "text", text)


def test_warc_html_responses_go_through_clean_html(corpus: dict[str, Any]) -> None:
    records = list(lines(corpus["out"] / "crawl" / "pages.jsonl.gz"))
    assert len(records) == 3  # requests are no documents; the image and the redirect are skipped
    for record, html in zip(records, corpus["expect"]["warc"], strict=True):
        expected = cleaner.clean_html(html)
        assert record["text"] == expected.text and record["cleaner"]["title"] == expected.title
        assert record["cleaner"]["source"] == expected.source  # what the offsets index
        check_provenance(record, "text", expected.source)
        assert record["metadata"]["content_type"].startswith("text/html")


def test_parquet_keeps_its_columns_and_codec(corpus: dict[str, Any]) -> None:
    path = corpus["out"] / "pq" / "part-0.parquet"
    table = pq.read_table(path)
    assert table.schema.field("n").type == pa.int32() and table.schema.names[:4] == ["id", "text", "url", "n"]
    assert pq.ParquetFile(path).metadata.row_group(0).column(0).compression == "ZSTD"
    rows = [r for r in corpus["expect"]["parquet"] if r["text"] is not None]
    assert table.column("id").to_pylist() == [r["id"] for r in rows]
    assert table.column("text").to_pylist() == [cleaner.clean(r["text"]).text for r in rows]
    assert table.column("url").to_pylist() == [r["url"] for r in rows]


def test_jsonl_in_every_codec_and_field_name(corpus: dict[str, Any]) -> None:
    out = corpus["out"]
    names = {"slim/chunk.jsonl.zst": "slim/chunk.jsonl.zst", "dolma/docs-0000.json.gz": "dolma/docs-0000.jsonl.gz"}
    names["rp/en_head.jsonl"] = "rp/en_head.jsonl"
    for rel, originals in corpus["expect"]["jsonl"].items():
        records = list(lines(out / names[rel]))
        field = "raw_content" if "raw_content" in originals[0] else "text"
        assert len(records) == len(originals)
        for record, original in zip(records, originals, strict=True):
            assert record[field] == cleaner.clean(original[field]).text
            assert {k: v for k, v in record.items() if k not in (field, "cleaner")} == {
                k: v for k, v in original.items() if k != field
            }
            check_provenance(record, field, original[field])


def test_a_compressed_text_file_stays_compressed(corpus: dict[str, Any]) -> None:
    import bz2

    body = bz2.decompress((corpus["out"] / "plain" / "article.txt.bz2").read_bytes()).decode()
    assert body == cleaner.clean(seed(4)).text + "\n"

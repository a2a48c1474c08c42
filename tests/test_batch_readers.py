"""Reading inputs: UTF-8 text, HTML bytes, JSONL records (a bad line fails alone), every codec."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard

from cleaner.batch import Document, Failure, Source, read_documents
from cleaner.batch.readers import Fields
from cleaner.errors import InputError


def source(path: Path, kind: str, codec: str | None = None) -> Source:
    return Source(str(path), path.name, kind, codec)


def test_text_is_utf8_and_a_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffCafé\r\nline".encode())
    [doc] = read_documents(source(path, "txt"))
    assert isinstance(doc, Document)
    assert doc.content == "Café\r\nline"  # no newline translation: offsets index the file as is
    assert (doc.id, doc.path, doc.kind) == ("a.txt", str(path), "txt")


def test_invalid_utf8_names_the_byte_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"fine text \xff\xfe more")
    with pytest.raises(InputError, match=r"not valid UTF-8: byte\(s\) ff fe .* at offset 10"):
        list(read_documents(source(path, "txt")))


def test_binary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\x7fELF\x00\x00\x01")
    with pytest.raises(InputError, match="binary file"):
        list(read_documents(source(path, "txt")))


def test_html_stays_bytes_for_the_engine_to_decode(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_bytes("<p>Caf\xe9</p>".encode("latin-1"))
    [doc] = read_documents(source(path, "html"))
    assert isinstance(doc, Document) and doc.content == b"<p>Caf\xe9</p>"


def test_gzip_and_broken_gzip(tmp_path: Path) -> None:
    good = tmp_path / "a.txt.gz"
    good.write_bytes(gzip.compress(b"hello"))
    [doc] = read_documents(source(good, "txt", "gz"))
    assert isinstance(doc, Document) and doc.content == "hello"
    broken = tmp_path / "b.txt.gz"
    broken.write_bytes(gzip.compress(b"hello " * 1000)[:40])
    with pytest.raises(InputError, match="broken gzip"):
        list(read_documents(source(broken, "txt", "gz")))
    not_gzip = tmp_path / "c.txt.gz"
    not_gzip.write_bytes(b"plain text pretending")
    with pytest.raises(InputError, match="broken gzip"):
        list(read_documents(source(not_gzip, "txt", "gz")))


def test_jsonl_bad_lines_fail_alone_with_their_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "first", "metadata": {"k": 1}}),
        "{not json",
        "",
        json.dumps({"id": "c", "text": 3}),
        json.dumps(["a list"]),
        json.dumps({"text": "no id"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_documents(source(path, "jsonl")))
    docs = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [(d.id, d.line, d.content) for d in docs] == [("a", 1, "first"), ("r.jsonl:6", 6, "no id")]
    assert docs[0].record == {"id": "a", "text": "first", "metadata": {"k": 1}}
    assert [(f.line, f.error) for f in failures] == [(2, "JSONDecodeError"), (4, "InputError"), (5, "InputError")]
    assert failures[1].id == "c"
    assert all(f.message.startswith(f"line {f.line}:") for f in failures)


CODECS: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "gz": (gzip.compress, "gzip"),
    "zst": (zstandard.ZstdCompressor().compress, "zstd"),
    "bz2": (bz2.compress, "bzip2"),
    "xz": (lzma.compress, "xz"),
}


@pytest.mark.parametrize("codec", sorted(CODECS))
def test_every_codec_streams_jsonl_and_a_broken_archive_names_its_codec(tmp_path: Path, codec: str) -> None:
    compress, name = CODECS[codec]
    lines = [json.dumps({"id": str(i), "text": f"record {i} é"}) for i in range(200)]
    path = tmp_path / f"r.jsonl.{codec}"
    path.write_bytes(compress(("\n".join(lines) + "\n").encode()))
    docs = list(read_documents(source(path, "jsonl", codec)))
    assert [d.content for d in docs if isinstance(d, Document)] == [f"record {i} é" for i in range(200)]
    broken = tmp_path / f"b.jsonl.{codec}"
    broken.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    with pytest.raises(InputError, match=f"broken {name} file"):
        list(read_documents(source(broken, "jsonl", codec)))


def test_text_and_id_fields_are_chosen_by_name(tmp_path: Path) -> None:
    path = tmp_path / "rp.jsonl"
    rows = [{"raw_content": "a page", "doc_id": "p1", "meta": 1}, {"content": "no raw_content", "doc_id": "p2"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    doc, failure = read_documents(source(path, "jsonl"), Fields(("raw_content",), "doc_id"))
    assert isinstance(doc, Document) and (doc.id, doc.content, doc.text_field) == ("p1", "a page", "raw_content")
    assert isinstance(failure, Failure) and failure.id == "p2"
    assert "needs a 'raw_content' string" in failure.message and "content, doc_id" in failure.message

"""Writers of the corpus forms the format tests read: WET and WARC with FastWARC, Parquet, JSONL in every codec."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import zstandard
from fastwarc.warc import WarcRecord, WarcRecordType

COMPRESS = {
    None: lambda data: data,
    "gz": gzip.compress,
    "zst": zstandard.ZstdCompressor().compress,
    "bz2": bz2.compress,
    "xz": lzma.compress,
}


def compressed(path: Path, data: bytes) -> Path:
    """Write ``data`` compressed by ``path``'s suffix (none when it has no codec suffix)."""
    codec = {".gz": "gz", ".zst": "zst", ".bz2": "bz2", ".xz": "xz"}.get(path.suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(COMPRESS[codec](data))
    return path


def jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    """JSON lines, compressed by suffix."""
    return compressed(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode())


def _record(kind: WarcRecordType, uri: str, body: bytes, content_type: str, headers: dict[str, str]) -> WarcRecord:
    record = WarcRecord()
    record.init_headers(kind)
    record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = content_type
    for name, value in headers.items():
        record.headers[name] = value
    record.set_bytes_content(body)
    return record


def warc_bytes(records: Sequence[WarcRecord]) -> bytes:
    """Records serialised one after another (a ``.warc``; gzip it for ``.warc.gz``)."""
    import io

    buffer = io.BytesIO()
    for record in records:
        record.write(buffer)
    return buffer.getvalue()


def wet_records(pages: Sequence[tuple[str, bytes]], language: str = "eng") -> list[WarcRecord]:
    """A ``warcinfo`` record, then one ``conversion`` record per ``(url, text bytes)``, as Common Crawl writes WET."""
    info = _record(WarcRecordType.warcinfo, "", b"isPartOf: CC-MAIN-TEST\r\n", "application/warc-fields", {})
    conversions = [
        _record(
            WarcRecordType.conversion,
            url,
            text,
            "text/plain",
            {"WARC-Identified-Content-Language": language},
        )
        for url, text in pages
    ]
    return [info, *conversions]


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    """An HTTP response as a WARC ``response`` record holds it."""
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


def response_record(url: str, http: bytes) -> WarcRecord:
    """A WARC ``response`` record of an HTTP exchange."""
    return _record(WarcRecordType.response, url, http, "application/http; msgtype=response", {})


def request_record(url: str) -> WarcRecord:
    """The ``request`` record a crawler writes before each response (not a document)."""
    body = f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode()
    return _record(WarcRecordType.request, url, body, "application/http; msgtype=request", {})


def parquet(path: Path, rows: Sequence[dict[str, Any]], schema: Any = None, compression: str = "zstd") -> Path:
    """A Parquet file of ``rows`` in row groups of two (so reading spans several groups)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(list(rows), schema=schema), path, row_group_size=2, compression=compression)
    return path

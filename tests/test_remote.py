"""Remote paths through fsspec against a real S3-compatible server (moto's, on loopback, started here).

Inputs are read from ``s3://`` and outputs written to ``s3://bucket/prefix``: the same bytes as a
local run, ``failures.jsonl`` beside them, a rerun skips what is done, and an upload that fails
leaves no object behind. Without fsspec the message names the extra.
"""

from __future__ import annotations

import builtins
import gzip
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from corpus_files import compressed, jsonl, parquet, warc_bytes, wet_records

from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def s3() -> Iterator[dict[str, str]]:
    """A moto S3 server on 127.0.0.1 (an ephemeral port) and the environment that points boto at it."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
    }
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        yield env
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        server.stop()


@pytest.fixture(scope="module")
def corpus(s3: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The same small corpus on disk and in ``s3://corpus/data/``."""
    import s3fs

    local = tmp_path_factory.mktemp("remote") / "data"
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    jsonl(local / "a" / "part.jsonl.gz", [{"id": str(i), "text": t} for i, t in enumerate(texts)] + [{"id": "x"}])
    compressed(
        local / "cc" / "seg.warc.wet.gz",
        warc_bytes(wet_records([(f"https://x/{i}", t.encode()) for i, t in enumerate(texts)])),
    )
    parquet(local / "p" / "rows.parquet", [{"id": "p0", "text": texts[0]}, {"id": "p1", "text": texts[1]}])
    (local / "page.txt").write_text(texts[2], encoding="utf-8")
    fs = s3fs.S3FileSystem()
    fs.mkdir("corpus")
    fs.mkdir("results")
    fs.put(str(local) + "/", "corpus/data/", recursive=True)
    return {"local": local, "fs": fs}


def listing(fs: Any, prefix: str) -> dict[str, bytes]:
    return {path[len(prefix) + 1 :]: fs.cat_file(path) for path in fs.find(prefix)}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "cleaner", "clean", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env={**os.environ, **env})


def test_s3_in_and_out_gives_the_local_outputs(corpus: dict[str, Any], s3: dict[str, str], tmp_path: Path) -> None:
    fs = corpus["fs"]
    remote = run(["s3://corpus/data", "-o", "s3://results/cleaned", "--jobs", "2"], s3)
    assert remote.returncode == 1, remote.stderr  # the record without text fails; the rest are done
    assert "5 cleaned" not in remote.stdout and "files      4 cleaned" in remote.stderr
    local = tmp_path / "out"
    assert main(["clean", str(corpus["local"]), "-o", str(local), "-q", "--jobs", "1"]) == 1
    uploaded = listing(fs, "results/cleaned")
    failures = [json.loads(line) for line in uploaded.pop("failures.jsonl").decode().splitlines()]
    assert [(f["path"], f["line"]) for f in failures] == [("s3://corpus/data/a/part.jsonl.gz", 6)]
    expected = {
        str(p.relative_to(local)): p.read_bytes()
        for p in local.rglob("*")
        if p.is_file() and not p.name.startswith(".") and p.name != "failures.jsonl"
    }
    assert sorted(uploaded) == sorted(expected) == ["a/part.jsonl.gz", "cc/seg.jsonl.gz", "p/rows.parquet", "page.txt"]
    for name, data in expected.items():
        if name.endswith(".gz"):
            assert gzip.decompress(uploaded[name]) == gzip.decompress(data), name
        elif name.endswith(".parquet"):
            import pyarrow.parquet as pq

            with fs.open(f"results/cleaned/{name}", "rb") as handle:
                assert pq.read_table(handle).equals(pq.read_table(local / name))
        else:
            assert uploaded[name] == data, name
    rerun = run(["s3://corpus/data", "-o", "s3://results/cleaned", "--jobs", "1"], s3)
    assert "0 cleaned, 4 skipped (done before)" in rerun.stderr, rerun.stderr
    assert listing(fs, "results/cleaned")["failures.jsonl"].decode().count("\n") == 1  # kept, not doubled


def test_a_failed_upload_leaves_no_object(corpus: dict[str, Any]) -> None:
    from cleaner.batch.writers import atomic_file

    fs = corpus["fs"]
    with pytest.raises(RuntimeError), atomic_file("s3://results/atomic/half.jsonl") as handle:
        handle.write(b'{"id": 1}\n' * 1000)
        raise RuntimeError("killed midway")
    assert not fs.exists("results/atomic/half.jsonl")
    with atomic_file("s3://results/atomic/whole.jsonl") as handle:
        handle.write(b'{"id": 1}\n')
    assert fs.cat_file("results/atomic/whole.jsonl") == b'{"id": 1}\n'


def test_a_remote_glob_and_a_missing_path(
    corpus: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "globbed"
    assert main(["clean", "s3://corpus/data/*/*.parquet", "-o", str(out), "-q", "--jobs", "1"]) == 0
    assert [p.name for p in out.rglob("*.parquet")] == ["rows.parquet"]
    assert main(["clean", "s3://corpus/nothing-here", "-o", str(tmp_path / "x")]) == 2
    assert "no such file or folder: s3://corpus/nothing-here" in capsys.readouterr().err


def test_without_fsspec_the_message_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_import = builtins.__import__

    def without(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "fsspec" or name.startswith("fsspec."):
            raise ImportError("No module named 'fsspec'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without)
    for loaded in [m for m in sys.modules if m == "fsspec" or m.startswith("fsspec.")]:
        monkeypatch.delitem(sys.modules, loaded)
    assert main(["clean", "s3://bucket/data", "-o", str(tmp_path / "out")]) == 2
    assert "remote paths need fsspec: pip install 'cleaner[remote]'" in capsys.readouterr().err

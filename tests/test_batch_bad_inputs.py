"""One folder of bad inputs: each fails with a clear line, the rest is cleaned, nothing lands outside OUT.

Tests run as root here, where ``chmod 000`` does not stop reading; unreadability is therefore also
shown with inputs no one can read as a file: a named pipe called ``pipe.txt`` and a dangling symlink.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from cleaner.batch import read_failures
from cleaner.cli import main


def check_result(data: dict[str, object]) -> None:
    """A JSON result keeps the provenance contract: every piece copies its source slice."""
    source, text = str(data["source"]), str(data["text"])
    for s, t, length in data["pieces"]:  # type: ignore[attr-defined]
        assert source[s : s + length] == text[t : t + length]
    assert set(data) >= {"id", "path", "source", "text", "title", "pieces", "removals", "warnings"}


SEED = (Path(__file__).resolve().parent.parent / "corpus" / "seeds" / "000_a3828fbc3c638a09.txt").read_text()


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every path under ``folder`` (links not followed) with its size and mtime."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            found[os.path.relpath(path, folder)] = (info.st_size, info.st_mtime_ns)
    return found


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int, dict[str, tuple[int, int]]]:
    root = tmp_path_factory.mktemp("bad")
    src = root / "in"
    src.mkdir()
    (src / "good.txt").write_text(SEED)
    (src / "page.html").write_text(f"<html><body><h1>Head</h1><p>{SEED[:2000]}</p></body></html>")
    (src / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + os.urandom(2000))
    (src / "binary.html").write_bytes(b"\x00\x01\x02" * 100)
    (src / "latin1.txt").write_bytes("Un café à Paris, déjà vu.".encode("latin-1"))
    (src / "empty.txt").write_bytes(b"")
    line = ("Words of a very long single line without any newline at all. " * 1000).encode()
    with open(src / "huge.txt", "wb") as handle:  # 50 MB, one line
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    (src / "broken.txt.gz").write_bytes(gzip.compress(SEED.encode())[:100])
    records = [json.dumps({"id": i, "text": SEED[: 300 * (i + 1)], "metadata": {"n": i}}) for i in range(3)]
    records.insert(2, '{"id": "bad", "text": ')  # line 3 is torn
    (src / "records.jsonl").write_text("\n".join(records) + "\n")
    locked = src / "locked.txt"
    locked.write_text(SEED)
    locked.chmod(0)
    os.mkfifo(src / "pipe.txt")
    os.symlink("nowhere.txt", src / "dangling.txt")
    os.symlink(".", src / "loop")
    os.symlink("self.txt", src / "self.txt")
    out = root / "out"
    # A set language skips per-document language detection, which takes most of the engine's
    # time on a 50 MB line (the batch layer is what this test is about).
    config = root / "cleaner.toml"
    config.write_text('language = "English"\n')
    before = snapshot(root)
    status = main(["clean", str(src), "-o", str(out), "--format", "json", "--jobs", "2", "--config", str(config)])
    return src, out, status, before


def failures_by_name(out: Path) -> dict[str, list[dict[str, object]]]:
    found: dict[str, list[dict[str, object]]] = {}
    for line in read_failures(out):
        found.setdefault(Path(str(line["path"])).name, []).append(line)
    return found


def test_exit_status_says_some_inputs_failed(bad_run: tuple[Path, Path, int, dict[str, tuple[int, int]]]) -> None:
    assert bad_run[2] == 1


def test_each_bad_input_has_one_clear_failure_line(bad_run: tuple[Path, Path, int, dict[str, tuple[int, int]]]) -> None:
    _, out, _, _ = bad_run
    failures = failures_by_name(out)
    expected = {
        "binary.txt": ("InputError", "binary file"),
        "binary.html": ("InputError", "binary"),
        "latin1.txt": ("InputError", "not valid UTF-8"),
        "broken.txt.gz": ("InputError", "broken gzip"),
        "records.jsonl": ("JSONDecodeError", "line 3"),
        "pipe.txt": ("InputError", "not a regular file"),
        "dangling.txt": ("DanglingSymlink", "does not exist"),
        "loop": ("SymlinkLoop", "symlink loop"),
        "self.txt": ("SymlinkLoop", "symlink loop"),
    }
    if os.geteuid() != 0:  # as root, chmod 000 does not stop reading: locked.txt is cleaned
        expected["locked.txt"] = ("PermissionError", "denied")
    assert sorted(failures) == sorted(expected)
    for name, (error, words) in expected.items():
        [line] = failures[name]
        assert line["error"] == error, line
        assert words in str(line["message"]), line
    assert failures["records.jsonl"][0]["line"] == 3


def test_everything_else_is_cleaned(bad_run: tuple[Path, Path, int, dict[str, tuple[int, int]]]) -> None:
    src, out, _, _ = bad_run
    outputs = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))
    cleaned = ["empty.json", "good.json", "huge.json", "page.json", "records.jsonl"]
    if os.geteuid() == 0:
        cleaned.append("locked.json")
    assert outputs == sorted([*cleaned, "failures.jsonl"])
    for name in ("good.json", "empty.json", "locked.json"):
        if (out / name).exists():
            data = json.loads((out / name).read_text())
            assert data["path"] == str(src / name.replace(".json", ".txt"))
            check_result(data)
    assert json.loads((out / "empty.json").read_text())["text"] == ""


def test_the_huge_single_line_is_cleaned_whole(bad_run: tuple[Path, Path, int, dict[str, tuple[int, int]]]) -> None:
    src, out, _, _ = bad_run
    data = json.loads((out / "huge.json").read_text())
    assert len(data["source"]) == (src / "huge.txt").stat().st_size >= 50 * 1024 * 1024
    kept = sum(length for _, _, length in data["pieces"])
    removed = sum(r["end"] - r["start"] for r in data["removals"])
    assert kept + removed >= len(data["source"].strip())


def test_only_the_bad_jsonl_record_fails(bad_run: tuple[Path, Path, int, dict[str, tuple[int, int]]]) -> None:
    _, out, _, _ = bad_run
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == [0, 1, 2]
    assert [r["metadata"] for r in records] == [{"n": 0}, {"n": 1}, {"n": 2}]
    for record, n in zip(records, range(3), strict=True):
        source = SEED[: 300 * (n + 1)]
        for s, t, length in record["cleaner"]["pieces"]:
            assert source[s : s + length] == record["text"][t : t + length]


def test_nothing_is_written_outside_out(bad_run: tuple[Path, Path, int, dict[str, tuple[int, int]]]) -> None:
    _, out, _, before = bad_run
    after = snapshot(out.parent)
    assert {k: v for k, v in after.items() if not (k == "out" or k.startswith("out/"))} == before
    assert not [p for p in out.rglob(".cleaner-tmp-*")]

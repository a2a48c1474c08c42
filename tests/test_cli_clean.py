"""``cleaner clean``: formats, the stdin filter, config options, the Ray switch, exit statuses, the report."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from cleaner.batch import BatchOptions, BatchReport
from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
SEED = (SEEDS / "002_5162d1e50d4a0595.txt").read_text()
MARKER = "ZZQX SPONSORED CONTENT FROM ACME WIDGETS ZZQX"


def check_result(data: dict[str, Any]) -> None:
    """A JSON result keeps the provenance contract: every piece copies its source slice."""
    assert set(data) >= {"id", "path", "source", "text", "title", "pieces", "removals", "warnings"}
    for s, t, length in data["pieces"]:
        assert data["source"][s : s + length] == data["text"][t : t + length]
    for removal in data["removals"]:
        assert set(removal) == {"start", "end", "label", "rule", "reason"}


def load_json_outputs(out: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text()) for p in sorted(out.rglob("*.json"))]


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "out"
    assert main(["clean", str(SEEDS), "-o", str(out), "--format", "json", "--jobs", "2", "-q"]) == 0
    return out


def test_json_outputs_mirror_the_seeds_and_keep_the_contract(seeds_json: Path) -> None:
    results = load_json_outputs(seeds_json)
    inputs = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert [r["id"] for r in results] == inputs
    for result in results:
        check_result(result)
        assert result["source"] == (SEEDS / result["id"]).read_text()
        assert result["path"] == str(SEEDS / result["id"])


def test_txt_and_jsonl_formats(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SEED)
    (src / "r.jsonl").write_text(json.dumps({"id": "x", "text": SEED, "metadata": {"url": "u"}, "extra": [1]}) + "\n")
    assert main(["clean", str(src), "-o", str(tmp_path / "t"), "-q"]) == 0
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == [
        ".cleaner",  # the records of finished outputs (resume)
        ".cleaner.lock",
        "a.txt",
        "failures.jsonl",
        "r.jsonl",
    ]
    [record] = [json.loads(line) for line in (tmp_path / "t" / "r.jsonl").read_text().splitlines()]
    body = (tmp_path / "t" / "a.txt").read_text()
    assert body == (record["text"] + "\n" if record["text"] else "")
    assert {k: record[k] for k in ("id", "metadata", "extra")} == {"id": "x", "metadata": {"url": "u"}, "extra": [1]}
    assert set(record["cleaner"]) == {"title", "pieces", "removals", "warnings"}
    for s, t, length in record["cleaner"]["pieces"]:
        assert SEED[s : s + length] == record["text"][t : t + length]

    assert main(["clean", str(src / "a.txt"), "-o", str(tmp_path / "l"), "--format", "jsonl", "-q"]) == 0
    [line] = (tmp_path / "l" / "a.jsonl").read_text().splitlines()
    check_result(json.loads(line))


def test_stdin_filter_sniffs_text_html_and_jsonl() -> None:
    def filter_(data: bytes, *options: str) -> subprocess.CompletedProcess[bytes]:
        cmd = [sys.executable, "-m", "cleaner", "clean", "-", *options]
        return subprocess.run(cmd, input=data, capture_output=True, timeout=120)

    text = filter_(SEED.encode())
    assert text.returncode == 0, text.stderr
    html = filter_(f"<html><body><article><p>{SEED[:3000]}</p></article></body></html>".encode(), "--format", "json")
    assert html.returncode == 0, html.stderr
    check_result(json.loads(html.stdout))
    records = b"\n".join(json.dumps({"id": i, "text": SEED[: 500 * (i + 1)]}).encode() for i in range(3)) + b"\n{bad\n"
    jsonl = filter_(records)
    assert jsonl.returncode == 1
    assert [json.loads(line)["id"] for line in jsonl.stdout.splitlines()] == [0, 1, 2]
    assert b"line 4" in jsonl.stderr
    binary = filter_(b"abc\x00\x01\x02")
    assert binary.returncode == 1 and b"binary" in binary.stderr and binary.stdout == b""


def test_disable_and_keep_reach_the_engine(seeds_json: Path, tmp_path: Path) -> None:
    removals = [r for result in load_json_outputs(seeds_json) for r in result["removals"]]
    if not removals:
        pytest.skip("the engine removed nothing from the seeds")
    rules = sorted({r["rule"] for r in removals}, key=lambda rule: -sum(r["rule"] == rule for r in removals))
    labels = {r["label"] for r in removals}
    out = tmp_path / "out"
    args = ["clean", str(SEEDS), "-o", str(out), "--format", "json", "-q", "--disable", rules[0]]
    assert main([*args, *(x for label in sorted(labels) for x in ("--keep", label))]) == 0
    after = [r for result in load_json_outputs(out) for r in result["removals"]]
    assert rules[0] not in {r["rule"] for r in after}
    assert not labels & {r["label"] for r in after}


def test_an_extra_rule_pack_is_used(tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text(
        '[marker]\nlabel = "promo"\nwhy = "A house ad marked for the test."\n'
        f'pattern = \'^ZZQX SPONSORED\'\nremove = ["{MARKER}"]\nkeep = ["An ordinary sentence."]\n'
    )
    paragraphs = SEED.split("\n\n")
    middle = len(paragraphs) // 2
    (tmp_path / "a.txt").write_text("\n\n".join([*paragraphs[:middle], MARKER, *paragraphs[middle:]]))
    out = tmp_path / "out"
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(out), "--format", "json", "--rules", str(pack), "-q"]) == 0
    [result] = load_json_outputs(out)
    assert MARKER not in result["text"]
    assert "house.marker" in {r["rule"] for r in result["removals"]}


def test_config_file_and_its_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(SEED)
    good = tmp_path / "good.toml"
    good.write_text('keep = ["dek"]\ndisable = ["promo.more_link"]\n')
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o1"), "--config", str(good), "-q"]) == 0
    bad = tmp_path / "bad.toml"
    bad.write_text('keep = ["nonsense"]\n')
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o2"), "--config", str(bad)]) == 2
    assert "unknown label" in capsys.readouterr().err
    broken_pack = tmp_path / "broken.toml"
    broken_pack.write_text('[x]\nlabel = "promo"\nwhy = "w"\npattern = "(unclosed"\n')
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o3"), "--rules", str(broken_pack)]) == 2
    err = capsys.readouterr().err
    assert "broken.toml" in err and "cleaner: error" in err
    assert not (tmp_path / "o3" / "a.txt").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["clean", "/nonexistent/x.txt", "-o", "OUT"], "no such file"),
        (["clean", "PATH"], "-o OUT is required"),
        (["clean", "PATH", "-o", "OUT", "--address", "ray://x:1"], "--address needs --engine ray"),
        (["clean", "PATH", "-o", "OUT", "--jobs", "0"], "--jobs must be at least 1"),
    ],
)
def test_bad_usage_is_exit_2(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("PATH").mkdir()
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_out_must_be_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(SEED)
    (tmp_path / "file").write_text("")
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(tmp_path / "file")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_engine_ray_without_ray_says_how_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    assert main(["clean", str(SEEDS), "-o", str(tmp_path), "--engine", "ray"]) == 2
    assert "Ray is not installed: pip install 'cleaner[ray]'" in capsys.readouterr().err


def test_engine_ray_hands_the_run_to_the_integration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []

    def fake_run_batch(inputs: list[Path], out: Path, options: BatchOptions, address: str | None) -> BatchReport:
        calls.append((inputs, out, options, address))
        return BatchReport(files_total=1, files_done=1, documents=1)

    monkeypatch.setitem(sys.modules, "ray", types.ModuleType("ray"))
    fake = types.ModuleType("cleaner.integrations.ray")
    fake.run_batch = fake_run_batch  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cleaner.integrations.ray", fake)
    args = ["clean", str(SEEDS), "-o", str(tmp_path), "--engine", "ray", "--address", "ray://h:10001", "--jobs", "3"]
    assert main([*args, "--keep", "dek", "--format", "jsonl", "-q"]) == 0
    [(inputs, out, options, address)] = calls
    assert (inputs, out, address) == ([str(SEEDS)], tmp_path, "ray://h:10001")
    assert (options.format, options.jobs, options.force, options.config.keep) == ("jsonl", 3, False, {"dek"})


def test_closing_report_and_help(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(SEEDS), "-o", str(tmp_path / "o"), "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""  # the report goes to stderr: stdout is for data
    assert "files      5 cleaned, 0 skipped (done before), 0 failed, of 5" in run.stderr
    assert "documents  5 cleaned, 0 failed records" in run.stderr
    assert "kept" in run.stderr and "removed" in run.stderr and "docs/s" in run.stderr
    assert "\x1b[" not in run.stderr  # no progress bar (nor colour) when stderr is not a terminal
    helped = subprocess.run([sys.executable, "-m", "cleaner", "clean", "--help"], capture_output=True, text=True)
    assert "a.html.txt" in helped.stdout and "failures.jsonl" in helped.stdout

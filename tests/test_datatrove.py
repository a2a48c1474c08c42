"""The datatrove steps in real datatrove pipelines: JsonlReader -> cleaner -> JsonlWriter, run by
datatrove's LocalPipelineExecutor, checking the written documents and datatrove's stats."""

from __future__ import annotations

import gzip
import importlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

import cleaner
from cleaner.gold import load_aeb
from cleaner.integrations.datatrove import CleanerExtractor, CleanerStep

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
#: Characters of HTML below which an AEB page counts as small (see the extractor test).
SMALL_PAGE = 100_000


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_outputs(folder: Path) -> dict[str, dict[str, Any]]:
    """Every document datatrove's JsonlWriter wrote under ``folder``, by id."""
    documents = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                documents[record["id"]] = record
    return documents


def step_stats(logs: Path, name: str) -> dict[str, float]:
    """The merged stats.json of a run: each counter's total for the step called ``name``."""
    steps = json.loads((logs / "stats.json").read_text(encoding="utf-8"))
    (step,) = [s for s in steps if name in s["name"]]
    return {key: value["total"] if isinstance(value, dict) else value for key, value in step["stats"].items()}


def expected_counts(results: list[cleaner.Result]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for result in results:
        for removal in result.removals:
            counts[f"removed/{removal.label}"] += 1
            counts[f"rule/{removal.rule}"] += 1
    return counts


def test_without_datatrove_the_import_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datatrove.pipeline.base", None)
    monkeypatch.delitem(sys.modules, "cleaner.integrations.datatrove")
    with pytest.raises(ImportError, match=r"pip install 'cleaner\[datatrove\]'"):
        importlib.import_module("cleaner.integrations.datatrove")


def test_text_step_in_a_jsonl_pipeline(tmp_path: Path) -> None:
    texts = {f"seed-{i}": path.read_text(encoding="utf-8") for i, path in enumerate(SEEDS)}
    records = [
        {"id": key, "text": text, "metadata": {"url": f"https://example.org/{key}", "source": "seeds"}}
        for key, text in texts.items()
    ]
    records.append({"id": "empty", "text": "   \n\n  ", "metadata": {}})
    write_jsonl(tmp_path / "in" / "part-0.jsonl.gz", records)
    logs = tmp_path / "logs"

    LocalPipelineExecutor(
        [JsonlReader(str(tmp_path / "in")), CleanerStep(removals=True), JsonlWriter(str(tmp_path / "out"))],
        tasks=1,
        logging_dir=str(logs),
    ).run()

    written = read_outputs(tmp_path / "out")
    assert set(written) == set(texts)  # the empty document is dropped
    results = []
    for key, text in texts.items():
        expected = cleaner.clean(text, url=f"https://example.org/{key}")
        results.append(expected)
        doc = written[key]
        assert doc["text"] == expected.text
        metadata = doc["metadata"]
        assert metadata["source"] == "seeds" and metadata["url"] == f"https://example.org/{key}"
        assert metadata["title"] == expected.title
        assert metadata["cleaner_metadata"] == expected.metadata.to_dict()
        assert metadata["cleaner_metadata"]["url"]["value"] == f"https://example.org/{key}"
        removals = metadata["cleaner_removals"]
        assert [{k: v for k, v in r.items() if k != "text"} for r in removals] == [
            r.to_dict() for r in expected.removals
        ]
        assert [r["text"] for r in removals] == [text[r["start"] : r["end"]] for r in removals]
    stats = step_stats(logs, "cleaner")
    assert stats["total"] == len(records) and stats["forwarded"] == len(texts) and stats["dropped"] == 1
    counts = expected_counts(results)
    assert counts and {key: stats[key] for key in counts} == dict(counts)
    assert not [key for key in stats if key.startswith(("removed/", "rule/")) and key not in counts]


def test_html_extractor_at_datatrove_default_timeout_in_fresh_worker_processes(tmp_path: Path) -> None:
    """Two tasks, each in a new process: the first document of each must clean within the
    extractor's default 1 s limit (a cold start once took 1.5 s and every document timed out).
    Pages under 100 kB (half of AEB's), which clean in ~0.05 s: the limit holds on a busy machine."""
    small = [page for page in load_aeb(ROOT / "corpus" / "aeb") if len(page.html) < SMALL_PAGE]
    pages = {page.id: page.html for page in small[:8]}
    records = [
        {"id": key, "text": html, "metadata": {"url": f"https://example.org/{key}"}} for key, html in pages.items()
    ]
    records.insert(3, {"id": "not-html", "text": "plain words, no markup at all", "metadata": {}})
    write_jsonl(tmp_path / "in" / "part-0.jsonl.gz", records[:5])
    write_jsonl(tmp_path / "in" / "part-1.jsonl.gz", records[5:])
    extractor = CleanerExtractor()
    assert extractor.timeout == 1
    logs = tmp_path / "logs"

    LocalPipelineExecutor(
        [JsonlReader(str(tmp_path / "in")), extractor, JsonlWriter(str(tmp_path / "out"))],
        tasks=2,
        logging_dir=str(logs),
    ).run()

    written = read_outputs(tmp_path / "out")
    assert set(written) == set(pages)
    results = []
    for key, html in pages.items():
        expected = cleaner.clean_html(html, url=f"https://example.org/{key}")
        results.append(expected)
        assert written[key]["text"] == expected.text
        assert written[key]["metadata"]["title"] == expected.title
        assert written[key]["metadata"]["cleaner_metadata"] == expected.metadata.to_dict()
        assert "cleaner_removals" not in written[key]["metadata"]
    stats = step_stats(logs, "cleaner")
    assert stats["total"] == len(records) and stats["extracted"] == len(pages)
    assert stats["clean_error/InputError"] == 1 and "timeout" not in stats and "broken_process" not in stats
    counts = expected_counts(results)
    assert {key: stats[key] for key in counts} == dict(counts)

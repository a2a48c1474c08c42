"""The dolma tagger run by the real ``dolma tag`` command on a small corpus in dolma's layout,
checking the attribute files it writes, and dolma's registry finding the tagger."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import cleaner
from cleaner.model import LABELS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
KEYS = {f"cleaner__cleaner__{label}" for label in LABELS if label != "body"}


def write_documents(path: Path, documents: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for document in documents:
            handle.write(json.dumps(document, ensure_ascii=False) + "\n")


def read_lines(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def dolma_tag(documents: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``dolma tag`` as a user runs it, the tagger found through ``--tagger_modules``."""
    command = [str(Path(sys.executable).with_name("dolma")), "tag", "--documents", documents]
    command += ["--experiment", "cleaner", "--taggers", "cleaner", "--tagger_modules", "cleaner.integrations.dolma"]
    command += ["--processes", "1"]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})


def test_dolma_tag_writes_one_span_list_per_label(tmp_path: Path) -> None:
    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    texts.append("A line with a \U0001f600 emoji first.\n\nMORE: Another story \U0001f600 here\n\n" + texts[0])
    documents = [{"id": f"doc-{i}", "text": text, "source": "seeds"} for i, text in enumerate(texts)]
    write_documents(tmp_path / "documents" / "part-0.json.gz", documents)

    finished = dolma_tag(str(tmp_path / "documents" / "*.json.gz"))

    assert finished.returncode == 0, finished.stderr[-2000:]
    lines = read_lines(tmp_path / "attributes" / "cleaner" / "part-0.json.gz")
    assert [line["id"] for line in lines] == [d["id"] for d in documents]
    for line, text in zip(lines, texts, strict=True):
        attributes = line["attributes"]
        assert set(attributes) == KEYS  # every label, empty lists included
        expected = cleaner.clean(text)
        spans = {key: [] for key in KEYS}
        for removal in expected.removals:
            spans[f"cleaner__cleaner__{removal.label}"].append([removal.start, removal.end, 1.0])
        assert attributes == spans
        for key, values in attributes.items():  # code points into the document's text
            for start, end, _score in values:
                removed = text[start:end]
                assert removed.strip() and removed in {text[r.start : r.end] for r in expected.removals}, key
    assert any(attributes for line in lines for attributes in line["attributes"].values())


def test_the_tagger_reads_a_config_file(tmp_path: Path) -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    write_documents(tmp_path / "documents" / "one.json.gz", [{"id": "a", "text": text, "source": "seeds"}])
    config = tmp_path / "cleaner.toml"
    config.write_text('keep = ["nav", "promo"]\n', encoding="utf-8")

    finished = dolma_tag(str(tmp_path / "documents" / "*.json.gz"), {"CLEANER_CONFIG": str(config)})

    assert finished.returncode == 0, finished.stderr[-2000:]
    (line,) = read_lines(tmp_path / "attributes" / "cleaner" / "one.json.gz")
    assert line["attributes"]["cleaner__cleaner__nav"] == [] and line["attributes"]["cleaner__cleaner__promo"] == []
    assert any(line["attributes"].values())
    assert {"nav", "promo"} <= {r.label for r in cleaner.clean(text).removals}  # what the config keeps


def test_dolma_registry_finds_the_tagger() -> None:
    from dolma.core.registry import TaggerRegistry

    from cleaner.integrations.dolma import CleanerTagger

    assert TaggerRegistry.get("cleaner") is CleanerTagger

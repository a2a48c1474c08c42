"""``--format dolma`` with the real dolma mixer: the spans it writes remove what ``clean`` removes.

What holds, for every document (``r = clean(document text)``):

1. the documents are the inputs untouched (text under ``text``, the input's other fields kept);
2. dolma's mixer, with a ``span_replacement`` of ``""`` on every ``cleaner__cleaner__<label>``
   key, returns exactly the document text with ``r.removals`` cut out (so dolma reads our
   offsets as we mean them: code points, astral characters included);
3. that text and ``r.text`` have the same words in the same order: they differ only in the
   whitespace between kept blocks (``r.text`` joins blocks with a blank line or a line break,
   the mixed text keeps the source's own whitespace around the removed lines).
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import html_text
import pytest
from corpus_files import compressed, jsonl, warc_bytes, wet_records

import cleaner
from cleaner.batch.formats.dolma import REMOVAL_LABELS, attribute_key
from cleaner.cli import main
from cleaner.gold import load_aeb

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
#: Boilerplate around a body, with characters outside the BMP before the body (offsets in code points).
ASTRAL = (
    "🚀 Home | News | Sport | 🎉 Weather\n\n"
    "Les élèves ont découvert une comète près de Jupiter 🪐, raconte la professeure de physique du lycée.\n\n"
    "« Nous avons vérifié les mesures trois fois avant de l'annoncer », ajoute-t-elle, ravie du résultat.\n\n"
    "Abonnez-vous à notre newsletter 📧 pour ne rien manquer !\n"
)


def read_lines(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def cut(text: str, result: cleaner.Result) -> str:
    """``text`` with every removal's span cut out, as a span replacement of "" does."""
    kept, at = [], 0
    for removal in sorted(result.removals, key=lambda r: r.start):
        kept.append(text[at : removal.start])
        at = removal.end
    return "".join(kept) + text[at:]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("dolma")
    src = root / "in"
    records = [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "source": "seeds"} for p in SEEDS]
    records.append({"id": "astral", "text": ASTRAL, "source": "test", "metadata": {"lang": "fr"}})
    jsonl(src / "seeds" / "docs.jsonl", records)
    pages = [page for _, page in zip(range(3), load_aeb(ROOT / "corpus" / "aeb"), strict=False)]
    texts = [html_text.extract_text(page.html, guess_layout=True) for page in pages]
    compressed(
        src / "cc" / "part.warc.wet.gz",
        warc_bytes(wet_records([(p.url, t.encode()) for p, t in zip(pages, texts, strict=True)])),
    )
    out = root / "out"
    assert main(["clean", str(src), "-o", str(out), "--format", "dolma", "-q", "--jobs", "1"]) == 0
    config = {
        "streams": [
            {
                "name": "cleaned",
                "documents": [str(out / "documents" / "**" / "*.jsonl.gz")],
                "attributes": ["cleaner"],
                "output": {"path": str(root / "mixed"), "max_size_in_bytes": 1_000_000_000},
                "span_replacement": [
                    {"span": f"$.attributes.{attribute_key(label)}", "min_score": 0.5, "replacement": ""}
                    for label in REMOVAL_LABELS
                ],
            }
        ],
        "work_dir": {"input": str(root / "work-in"), "output": str(root / "work-out")},
        "processes": 1,
    }
    (root / "mix.json").write_text(json.dumps(config))
    dolma = Path(sys.executable).with_name("dolma")
    run = subprocess.run([str(dolma), "-c", str(root / "mix.json"), "mix"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    documents = {}
    for path in sorted((out / "documents").rglob("*.jsonl.gz")):
        documents.update({d["id"]: d for d in read_lines(path)})
    mixed_docs = [d for path in sorted((root / "mixed").glob("*.json.gz")) for d in read_lines(path)]
    return {"out": out, "records": records, "texts": texts, "documents": documents, "mixed": mixed_docs}


def test_documents_are_the_inputs_untouched_with_attributes_beside(mixed: dict[str, Any]) -> None:
    out, documents = mixed["out"], mixed["documents"]
    for record in mixed["records"]:
        assert documents[record["id"]] == record
    wet = [d for d in documents.values() if d["id"].startswith("<urn:uuid:")]
    assert [d["text"] for d in wet] == mixed["texts"] and all(d["metadata"]["url"] for d in wet)
    for path in (out / "documents").rglob("*.jsonl.gz"):
        twin = out / "attributes" / "cleaner" / path.relative_to(out / "documents")
        lines = read_lines(twin)
        assert [line["id"] for line in lines] == [d["id"] for d in read_lines(path)]
        assert all(set(line["attributes"]) == {attribute_key(label) for label in REMOVAL_LABELS} for line in lines)


def test_the_mixer_removes_what_clean_removes(mixed: dict[str, Any]) -> None:
    assert len(mixed["mixed"]) == len(mixed["documents"]) == len(SEEDS) + 1 + 3
    for document in mixed["mixed"]:
        source = mixed["documents"][document["id"]]["text"]
        result = cleaner.clean(source)
        assert result.removals, document["id"]  # every test document has boilerplate
        assert document["text"] == cut(source, result)
        assert document["text"].split() == result.text.split()
    astral = next(d for d in mixed["mixed"] if d["id"] == "astral")
    assert "🪐" in astral["text"] and "newsletter" not in astral["text"] and "Sport" not in astral["text"]

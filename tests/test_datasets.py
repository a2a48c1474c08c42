"""The Hugging Face ``datasets`` helper on a real (small, in-memory) ``datasets.Dataset``."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.integrations.datasets import clean_batch, clean_dataset, result_features

datasets = pytest.importorskip("datasets")

SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpus" / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def ds() -> object:
    # short texts first: the first batch has no title, warning or error, the later ones do
    texts: list[str | None] = ["Short.", "Also short."] + [p.read_text(encoding="utf-8") for p in SEEDS] + [None]
    return datasets.Dataset.from_dict(
        {"text": texts, "meta": [{"i": i} for i in range(len(texts))], "n": list(range(len(texts)))}
    )


def test_map_with_clean_batch_matches_clean(ds: object) -> None:
    out = ds.map(clean_batch, batched=True, batch_size=2, features=result_features(ds.features))  # type: ignore[attr-defined]
    assert out.column_names == ["text", "meta", "n", "title", "pieces", "removals", "warnings", "error"]
    assert out["n"] == ds["n"] and out["meta"] == ds["meta"]  # type: ignore[index]
    for original, row in zip(ds["text"][:-1], list(out)[:-1], strict=True):  # type: ignore[index]
        expected = cleaner.clean(original).to_dict()
        assert row["error"] is None
        assert {k: row[k] for k in ("text", "title", "pieces", "removals", "warnings")} == {
            k: expected[k] for k in ("text", "title", "pieces", "removals", "warnings")
        }
    last = out[-1]
    assert last["text"] is None and last["pieces"] == [] and last["error"].startswith("TypeError")


def test_clean_dataset_options_and_processes(ds: object) -> None:
    out = clean_dataset(ds, source_column="source", error_column="why", batch_size=3, num_proc=2)
    assert "source" in out.column_names and "why" in out.column_names and "error" not in out.column_names
    for original, row in zip(ds["text"][:-1], list(out)[:-1], strict=True):  # type: ignore[index]
        assert row["source"] == original
        for s, t, length in row["pieces"]:
            assert original[s : s + length] == row["text"][t : t + length]


def test_html_column_and_config(tmp_path: Path) -> None:
    page = f"<html><body><nav>Home | News</nav><article><p>{SEEDS[0].read_text()[:3000]}</p></article></body></html>"
    ds = datasets.Dataset.from_dict({"html": [page, "not html at all"]})
    out = clean_dataset(ds, "html", html=True, config=cleaner.Config(keep=frozenset({"nav"})))
    assert out["error"][0] is None and out["text"][0]
    assert out["error"][1].startswith("InputError")
    assert all(r["label"] != "nav" for r in out["removals"][0])


def test_clean_batch_on_a_plain_dict() -> None:
    columns = clean_batch({"body": ["One paragraph of text."]}, "body")
    assert set(columns) == {"text", "title", "pieces", "removals", "warnings", "error"}
    with pytest.raises(KeyError, match="no column 'text'"):
        clean_batch({"body": []})

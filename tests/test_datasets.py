"""The Hugging Face ``datasets`` helper on a real (small, in-memory) ``datasets.Dataset``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleaner
import cleaner.integrations.datasets as integration
from cleaner.engine.rules.engine import timed_out_rule
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


def test_bare_map_when_the_first_batch_has_no_title_warning_or_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``ds.map(clean_batch, batched=True)`` with no ``features=``: a first batch without any title,
    removal, warning or error must not fix those columns' types for the later batches that have them."""
    pack = tmp_path / "slow.toml"  # a rule that times out on the "aaaa...!" lines: a warning
    pack.write_text('[aaa]\nlabel = "other"\nwhy = "Slow."\npattern = \'(a+)+$\'\nremove = ["aaaa"]\n', "utf-8")
    slow = cleaner.Cleaner(cleaner.Config(packs=(pack,), regex_timeout=0.05))
    monkeypatch.setattr(integration, "cleaner_for", lambda config: slow)
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    warned = "\n\n".join([seeds[1], "a" * 5000 + "!", seeds[1]])
    texts: list[str | None] = ["Short.", "Also short.", seeds[0], warned, *seeds[2:], None]
    ds = datasets.Dataset.from_dict({"text": texts, "n": list(range(len(texts)))})

    out = ds.map(clean_batch, batched=True, batch_size=2)

    assert out.column_names == ["text", "n", "title", "pieces", "removals", "warnings", "error"]
    rows = list(out)
    assert [row["n"] for row in rows] == list(range(len(texts)))
    for original, row in zip(texts[:-1], rows[:-1], strict=True):
        assert original is not None
        expected = slow.clean(original)
        assert row["error"] == ""
        assert row["text"] == expected.text
        assert row["title"] == (expected.title or "")
        pieces = json.loads(row["pieces"])
        assert pieces == [p.to_list() for p in expected.pieces]
        for s, t, length in pieces:
            assert original[s : s + length] == row["text"][t : t + length]
        assert json.loads(row["removals"]) == [r.to_dict() for r in expected.removals]
        assert json.loads(row["warnings"]) == list(expected.warnings)
        assert integration.to_result(row, original) == expected
    assert [bool(row["title"]) for row in rows[:2]] == [False, False] and rows[2]["title"]
    assert json.loads(rows[1]["removals"]) == [] and json.loads(rows[2]["removals"])
    assert [timed_out_rule(w) for w in json.loads(rows[3]["warnings"])] == ["slow.aaa"]
    last = rows[-1]
    assert last["error"].startswith("TypeError") and last["text"] == "" and last["title"] == ""
    assert json.loads(last["pieces"]) == [] and integration.to_result(last, "") is None


def test_map_with_clean_batch_matches_clean(ds: object) -> None:
    out = ds.map(clean_batch, batched=True, batch_size=2, features=result_features(ds.features))  # type: ignore[attr-defined]
    assert out.column_names == ["text", "meta", "n", "title", "pieces", "removals", "warnings", "error"]
    assert out["n"] == ds["n"] and out["meta"] == ds["meta"]  # type: ignore[index]
    assert all(out.features[name] == datasets.Value("string") for name in (*integration.RESULT_COLUMNS, "error"))
    for original, row in zip(ds["text"][:-1], list(out)[:-1], strict=True):  # type: ignore[index]
        expected = cleaner.clean(original).to_dict()
        assert row["error"] == ""
        assert row["text"] == expected["text"] and row["title"] == (expected["title"] or "")
        for name in integration.JSON_COLUMNS:
            assert json.loads(row[name]) == expected[name]
    last = out[-1]
    assert last["text"] == "" and last["pieces"] == "[]" and last["error"].startswith("TypeError")


def test_clean_dataset_options_and_processes(ds: object) -> None:
    out = clean_dataset(ds, source_column="source", error_column="why", batch_size=3, num_proc=2)
    assert "source" in out.column_names and "why" in out.column_names and "error" not in out.column_names
    for original, row in zip(ds["text"][:-1], list(out)[:-1], strict=True):  # type: ignore[index]
        assert row["source"] == original and row["why"] == ""
        assert integration.to_result(row, original, error_column="why") == cleaner.clean(original)
        for s, t, length in json.loads(row["pieces"]):
            assert original[s : s + length] == row["text"][t : t + length]
    assert out[-1]["source"] == "" and out[-1]["why"].startswith("TypeError")


def test_html_column_and_config(tmp_path: Path) -> None:
    page = f"<html><body><nav>Home | News</nav><article><p>{SEEDS[0].read_text()[:3000]}</p></article></body></html>"
    ds = datasets.Dataset.from_dict({"html": [page, "not html at all"]})
    out = clean_dataset(ds, "html", html=True, config=cleaner.Config(keep=frozenset({"nav"})))
    assert out["error"][0] == "" and out["text"][0]
    assert out["error"][1].startswith("InputError")
    assert all(r["label"] != "nav" for r in json.loads(out["removals"][0]))


def test_clean_batch_on_a_plain_dict() -> None:
    columns = clean_batch({"body": ["One paragraph of text."]}, "body")
    assert set(columns) == {"text", "title", "pieces", "removals", "warnings", "error"}
    with pytest.raises(KeyError, match="no column 'text'"):
        clean_batch({"body": []})


def test_every_batch_gives_the_same_arrow_types() -> None:
    """What ``datasets`` infers from a batch (``pa.array`` of each column) never depends on its content."""
    pa = pytest.importorskip("pyarrow")
    batches: list[list[str | None]] = [["Short.", ""], [None], [p.read_text(encoding="utf-8") for p in SEEDS]]
    for batch in batches:
        columns = clean_batch({"text": batch}, source_column="source")
        assert list(columns) == [*integration.RESULT_COLUMNS, "source", "error"]
        assert {name: pa.array(values).type for name, values in columns.items()} == dict.fromkeys(columns, pa.string())

"""The Hugging Face ``datasets`` helper on a real (small, in-memory) ``datasets.Dataset``."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
import cleaner.integrations.datasets as integration
from cleaner.engine.rules.engine import timed_out_rule
from cleaner.integrations.datasets import clean_batch, clean_dataset, result_features, to_result

datasets = pytest.importorskip("datasets")
pa = pytest.importorskip("pyarrow")
pc = pytest.importorskip("pyarrow.compute")

SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpus" / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def ds() -> object:
    # short texts first: the first batch has no title, removal, warning or error, the later ones do
    texts: list[str | None] = ["Short.", "Also short."] + [p.read_text(encoding="utf-8") for p in SEEDS] + [None]
    return datasets.Dataset.from_dict(
        {"text": texts, "metadata": [{"i": i} for i in range(len(texts))], "n": list(range(len(texts)))}
    )


def assert_row_is(row: dict[str, object], original: str, expected: cleaner.Result) -> None:
    """A cleaned row holds the Result's values, with pieces as named structs that index ``original``."""
    assert row["error"] is None
    assert row["text"] == expected.text and row["title"] == expected.title
    assert row["pieces"] == [{"source": p.source, "target": p.target, "length": p.length} for p in expected.pieces]
    assert row["removals"] == [r.to_dict() for r in expected.removals]
    assert row["warnings"] == list(expected.warnings)
    assert row["page_metadata"] == expected.metadata.to_dict()
    for piece in row["pieces"]:  # type: ignore[attr-defined]
        s, t, n = piece["source"], piece["target"], piece["length"]
        assert original[s : s + n] == row["text"][t : t + n]  # type: ignore[index]
    assert to_result(row, original) == expected


def test_columns_are_typed_lists_of_structs(ds: object) -> None:
    out = clean_dataset(ds, batch_size=2)
    assert out.column_names == [
        "text",
        "metadata",
        "n",
        "title",
        "pieces",
        "removals",
        "warnings",
        "page_metadata",
        "error",
    ]
    assert out["n"] == ds["n"] and out["metadata"] == ds["metadata"]  # type: ignore[index]
    schema = out.data.table.schema
    assert schema.field("pieces").type == pa.list_(pa.struct([(n, pa.int64()) for n in ("source", "target", "length")]))
    removal = pa.struct(
        [("start", pa.int64()), ("end", pa.int64())] + [(n, pa.string()) for n in ("label", "rule", "reason")]
    )
    assert schema.field("removals").type == pa.list_(removal)
    assert schema.field("warnings").type == pa.list_(pa.string())
    field = pa.struct([(n, pa.int64() if n in ("start", "end") else pa.string()) for n in integration.METADATA_FIELD])
    expected = pa.struct([("authors", pa.list_(field)), ("date", field), ("language", field), ("url", field)])
    assert schema.field("page_metadata").type == expected
    for original, row in zip(ds["text"][:-1], list(out)[:-1], strict=True):  # type: ignore[index]
        assert_row_is(row, original, cleaner.clean(original))
    last = out[-1]
    assert last["error"].startswith("TypeError") and last["text"] is None and last["title"] is None
    assert last["pieces"] == [] and last["removals"] == [] and to_result(last, "") is None


def test_arrow_filters_on_the_removal_labels(ds: object) -> None:
    """What the structured columns are for: Arrow compute reads ``removals.label`` without parsing text."""
    out = clean_dataset(ds)
    table = out.data.table
    removals = table.column("removals").combine_chunks()
    labels = pc.struct_field(pc.list_flatten(removals), "label")
    rows_of_labels = pc.list_parent_indices(removals)
    with_dateline = sorted(set(pc.filter(rows_of_labels, pc.equal(labels, "dateline")).to_pylist()))
    expected_results = [cleaner.clean(text) if text is not None else None for text in ds["text"]]  # type: ignore[index]
    assert with_dateline == [
        i for i, r in enumerate(expected_results) if r and any(x.label == "dateline" for x in r.removals)
    ]
    assert with_dateline, "three seed articles have datelines"
    expected_labels = [x.label for r in expected_results if r for x in r.removals]
    assert labels.to_pylist() == expected_labels
    assert out.filter(lambda row: any(x["label"] == "dateline" for x in row["removals"]))["n"] == with_dateline


def test_map_with_features_when_the_first_batch_has_no_title_warning_or_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A first batch without any title, removal, warning or error must not fix those columns'
    types for the later batches that have them: ``features=`` pins them."""
    pack = tmp_path / "slow.toml"  # a rule that times out on the "aaaa...!" lines: a warning
    pack.write_text('[aaa]\nlabel = "other"\nwhy = "Slow."\npattern = \'(a+)+$\'\nremove = ["aaaa"]\n', "utf-8")
    slow = cleaner.Cleaner(cleaner.Config(packs=(pack,), regex_timeout=0.05))
    monkeypatch.setattr(integration, "cleaner_for", lambda config: slow)
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    warned = "\n\n".join([seeds[1], "a" * 5000 + "!", seeds[1]])
    texts: list[str | None] = ["Short.", "Also short.", seeds[0], warned, *seeds[2:], None]
    ds = datasets.Dataset.from_dict({"text": texts, "n": list(range(len(texts)))})

    out = ds.map(clean_batch, batched=True, batch_size=2, features=result_features(ds.features))

    rows = list(out)
    assert [row["n"] for row in rows] == list(range(len(texts)))
    for original, row in zip(texts[:-1], rows[:-1], strict=True):
        assert original is not None
        assert_row_is(row, original, slow.clean(original))
    assert [row["title"] for row in rows[:2]] == [None, None] and rows[2]["title"]
    assert rows[1]["removals"] == [] and rows[2]["removals"]
    assert [timed_out_rule(w) for w in rows[3]["warnings"]] == ["slow.aaa"]
    assert rows[-1]["error"].startswith("TypeError")


def test_clean_dataset_options_and_processes(ds: object) -> None:
    out = clean_dataset(ds, source_column="source", error_column="why", batch_size=3, num_proc=2)
    assert "source" in out.column_names and "why" in out.column_names and "error" not in out.column_names
    for original, row in zip(ds["text"][:-1], list(out)[:-1], strict=True):  # type: ignore[index]
        assert row["source"] == original and row["why"] is None
        assert to_result(row, original, error_column="why") == cleaner.clean(original)
    assert out[-1]["source"] is None and out[-1]["why"].startswith("TypeError")


def test_html_column_and_config() -> None:
    page = f"<html><body><nav>Home | News</nav><article><p>{SEEDS[0].read_text()[:3000]}</p></article></body></html>"
    ds = datasets.Dataset.from_dict({"html": [page, "not html at all"]})
    out = clean_dataset(ds, "html", html=True, source_column="source", config=cleaner.Config(keep=frozenset({"nav"})))
    assert out["error"][0] is None and out["text"][0] and out["html"] == ds["html"]
    assert out["error"][1].startswith("InputError")
    assert all(r["label"] != "nav" for r in out["removals"][0])
    expected = cleaner.Cleaner(cleaner.Config(keep=frozenset({"nav"}))).clean_html(page)
    assert to_result(out[0], out[0]["source"]) == expected


def test_clean_batch_on_a_plain_dict() -> None:
    columns = clean_batch({"body": ["One paragraph of text."]}, "body")
    assert list(columns) == [*integration.RESULT_COLUMNS, "page_metadata", "error"]
    assert columns["text"] == ["One paragraph of text."] and columns["pieces"] == [
        [{"source": 0, "target": 0, "length": 22}]
    ]
    with pytest.raises(KeyError, match="no column 'text'"):
        clean_batch({"body": []})

"""``cleaner eval``: line labels from provenance, P/R/F1 arithmetic, span and AEB folders, the CLI."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main
from cleaner.errors import CleanerError
from cleaner.evaluate import Prf, evaluate_aeb, evaluate_folder, evaluate_spans, predicted_labels
from cleaner.gold import GoldSpan, SpanDocument, load_aeb
from cleaner.model import Piece, Removal, Result
from cleaner.scoring import aggregate, page_score

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
AEB = ROOT / "corpus" / "aeb"

TEXT = "Home News Sport\nA body line.\nAnother body line.\nPhoto: Jo\nA standfirst\n"


def gold_doc(labels: list[str]) -> SpanDocument:
    spans, start = [], 0
    for line, label in zip(TEXT.splitlines(), labels, strict=True):
        spans.append(GoldSpan(start, start + len(line), label, line))
        start += len(line) + 1
    return SpanDocument("doc.txt", TEXT, tuple(spans))


def prediction() -> Result:
    """Keeps the two body lines and the standfirst; removes nav and the credit (as a caption)."""
    kept = ["A body line.", "Another body line.", "A standfirst"]
    pieces, target = [], 0
    for line in kept:
        pieces.append(Piece(TEXT.index(line), target, len(line)))
        target += len(line) + 2
    removals = (
        Removal(0, 15, "nav", "nav.x", "menu"),
        Removal(TEXT.index("Photo"), TEXT.index("Photo") + 9, "caption", "caption.x", "photo"),
    )
    return Result(TEXT, "\n\n".join(kept), None, tuple(pieces), removals)


def test_predicted_labels_follow_the_provenance() -> None:
    doc = gold_doc(["nav", "body", "body", "credit", "dek"])
    assert predicted_labels(doc, prediction()) == ["nav", "body", "body", "caption", "body"]


def test_scores_per_label_and_the_lenient_body_score() -> None:
    doc = gold_doc(["nav", "body", "body", "credit", "dek"])
    evaluation = evaluate_spans([(doc, prediction())])
    # body: dek kept counts either way, so kept-vs-removed is perfect
    assert evaluation.overall == Prf(1.0, 1.0, 1.0, 2)
    assert evaluation.per_document["doc.txt"] == Prf(1.0, 1.0, 1.0, 2)
    # exact labels: the kept dek is a body false positive; the credit was called a caption
    assert evaluation.per_label["body"].precision == pytest.approx(2 / 3)
    assert evaluation.per_label["nav"] == Prf(1.0, 1.0, 1.0, 1)
    assert evaluation.per_label["credit"].recall == 0.0
    assert evaluation.per_label["caption"].precision == 0.0
    assert next(iter(evaluation.per_label)) == "body"


def test_a_dropped_body_line_costs_recall() -> None:
    doc = gold_doc(["nav", "body", "body", "body", "dek"])
    evaluation = evaluate_spans([(doc, prediction())])
    assert evaluation.overall.recall == pytest.approx(2 / 3)
    assert evaluation.overall.precision == 1.0
    assert evaluation.overall.support == 3


def test_seeds_json_from_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(SEEDS), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    gold = [json.loads(p.read_text()) for p in sorted(SEEDS.glob("*.gold.json"))]
    assert data["kind"] == "span"
    assert sorted(data["per_document"]) == sorted(g["document"] for g in gold)
    labels = {s["label"] for g in gold for s in g["spans"]}
    assert labels <= set(data["per_label"])
    body_lines = sum(s["label"] == "body" for g in gold for s in g["spans"])
    assert data["overall"]["support"] == body_lines
    for row in [data["overall"], *data["per_label"].values(), *data["per_document"].values()]:
        assert 0.0 <= row["precision"] <= 1.0 and 0.0 <= row["recall"] <= 1.0 and 0.0 <= row["f1"] <= 1.0


@pytest.fixture(scope="module")
def small_aeb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three benchmark pages in the AEB layout."""
    folder = tmp_path_factory.mktemp("aeb")
    truth = json.loads((AEB / "ground-truth.json").read_text())
    chosen = dict(sorted(truth.items())[:3])
    (folder / "ground-truth.json").write_text(json.dumps(chosen))
    (folder / "html").mkdir()
    for page_id in chosen:
        (folder / "html" / f"{page_id}.html.gz").write_bytes((AEB / "html" / f"{page_id}.html.gz").read_bytes())
    return folder


def test_aeb_scores_match_the_benchmark_definition(small_aeb: Path) -> None:
    pages = list(load_aeb(small_aeb))
    evaluation = evaluate_aeb(pages, "html", config=cleaner.Config(), jobs=1)
    expected = aggregate(page_score(cleaner.clean_html(page.html).text, page.body) for page in pages)
    assert (evaluation.overall.precision, evaluation.overall.recall, evaluation.overall.f1) == pytest.approx(
        (expected.precision, expected.recall, expected.f1)
    )
    assert evaluation.overall.support == 3 and sorted(evaluation.per_document) == sorted(p.id for p in pages)


def test_aeb_text_mode_from_the_cli_with_jobs(small_aeb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(small_aeb), "--json", "--jobs", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["kind"], data["mode"], data["overall"]["support"]) == ("aeb", "text", 3)
    assert main(["eval", str(small_aeb)]) == 0
    assert "AEB shingles, text mode" in capsys.readouterr().out


def test_bad_gold_folders_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path)]) == 2
    assert "neither" in capsys.readouterr().err
    assert main(["eval", str(SEEDS), "--mode", "html"]) == 2
    (tmp_path / "x.gold.json").write_text('{"document": "missing.txt", "spans": []}')
    assert main(["eval", str(tmp_path)]) == 2
    assert "not a valid span gold file" in capsys.readouterr().err
    with pytest.raises(CleanerError, match="not a folder"):
        evaluate_folder(tmp_path / "nope")


def test_gzip_fixture_is_real(small_aeb: Path) -> None:
    for path in (small_aeb / "html").iterdir():
        assert gzip.decompress(path.read_bytes()).lstrip()[:1] == b"<"

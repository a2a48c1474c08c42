"""Score the cleaner against gold: line labels for span gold (corpus/seeds), shingles for AEB folders.

Span gold: every gold line gets a predicted label from the provenance, by the majority of its
non-space characters: ``body`` if they lie in pieces (kept), else the label of the removal
holding them. Precision, recall and F1 are given per label and per document, plus the
kept-vs-removed score of ``body`` (where ``dek`` and ``embed`` lines count either way, as the
seeds' README allows). AEB: the benchmark's shingle P/R/F1 (cleaner.scoring) in text mode (the
page flattened with html-text first, then ``clean``) or HTML mode (``clean_html``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config
from .errors import CleanerError
from .gold import AebPage, SpanDocument, is_aeb_folder, load_aeb, load_span_documents
from .model import Result
from .pipeline import Cleaner
from .scoring import PageScore, aggregate, page_score

#: Labels the seeds accept either kept or removed.
EITHER_WAY = frozenset({"dek", "embed"})
MODES = ("text", "html")


@dataclass(frozen=True, slots=True)
class Prf:
    """Precision, recall and F1 with the counts behind them."""

    precision: float
    recall: float
    f1: float
    support: int

    @classmethod
    def from_counts(cls, tp: float, fp: float, fn: float, support: int) -> Prf:
        """P/R/F1 of counts; a ratio with nothing to measure is 1.0 (nothing wrong was done)."""
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1, support)

    def to_dict(self) -> dict[str, Any]:
        """Rounded for display and JSON."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
        }


@dataclass
class Evaluation:
    """The scores of one gold folder: overall, per label and per document."""

    kind: str
    mode: str
    overall: Prf
    per_label: dict[str, Prf] = field(default_factory=dict)
    per_document: dict[str, Prf] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` form."""
        return {
            "kind": self.kind,
            "mode": self.mode,
            "overall": self.overall.to_dict(),
            "per_label": {k: v.to_dict() for k, v in self.per_label.items()},
            "per_document": {k: v.to_dict() for k, v in self.per_document.items()},
        }


def evaluate_folder(folder: str | Path, mode: str = "text", config: Config | None = None, jobs: int = 1) -> Evaluation:
    """Score a gold folder of either kind (AEB when it has ground-truth.json and html/)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CleanerError(f"eval: {folder} is not a folder")
    if mode not in MODES:
        raise CleanerError(f"eval: unknown mode {mode!r}; choose text or html")
    if is_aeb_folder(folder):
        return evaluate_aeb(load_aeb(folder), mode, config or Config(), jobs)
    documents = list(load_span_documents(folder))
    if not documents:
        raise CleanerError(f"eval: {folder} has neither *.gold.json span files nor ground-truth.json and html/")
    if mode != "text":
        raise CleanerError("eval: span gold is plain text; --mode html applies to AEB folders only")
    cleaner = Cleaner(config)
    return evaluate_spans((doc, cleaner.clean(doc.text)) for doc in documents)


def predicted_labels(doc: SpanDocument, result: Result) -> list[str]:
    """The predicted label of each gold line, by the majority of its non-space characters."""
    owner = [""] * len(doc.text)
    for piece in result.pieces:
        owner[piece.source : piece.source + piece.length] = ["body"] * piece.length
    for removal in result.removals:
        owner[removal.start : removal.end] = [removal.label] * (removal.end - removal.start)
    labels = []
    for span in doc.spans:
        votes = Counter(owner[i] for i in range(span.start, span.end) if not doc.text[i].isspace())
        votes.pop("", None)
        labels.append(votes.most_common(1)[0][0] if votes else "other")
    return labels


def evaluate_spans(pairs: Iterable[tuple[SpanDocument, Result]]) -> Evaluation:
    """Line-label scores of span gold: ``body`` kept-vs-removed overall, exact labels per label."""
    gold_all: list[str] = []
    pred_all: list[str] = []
    per_document: dict[str, Prf] = {}
    for doc, result in pairs:
        gold = [span.label for span in doc.spans]
        pred = predicted_labels(doc, result)
        per_document[doc.name] = _body_prf(gold, pred)
        gold_all += gold
        pred_all += pred
    labels = sorted(set(gold_all) | set(pred_all), key=lambda label: (label != "body", label))
    per_label = {label: _label_prf(label, gold_all, pred_all) for label in labels}
    return Evaluation("span", "text", _body_prf(gold_all, pred_all), per_label, per_document)


def _body_prf(gold: list[str], pred: list[str]) -> Prf:
    """Kept-vs-removed: kept lines that should be kept; ``dek``/``embed`` lines count either way."""
    pairs = [(g == "body", p == "body") for g, p in zip(gold, pred, strict=True) if g not in EITHER_WAY]
    tp = sum(g and p for g, p in pairs)
    fp = sum(p and not g for g, p in pairs)
    fn = sum(g and not p for g, p in pairs)
    return Prf.from_counts(tp, fp, fn, sum(g for g, _ in pairs))


def _label_prf(label: str, gold: list[str], pred: list[str]) -> Prf:
    pairs = list(zip(gold, pred, strict=True))
    tp = sum(g == label and p == label for g, p in pairs)
    fp = sum(p == label and g != label for g, p in pairs)
    fn = sum(g == label and p != label for g, p in pairs)
    return Prf.from_counts(tp, fp, fn, sum(g == label for g, _ in pairs))


def evaluate_aeb(pages: Iterable[AebPage], mode: str, config: Config, jobs: int = 1) -> Evaluation:
    """The benchmark's shingle P/R/F1 overall (its own averaging) and per page."""
    listed = list(pages)
    scores = list(_page_scores(listed, mode, config, jobs))
    overall = aggregate(scores)
    per_document = {page.id: Prf.from_counts(s.tp, s.fp, s.fn, 1) for page, s in zip(listed, scores, strict=True)}
    return Evaluation("aeb", mode, Prf(overall.precision, overall.recall, overall.f1, overall.pages), {}, per_document)


def _page_scores(pages: list[AebPage], mode: str, config: Config, jobs: int) -> Iterator[PageScore]:
    tasks = [(page.html, page.body, mode, config) for page in pages]
    if jobs <= 1:
        yield from map(_score_page, tasks)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_score_page, tasks, chunksize=4)


def _score_page(task: tuple[str, str, str, Config]) -> PageScore:
    from .batch.work import cleaner_for

    html, body, mode, config = task
    cleaner = cleaner_for(config)
    if mode == "html":
        return page_score(cleaner.clean_html(html).text, body)
    import html_text

    return page_score(cleaner.clean(html_text.extract_text(html, guess_layout=True)).text, body)

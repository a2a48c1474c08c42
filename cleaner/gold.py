"""Gold data readers: the seeds' line spans, hand-written marked pages, the AEB benchmark format."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A labelled span of a document: ``text == document[start:end]``."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class SpanDocument:
    """A text file with a gold label on every non-blank line (``NAME.txt`` + ``NAME.gold.json``)."""

    name: str
    text: str
    spans: tuple[GoldSpan, ...]


@dataclass(frozen=True, slots=True)
class AebPage:
    """One benchmark page: its HTML (decoded) and the hand-marked article body."""

    id: str
    url: str
    html: str
    body: str


def load_span_documents(folder: str | Path) -> Iterator[SpanDocument]:
    """Every ``*.gold.json`` in ``folder`` with the text file it names, read without newline translation."""
    folder = Path(folder)
    for gold_path in sorted(folder.glob("*.gold.json")):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text_path = folder / gold["document"]
            with open(text_path, encoding="utf-8", newline="") as handle:
                text = handle.read()
            spans = tuple(GoldSpan(s["start"], s["end"], s["label"], s["text"]) for s in gold["spans"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{gold_path}: not a valid span gold file ({exc})") from exc
        yield SpanDocument(text_path.name, text, spans)


#: A marked page's line: its gold label, then `` | ``, then the line as the page has it.
MARK_SEPARATOR = " | "


def load_marked_pages(folder: str | Path) -> Iterator[SpanDocument]:
    """Every ``*.marked.txt`` in ``folder``: hand-written pages whose non-blank lines start with
    their gold label and `` | `` (``body | The council voted...``); the page is the lines
    without their labels, so the gold and the text cannot drift apart."""
    for path in sorted(Path(folder).glob("*.marked.txt")):
        lines, spans, offset = [], [], 0
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if raw.strip():
                label, separator, line = raw.partition(MARK_SEPARATOR)
                if not separator or not label.strip().isidentifier():
                    raise InputError(f"{path}:{number}: a marked line is 'label | text', got {raw[:60]!r}")
                spans.append(GoldSpan(offset, offset + len(line), label.strip(), line))
            else:
                line = ""
            lines.append(line)
            offset += len(line) + 1
        yield SpanDocument(path.name.removesuffix(".marked.txt"), "\n".join(lines) + "\n", tuple(spans))


def is_aeb_folder(folder: str | Path) -> bool:
    """Whether ``folder`` holds the benchmark layout (``ground-truth.json`` and ``html/``)."""
    folder = Path(folder)
    return (folder / "ground-truth.json").is_file() and (folder / "html").is_dir()


def load_aeb(folder: str | Path) -> Iterator[AebPage]:
    """The benchmark pages in id order; HTML is gzip'ed UTF-8 (``html/<id>.html.gz``)."""
    folder = Path(folder)
    try:
        truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{folder / 'ground-truth.json'}: cannot read benchmark gold ({exc})") from exc
    for page_id in sorted(truth):
        path = folder / "html" / f"{page_id}.html.gz"
        try:
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        except OSError as exc:
            raise InputError(f"{path}: cannot read benchmark page ({exc})") from exc
        entry = truth[page_id]
        yield AebPage(page_id, entry.get("url", ""), html, entry.get("articleBody", "") or "")

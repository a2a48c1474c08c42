"""Gold data readers: the seeds' line-span format and the article-extraction-benchmark format."""

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


#: A <title>'s site name follows one of these separators ("Headline | Site", "Headline - Site").
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")


def page_headlines(html: str) -> tuple[str, ...]:
    """What a page declares as its headline: the text of each ``<h1>``, its ``<title>`` without
    the site name after a separator, and the headline its metadata gives (``og:title``,
    ``twitter:title``, ``itemprop="headline"``, JSON-LD ``headline``); the gold that
    ``Result.title`` is checked against."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, TypeError):  # lxml refuses empty or undecodable documents
        return ()
    found: list[str] = []

    def add(text: str | None) -> None:
        text = " ".join((text or "").split())
        if text and text not in found:
            found.append(text)

    for element in tree.iter("h1"):
        add(element.text_content())
    for element in tree.iter("title"):
        add(_without_site_name(" ".join(element.text_content().split())))
    for element in tree.xpath("//meta[@property='og:title' or @name='twitter:title' or @itemprop='headline']"):
        add(_without_site_name(element.get("content", "")))
    for element in tree.xpath("//*[@itemprop='headline']"):
        add(element.text_content())
    for script in tree.xpath("//script[@type='application/ld+json']"):
        for headline in _json_ld_headlines(script.text_content()):
            add(headline)
    return tuple(found)


def _without_site_name(text: str) -> str:
    """A title without the site name after its last separator (kept when little would remain)."""
    for separator in _TITLE_SEPARATORS:
        head = text.rsplit(separator, 1)[0]
        if separator in text and len(head) > 10:
            return head
    return text


def _json_ld_headlines(data: str) -> list[str]:
    """Every ``headline`` string in a JSON-LD block (nested objects and lists included)."""
    try:
        parsed = json.loads(data)
    except ValueError:
        return []
    found: list[str] = []
    stack = [parsed]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            headline = item.get("headline")
            if isinstance(headline, str):
                found.append(headline)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def title_verdict(predicted: str | None, headlines: tuple[str, ...]) -> str:
    """``right`` when ``predicted`` has the words of one of the page's headlines (at least
    TITLE_MATCH of the larger word set in common, case and punctuation aside), ``wrong`` when it
    has another title, ``missing`` when there is none though the page has a headline, ``none``
    when neither has one."""
    if predicted is None:
        return "missing" if headlines else "none"
    words = _words(predicted)
    for headline in headlines:
        other = _words(headline)
        if words and other and len(words & other) >= TITLE_MATCH * max(len(words), len(other)):
            return "right"
    return "wrong"


#: Share of the larger word set two titles must have in common to be the same headline.
TITLE_MATCH = 0.8


def _words(text: str) -> set[str]:
    import regex

    return {word.lower() for word in regex.findall(r"\w+", text)}

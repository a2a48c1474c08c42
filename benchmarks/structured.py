"""Structured articles: recall of body lines, precision and sections dropped, per kind of section.

Run: ``python benchmarks/structured.py [--per-language N] [--seed N] [--json FILE]``.

Two sources, both with a gold label on every line (docs/benchmarks.md says how each is made):
generated articles (``cleaner.testing.structure``: fifteen languages, text mode, the same
articles rendered as HTML, and hard-wrapped: ``wrapped_cases``) and the bundled AEB pages'
flattened text with its body cut into sections under subheads, runs of sentences turned into
lists, tables, recipes and code added, furniture between the sections and a comment counter
under the headline (text mode).
Deterministic: every article comes from ``--seed``; no network.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from random import Random

import html_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cleaner  # noqa: E402
from cleaner.engine.language import detect_language  # noqa: E402
from cleaner.engine.segment import segment  # noqa: E402
from cleaner.gold import load_aeb  # noqa: E402
from cleaner.testing import Article, Line, Section, writer  # noqa: E402
from cleaner.testing.structure import (  # noqa: E402
    CODE,
    FURNITURE,
    LAYOUTS,
    STRUCTURES,
    Plan,
    build,
    furniture_lines,
    one_contents,
)
from cleaner.testing.vocabulary import VOCABULARIES, Vocabulary  # noqa: E402

AEB = ROOT / "corpus" / "aeb"
#: A section counts as dropped when fewer than this share of its body lines are kept.
KEPT_SHARE = 0.5
#: An AEB line is gold body when the page's hand-marked body contains it and it has this many words.
BODY_WORDS = 4
#: The label of a line that is not scored (see ``structured_page``).
UNSCORED = "unscored"
_SPACE_RE = re.compile(r"\s+")
_SENTENCE_RE = re.compile(r"(?<=[.!?…])\s+(?=[\"“„«(\[]?[^\W\d_])")
_WORD_RE = re.compile(r"\w+")
#: A line ending a sentence (a paragraph's end).
_ENDS_RE = re.compile(r"[.!?…][\"'”’»)]*$")
#: A page whose gold body lines end a sentence less often than this is structured already
#: (``structured_page``): its body is scored as printed, kind AS_PRINTED.
PROSE_SHARE = 0.5
AS_PRINTED = "as printed"


@dataclass
class Case:
    """One structured article with its gold: every line's label and the lines of each section."""

    name: str
    source: str  # "generated" or "aeb"
    article: Article
    html: str | None = None


@dataclass
class Tally:
    """Counts for one group of sections (a kind) or one source and mode."""

    body: int = 0
    kept_body: int = 0
    kept_other: int = 0
    sections: int = 0
    dropped: int = 0
    articles: int = 0

    def add_section(self, lines: int, kept: int) -> None:
        self.body += lines
        self.kept_body += kept
        self.sections += 1
        self.dropped += kept < KEPT_SHARE * lines

    @property
    def recall(self) -> float:
        return self.kept_body / self.body if self.body else 1.0

    @property
    def precision(self) -> float:
        kept = self.kept_body + self.kept_other
        return self.kept_body / kept if kept else 1.0


def norm(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


# --- generated articles ------------------------------------------------------------------------


def generated_cases(per_language: int, seed: int) -> list[Case]:
    """``per_language`` structured articles per language, every section kind and furniture in turn."""
    cases = []
    for language, vocab in VOCABULARIES.items():
        rng = Random(f"{seed}-{language}")
        for number in range(per_language):
            count = 1 + rng.randrange(5)
            sections = tuple(STRUCTURES[(number + i) % len(STRUCTURES)] for i in range(count))
            furniture = one_contents(tuple(rng.choice((None, *FURNITURE)) for _ in range(count)))
            plan = Plan(
                rng.randrange(2**32),
                sections,
                furniture,
                comment_counter=rng.random() < 0.5,
                byline=rng.random() < 0.5,
                footer=rng.random() < 0.5,
                layout=LAYOUTS[0],
            )
            article = build(vocab, plan)
            cases.append(Case(f"generated/{language}-{number}", "generated", article, html=render_html(article)))
    return cases


#: The widths hard-wrapped text is set to (``wrapped_cases``): narrow columns to a terminal's.
WRAP_WIDTHS = (50, 60, 72, 80)


def wrapped_cases(cases: Sequence[Case]) -> list[Case]:
    """The generated articles of languages written with spaces, their paragraphs hard-wrapped
    (``Article.hard_wrapped``) at one of WRAP_WIDTHS each, as plain-text files and ``<br>``-broken
    pages set them. (Chinese and Japanese are wrapped anywhere: a line ending mid-word there shows
    no sign of running on.)"""
    wrapped = []
    for number, case in enumerate(cases):
        if " " not in VOCABULARIES[case.article.language].sentences[0]:
            continue
        width = WRAP_WIDTHS[number % len(WRAP_WIDTHS)]
        wrapped.append(Case(f"{case.name}/wrapped-{width}", case.source, case.article.hard_wrapped(width)))
    return wrapped


def render_html(article: Article) -> str:
    """The article as a web page: headline, subheads, paragraphs, lists, tables, code, furniture."""
    section_of = {i: s.kind for s in article.sections for i in s.spans}
    subheads = {s.spans[0] for s in article.sections[1:]}
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>", "</title></head><body>"]
    title = ""
    units = _units(article)
    body: list[str] = ["<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><article>"]
    for unit in units:
        first = article.spans[unit[0]]
        texts = [article.spans[i].text for i in unit]
        kind = section_of.get(unit[0])
        if first.label == "title":
            title = first.text
            body.append(f"<h1>{html.escape(first.text)}</h1>")
        elif first.label != "body":
            body.append(f"<div class='{first.label}'>" + "<br>".join(map(html.escape, texts)) + "</div>")
        elif unit[0] in subheads:
            body.append(f"<h2>{html.escape(first.text)}</h2>")
        elif kind in ("bullets", "numbered") and len(unit) > 1:
            tag = "ul" if kind == "bullets" else "ol"
            items = (re.sub(r"^(?:[•*–-]|\d+[.)])\s+", "", t) for t in texts)
            body.append(f"<{tag}>" + "".join(f"<li>{html.escape(t)}</li>" for t in items) + f"</{tag}>")
        elif kind == "table" and len(unit) > 1:
            rows = ("".join(f"<td>{html.escape(c)}</td>" for c in re.split(r"\t| {2,}", t) if c.strip()) for t in texts)
            body.append("<table>" + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>")
        elif kind == "recipe":
            tag = "ol" if re.match(r"\d+\. ", texts[0]) else "ul"
            items = (re.sub(r"^\d+\.\s+", "", t) for t in texts)
            body.append(f"<{tag}>" + "".join(f"<li>{html.escape(t)}</li>" for t in items) + f"</{tag}>")
        elif kind == "code" and len(unit) >= 1 and not texts[0].endswith((".", "?", "!", "»", "”", "“")):
            body.append("<pre><code>" + html.escape("\n".join(_raw(article, i) for i in unit)) + "</code></pre>")
        else:
            body.append("".join(f"<p>{html.escape(t)}</p>" for t in texts))
    body.append("</article><footer><p>Contact</p></footer></body></html>")
    return parts[0] + html.escape(title) + parts[1] + "".join(body)


def _units(article: Article) -> list[list[int]]:
    """Line indices grouped as written: lines apart by a single line break are one unit."""
    units: list[list[int]] = []
    for index, span in enumerate(article.spans):
        gap = article.text[article.spans[index - 1].end : span.start] if index else ""
        if units and gap.count("\n") == 1:
            units[-1].append(index)
        else:
            units.append([index])
    return units


def _raw(article: Article, index: int) -> str:
    """A line with its leading indentation (code keeps it)."""
    span = article.spans[index]
    start = article.text.rfind("\n", 0, span.start) + 1
    return article.text[start : span.end]


# --- AEB pages made structured -----------------------------------------------------------------


def aeb_cases(seed: int) -> list[Case]:
    """The AEB pages whose flattened text has at least four gold body lines, made structured."""
    cases = []
    for page in load_aeb(AEB):
        text = html_text.extract_text(page.html, guess_layout=True)
        case = structured_page(f"aeb/{page.id[:8]}", text, page.body, Random(f"{seed}-{page.id}"))
        if case is not None:
            cases.append(case)
    return cases


def structured_page(name: str, text: str, gold_body: str, rng: Random) -> Case | None:
    """A page's flattened text with its body made structured (docs/benchmarks.md), or None."""
    gold = norm(gold_body)
    blocks = segment(text).blocks
    lines = [norm(block.text) for block in blocks]
    gaps = [block.gap_before for block in blocks]
    # A line the page prints more often than the gold body holds it (a standfirst the article
    # repeats, a caption printed twice) is not scored: which copy the gold meant is unknown.
    printed = Counter(lines)
    once = [printed[line] <= gold.count(line) for line in lines]
    is_body = [
        line in gold and len(_WORD_RE.findall(line)) >= BODY_WORDS and single
        for line, single in zip(lines, once, strict=True)
    ]
    body_at = [i for i, b in enumerate(is_body) if b]
    if len(body_at) < 4:
        return None
    language = detect_language(w.lower() for w in _WORD_RE.findall(gold_body)) or "English"
    vocab = VOCABULARIES.get(language, VOCABULARIES["English"])
    first, last = body_at[0], body_at[-1]
    # Units of lines: the page before the body and after it stay as they were (one unit per run
    # of lines set tight); inside, the body is cut into groups (below), each carrying the page's
    # lines after its paragraph. A line the gold body holds but too short to tell apart from
    # chrome ("Share", a short subhead) is not scored.
    labels = ["body" if b else UNSCORED if line in gold else "other" for line, b in zip(lines, is_body, strict=True)]
    units: list[tuple[int | None, list[Line]]] = []

    def page_line(i: int) -> Line:
        return Line(lines[i], labels[i])

    def runs(indices: Iterable[int]) -> list[list[Line]]:
        # The page's own lines keep their layout: a line set tight under the one before it (a
        # list's item, a menu's entry) stays in its unit, as the page rendered it.
        found: list[list[Line]] = []
        previous = None
        for i in indices:
            if found and previous == i - 1 and gaps[i] == 0:
                found[-1].append(page_line(i))
            else:
                found.append([page_line(i)])
            previous = i
        return found

    units.extend((None, run) for run in runs(range(first)))
    units.append((None, [Line(writer.fill(rng.choice(vocab.furniture["counter"]), vocab, rng), "comments")]))
    # A section starts at a paragraph (a body line ending a sentence) set apart from the line
    # above: the page's own list items, rows and subheads stay with the paragraph before them.
    sets_apart = any(gaps)
    groups: list[list[int]] = []  # body line indices with the page lines that follow each
    for i in range(first, last + 1):
        opens = is_body[i] and (gaps[i] > 0 or not sets_apart) and _ENDS_RE.search(lines[i]) is not None
        if opens or not groups:
            groups.append([i])
        else:
            groups[-1].append(i)
    if sum(_ENDS_RE.search(lines[i]) is not None for i in body_at) < PROSE_SHARE * len(body_at):
        # A body mostly of short lines (a roundup's boxes, a plan, a table) is structured as the
        # page printed it: it is one section, scored as it stands.
        units.extend((0, run) for run in runs(range(first, last + 1)))
        rest: list[list[int]] = []
        kinds = [AS_PRINTED]
    else:
        lead = 1 + rng.randrange(2)
        units.extend((0, run) for group in groups[:lead] for run in runs(group))
        rest = groups[lead:]
        kinds = ["lead"]
    subheads = [writer.fill(t, vocab, rng) for t in rng.sample(vocab.subheads, len(vocab.subheads))]
    number = 0
    listed = False  # whether a table of contents stands on the page yet
    while rest:
        size = min(len(rest), 2 + rng.randrange(3))
        chunk, rest = rest[:size], rest[size:]
        number += 1
        kind = STRUCTURES[(number + rng.randrange(len(STRUCTURES))) % len(STRUCTURES)]
        if rng.random() < 0.6:
            piece = rng.choice(tuple(FURNITURE))
            if piece != "toc" or not listed:  # (a page lists its sections once: ``one_contents``)
                units.append((None, furniture_lines(vocab, piece, rng, subheads[:3])))
                listed = listed or piece == "toc"
        units.append((number, [Line(subheads[(number - 1) % len(subheads)], "body")]))
        units.extend((number, unit) for unit in _structured_section(vocab, kind, chunk, lines, runs, rng))
        kinds.append(kind)
    units.extend((None, run) for run in runs(range(last + 1, len(lines))))
    article = Article.from_units([u for _, u in units], "\n\n", "\n", vocab.language)
    sections: list[list[int]] = [[] for _ in range(number + 1)]
    index = 0
    for section, unit in units:
        for offset, line in enumerate(unit):
            if section is not None and line.label == "body":
                sections[section].append(index + offset)
        index += len(unit)
    article = replace(article, sections=tuple(Section(k, tuple(s)) for k, s in zip(kinds, sections, strict=True)))
    return Case(name, "aeb", article)


def _structured_section(
    vocab: Vocabulary,
    kind: str,
    chunk: list[list[int]],
    lines: list[str],
    runs: Callable[[Iterable[int]], list[list[Line]]],
    rng: Random,
) -> Iterable[list[Line]]:
    """The section's page lines, with runs of sentences turned into a list (bullets, numbered) or
    a generated table, recipe or block of code added after its first paragraph."""
    for position, group in enumerate(chunk):
        # The group's first unit: its body line with the lines the page set tight under it.
        first, *rest = runs(group)
        sentences = _SENTENCE_RE.split(lines[group[0]])
        if kind in ("bullets", "numbered") and position == 0 and len(sentences) >= 2 and len(first) == 1:
            marks = ("• " for _ in sentences) if kind == "bullets" else (f"{n}. " for n in range(1, len(sentences) + 1))
            yield [Line(mark + sentence, "body") for mark, sentence in zip(marks, sentences, strict=False)]
        else:
            yield first
        # The added structure follows its paragraph, before the page's own lines after it (which,
        # after the body's last line, are the page's foot: structure there would be no article's).
        if position == 0 and kind in ("table", "recipe", "code"):
            yield from _added_structure(vocab, kind, rng)
        yield from rest


def _added_structure(vocab: Vocabulary, kind: str, rng: Random) -> list[list[Line]]:
    if kind == "table":
        header, *rows = vocab.table
        cells = ["\t".join(header)] + [
            "\t".join(writer.fill(c, vocab, rng) for c in rng.choice(rows)) for _ in range(3 + rng.randrange(3))
        ]
        return [[Line(c, "body") for c in cells]]
    if kind == "recipe":
        ingredients = rng.sample(vocab.ingredients, 4)
        steps = [f"{n}. {s}" for n, s in enumerate(vocab.steps[:4], 1)]
        return [[Line(i, "body") for i in ingredients], [Line(s, "body") for s in steps]]
    return [[Line(c, "body") for c in rng.choice(CODE)]]


# --- scoring -----------------------------------------------------------------------------------


def kept_by_position(case: Case, result: cleaner.Result) -> list[bool]:
    """Text mode: a line is kept when no removal overlaps it (offsets index the input)."""
    removals = sorted((r.start, r.end) for r in result.removals)
    kept = []
    for span in case.article.spans:
        kept.append(not any(s < span.end and span.start < e for s, e in removals))
    return kept


def kept_by_text(case: Case, result: cleaner.Result) -> list[bool]:
    """HTML mode: a line is kept when the output holds it (a long line anywhere, a short one as a
    line). A short line the article holds several times (a subhead and its entry in a table of
    contents) is kept as many times as the output holds it, body lines first."""
    output = norm(result.text)
    out_lines = [norm(line) for line in result.text.splitlines()]
    out_set = set(out_lines)
    kept = []
    short: dict[str, list[int]] = {}
    for index, span in enumerate(case.article.spans):
        text = norm(re.sub(r"^(?:[•*–-]|\d+[.)])\s+", "", span.text)) if span.label == "body" else norm(span.text)
        cells = [c for c in re.split(r"\t| {2,}", span.text) if c.strip()]
        if len(cells) > 1:  # a table row: trafilatura may set its cells apart
            kept.append(all(norm(c) in output for c in cells))
        elif len(text) >= 25:
            kept.append(text in output)
        else:
            kept.append(any(_holds(line, text) for line in out_set))
            short.setdefault(text, []).append(index)
    for text, indices in short.items():
        if len(indices) > 1:
            held = sum(_holds(line, text) for line in out_lines)
            ordered = sorted(indices, key=lambda i: case.article.spans[i].label != "body")
            for rank, index in enumerate(ordered):
                kept[index] = kept[index] and rank < held
    return kept


def _holds(line: str, text: str) -> bool:
    """Whether an output line holds a short line of the article: as itself, its start or its end."""
    return line.startswith(text) or line.endswith(text)


def kept_lines(cases: Sequence[Case], mode: str) -> list[list[bool]]:
    """Clean every case in ``mode`` (``text``: its text; ``html``: its page) and say which lines stayed."""
    c = cleaner.Cleaner()
    if mode == "text":
        return [kept_by_position(case, c.clean(case.article.text)) for case in cases]
    return [kept_by_text(case, c.clean_html(case.html or "")) for case in cases]


def tally(
    cases: Sequence[Case],
    kept: Sequence[Sequence[bool]],
    kinds: dict[str, Tally],
    worst: list[tuple[float, str]],
    dropped_by: Counter[str],
) -> Tally:
    """Add each section to its kind's tally, each case's recall to ``worst`` and its dropped
    sections to ``dropped_by``; return the total.

    Recall counts the sections' body lines; precision also counts the kept lines outside them
    (furniture, the page's chrome); unscored lines count for neither.
    """
    total = Tally()
    for case, flags in zip(cases, kept, strict=True):
        total.articles += 1
        in_sections: set[int] = set()
        body = got_body = 0
        for section in case.article.sections:
            if not section.spans:
                continue
            got = sum(flags[i] for i in section.spans)
            total.add_section(len(section.spans), got)
            dropped_by[case.name] += got < KEPT_SHARE * len(section.spans)
            kinds.setdefault(section.kind, Tally()).add_section(len(section.spans), got)
            in_sections.update(section.spans)
            body += len(section.spans)
            got_body += got
        total.kept_other += sum(
            flags[i]
            for i, span in enumerate(case.article.spans)
            if span.label not in ("body", UNSCORED) and i not in in_sections
        )
        worst.append((got_body / body if body else 1.0, case.name))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-language", type=int, default=40, help="generated articles per language (default 40)")
    parser.add_argument("--seed", type=int, default=0, help="seed of every article (default 0)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    generated = generated_cases(args.per_language, args.seed)
    pages = aeb_cases(args.seed)
    rows: dict[str, Tally] = {}
    kinds: dict[str, dict[str, Tally]] = {"text": {}, "html": {}}
    worst: list[tuple[float, str]] = []
    dropped_by: Counter[str] = Counter()
    runs = (
        ("generated text", generated, "text"),
        ("AEB pages text", pages, "text"),
        ("generated html", generated, "html"),
    )
    for name, cases, mode in runs:
        rows[name] = tally(cases, kept_lines(cases, mode), kinds[mode], worst, dropped_by)
    # Hard-wrapped text is counted apart (not in "all text", its kinds not in the tables below).
    wrapped = wrapped_cases(generated)
    rows["hard-wrapped"] = tally(wrapped, kept_lines(wrapped, "text"), {}, [], Counter())
    elapsed = time.perf_counter() - started
    print(
        f"Structured articles: {len(generated)} generated ({len(VOCABULARIES)} languages) and {len(pages)} "
        f"from AEB pages, seed {args.seed} ({elapsed:.0f}s). A section is dropped when fewer than "
        f"{KEPT_SHARE:.0%} of its body lines are kept."
    )
    header = (
        f"{'':<16} {'articles':>8} {'body lines':>10} {'recall':>7} {'precision':>9} {'sections':>8} {'dropped':>8}"
    )
    print(header)
    rows["all text"] = Tally(
        *(sum(getattr(t, f) for n, t in rows.items() if n.endswith(" text")) for f in Tally.__dataclass_fields__)
    )
    for name, t in rows.items():
        print(
            f"{name:<16} {t.articles:>8} {t.body:>10} {t.recall:>7.3f} {t.precision:>9.3f} {t.sections:>8} "
            f"{t.dropped:>8}"
        )
    for mode, groups in kinds.items():
        print(f"\nper kind of section, {mode} mode ({'both sources' if mode == 'text' else 'generated'}):")
        print(f"{'kind':<12} {'sections':>8} {'body lines':>10} {'recall':>7} {'dropped':>8}")
        for kind in ("lead", *STRUCTURES, AS_PRINTED):
            group = groups.get(kind)
            if group:
                print(f"{kind:<12} {group.sections:>8} {group.body:>10} {group.recall:>7.3f} {group.dropped:>8}")
    worst.sort()
    print("\nlowest recall:", ", ".join(f"{name} {share:.2f}" for share, name in worst[:5]))
    # (Dropped sections gather on a few pages: one page of short lines cut into many sections
    # counts as many drops; this says how concentrated they are.)
    losing = [(name, count) for name, count in dropped_by.most_common() if count]
    top = losing[:3]
    print(
        f"articles that drop a section: {len(losing)}; the {len(top)} that drop most hold "
        f"{sum(c for _, c in top)} of {sum(c for _, c in losing)}: " + ", ".join(f"{n} {c}" for n, c in top)
    )
    if args.json:
        figures: dict[str, object] = {
            name: {"recall": t.recall, "precision": t.precision, "sections": t.sections, "dropped": t.dropped}
            for name, t in rows.items()
        }
        figures["kinds"] = {
            mode: {k: {"recall": t.recall, "sections": t.sections, "dropped": t.dropped} for k, t in g.items()}
            for mode, g in kinds.items()
        }
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

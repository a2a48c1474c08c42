"""AEB shingle F1 / precision / recall, text and HTML mode, cleaner beside its baselines.

Run: ``python benchmarks/quality.py [--only text|html] [--json FILE]``. Reads ``corpus/aeb``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import html_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from baselines import c4_line_filter, trafilatura_alone  # noqa: E402

import cleaner  # noqa: E402
from cleaner.gold import AebPage, load_aeb  # noqa: E402
from cleaner.scoring import Score, aggregate, page_score  # noqa: E402

AEB = ROOT / "corpus" / "aeb"


def flatten(html: str) -> str:
    """Text mode input: the page as html-text renders it with layout guessing."""
    return html_text.extract_text(html, guess_layout=True)


def text_systems() -> dict[str, Callable[[str], str]]:
    return {
        "cleaner": lambda text: cleaner.clean(text).text,
        "unchanged text": lambda text: text,
        "C4-style line filter": c4_line_filter,
    }


def html_systems() -> dict[str, Callable[[str], str]]:
    return {
        "cleaner": lambda html: cleaner.clean_html(html).text,
        "trafilatura alone": trafilatura_alone,
    }


def evaluate(pages: list[AebPage], modes: tuple[str, ...]) -> dict[tuple[str, str], Score]:
    """Score every system of the chosen modes on every page."""
    results: dict[tuple[str, str], Score] = {}
    if "text" in modes:
        texts = [flatten(page.html) for page in pages]
        for name, system in text_systems().items():
            results[("text", name)] = aggregate(
                page_score(system(text), page.body) for text, page in zip(texts, pages, strict=True)
            )
    if "html" in modes:
        for name, system in html_systems().items():
            results[("html", name)] = aggregate(page_score(system(page.html), page.body) for page in pages)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=("text", "html"), help="score one mode only")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    modes = (args.only,) if args.only else ("text", "html")
    started = time.perf_counter()
    pages = list(load_aeb(AEB))
    results = evaluate(pages, modes)
    print(f"AEB shingle scores on {len(pages)} pages ({time.perf_counter() - started:.0f}s)")
    print(f"{'mode':<6} {'system':<22} {'F1':>6} {'P':>6} {'R':>6}")
    for (mode, name), score in results.items():
        print(f"{mode:<6} {name:<22} {score.f1:6.3f} {score.precision:6.3f} {score.recall:6.3f}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    f"{m}/{n}": {"f1": s.f1, "precision": s.precision, "recall": s.recall}
                    for (m, n), s in results.items()
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

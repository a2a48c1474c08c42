r"""Hostile HTML and decompression bombs: how long each takes to end, and its peak memory.

Run: ``python benchmarks/hostile.py [--quick]`` (or ``benchmarks/speed.py --only hostile``).

Each case (issue 14, items 6-8) runs in a process of its own (``--case NAME``), which builds
its input, cleans it the way the batch command does (``cleaner clean IN -o OUT``), and prints
its wall time, its peak RSS (``ru_maxrss``) and how it ended: the failure line's error and
message, or "cleaned" with the characters kept. A case still running after ``TIMEOUT`` seconds
is killed and reported as such. ``--quick`` runs the cases that build in a second.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

#: A case running longer than this is killed (the issue's per-document budget is far below).
TIMEOUT = 120
PARAGRAPH = (
    "<p>The council met on Tuesday and agreed the budget for the coming year after a long debate "
    "about the schools, the roads and the new library in the old town.</p>"
)


def page(body: str) -> str:
    return f"<html><head><title>Budget agreed</title></head><body>{PARAGRAPH}{body}{PARAGRAPH * 3}</body></html>"


def attributes(count: int) -> str:
    return "<div " + " ".join(f"a{i}=x" for i in range(count)) + ">x</div>"


#: name -> (file name, builder of its bytes, quick?)
CASES: dict[str, tuple[str, Callable[[], bytes], bool]] = {
    "16k iframe+svg pairs": ("page.html", lambda: page("<iframe></iframe><svg></svg>" * 16_000).encode(), True),
    "100k iframe+svg pairs": ("page.html", lambda: page("<iframe></iframe><svg></svg>" * 100_000).encode(), True),
    "40k attributes on one element": ("page.html", lambda: page(attributes(40_000)).encode(), True),
    "500k attributes on one element": ("page.html", lambda: page(attributes(500_000)).encode(), False),
    "300k elements": ("page.html", lambda: page("<b>x</b>" * 300_000).encode(), True),
    "20k short lines (<br>x</br>)": ("page.html", lambda: page("<br>x</br> " * 20_000).encode(), True),
    "20k numbered lines (<br>1 x</br>)": ("page.html", lambda: page("<br>1 x</br> " * 20_000).encode(), True),
    "nesting 3,000 deep": ("page.html", lambda: page("<div>" * 3_000 + PARAGRAPH * 4).encode(), True),
    "text node of 11 M characters": ("page.html", lambda: page("<p>" + "word " * 2_200_000 + "</p>").encode(), False),
    "50 MB attribute": ("page.html", lambda: page('<div data-x="' + "a" * 50_000_000 + '">x</div>').encode(), False),
    "gzip of 1 GB of zeros": ("bomb.txt.gz", lambda: _zeros_gzip(1_000_000_000), False),
}


def _zeros_gzip(size: int) -> bytes:
    block = bytes(1 << 20)
    with tempfile.SpooledTemporaryFile() as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9) as packed:
            for _ in range(size // len(block)):
                packed.write(block)
        raw.seek(0)
        return raw.read()


def run_case(name: str) -> dict[str, object]:
    """Build the case's input, clean it through the batch command, say how it ended."""
    from cleaner.batch import read_failures
    from cleaner.cli import main

    file_name, build, _ = CASES[name]
    with tempfile.TemporaryDirectory() as work:
        src, out = Path(work) / "in", Path(work) / "out"
        src.mkdir()
        (src / file_name).write_bytes(build())
        started = time.perf_counter()
        code = main(["clean", str(src), "-o", str(out), "-q"])
        seconds = time.perf_counter() - started
        failures = read_failures(out)
        if failures:
            ended = f"{failures[0].get('error')}: {failures[0].get('message')}"
        else:
            kept = sum(len(p.read_text(encoding="utf-8")) for p in out.glob("*.txt"))
            ended = f"cleaned, {kept:,} characters kept"
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000  # kB on Linux
    return {"case": name, "seconds": seconds, "peak_mb": peak_mb, "exit": code, "ended": ended}


def measure(quick: bool) -> list[dict[str, object]]:
    """Every case (the quick ones with ``quick``), each in a fresh process."""
    rows = []
    for name, (_, _, is_quick) in CASES.items():
        if quick and not is_quick:
            continue
        command = [sys.executable, __file__, "--case", name]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            rows.append(
                {"case": name, "seconds": TIMEOUT, "peak_mb": float("nan"), "exit": None, "ended": "killed: timeout"}
            )
            continue
        if done.returncode != 0 or not done.stdout.strip():
            rows.append(
                {
                    "case": name,
                    "seconds": float("nan"),
                    "peak_mb": float("nan"),
                    "exit": done.returncode,
                    "ended": "crashed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:120],
                }
            )
            continue
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return rows


HEADER = ["case", "seconds", "peak RSS (MB)", "exit", "how it ended"]


def table_rows(rows: list[dict[str, object]]) -> list[list[object]]:
    return [[r["case"], r["seconds"], r["peak_mb"], r["exit"], str(r["ended"])[:110]] for r in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", choices=sorted(CASES), help="run one case in this process, print JSON")
    parser.add_argument("--quick", action="store_true", help="only the cases that build in a second")
    args = parser.parse_args(argv)
    if args.case:
        print(json.dumps(run_case(args.case)))
        return 0
    for row in table_rows(measure(args.quick)):
        print(" | ".join(str(cell) for cell in row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Cold start: what a new process pays before its first result (``speed.py --only cold``).

Each figure comes from fresh processes (the median of several, the best beside it):

- ``first clean()``: ``import cleaner`` and one ``cleaner.clean(text)`` on a short article,
  timed inside the process (import, building the default Cleaner, the first call) and as the
  whole process's wall time (the interpreter's start included). Once with the start-up cache
  warm (every later process on a machine), once with an empty cache directory (the first
  process on a new machine, or after an upgrade: packs are validated and the stopword index
  is built, then stored).
- ``cleaner --help``: the console script's wall time.
- ``one file through the CLI``: ``cleaner clean FILE -o OUT --force`` on one seed article.

Targets (issue 12): first ``clean()`` <= 0.2 s, ``cleaner --help`` <= 0.3 s.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: Run in a fresh interpreter: the in-process times of import, Cleaner() and the first clean().
_FIRST_CLEAN = """
import json, time
started = time.perf_counter()
import cleaner
imported = time.perf_counter()
from cleaner.pipeline import default_cleaner
default_cleaner()
built = time.perf_counter()
cleaner.clean(open({path!r}, encoding="utf-8").read())
done = time.perf_counter()
stages = {{"import": imported - started, "cleaner": built - imported, "clean": done - built}}
print(json.dumps({{**stages, "total": done - started}}))
"""


def _wall(command: Sequence[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, finished.stdout


def first_clean(article: Path, runs: int, empty_cache: bool) -> dict[str, float]:
    """Medians over ``runs`` fresh processes of the in-process stages and the process's wall time."""
    samples: list[dict[str, float]] = []
    for _ in range(runs):
        env = dict(os.environ)
        scratch = tempfile.mkdtemp(prefix="cleaner-cold-") if empty_cache else None
        if scratch:
            env["CLEANER_CACHE_DIR"] = scratch
        try:
            wall, out = _wall([sys.executable, "-c", _FIRST_CLEAN.format(path=str(article))], env)
        finally:
            if scratch:
                shutil.rmtree(scratch, ignore_errors=True)
        sample = json.loads(out)
        sample["process"] = wall
        samples.append(sample)
    figures = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
    figures["best"] = min(s["process"] for s in samples)
    return figures


def command_wall(command: Sequence[str], runs: int) -> dict[str, float]:
    """Median and best wall time of a command over ``runs`` fresh processes."""
    times = [_wall(command, dict(os.environ))[0] for _ in range(runs)]
    return {"median": statistics.median(times), "best": min(times)}


def measure_cold(cleaner_command: Sequence[str], article: Path, work: Path, quick: bool) -> dict[str, Any]:
    """All the cold-start figures (see the module docstring)."""
    runs = 3 if quick else 9
    first_clean(article, 1, empty_cache=False)  # the machine's own cache is warm from here on
    out = work / "cold_out"
    one_file = [*cleaner_command, "clean", str(article), "-o", str(out), "--force"]
    figures = {
        "first_clean_warm_cache": first_clean(article, runs, empty_cache=False),
        "first_clean_empty_cache": first_clean(article, max(2, runs // 3), empty_cache=True),
        "help": command_wall([*cleaner_command, "--help"], runs),
        "one_file": command_wall(one_file, runs),
    }
    shutil.rmtree(out, ignore_errors=True)
    return figures


def rows(figures: dict[str, Any]) -> list[list[object]]:
    """Table rows: the in-process stages and the whole process's wall time (medians), its best, the target."""
    table: list[list[object]] = []
    for key, label in (
        ("first_clean_warm_cache", "first clean(), cache warm"),
        ("first_clean_empty_cache", "first clean(), cache empty"),
    ):
        f = figures[key]
        table.append([label, f["import"], f["cleaner"], f["clean"], f["total"], f["process"], f["best"], "0.2"])
    for key, label, target in (("help", "cleaner --help", "0.3"), ("one_file", "cleaner clean FILE (one file)", "")):
        f = figures[key]
        table.append([label, "", "", "", "", f["median"], f["best"], target])
    return table


HEADER = (
    "fresh process",
    "import s",
    "Cleaner() s",
    "clean() s",
    "in-process s",
    "process s",
    "best process s",
    "target s",
)

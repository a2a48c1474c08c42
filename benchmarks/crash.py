"""Crash trials (issue 14): kill a ``--jobs 2`` batch at random moments, rerun it, count what was lost.

The inputs mix text files (a few not UTF-8, which fail) and JSONL files with torn lines (which
fail alone, their files cleaned). A reference run gives the expected outputs and failure lines.
Each trial starts the batch into a fresh OUT (every other trial: a ``--force`` run over a
complete OUT, whose old failure lines must survive), sends SIGKILL, SIGTERM or SIGINT (to the
process group, as Ctrl-C does) at a random moment within the reference run's time, then reruns
the same command without ``--force`` to the end. Per signal it prints: outputs lost or not
matching the reference, failure lines lost, duplicate failure lines, temp files left after
the rerun, and workers that outlived their run; all must be 0 (the exit status is 1 otherwise).

    python benchmarks/crash.py --trials 20
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SIGNALS = {"KILL": signal.SIGKILL, "TERM": signal.SIGTERM, "INT": signal.SIGINT}
#: OUT's own files that are no outputs: the lock, the records, the failure log.
STATE = (".cleaner.lock", ".cleaner", "failures.jsonl")


def build_inputs(src: Path, texts: int, jsonl: int, records: int) -> None:
    """``texts`` text files (one in 15 not UTF-8) and ``jsonl`` JSONL files with a torn line in ten."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "seeds").glob("*.txt"))]
    for i in range(texts):
        folder = src / f"t{i % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        if i % 15 == 7:
            (folder / f"f{i:04d}.txt").write_bytes(b"\xff\xfe not utf-8 " + str(i).encode())
            continue
        seed = seeds[i % len(seeds)]
        (folder / f"f{i:04d}.txt").write_text(f"Document {i}.\n\n{seed[(i * 31) % 500 :]}", encoding="utf-8")
    (src / "j").mkdir(parents=True, exist_ok=True)
    for i in range(jsonl):
        lines = []
        for n in range(records):
            if n % 10 == 3:
                lines.append('{"id": "torn", "text": ')
            else:
                seed = seeds[(i + n) % len(seeds)]
                lines.append(json.dumps({"id": f"{i}-{n}", "text": seed[(n * 97) % 800 :][:3000]}))
        (src / "j" / f"r{i:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def command(src: Path, out: Path, force: bool = False) -> list[str]:
    args = [sys.executable, "-m", "cleaner", "clean", str(src), "-o", str(out), "--format", "json", "--jobs", "2"]
    return [*args, "-q", *(["--force"] if force else [])]


def outputs(out: Path) -> dict[str, bytes]:
    """Every output under OUT by relative path (OUT's state and temp files left out)."""
    found = {}
    for path in out.rglob("*"):
        rel = path.relative_to(out)
        if path.is_file() and rel.parts[0] not in STATE and not path.name.startswith(".cleaner-tmp-"):
            found[str(rel)] = path.read_bytes()
    return found


def failure_keys(out: Path) -> list[tuple[str, str, int | None]]:
    """``(path, error, line)`` of each line of OUT/failures.jsonl."""
    path = out / "failures.jsonl"
    if not path.exists():
        return []
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(line["path"], line["error"], line.get("line")) for line in lines]


@dataclass
class Tally:
    """What the trials of one signal lost."""

    trials: int = 0
    midway: int = 0
    lost_outputs: int = 0
    wrong_outputs: int = 0
    lost_failures: int = 0
    duplicates: int = 0
    temp_files: int = 0
    #: Worker processes still alive 5 s after their run was killed or stopped.
    orphans: int = 0
    statuses: Counter[int] = field(default_factory=Counter)

    def bad(self) -> int:
        losses = (self.lost_outputs, self.wrong_outputs, self.lost_failures, self.duplicates, self.temp_files)
        return sum(losses) + self.orphans


def trial(src: Path, out: Path, ref: Path, signum: int, delay: float, force: bool, tally: Tally) -> None:
    """One kill and rerun, counted into ``tally``."""
    shutil.rmtree(out, ignore_errors=True)
    if force:
        shutil.copytree(ref, out)  # mtimes kept: the records still describe these outputs
    process = subprocess.Popen(
        command(src, out, force), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    time.sleep(delay)
    workers: list[psutil.Process] = []
    if process.poll() is None:
        with contextlib.suppress(psutil.Error):
            workers = psutil.Process(process.pid).children(recursive=True)
        tally.midway += 1
        if signum == signal.SIGINT:
            os.killpg(process.pid, signum)  # Ctrl-C reaches the whole foreground group
        else:
            process.send_signal(signum)
    process.wait()
    tally.statuses[process.returncode] += 1
    tally.orphans += len(psutil.wait_procs(workers, timeout=5)[1])
    subprocess.run(command(src, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    expected, got = outputs(ref), outputs(out)
    tally.trials += 1
    tally.lost_outputs += len(set(expected) - set(got))
    tally.wrong_outputs += sum(1 for name in expected if name in got and got[name] != expected[name])
    tally.wrong_outputs += len(set(got) - set(expected))
    want, have = Counter(failure_keys(ref)), Counter(failure_keys(out))
    tally.lost_failures += sum((want - have).values())
    tally.duplicates += sum(count - 1 for count in have.values() if count > 1)
    tally.temp_files += len(list(out.rglob(".cleaner-tmp-*")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=20, help="kill-and-rerun trials, signals in turn (default 20)")
    parser.add_argument("--texts", type=int, default=240, help="text inputs (default 240)")
    parser.add_argument("--jsonl", type=int, default=12, help="JSONL inputs (default 12)")
    parser.add_argument("--records", type=int, default=40, help="records per JSONL input (default 40)")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="cleaner-crash-"))
    try:
        src, out, ref = work / "in", work / "out", work / "ref"
        build_inputs(src, args.texts, args.jsonl, args.records)
        started = time.perf_counter()
        subprocess.run(command(src, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        reference = time.perf_counter() - started
        shutil.copytree(out, ref)
        print(
            f"inputs: {args.texts} text + {args.jsonl} JSONL files; reference run {reference:.1f} s, "
            f"{len(outputs(ref))} outputs, {len(failure_keys(ref))} failure lines"
        )
        tallies = {name: Tally() for name in SIGNALS}
        names = list(SIGNALS)
        for number in range(args.trials):
            name = names[number % len(names)]
            force = (number // len(names)) % 2 == 1
            delay = rng.uniform(0.3, reference * 0.95)
            trial(src, out, ref, SIGNALS[name], delay, force, tallies[name])
        columns = ("trials", "midway", "lost outputs", "wrong outputs", "lost failure lines", "duplicate lines")
        print("signal  " + "  ".join(columns) + "  temp files  orphans")
        for name, t in tallies.items():
            print(
                f"{name:<6}  {t.trials:>6}  {t.midway:>6}  {t.lost_outputs:>12}  {t.wrong_outputs:>13}  "
                f"{t.lost_failures:>18}  {t.duplicates:>15}  {t.temp_files:>10}  {t.orphans:>7}"
                f"   exits {dict(sorted(t.statuses.items()))}"
            )
        return 1 if any(t.bad() for t in tallies.values()) else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

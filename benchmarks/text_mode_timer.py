"""Time cleaner's text mode the way ``speed.py``'s core part does, in whatever build runs this
script (``speed.py`` runs it with ``CLEANER_PURE=1`` and in a virtual environment holding an
older commit): standard library and cleaner's public API only.

Run: ``python benchmarks/text_mode_timer.py TEXTS.json REPEATS`` (TEXTS.json: a list of texts,
the first used to warm each fresh Cleaner). Prints one JSON object: the summed per-text best wall
and CPU seconds over REPEATS passes, and which build ran.
"""

from __future__ import annotations

import gc
import json
import sys
import time

import cleaner


def main(path: str, repeats: int) -> dict[str, object]:
    with open(path, encoding="utf-8") as file:
        texts = json.load(file)
    walls = [float("inf")] * len(texts)
    cpus = [float("inf")] * len(texts)
    for _ in range(repeats):
        engine = cleaner.Cleaner()  # fresh per pass, as in speed.py (older builds memoise rule outcomes)
        engine.clean(texts[0])
        gc.collect()
        for index, text in enumerate(texts):
            started, started_cpu = time.perf_counter(), time.process_time()
            engine.clean(text)
            walls[index] = min(walls[index], time.perf_counter() - started)
            cpus[index] = min(cpus[index], time.process_time() - started_cpu)
    compiled = getattr(getattr(cleaner, "engine", None), "COMPILED", None)
    return {"seconds": sum(walls), "cpu_seconds": sum(cpus), "compiled": compiled}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]))))

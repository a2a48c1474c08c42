"""Probe for the lead (not imported by cleaner): how slow can each built-in rule get on short blocks?

Run: ``.venv/bin/python .notes/redos_probe.py``. For every rule, searches (with the rule's own
timeout machinery) strings of 300 characters built to provoke backtracking: each remove example
repeated, its words repeated without the ending, runs of one character, spaces, punctuation.
Prints the slowest rules. If every rule stays far below the time limit on 300 characters,
rules can run without ``timeout=`` on blocks up to 300 characters (the time limit stays for
longer blocks), which removes ~1/3 of text-mode time (see perf.md).
"""

from __future__ import annotations

import time

import regex

from cleaner.rules import builtin_pack_paths, load_packs

LENGTH = 300


def probes(examples: tuple[str, ...]) -> list[str]:
    """Adversarial strings of LENGTH characters from a rule's examples and generic shapes."""
    shapes = ["a" * LENGTH, " " * LENGTH, "a " * (LENGTH // 2), ". " * (LENGTH // 2), "A" * LENGTH, "-" * LENGTH]
    shapes += ["Aa " * (LENGTH // 3), "|" * LENGTH, "/ " * (LENGTH // 2), "1" * LENGTH, ", a" * (LENGTH // 3)]
    for example in examples:
        words = regex.findall(r"\S+", example)
        if not example:
            continue
        shapes.append((example + " ") * (LENGTH // (len(example) + 1) + 1))
        if len(words) > 1:
            stem = " ".join(words[:-1]) + " "
            shapes.append((stem * (LENGTH // len(stem) + 1))[:LENGTH])
        shapes.append(example[:-1] * (LENGTH // max(1, len(example) - 1)))
    return [s[:LENGTH] for s in shapes]


def main() -> None:
    rules = load_packs(builtin_pack_paths())
    worst: list[tuple[float, str, str]] = []
    for rule in rules:
        slowest, which = 0.0, ""
        for probe in probes(rule.remove + rule.keep):
            started = time.perf_counter()
            try:
                rule.compiled.search(probe, timeout=1.0)
            except TimeoutError:
                slowest, which = 1.0, probe
                break
            elapsed = time.perf_counter() - started
            if elapsed > slowest:
                slowest, which = elapsed, probe
        worst.append((slowest, rule.id, which))
    worst.sort(reverse=True)
    print(f"{len(rules)} rules, {LENGTH}-character probes; slowest single search per rule:")
    for seconds, rule_id, probe in worst[:10]:
        print(f"  {seconds * 1000:8.3f} ms  {rule_id:30s} {probe[:50]!r}")


if __name__ == "__main__":
    main()

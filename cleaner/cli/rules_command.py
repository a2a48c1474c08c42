"""`cleaner rules`: list the rules, show one, or test a rule pack (examples + property checks).

cleaner rules [--rules PACK.toml]... [--label LABEL]   list every rule: id, label, pack, why
cleaner rules RULE_ID [--rules PACK.toml]...            one rule: why, pattern, examples
cleaner rules test PACK.toml... [--max-examples N]      a pack's examples and check_rule
"""

from __future__ import annotations

import argparse
import difflib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..engine.heuristics import REGISTRY
from ..engine.rules import Rule, builtin_pack_paths, load_pack, load_packs
from ..errors import RuleError
from ..model import LABELS

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
#: Generated articles per rule for `cleaner rules test` unless --max-examples says otherwise.
DEFAULT_MAX_EXAMPLES = 200


@dataclass(frozen=True)
class _Entry:
    """A row of the listing: a rule or a heuristic."""

    id: str
    label: str
    pack: str
    why: str
    rule: Rule | None = None


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "rules",
        help="list rules, show one, or test a rule pack",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("target", nargs="*", metavar="RULE_ID | test PACK.toml", help="a rule id, or 'test' and packs")
    parser.add_argument("--rules", action="append", default=[], metavar="PACK.toml", help="also load this pack")
    parser.add_argument("--label", choices=LABELS[1:], help="list only rules of this label")
    parser.add_argument("--no-builtin", action="store_true", help="leave out the built-in packs")
    parser.add_argument(
        "--max-examples",
        type=int,
        default=DEFAULT_MAX_EXAMPLES,
        metavar="N",
        help=f"test: generated articles per rule (default {DEFAULT_MAX_EXAMPLES})",
    )
    parser.add_argument("--seed", type=int, default=0, help="test: hypothesis seed, for repeatable runs (default 0)")
    parser.add_argument(
        "--timeout", type=float, default=0.25, metavar="SECONDS", help="test: regex time limit (default 0.25)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    target: list[str] = args.target
    if target and target[0] == "test":
        if len(target) < 2:
            print("cleaner rules test: give at least one PACK.toml", file=sys.stderr)
            return EXIT_USAGE
        return _test(target[1:], args, out)
    if len(target) > 1:
        print("cleaner rules: give one RULE_ID (or 'test PACK.toml')", file=sys.stderr)
        return EXIT_USAGE
    entries = _entries(args)
    if target:
        return _show(target[0], entries, out)
    return _list(entries, args.label, out)


def _entries(args: argparse.Namespace) -> list[_Entry]:
    """Every rule (built-in packs, then --rules packs) and every registered heuristic."""
    paths = (() if args.no_builtin else builtin_pack_paths()) + tuple(Path(p) for p in args.rules)
    rules = load_packs(paths)
    entries = [_Entry(r.id, r.label, Path(r.source).name, r.why, r) for r in rules]
    if not args.no_builtin:
        entries += [_Entry(h.id, h.label, "(heuristic)", h.why) for h in REGISTRY.values()]
    return entries


def _list(entries: list[_Entry], label: str | None, out: TextIO) -> int:
    shown = [e for e in entries if label is None or e.label == label]
    if not shown:
        print("no rules" + (f" with label {label}" if label else ""), file=out)
        return EXIT_OK
    id_width = max(len(e.id) for e in shown)
    label_width = max(len(e.label) for e in shown)
    pack_width = max(len(e.pack) for e in shown)
    print(f"{'ID':<{id_width}}  {'LABEL':<{label_width}}  {'PACK':<{pack_width}}  WHY", file=out)
    for e in shown:
        print(f"{e.id:<{id_width}}  {e.label:<{label_width}}  {e.pack:<{pack_width}}  {e.why}", file=out)
    packs = len({e.pack for e in shown if e.rule is not None})
    heuristics = sum(1 for e in shown if e.rule is None)
    print(f"\n{len(shown) - heuristics} rule(s) in {packs} pack(s), {heuristics} heuristic(s)", file=out)
    return EXIT_OK


def _show(rule_id: str, entries: list[_Entry], out: TextIO) -> int:
    entry = next((e for e in entries if e.id == rule_id), None)
    if entry is None:
        close = difflib.get_close_matches(rule_id, [e.id for e in entries], n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `cleaner rules` lists them"
        print(f"cleaner rules: no rule {rule_id!r}{hint}", file=sys.stderr)
        return EXIT_USAGE
    rule = entry.rule
    print(entry.id, file=out)
    fields = [("label", entry.label), ("why", entry.why)]
    if rule is None:
        fields.append(("kind", "heuristic (Python code, no pattern)"))
    else:
        fields += [
            ("pack", rule.source),
            ("where", rule.where),
            ("max_words", "any" if rule.max_words is None else str(rule.max_words)),
            ("languages", ", ".join(rule.languages) or "all"),
            ("pattern", rule.pattern),
            ("needs", _needs(rule)),
        ]
    for name, value in fields:
        print(f"  {name + ':':<11}{value}", file=out)
    if rule is not None:
        _examples("remove examples (the rule removes each)", rule.remove, out)
        _examples("keep examples (the rule must leave each)", rule.keep, out)
    return EXIT_OK


def _needs(rule: Rule) -> str:
    """What a block must have for the rule's regex to run at all (``rules.literals``)."""
    literals = rule.literals
    if literals is None:
        return "nothing provable: the regex runs on every block within the limits"
    parts = []
    if literals.strings:
        shown = ", ".join(repr(s) for s in literals.strings[:8]) + (", ..." if len(literals.strings) > 8 else "")
        parts.append(f"one of {shown} (tested ignoring case)")
    if literals.prefixes:
        shown = ", ".join(repr(s) for s in literals.prefixes[:8]) + (", ..." if len(literals.prefixes) > 8 else "")
        parts.append(f"a start among {shown} (tested ignoring case)")
    return "; ".join(parts)


def _examples(title: str, examples: tuple[str, ...], out: TextIO) -> None:
    print(f"  {title}:", file=out)
    for example in examples or ("(none)",):
        print(f"    - {example}", file=out)


def _test(packs: list[str], args: argparse.Namespace, out: TextIO) -> int:
    """Load each pack (validation runs the examples), then run check_rule on it."""
    try:
        from ..testing import check_rule
    except ImportError as exc:
        print(f"cleaner rules test: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.max_examples < 1:
        print("cleaner rules test: --max-examples must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    status = EXIT_OK
    for pack in packs:
        path = Path(pack)
        if not path.is_file():
            print(f"cleaner rules test: {path}: no such file", file=sys.stderr)
            return EXIT_USAGE
        try:
            rules = load_pack(path, args.timeout * 4)
        except RuleError as exc:
            print(f"FAIL {path}: the pack does not load.\n  {exc}", file=out)
            status = EXIT_FAILURES
            continue
        print(
            f"{path}: {len(rules)} rule(s); examples, regex time limit ({args.timeout:g}s) and properties on up to "
            f"{args.max_examples} generated articles per rule (seed {args.seed})",
            file=out,
        )
        report = check_rule(
            path,
            max_examples=args.max_examples,
            seed=args.seed,
            timeout=args.timeout,
            builtins=not args.no_builtin,
        )
        print(report.format(), file=out)
        if not report.ok:
            status = EXIT_FAILURES
    return status

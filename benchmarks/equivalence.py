r"""Do two builds of cleaner give the same Results? Lists the documents where they differ.

Run: ``python benchmarks/equivalence.py [--a BUILD] [--b BUILD] [--articles N] [--random N] [--no-html]``
``[--reference FILE]``.

A BUILD is ``compiled`` (this interpreter, its installed build), ``pure`` (the same with
``CLEANER_PURE=1``: the Python sources of the compiled modules), ``python:PATH`` (another
interpreter, as it is) or ``commit:REV`` (cleaner at git revision REV of this repository,
installed on first use into ``benchmarks/_work/builds/REV``, e.g. ``commit:d3a9129``).
Defaults: ``--a pure --b compiled``.

The inputs are made once, here, and read by both builds (so a commit with other test-kit
vocabularies still cleans the same texts): every bundled document (the seeds and the AEB pages
flattened to text, and the AEB pages as HTML), ``--articles`` generated articles (seeded
``cleaner.testing.writer`` articles in every vocabulary, every boilerplate label, every line
separator) and ``--random`` texts of random Unicode (seeded: code points of every plane but
surrogates, every line terminator Python knows, spaces, zero-width characters). Each build
cleans them with one default ``Cleaner`` through the public API (``clean``, ``clean_html``) and
writes ``Result.to_dict()``; the two are compared document by document.
With ``--reference FILE`` the first run saves ``--b``'s Results to FILE and later runs compare
``--b`` with them (``--a`` is not run): a change meant to keep the output is checked after every
step against the Results from before it.
Exit status 0 when every document is the same, 1 otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from random import Random
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BUILDS = ROOT / "benchmarks" / "_work" / "builds"
SEPARATORS = ("\n\n", "\n", "\r\n\r\n", "\n\n\n", " \n\n", "\n\u00a0\n", "\r\n", "\u2029", "\r", "\u2028\u2028")
#: Every line terminator of ``str.splitlines``, and characters that strip or do not.
LINE_BREAKS = ("\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
ODD = (" ", "\t", "\u00a0", "\u200b", "\u200d", "\ufeff", "\u3000", "\u2009", ".", "!", "?", "。", ":", "“", "»")
#: Script blocks random text draws words from (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic,
#: Devanagari, Bengali, Thai, Lao, Georgian, Hangul, Hiragana, Katakana, Han, Khmer, Myanmar,
#: Ethiopic, Cherokee, Mongolian, Latin Extended, Deseret, emoji, math letters, CJK Ext B).
SCRIPTS = (
    (0x41, 0x7A), (0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x530, 0x58F), (0x5D0, 0x5EA),
    (0x600, 0x6FF), (0x900, 0x97F), (0x980, 0x9FF), (0xE00, 0xE7F), (0xE80, 0xEFF), (0x10A0, 0x10FF),
    (0xAC00, 0xD7A3), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x4E00, 0x9FFF), (0x1780, 0x17FF),
    (0x1000, 0x109F), (0x1200, 0x137F), (0x13A0, 0x13FF), (0x1800, 0x18AF), (0x1E00, 0x1EFF),
    (0x10400, 0x1044F), (0x1F300, 0x1F6FF), (0x1D400, 0x1D7FF), (0x20000, 0x2A6DF),
)  # fmt: skip


# --------------------------------------------------------------------------- inputs


def bundled() -> Iterator[dict[str, str]]:
    """The seeds and the AEB pages, flattened to text as the benchmarks do, and AEB as HTML."""
    import html_text

    from cleaner.gold import load_aeb

    for path in sorted((ROOT / "corpus" / "seeds").glob("*.txt")):
        yield {"name": f"seed/{path.stem}", "mode": "text", "input": path.read_text(encoding="utf-8")}
    pages = list(load_aeb(ROOT / "corpus" / "aeb"))
    for page in pages:
        flat = html_text.extract_text(page.html, guess_layout=True)
        yield {"name": f"aeb-text/{page.id}", "mode": "text", "input": flat}
    for page in pages:
        yield {"name": f"aeb-html/{page.id}", "mode": "html", "input": page.html}


def generated(count: int) -> Iterator[dict[str, str]]:
    """Seeded articles from ``cleaner.testing.writer``: a headline, paragraphs and boilerplate of
    every label at random places, in one vocabulary or two, with random line separators."""
    from cleaner.testing import writer
    from cleaner.testing.vocabulary import BOILERPLATE_LABELS, VOCABULARIES

    vocabularies = list(VOCABULARIES.values())
    for seed in range(count):
        rng = Random(seed)
        main = rng.choice(vocabularies)
        other = rng.choice(vocabularies) if rng.random() < 0.3 else main
        lines = [writer.paragraph(main, rng, 1 + rng.randrange(5)) for _ in range(rng.randint(0, 10))]
        for _ in range(rng.randint(0, 12)):
            vocab = other if rng.random() < 0.3 else main
            lines.insert(
                rng.randint(0, len(lines)), writer.boilerplate_line(vocab, rng.choice(BOILERPLATE_LABELS), rng)
            )
        if rng.random() < 0.8:
            lines.insert(0, writer.headline(main, rng))
        if lines and rng.random() < 0.5:
            lines.insert(0, lines[0] + " | " + writer.headline(main, rng))  # a <title> line above its headline
        text = "".join(line + rng.choice(SEPARATORS) for line in lines)
        yield {"name": f"article/{seed}", "mode": "text", "input": text}


def random_unicode(count: int) -> Iterator[dict[str, str]]:
    """Seeded texts of random Unicode: words of random scripts, any code point but surrogates,
    every line terminator, spaces and zero-width characters, lines short and long."""
    for seed in range(count):
        rng = Random(10_000_000 + seed)
        parts: list[str] = []
        for _ in range(rng.randint(0, 60)):
            roll = rng.random()
            if roll < 0.55:
                low, high = rng.choice(SCRIPTS)
                parts.append("".join(chr(rng.randint(low, high)) for _ in range(rng.randint(1, 12))))
            elif roll < 0.65:
                parts.append("".join(_any_code_point(rng) for _ in range(rng.randint(1, 6))))
            elif roll < 0.85:
                parts.append(rng.choice(ODD))
            else:
                parts.append(rng.choice(LINE_BREAKS) * rng.randint(1, 3))
            parts.append(" " if rng.random() < 0.7 else "")
        yield {"name": f"random/{seed}", "mode": "text", "input": "".join(parts)}


def _any_code_point(rng: Random) -> str:
    while True:
        code = rng.randrange(0x110000)
        if not 0xD800 <= code <= 0xDFFF:
            return chr(code)


def make_inputs(path: Path, articles: int, randoms: int, html: bool) -> Counter[str]:
    """Write the inputs (gzip'ed JSON lines); returns the number of documents per kind."""
    kinds: Counter[str] = Counter()
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for item in (*bundled(), *generated(articles), *random_unicode(randoms)):
            if item["mode"] == "html" and not html:
                continue
            kinds[item["name"].split("/")[0]] += 1
            out.write(json.dumps(item) + "\n")
    return kinds


# --------------------------------------------------------------------------- cleaning (runs in the build)


def read_lines(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def dump(inputs: Path, output: Path) -> None:
    """Clean every input with this process's cleaner; write name and ``Result.to_dict()`` per line."""
    import cleaner

    engine = cleaner.Cleaner()
    compiled = getattr(getattr(cleaner, "engine", None), "COMPILED", None)  # None: before the compiled core
    build = {True: "compiled", False: "pure", None: "pure (no compiled core yet)"}[compiled]
    print(f"cleaning with cleaner {getattr(cleaner, '__version__', '?')}, {build} engine, from {cleaner.__file__}")
    with gzip.open(output, "wt", encoding="utf-8") as out:
        for item in read_lines(inputs):
            clean = engine.clean if item["mode"] == "text" else engine.clean_html
            out.write(json.dumps({"name": item["name"], "result": clean(item["input"]).to_dict()}) + "\n")


# --------------------------------------------------------------------------- builds


def interpreter(build: str) -> tuple[str, dict[str, str]]:
    """The Python executable and environment that run ``build``."""
    env = dict(os.environ)
    env.pop("CLEANER_PURE", None)
    if build == "compiled":
        return sys.executable, env
    if build == "pure":
        return sys.executable, {**env, "CLEANER_PURE": "1"}
    if build.startswith("python:"):
        return build.removeprefix("python:"), env
    if build.startswith("commit:"):
        return str(commit_build(build.removeprefix("commit:"))), env
    raise SystemExit(f"unknown build {build!r}: use compiled, pure, python:PATH or commit:REV")


def commit_build(revision: str) -> Path:
    """A virtual environment with cleaner installed from git revision ``revision`` (made once)."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{revision}^{{commit}}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    venv = BUILDS / commit[:12]
    python = venv / "bin" / "python"
    if not (venv / ".installed").exists():
        print(f"installing cleaner at {commit[:12]} into {venv} (once) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-U", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", f"git+file://{ROOT}@{commit}"], check=True)
        (venv / ".installed").touch()
    return python


def run_build(build: str, inputs: Path, output: Path) -> None:
    python, env = interpreter(build)
    # The build's cleaner must be imported, not this checkout's: run from a neutral directory.
    code = (
        f"import runpy, sys; sys.argv = ['equivalence', '--dump', {str(inputs)!r}, {str(output)!r}];"
        f"runpy.run_path({__file__!r}, run_name='__main__')"
    )
    subprocess.run([python, "-c", code], check=True, env=env, cwd=tempfile.gettempdir())


# --------------------------------------------------------------------------- comparing


def first_difference(a: dict[str, Any], b: dict[str, Any]) -> str:
    """Where two ``to_dict`` results first differ, in a few words."""
    for key in sorted(set(a) | set(b)):
        if a.get(key) == b.get(key):
            continue
        left, right = a.get(key), b.get(key)
        if isinstance(left, list) and isinstance(right, list):
            for index, (x, y) in enumerate(zip(left, right, strict=False)):
                if x != y:
                    return f"{key}[{index}]: {x!r} != {y!r}"[:300]
            return f"{key}: {len(left)} items != {len(right)} items"
        return f"{key}: {left!r} != {right!r}"[:300]
    return "same"


def compare(a: Iterable[dict[str, Any]], b: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    """(name, first difference) for every document whose Results differ."""
    differing: list[tuple[str, str]] = []
    for left, right in zip(a, b, strict=True):
        assert left["name"] == right["name"], (left["name"], right["name"])
        if left["result"] != right["result"]:
            differing.append((left["name"], first_difference(left["result"], right["result"])))
    return differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--a", default="pure", help="the first build (default: pure)")
    parser.add_argument("--b", default="compiled", help="the second build (default: compiled)")
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles (default 10,000)")
    parser.add_argument("--random", type=int, default=2_000, help="random Unicode texts (default 2,000)")
    parser.add_argument("--no-html", action="store_true", help="leave out the AEB pages in HTML mode")
    parser.add_argument("--show", type=int, default=20, help="differing documents to list (default 20)")
    parser.add_argument(
        "--reference",
        type=Path,
        metavar="FILE",
        help="compare --b with the Results saved in FILE (written from --b first when FILE is missing),"
        " e.g. to hold a change to byte-identical output; --a is not run",
    )
    parser.add_argument("--dump", nargs=2, type=Path, metavar=("INPUTS", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dump:
        dump(*args.dump)
        return 0
    with tempfile.TemporaryDirectory(prefix="cleaner-equivalence-") as folder:
        work = Path(folder)
        inputs = work / "inputs.jsonl.gz"
        kinds = make_inputs(inputs, args.articles, args.random, not args.no_html)
        if args.reference is not None and not args.reference.exists():
            run_build(args.b, inputs, work / "b.jsonl.gz")
            partial = args.reference.with_name(args.reference.name + ".partial")
            shutil.copyfile(work / "b.jsonl.gz", partial)
            os.replace(partial, args.reference)  # whole or not at all
            print(f"saved {sum(kinds.values()):,} Results of {args.b} to {args.reference}")
            return 0
        first = args.reference if args.reference is not None else work / "a.jsonl.gz"
        builds = (("b", args.b),) if args.reference is not None else (("a", args.a), ("b", args.b))
        for name, build in builds:
            run_build(build, inputs, work / f"{name}.jsonl.gz")
        differing = compare(read_lines(first), read_lines(work / "b.jsonl.gz"))
    by_kind = Counter(name.split("/")[0] for name, _ in differing)
    print(f"{args.reference or args.a} vs {args.b}")
    print(f"{'kind':<10} {'documents':>10} {'differing':>10}")
    for kind, total in kinds.items():
        print(f"{kind:<10} {total:>10,} {by_kind[kind]:>10,}")
    print(f"{'all':<10} {sum(kinds.values()):>10,} {len(differing):>10,}")
    for name, where in differing[: args.show]:
        print(f"  {name}: {where}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())

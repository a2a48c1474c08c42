"""Reference systems the benchmarks compare against (never used by cleaner itself)."""

from __future__ import annotations

import regex

_TERMINAL = regex.compile(r"[.!?\"”’'…]$")


def c4_line_filter(text: str) -> str:
    """C4-style: keep lines of at least 5 words that end in terminal punctuation."""
    kept = [line.strip() for line in text.splitlines()]
    return "\n".join(line for line in kept if len(line.split()) >= 5 and _TERMINAL.search(line))


def trafilatura_alone(html: str) -> str:
    """trafilatura.extract with its defaults: the HTML-mode reference."""
    import trafilatura

    return trafilatura.extract(html) or ""

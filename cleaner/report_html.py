"""The explain view as data (``segments``) and as a standalone HTML page (``render_report``).

The page needs nothing from outside (inline CSS, no script, no fonts): it shows the whole
source with the kept text plain and each removal highlighted by label; hovering a removal shows
its label, rule id and reason, and a legend counts removals per label.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .model import LABELS, Removal, Result

#: One colour per label (background of the highlight); body is the kept text.
COLOURS: dict[str, str] = {
    "body": "#ffffff",
    "title": "#c7d2fe",
    "dek": "#bfdbfe",
    "nav": "#fecaca",
    "cta": "#fed7aa",
    "promo": "#fde68a",
    "caption": "#d9f99d",
    "credit": "#bbf7d0",
    "dateline": "#a5f3fc",
    "byline": "#ddd6fe",
    "bio": "#f5d0fe",
    "embed": "#fbcfe8",
    "legal": "#e7e5e4",
    "comments": "#fecdd3",
    "other": "#d1d5db",
}


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the source: kept (``removal is None``) or one removal."""

    start: int
    end: int
    removal: Removal | None


def segments(result: Result) -> Iterator[Segment]:
    """The source cut into kept runs and removals, in order; overlapping removals are clipped."""
    cursor = 0
    for removal in sorted(result.removals, key=lambda r: (r.start, r.end)):
        start = max(removal.start, cursor)
        if start > cursor:
            yield Segment(cursor, start, None)
        if removal.end > start:
            yield Segment(start, removal.end, removal)
            cursor = removal.end
    if cursor < len(result.source):
        yield Segment(cursor, len(result.source), None)


def label_counts(result: Result) -> Counter[str]:
    """Removals per label, in the order of ``LABELS``."""
    counts = Counter(r.label for r in result.removals)
    return Counter({label: counts[label] for label in LABELS if counts[label]})


_CSS = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #111827; }
header { position: sticky; top: 0; background: #f9fafb; border-bottom: 1px solid #d1d5db; padding: 10px 24px; }
h1 { font-size: 18px; margin: 0 0 4px; }
.meta { margin: 0 0 6px; color: #4b5563; }
.legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 14px; }
.legend li { display: flex; align-items: center; gap: 5px; }
.swatch { width: 14px; height: 14px; border: 1px solid #9ca3af; border-radius: 3px; display: inline-block; }
main { padding: 16px 24px 40px; max-width: 1100px; }
.headline { font-size: 17px; margin: 0 0 12px; }
.warnings { color: #92400e; }
.source { white-space: pre-wrap; word-wrap: break-word; margin: 0; font: inherit; }
.kept { color: #111827; }
mark.removal { color: #4b5563; border-radius: 3px; padding: 1px 0; cursor: help; position: relative; }
mark.removal::after {
  content: attr(data-rule); font: 11px/1 ui-monospace, monospace; color: #374151;
  background: #ffffffcc; border: 1px solid #9ca3af; border-radius: 3px; padding: 1px 3px; margin-left: 4px;
}
mark.removal:hover { outline: 2px solid #111827; }
"""


def render_report(result: Result, name: str) -> str:
    """A standalone HTML page explaining ``result`` (of the input called ``name``)."""
    counts = label_counts(result)
    kept = sum(p.length for p in result.pieces)
    removed = sum(r.end - r.start for r in result.removals)
    styles = "\n".join(
        f'mark.removal[data-label="{label}"], .swatch.{label} {{ background: {colour}; }}'
        for label, colour in COLOURS.items()
    )
    legend = "".join(
        f'<li data-legend="{label}"><span class="swatch {label}"></span>{label} <b>{count}</b></li>'
        for label, count in counts.items()
    )
    legend = f'<li data-legend="body"><span class="swatch body"></span>kept <b>{len(result.pieces)}</b></li>' + legend
    title = f'<p class="headline">Title: <b>{html.escape(result.title)}</b></p>' if result.title else ""
    warnings = "".join(f'<p class="warnings">Warning: {html.escape(w)}</p>' for w in result.warnings)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cleaner explain: {html.escape(name)}</title>
<style>{_CSS}{styles}
</style>
</head>
<body>
<header>
<h1>cleaner explain: {html.escape(name)}</h1>
<p class="meta">{len(result.source):,} characters: {kept:,} kept, {removed:,} removed in \
{len(result.removals)} removals. Hover a highlight for its rule and reason.</p>
<ul class="legend">{legend}</ul>
</header>
<main>
{title}{warnings}<pre class="source">{"".join(_segment_html(result, s) for s in segments(result))}</pre>
</main>
</body>
</html>
"""


def _segment_html(result: Result, segment: Segment) -> str:
    text = html.escape(result.source[segment.start : segment.end])
    removal = segment.removal
    if removal is None:
        return f'<span class="kept">{text}</span>'
    tip = html.escape(f"{removal.label} · {removal.rule}: {removal.reason}", quote=True)
    return (
        f'<mark class="removal" data-label="{html.escape(removal.label, quote=True)}" '
        f'data-rule="{html.escape(removal.rule, quote=True)}" data-start="{segment.start}" '
        f'data-end="{segment.end}" title="{tip}">{text}</mark>'
    )

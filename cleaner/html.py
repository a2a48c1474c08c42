"""HTML mode: decode and render a page to text (html-text), and ask trafilatura which lines it keeps.

The rendered text is ``Result.source``; trafilatura's choice becomes one more piece of evidence
for each block, which the decision step combines with our rules and heuristics.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import Any

import regex

from .engine.charclasses import UNSPACED_CLASS
from .engine.votes import ExtractorVotes, word_key
from .errors import HtmlLimitError, InputError
from .html_metadata import head_metadata
from .html_parse import parse_page
from .html_vote import extract_function
from .model import Metadata

_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.IGNORECASE)
#: A character of a script written without spaces (Chinese, Japanese, Thai...).
_UNSPACED_RE = regex.compile(UNSPACED_CLASS)
#: A tag starts right after "<" (no space): "a < b" in plain text is not one.
_TAG = regex.compile(r"<(?:[A-Za-z][A-Za-z0-9:-]*|!--|!doctype)[\s>/]", regex.IGNORECASE)


@dataclass(frozen=True)
class Rendered:
    """A page rendered to text, with trafilatura's votes and any warnings about the input."""

    text: str
    votes: ExtractorVotes | None
    warnings: tuple[str, ...] = field(default=())
    #: What the page's head declares (``<meta>``, JSON-LD, ``<html lang>``): fields not in ``text``.
    head: Metadata = field(default=Metadata())
    #: The texts of the page's ``<h1>`` elements that a reader sees, in order (``page_headings``).
    headings: tuple[str, ...] = field(default=())


def decode_html(data: bytes) -> tuple[str, list[str]]:
    """Decode bytes: BOM, then strict UTF-8, then the page's declared charset, then a guess (warned)."""
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("input is binary (NUL bytes), not HTML")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", "replace")
        try:
            return data.decode(name), []
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    candidates = from_bytes(data)
    # windows-1252 is the web's default for undeclared pages (WHATWG): take it when it fits.
    chosen = next((m for m in candidates if m.encoding == "cp1252"), None) or candidates.best()
    if chosen is None or chosen.encoding is None:
        raise InputError("cannot detect the encoding: the bytes are neither UTF-8 nor any known charset")
    return str(chosen), [f"encoding not declared (or not the declared one); decoded as {chosen.encoding}, a guess"]


def render_html(html: str | bytes, use_extractor: bool = True) -> Rendered:
    """Render the page to layout-preserving text; raise InputError for input that is not HTML."""
    warnings: list[str] = []
    if isinstance(html, bytes | bytearray):
        html, warnings = decode_html(bytes(html))
    elif not isinstance(html, str):
        raise TypeError(f"clean_html() takes str or bytes, not {type(html).__name__}")
    if "\x00" in html[:4096]:
        raise InputError("input is binary (NUL characters), not HTML")
    if not _TAG.search(html[:65536]):
        raise InputError("input does not look like HTML: no tag in the first 64 KiB")
    try:
        tree, extractable = _parse(html)
        head = head_metadata(tree)
        # trafilatura reads the page as served (it works on a copy); the renderer after it, on
        # the tree without what a browser hides.
        votes = _trafilatura_votes(tree, warnings) if use_extractor and extractable else None
        _drop_hidden(tree)
        headings = page_headings(tree)
        text = _render(tree, html)
    except HtmlLimitError:
        raise
    except (ValueError, TypeError) as exc:
        raise InputError(f"cannot parse HTML: {exc}") from exc
    return Rendered(text, votes, tuple(warnings), head, headings)


#: A page with more distinct ``<h1>`` texts than this uses them for teasers or logos, not for
#: its headline: they tell nothing.
MAX_HEADINGS = 2


def page_headings(tree: Any) -> tuple[str, ...]:
    """The visible ``<h1>`` texts, whitespace-normalised: where a page marks its headline. None
    when the page has more than MAX_HEADINGS distinct ones."""
    found: list[str] = []
    for element in tree.iter("h1"):
        text = " ".join(element.text_content().split())
        if text and text not in found:
            found.append(text)
    return tuple(found) if len(found) <= MAX_HEADINGS else ()


def _parse(html: str) -> tuple[Any, bool]:
    """The page parsed once for both trafilatura and the renderer, and whether trafilatura takes it.

    trafilatura's own loader's steps (``html_parse.extractor_tree``), so that its extraction is
    what it would be on the string (and html-text renders its tree to the same text as
    html-text's own parser's, on every AEB page); a page it rejects as not quite HTML (it would
    extract nothing) is parsed as html-text does. Both with libxml2's limits lifted, and pages
    over a cap or not read whole refused (``html_parse``).
    """
    return parse_page(html)


def _render(tree: Any, html: str) -> str:
    """``html_text.extract_text(tree, guess_layout=True)``, cleaning the tree in place: html-text
    cleans a deep copy, and the tree is ours alone by now (trafilatura read its own copy)."""
    from html_text.html_text import cleaner, etree_to_text

    try:
        cleaner(tree)
    except AssertionError:  # html-text then renders the page uncleaned; ours is half-cleaned
        tree, _ = _parse(html)
        _drop_hidden(tree)
    mark, preformatted = _set_aside_preformatted(tree, html)
    text = etree_to_text(tree, guess_punct_space=True, guess_layout=True)
    if not preformatted:
        return text
    # One pass puts every block back (a replace per block would read the text once per block).
    return regex.sub(f"{mark}(\\d+){mark}", lambda found: preformatted[int(found.group(1))], text)


def _set_aside_preformatted(tree: Any, html: str) -> tuple[str, list[str]]:
    """Each outermost ``<pre>``'s text replaced in the tree by a marker (the mark, its number in
    the list, the mark), returned with the mark and the texts: html-text collapses all
    whitespace, which would join a block of code into one line and drop its indentation. The
    text keeps its line breaks and indents (trailing spaces and blank lines at either end
    dropped); the mark is a character of the private use area that the page does not hold."""
    blocks = [element for element in tree.iter("pre") if not any(p.tag == "pre" for p in element.iterancestors())]
    mark = next((chr(code) for code in range(0xE000, 0xF900) if chr(code) not in html), None) if blocks else None
    found: list[str] = []
    if mark is None:
        return "", found  # (no <pre>; or a page holding every such character, rendered as html-text does)
    for element in blocks:
        lines = [line.rstrip() for line in element.text_content().replace("\r\n", "\n").split("\n")]
        content = "\n".join(lines).strip("\n")
        if "\n" not in content:
            continue  # one line: html-text renders it as it is
        marker = f"{mark}{len(found)}{mark}"
        found.append(content)
        for child in list(element):
            element.remove(child)
        element.text = marker
    return mark, found


#: A hidden element holding more than this share of the page's text is kept (see ``_drop_hidden``).
MOST_OF_THE_PAGE = 0.5
#: trafilatura's fast mode (no fallback extractors: a third of its time) as our vote. Off: with
#: the decoder it costs AEB HTML F1 0.9749 -> 0.9729 (2026-12-02); see ``_trafilatura_votes``.
FAST_VOTE = False
#: An inline style that hides its element (``display: none``, ``visibility: hidden``).
_HIDDEN_STYLE = regex.compile(r"(?i)(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b")


def _drop_hidden(tree: Any) -> None:
    """Remove the elements a browser never shows (the ``hidden`` attribute, an inline style
    hiding them, ``<template>``, and ``<noscript>`` where scripts run): search-engine metadata,
    a second copy of the article for microdata. The text after such an element (its tail) is
    shown, so it stays.

    An element holding most of the page's text stays: a page hidden until its scripts reveal
    it (an anti-flicker wrapper) is still the page.
    """
    hidden = [
        element
        for element in tree.xpath("//*[@hidden or @style] | //noscript | //template")
        if element.tag in ("noscript", "template")
        or element.get("hidden") is not None
        or _HIDDEN_STYLE.search(element.get("style", ""))
    ]
    if not hidden:  # most pages: the page's text need not be measured
        return
    scripts = sum(len(element.text_content()) for element in tree.xpath("//script | //style"))
    most = MOST_OF_THE_PAGE * (len(tree.text_content()) - scripts)
    for element in hidden:
        if element.getparent() is not None and len(element.text_content()) <= most:
            element.drop_tree()


def _trafilatura_votes(tree: Any, warnings: list[str]) -> ExtractorVotes | None:
    """trafilatura's lines, its readability fallback left out (``html_vote``; jusText's kept)."""
    try:
        # fast=True (no fallback extractors, readability and jusText) is a third of trafilatura's
        # time; as the old selection's vote it scored as well on AEB (0.9725 against 0.9719), as
        # the decoder's it loses 0.002 (FAST_VOTE); without readability alone it gains 0.0002.
        # favor_precision lost 0.017 F1, favor_recall 0.0015 (2026-12-03).
        extracted = extract_function()(
            tree, fast=FAST_VOTE, include_comments=False, include_tables=True, deduplicate=False
        )
    except Exception as exc:  # trafilatura raises many kinds on odd pages; its vote is optional
        warnings.append(f"trafilatura failed ({type(exc).__name__}: {exc}); text-mode decisions only")
        return None
    if not extracted:
        return None
    lines = [line for line in extracted.splitlines() if line.strip()]
    keys = [word_key(line) for line in lines]
    # In a script written without spaces a space parts phrases, not words: trafilatura flattens
    # some pages' blocks into one line joined by spaces ("在武汉新建一所学校 每年审查一次预算"),
    # and each such piece is a line it kept (a short one is too short to be looked up inside
    # the text). A piece of a spaced script is a word, which says nothing of a line.
    pieces = [word_key(piece) for line in lines for piece in line.split() if _UNSPACED_RE.search(piece)]
    # The text's key is its lines' keys joined: no word, and no lower-casing context (final
    # sigma), crosses a line break; a blank line's key is empty.
    return ExtractorVotes(frozenset(keys) | frozenset(pieces), "".join(keys))

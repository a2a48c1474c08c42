"""Parse a page with libxml2 under limits that keep content, refusing hostile pages before they cost.

libxml2's default limits drop content silently (nesting past 256 levels, a text node over
10 M characters, a huge attribute), so the parsers here lift them (``huge_tree``) and the parse
is checked against the page's visible text. Pages built to make the parse or the renderer
quadratic (tens of thousands of attributes on one element, of unwrapped iframes) are refused by
a linear scan first, with an ``HtmlLimitError`` naming the cap.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.etree
import lxml.html

from .errors import HtmlLimitError

#: At most this many elements per page (AEB's largest page has ~1,700; big real pages ~100k).
MAX_ELEMENTS = 250_000
#: At most this many attributes on one element (AEB's most: 64): libxml2 checks each new one
#: against all the element's others, so 40k attributes took 43 s to parse.
MAX_ATTRIBUTES = 1_000
#: At most this many elements that html-text's cleaner unwraps one by one (``drop_tag``: each
#: looks its index up among its siblings, so many siblings make it quadratic: 40k iframes, 22 s).
MAX_UNWRAPPED = 5_000
UNWRAPPED_TAGS = ("iframe", "embed", "layer", "object", "param")
#: The parse must keep at least this share of the page's visible characters (else it hit a
#: limit no option lifts, like libxml2's 2,048 levels of nesting), when the page shows at least
#: MIN_VISIBLE of them.
MIN_PARSED_SHARE = 0.5
MIN_VISIBLE = 200

_PARSER_OPTIONS: dict[str, Any] = {"huge_tree": True, "encoding": "utf-8"}


def _html_classes() -> lxml.etree.ElementNamespaceClassLookup:
    """lxml.html's element classes (``HtmlElementClassLookup``: a form, input, select, textarea
    or label element its own class, any other HtmlElement), looked up in C: lxml.html's lookup
    is a Python call for each element object made, 880k in one HTML-mode pass over AEB."""
    lookup = lxml.etree.ElementNamespaceClassLookup(
        lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    # (the HTML parser lower-cases tag names, which lxml.html's lookup does again)
    lookup.get_namespace(None).update(lxml.html.HtmlElementClassLookup._default_element_classes)
    return lookup


def _parser(**options: Any) -> lxml.html.HTMLParser:
    parser = lxml.html.HTMLParser(**options, **_PARSER_OPTIONS)
    parser.set_element_class_lookup(_html_classes())
    return parser


#: trafilatura's own parser options (``trafilatura.utils.HTML_PARSER``), limits lifted.
_EXTRACTOR_PARSER = _parser(collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True)
#: html-text's parser options (``html_text.parse_html``), limits lifted.
_RENDERER_PARSER = _parser(recover=True)

# The standard library's re here: twice as fast as ``regex`` on these plain patterns.
_START_TAG = re.compile(r"<[A-Za-z]")
#: A start tag's attribute part, quoted values skipped whole (they may hold ">").
_TAG_ATTRIBUTES = re.compile(r"""<[A-Za-z][^\s/>]*((?:[\s/]+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?)*)""")
_ATTRIBUTE = re.compile(r"""[\s/]+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?""")
#: Markup a parse keeps no text of: comments and tags. (Script text counts on both sides.)
_MARKUP = re.compile(r"(?s)<!--.*?(?:-->|\Z)|<[A-Za-z/!?][^>]*>")


def parse_page(html: str) -> tuple[Any, bool]:
    """The page's tree and whether trafilatura takes it (see ``html._parse``); HtmlLimitError
    for a page over a cap or one the parser could not read whole."""
    check_caps(html)
    tree = extractor_tree(html)
    extractable = tree is not None
    if tree is None:
        tree = renderer_tree(html)
    check_parsed(html, tree)
    return tree, extractable


def check_caps(html: str) -> None:
    """Refuse a page with more elements than MAX_ELEMENTS or an element with more attributes
    than MAX_ATTRIBUTES, by linear scans before libxml2 (whose parse is the slow part)."""
    if html.count("<") > MAX_ELEMENTS:
        elements = sum(1 for _ in _START_TAG.finditer(html))
        if elements > MAX_ELEMENTS:
            raise HtmlLimitError(f"the page has {elements:,} elements, over the cap of {MAX_ELEMENTS:,}")
    for match in _TAG_ATTRIBUTES.finditer(html):
        attributes = match.group(1)
        if len(attributes) > 2 * MAX_ATTRIBUTES:  # each attribute takes at least two characters
            count = sum(1 for _ in _ATTRIBUTE.finditer(attributes))
            if count > MAX_ATTRIBUTES:
                raise HtmlLimitError(
                    f"an element at character {match.start():,} has {count:,} attributes, "
                    f"over the cap of {MAX_ATTRIBUTES:,}"
                )


def check_tree(tree: Any) -> None:
    """Refuse a tree with more than MAX_UNWRAPPED elements html-text would unwrap one by one."""
    unwrapped = sum(1 for _ in tree.iter(*UNWRAPPED_TAGS))
    if unwrapped > MAX_UNWRAPPED:
        raise HtmlLimitError(
            f"the page has {unwrapped:,} {'/'.join(UNWRAPPED_TAGS)} elements, over the cap of {MAX_UNWRAPPED:,}"
        )


def check_parsed(html: str, tree: Any) -> None:
    """Refuse a parse that kept under MIN_PARSED_SHARE of the page's visible characters: the
    text outside tags and comments (scripts' included: the tree's text has them too; on AEB
    the tree keeps 99.8% or more of it)."""
    check_tree(tree)
    parsed = _visible_characters(tree.text_content())
    if parsed >= MIN_PARSED_SHARE * len(html):  # more than that share of every character
        return
    visible = _visible_characters(_MARKUP.sub(" ", html))
    if visible >= MIN_VISIBLE and parsed < MIN_PARSED_SHARE * visible:
        raise HtmlLimitError(
            f"the HTML parser kept {parsed:,} of the page's {visible:,} visible characters "
            "(libxml2 stops at 2,048 levels of nesting); the page is not cleaned"
        )


def _visible_characters(text: str) -> int:
    return len("".join(text.split()))


def extractor_tree(html: str) -> Any:
    """``trafilatura.utils.load_html`` on a string, step for step, with the limits lifted:
    its repairs, its parser's options, its retry on bytes and its rejection of a page that is
    not quite HTML (None)."""
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning)
    from_bytes = False
    try:
        tree = lxml.html.fromstring(html, parser=_EXTRACTOR_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        tree, from_bytes = _from_bytes(html), True
    except Exception:  # trafilatura's loader logs and goes on
        tree = None
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(html)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


def _from_bytes(html: str) -> Any:
    try:
        return lxml.html.fromstring(html.encode("utf8", "surrogatepass"), parser=_EXTRACTOR_PARSER)
    except Exception:  # as trafilatura's fromstring_bytes: no tree
        return None


def renderer_tree(html: str) -> Any:
    """``html_text.parse_html`` with the limits lifted."""
    body = html.strip().replace("\x00", "").encode("utf-8") or b"<html/>"
    root = lxml.etree.fromstring(body, parser=_RENDERER_PARSER)
    if root is None:
        root = lxml.etree.fromstring(b"<html/>", parser=_RENDERER_PARSER)
    return root

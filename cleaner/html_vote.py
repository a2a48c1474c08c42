"""trafilatura's extraction as HTML mode's vote, without its readability fallback or its recall retry.

trafilatura compares its own extraction with readability's and jusText's and may take one of
theirs (``trafilatura.external.compare_extraction``). As our vote, readability's answer is
not worth its cost: without it AEB HTML F1 0.9753 -> 0.9755, titles the same (178 right), and
it was a tenth of an HTML-mode pass (2026-12-03). trafilatura has no option for it alone
(``fast`` drops jusText too: F1 0.9729), so its own functions run here in copies of their
modules' namespaces in which readability finds nothing, as when it fails on a page. The
modules themselves are untouched: ``trafilatura.extract`` stays trafilatura's.

Its recall escalation (a short extraction covering little of the page is extracted again in
recall mode, with a jusText candidate beside it) is off too: it changed none of the 181 AEB
results (our selection recovers what it adds) and, with the page measure deciding it, cost a
tenth of a pass (2026-12-03).
"""

from __future__ import annotations

import types
from collections.abc import Callable
from functools import cache
from typing import Any

import regex


@cache
def extract_function() -> Callable[..., str | None]:
    """``trafilatura.extract`` with readability's answer empty and no recall escalation;
    ``trafilatura.extract`` itself when trafilatura is not built as this expects (another version)."""
    import trafilatura
    import trafilatura.core
    import trafilatura.external

    core, external = vars(trafilatura.core), vars(trafilatura.external)
    expected = (
        (core, "extract"),
        (core, "compare_extraction"),
        (external, "compare_extraction"),
        (external, "try_readability"),
    )
    if not all(callable(space.get(name)) for space, name in expected):
        return trafilatura.extract
    # The copy reads the stoplist through _shared_stoplist every time (its own JT_STOPLIST stays
    # None): a value copied at build time would freeze whatever the module held then.
    shared = (
        {"jt_stoplist_init": _shared_stoplist, "JT_STOPLIST": None}
        if callable(external.get("jt_stoplist_init"))
        else {}
    )
    compare = _rebound(trafilatura.external, {"try_readability": _no_readability, **shared})["compare_extraction"]
    # No extraction is shorter than 0 characters: the escalation never starts.
    no_escalation = {"ESCALATION_MAX_LENGTH": 0} if "ESCALATION_MAX_LENGTH" in core else {}
    namespace = _rebound(trafilatura.core, {"compare_extraction": compare, **no_escalation})
    for name in ("RAW_TREE_PRUNE_XPATH", "REMOVE_COMMENTS_AND_LISTS_XPATH"):
        if isinstance(core.get(name), list):
            namespace[name] = [prefiltered(xpath) or xpath for xpath in core[name]]
    original = core.get("_extract_and_compare")
    if isinstance(original, types.FunctionType) and original.__code__.co_names == _EXTRACT_AND_COMPARE_NAMES:
        namespace["_extract_and_compare"] = _extract_and_compare_in(namespace)
    return namespace["extract"]  # type: ignore[no-any-return]


#: The global names of trafilatura's ``_extract_and_compare`` in the version (2.3) that
#: ``_extract_and_compare_in`` follows; another version keeps its own.
_EXTRACT_AND_COMPARE_NAMES = ("extract_content", "fast", "compare_extraction", "copy")


def _extract_and_compare_in(namespace: dict[str, Any]) -> Callable[[Any, Any, Any, Any], tuple[Any, str]]:
    """trafilatura's ``_extract_and_compare`` (its own extraction, then the comparison) without
    its copy of the raw tree, which only readability reads (and prunes, favouring precision:
    copied then); the copy was 3% of an HTML-mode pass."""

    def _extract_and_compare(cleaned_tree: Any, cleaned_tree_backup: Any, tree: Any, options: Any) -> tuple[Any, str]:
        postbody, temp_text = namespace["extract_content"](cleaned_tree, options)
        if not options.fast:
            raw_tree = namespace["copy"](tree) if options.focus == "precision" else tree
            postbody, temp_text = namespace["compare_extraction"](
                cleaned_tree_backup, raw_tree, postbody, temp_text, options
            )
        return postbody, temp_text

    return _extract_and_compare


#: Regular expressions of trafilatura's raw-tree XPaths, each with literal strings one of which
#: every match contains.
REQUIRED_STRINGS = {
    "mvp-post-add-(?:box|wrap)|infinite-?scroll": ("mvp-post-add-", "infinite"),
    "^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)": ("omment", "comol", "disqus_thread"),
    "^[Cc]omment(?!ary)|(?:article|post)-comments": ("omment",),
}
#: An XPath's second predicate (after its tag test), when it tests the id or the class by a regex.
_ID_OR_CLASS_TEST = regex.compile(r"\]\[\s*re:test\(@id, '([^']*)'\)\s+or\s+re:test\(@class, '([^']*)'\)\s*\]")


def prefiltered(xpath: Any) -> Any:
    """``xpath`` (``.//*[tag test][re:test(@id, A) or re:test(@class, B)]...``) with a test of
    A's and B's required strings before the regular expressions: the same elements, without
    a Python regex call for each element (lxml's EXSLT regex), 0.09 CPU s of a pass over AEB.
    None for another form or expressions not in REQUIRED_STRINGS."""
    from lxml.etree import XPath

    path = xpath.path
    found = _ID_OR_CLASS_TEST.search(path)
    if not path.lstrip().startswith(".//*[") or not found or path.find("][") != found.start():
        return None
    id_strings, class_strings = REQUIRED_STRINGS.get(found.group(1)), REQUIRED_STRINGS.get(found.group(2))
    if id_strings is None or class_strings is None:
        return None
    tests = [f"contains(@id, '{s}')" for s in id_strings] + [f"contains(@class, '{s}')" for s in class_strings]
    at = found.start() + 1
    return XPath(f"{path[:at]}[{' or '.join(tests)}]{path[at:]}", namespaces={"re": _REGEXP_NS})


_REGEXP_NS = "http://exslt.org/regular-expressions"


def _shared_stoplist() -> Any:
    """jusText's stoplist of all languages as trafilatura keeps it: built once a process
    (0.06 s) for trafilatura and the vote alike."""
    import trafilatura.external

    return trafilatura.external.JT_STOPLIST or trafilatura.external.jt_stoplist_init()


def _no_readability(htmlinput: Any) -> Any:
    """What ``trafilatura.external.try_readability`` returns when readability fails."""
    from lxml.html import HtmlElement

    return HtmlElement()


def _rebound(module: types.ModuleType, overrides: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``module``'s namespace with ``overrides``, the module's own functions remade
    to look their global names up in the copy."""
    namespace = dict(vars(module)) | overrides
    for name, value in vars(module).items():
        if name not in overrides and isinstance(value, types.FunctionType) and value.__module__ == module.__name__:
            function = types.FunctionType(
                value.__code__, namespace, value.__name__, value.__defaults__, value.__closure__
            )
            function.__kwdefaults__ = value.__kwdefaults__
            function.__qualname__ = value.__qualname__
            function.__doc__ = value.__doc__
            namespace[name] = function
    return namespace


__all__ = ["extract_function"]

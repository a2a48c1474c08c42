"""What a page's markup says about it outside its visible text: ``<meta>`` tags (OpenGraph,
Dublin Core, ``article:*``, ``itemprop``), schema.org JSON-LD, ``<html lang>`` and the canonical
link. None of it is in ``Result.source``, so each field says where it came from ("html-meta",
"json-ld") and has no span; ``raw`` holds the attribute or JSON value as written.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .engine.dates import find_dates
from .engine.names import author_names
from .model import Field, Metadata

#: ``<meta>`` keys (``property``, ``name`` or ``itemprop``, lower-cased) of the publication date, best first.
DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
)
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")
URL_KEYS = ("og:url",)
#: schema.org types whose ``datePublished`` and ``author`` are the page's.
_ARTICLE_TYPES = ("article", "posting", "report", "webpage", "creativework", "review", "recipe")


def head_metadata(tree: Any) -> Metadata:
    """The metadata a parsed page (lxml) declares; empty fields where it declares none."""
    meta = _meta_values(tree)
    ld = list(_json_ld_articles(tree))
    date = _first_date(meta, ld)
    authors = _authors(meta, ld)
    language = _language(tree)
    url = _url(tree, meta)
    return Metadata(authors=authors, date=date, language=language, url=url)


def _meta_values(tree: Any) -> dict[str, str]:
    """The first ``content`` of each ``<meta>`` key, keys lower-cased."""
    values: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = (element.get("content") or "").strip()
        if key and content:
            values.setdefault(key.strip().lower(), content)
    return values


def _json_ld_articles(tree: Any) -> Iterator[dict[str, Any]]:
    """The schema.org objects of the page's JSON-LD scripts that describe an article or page."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in _objects(data):
            kinds = item.get("@type", "")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and any(t in k.lower() for t in _ARTICLE_TYPES) for k in kinds):
                yield item


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document: top level, lists and ``@graph``."""
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph", []))


def _first_date(meta: dict[str, str], ld: list[dict[str, Any]]) -> Field | None:
    for item in ld:
        raw = item.get("datePublished")
        if isinstance(raw, str) and (found := find_dates(raw)):
            return Field(found[0].value, "json-ld", raw=raw)
    for key in DATE_KEYS:
        raw = meta.get(key)
        if raw and (found := find_dates(raw)):
            return Field(found[0].value, "html-meta", raw=raw)
    return None


def _authors(meta: dict[str, str], ld: list[dict[str, Any]]) -> tuple[Field, ...]:
    for item in ld:
        names = [n for n in _ld_names(item.get("author")) if n]
        if names:
            return tuple(Field(" ".join(n.split()), "json-ld", raw=n) for n in names)
    for key in AUTHOR_KEYS:
        raw = meta.get(key)
        if raw and not raw.startswith(("http://", "https://", "/")):
            names = [raw[s:e] for s, e in author_names(raw)]
            if names:
                return tuple(Field(" ".join(n.split()), "html-meta", raw=raw) for n in names)
    return ()


def _ld_names(author: Any) -> Iterator[str]:
    """The names in a JSON-LD ``author``: a string, a Person/Organization object, or a list of them."""
    if isinstance(author, str):
        yield author.strip()
    elif isinstance(author, dict) and isinstance(author.get("name"), str):
        yield author["name"].strip()
    elif isinstance(author, list):
        for item in author:
            yield from _ld_names(item)


def _language(tree: Any) -> Field | None:
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    raw = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
    if not raw:
        return None
    return Field(raw.replace("_", "-").split("-")[0].lower(), "html-meta", raw=raw)


def _url(tree: Any, meta: dict[str, str]) -> Field | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (href := (link.get("href") or "").strip()):
            return Field(href, "html-meta", raw=href)
    for key in URL_KEYS:
        if raw := meta.get(key):
            return Field(raw, "html-meta", raw=raw)
    return None


__all__ = ["head_metadata"]

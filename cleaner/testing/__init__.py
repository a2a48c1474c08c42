"""Property testing for cleaner and for rule packs (needs the ``testing`` extra: hypothesis).

``import cleaner`` never imports this package; ``import cleaner.testing`` does, and says how to
install hypothesis when it is missing.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "cleaner.testing needs hypothesis: pip install 'cleaner[testing]' (or pip install hypothesis)"
    ) from exc

from .article import Article, Line, Section
from .checks import CheckReport, Failure, assert_contract, check_rule, contract_violations
from .strategies import articles, boilerplate, headlines, paragraphs, sentences, structured_articles, threads

__all__ = [
    "Article",
    "CheckReport",
    "Failure",
    "Line",
    "Section",
    "articles",
    "assert_contract",
    "boilerplate",
    "check_rule",
    "contract_violations",
    "headlines",
    "paragraphs",
    "sentences",
    "structured_articles",
    "threads",
]

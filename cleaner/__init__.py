"""cleaner: strip boilerplate from scraped article text, with provenance offsets for every character."""

from .config import Config
from .errors import CleanerError, HtmlLimitError, InputError, RuleError
from .model import LABELS, Field, Metadata, Piece, Removal, Result
from .pipeline import Cleaner, clean, clean_html
from .version import __version__

__all__ = [
    "LABELS",
    "Cleaner",
    "CleanerError",
    "Config",
    "Field",
    "HtmlLimitError",
    "InputError",
    "Metadata",
    "Piece",
    "Removal",
    "Result",
    "RuleError",
    "__version__",
    "clean",
    "clean_html",
]

"""Names a user types (rule ids to disable, a language): checked, with a suggestion when one is wrong.

A misspelt ``--disable promo.more_links`` or ``--language Deutsch`` must not be ignored in
silence: the run would clean with the rule still on, or with no stopwords at all.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Collection, Iterable

from .errors import CleanerError

#: English names (as babel gives them) that jusText spells otherwise.
_JUSTEXT_ALIASES = {
    "low german": "Low_Saxon",
    "western frisian": "West_Frisian",
    "punjabi": "Western_Panjabi",
    "haitian creole": "Haitian",
    "newari": "Newar",
    "waray": "Waray_Waray",
    "norwegian": "Norwegian_Bokmal",
}


def suggestion(value: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice, or ``""`` when none is close."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def check_disable(disable: Collection[str], rule_ids: Collection[str], heuristic_ids: Collection[str]) -> None:
    """Raise a CleanerError for an id in ``disable`` that is no rule or heuristic, with the closest id."""
    known = set(rule_ids) | set(heuristic_ids)
    for rule_id in sorted(set(disable) - known):
        if rule_id.startswith("heuristic."):
            raise CleanerError(
                f"Config.disable: {rule_id!r} is not a heuristic that can be switched off{suggestion(rule_id, known)} "
                f"(those are {', '.join(sorted(heuristic_ids))}; --keep LABEL keeps a label whatever decided it)"
            )
        raise CleanerError(
            f"Config.disable: unknown rule id {rule_id!r}{suggestion(rule_id, known)} (`cleaner rules` lists them)"
        )


def _plain(name: str) -> str:
    """``norwegian bokmal`` for ``Norwegian_Bokmål``: lower case, no accents, spaces for ``_`` and ``-``."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_name = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(ascii_name.replace("_", " ").replace("-", " ").lower().split())


def resolve_language(value: str, names: Collection[str]) -> str:
    """The jusText name (one of ``names``) for ``value``: a jusText name in any case, an English
    language name, or an ISO 639 code (``de``, ``deu``, ``pt-BR``); a CleanerError otherwise."""
    by_plain = {_plain(name): name for name in names}
    plain = _plain(value)
    if plain in by_plain:
        return by_plain[plain]
    english = _english_name(value)
    if english is not None:
        plain_english = _plain(english)
        found = by_plain.get(plain_english) or _JUSTEXT_ALIASES.get(plain_english)
        if found is not None and found in names:
            return found
        raise CleanerError(
            f"Config.language: {value!r} is {english}, which has no stopword list "
            f"(or script rule; cleaner knows {len(names)}: cleaner.engine.language.languages())"
        )
    raise CleanerError(
        f"Config.language: unknown language {value!r}{suggestion(value, names)} "
        "(a jusText name such as 'German' or an ISO 639 code such as 'de')"
    )


def _english_name(code: str) -> str | None:
    """The English name of an ISO 639 code (babel's CLDR data, which trafilatura already brings), or None."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    return locale.get_language_name("en")

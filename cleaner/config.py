"""Config: every setting of a Cleaner, frozen, each with its default and the reason for it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import CleanerError
from .model import LABELS
from .names import resolve_language


@dataclass(frozen=True)
class Config:
    """Settings that cross only the ``Cleaner`` constructor; never threaded through calls."""

    #: Extra rule packs (TOML files) loaded after the built-in ones.
    packs: tuple[Path, ...] = ()
    #: Rule or heuristic ids to switch off, e.g. ``"promo.more_link"`` (an unknown id is an error,
    #: raised by the Cleaner, which knows the rules of its packs).
    disable: frozenset[str] = frozenset()
    #: Labels put back into the body, e.g. ``{"dek", "byline"}``.
    keep: frozenset[str] = frozenset()
    #: Load the packs shipped in the package (switch off to run only your own).
    builtin_packs: bool = True
    #: Stopword language as a jusText name (``"English"``), an English name or an ISO 639 code
    #: (``"de"``: stored as ``"German"``); ``None`` detects it per document. Unknown: CleanerError.
    language: str | None = None
    #: Seconds one regex may run on one block before it is abandoned with a warning (every
    #: search, whatever the block's length; finite, above 0, at most 60).
    regex_timeout: float = 0.25
    #: HTML mode: ask trafilatura which lines it keeps and weigh its choice with ours.
    use_trafilatura: bool = True
    #: Also run the rules on blocks far from the article, which selection removes anyway, so their
    #: removals carry the rule's label rather than their page region's (``engine/regions.py``). What is kept is the
    #: same either way; it is only slower. ``cleaner explain`` turns it on.
    exhaustive: bool = False

    def __post_init__(self) -> None:
        self._check_types()
        object.__setattr__(self, "packs", tuple(Path(p) for p in self.packs))
        object.__setattr__(self, "disable", frozenset(self.disable))
        object.__setattr__(self, "keep", frozenset(self.keep))
        unknown = sorted(set(self.keep) - set(LABELS))
        if unknown:
            raise CleanerError(f"Config.keep: unknown label(s) {unknown}; known: {', '.join(LABELS)}")
        from .engine.rules.limits import check_timeout

        object.__setattr__(self, "regex_timeout", check_timeout(self.regex_timeout, "Config.regex_timeout"))
        if self.language is not None:
            from .engine.language import languages

            object.__setattr__(self, "language", resolve_language(self.language, languages()))

    def _check_types(self) -> None:
        """Name the setting and the expected type when a value has the wrong one (e.g. from TOML)."""
        collections = {"packs": (str, Path), "disable": (str,), "keep": (str,)}
        for name, item_types in collections.items():
            value = getattr(self, name)
            if isinstance(value, str | bytes) or not all(isinstance(v, item_types) for v in value):
                raise CleanerError(f"Config.{name} must be a list of strings, not {value!r}")
        for name, kinds in (("builtin_packs", bool), ("use_trafilatura", bool), ("exhaustive", bool)):
            if not isinstance(getattr(self, name), kinds):
                raise CleanerError(f"Config.{name} must be true or false, not {getattr(self, name)!r}")
        if self.language is not None and not isinstance(self.language, str):
            raise CleanerError(f"Config.language must be a language name such as 'English', not {self.language!r}")

    @classmethod
    def from_toml(cls, path: str | Path) -> Config:
        """Read a config file: the same keys as the fields (``packs``, ``disable``, ``keep``, ...)."""
        import tomllib  # here, not at import: most processes never read a config file

        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise CleanerError(f"{path}: cannot read config: {exc}") from exc
        return cls.from_mapping(data, base=path.parent, origin=str(path))

    @classmethod
    def from_mapping(cls, data: dict[str, Any], base: Path | None = None, origin: str = "config") -> Config:
        """Build a Config from plain data; relative pack paths resolve against ``base``."""
        known = {f.name for f in fields(cls)}
        extra = sorted(set(data) - known)
        if extra:
            raise CleanerError(f"{origin}: unknown setting(s) {extra}; known: {', '.join(sorted(known))}")
        values = dict(data)
        if "packs" in values:
            values["packs"] = tuple((base / p) if base else Path(p) for p in values["packs"])
        return cls(**values)

    def merged(self, **changes: Any) -> Config:
        """A copy with some settings changed (collections are unioned, e.g. command-line additions)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, value in changes.items():
            current = values[key]
            if isinstance(current, tuple):
                values[key] = current + tuple(value)
            elif isinstance(current, frozenset):
                values[key] = current | frozenset(value)
            else:
                values[key] = value
        return Config(**values)

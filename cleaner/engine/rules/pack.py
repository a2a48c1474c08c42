"""Rule and load_pack(): read a TOML pack, compile and validate every rule, name the fix on error."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from ...errors import CleanerError, RuleError
from ...model import LABELS
from ..cache import cached, file_fingerprint
from ..language import SCRIPT_LANGUAGES, stoplists_fingerprint
from .limits import check_timeout, matches_everything, size_problem
from .literals import Literals, required_literals
from .regex_code import Code, from_code, pattern_code, regex_build

BUILTIN_PACK_DIR = Path(__file__).parent / "packs"
#: One pack per language (``german.toml``, ...): every rule in them runs on pages of that language.
LANGUAGE_PACK_DIR = BUILTIN_PACK_DIR / "languages"

#: Where a rule acts: on any block, or only as evidence that a block outside the article is junk.
WHERE_VALUES = ("anywhere", "outside")
#: What a claimed line means for the page's structure (selection reads it, see ``decide``):
#: ``furniture`` stands inside articles (a caption, a share bar, an ad marker: the article goes on
#: past it); a ``list_heading`` heads a list of other stories; a ``comment_heading`` opens the
#: comment section after the article, a ``weak_comment_heading`` ("Discussion") only when comment
#: lines follow it; a ``toc_heading`` opens a table of contents; an ``interstitial`` (a newsletter
#: prompt) is furniture when it stands alone between sections, and a box of the page when its rule
#: claims another line close by (a sign-up form's heading, pitch and privacy note). Captions,
#: credits and embeds are furniture unless a rule says otherwise.
ROLES = ("", "furniture", "list_heading", "comment_heading", "weak_comment_heading", "toc_heading", "interstitial")
FURNITURE_LABELS = frozenset({"caption", "credit", "embed", "byline", "dateline"})
_FIELDS = {"label", "why", "pattern", "remove", "keep", "max_words", "languages", "where", "role"}
#: Words as rules count them for ``max_words``.
WORD_RE = regex.compile(r"\w+")
#: Table names become the second half of a rule id, so they are plain identifiers.
_TABLE_NAME_RE = regex.compile(r"^[A-Za-z0-9_-]+$")

#: Required literals per (pattern, flags), for the life of the process.
_LITERALS: dict[tuple[str, int], Literals | None] = {}


@dataclass(frozen=True)
class Rule:
    """One regex rule: a block whose stripped text matches ``pattern`` is removed as ``label``."""

    id: str
    label: str
    why: str
    pattern: str
    remove: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    #: The rule applies only to blocks of at most this many words (``None``: any length).
    max_words: int | None = None
    #: jusText language names the rule is written for (``()``: every language).
    languages: tuple[str, ...] = ()
    where: str = "anywhere"
    #: What the claimed line means for the page's structure (``ROLES``).
    role: str = ""
    source: str = "<memory>"
    compiled: Any = field(default=None, compare=False, repr=False)
    #: Strings one of which every match contains (``literals.required_literals``), or None:
    #: a block without any of them is not searched.
    literals: Literals | None = field(init=False, default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.role and self.label in FURNITURE_LABELS:
            object.__setattr__(self, "role", "furniture")
        if self.compiled is not None:
            key = (self.compiled.pattern, self.compiled.flags)
            if key not in _LITERALS:
                _LITERALS[key] = required_literals(self.compiled)
            object.__setattr__(self, "literals", _LITERALS[key])

    def applies_to(self, text: str, language: str | None = None) -> bool:
        """Whether the rule's length and language limits admit this block."""
        if self.languages and language is not None and language not in self.languages:
            return False
        return self.max_words is None or len(WORD_RE.findall(text, concurrent=False)) <= self.max_words

    def search(self, text: str, timeout: float) -> Any:
        """The first match in ``text`` or ``None``; raises ``TimeoutError`` past ``timeout`` seconds
        (every search has the limit, whatever the block's length)."""
        return self.compiled.search(text, timeout=timeout)

    def matches(self, text: str, language: str | None = None, timeout: float = 1.0) -> bool:
        """Whether this rule would remove a block with this text (limits included)."""
        return self.applies_to(text, language) and self.search(text, timeout) is not None


def _fail(path: Path | str, rule: str, problem: str, fix: str) -> RuleError:
    return RuleError(f"{path}: rule [{rule}]: {problem}. Fix: {fix}")


def _string_list(path: Path | str, name: str, table: dict[str, Any], key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, name, f"'{key}' must be a list of strings", f'write {key} = ["..."]')
    return tuple(value)


def rule_from_table(name: str, table: dict[str, Any], pack: str, path: Path | str, timeout: float = 1.0) -> Rule:
    """Validate one TOML table and return its compiled Rule (examples checked too)."""
    return _rule_and_code(name, table, pack, path, timeout)[0]


def _rule_and_code(
    name: str, table: dict[str, Any], pack: str, path: Path | str, timeout: float
) -> tuple[Rule, Code | None]:
    """``rule_from_table``, and the compiled pattern as data for the pack cache (``regex_code``)."""
    if not isinstance(table, dict):
        raise _fail(path, name, "is not a table", f"write it as [{name}] with label, why and pattern")
    if not _TABLE_NAME_RE.match(name):
        raise _fail(path, name, "the table name is not a plain identifier", "use letters, digits, '_' and '-' only")
    unknown = sorted(set(table) - _FIELDS)
    if unknown:
        raise _fail(path, name, f"unknown key(s) {unknown}", f"use only {sorted(_FIELDS)}")
    label = table.get("label")
    if label not in LABELS or label == "body":
        raise _fail(path, name, f"label {label!r} is not a removal label", f"use one of {', '.join(LABELS[1:])}")
    why = table.get("why")
    if not isinstance(why, str) or not why.strip():
        raise _fail(path, name, "'why' is missing or empty", "say in one sentence what the rule removes and why")
    pattern = table.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise _fail(path, name, "'pattern' is missing or empty", "give a regex (TOML literal string '...')")
    too_large = size_problem(pattern)
    if too_large is not None:
        fix = "use smaller counts or open ones (+, *), or split the rule in two"
        raise _fail(path, name, f"pattern too large to compile safely: {too_large}", fix)
    try:
        compiled = regex.compile(pattern)
    except regex.error as exc:
        raise _fail(path, name, f"pattern does not compile ({exc})", "correct the regex syntax") from exc
    max_words = table.get("max_words")
    if max_words is not None and (isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1):
        raise _fail(path, name, "'max_words' must be a positive integer", "e.g. max_words = 12")
    where = table.get("where", "anywhere")
    if where not in WHERE_VALUES:
        raise _fail(path, name, f"'where' is {where!r}", f"use one of {WHERE_VALUES}")
    role = table.get("role", "")
    if role not in ROLES:
        raise _fail(path, name, f"'role' is {role!r}", f"use one of {[r for r in ROLES if r]}, or leave it out")
    rule = Rule(
        id=f"{pack}.{name}",
        label=label,
        why=why.strip(),
        pattern=pattern,
        remove=_string_list(path, name, table, "remove"),
        keep=_string_list(path, name, table, "keep"),
        max_words=max_words,
        languages=_string_list(path, name, table, "languages"),
        where=where,
        role=role,
        source=str(path),
        compiled=compiled,
    )
    if not rule.remove:
        raise _fail(path, name, "has no 'remove' examples", "add at least one line the rule must remove")
    everything = matches_everything(lambda text: rule.matches(text, None, timeout))
    if everything is not None:
        what = "the empty string" if not everything else f"the neutral sentence {everything!r}"
        raise _fail(
            path,
            name,
            f"pattern matches {what}, so it would remove nearly every line",
            "require the words the boilerplate has (no pattern that can match nothing, such as (?:) or a*)",
        )
    _check_example_lines(rule, path, name)
    _check_languages(rule, path, name)
    check_examples(rule, path, timeout, name)
    return rule, pattern_code(compiled)


def _check_example_lines(rule: Rule, path: Path | str, name: str) -> None:
    """Examples stand for blocks, and a block is one non-blank line."""
    for key, examples in (("remove", rule.remove), ("keep", rule.keep)):
        for example in examples:
            if not example.strip():
                raise _fail(path, name, f"a '{key}' example is blank", "remove it or give the line's text")
            if len(example.splitlines()) > 1:
                raise _fail(path, name, f"{key} example {example!r} spans several lines", "give one example per line")


def _check_languages(rule: Rule, path: Path | str, name: str) -> None:
    """A misspelt language name would silently switch the rule off, so it is an error."""
    if not rule.languages:
        return
    known = _stoplist_names()
    unknown = [lang for lang in rule.languages if lang not in known]
    if unknown:
        hints = sorted({m for lang in unknown for m in difflib.get_close_matches(lang, known, n=2)})
        suggestion = f"did you mean {', '.join(hints)}?" if hints else "use jusText names such as 'English', 'German'"
        raise _fail(path, name, f"unknown language(s) {unknown}", suggestion)


@lru_cache(maxsize=1)
def _stoplist_names() -> frozenset[str]:
    """jusText's language names (read from its package folder once: a language pack names one per
    rule) and the languages told by their script."""
    import justext

    return frozenset(justext.get_stoplists()) | frozenset(SCRIPT_LANGUAGES)


def check_examples(rule: Rule, path: Path | str, timeout: float = 1.0, name: str | None = None) -> None:
    """Every ``remove`` example must match and every ``keep`` example must not."""
    name = name or rule.id.rsplit(".", 1)[-1]
    language = rule.languages[0] if rule.languages else None
    for example in rule.remove:
        try:
            hit = rule.matches(example, language, timeout)
        except TimeoutError as exc:
            raise _fail(
                path, name, f"pattern timed out on remove example {example!r}", "avoid nested quantifiers"
            ) from exc
        if not hit:
            raise _fail(
                path, name, f"remove example {example!r} is not removed", "widen the pattern or fix the example"
            )
    for example in rule.keep:
        try:
            hit = rule.matches(example, language, timeout)
        except TimeoutError as exc:
            raise _fail(
                path, name, f"pattern timed out on keep example {example!r}", "avoid nested quantifiers"
            ) from exc
        if hit:
            raise _fail(
                path, name, f"keep example {example!r} would be removed", "narrow the pattern (anchor it, add context)"
            )


def load_pack(path: str | Path, timeout: float = 1.0) -> tuple[Rule, ...]:
    """Load and validate one TOML pack; its rules are named ``<file stem>.<table>``.

    A pack validated before (same bytes, same ``timeout``, same code and ``regex`` build) is read
    from the on-disk cache (:mod:`cleaner.engine.cache`) with its compiled patterns and required
    literals, instead of being parsed, compiled and checked again.
    """
    path = Path(path)
    try:
        timeout = check_timeout(timeout, f"{path}: the regex time limit")
    except CleanerError as exc:
        raise RuleError(str(exc)) from exc
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise RuleError(f"{path}: rule pack not found. Fix: check the path") from exc
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule pack ({exc}). Fix: make it a readable UTF-8 file") from exc
    key = (hashlib.sha256(raw).hexdigest(), path.stem, timeout, regex_build(), _validation_code())
    records = cached("pack", key, lambda: _validated_records(raw, path, timeout))
    return tuple(_restored(record, path.stem, path) for record in records)


def _validated_records(raw: bytes, path: Path, timeout: float) -> tuple[_Record, ...]:
    """Parse and validate a pack's bytes (a ``RuleError`` names what is wrong); its rules as records."""
    import tomllib  # here: a pack read from the cache is never parsed

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise RuleError(f"{path}: cannot read rule pack ({exc}). Fix: make it a readable UTF-8 file") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{path}: not valid TOML ({exc}). Fix: correct the TOML syntax") from exc
    if not data:
        raise RuleError(f"{path}: the pack has no rules. Fix: add a table such as [house_ad] with label, why, pattern")
    records = []
    for name, table in data.items():
        rule, code = _rule_and_code(name, table, path.stem, path, timeout)
        literals = None if rule.literals is None else tuple(rule.literals)
        fields = (rule.label, rule.why, rule.pattern, rule.remove, rule.keep, rule.max_words, rule.languages)
        records.append((name, *fields, rule.where, rule.role, literals, code))
    return tuple(records)


#: A validated rule as plain data: its fields, required literals and pattern code.
_Record = tuple[Any, ...]


def _restored(record: _Record, pack: str, path: Path) -> Rule:
    """The Rule a record describes, without validating or analysing it again."""
    name, label, why, pattern, remove, keep, max_words, languages, where, role, literals, code = record
    rule = Rule(
        id=f"{pack}.{name}",
        label=label,
        why=why,
        pattern=pattern,
        remove=remove,
        keep=keep,
        max_words=max_words,
        languages=languages,
        where=where,
        role=role,
        source=str(path),
    )
    compiled = (from_code(code) if code is not None else None) or regex.compile(pattern)
    object.__setattr__(rule, "compiled", compiled)
    object.__setattr__(rule, "literals", None if literals is None else Literals(*literals))
    return rule


def _validation_code() -> tuple[Any, ...]:
    """What else decides a pack's records: the code that validates and analyses rules (an edited
    module is a new key), and the stopword languages a rule may name."""
    from ...model import __file__ as model_file
    from . import limits, literals, regex_code

    code = file_fingerprint(__file__, limits.__file__, literals.__file__, regex_code.__file__, model_file)
    return (code, stoplists_fingerprint())


def _is_builtin(path: str) -> bool:
    return Path(path).parent.resolve() in (BUILTIN_PACK_DIR.resolve(), LANGUAGE_PACK_DIR.resolve())


def builtin_pack_paths() -> tuple[Path, ...]:
    """The packs shipped with cleaner, in a fixed order: the language packs, then the label packs
    (each by file name). A rule written for the page's language is the more specific one, so it
    claims a line before a rule of the form every language shares ("© NAME" is a photo credit in
    a German caption, not a copyright line)."""
    return (*sorted(LANGUAGE_PACK_DIR.glob("*.toml")), *sorted(BUILTIN_PACK_DIR.glob("*.toml")))


def load_packs(paths: Iterable[str | Path], timeout: float = 1.0) -> tuple[Rule, ...]:
    """Load several packs; rule ids must be unique across all of them."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in paths:
        for rule in load_pack(path, timeout):
            if rule.id in seen:
                where = "the built-in pack " if _is_builtin(seen[rule.id]) else ""
                raise RuleError(
                    f"{path}: rule [{rule.id.rsplit('.', 1)[-1]}]: id {rule.id!r} is already defined in "
                    f"{where}{seen[rule.id]}. Fix: rename the table or the pack file (ids are <file stem>.<table>)"
                )
            seen[rule.id] = str(path)
            rules.append(rule)
    return tuple(rules)

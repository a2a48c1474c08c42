"""check_rule: the property suite a rule must pass before it is trusted on real articles.

For each rule: its examples behave; it stays inside the regex time limit on pathological
lines; on generated articles it never touches gold ``body`` lines, it removes its own
``remove`` examples wherever it claims to act, and cleaning with it keeps the contract and
is idempotent. Hypothesis shrinks any failure to a minimal article, which the report prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import regex
from hypothesis import HealthCheck, Verbosity, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from ..config import Config
from ..engine.features import measure
from ..engine.rules import Rule, RuleSet, builtin_pack_paths, load_pack, load_packs
from ..engine.rules.engine import timed_out_rule
from ..engine.rules.pack import check_examples
from ..engine.segment import segment
from ..errors import RuleError
from ..model import Result
from ..pipeline import Cleaner
from .article import Article, Line
from .contract import contract_violations
from .report import CheckReport, Failure
from .strategies import LANGUAGES, Where, articles

#: Length of the pathological lines a pattern must handle within its time limit.
STRESS_LENGTH = 5_000
_STRESS_CHARS = "aA0 .-_,:/"
_STRESS_TAILS = ("!", "\u2603")
#: At most this many characters get a run of their own (``stress_lines``).
_STRESS_RUNS = 60
_ESCAPE_RE = regex.compile(r"\\.")
_BACKTRACKING_FIX = (
    "avoid nested or overlapping quantifiers such as (a+)+, (\\w+\\s?)+ or (a|aa)+; "
    "use atomic groups (?>...) or possessive quantifiers (a++)"
)


class _Violation(AssertionError):
    """Raised inside the hypothesis property; carries the failure for the report."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure


def check_rule(
    rule_or_pack: Rule | Sequence[Rule] | str | Path,
    *,
    max_examples: int = 100,
    seed: int | None = 0,
    timeout: float = 0.25,
    builtins: bool = True,
) -> CheckReport:
    """Run the property suite on a rule, a list of rules, or a pack file; never raises on failures.

    ``max_examples`` bounds the generated articles per rule; ``seed`` makes the run repeatable
    (``None``: random); ``timeout`` is the regex time limit (``Config.regex_timeout``);
    ``builtins`` cleans with the built-in rules alongside, as a real run would.
    """
    try:
        rules = _resolve(rule_or_pack)
        full = _cleaner(rules, timeout, builtins)
    except RuleError as exc:
        return CheckReport((), (Failure(str(rule_or_pack), "invalid", str(exc)),), max_examples=max_examples)
    failures: list[Failure] = []
    notes: list[str] = []
    for rule in rules:
        found = _static_failures(rule, timeout)
        if not found:
            found = _property_failures(rule, full, notes, max_examples, seed, timeout)
        failures.extend(found)
    return CheckReport(tuple(r.id for r in rules), tuple(failures), max_examples, tuple(notes))


def _resolve(rule_or_pack: Rule | Sequence[Rule] | str | Path) -> tuple[Rule, ...]:
    if isinstance(rule_or_pack, Rule):
        return (rule_or_pack,)
    if isinstance(rule_or_pack, str | Path):
        return load_pack(rule_or_pack)
    return tuple(rule_or_pack)


def _cleaner(rules: Sequence[Rule], timeout: float, builtins: bool) -> Cleaner:
    """The cleaner a user would run: the built-in rules (unless ``builtins=False``) and these."""
    ids = {rule.id for rule in rules}
    builtin_rules = load_packs(builtin_pack_paths()) if builtins else ()
    for rule in rules:
        clash = next((b for b in builtin_rules if b.id == rule.id and not _same_file(b.source, rule.source)), None)
        if clash is not None:
            raise RuleError(
                f"{rule.source}: rule [{rule.id.rsplit('.', 1)[-1]}]: id {rule.id!r} is already defined in the "
                f"built-in pack {clash.source}. Fix: rename the table or the pack file"
            )
    replaced = ids & {rule.id for rule in builtin_rules}  # a built-in pack tested in place replaces itself
    config = Config(builtin_packs=builtins, disable=frozenset(replaced), regex_timeout=timeout)
    full = Cleaner(config)
    full.engine.rules = RuleSet([*full.rules.rules, *rules], timeout)
    return full


def _same_file(a: str, b: str) -> bool:
    """Whether two rule sources name one file (a built-in pack tested in place, by any path)."""
    return a == b or Path(a).resolve() == Path(b).resolve()


def _alone(rule: Rule, timeout: float) -> Cleaner:
    """A cleaner with this one rule and no built-in rules, to see exactly what the rule does."""
    cleaner = Cleaner(Config(builtin_packs=False, regex_timeout=timeout))
    cleaner.engine.rules = RuleSet([rule], timeout)
    return cleaner


def _static_failures(rule: Rule, timeout: float) -> list[Failure]:
    """Examples and pathological lines: no articles needed."""
    try:
        check_examples(rule, rule.source, timeout)
    except RuleError as exc:
        return [Failure(rule.id, "example", str(exc))]
    for line in stress_lines(rule):
        try:
            rule.matches(line, None, timeout)
        except TimeoutError:
            preview = line[:12] + "…" + line[-3:]
            return [
                Failure(
                    rule.id,
                    "timeout",
                    f"the pattern {rule.pattern!r} hit the {timeout:g}s regex time limit on a line of {len(line)} "
                    f"characters ({preview!r}): catastrophic backtracking. When cleaning, the rule makes no "
                    f"decision on such a line and warns. Fix: {_BACKTRACKING_FIX}",
                )
            ]
    return []


def stress_lines(rule: Rule, length: int = STRESS_LENGTH) -> list[str]:
    """Long lines that make backtracking patterns explode: runs of one character (generic ones,
    then the letters and digits the pattern itself spells, then its examples'), repeated examples.

    The pattern's own characters catch a branch no example exercises: ``^Sponsored$|^(?:k|kk)+Q$``
    has only "Sponsored" as an example, and a run of ``k`` is what makes it explode.
    """
    chars = list(dict.fromkeys(_STRESS_CHARS + _pattern_chars(rule.pattern) + "".join(rule.remove + rule.keep)))
    lines = [char * length + tail for char in chars[:_STRESS_RUNS] for tail in _STRESS_TAILS]
    for example in rule.remove + rule.keep:
        if example.strip():
            lines.append((example.strip() + " ") * (length // (len(example) + 1)) + _STRESS_TAILS[1])
            lines.append(example.strip() + example.strip()[-1] * length + _STRESS_TAILS[0])
    return lines


def _pattern_chars(pattern: str) -> str:
    """The letters and digits ``pattern`` writes as literals (an escape such as ``\\w`` is not one)."""
    return "".join(ch for ch in _ESCAPE_RE.sub("", pattern) if ch.isalnum())


def _property_failures(
    rule: Rule,
    full: Cleaner,
    notes: list[str],
    max_examples: int,
    seed: int | None,
    timeout: float,
) -> list[Failure]:
    """Run the article properties under hypothesis; the shrunk counterexample becomes the failure."""
    alone = _alone(rule, timeout)
    languages = tuple(lang for lang in rule.languages if lang in LANGUAGES) or LANGUAGES
    strategy = articles(languages=languages, inject=_examples_as_lines(rule), inject_where=_where(rule))

    def prop(article: Article) -> None:
        failure = inspect_article(rule, article, alone, full, notes)
        if failure is not None:
            raise _Violation(failure)

    test = settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
        verbosity=Verbosity.quiet,
    )(given(strategy)(prop))
    if seed is not None:
        test = hypothesis_seed(seed)(test)
    try:
        test()
    except _Violation as violation:
        return [violation.failure]
    except Exception as exc:  # the engine raised, or hypothesis could not run: report, do not crash
        return [Failure(rule.id, "error", f"{type(exc).__name__}: {exc}")]
    return []


def _where(rule: Rule) -> Where:
    return "outside" if rule.where == "outside" else "anywhere"


def _examples_as_lines(rule: Rule) -> st.SearchStrategy[Line]:
    """The rule's remove examples as boilerplate of its label, its keep examples as body lines."""
    removes = st.sampled_from([e.strip() for e in rule.remove]).map(lambda text: Line(text, rule.label))
    if not rule.keep:
        return removes
    keeps = st.sampled_from([e.strip() for e in rule.keep]).map(lambda text: Line(text, "body"))
    return st.one_of(removes, keeps)


def inspect_article(rule: Rule, article: Article, alone: Cleaner, full: Cleaner, notes: list[str]) -> Failure | None:
    """The first property of ``rule`` that ``article`` breaks, or None."""
    language = measure(segment(article.text)).language
    result = alone.clean(article.text)
    bodies = [i for i, span in enumerate(article.spans) if span.label == "body"]
    hit = [i for i in bodies if _touches(rule, article, i, language, result)]
    if hit:
        first = article.spans[hit[0]]
        return Failure(
            rule.id,
            "body",
            f"removes article body: it matches {len(hit)} gold body line(s) of a generated {article.language} "
            f"article, e.g. {first.text[:70]!r}. Fix: narrow the pattern (anchor it, name the exact words, "
            "or set max_words)",
            article,
            result,
            tuple(hit),
        )
    # An "outside" rule is only evidence: whether its line ends up outside the article depends on
    # the other rules claiming the lines around it, so it is judged with all rules only.
    missed = None if rule.where == "outside" else _missed(rule, article, language, result, "")
    if missed is not None:
        return missed
    return _full_failure(rule, article, language, full, notes)


def _missed(rule: Rule, article: Article, language: str | None, result: Result, context: str) -> Failure | None:
    """A failure if one of the rule's injected remove examples survived although the rule applies."""
    left = [i for i in _own_examples(rule, article) if _left(rule, article, i, language, result)]
    if not left:
        return None
    place = "outside the story" if rule.where == "outside" else "in the article"
    return Failure(
        rule.id,
        "missed",
        f"leaves its own remove example {article.spans[left[0]].text!r} {place}{context}",
        article,
        result,
        tuple(left),
        cleaned_with="this rule alone" if not context else "all rules",
    )


def _touches(rule: Rule, article: Article, index: int, language: str | None, result: Result) -> bool:
    """Whether the rule matches a body line or its removal (alone) overlaps one."""
    span = article.spans[index]
    if rule.matches(span.text, language):
        return True
    return any(r.rule == rule.id and r.start < span.end and span.start < r.end for r in result.removals)


def _own_examples(rule: Rule, article: Article) -> Iterable[int]:
    examples = {e.strip() for e in rule.remove}
    return (i for i, s in enumerate(article.spans) if s.label == rule.label and s.text in examples)


def _left(rule: Rule, article: Article, index: int, language: str | None, result: Result) -> bool:
    """Whether an injected remove example survived although the rule applies to it."""
    span = article.spans[index]
    if not rule.applies_to(span.text, language):
        return False
    return not any(r.start <= span.start and span.end <= r.end for r in result.removals)


def _full_failure(
    rule: Rule, article: Article, language: str | None, full: Cleaner, notes: list[str]
) -> Failure | None:
    """Time limits, its examples, contract and idempotence with the rules a user would run.

    The rule is to blame for a time-limit warning of its own, for an example that the other
    rules keep it from removing, and for removing anything from the already clean text; other
    contract or idempotence breaks are the engine's and become notes (tests/test_properties.py
    holds the engine to them).
    """
    result = full.clean(article.text)
    slow = [w for w in result.warnings if timed_out_rule(w) == rule.id]
    if slow:
        return Failure(
            rule.id, "timeout", f"{slow[0]}. Fix: {_BACKTRACKING_FIX}", article, result, cleaned_with="all rules"
        )
    # An "outside" rule's line ends up outside only if other rules claim the lines around it; with
    # the built-in packs left out (``builtins=False``) there may be none to do so.
    if rule.where != "outside" or full.config.builtin_packs:
        missed = _missed(rule, article, language, result, " when the other rules run too")
        if missed is not None:
            return missed
    problems = contract_violations(article.text, result, idempotent=False)
    if problems:
        _note(notes, f"the engine breaks the contract: {problems[0]}")
    again = full.clean(result.text)
    if again.text == result.text:
        return None
    own = [r for r in again.removals if r.rule == rule.id]
    if not own:
        _note(notes, f"the engine is not idempotent on a generated {article.language} article (not this rule's doing)")
        return None
    removed = again.source[own[0].start : own[0].end]
    marked = tuple(i for i, span in enumerate(article.spans) if span.text == removed)
    return Failure(
        rule.id,
        "idempotence",
        f"not idempotent: cleaning the clean text again, the rule removes {removed[:70]!r}, which it left the "
        "first time (its match depends on context, e.g. the detected language)",
        article,
        result,
        marked,
        cleaned_with="all rules",
    )


def _note(notes: list[str], note: str) -> None:
    if note not in notes and len(notes) < 3:
        notes.append(note)

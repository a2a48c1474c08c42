"""Issue 14, the engine half: one regression test per item (the item's number in the name).

A case that hung before its fix runs in a child process with a deadline (``_bounded``), so the
test fails there instead of hanging the suite.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import cleaner
from cleaner.engine.rules import RuleSet, load_pack
from cleaner.errors import CleanerError, RuleError

ROOT = Path(__file__).resolve().parent.parent


def _pack(tmp_path: Path, name: str, pattern: str, remove: str = "Sponsored") -> Path:
    """A one-rule pack file ``<name>.toml`` whose rule ``r`` has this pattern and remove example."""
    path = tmp_path / f"{name}.toml"
    path.write_text(
        f'[r]\nlabel = "promo"\nwhy = "A test rule."\npattern = \'{pattern}\'\nremove = ["{remove}"]\n',
        encoding="utf-8",
    )
    return path


def _bounded(code: str, seconds: float) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter; fail the test if it has not ended within ``seconds``."""
    try:
        return subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            capture_output=True,
            text=True,
            timeout=seconds,
            cwd=ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"did not end within {seconds:g} s")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -1.0, 0.0, 1e9])
def test_item16_regex_timeout_must_be_finite_and_bounded(value: float, tmp_path: Path) -> None:
    """Item 16: nan (no limit to ``regex``), inf (every search times out at once), negative,
    zero and huge time limits are refused by Config, RuleSet and load_pack, naming the setting."""
    with pytest.raises(CleanerError, match=r"Config\.regex_timeout must be a finite number"):
        cleaner.Config(regex_timeout=value)
    with pytest.raises(CleanerError, match="regex time limit"):
        RuleSet((), value)
    pack = _pack(tmp_path, "ads", "^Sponsored$")
    with pytest.raises(RuleError, match=r"ads\.toml: the regex time limit"):
        load_pack(pack, value)
    assert cleaner.Config(regex_timeout=2).regex_timeout == 2.0


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("^(?:ab){100000000}$", "a repetition count of 100,000,000"),
        ("^((a{1000}){1000}){1000}$", "expand the pattern to 1,000,000,002 atoms"),
        ("^(?:" + "x" * 20_000 + ")$", "20,006 characters long"),
    ],
)
def test_item09_huge_repetitions_rejected_at_load(pattern: str, problem: str, tmp_path: Path) -> None:
    """Item 9: a huge repetition count, nested counts or a huge pattern are a RuleError naming
    the pack and the rule, raised before ``regex`` compiles (which hung or ran out of memory)."""
    pack = _pack(tmp_path, "huge", pattern)
    done = _bounded(
        f"""
        from cleaner.engine.rules import load_pack
        from cleaner.errors import RuleError
        try:
            load_pack({str(pack)!r})
        except RuleError as exc:
            print(exc)
        """,
        30,
    )
    assert "huge.toml: rule [r]: pattern too large to compile safely: " in done.stdout, done.stderr
    assert problem in done.stdout


@pytest.mark.parametrize("pattern", ["(?:)", "a*", "(?i)^.*$", "\\b", "^(?:Sponsored)?"])
def test_item10_pattern_matching_everything_rejected_at_load(pattern: str, tmp_path: Path) -> None:
    """Item 10: a pattern that matches the empty string or a neutral sentence would empty every
    output; it is refused at load, naming the pack and the rule."""
    pack = _pack(tmp_path, "greedy", pattern)
    with pytest.raises(RuleError, match=r"greedy\.toml: rule \[r\]: pattern matches the (empty string|neutral)"):
        load_pack(pack)
    with pytest.raises(RuleError, match="would remove nearly every line"):
        cleaner.Cleaner(cleaner.Config(packs=[pack]))


ALTERNATING = "^Sponsored$|^(?:k|kk)+Q$"


def test_item04_rules_test_probe_catches_an_alternation_no_example_exercises(tmp_path: Path) -> None:
    """Item 4: ``cleaner rules test``'s backtracking probe (``check_rule``) flags a pattern whose
    exploding branch no example reaches (``(?:k|kk)+`` beside ``^Sponsored$``)."""
    from cleaner.testing import check_rule

    report = check_rule(_pack(tmp_path, "ads", ALTERNATING), max_examples=5, timeout=0.05, builtins=False)
    assert [failure.kind for failure in report.failures] == ["timeout"]
    assert "catastrophic backtracking" in report.failures[0].message


def test_item04_a_short_block_cannot_hang_clean(tmp_path: Path) -> None:
    """Item 4: every rule search has the time limit, however short the block: a line of 60 ``k``
    (exponential for ``(?:k|kk)+Q``) used to run unlimited and never end. Now the rule is
    abandoned on it with a warning and the document is cleaned."""
    pack = _pack(tmp_path, "ads", ALTERNATING)
    done = _bounded(
        f"""
        import cleaner
        text = "The council met on Monday and agreed the plan for the new school.\\n\\n" + "k" * 60 + "\\n"
        config = cleaner.Config(packs=[{str(pack)!r}], regex_timeout=0.05, exhaustive=True)
        result = cleaner.Cleaner(config).clean(text)
        print(result.warnings)
        """,
        60,
    )
    assert "rule ads.r hit its 0.05s regex time limit on a block of 60 characters" in done.stdout, done.stderr

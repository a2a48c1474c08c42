"""RuleSet: pack order, cheap limits before regexes, and regex time limits that never hang a document."""

from __future__ import annotations

import dataclasses
import pickle

import regex

import cleaner
from cleaner import Config
from cleaner.engine.rules import RuleSet
from cleaner.engine.rules.engine import timed_out_rule, timeout_warning
from cleaner.engine.rules.pack import rule_from_table
from cleaner.testing import assert_contract

PROSE = "The council met on Monday and agreed the plan for the new school in the north of the city."


def _rule(name: str, pattern: str, **extra: object):  # type: ignore[no-untyped-def]
    table = {"label": "promo", "why": f"Rule {name}.", "pattern": pattern, "remove": extra.pop("remove", ["MORE: x"])}
    return rule_from_table(name, {**table, **extra}, "t", "t.toml")


def test_first_rule_in_order_claims_the_block() -> None:
    rules = RuleSet([_rule("a", "^MORE"), _rule("b", "^MORE:")], timeout=0.25)
    match = rules.match("MORE: a story", "English", [])
    assert match is not None and match.rule.id == "t.a" and match.matched == "MORE"
    assert "Matched 'MORE'" in match.reason


def test_evidence_only_rule_does_not_hide_a_later_claiming_rule() -> None:
    hint = _rule("hint", "^MORE", where="outside")
    claim = _rule("claim", "^MORE:")
    rules = RuleSet([hint, claim], timeout=0.25)
    assert rules.match("MORE: a story", None, []).rule.id == "t.claim"  # type: ignore[union-attr]
    assert rules.match("MORE than ever", None, []).rule.id == "t.hint"  # type: ignore[union-attr]
    assert RuleSet([claim, hint], 0.25).match("MORE: a story", None, []).rule.id == "t.claim"  # type: ignore[union-attr]


def test_language_and_max_words_are_checked() -> None:
    english = _rule("en", "^MORE:", languages=["English"])
    short = _rule("short", "^MORE:", max_words=3)
    rules = RuleSet([english, short], timeout=0.25)
    assert rules.match("MORE: a story", "German", []).rule.id == "t.short"  # type: ignore[union-attr]
    assert rules.match("MORE: a story", None, []).rule.id == "t.en"  # type: ignore[union-attr]
    assert rules.match("MORE: a story about many things", "German", []) is None
    # the page passes its word count (features' tokens) instead of the engine counting again
    assert rules.match("MORE: a story", "German", [], words=4) is None


def test_a_rule_runs_when_any_plausible_language_is_its_own() -> None:
    english = _rule("en", "^MORE:", languages=["English"])
    rules = RuleSet([english], timeout=0.25)
    assert rules.match("MORE: a story", ("Igbo", "English"), []) is not None
    assert rules.match("MORE: a story", ("Igbo", "Yoruba"), []) is None
    assert rules.match("MORE: a story", (), []) is not None  # no language known: every rule runs


def test_a_timeout_warns_and_the_rule_is_skipped_for_the_rest_of_the_document() -> None:
    slow = _rule("slow", "(a+)+$", remove=["aaa"])
    fine = _rule("fine", "^MORE:")
    rules = RuleSet([slow, fine], timeout=0.05)
    warnings: list[str] = []
    assert rules.match("a" * 5000 + "!", None, warnings) is None
    assert len(warnings) == 1 and timed_out_rule(warnings[0]) == "t.slow"
    assert "made no decision" in warnings[0]
    # the next block of the same document: the slow rule is not run again, the others still are
    assert rules.match("a" * 5000 + "!", None, warnings) is None
    assert rules.match("MORE: a story", None, warnings).rule.id == "t.fine"  # type: ignore[union-attr]
    assert len(warnings) == 1
    # a new document (new warnings list) gives the rule a new chance
    assert rules.match("aaaa", None, []).rule.id == "t.slow"  # type: ignore[union-attr]


def test_catastrophic_pack_rule_leaves_the_block_and_warns(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pack = tmp_path / "slow.toml"
    pack.write_text(
        '[aaa]\nlabel = "other"\nwhy = "Slow on purpose."\npattern = \'(a+)+$\'\nremove = ["aaaa"]\n', encoding="utf-8"
    )
    lines = [PROSE] + ["a" * 5000 + "!"] * 20 + [PROSE]
    text = "\n\n".join(lines)
    result = cleaner.Cleaner(Config(packs=(pack,), regex_timeout=0.05)).clean(text)
    slow = [w for w in result.warnings if timed_out_rule(w) == "slow.aaa"]
    assert len(slow) == 1
    assert not any(r.rule == "slow.aaa" for r in result.removals)
    assert_contract(text, result, idempotent=False)


def test_timeout_warnings_round_trip() -> None:
    assert timed_out_rule(timeout_warning("site.rule", 0.25, 10)) == "site.rule"
    assert timed_out_rule("trafilatura found no article") is None


def test_ruleset_pickles() -> None:
    rules = RuleSet([_rule("a", "^MORE")], timeout=0.1)
    again = pickle.loads(pickle.dumps(rules))
    assert again.timeout == 0.1 and again.match("MORE: x", None, []) is not None


# --------------------------------------------------------------------------- time limits
# Every search has the regex time limit, whatever the block's length (issue 14, item 4).


def test_a_slow_rule_keeps_its_time_limit_on_short_blocks() -> None:
    slow = _rule("slow", r"(a|aa)+$", remove=["aaaa"])
    rules = RuleSet([slow, _rule("fine", "^MORE:")], timeout=0.05)
    block = "a" * 299 + "!"  # short, yet exponential for this pattern
    warnings: list[str] = []
    assert rules.match(block, None, warnings) is None
    assert len(warnings) == 1 and timed_out_rule(warnings[0]) == "t.slow"


def test_a_short_adversarial_block_is_left_with_a_warning(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pack = tmp_path / "slow.toml"
    pack.write_text(
        '[aaa]\nlabel = "other"\nwhy = "Slow on purpose."\npattern = \'(a|aa)+$\'\nremove = ["aaaa"]\n',
        encoding="utf-8",
    )
    lines = [PROSE] + ["a" * 299 + "!"] * 5 + [PROSE]
    text = "\n\n".join(lines)
    result = cleaner.Cleaner(Config(packs=(pack,), regex_timeout=0.05, exhaustive=True)).clean(text)
    assert len([w for w in result.warnings if timed_out_rule(w) == "slow.aaa"]) == 1
    assert not any(r.rule == "slow.aaa" for r in result.removals)
    assert_contract(text, result, idempotent=False)


class _Spy:
    """A compiled pattern that records the keyword arguments of every search."""

    def __init__(self, pattern: str) -> None:
        self._compiled = regex.compile(pattern)
        self.pattern, self.flags = self._compiled.pattern, self._compiled.flags
        self.calls: list[dict[str, object]] = []

    def search(self, text: str, **kwargs: object) -> object:
        self.calls.append(kwargs)
        return self._compiled.search(text, **kwargs)


def test_every_search_has_the_time_limit_whatever_the_length() -> None:
    spy = _Spy("^MORE:")
    rule = dataclasses.replace(_rule("a", "^MORE:"), compiled=spy)
    rules = RuleSet([rule], timeout=0.25)
    for text in ("MORE: x", "MORE: " + "x" * 1000):
        spy.calls.clear()
        assert rules.match(text, None, []) is not None
        assert rule.search(text, 0.25) is not None
        assert spy.calls == [{"timeout": 0.25}, {"timeout": 0.25}]

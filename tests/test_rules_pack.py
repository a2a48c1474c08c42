"""Rule packs are validated on load; each failure names the file, the rule and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner import Config, RuleError
from cleaner.engine.rules import builtin_pack_paths, load_pack, load_packs
from cleaner.engine.rules import pack as pack_module

GOOD = """
[house_ad]
label = "promo"
why = "A house ad for the site's own newsletter."
pattern = '^Get the Daily Brief:'
max_words = 20
remove = ["Get the Daily Brief: our best stories every morning"]
keep = ["Get the facts first, the editor said."]
"""


def _write(tmp_path: Path, body: str, name: str = "mysite.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_a_good_pack_loads_with_ids_from_the_file_stem(tmp_path: Path) -> None:
    (rule,) = load_pack(_write(tmp_path, GOOD))
    assert rule.id == "mysite.house_ad"
    assert rule.label == "promo" and rule.max_words == 20
    assert rule.matches("Get the Daily Brief: our best stories every morning")


def test_dotted_file_stems_work(tmp_path: Path) -> None:
    (rule,) = load_pack(_write(tmp_path, GOOD, "example.com.toml"))
    assert rule.id == "example.com.house_ad"


@pytest.mark.parametrize(
    ("old", "new", "problem", "fix"),
    [
        ('label = "promo"', 'label = "ads"', "not a removal label", "use one of"),
        ('label = "promo"', 'label = "body"', "not a removal label", "use one of"),
        ('why = "A house ad for the site\'s own newsletter."', 'why = "  "', "'why' is missing", "one sentence"),
        ("pattern = '^Get the Daily Brief:'", "pattern = '^Get the (Daily Brief:'", "does not compile", "regex"),
        ("pattern = '^Get the Daily Brief:'", "pattern = '^Get the Weekly Brief:'", "is not removed", "widen"),
        ("pattern = '^Get the Daily Brief:'", "pattern = '^Get the'", "would be removed", "narrow"),
        ("max_words = 20", "max_words = 0", "positive integer", "max_words = 12"),
        ("max_words = 20", "max_words = true", "positive integer", "max_words = 12"),
        ("max_words = 20", 'languages = ["Englsh"]', "unknown language", "English"),
        ("max_words = 20", 'where = "inside"', "'where' is 'inside'", "anywhere"),
        ("max_words = 20", "colour = 3", "unknown key", "use only"),
        ('remove = ["Get the Daily Brief: our best stories every morning"]', "remove = []", "no 'remove'", "add"),
        ('remove = ["Get the Daily Brief: our best stories every morning"]', 'remove = "x"', "list of strings", "["),
        ('keep = ["Get the facts first, the editor said."]', 'keep = ["one\\ntwo"]', "several lines", "one example"),
        ('keep = ["Get the facts first, the editor said."]', 'keep = [" "]', "blank", "remove it"),
        ("[house_ad]", '["house ad"]', "not a plain identifier", "letters, digits"),
    ],
)
def test_invalid_rules_name_file_rule_and_fix(tmp_path: Path, old: str, new: str, problem: str, fix: str) -> None:
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(RuleError) as caught:
        load_pack(path)
    message = str(caught.value)
    assert str(path) in message
    assert "[house_ad]" in message or "[house ad]" in message
    assert problem in message
    assert "Fix:" in message and fix in message.split("Fix:", 1)[1]


def test_catastrophic_example_is_reported_as_a_timeout(tmp_path: Path) -> None:
    body = GOOD.replace("pattern = '^Get the Daily Brief:'", "pattern = '^Get the Daily Brief:|(a+)+$'").replace(
        'keep = ["Get the facts first, the editor said."]', 'keep = ["' + "a" * 3000 + '!"]'
    )
    with pytest.raises(RuleError, match=r"timed out.*Fix: avoid nested quantifiers"):
        load_pack(_write(tmp_path, body), timeout=0.05)


@pytest.mark.parametrize(
    ("body", "problem"),
    [("", "has no rules"), ("[a\nlabel=", "not valid TOML"), ('x = "y"', "is not a table")],
)
def test_broken_files_are_named(tmp_path: Path, body: str, problem: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(RuleError, match=problem) as caught:
        load_pack(path)
    assert str(path) in str(caught.value) and "Fix:" in str(caught.value)


def test_missing_pack(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"not found\. Fix: check the path"):
        load_pack(tmp_path / "nope.toml")


def test_duplicate_ids_across_user_packs(tmp_path: Path) -> None:
    first = _write(tmp_path, GOOD)
    (tmp_path / "other").mkdir()
    second = _write(tmp_path / "other", GOOD)
    with pytest.raises(RuleError, match=r"'mysite.house_ad' is already defined in .*Fix: rename") as caught:
        load_packs([first, second])
    assert str(second) in str(caught.value)


def test_a_user_pack_cannot_reuse_a_builtin_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builtin_dir = tmp_path / "builtin"
    builtin_dir.mkdir()
    _write(builtin_dir, GOOD, "promo.toml")
    monkeypatch.setattr(pack_module, "BUILTIN_PACK_DIR", builtin_dir)
    user = _write(tmp_path, GOOD, "promo.toml")
    with pytest.raises(RuleError, match="already defined in the built-in pack") as caught:
        cleaner.Cleaner(Config(packs=(user,)))
    assert str(user) in str(caught.value) and "[house_ad]" in str(caught.value)


def test_config_packs_load_user_rules_next_to_builtins(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    text = (
        "The council met on Monday and agreed on the plan for the new school in the north of the city.\n\n"
        "Get the Daily Brief: our best stories every morning\n\n"
        "The mayor said the plan would cost three million euros and take two years to build, she said."
    )
    result = cleaner.Cleaner(Config(packs=(path,))).clean(text)
    ours = [r for r in result.removals if r.rule == "mysite.house_ad"]
    assert len(ours) == 1 and result.source[ours[0].start : ours[0].end].startswith("Get the Daily Brief")
    assert ours[0].label == "promo" and "Matched" in ours[0].reason
    assert "Daily Brief" not in result.text


def test_builtin_packs_load_and_ids_are_unique() -> None:
    rules = load_packs(builtin_pack_paths())
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    assert all(r.id.startswith(Path(r.source).stem + ".") for r in rules)

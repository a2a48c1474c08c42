"""Config: defaults, TOML files, merging command-line additions, and errors that name the problem."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

import cleaner
from cleaner import CleanerError, Config


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults() -> None:
    config = Config()
    assert config.packs == ()
    assert config.disable == frozenset()
    assert config.keep == frozenset()
    assert config.builtin_packs is True
    assert config.language is None
    assert config.regex_timeout > 0
    assert config.use_trafilatura is True


def test_collections_are_normalised_to_immutable_types() -> None:
    config = Config(packs=["a.toml"], disable=["x.y"], keep=["dek"])  # type: ignore[arg-type]
    assert config.packs == (Path("a.toml"),)
    assert config.disable == frozenset({"x.y"})
    assert config.keep == frozenset({"dek"})
    assert hash(config) == hash(Config(packs=(Path("a.toml"),), disable=frozenset({"x.y"}), keep=frozenset({"dek"})))


def test_config_is_frozen_and_pickles() -> None:
    config = Config(keep=frozenset({"dek"}), language="French")
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.language = "German"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(config)) == config


def test_from_toml_reads_every_setting(tmp_path: Path) -> None:
    path = write(
        tmp_path / "cleaner.toml",
        """
packs = ["rules/site.toml", "/abs/other.toml"]
disable = ["promo.more_link", "heuristic.repeated_chrome"]
keep = ["dek", "byline"]
builtin_packs = false
language = "French"
regex_timeout = 0.5
use_trafilatura = false
""",
    )
    config = Config.from_toml(path)
    assert config.packs == (tmp_path / "rules" / "site.toml", Path("/abs/other.toml"))
    assert config.disable == frozenset({"promo.more_link", "heuristic.repeated_chrome"})
    assert config.keep == frozenset({"dek", "byline"})
    assert config.builtin_packs is False
    assert config.language == "French"
    assert config.regex_timeout == 0.5
    assert config.use_trafilatura is False


def test_from_toml_empty_file_is_the_default(tmp_path: Path) -> None:
    assert Config.from_toml(write(tmp_path / "empty.toml", "")) == Config()


def test_from_toml_accepts_str_path(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", 'keep = ["dek"]\n')
    assert Config.from_toml(str(path)).keep == frozenset({"dek"})


def test_unknown_setting_names_it_and_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", "keep = []\nkeeep = ['dek']\n")
    with pytest.raises(CleanerError) as caught:
        Config.from_toml(path)
    message = str(caught.value)
    assert "keeep" in message
    assert str(path) in message


def test_unknown_label_in_keep_names_it(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", "keep = ['dek', 'sidebar']\n")
    with pytest.raises(CleanerError, match="sidebar"):
        Config.from_toml(path)
    with pytest.raises(CleanerError, match="sidebar"):
        Config(keep=frozenset({"sidebar"}))


@pytest.mark.parametrize("timeout", [0, -1.0])
def test_regex_timeout_must_be_positive(timeout: float) -> None:
    with pytest.raises(CleanerError, match="regex_timeout"):
        Config(regex_timeout=timeout)


def test_invalid_toml_is_a_cleaner_error_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.toml", "keep = [dek\n")
    with pytest.raises(CleanerError) as caught:
        Config.from_toml(path)
    assert str(path) in str(caught.value)


def test_missing_file_is_a_cleaner_error(tmp_path: Path) -> None:
    with pytest.raises(CleanerError, match=r"missing\.toml"):
        Config.from_toml(tmp_path / "missing.toml")


def test_non_utf8_file_is_a_cleaner_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(b"language = '\xe9'\n")
    with pytest.raises(CleanerError, match=r"latin\.toml"):
        Config.from_toml(path)


def test_wrong_type_is_a_cleaner_error_naming_the_setting(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", "regex_timeout = 'fast'\n")
    with pytest.raises(CleanerError, match="regex_timeout"):
        Config.from_toml(path)


def test_merged_unions_collections_and_replaces_scalars() -> None:
    base = Config(packs=(Path("a.toml"),), disable=frozenset({"x.a"}), keep=frozenset({"dek"}), language="English")
    merged = base.merged(packs=[Path("b.toml")], disable=["x.b"], keep=["byline"], language="German", regex_timeout=1.0)
    assert merged.packs == (Path("a.toml"), Path("b.toml"))
    assert merged.disable == frozenset({"x.a", "x.b"})
    assert merged.keep == frozenset({"dek", "byline"})
    assert merged.language == "German"
    assert merged.regex_timeout == 1.0
    assert base.keep == frozenset({"dek"}), "merged() returns a copy"


def test_merged_without_changes_is_equal() -> None:
    config = Config(keep=frozenset({"dek"}))
    assert config.merged() == config


def test_merged_validates_the_result() -> None:
    with pytest.raises(CleanerError, match="sidebar"):
        Config().merged(keep=["sidebar"])


def test_merged_rejects_unknown_setting() -> None:
    with pytest.raises((CleanerError, KeyError, TypeError)):
        Config().merged(keeep=["dek"])


def test_cleaner_error_is_exported() -> None:
    assert cleaner.CleanerError is CleanerError
    assert issubclass(cleaner.InputError, CleanerError) and issubclass(cleaner.InputError, ValueError)
    assert issubclass(cleaner.RuleError, CleanerError) and issubclass(cleaner.RuleError, ValueError)


def test_keep_puts_a_label_back_into_the_body() -> None:
    source = (
        "Home | News | Sport | Weather | Contact\n\n"
        "The council approved the new budget on Tuesday after a long debate about school repairs and roads.\n\n"
        "It will spend most of the money on the two oldest schools, the mayor said in a statement.\n"
    )
    default = cleaner.Cleaner().clean(source)
    nav_removed = [r for r in default.removals if r.label == "nav"]
    assert nav_removed, "the menu line is removed as nav by default"
    kept = cleaner.Cleaner(Config(keep=frozenset({"nav"}))).clean(source)
    assert "Home | News | Sport" in kept.text
    assert not [r for r in kept.removals if r.label == "nav"]

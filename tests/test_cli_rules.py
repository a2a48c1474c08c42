"""`cleaner rules`: list, show one, and `rules test PACK.toml` with its exit status and report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.engine.rules import BUILTIN_PACK_DIR, builtin_pack_paths, load_packs

DOCS = Path(__file__).parent.parent / "docs" / "examples"
GOOD = DOCS / "cnet-house-ads.toml"
TOO_BROAD = DOCS / "cnet-house-ads-too-broad.toml"


def test_rules_lists_every_rule_with_label_pack_and_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--rules", str(GOOD)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["ID", "LABEL", "PACK", "WHY"]
    for rule in load_packs(builtin_pack_paths()):
        assert rule.id in out
    row = next(line for line in out.splitlines() if line.startswith("cnet-house-ads.series_pitch"))
    assert "promo" in row and "cnet-house-ads.toml" in row and "A CNET house ad" in row


def test_rules_label_filter(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--no-builtin", "--rules", str(GOOD), "--label", "promo"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any(r.startswith("cnet-house-ads.series_pitch") for r in rows)
    assert main(["rules", "--no-builtin", "--rules", str(GOOD), "--label", "nav"]) == 0
    assert "no rules with label nav" in capsys.readouterr().out


def test_rules_id_shows_pattern_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "cnet-house-ads.series_pitch", "--rules", str(GOOD)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("cnet-house-ads.series_pitch\n")
    assert "pattern:   ^(?:Solving for XX|Tech Enabled" in out
    assert "max_words: 25" in out
    assert "- Tech Enabled: CNET chronicles" in out  # a remove example
    assert "- Officials offered a simple explanation" in out  # a keep example
    # what a block must have for the regex to run at all
    assert "needs:     one of 'cnet magazine', 'road trip ', 'solving for xx', " in out
    assert "a start among 'cnet magazine:', 'road trip ', 'solving for xx:', " in out


def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    # `cleaner rules | head -1`: the listing outlives its reader
    read, write = os.pipe()
    os.close(read)
    done = subprocess.run([sys.executable, "-m", "cleaner", "rules"], stdout=write, stderr=subprocess.PIPE, text=True)
    os.close(write)
    assert done.returncode == 141
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


def test_unknown_rule_id_suggests_close_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "cnet-house-ads.series_pich", "--rules", str(GOOD)]) == 2
    assert "did you mean cnet-house-ads.series_pitch" in capsys.readouterr().err


def test_rules_test_passes_a_good_pack(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "test", str(GOOD), "--max-examples", "50"]) == 0
    out = capsys.readouterr().out
    assert "PASS cnet-house-ads.series_pitch" in out
    assert out.rstrip().endswith(": ok")


def test_rules_test_fails_a_too_broad_pack_with_the_article_marked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "test", str(TOO_BROAD), "--max-examples", "100"]) == 1
    out = capsys.readouterr().out
    assert "FAIL cnet-house-ads-too-broad.series_pitch: removes article body" in out
    assert "minimal failing article" in out
    marked = [line for line in out.splitlines() if line.lstrip().startswith(">> body")]
    assert marked and "promo (cnet-house-ads-too-broad.series_pitch)" in marked[0]
    assert "1 failure(s)" in out


def test_rules_test_fails_a_catastrophic_pattern(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "slow.toml"
    rule = '[aaa]\nlabel = "other"\nwhy = "Slow."\npattern = \'(a+)+$\'\nremove = ["aaaa"]\n'
    pack.write_text(rule, encoding="utf-8")
    assert main(["rules", "test", str(pack), "--timeout", "0.05", "--max-examples", "5"]) == 1
    out = capsys.readouterr().out
    assert "FAIL slow.aaa" in out and "time limit" in out and "catastrophic backtracking" in out


def test_rules_test_fails_an_invalid_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "bad.toml"
    pack.write_text('[ad]\nlabel = "adverts"\nwhy = "x"\npattern = "^AD"\nremove = ["AD: buy"]\n', encoding="utf-8")
    assert main(["rules", "test", str(pack)]) == 1
    out = capsys.readouterr().out
    assert f"FAIL {pack}: the pack does not load" in out
    assert "rule [ad]" in out and "Fix: use one of" in out


@pytest.mark.parametrize(
    "argv",
    [["rules", "test"], ["rules", "a.b", "c.d"], ["rules", "test", "missing.toml"], ["rules", "test", "x", "-n"]],
)
def test_rules_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse rejects unknown options itself
        status = int(exc.code or 0)
    assert status == 2
    assert capsys.readouterr().err


def test_rules_test_takes_a_built_in_pack_in_place(capsys: pytest.CaptureFixture[str]) -> None:
    # Whatever path names the file (here a relative one), it is the built-in pack itself, not a clash.
    pack = os.path.relpath(BUILTIN_PACK_DIR / "legal.toml")
    assert main(["rules", "test", pack, "--max-examples", "3"]) == 0
    out = capsys.readouterr().out
    assert "PASS legal.copyright" in out and "already defined" not in out

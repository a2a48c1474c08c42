"""Shared fixtures: where the bundled corpus lives, and one Cleaner built once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

import cleaner

#: CI (``.ci/run``) runs the property tests on fixed examples: a landing must not fail on a rare
#: input found by chance (this happened with inputs that had failed unnoticed for sessions).
#: Development runs keep the default profile and explore new examples every time.
#: No per-example deadline in CI: the gate checks results, and a loaded runner makes timing noise.
settings.register_profile("ci", derandomize=True, deadline=None)
#: A long exploration (issue 14): 2,000 examples for every property test that takes its count
#: from the profile (``max(n, settings.default.max_examples)``), e.g.
#: ``HYPOTHESIS_PROFILE=long pytest tests/test_properties.py tests/test_hardening_idempotence.py``.
settings.register_profile("long", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS_DIR = CORPUS / "seeds"
AEB_DIR = CORPUS / "aeb"
BENCHMARKS_DIR = ROOT / "benchmarks"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """``corpus/seeds``: five scraped articles with a gold label on every line."""
    return SEEDS_DIR


@pytest.fixture(scope="session")
def aeb_dir() -> Path:
    """``corpus/aeb``: the article-extraction-benchmark pages and their gold bodies."""
    return AEB_DIR


@pytest.fixture(scope="session")
def default_cleaner() -> cleaner.Cleaner:
    """A Cleaner with the default Config (rules compiled once for the whole session)."""
    return cleaner.Cleaner()

"""The checks users call from their own tests: ``assert_contract`` and ``check_rule``."""

from __future__ import annotations

from .contract import assert_contract, contract_violations
from .report import CheckReport, Failure
from .rule_checks import check_rule, stress_lines

__all__ = ["CheckReport", "Failure", "assert_contract", "check_rule", "contract_violations", "stress_lines"]

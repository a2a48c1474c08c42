"""Heuristics over block features; DEFAULT_HEURISTICS lists the ones a Cleaner runs, in order."""

from .base import REGISTRY, Heuristic, Verdict, heuristic
from .chrome import repeated_chrome

DEFAULT_HEURISTICS: tuple[Heuristic, ...] = (repeated_chrome,)

__all__ = ["DEFAULT_HEURISTICS", "REGISTRY", "Heuristic", "Verdict", "heuristic"]

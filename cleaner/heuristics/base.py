"""The heuristic registry: a heuristic reads a Page and names the blocks it judges boilerplate."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..page import Page

#: What a heuristic yields: (block index, label, one-sentence reason with evidence).
Verdict = tuple[int, str, str]
HeuristicFunction = Callable[[Page], Iterable[Verdict]]


@dataclass(frozen=True)
class Heuristic:
    """A named decision step; ``id`` is stable (``heuristic.<name>``) and can be disabled."""

    id: str
    label: str
    why: str
    function: HeuristicFunction

    def __call__(self, page: Page) -> Iterable[Verdict]:
        return self.function(page)


REGISTRY: dict[str, Heuristic] = {}


def heuristic(name: str, label: str, why: str) -> Callable[[HeuristicFunction], Heuristic]:
    """Register a function as the heuristic ``heuristic.<name>``."""

    def register(function: HeuristicFunction) -> Heuristic:
        item = Heuristic(f"heuristic.{name}", label, why, function)
        if item.id in REGISTRY:
            raise ValueError(f"duplicate heuristic id {item.id}")
        REGISTRY[item.id] = item
        return item

    return register

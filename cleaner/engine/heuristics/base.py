"""The heuristic registry: a heuristic reads a Page and names the blocks it judges boilerplate."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..page import Page
from ..rules.pack import FURNITURE_LABELS

#: What a heuristic yields: (block index, label, one-sentence reason with evidence).
Verdict = tuple[int, str, str]
#: A heuristic reads the page and judges the blocks at the given indices (in increasing order).
HeuristicFunction = Callable[[Page, Sequence[int]], Iterable[Verdict]]


@dataclass(frozen=True)
class Heuristic:
    """A named decision step; ``id`` is stable (``heuristic.<name>``) and can be disabled.

    ``where="anywhere"`` verdicts remove the block; ``where="outside"`` verdicts are evidence
    only: they lower the block's score, and label it if selection leaves it outside the article.
    """

    id: str
    label: str
    why: str
    where: str
    function: HeuristicFunction
    #: What a claimed line means for the page's structure (``rules.pack.ROLES``).
    role: str = ""

    def __call__(self, page: Page, indices: Sequence[int] | None = None) -> Iterable[Verdict]:
        return self.function(page, range(len(page)) if indices is None else indices)


REGISTRY: dict[str, Heuristic] = {}
#: Every heuristic's id starts so (rule ids start with their pack's name).
ID_PREFIX = "heuristic."


def heuristic(
    name: str, label: str, why: str, where: str = "anywhere", role: str = ""
) -> Callable[[HeuristicFunction], Heuristic]:
    """Register a function as the heuristic ``heuristic.<name>``."""

    def register(function: HeuristicFunction) -> Heuristic:
        if not role and label in FURNITURE_LABELS:
            item = Heuristic(f"{ID_PREFIX}{name}", label, why, where, function, "furniture")
        else:
            item = Heuristic(f"{ID_PREFIX}{name}", label, why, where, function, role)
        if item.id in REGISTRY:
            raise ValueError(f"duplicate heuristic id {item.id}")
        REGISTRY[item.id] = item
        return item

    return register


def ends_with_colon(text: str) -> bool:
    """Whether a line ends with a colon, half- or full-width (as Chinese and Japanese set it):
    it announces what follows (a list, a quote)."""
    return text.rstrip().endswith((":", "："))

"""Heuristics over block features; DEFAULT_HEURISTICS lists the ones a Cleaner runs, in order."""

from .base import REGISTRY, Heuristic, Verdict, heuristic
from .boxes import signup_box
from .cards import card_list
from .chrome import repeated_chrome
from .contents import table_of_contents
from .figures import caption_above_credit
from .related import related_list, story_card
from .thread import thread_post

DEFAULT_HEURISTICS: tuple[Heuristic, ...] = (
    caption_above_credit,
    signup_box,
    thread_post,
    card_list,
    table_of_contents,
    related_list,
    story_card,
    repeated_chrome,
)

__all__ = ["DEFAULT_HEURISTICS", "REGISTRY", "Heuristic", "Verdict", "heuristic"]

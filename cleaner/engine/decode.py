"""Decoding: the most likely reading of a page as regions, by Viterbi over block states.

A page reads, top to bottom, as what comes before the article (menus, teasers), its headline,
the lead under the headline (byline, date, share bar), the article itself (prose, subheads,
lists, tables, and the furniture set between them), and what follows it (related stories,
footers) or reader comments. Each block scores an emission per state; the decoding is the path
through the allowed transitions with the largest summed score, solved exactly.

The state machine is fixed and left to right::

    PRE -> TITLE -> LEAD -> BODY -> POST <-> COMMENTS
     '------------------'---^  '----------------^

so the article is one span (entered once, left once) and its sections cannot be split apart by
what lies between them; only the evidence decides where the span begins and ends. The headline
and its lead take at most WINDOW blocks (counting only those of ``width`` 1: a share bar that a
rule names does not push a headline away from its article).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

PRE, TITLE, LEAD, BODY, POST, COMMENTS = range(6)
STATES = ("pre", "title", "lead", "body", "post", "comments")
#: A score no path takes (a transition or emission that is not allowed).
IMPOSSIBLE = -1e18
#: The headline and the lead under it span at most this many blocks (of width 1).
WINDOW = 25
#: Emissions are multiples of 1 / GRID (``on_grid``): sums of such numbers are exact in floating
#: point, so equal paths tie exactly and the tie rules below decide, in any build, in any order
#: of addition.
GRID = 1024.0


def on_grid(score: float) -> float:
    """``score`` rounded to a multiple of 1 / GRID (IMPOSSIBLE stays IMPOSSIBLE)."""
    return score if score <= IMPOSSIBLE else round(score * GRID) / GRID


@dataclass(slots=True)
class Emissions:
    """Per-block scores of each state (lists of equal length, values ``on_grid``), plus the
    transition bonuses that depend on the block entered: the article may start at a block
    (``enter_body``, added to the move from PRE, TITLE or LEAD) and comments may start only at
    a comment heading (``enter_comments``, IMPOSSIBLE elsewhere). ``width`` (0 or 1) is what a
    block counts towards the headline's WINDOW."""

    pre: list[float]
    title: list[float]
    lead: list[float]
    body: list[float]
    post: list[float]
    comments: list[float]
    enter_body: list[float]
    enter_comments: list[float]
    width: list[int]


def decode(e: Emissions) -> tuple[list[int], float]:
    """The best state of every block (see the module docstring) and the path's score;
    ``([], 0.0)`` for no blocks.

    The headline and its lead are scored together: ``heading`` (best score of a path whose
    headline stands at ``t`` and whose lead runs to the current block) is the best over the
    last WINDOW headline positions of ``title_path[t] - lead_sum[t]``, plus the lead's running
    sum, kept by a monotonic deque. Ties go to the state listed first in each comparison:
    staying in a region over entering one, the article over what surrounds it, and the nearer
    headline, so equal scores never split an article.
    """
    n = len(e.body)
    if n == 0:
        return [], 0.0
    # back[i * 6 + s]: the state of block i - 1 on the best path ending in state s at block i.
    back = [0] * (6 * n)
    # headline_at[i]: where the headline stands on the best headline-and-lead path ending at i.
    headline_at = [0] * n
    candidates: deque[tuple[int, float, int]] = deque()  # (t, title_path[t] - lead_sum[t], reach[t])
    lead_sum = 0.0  # e.lead[0] + ... + e.lead[i]
    reach = e.width[0]  # e.width[0] + ... + e.width[i]
    pre = e.pre[0]
    body = e.enter_body[0] + e.body[0]
    post = IMPOSSIBLE
    comments = IMPOSSIBLE
    lead_sum = e.lead[0]
    _push(candidates, 0, e.title[0] - lead_sum, reach)
    heading = _best_heading(candidates, 0, lead_sum, reach, headline_at)
    for i in range(1, n):
        base = 6 * i
        # BODY: stay, or enter from the headline and lead, or from PRE.
        entry, entry_from = heading, LEAD
        if pre > entry:
            entry, entry_from = pre, PRE
        entry += e.enter_body[i]
        if body >= entry:
            new_body, back[base + BODY] = body, BODY
        else:
            new_body, back[base + BODY] = entry, entry_from
        # POST: stay, or come from BODY or COMMENTS.
        new_post, back[base + POST] = post, POST
        if body > new_post:
            new_post, back[base + POST] = body, BODY
        if comments > new_post:
            new_post, back[base + POST] = comments, COMMENTS
        # COMMENTS: stay, or enter from BODY or POST at a comment heading.
        start, start_from = body, BODY
        if post > start:
            start, start_from = post, POST
        start += e.enter_comments[i]
        if comments >= start:
            new_comments, back[base + COMMENTS] = comments, COMMENTS
        else:
            new_comments, back[base + COMMENTS] = start, start_from
        # The headline at i comes from PRE; the lead runs on (at most WINDOW blocks in all).
        title_path = pre + e.title[i]
        lead_sum += e.lead[i]
        reach += e.width[i]
        _push(candidates, i, title_path - lead_sum, reach)
        heading = _best_heading(candidates, i, lead_sum, reach, headline_at)
        pre = pre + e.pre[i]
        body = new_body + e.body[i]
        post = new_post + e.post[i]
        comments = new_comments + e.comments[i]
    state, best = BODY, body
    for candidate, score in ((POST, post), (COMMENTS, comments), (LEAD, heading), (PRE, pre)):
        if score > best:
            state, best = candidate, score
    path = [0] * n
    i = n - 1
    while i >= 0:
        if state == LEAD:  # the headline and its lead, then PRE above them
            t = headline_at[i]
            path[t + 1 : i + 1] = [LEAD] * (i - t)
            path[t] = TITLE
            i, state = t - 1, PRE
            continue
        path[i] = state
        state = back[6 * i + state]
        i -= 1
    return path, best


def _push(candidates: deque[tuple[int, float, int]], t: int, key: float, reach: int) -> None:
    """Add headline position ``t``; positions it beats or ties (being nearer) leave the deque."""
    if key <= IMPOSSIBLE / 2:
        return
    while candidates and candidates[-1][1] <= key:
        candidates.pop()
    candidates.append((t, key, reach))


def _best_heading(
    candidates: deque[tuple[int, float, int]], i: int, lead_sum: float, reach: int, headline_at: list[int]
) -> float:
    """The best headline-and-lead path ending at ``i`` (IMPOSSIBLE if none); notes its headline.
    A headline at ``t`` reaches block ``i`` while the widths of the blocks after it add up to
    less than WINDOW (``reach`` is the running sum of widths)."""
    while candidates and candidates[0][2] <= reach - WINDOW:
        candidates.popleft()
    if not candidates:
        return IMPOSSIBLE
    t, key, _ = candidates[0]
    headline_at[i] = t
    return key + lead_sum

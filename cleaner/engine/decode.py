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

from array import array
from dataclasses import dataclass

try:
    import cython
except ModuleNotFoundError:  # an install without Cython: this module runs as Python
    from . import _cython_shim as cython  # type: ignore[no-redef]

if cython.compiled:
    from cython.cimports.libc.math import isfinite, nearbyint

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


def grid(row: list[float]) -> list[float]:
    """Every value of ``row`` ``on_grid`` (compiled: rounded in C, to nearest with ties to even
    as Python's ``round``, a zero unsigned as Python's; IMPOSSIBLE, and what Python's ``round``
    refuses, take ``on_grid`` itself)."""
    if not cython.compiled:
        return [on_grid(value) for value in row]
    result: list[float] = []
    value: cython.double
    scaled: cython.double
    rounded: cython.double
    for item in row:
        value = item
        if value <= IMPOSSIBLE:
            result.append(item)  # (``on_grid`` returns it as it is: no Python call per such entry)
            continue
        scaled = value * GRID
        if not isfinite(scaled):
            result.append(on_grid(item))
            continue
        rounded = nearbyint(scaled)
        if rounded == 0.0:
            rounded = 0.0  # (not -0.0: Python's round gives the integer 0)
        result.append(rounded / GRID)
    return result


def article_rows(
    scores: list[float], outside_prose: float, lead_step: float, comment_prose: float
) -> tuple[list[float], list[float], list[float], list[float]]:
    """The emissions that follow from the blocks' scores as the article alone, on the grid (one
    C loop when compiled, with ``on_grid``'s rounding): PRE, the cost of prose outside the
    article (``-outside_prose * max(score, 0)``); LEAD, that and ``lead_step`` (what a claim
    makes free is the caller's); BODY, the score; COMMENTS, ``comment_prose`` of a positive
    score (the caller's claimed comment lines aside)."""
    if not cython.compiled:
        before = [-outside_prose * max(score, 0.0) for score in scores]
        comments = [score * comment_prose if score > 0 else score for score in scores]
        return grid(before), grid([value - lead_step for value in before]), grid(scores), grid(comments)
    pre_row: list[float] = []
    lead_row: list[float] = []
    body_row: list[float] = []
    comments_row: list[float] = []
    score: cython.double
    cost: cython.double
    against: cython.double = -outside_prose
    step: cython.double = lead_step
    share: cython.double = comment_prose
    for item in scores:
        score = item
        cost = against * (0.0 if score < 0.0 else score)  # max(score, 0.0), as Python picks
        pre_row.append(_on_grid(cost))
        lead_row.append(_on_grid(cost - step))
        body_row.append(_on_grid(score))
        comments_row.append(_on_grid(score * share if score > 0 else score))
    return pre_row, lead_row, body_row, comments_row


@cython.cfunc
def _on_grid(value: cython.double) -> object:
    """``on_grid`` in C where Python's ``round`` would give the same (see ``grid``)."""
    scaled: cython.double = value * GRID
    rounded: cython.double
    if value <= IMPOSSIBLE:
        return value  # (as ``on_grid`` returns it)
    if not isfinite(scaled):
        return on_grid(value)
    rounded = nearbyint(scaled)
    if rounded == 0.0:
        rounded = 0.0  # (not -0.0: Python's round gives the integer 0)
    return rounded / GRID


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
    sum, kept by a monotonic deque (arrays ``cand_*`` between ``head`` and ``tail``). Ties go to
    the state listed first in each comparison: staying in a region over entering one, the
    article over what surrounds it, and the nearer headline, so equal scores never split an
    article.
    """
    n: cython.Py_ssize_t = len(e.body)
    if n == 0:
        return [], 0.0
    e_pre = e.pre
    e_title = e.title
    e_lead = e.lead
    e_body = e.body
    e_post = e.post
    e_comments = e.comments
    e_enter_body = e.enter_body
    e_enter_comments = e.enter_comments
    e_width = e.width
    impossible: cython.double = IMPOSSIBLE
    k_pre: cython.int = PRE
    k_title: cython.int = TITLE
    k_lead: cython.int = LEAD
    k_body: cython.int = BODY
    k_post: cython.int = POST
    k_comments: cython.int = COMMENTS
    window: cython.longlong = WINDOW
    # back[i * 6 + s]: the state of block i - 1 on the best path ending in state s at block i.
    back_array = array("b", bytes(6 * n))
    back: cython.schar[::1] = back_array
    # headline_at[i]: where the headline stands on the best headline-and-lead path ending at i.
    headline_array = array("q", bytes(8 * n))
    headline_at: cython.longlong[::1] = headline_array
    # The deque of headline positions: cand_t[k], cand_key[k] = title_path[t] - lead_sum[t],
    # cand_reach[k] = reach[t], for head <= k < tail.
    cand_t_array = array("q", bytes(8 * n))
    cand_t: cython.longlong[::1] = cand_t_array
    cand_key_array = array("d", bytes(8 * n))
    cand_key: cython.double[::1] = cand_key_array
    cand_reach_array = array("q", bytes(8 * n))
    cand_reach: cython.longlong[::1] = cand_reach_array
    head: cython.Py_ssize_t = 0
    tail: cython.Py_ssize_t = 0
    i: cython.Py_ssize_t
    t: cython.Py_ssize_t
    base: cython.Py_ssize_t
    key: cython.double
    entry: cython.double
    start: cython.double
    new_body: cython.double = 0.0
    new_post: cython.double = 0.0
    new_comments: cython.double = 0.0
    title_path: cython.double
    heading: cython.double = IMPOSSIBLE
    entry_from: cython.int
    start_from: cython.int
    lead_sum: cython.double = e_lead[0]  # e.lead[0] + ... + e.lead[i]
    reach: cython.longlong = e_width[0]  # e.width[0] + ... + e.width[i]
    pre: cython.double = e_pre[0]
    body: cython.double = e_enter_body[0] + e_body[0]
    post: cython.double = impossible
    comments: cython.double = impossible
    i = 0
    while True:
        if i > 0:
            base = 6 * i
            # BODY: stay, or enter from the headline and lead, or from PRE.
            entry, entry_from = heading, k_lead
            if pre > entry:
                entry, entry_from = pre, k_pre
            entry += e_enter_body[i]
            if body >= entry:
                new_body, back[base + k_body] = body, k_body
            else:
                new_body, back[base + k_body] = entry, entry_from
            # POST: stay, or come from BODY or COMMENTS.
            new_post, back[base + k_post] = post, k_post
            if body > new_post:
                new_post, back[base + k_post] = body, k_body
            if comments > new_post:
                new_post, back[base + k_post] = comments, k_comments
            # COMMENTS: stay, or enter from BODY or POST at a comment heading.
            start, start_from = body, k_body
            if post > start:
                start, start_from = post, k_post
            start += e_enter_comments[i]
            if comments >= start:
                new_comments, back[base + k_comments] = comments, k_comments
            else:
                new_comments, back[base + k_comments] = start, start_from
            # The headline at i comes from PRE; the lead runs on (at most WINDOW blocks in all).
            title_path = pre + e_title[i]
            lead_sum += e_lead[i]
            reach += e_width[i]
        else:
            title_path = e_title[0]
        # Add headline position i; positions it beats or ties (being nearer) leave the deque.
        key = title_path - lead_sum
        if key > impossible / 2:
            while tail > head and cand_key[tail - 1] <= key:
                tail -= 1
            cand_t[tail] = i
            cand_key[tail] = key
            cand_reach[tail] = reach
            tail += 1
        # The best headline-and-lead path ending at i (IMPOSSIBLE if none): a headline at t
        # reaches block i while the widths of the blocks after it add up to less than WINDOW.
        while tail > head and cand_reach[head] <= reach - window:
            head += 1
        if tail > head:
            headline_at[i] = cand_t[head]
            heading = cand_key[head] + lead_sum
        else:
            heading = impossible
        if i > 0:
            pre = pre + e_pre[i]
            body = new_body + e_body[i]
            post = new_post + e_post[i]
            comments = new_comments + e_comments[i]
        i += 1
        if i >= n:
            break
    state: cython.int = k_body
    best: cython.double = body
    if post > best:
        state, best = k_post, post
    if comments > best:
        state, best = k_comments, comments
    if heading > best:
        state, best = k_lead, heading
    if pre > best:
        state, best = k_pre, pre
    path = [0] * n
    i = n - 1
    while i >= 0:
        if state == k_lead:  # the headline and its lead, then PRE above them
            t = headline_at[i]
            path[t + 1 : i + 1] = [k_lead] * (i - t)
            path[t] = k_title
            i, state = t - 1, k_pre
            continue
        path[i] = state
        state = back[6 * i + state]
        i -= 1
    return path, best

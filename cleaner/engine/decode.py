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
what lies between them; only the evidence decides where the span begins and ends.
"""

from __future__ import annotations

from dataclasses import dataclass

PRE, TITLE, LEAD, BODY, POST, COMMENTS = range(6)
STATES = ("pre", "title", "lead", "body", "post", "comments")
#: A score no path takes (a transition or emission that is not allowed).
IMPOSSIBLE = -1e18
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
    a comment heading (``enter_comments``, IMPOSSIBLE elsewhere)."""

    pre: list[float]
    title: list[float]
    lead: list[float]
    body: list[float]
    post: list[float]
    comments: list[float]
    enter_body: list[float]
    enter_comments: list[float]


def decode(e: Emissions) -> tuple[list[int], float]:
    """The best state of every block (see the module docstring) and the path's score;
    ``([], 0.0)`` for no blocks.

    Ties go to the state listed first in each ``max`` below: staying in a region over entering
    one, and the article over what surrounds it, so equal scores never split an article.
    """
    n = len(e.body)
    if n == 0:
        return [], 0.0
    # back[i * 6 + s]: the state of block i - 1 on the best path ending in state s at block i.
    back = [0] * (6 * n)
    pre = e.pre[0]
    title = e.title[0]
    lead = IMPOSSIBLE
    body = e.enter_body[0] + e.body[0]
    post = IMPOSSIBLE
    comments = IMPOSSIBLE
    for i in range(1, n):
        base = 6 * i
        # LEAD: from TITLE or LEAD.
        if lead >= title:
            new_lead, back[base + LEAD] = lead, LEAD
        else:
            new_lead, back[base + LEAD] = title, TITLE
        # BODY: stay, or enter from LEAD, TITLE or PRE.
        entry, entry_from = lead, LEAD
        if title > entry:
            entry, entry_from = title, TITLE
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
        # TITLE and PRE: from PRE only.
        back[base + TITLE] = PRE
        back[base + PRE] = PRE
        title = pre + e.title[i]
        pre = pre + e.pre[i]
        lead = new_lead + e.lead[i]
        body = new_body + e.body[i]
        post = new_post + e.post[i]
        comments = new_comments + e.comments[i]
    state, best = BODY, body
    for candidate, score in ((POST, post), (COMMENTS, comments), (LEAD, lead), (TITLE, title), (PRE, pre)):
        if score > best:
            state, best = candidate, score
    path = [0] * n
    for i in range(n - 1, -1, -1):
        path[i] = state
        state = back[6 * i + state]
    return path, best

"""Threads: a forum or Q&A page's posts, told apart by the furniture that repeats between them.

A thread is a page of posts, each with its author, its date and its reply links. Between two
posts stands the same short stretch of lines every time ("Reply", "Quote", a name, "Posted
March 3"), and at least one of them is a rule's comment, byline or date line. Such a stretch is
the posts' furniture, not the article's end: it is removed with its labels but is no barrier,
so every post is kept, not only the first. Reader comments under an article stay comments:
posts under a comment-section heading that follows an article are a comment section.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from ..page import Page
from ..rules import RuleMatch
from ..scores import is_paragraph
from ..title import LETTER_WORD
from .base import Verdict, ends_with_colon, heuristic

#: Labels of the rules that tell a post's furniture: its reply links and its author; a date
#: tells it only beside a line that names a different author in each gap (a list of other
#: stories has dates too, under the same section label each time).
POST_LABELS = frozenset({"comments", "byline"})
DATE_LABEL = "dateline"
PROMO_LABEL = "promo"
#: A comment-section heading: the posts under it are comments (``rules.pack.ROLES``).
COMMENT_HEADINGS = frozenset({"comment_heading", "weak_comment_heading"})
#: The furniture between two posts is at most this many lines (a longer stretch is a page's
#: other content; a post's comments come in it), and the same furniture stands between at
#: least MIN_GAPS pairs of posts.
MAX_LINES = 12
MIN_GAPS = 2
#: Gaps whose lengths differ by at most this many lines may be alike (``_alike_in_length``);
#: they are alike when their first PREFIX_LINES lines are (what follows differs: a post's
#: comments, none under the last).
LENGTH_SLACK = 3
PREFIX_LINES = 5
#: The stretch above a thread's first alike gap (``_opening_gap``) is at most this many lines,
#: and ends within OPENING_REACH lines above it (a first answer with its code between).
OPENING_LINES = 24
OPENING_REACH = 40
#: An unclaimed line of at most this many words in a post's furniture is its author's name.
AUTHOR_WORDS = 3
#: A line no rule names: of at most AUTHOR_WORDS words (a name, a link, a count), or longer (a
#: post's subject, "Re: " and the thread's title, which must then be the same in every gap: a
#: headline that changes from gap to gap makes the stretches a list of other stories).
UNNAMED = "·"
#: A short line ending on an initial ("Carla V.") is a name, not a post's last sentence.
_INITIAL_LAST = regex.compile(r"(?:^|\s)\p{Lu}\.$")
LONG = "…"


@dataclass(frozen=True)
class Thread:
    """The blocks of the furniture repeated between a thread's posts, how many posts it has, and
    which of its lines no rule names are the same in every gap (links: "Quote")."""

    furniture: frozenset[int]
    posts: int
    links: frozenset[int]


def page_thread(page: Page) -> Thread | None:
    """The page's thread (measured once per page), or None when it has none."""
    return page.derive("thread", _find_thread)


@heuristic(
    "thread_post",
    "byline",
    "A short line in the furniture repeated between a thread's posts (its author, its links) "
    "belongs to a post's header, not to the text of the post.",
)
def thread_post(page: Page, indices: Sequence[int]) -> Iterator[Verdict]:
    """The furniture lines between a thread's posts that no rule names: the author's name (a
    line of a few words that changes from post to post) and repeated links ("Quote")."""
    thread = page_thread(page)
    if thread is None:
        return
    features = page.features
    for index in indices:
        if index not in thread.furniture or page.rule_match(index) is not None:
            continue
        f = features[index]
        if index in thread.links:
            yield (
                index,
                "nav",
                f"A {f.words}-word line repeated between each of the {thread.posts} posts of a thread: "
                "a link or their subject.",
            )
        else:
            yield index, "byline", f"The author line of one of the {thread.posts} posts of a thread."


def _find_thread(page: Page) -> Thread | None:
    """Group the short stretches between paragraphs by what their lines are (``_signature``, a
    run of alike lines read as one: a post's comments, one or three); a signature that repeats
    MIN_GAPS times and holds a post's reply links or author (``_is_post``) is a thread's
    furniture, unless its first post stands under a comment-section heading."""
    texts = _post_text_ends(page)
    gaps = [range(before + 1, after) for before, after in pairwise(texts) if 1 <= after - before - 1 <= MAX_LINES]
    groups: dict[tuple[str, ...], list[tuple[list[list[int]], tuple[str, ...]]]] = defaultdict(list)
    for stretch in _alike_in_length(gaps):  # (only gaps as long as others: rules run on few)
        read = _signature(page, stretch)
        if read is not None:
            tokens, positions = read
            groups[tokens[:PREFIX_LINES]].append((positions, tokens[PREFIX_LINES:]))
    furniture: set[int] = set()
    links: set[int] = set()
    posts = 0
    blocks = page.blocks
    for signature, alike in groups.items():
        # (a stretch going on into another story's headline is not a post's: the thread's end)
        stretches = [(stretch, tail) for stretch, tail in alike if not any(_headline(token) for token in tail)]
        if len(stretches) < MIN_GAPS:
            continue
        columns = [[index for stretch, _ in stretches for index in stretch[k]] for k in range(len(signature))]
        same = [len({blocks[index].text for index in column}) == 1 for column in columns]
        if any(_headline(token) and not repeated for token, repeated in zip(signature, same, strict=True)):
            continue  # a headline that changes from gap to gap: a list of other stories
        first = stretches[0][0][0][0]
        if not _is_post(signature, same):
            continue
        opening = _opening_gap(page, texts, range(first, stretches[0][0][-1][-1] + 1), signature)
        read_as = {*signature, *(token for _, tail in stretches for token in tail)}
        # (an answer count after the opening post's furniture, "2 respuestas", heads no comments;
        # a comment heading before the first comment's furniture does)
        counted = range(0)
        if opening is not None:
            counted = range(opening[1][-1][-1] + 1, opening[0].stop)
        if _under_comment_heading(page, first - 1, read_as, counted):
            continue
        for column, repeated in zip(columns, same, strict=True):
            furniture.update(column)
            if repeated:
                links.update(column)
        for lines, _ in stretches:  # what follows the alike lines: a post's comments, a form
            furniture.update(index for position in lines[len(signature) :] for index in position)
        if opening is not None:
            above, window = opening
            furniture.update(above)
            inside = {index for position in window for index in position}
            links.update(index for index in above if index not in inside)  # tags, counts, a sort menu
            links.update(
                index for position, repeated in zip(window, same, strict=True) if repeated for index in position
            )
        posts += len(stretches) + 1 + (opening is not None)
    return Thread(frozenset(furniture), posts, frozenset(links)) if furniture else None


def _alike_in_length(gaps: list[range]) -> Iterator[range]:
    """The gaps as long as MIN_GAPS - 1 others, give or take LENGTH_SLACK lines (a post with
    one comment more than the next): only those can repeat."""
    lengths = sorted(len(gap) for gap in gaps)
    for gap in gaps:
        near = bisect_right(lengths, len(gap) + LENGTH_SLACK) - bisect_left(lengths, len(gap) - LENGTH_SLACK)
        if near >= MIN_GAPS:
            yield gap


def _post_text_ends(page: Page) -> list[int]:
    """The lines that may end a post's text (``_ends_text``), and the lines of a list a post
    announces (set tight under its line ending in a colon, no rule naming them): a post may end
    on its list."""
    ends: list[int] = []
    announced = False
    for index, block in enumerate(page.blocks):
        if _ends_text(page, index):
            ends.append(index)
            announced = ends_with_colon(block.text)
        elif announced and block.gap_before == 0 and _named(page, index) is None:
            ends.append(index)
        else:
            announced = False
    return ends


def _ends_text(page: Page, index: int) -> bool:
    """Whether a line can end a post's text: it ends a sentence, or a colon when it is longer
    than an author line (a post announcing its list) or a rule names it (a quote's "NAME said:";
    "Sorted by:" is the furniture's)."""
    f = page.features[index]
    if f.ends_sentence:
        return f.words > AUTHOR_WORDS or _INITIAL_LAST.search(page.blocks[index].text) is None
    if not ends_with_colon(page.blocks[index].text):
        return False
    return f.words > AUTHOR_WORDS or page.rule_match(index) is not None


def _opening_gap(
    page: Page, texts: list[int], first: range, signature: tuple[str, ...]
) -> tuple[range, list[list[int]]] | None:
    """The stretch above the first post of alike gaps, when it holds the same furniture as they
    do (in a row: the positions returned) and more (tags, an answer count, a sort menu): then
    the post above it is the thread's opening post or question, and that stretch is furniture
    too. At most OPENING_LINES lines, found within OPENING_REACH lines above the first alike
    gap (the first post may be several paragraphs, a list or code between them)."""
    position = texts.index(first.start - 1)
    width = len(signature)
    for back in range(position, 0, -1):
        if first.start - texts[back] > OPENING_REACH:
            break
        above = range(texts[back - 1] + 1, texts[back])
        if not width < len(above) <= OPENING_LINES:
            continue
        tokens, positions = _runs(page, above)
        found = (start for start in range(len(tokens) - width + 1) if tokens[start : start + width] == signature)
        start = next(found, None)
        if start is not None:
            return above, positions[start : start + width]
    return None


def _headline(token: str) -> bool:
    """Whether a line so read may be a headline: a longer line no rule names, or one a rule names
    another story's link or teaser (``promo``). In a thread it can only be the posts' subject,
    the same in every gap ("Re: " and the thread's title)."""
    return token == LONG or token.startswith(f"{PROMO_LABEL}/")


def _is_post(signature: tuple[str, ...], same: list[bool]) -> bool:
    """Whether stretches so read are a post's furniture: a rule names reply links or an author in
    them, or a date stands beside a line no rule names that differs between the gaps (a name)."""
    labels = {token.partition("/")[0] for token in signature}
    if labels & POST_LABELS:
        return True
    varying = any(token == UNNAMED and not repeated for token, repeated in zip(signature, same, strict=True))
    return DATE_LABEL in labels and varying


def _signature(page: Page, stretch: range) -> tuple[tuple[str, ...], list[list[int]]] | None:
    """What the lines of a stretch are (``_runs``), with the blocks of each: the label and id of
    the rule that names them, UNNAMED for a line of a few words (a name, a link), LONG for a
    longer one. None unless a rule names a line a post's furniture or date."""
    tokens, positions = _runs(page, stretch)
    labels = {token.partition("/")[0] for token in tokens}
    return (tokens, positions) if labels & (POST_LABELS | {DATE_LABEL}) else None


def _runs(page: Page, stretch: range) -> tuple[tuple[str, ...], list[list[int]]]:
    """The tokens of a stretch's lines (``_token``), a run of lines a rule names alike read as
    one (a post's comments), and the blocks of each."""
    tokens: list[str] = []
    positions: list[list[int]] = []
    for index in stretch:
        token = _token(page, index)
        if tokens and token == tokens[-1] and token not in (UNNAMED, LONG):
            positions[-1].append(index)
        else:
            tokens.append(token)
            positions.append([index])
    return tuple(tokens), positions


def _token(page: Page, index: int) -> str:
    """What a line between posts is (``_signature``): a line of figures without a word ("48.6k ●
    9 ● 102", a member's reputation and badges) reads as a short one, whatever its length."""
    match = _named(page, index)
    if match is not None:
        return f"{match.rule.label}/{match.rule.id}"
    if page.features[index].words <= AUTHOR_WORDS:
        return UNNAMED
    return LONG if LETTER_WORD.search(page.blocks[index].text) is not None else UNNAMED


def _named(page: Page, index: int) -> RuleMatch | None:
    """The match of a rule that names the line outright: an evidence-only one (``where =
    "outside"``: a name alone on its line, which may be an author's) names nothing between
    paragraphs, where a list of people or a subhead has that shape; read by its length, it makes
    no thread of an article."""
    match = page.rule_match(index)
    return None if match is None or match.rule.where == "outside" else match


def _under_comment_heading(page: Page, first_post: int, signature: Collection[str], counted: range) -> bool:
    """Whether the posts are reader comments: a comment-section heading stands above the first
    post with a paragraph above it (an article). A thread's first post is the page's first
    text, a reply counter under the thread's title ("12 replies") or after the opening post's
    furniture (``counted``) is not a comment section, nor is a comment link every post has ("Add
    a comment": its rule is in the posts' furniture)."""
    features = page.features
    for index in range(first_post - 1, -1, -1):
        if index in counted:
            continue
        match = None if is_paragraph(features[index]) else page.rule_match(index)
        if match is not None and match.rule.role in COMMENT_HEADINGS and _token(page, index) not in signature:
            return any(is_paragraph(f) for f in features[:index])
    return False

"""Turn rule matches, heuristic verdicts and the decoded regions into one Decision per block.

Evidence (block features, rules, heuristics, trafilatura's vote in HTML mode) becomes per-state
emissions; ``decode`` finds the page's regions (before the article, headline, lead, article,
after it, comments); each block's decision follows from its region and the evidence on it.

Rules and heuristics are evaluated only around the decoded article (plus a margin), widened
until the article stays inside: a block far from it is removed whatever rule would claim it.
An exhaustive Cleaner still runs the rules on those blocks afterwards, for their labels only, so
what is kept never depends on it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

import regex

from .anchor import headline_anchors
from .assemble import Decision
from .content_dates import release_dates
from .context import LIST_FLOOR, Lines, Neighbours, add_context
from .decode import BODY, COMMENTS, IMPOSSIBLE, LEAD, TITLE, Emissions, article_rows, decode, grid, on_grid
from .features import ends_sentence
from .heuristics import Heuristic
from .heuristics.base import ID_PREFIX as HEURISTIC_PREFIX
from .heuristics.base import ends_with_colon
from .heuristics.cards import card_list, page_cards
from .heuristics.thread import page_thread, thread_post
from .language import stopwords
from .lead import lead_zone, page_usual_gap
from .page import Page
from .regions import Regions, is_short_line, line_words
from .scan import all_capitals
from .scores import CLAIMED_SCORE, Run, block_scores, is_paragraph, strongly_body
from .title import LOOKBACK, headline_like
from .transcript import transcript_lines

#: A kicker has at most KICKER_WORDS words, and the headline under it more than as many again.
KICKER_WORDS = 4
#: A kicker's text: words (letters, spaces, hyphens, apostrophes), the first a capital or of a
#: script without case (``_kicker``).
_KICKER_TEXT = regex.compile(r"^(?:\p{Lu}|\p{Lo})[\p{L}\p{M}'’\- ]*$")
KEPT = Decision("body", "", "")
INVISIBLE = Decision("other", "heuristic.invisible_line", "Zero-width characters only: a blank line to the reader.")
#: How many repeated-headline candidates are tried as the article's start.
MAX_ANCHORS = 4
#: The headline: a line repeating the page's <title> (an anchor) pins where the article starts.
#: As the TITLE state it scores ANCHOR_SHARE of the page's best reading without anchors, so the
#: article after it wins unless it holds less than 1 - ANCHOR_SHARE of that reading's score;
#: each later-ranked anchor (a weaker match) scores ANCHOR_RANK less. Any other headline-like
#: line scores TITLE_SCORE.
ANCHOR_SHARE = 0.85
ANCHOR_RANK = 0.5
#: Any other headline-like line scores TITLE_SCORE, and TITLE_WORD more per word up to
#: TITLE_WORDS: headlines run longer than the buttons, bylines and labels also set as headings.
TITLE_SCORE = 0.2
TITLE_WORD = 0.1
TITLE_WORDS = 8
#: A headline-like line that shares most (TITLE_OVERLAP of the shorter one's words, and at least
#: three) with the first line (a page's <title>) scores OVERLAP_SCORE more.
TITLE_OVERLAP = 0.6
OVERLAP_SCORE = 2.0
#: A headline-like line right above a byline or a comment counter scores BYLINE_UNDER more:
#: that is where a page sets its headline (a question under them is a dek or the lead's first
#: line). Not above a date line: an unclaimed byline ("NAME, Outlet") stands there too.
BYLINE_UNDER = 0.5
UNDER_HEADLINE_LABELS = frozenset({"byline", "comments"})
#: An article does not begin with a headline-like line scoring at most this (``_body_starts``).
START_SCORE = 2.0
#: Each block between the headline and the article costs LEAD_STEP, unless a rule or heuristic
#: claims it (bylines, dates, share bars and captions are what stands there): the headline
#: stands close. Before the article (above the headline or under it) a block costs OUTSIDE_PROSE
#: of its score as the article: prose stands in articles, rarely above them. (The same share
#: above and under the headline, so that whether a paragraph starts the article does not depend
#: on a headline above it, which the clean text no longer has: idempotence.)
LEAD_STEP = 0.05
OUTSIDE_PROSE = 0.1
#: A headline does not stand above a list of other stories: a block claimed as promo costs
#: LEAD_PROMO as part of a lead.
LEAD_PROMO = 0.5
#: A headline stands above its article's text: below a block scoring this much (a paragraph),
#: only a line repeating the page's <title> can be the headline (a headline-like line found
#: below a paragraph is a subhead or a teaser), unless a rule names that paragraph boilerplate
#: (a cookie banner above the menus is no article's text).
TITLE_BELOW = 2.5
#: Entering the comment section at its heading scores this; prose there scores COMMENT_PROSE of
#: what it scores as the article (comments read like prose, so only the heading and the comment
#: furniture - reply links, "NAME says:" - tell them apart).
COMMENT_ENTRY = 6.0
#: See ``_comment_entries``.
COMMENT_HEADINGS = frozenset({"comment_heading", "weak_comment_heading"})
COMMENT_LINES_WITHIN = 8
COMMENTS_SHARE = 0.5
COMMENT_PROSE = 0.9
COMMENT_LINE = 0.5
#: Score a hint (rule or heuristic with ``where = "outside"``) takes off a block; a hinted block
#: never scores above -1, so the article run never ends on one (it is kept only between paragraphs).
HINT_PENALTY = 2.5
#: HTML mode: how much trafilatura keeping (or dropping) a block adds to (or takes from) its score.
EXTRACTOR_WEIGHT = 4.0
#: Body-like score that must come before a comment-section heading for it to end the article...
COMMENTS_AFTER = 8.0
#: ... or this much when comment lines follow the heading (a short article's comment section):
#: a paragraph's worth, so a counter under the headline still starts nothing.
COMMENTS_AFTER_FOLLOWED = 2.0
#: Blocks evaluated around a candidate run (covers the headline lookback and the article's tail).
MARGIN = LOOKBACK + 3
#: The line right above the article's first paragraph opens the article when it has
#: FIRST_SUBHEAD_WORDS words at most and at least FIRST_SUBHEAD_LIKE of the article's lines are
#: shaped as subheads are, of as many words or more, SUBHEADS_LIKE_WORDS at most
#: (``_open_on_first_subhead``).
FIRST_SUBHEAD_LIKE = 2
FIRST_SUBHEAD_WORDS = 2
SUBHEADS_LIKE_WORDS = 4
#: Rounds of widening the evaluated region when the chosen run leaves it.
MAX_ROUNDS = 3
#: Rounds of reading context off the kept blocks (``decide``).
CONTEXT_ROUNDS = 3
#: A block of format characters (category Cf: zero-width space, joiners, BOM) and spaces only.
#: Prose outside the run is kept (a paragraph an ad or a caption cut off) only within this many
#: blocks of it; further away, in the page's story and video grids, it is a teaser's summary.
STRAY_PROSE_REACH = 25
#: A claimed block whose role is furniture (a caption, a credit, an embed, a share bar, an ad
#: marker, a table of contents, a story card: ``rules.pack.ROLES``) stands inside articles, which
#: go on past it: it scores FURNITURE_SCORE, a weaker barrier than other claimed lines (a
#: gallery of a dozen captions and credits would otherwise cut an article in two).
FURNITURE_ROLES = frozenset({"furniture", "toc_heading"})
FURNITURE_SCORE = -0.2
#: A thread's post furniture (``heuristics.thread``: the author, date and reply links repeated
#: between posts) costs nothing: its repetition tells that the posts on both sides are one page's.
POST_ROLE = "post_furniture"
#: An interstitial (a newsletter prompt) set between an article's sections is one line; when its
#: rule claims another line within BOX_REACH blocks, the lines are a sign-up box of the page (its
#: heading, pitch, form note, confirmation) and score as other claimed lines.
BOX_REACH = 3


def decide(
    page: Page, heuristics: Sequence[Heuristic], keep: frozenset[str], exhaustive: bool = False
) -> tuple[list[Decision], str | None]:
    """Decide every block; returns the decisions and the headline (or None)."""
    has_stoplist = bool(stopwords(page.language))  # (none for a language told by its script)
    blocks = page.blocks
    texts = [b.text for b in blocks]
    gaps = [b.gap_before for b in blocks]
    base = block_scores(texts, page.features, has_stoplist)
    _weigh_extractor(page, base)
    anchors = headline_anchors(page)[:MAX_ANCHORS]
    context = _Context(page, texts, gaps, has_stoplist)

    # Rules run only around the article: decode without them first, then with them on the
    # blocks near the article, widening until the article stays inside what they have seen.
    adjacent = Neighbours.adjacent(gaps)
    path = _decode(context, *context.scored(base, adjacent, (), ()), {}, anchors)
    region = _near(page, [_headed_span(path)] + [Run(a, a + 1) for a in anchors])
    thread = page_thread(page) if thread_post in heuristics else None
    if thread is not None:
        region |= thread.furniture  # a thread's posts are decided by the furniture between them
    cards = page_cards(page) if card_list in heuristics and thread is None else None
    if cards is not None:
        region |= cards.furniture | cards.entries  # and a listing's entries by its cards' buttons
        context.entries = cards.entries
    claimed: dict[int, Decision] = {}
    hints: dict[int, Decision] = {}
    barriers: set[int] = set()
    for _ in range(MAX_ROUNDS):
        claimed, hints = _verdicts(page, heuristics, sorted(region))
        if thread is not None:
            _as_post_furniture(thread.furniture, claimed, hints)
        if cards is not None:
            _as_post_furniture(cards.furniture, claimed, hints)
        own = _claimed_scores(page, base, claimed, hints)
        barriers = _barriers(page, hints)
        scores, items = context.scored(own, adjacent, claimed.keys(), barriers)
        path = _decode(context, scores, items, claimed, anchors)
        missing = _near(page, [_headed_span(path)]) - region
        if not missing:
            break
        region |= missing
    # A line is scored by its neighbours in the clean text: read them off this decoding, decode
    # again, until the kept blocks stay the same (they then have those neighbours when the clean
    # text is cleaned again).
    kept = _kept(context, path, scores, claimed)
    for _ in range(CONTEXT_ROUNDS):
        scores, items = context.scored(own, _neighbours(gaps, kept, path, claimed), claimed.keys(), barriers)
        path = _decode(context, scores, items, claimed, anchors)
        now_kept = _kept(context, path, scores, claimed)
        if now_kept == kept:
            break
        kept = now_kept

    _open_on_first_subhead(context, path, claimed)
    run = _span(path)
    title_index = next((index for index, state in enumerate(path) if state == TITLE), None)
    lead = context.lead_zone(title_index, claimed)
    regions = Regions(page, path, title_index, claimed)
    # A release's date inside the article is its content; as a claimed date it was no barrier.
    content_dates = {index for index in release_dates(page, claimed) if index in run}

    decisions: list[Decision] = []
    for index, f in enumerate(page.features):
        state = path[index]
        if index == title_index:
            decision = Decision("title", "heuristic.title", "The headline: a heading line just before the article.")
        elif index in content_dates:
            decision = KEPT
        elif index in claimed and not (state == COMMENTS and claimed[index].rule == thread_post.id):
            decision = claimed[index]  # (a comment section's authors are its comments)
        elif index in lead:
            decision = lead[index]
        elif state == BODY:
            # Inside the article trafilatura's leaving a block out removes it only when the
            # block's own evidence does not outweigh that vote (its score is negative).
            dropped = page.extractor_votes[index] is False and scores[index] < 0
            decision = _extractor_dropped(regions, index) if dropped else KEPT
        elif state == COMMENTS:
            decision = Decision("comments", "heuristic.comment_section", "After the comment-section heading.")
        elif index in hints:
            decision = hints[index]
        elif strongly_body(f, has_stoplist) and run.start - STRAY_PROSE_REACH <= index < run.end + STRAY_PROSE_REACH:
            decision = _kept_unless_claimed(page, index, region)  # a long licence notice reads like prose
        else:
            decision = regions.describe(index)
            if exhaustive:
                decision = _rule_label(page, index) or decision
        if decision.label in keep:
            decision = KEPT
        decisions.append(decision)
    title = page.blocks[title_index].text if title_index is not None else None
    return decisions, title


class _Context:
    """What selection reads of each block once per page (``context.Lines``, which lines are
    headline-like, their TITLE score), and scores with their context (``context.add_context``)
    with the lines read as list items."""

    def __init__(self, page: Page, texts: list[str], gaps: list[int], has_stoplist: bool) -> None:
        self.page = page
        self.lines = Lines(texts, page.features, has_stoplist)
        self._headline: list[bool | None] = [None] * len(texts)
        self._capitals: list[bool | None] = [None] * len(texts)
        self._title: list[float | None] = [None] * len(texts)
        self._first: set[str] | None = None
        self._usual_gap: float | None = None
        #: The entries of the page's card list, if it has one (``heuristics.cards``).
        self.entries: frozenset[int] = frozenset()
        #: The last ``scored`` call's arguments and what it returned: a round whose claims are the
        #: last round's (a third of them) is scored alike without measuring its context again.
        self._last_scored: tuple[tuple[object, ...], list[float], set[int]] | None = None
        #: The last decoding's evidence (scores, list items, claims, anchors) and its path.
        self.last_decoding: tuple[list[float], set[int], dict[int, Decision], list[int], list[int]] | None = None

    def scored(
        self, scores: list[float], neighbours: Neighbours, claimed: Collection[int], hinted: Collection[int]
    ) -> tuple[list[float], set[int]]:
        """``add_context`` (``hinted`` blocks are read as claimed there, but as a structured
        list's rows); a
        card list's entries (``heuristics.cards``) score at least LIST_FLOOR and are items, as a
        list's lines are, unless a rule or heuristic claims them: a hint (evidence only outside
        the article: a house ad's "Name: pitch" shape) does not outweigh the cards' shape."""
        key = (scores, neighbours, frozenset(claimed), frozenset(hinted), self.entries)
        last = self._last_scored
        if last is not None and last[0] == key:
            return list(last[1]), set(last[2])  # (a round that claimed what the last one did)
        result, items = add_context(scores, self.lines, neighbours, claimed, hinted)
        for index in self.entries:
            if index not in claimed:
                result[index] = max(result[index], LIST_FLOOR)
                items.add(index)
        self._last_scored = ((list(scores), *key[1:]), list(result), set(items))
        return result, items

    def lead_zone(self, title: int | None, claimed: dict[int, Decision]) -> dict[int, Decision]:
        """``lead.lead_zone``, with the page's usual gap between blocks measured once."""
        if self._usual_gap is None and title is not None and len(self.page) >= 3:
            self._usual_gap = page_usual_gap(self.page)
        return lead_zone(self.page, title, claimed, self._usual_gap)

    def headline(self, index: int) -> bool:
        """``title.headline_like``, measured on first use."""
        known = self._headline[index]
        if known is None:
            known = self._headline[index] = headline_like(self.page, index)
        return known

    def capitals(self, index: int) -> bool:
        """Whether every cased letter of the line is a capital, at least four (``scan.all_capitals``):
        a section label, a kicker or a subhead ("HOW TO USE A WATER BATH CANNER"); a headline is
        set in capitals by its style, not in its text. Measured on first use."""
        known = self._capitals[index]
        if known is None:
            known = self._capitals[index] = all_capitals(self.page.blocks[index].text)
        return known

    def title_score(self, index: int) -> float:
        """A headline-like line's TITLE score (``_title_scores``), measured on first use."""
        known = self._title[index]
        if known is None:
            page = self.page
            if self._first is None:
                self._first = set(page.blocks[0].text.lower().split())
            first = self._first
            words = set(page.blocks[index].text.lower().split())
            common = len(words & first) if index > 0 else 0
            overlap = common >= 3 and common >= TITLE_OVERLAP * min(len(words), len(first))
            length = min(page.features[index].words, TITLE_WORDS)
            known = self._title[index] = TITLE_SCORE + TITLE_WORD * length + (OVERLAP_SCORE if overlap else 0.0)
        return known


def _kept(context: _Context, path: Sequence[int], scores: Sequence[float], claimed: dict[int, Decision]) -> list[bool]:
    """Which blocks a decoding keeps: the article's, but for what a rule or heuristic claims,
    the captions of its lead zone, and what trafilatura left out whose own score does not
    outweigh its vote (see ``decide``)."""
    votes = context.page.extractor_votes
    title = next((index for index, state in enumerate(path) if state == TITLE), None)
    lead = context.lead_zone(title, claimed)
    # One ``not`` over an ``or`` chain: compiled, an ``and`` chain mixing Python and C truth
    # values would be miscompiled (Cython issue 7472; ``tests/test_native.py`` checks the C).
    return [
        not (state != BODY or index in claimed or index in lead or (votes[index] is False and scores[index] < 0))
        for index, state in enumerate(path)
    ]


def _neighbours(gaps: Sequence[int], kept: Sequence[bool], path: Sequence[int], claimed: Collection[int]) -> Neighbours:
    """A kept block's neighbours are those it has in the clean text; a removed block's are the
    nearest blocks that are not the headline and that no rule or heuristic claims, as if its
    stretch were kept with it: a list, a block of code or a section left out is read as it
    would stand in the article, so that a decoding may take it in whole (the headline and a
    claimed line between are removed whatever is decided). It is set tight as on the page, and a
    line set tight under a claimed one ("Share this:", "Related:") is read under that claim, as
    its list's."""
    n = len(gaps)
    readable = [keep or (index not in claimed and path[index] != TITLE) for index, keep in enumerate(kept)]
    clean, page = Neighbours.of_kept(gaps, kept), Neighbours.of_kept(gaps, readable)
    under_claim = [i > 0 and gaps[i] == 0 and i - 1 in claimed for i in range(n)]
    before = [clean.before[i] if kept[i] else i - 1 if under_claim[i] else page.before[i] for i in range(n)]
    after = [clean.after[i] if kept[i] else page.after[i] for i in range(n)]
    tight = [clean.tight[i] if kept[i] else i > 0 and gaps[i] == 0 for i in range(n)]
    return Neighbours(before, after, tight)


def _open_on_first_subhead(context: _Context, path: list[int], claimed: dict[int, Decision]) -> None:
    """The line right above the article's first paragraph opens it (``path`` is changed in
    place) when it is shaped as the article's subheads ("Description" over a product's first
    section, then "Key features" and "What's in the box"): of FIRST_SUBHEAD_WORDS words at most,
    no sentence end, not claimed, and at least FIRST_SUBHEAD_LIKE lines inside the article, no
    code, are as short (from its own words to SUBHEADS_LIKE_WORDS: a page's headline is mostly
    longer than the subheads under it, "Brewmaster 3000" over "Features"), stand over more words
    and sit as it does (set apart above, set tight or not over their section). Its own score
    cannot tell: a heading with nothing worth keeping above it scores as a menu's name."""
    span = _span(path)
    above = span.start - 1
    if span.end <= span.start or above < 0 or path[above] == TITLE or above in claimed:
        return
    features, blocks, paragraph = context.page.features, context.page.blocks, context.lines.paragraph
    words = features[above].words
    if not 1 <= words <= FIRST_SUBHEAD_WORDS or features[above].ends_sentence or not paragraph[span.start]:
        return

    def placed(index: int) -> tuple[bool, bool]:  # (the page's first line stands apart above)
        return index == 0 or blocks[index].gap_before > 0, blocks[index + 1].gap_before > 0

    alike = sum(
        1
        for index in range(span.start + 1, span.end - 1)
        if path[index] == BODY
        and index not in claimed
        and words <= features[index].words <= SUBHEADS_LIKE_WORDS
        and not features[index].ends_sentence
        and not context.lines.code(index)
        and features[index + 1].words > FIRST_SUBHEAD_WORDS
        and placed(index) == placed(above)
    )
    if alike >= FIRST_SUBHEAD_LIKE:
        path[above] = BODY


def _span(path: Sequence[int]) -> Run:
    """The article's blocks: from the first block decoded as BODY to the last (empty: none)."""
    first = next((index for index, state in enumerate(path) if state == BODY), None)
    if first is None:
        return Run(0, 0)
    last = len(path) - 1 - next(index for index, state in enumerate(reversed(path)) if state == BODY)
    return Run(first, last + 1)


def _headed_span(path: Sequence[int]) -> Run:
    """The article's blocks with its headline and lead: what the rules must have seen (a
    dateline taken for the headline is a rule's to claim)."""
    span = _span(path)
    first = next((index for index, state in enumerate(path) if state in (TITLE, LEAD)), None)
    empty = span.end <= span.start
    if first is None or (not empty and first > span.start):
        return span
    return Run(first, first + 1 if empty else span.end)


def _decode(
    context: _Context, scores: list[float], items: set[int], claimed: dict[int, Decision], anchors: Sequence[int]
) -> list[int]:
    """The decoded path (``_decode_anew``); a round whose evidence is the previous round's (a
    third of them: a round that changed nothing near the article) takes its path again."""
    last = context.last_decoding
    if last is not None and last[0] == scores and last[1] == items and last[2] == claimed and last[3] == anchors:
        return list(last[4])
    path = _decode_anew(context, scores, items, claimed, anchors)
    context.last_decoding = (list(scores), set(items), dict(claimed), list(anchors), list(path))
    return path


def _decode_anew(
    context: _Context, scores: list[float], items: set[int], claimed: dict[int, Decision], anchors: Sequence[int]
) -> list[int]:
    """The decoded path, in three steps: without the anchors or a comment section (the anchors
    then score ANCHOR_SHARE of that reading's score); with the anchors; then with the comment
    section allowed to start at a heading that reading has found after a substantial article
    (``_comment_entries``)."""
    emissions = _emissions(context, scores, items, claimed)
    comment_entries = emissions.enter_comments
    emissions.enter_comments = [IMPOSSIBLE] * len(scores)
    path, best = decode(emissions)
    # A heuristic's guess (a headline listed under "Up next:") does not outweigh the repeat of
    # the page's <title>; a rule's match does.
    anchors = [index for index in anchors if _may_be_headline(claimed.get(index)) and not context.capitals(index)]
    for rank, index in enumerate(anchors):
        emissions.title[index] = on_grid(max(ANCHOR_SHARE * best, OVERLAP_SCORE) - ANCHOR_RANK * rank)
    if anchors:
        path = decode(emissions)[0]
    emissions.enter_comments = _comment_entries(path, comment_entries, scores, claimed)
    if all(entry <= IMPOSSIBLE for entry in emissions.enter_comments):
        return path
    return decode(emissions)[0]


def _may_be_headline(decision: Decision | None) -> bool:
    """Whether a line so claimed may still be the headline: unclaimed, or listed as another
    story by a heuristic (a headline under "Up next:" or "Previous articles" is the page's own
    when it stands right above the article); a rule's claim, or a caption, rules it out."""
    return decision is None or (decision.rule.startswith(HEURISTIC_PREFIX) and decision.label == "promo")


def _emissions(context: _Context, scores: list[float], items: set[int], claimed: dict[int, Decision]) -> Emissions:
    """Per-state scores of every block: ``scores`` as the article, 0 around it, headline-like
    lines as TITLE, a small cost per block of lead, and the comment section from its heading on
    (see ``decode``)."""
    n = len(scores)
    pre, lead, body, comments = article_rows(scores, OUTSIDE_PROSE, LEAD_STEP, COMMENT_PROSE)
    width = [1] * n
    for index, decision in claimed.items():
        lead[index] = on_grid(_claimed_lead_score(decision))
        if decision.label == "comments":
            comments[index] = on_grid(COMMENT_LINE)
        width[index] = 0
    return Emissions(
        pre=pre,
        title=grid(_title_scores(context, scores, items, claimed)),
        lead=lead,
        body=body,
        post=[0.0] * n,
        comments=comments,
        enter_body=grid(_body_starts(context, scores, items)),
        enter_comments=grid(_comment_headings(claimed, n)),
        width=width,
    )


def _claimed_lead_score(decision: Decision) -> float:
    """LEAD emission of a claimed block: free for what stands under a headline (a claimed
    byline, date, share bar, caption), LEAD_PROMO for a claimed teaser or related link (any other
    block costs LEAD_STEP and the prose cost: ``decode.article_rows``)."""
    return -LEAD_PROMO if decision.label == "promo" else 0.0


def _title_scores(context: _Context, scores: list[float], items: set[int], claimed: dict[int, Decision]) -> list[float]:
    """TITLE emissions: headline-like lines that may be the headline (``_may_be_headline``), not
    a list's items, above the page's first paragraph that no rule names (TITLE_BELOW) score
    TITLE_SCORE, more when they repeat most of the first line's words or are the first line; no
    other line can be it (``_decode`` adds the <title> repeats)."""
    titles = [IMPOSSIBLE] * len(scores)
    page = context.page
    for index in range(len(scores)):
        if index and scores[index - 1] >= TITLE_BELOW and page.rule_match(index - 1) is None:
            break
        if index in items or not _may_be_headline(claimed.get(index)) or not context.headline(index):
            continue
        if _in_tight_list(page, index, claimed) or context.capitals(index):
            continue
        under = claimed.get(index + 1)
        bonus = BYLINE_UNDER if under is not None and under.label in UNDER_HEADLINE_LABELS else 0.0
        titles[index] = context.title_score(index) + bonus
    return titles


def _in_tight_list(page: Page, index: int, claimed: dict[int, Decision]) -> bool:
    """Whether the line stands right under or right over another (no blank line between) that
    no rule or heuristic claimed: an item of a menu, a list or a teaser box, not a headline,
    which a page sets apart (HTML renders a heading with blank lines around it) or follows with
    its byline or date."""
    blocks = page.blocks
    above = index > 0 and not blocks[index].gap_before and index - 1 not in claimed
    below = index + 1 < len(blocks) and not blocks[index + 1].gap_before and index + 1 not in claimed
    if above and not below and _kicker(page, index - 1):
        return False
    return above or below


def _kicker(page: Page, index: int) -> bool:
    """Whether block ``index`` is a kicker over the headline under it: the two set tight and
    apart from the rest (a blank line above the kicker), the kicker a few words and the headline
    longer by more than as many (a menu's or a teaser box's lines come more than two together,
    and alike), the kicker words only, opening with a capital or a letter of a script without
    case (a count, a price or a rating is no kicker)."""
    blocks, f = page.blocks, page.features[index]
    set_apart = index == 0 or blocks[index].gap_before > 0
    below_apart = index + 2 >= len(blocks) or blocks[index + 2].gap_before > 0
    longer = page.features[index + 1].words - f.words
    if not (set_apart and below_apart and f.words <= KICKER_WORDS < longer):
        return False
    return not f.ends_sentence and _KICKER_TEXT.match(blocks[index].text) is not None


def _body_starts(context: _Context, scores: list[float], items: set[int]) -> list[float]:
    """Where the article may begin: at a block worth keeping (a positive score), but not at a
    headline-like line (not a list's item, not prose) scoring at most START_SCORE (more than any
    TITLE score but an anchor's): such a line above the article is its headline, a dek or
    chrome. Both keep the clean text, cleaned again, as it is: its first line, which was the
    article's first, may begin the article again, and scores more as its text than as a
    headline (idempotence). (Wherever the line stands: whether it could be the headline there
    depends on what stands above it, which the clean text no longer has.)"""
    starts = [IMPOSSIBLE if score <= 0 else 0.0 for score in scores]
    for index in context.lines.open:
        if 0 < scores[index] <= START_SCORE and index not in items and context.headline(index):
            starts[index] = IMPOSSIBLE
    return starts


def _comment_headings(claimed: dict[int, Decision], n: int) -> list[float]:
    """COMMENT_ENTRY at every comment-section heading (a rule's or heuristic's role), IMPOSSIBLE
    elsewhere."""
    entries = [IMPOSSIBLE] * n
    for index, decision in claimed.items():
        if decision.role in COMMENT_HEADINGS:
            entries[index] = COMMENT_ENTRY
    return entries


def _comment_entries(
    path: Sequence[int], headings: list[float], scores: list[float], claimed: dict[int, Decision]
) -> list[float]:
    """The comment headings that follow the article: comment lines (a commenter's name,
    "Reply") within COMMENT_LINES_WITHIN blocks after them and COMMENTS_AFTER_FOLLOWED of the
    score of blocks read as the article before them (a short article's comment section); or,
    a heading alone, COMMENTS_AFTER and most (COMMENTS_SHARE) of the article's score before it.
    A comment counter under the headline or after the lead, a "Comments" link in a share bar,
    is not where comments start: the article goes on after it."""
    entries = [IMPOSSIBLE] * len(scores)
    total = sum(max(score, 0.0) for score, state in zip(scores, path, strict=True) if state == BODY)
    lines = [i for i, d in claimed.items() if d.label == "comments" and d.role not in COMMENT_HEADINGS]
    seen = 0.0
    for index, score in enumerate(scores):
        if headings[index] > IMPOSSIBLE and seen >= COMMENTS_AFTER_FOLLOWED:
            followed = any(index < line <= index + COMMENT_LINES_WITHIN for line in lines)
            explicit = claimed[index].role == "comment_heading"
            if followed or (explicit and seen >= max(COMMENTS_AFTER, COMMENTS_SHARE * total)):
                entries[index] = headings[index]
        if path[index] == BODY:
            seen += max(score, 0.0)
    return entries


def _kept_unless_claimed(page: Page, index: int, region: set[int]) -> Decision:
    """Kept, unless the block lies outside the evaluated region (where no rule has run on it
    yet) and a rule claims it there."""
    return KEPT if index in region else _claiming_rule(page, index) or KEPT


def _claiming_rule(page: Page, index: int) -> Decision | None:
    """The decision of a rule that claims the block outright (not an evidence-only one), if any."""
    match = page.rule_match(index)
    if match is None or match.rule.where == "outside":
        return None
    return Decision(match.rule.label, match.rule.id, match.reason)


def _rule_label(page: Page, index: int) -> Decision | None:
    """The rule that would claim a block selection already removed (labels only, same decisions)."""
    match = page.rule_match(index)
    return None if match is None else Decision(match.rule.label, match.rule.id, match.reason)


def _near(page: Page, runs: Sequence[Run]) -> set[int]:
    """Block indices within MARGIN of any of the runs."""
    near: set[int] = set()
    for run in runs:
        near.update(range(max(0, run.start - MARGIN), min(len(page), run.end + MARGIN)))
    return near


def _verdicts(
    page: Page, heuristics: Sequence[Heuristic], indices: Sequence[int]
) -> tuple[dict[int, Decision], dict[int, Decision]]:
    """Rule matches and heuristic verdicts: decisive ones (claimed) and evidence-only ones (hints)."""
    claimed: dict[int, Decision] = {}
    hints: dict[int, Decision] = {}
    for index in indices:
        match = page.rule_match(index)
        if match is not None and not _runs_on_into(page, index):
            target = hints if match.rule.where == "outside" else claimed
            target[index] = Decision(match.rule.label, match.rule.id, match.reason, match.rule.role)
    for item in heuristics:
        target = hints if item.where == "outside" else claimed
        for index, label, reason in item(page, indices):
            if index not in claimed:
                target.setdefault(index, Decision(label, item.id, reason, item.role))
    for index in transcript_lines(page, hints):  # a speaker's line: the article's, not a one-off pitch
        del hints[index]
    return claimed, hints


def _runs_on_into(page: Page, index: int) -> bool:
    """Whether the block is the rest of a sentence that the line set tight above it runs into
    (``features._paragraph_ends``: a hard-wrapped paragraph's line, which ends a sentence only
    as its paragraph does), opening in lower case as only a sentence's rest does, and no rule
    claims that line: a rule reads a line whole, and the last words of a sentence ("comment.",
    "reageren." under "declined to") are no prompt. (A line opening in upper case or with a
    symbol, "© 2021 ...", may stand on its own under a line that merely ends on a stopword.)"""
    if index == 0 or page.blocks[index].gap_before or not page.blocks[index].text[:1].islower():
        return False
    above = index - 1
    return (
        page.features[above].ends_sentence
        and not ends_sentence(page.blocks[above].text)
        and page.rule_match(above) is None
    )


def _as_post_furniture(furniture: Collection[int], claimed: dict[int, Decision], hints: dict[int, Decision]) -> None:
    """A thread's post furniture (reply links, authors, dates) is removed but is no barrier: its
    claims take POST_ROLE, and its hints (a repeated "Quote" link) become claims."""
    for index in furniture:
        decision = claimed.get(index) or hints.pop(index, None)
        if decision is not None:
            claimed[index] = replace(decision, role=POST_ROLE)


def _barriers(page: Page, hints: dict[int, Decision]) -> set[int]:
    """The hinted blocks read as claimed in context (``add_context``): all but a furniture hint
    (a name alone on its line, which may be an author's byline) standing in the article's shape,
    read as the line it is: set tight down a run of lines that opens on a line ending in a colon
    ("Elected to the board:"), set tight beside another hint of its rule, or between two
    paragraphs (a subhead). A list of people is the article's, and so is a name heading a
    section; an author's name stands alone, over a headline or a date."""
    barriers: set[int] = set()
    listed: list[bool] | None = None
    for index, decision in hints.items():
        if decision.role not in FURNITURE_ROLES:
            barriers.add(index)
            continue
        if listed is None:
            listed = _under_colon(page)
        if not (listed[index] or _beside_alike(page, index, hints) or _between_paragraphs(page, index)):
            barriers.add(index)
    return barriers


def _under_colon(page: Page) -> list[bool]:
    """Per block: whether it is set tight down a run of lines that opens on a line ending in a
    colon (one pass: a page of many tight hinted lines costs linear time)."""
    blocks = page.blocks
    listed = [False] * len(blocks)
    for index in range(1, len(blocks)):
        if blocks[index].gap_before == 0:
            listed[index] = listed[index - 1] or ends_with_colon(blocks[index - 1].text)
    return listed


def _between_paragraphs(page: Page, index: int) -> bool:
    """Whether blocks ``index - 1`` and ``index + 1`` are both paragraphs."""
    features = page.features
    if index == 0 or index + 1 >= len(features):
        return False
    return is_paragraph(features[index - 1]) and is_paragraph(features[index + 1])


def _beside_alike(page: Page, index: int, hints: dict[int, Decision]) -> bool:
    """Whether a block set tight against block ``index`` holds a hint of the same rule."""
    blocks = page.blocks
    rule = hints[index].rule
    if index > 0 and blocks[index].gap_before == 0:
        above = hints.get(index - 1)
        if above is not None and above.rule == rule:
            return True
    if index + 1 < len(blocks) and blocks[index + 1].gap_before == 0:
        below = hints.get(index + 1)
        if below is not None and below.rule == rule:
            return True
    return False


def _claimed_scores(
    page: Page,
    base: list[float],
    claimed: dict[int, Decision],
    hints: dict[int, Decision],
) -> list[float]:
    """Claimed blocks score from -1.2 (a one-word line) to CLAIMED_SCORE (ten words or more):
    a short known-junk line inside an article (a "Report" link) is a weak barrier, a long one
    strong. Furniture scores FURNITURE_SCORE whatever its length, a thread's post furniture 0.
    (Invisible lines never reach here: ``invisible.without_invisible``.)"""
    scores = list(base)
    for index, decision in claimed.items():
        if decision.role == POST_ROLE:
            scores[index] = 0.0
        elif decision.role in FURNITURE_ROLES or (decision.role == "interstitial" and _alone(claimed, index)):
            scores[index] = FURNITURE_SCORE
        else:
            scores[index] = max(CLAIMED_SCORE, -1.0 - 0.2 * page.features[index].words)
    for index in hints:
        if index not in claimed:
            scores[index] = min(scores[index] - HINT_PENALTY, -1.0)
    return scores


def _alone(claimed: dict[int, Decision], index: int) -> bool:
    """Whether no other line within BOX_REACH blocks is claimed by the same rule (``BOX_REACH``)."""
    rule = claimed[index].rule
    near = range(index - BOX_REACH, index + BOX_REACH + 1)
    return not any(other != index and other in claimed and claimed[other].rule == rule for other in near)


def _weigh_extractor(page: Page, scores: list[float]) -> None:
    """HTML mode: trafilatura's choice is strong evidence either way."""
    for index, vote in enumerate(page.extractor_votes):
        if vote is True:
            scores[index] += EXTRACTOR_WEIGHT
        elif vote is False:
            scores[index] -= EXTRACTOR_WEIGHT


def _extractor_dropped(regions: Regions, index: int) -> Decision:
    """Inside the article, a block trafilatura left out whose own evidence does not outweigh that."""
    f = regions.page.features[index]
    return Decision(
        "nav" if is_short_line(f) else "other",
        "heuristic.extractor",
        f"{line_words(f)} inside the article that scores as boilerplate, and trafilatura left it out.",
    )

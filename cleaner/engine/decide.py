"""Turn rule matches, heuristic verdicts and the selected run into one Decision per block.

Rules and heuristics are evaluated only in the region around the candidate article runs (plus a
margin): a block far from any candidate run is removed by selection whatever rule would claim it.
An exhaustive Cleaner still runs the rules on those blocks afterwards, for their labels only, so
what is kept never depends on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

from .anchor import WINDOW, headline_candidates
from .assemble import Decision
from .heuristics import Heuristic
from .heuristics.base import ID_PREFIX as HEURISTIC_PREFIX
from .lead import PARAGRAPH_WORDS, lead_zone
from .page import Page
from .select import CLAIMED_SCORE, Run, best_run, best_run_from, body_score, run_sum, strongly_body
from .title import LOOKBACK, find_title

KEPT = Decision("body", "", "")
INVISIBLE = Decision("other", "heuristic.invisible_line", "Zero-width characters only: a blank line to the reader.")
#: How many repeated-headline candidates are tried as the article's start.
MAX_ANCHORS = 4
#: A run after the headline wins if it holds at least this share of the best run's score.
ANCHORED_SHARE = 0.15
#: Among headline repeats, the earliest whose run reaches this share of the best one is chosen.
EARLIEST_SHARE = 0.5
#: Score a hint (rule or heuristic with ``where = "outside"``) takes off a block; a hinted block
#: never scores above -1, so the article run never ends on one (it is kept only between paragraphs).
HINT_PENALTY = 2.5
#: A list item is a line of at most this many words without a sentence end, next to another.
LIST_ITEM_WORDS = 20
LIST_PENALTY = 1.0
#: Only headline-like items (capitalised, at least this many words) pay the list penalty.
HEADLINE_WORDS = 4
#: Rules whose match is the heading of a comment section.
COMMENT_HEADINGS = frozenset({"comments.comments_header"})
#: HTML mode: how much trafilatura keeping (or dropping) a block adds to (or takes from) its score.
EXTRACTOR_WEIGHT = 4.0
#: Body-like score that must come before a comment-section heading for it to end the article.
COMMENTS_AFTER = 15.0
#: Word range of an opening line without a full stop that is kept with the article below it.
OPENING_WORDS = (8, 40)
#: Blocks evaluated around a candidate run (covers the headline lookback and the article's tail).
MARGIN = LOOKBACK + 3
#: Rounds of widening the evaluated region when the chosen run leaves it.
MAX_ROUNDS = 3
#: HTML mode: trafilatura's leaving out long prose inside the run is overruled from this many
#: such paragraphs in a row on.
OVERRULED_STRETCH = 3
#: A list announced by a colon at the article's end is kept from this many items on.
MIN_ANNOUNCED_ITEMS = 3
#: A list under a heading (no colon) is kept when this share of its lines hold a digit.
DATA_SHARE = 0.8
HEADING_WORDS = 10
#: A block of format characters (category Cf: zero-width space, joiners, BOM) and spaces only.
_INVISIBLE = regex.compile(r"[\p{Cf}\s]+")
#: A number standing as a word of its own ("June 9", "3-1", "$200"; not the digits in "TP_615").
_NUMBER = regex.compile(r"\b\d")
#: Prose outside the run is kept (a paragraph an ad or a caption cut off) only within this many
#: blocks of it; further away, in the page's story and video grids, it is a teaser's summary.
STRAY_PROSE_REACH = 25
#: Labels of what stands around a picture, a gallery or an embed: the article often goes on
#: past it, so such a claimed block scores FIGURE_SCORE, a weaker barrier than other claimed
#: lines (a gallery of a dozen captions and credits would otherwise cut an article in two).
FIGURE_LABELS = frozenset({"caption", "credit", "embed"})
FIGURE_SCORE = -0.2
#: A story card set between an article's paragraphs (a headline, its cut-off summary, "Read
#: more") is furniture too: the article goes on under it.
CARD_RULES = frozenset({"heuristic.story_card"})


def decide(
    page: Page, heuristics: Sequence[Heuristic], keep: frozenset[str], exhaustive: bool = False
) -> tuple[list[Decision], str | None]:
    """Decide every block; returns the decisions and the headline (or None)."""
    has_stoplist = page.language is not None
    base = [body_score(f, has_stoplist) for f in page.features]
    invisible = set(_invisible_blocks(page))
    for index in invisible:
        base[index] = 0.0
    _penalise_lists(page, base)
    _weigh_extractor(page, base)

    anchors = headline_candidates(page)[:MAX_ANCHORS]
    region = _near(page, _candidate_runs(anchors, base))
    for _ in range(MAX_ROUNDS):
        claimed, hints = _verdicts(page, heuristics, sorted(region))
        scores = _claimed_scores(page, base, claimed, hints, invisible)
        comments_from = _comments_start(claimed, scores)
        run, title_index = _choose_run([a for a in anchors if a not in claimed], scores)
        missing = _near(page, [run]) - region
        if not missing:
            break
        region |= missing

    run = _with_opening_line(page, run, claimed, title_index)
    run = _with_announced_list(page, run, claimed, hints)
    if title_index is None or title_index in claimed:
        title_index = find_title(page, run, claimed)
    lead = lead_zone(page, title_index, claimed)

    overruled = _overruled_drops(page, run, claimed, has_stoplist)
    decisions: list[Decision] = []
    for index, f in enumerate(page.features):
        if index == title_index:
            decision = Decision("title", "heuristic.title", "The headline: a heading line just before the article.")
        elif index in invisible:
            decision = INVISIBLE  # scored as a blank line; kept below only between kept lines
        elif index in claimed:
            decision = claimed[index]
        elif index in lead:
            decision = lead[index]
        elif index >= comments_from:
            decision = Decision("comments", "heuristic.comment_section", "After the comment-section heading.")
        elif index in hints and index not in run and _hint_outweighs_extractor(page, index, hints[index]):
            decision = hints[index]
        elif page.extractor_votes[index] is True or index in overruled:
            decision = _kept_unless_claimed(page, index, region)  # trafilatura keeps copyright lines too
        elif page.extractor_votes[index] is False:
            decision = _extractor_dropped(page, index)
        elif index in run:
            decision = KEPT
        elif strongly_body(f, has_stoplist) and run.start - STRAY_PROSE_REACH <= index < run.end + STRAY_PROSE_REACH:
            decision = _kept_unless_claimed(page, index, region)  # a long licence notice reads like prose
        else:
            decision = _outside(page, index)
        if exhaustive and decision.rule == "heuristic.outside_run":
            decision = _rule_label(page, index) or decision
        if decision.label in keep:
            decision = KEPT
        decisions.append(decision)
    _keep_invisible_between_kept(decisions, invisible)
    title = page.blocks[title_index].text if title_index is not None else None
    return decisions, title


def _with_opening_line(page: Page, run: Run, claimed: dict[int, Decision], title: int | None) -> Run:
    """Extend the run by the line just before it when that line reads as an opening sentence
    (sentence case, 8-40 words) that merely lacks its full stop: keep rather than guess "headline"."""
    opening = run.start - 1
    if run.end <= run.start or opening < 0 or opening == title or opening in claimed:
        return run
    first = page.features[run.start]
    if first.words < PARAGRAPH_WORDS or not first.ends_sentence:
        return run  # an opening line leads into a full paragraph; before a short one it may be a headline
    f = page.features[opening]
    if (
        not f.ends_sentence
        and f.starts_upper
        and OPENING_WORDS[0] <= f.words <= OPENING_WORDS[1]
        and f.capitalised_ratio < 0.5
        and page.extractor_votes[opening] is not False
    ):
        return Run(opening, run.end)
    return run


def _with_announced_list(page: Page, run: Run, claimed: dict[int, Decision], hints: dict[int, Decision]) -> Run:
    """Extend the run over a list that its last line announces with a colon ("Tour dates:",
    "Here is the full list:"): the announcing line and the lines set tight below it (no blank
    line between them, as a rendered list is), when at least ``MIN_ANNOUNCED_ITEMS`` follow and
    no rule or heuristic claims any of them. Menus and share bars end an article too, but
    their headings ("Share this:", "Related:") are claimed by rules. Under a mere heading (no
    colon) the list must be data: most of its lines hold a number (dates, scores, prices),
    which menus and headline lists rarely do.
    """
    if run.end <= run.start:
        return run
    blocks = page.blocks
    colon = True
    if blocks[run.end - 1].text.endswith(":"):
        announcing = run.end - 1
    elif run.end < len(blocks) and blocks[run.end].text.endswith(":"):
        announcing = run.end
    elif run.end < len(blocks) and _heading(page, run.end):
        announcing, colon = run.end, False
    else:
        return run
    if _claimed_or_hinted(page, announcing, claimed, hints):
        return run
    end = announcing + 1
    while (
        end < len(blocks)
        and (blocks[end].gap_before == 0 or (end == announcing + 1 and blocks[end].gap_before <= 1))
        and not _claimed_or_hinted(page, end, claimed, hints)
    ):
        end += 1
    items = range(announcing + 1, end)
    if len(items) < MIN_ANNOUNCED_ITEMS:
        return run
    if not colon and sum(_NUMBER.search(blocks[i].text) is not None for i in items) < DATA_SHARE * len(items):
        return run  # under a mere heading only a list of data (dates, scores, prices) is the article's
    return Run(run.start, end)


def _heading(page: Page, index: int) -> bool:
    """A short line without a sentence end."""
    f = page.features[index]
    return not f.ends_sentence and 1 <= f.words <= HEADING_WORDS


def _claimed_or_hinted(page: Page, index: int, claimed: dict[int, Decision], hints: dict[int, Decision]) -> bool:
    """Whether a rule or heuristic judged the block (rules also outside the evaluated region)."""
    return index in claimed or index in hints or page.rule_match(index) is not None


def _kept_unless_claimed(page: Page, index: int, region: set[int]) -> Decision:
    """Kept, unless the block lies outside the evaluated region (where no rule has run on it
    yet) and a rule claims it there."""
    return KEPT if index in region else _claiming_rule(page, index) or KEPT


def _hint_outweighs_extractor(page: Page, index: int, hint: Decision) -> bool:
    """Outside the run, evidence that a block is boilerplate there outweighs its reading like
    prose, and a rule's evidence ("Acme is a leading provider of ...") outweighs trafilatura
    keeping it too; a heuristic's (a repeated line) does not: tables repeat their rows."""
    return page.extractor_votes[index] is not True or not hint.rule.startswith(HEURISTIC_PREFIX)


def _claiming_rule(page: Page, index: int) -> Decision | None:
    """The decision of a rule that claims the block outright (not an evidence-only one), if any."""
    match = page.rule_match(index)
    if match is None or match.rule.where == "outside":
        return None
    return Decision(match.rule.label, match.rule.id, match.reason)


def _overruled_drops(page: Page, run: Run, claimed: dict[int, Decision], has_stoplist: bool) -> set[int]:
    """HTML mode: long prose inside the run that trafilatura left out, where it left out a
    stretch of at least ``OVERRULED_STRETCH`` such paragraphs (it sometimes stops at an ad or an
    embed and drops the rest of the article). A lone dropped paragraph (a bio, a teaser) keeps
    its vote.
    """
    overruled: set[int] = set()
    stretch: list[int] = []  # the long prose of the current stretch of dropped (or claimed) blocks
    for index in range(run.start, run.end + 1):
        if index < run.end and (index in claimed or page.extractor_votes[index] is False):
            if index not in claimed and strongly_body(page.features[index], has_stoplist):
                stretch.append(index)
            continue
        if len(stretch) >= OVERRULED_STRETCH:
            overruled.update(stretch)
        stretch = []
    return overruled


def _rule_label(page: Page, index: int) -> Decision | None:
    """The rule that would claim a block selection already removed (labels only, same decisions)."""
    match = page.rule_match(index)
    return None if match is None else Decision(match.rule.label, match.rule.id, match.reason)


def _candidate_runs(anchors: Sequence[int], scores: list[float]) -> list[Run]:
    """Runs that could become the article: the global best and those after headline repeats."""
    runs = [best_run(scores) or Run(0, 0)]
    for candidate in anchors:
        runs.append(Run(candidate, candidate + 1))
        run = best_run_from(scores, candidate + 1, candidate + WINDOW)
        if run is not None:
            runs.append(run)
    return runs


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
        if match is not None:
            target = hints if match.rule.where == "outside" else claimed
            target[index] = Decision(match.rule.label, match.rule.id, match.reason)
    for item in heuristics:
        target = hints if item.where == "outside" else claimed
        for index, label, reason in item(page, indices):
            if index not in claimed:
                target.setdefault(index, Decision(label, item.id, reason))
    return claimed, hints


def _claimed_scores(
    page: Page,
    base: list[float],
    claimed: dict[int, Decision],
    hints: dict[int, Decision],
    invisible: Iterable[int] = (),
) -> list[float]:
    """Claimed blocks score from -1.2 (a one-word line) to CLAIMED_SCORE (ten words or more):
    a short known-junk line inside an article (a "Report" link) is a weak barrier, a long one
    strong. A picture's or embed's furniture scores FIGURE_SCORE whatever its length. An
    invisible line scores 0 whatever claims it: it is a blank line to the reader."""
    scores = list(base)
    for index, decision in claimed.items():
        if decision.label in FIGURE_LABELS or decision.rule in CARD_RULES:
            scores[index] = FIGURE_SCORE
        else:
            scores[index] = max(CLAIMED_SCORE, -1.0 - 0.2 * page.features[index].words)
    for index in hints:
        if index not in claimed:
            scores[index] = min(scores[index] - HINT_PENALTY, -1.0)
    for index in invisible:
        scores[index] = 0.0
    return scores


def _keep_invisible_between_kept(decisions: list[Decision], invisible: set[int]) -> None:
    """Keep an invisible line whose nearest visible neighbours on both sides are kept: the text
    then keeps the layout around it (a list's lines stay consecutive), as cleaning it again would.
    At the article's edges it stays out."""
    indices = sorted(invisible)
    start = 0
    while start < len(indices):
        end = start  # indices[start : end + 1] is a stretch of consecutive invisible lines
        while end + 1 < len(indices) and indices[end + 1] == indices[end] + 1:
            end += 1
        before, after = indices[start] - 1, indices[end] + 1
        if before >= 0 and after < len(decisions) and decisions[before].kept and decisions[after].kept:
            for index in range(indices[start], after):
                decisions[index] = KEPT
        start = end + 1


def _invisible_blocks(page: Page) -> list[int]:
    """Blocks of format characters only (zero-width spaces and joiners, a byte-order mark): blank
    lines to the reader, which a page builder leaves between paragraphs."""
    features = page.features
    return [
        index
        for index, block in enumerate(page.blocks)
        if features[index].tokens == 0 and _INVISIBLE.fullmatch(block.text) is not None
    ]


def _penalise_lists(page: Page, scores: list[float]) -> None:
    """Consecutive lines without sentence ends form a list (related stories, menus): each
    headline-like item loses LIST_PENALTY. A lone heading between paragraphs keeps its score."""
    fragment = [not f.ends_sentence and f.words <= LIST_ITEM_WORDS for f in page.features]
    for index, is_fragment in enumerate(fragment):
        f = page.features[index]
        if not (is_fragment and f.starts_upper and f.words >= HEADLINE_WORDS):
            continue
        before = index > 0 and fragment[index - 1]
        after = index + 1 < len(fragment) and fragment[index + 1]
        if before or after:
            scores[index] -= LIST_PENALTY


def _weigh_extractor(page: Page, scores: list[float]) -> None:
    """HTML mode: trafilatura's choice is strong evidence either way."""
    for index, vote in enumerate(page.extractor_votes):
        if vote is True:
            scores[index] += EXTRACTOR_WEIGHT
        elif vote is False:
            scores[index] -= EXTRACTOR_WEIGHT


def _comments_start(claimed: dict[int, Decision], scores: list[float]) -> int:
    """The first comment-section heading after a substantial article, or the page's end."""
    seen = 0.0
    for index, score in enumerate(scores):
        decision = claimed.get(index)
        if decision is not None and decision.rule in COMMENT_HEADINGS and seen >= COMMENTS_AFTER:
            for later in range(index, len(scores)):
                scores[later] = min(scores[later], -1.0)
            return index
        seen += max(score, 0.0)
    return len(scores)


def _choose_run(anchors: Sequence[int], scores: list[float]) -> tuple[Run, int | None]:
    """The article run: after the repeated headline when the page has one, else the global best.

    The headline may repeat further down (related-story lists), so the earliest repeat whose
    run is nearly as good as the best one wins: the real headline comes first.
    """
    overall = best_run(scores) or Run(0, 0)
    overall_total = run_sum(scores, overall)
    anchored: list[tuple[int, float, Run]] = []
    for candidate in anchors:
        run = best_run_from(scores, candidate + 1, candidate + WINDOW)
        if run is not None:
            anchored.append((candidate, run_sum(scores, run), run))
    if not anchored:
        return overall, None
    top = max(total for _, total, _ in anchored)
    candidate, total, run = min(item for item in anchored if item[1] >= EARLIEST_SHARE * top)
    if total >= ANCHORED_SHARE * overall_total:
        return run, candidate
    return overall, None


def _extractor_dropped(page: Page, index: int) -> Decision:
    decision = _outside(page, index)
    return Decision(decision.label, "heuristic.extractor", "trafilatura left this block out of the article.")


_OUTSIDE_OTHER = Decision("other", "heuristic.outside_run", "Outside the main run of article paragraphs.")


def _outside(page: Page, index: int) -> Decision:
    """A block outside the article run: a link-list line is nav, anything else other."""
    f = page.features[index]
    if not f.ends_sentence and (f.words <= 12 or f.capitalised_ratio >= 0.5):
        return _outside_nav(f.words)
    return _OUTSIDE_OTHER


@lru_cache(maxsize=256)
def _outside_nav(words: int) -> Decision:
    """One shared (immutable) decision per word count: most of a page's blocks get one."""
    return Decision("nav", "heuristic.outside_run", f"A {words}-word line without a sentence end, outside the article.")

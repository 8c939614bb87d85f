"""The plain-text reader: live pages copied or dumped as text, in every rendering we know.

The reader works in four steps:

1. :mod:`~livebrief.parse.layout` gives every line a kind (time, numbered item, chrome,
   label, caption marker, embed, page fact or plain text), without looking at its neighbours.
2. :func:`_header_end` finds where the page header (title, roster, editors, chrome) stops.
3. :func:`_entry_starts` finds where posts begin: numbered items, printed times, glued
   "published at" headlines, and, where a page prints none of these, headline-shaped lines
   that stand between body paragraphs or over a byline.
4. :mod:`~livebrief.parse.posts` splits each post into headline, labels, byline, body,
   captions and embeds.

Renderings are told apart by counting kinds (numbered items, time lines, blank lines); no flag
is needed. ``docs/formats.md`` shows each rendering.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from datetime import date as Date
from itertools import pairwise

from livebrief import times
from livebrief.model import NEWEST_FIRST, OLDEST_FIRST, Entry, Page, ParsedPage, RosterMember
from livebrief.parse import bylines, register
from livebrief.parse import lines as L
from livebrief.parse.layout import (
    BLANK,
    BULLET,
    BULLET_RE,
    CAPMARK,
    CHROME,
    DATELINE,
    DROP,
    EDITORS,
    EMBED,
    HEADER_KINDS,
    LABEL,
    NUM,
    PUB,
    ROSTER,
    STOCK_FIRST,
    TEXT,
    TIME,
    TZNOTE,
    UPDATED,
    Doc,
    classify,
    lines_of,
    mark_duplicates,
    marker_lines,
    numbered_lines,
    strong_at,
)
from livebrief.parse.posts import Built, build_entry, set_codes

log = logging.getLogger(__name__)

_WEAK_MIN_WORDS = 3
# A body line this long, ending as a sentence does, is a paragraph, never a list item.
_FULL_SENTENCE_WORDS = 8
_HEADER_TEXT_LIMIT = 4


_SUMMARY_HEADS = frozenset(
    {
        "summary",
        "key points",
        "what we know",
        "key developments",
        "what you need to know",
        "what we covered here",
        "what we're covering",
        "what we’re covering",
    }
)
_SUMMARY_MAX = 12


def _over_paragraph(doc: Doc, j: int, stop: int) -> bool:
    """Tell whether a full paragraph follows line ``j`` (a summary's items have none)."""
    k = doc.next_nonblank(j, stop)
    return k < stop and doc.kind[k] == TEXT and _full_sentence(doc.s[k])


def _summary_head(doc: Doc, i: int) -> bool:
    """Tell whether line ``i`` heads a summary list: "Summary", "Key developments on Jan. 5:"."""
    low = doc.s[i].lower()
    if doc.kind[i] == CHROME:
        return low in _SUMMARY_HEADS
    return doc.kind[i] == TEXT and (
        low in _SUMMARY_HEADS
        or (low.endswith(":") and len(low) < 60 and low.startswith(tuple(_SUMMARY_HEADS)))
    )


def _summary_items(doc: Doc, stop: int) -> None:
    """Mark the unbulleted items under a header's "Summary" line as summary bullets.

    Only when more header furniture closes the list within a few lines: under a "Summary"
    that a post follows directly, nothing is taken.
    """
    for i in range(stop):
        if not _summary_head(doc, i):
            continue
        items: list[int] = []
        j = doc.next_nonblank(i, stop)
        headline = False
        while j < stop and doc.kind[j] == TEXT and len(items) < _SUMMARY_MAX:
            if strong_at(doc, doc.next_nonblank(j, stop), stop):
                break
            # The first post's headline over its paragraphs, or a page byline, ends the list too.
            # (An item that repeats a post's headline further down is an item: the Kyiv
            # Independent's "Key developments" list the day's posts.)
            headline = bool(items) and (
                (
                    L.headline_like(doc.s[j])
                    and (_weak_headline(doc, j, 0, stop) or _over_paragraph(doc, j, stop))
                    and doc.s.count(doc.s[j]) == 1
                )
                or bool(bylines.page_authors(doc.s[j]))
                # a paragraph under unpunctuated items ("What we covered here" lists sentences)
                or (_full_sentence(doc.s[j]) and not L.closes_sentence(doc.s[items[-1]]))
            )
            if headline:
                break
            items.append(j)
            j = doc.next_nonblank(j, stop)
        if items and j < stop and (headline or doc.kind[j] in (*HEADER_KINDS, TIME, PUB, NUM)):
            for k in items:
                doc.kind[k] = BULLET


def _badge(doc: Doc) -> None:
    """Make a "Live" badge on the page's first line furniture, not a label of the first post."""
    first = doc.next_nonblank(-1, len(doc.s))
    if first < len(doc.s) and doc.kind[first] == LABEL and doc.s[first].lower() == "live":
        doc.kind[first] = CHROME


_NAV_WORDS, _NAV_KINDS = 3, (TEXT, LABEL, CHROME, EMBED, DROP)


def _top_nav(doc: Doc) -> None:
    """Make the site's menu over the title furniture: short lines, then a long headline.

    "News / Opinion / World / Europe / Portugal" over "Portugal wildfires live: ..." are
    menu items and kickers, never a post or the page's authors.
    """
    n = len(doc.s)
    run: list[int] = []
    j = doc.next_nonblank(-1, n)
    while j < n and doc.kind[j] in _NAV_KINDS:
        if doc.kind[j] in (TEXT, LABEL) and (
            doc.s[j].count(" ") >= _NAV_WORDS or L.closes_sentence(doc.s[j])
        ):
            break
        run.append(j)
        j = doc.next_nonblank(j, n)
    texts = [i for i in run if doc.kind[i] in (TEXT, LABEL)]
    if len(run) < 2 or not texts or j >= n:
        return
    title = doc.s[j]
    if doc.kind[j] == TEXT and title.count(" ") >= 3 and L.headline_like(title, max_words=25):
        for i in texts:
            doc.kind[i] = CHROME


def _key_events(doc: Doc, stop: int) -> None:
    """Read the Guardian's "Key events" box (an age, then a post's headline, for each key post).

    Its headlines are the page's summary and its ages furniture; they are links to posts
    further down, never posts themselves. The box closes with "Show key events only" or
    ends at the first post's time.
    """
    for i in range(stop):
        if doc.kind[i] != CHROME or doc.s[i].lower() != "key events":
            continue
        items: list[int] = []
        ages: list[int] = []
        j = doc.next_nonblank(i, stop)
        while j < stop and len(items) < _SUMMARY_MAX:
            k, mark = doc.kind[j], doc.marks.get(j)
            if k == TIME and mark is not None and mark.age and not mark.clock:
                ages.append(j)
            elif k == TEXT and ages:
                items.append(j)
            else:
                break
            j = doc.next_nonblank(j, stop)
        if items and len(ages) >= len(items):
            for a in ages:
                doc.kind[a] = DROP
                doc.marks.pop(a, None)
            for t in items:
                doc.kind[t] = BULLET
        return


def _header_end(doc: Doc, stop: int) -> int:
    """Return the last line of the page header: facts and chrome before the first post."""
    end, text_run = -1, 0
    for i in range(stop):
        k = doc.kind[i]
        if k == BLANK:
            continue
        if k in HEADER_KINDS:
            end, text_run = i, 0
            continue
        # A page byline ("By A, CNN") sits in the header; a name/role pair opens a post.
        if k == TEXT and strong_at(doc, i, stop, one_line=False):
            break
        # Below the header's facts, a headline over body text opens the first post. (Above
        # them, the same shape is the page's title and standfirst.)
        if (
            k == TEXT
            and end >= 0
            and (
                L.is_stock_headline(doc.s[i])
                or (L.headline_like(doc.s[i]) and _weak_headline(doc, i, 0, stop))
            )
        ):
            break
        # Below the header's facts, two full paragraphs are an untitled opening post.
        if k == TEXT and end >= 0 and _full_sentence(doc.s[i]):
            nxt = doc.next_nonblank(i, stop)
            if nxt < stop and doc.kind[nxt] == TEXT and _full_sentence(doc.s[nxt]):
                break
        text_run += 1
        if text_run > _HEADER_TEXT_LIMIT:
            break
    return end


def _closes_paragraph(doc: Doc, j: int) -> bool:
    """Tell whether line ``j`` can be the last line before a new post's headline."""
    k = doc.kind[j]
    if k in (EMBED, CHROME, DROP, ROSTER, EDITORS, TZNOTE, UPDATED, CAPMARK, DATELINE):
        return True
    if k not in (TEXT, BULLET):
        return False
    if j > 0 and doc.kind[doc.prev_nonblank(j, 0)] == CAPMARK:
        return True  # a caption closes the post it illustrates
    s = doc.s[j]
    if s.endswith(":"):
        return False  # a lead-in ("here's what's been happening:") opens a list
    if L.is_credit(s) or (doc.blanks and _photo_pair_end(doc, j)):
        return True  # a photo's credit ("Colchester United FC") closes the photo
    if L.closes_sentence(s):
        return True
    # An unpunctuated line is a list item unless it is long (a paragraph that lost its stop).
    return len(s.split()) > 25


def _photo_pair_end(doc: Doc, j: int) -> bool:
    """Tell whether line ``j`` ends a photo's alt text and credit under a paragraph.

    ("Mads Kjeldsen" / "Colchester United FC" after the post's last sentence.)
    """
    alt = doc.prev_nonblank(j, 0)
    before = doc.prev_nonblank(alt, 0) if alt >= 0 else -1
    return (
        before >= 0
        and doc.kind[alt] == TEXT
        and L.short_unpunctuated(doc.s[j], 6)
        and L.short_unpunctuated(doc.s[alt], 8)
        and doc.kind[before] == TEXT
        and L.closes_sentence(doc.s[before])
        # a name over a role, whichever two of the three lines hold them
        and not strong_at(doc, alt, len(doc.s), one_line=False)
        and not strong_at(doc, j, len(doc.s), one_line=False)
    )


def _weak_headline(doc: Doc, i: int, lo: int, hi: int) -> bool:
    s = doc.s[i]
    if len(s.split()) < _WEAK_MIN_WORDS or i in doc.captions:
        return False
    if doc.blanks and 0 < i < len(doc.s) - 1 and doc.kind[i - 1] != BLANK == doc.kind[i + 1]:
        return False  # where blank lines part the elements, a block's last line is no headline
    prv, nxt = doc.prev_nonblank(i, lo), doc.next_nonblank(i, hi)
    if nxt >= hi:
        return False
    if prv >= lo and doc.kind[prv] == CAPMARK and _CAPTION_FOLLOWS.match(doc.s[prv]):
        return False  # the caption under "Image caption,"
    # What follows a headline is body text, or a picture or embed that stands for it.
    if doc.kind[nxt] == TEXT:
        if (
            (L.headline_like(doc.s[nxt]) or nxt in doc.captions)
            and not _photo_block(doc, i, hi)
            and not _over_alt_text(doc, nxt, hi)
        ):
            return False
    elif doc.kind[nxt] not in (CAPMARK, EMBED):
        return False
    elif doc.kind[nxt] == CAPMARK and (
        L.credit_only(doc.s[nxt]) or doc.s[nxt].lower().startswith("image source")
    ):
        return False  # alt text over its photo's credit ("Image source, RNLI")
    if prv < lo or _closes_paragraph(doc, prv):
        return True
    if doc.kind[prv] not in (TEXT, BULLET) or doc.kind[nxt] != TEXT:
        return False
    if not _full_sentence(doc.s[nxt]) or prv in doc.captions or L.is_credit(s):
        return False
    # Under a media lead-in ("Watch the video below:") the video was lost in the copy: a
    # headline over a paragraph opens the next post.
    if _MEDIA_LEAD_IN.search(doc.s[prv]):
        return True
    # Under a list a lead-in opened, the last item is often followed by one closing sentence
    # ("Any coalition will need three of them."); a new post's headline is followed by two
    # paragraphs or more. (A role under a name is a byline's second line, not a headline.)
    after = doc.next_nonblank(nxt, hi)
    return (
        after < hi
        and doc.kind[after] == TEXT
        and (_full_sentence(doc.s[after]) or _long_lead_in(doc.s[after]))
        and _in_lead_in_list(doc, prv, lo)
        and not strong_at(doc, prv, hi)
    )


# A lead-in that introduces a video, picture or audio rather than a list.
_MEDIA_LEAD_IN = re.compile(
    r"(?:^(?:watch|listen|see|look)\b|\b(?:video|clip|footage|pictures?|photos?|audio|below)\b).*:$",
    re.I,
)
_LIST_LIMIT = 12


def _in_lead_in_list(doc: Doc, j: int, lo: int) -> bool:
    """Tell whether line ``j`` is an item of a list opened by a lead-in ending in ":"."""
    for _ in range(_LIST_LIMIT):
        s = doc.s[j]
        if s.endswith(":") or s.lower() in _SUMMARY_HEADS:
            return True
        if doc.kind[j] not in (TEXT, BULLET) or L.closes_sentence(s):
            return False
        j = doc.prev_nonblank(j, lo)
        if j < lo:
            return False
    return False


_CAPTION_FOLLOWS = re.compile(r"^(?:image|media|video) caption,?$", re.I)


def _over_alt_text(doc: Doc, j: int, hi: int) -> bool:
    """Tell whether line ``j`` is a photo's alt text: an "Image source, ..." line follows it."""
    k = doc.next_nonblank(j, hi)
    return k < hi and doc.kind[k] == CAPMARK and doc.s[k].lower().startswith("image source")


# A photo's alt text and credit: a block of at most this many short lines.
_PHOTO_LINES, _PHOTO_WORDS = 2, 10


def _photo_block(doc: Doc, i: int, hi: int) -> bool:
    """Tell whether headline-shaped line ``i`` stands over a photo and then body text.

    Only on blank-separated pages (BBC local live), where blocks show the shape: the headline
    is a block of its own, the photo's alt text and credit the next block of one or two short
    lines, then a paragraph. (A picture inside a post is the same alt and credit block, with no
    headline-shaped block of its own right above it.)
    """
    if not doc.blanks or i + 2 >= hi or doc.kind[i - 1] != BLANK or doc.kind[i + 1] != BLANK:
        return False
    j = i + 2
    end = j
    while end < hi and doc.kind[end] == TEXT and end - j < _PHOTO_LINES:
        if not L.short_unpunctuated(doc.s[end], _PHOTO_WORDS):
            return False
        end += 1
    if end == j or end >= hi or doc.kind[end] != BLANK:
        return False
    body = doc.next_nonblank(end, hi)
    return body < hi and doc.kind[body] == TEXT and _full_sentence(doc.s[body])


def _long_lead_in(s: str) -> bool:
    return s.endswith(":") and s.count(" ") >= _WEAK_MIN_WORDS + 1


def _full_sentence(s: str) -> bool:
    # "...and last but not least" carries on the paragraph above it.
    return (
        L.closes_sentence(s)
        and s.count(" ") >= _FULL_SENTENCE_WORDS - 1
        and not (s[0].islower() or s[0] in ".…")
    )


def _label_below(doc: Doc, j: int, hi: int) -> bool:
    """Tell whether line ``j`` is a label that belongs to the headline above it.

    "Breaking" between two headline-shaped lines labels the one below; above body text, the
    one above.
    """
    if doc.kind[j] != LABEL:
        return False
    after = doc.next_nonblank(j, hi)
    # (A name and role under the label are the byline of the headline above it.)
    return after >= hi or not (
        doc.kind[after] == TEXT
        and L.headline_like(doc.s[after])
        and not strong_at(doc, after, hi, one_line=False)
    )


def _flat_starts(doc: Doc, lo: int, hi: int, weak: bool) -> list[int]:
    """Find posts in a stretch without printed markers, from headline-shaped lines."""
    starts: list[int] = []
    for i in range(lo, hi):
        if doc.kind[i] != TEXT or not L.headline_like(doc.s[i]) or i in doc.captions:
            continue
        prv, nxt = doc.prev_nonblank(i, lo), doc.next_nonblank(i, hi)
        # (A name and role under a label are the byline of the headline above the label.)
        label_above = (
            prv >= lo and doc.kind[prv] == LABEL and not strong_at(doc, i, hi, one_line=False)
        )
        strong = (
            label_above
            or L.is_stock_headline(doc.s[i])
            or (nxt < hi and (_label_below(doc, nxt, hi) or strong_at(doc, nxt, hi)))
        )
        if strong or (weak and _weak_headline(doc, i, lo, hi)):
            # A label line right above the headline belongs to this post.
            start = prv if label_above else i
            if not starts or start > starts[-1]:
                starts.append(start)
    return starts


def _marker_starts(doc: Doc, lo: int, hi: int) -> list[int]:
    """Find posts on pages that print a time (or a glued "published at") for each post.

    Only lines that can open a post are visited: times, "published" lines, stock headlines
    and the first line after share tools; the body lines between them are never looked at.
    """
    kind, lines, marks = doc.kind, doc.s, doc.marks
    after_embed = [doc.next_nonblank(j, hi) for j in lines_of(doc, (EMBED,), lo, hi)]
    stock = doc.stock[bisect_left(doc.stock, lo) : bisect_left(doc.stock, hi)]
    visit = sorted({*lines_of(doc, (TIME, PUB), lo, hi), *stock, *after_embed} - {hi})
    starts: list[int] = []
    for i in visit:
        k = kind[i]
        if k == TIME:
            mark = marks[i]
            # "5h ago" then "16:45": one post with an age and a clock; "10.58pm BST" then
            # "22:58" (or "published at 04:25 ..." then "04:25 BST ..."): one time printed twice.
            prv = doc.prev_nonblank(i, lo)
            prev_mark = marks.get(prv) if prv >= lo and kind[prv] in (TIME, PUB) else None
            if prev_mark is None or not (
                (prev_mark.age and not prev_mark.clock and mark.clock)
                or (mark.clock is not None and prev_mark.clock == mark.clock)
            ):
                starts.append(i)
        elif k == PUB and doc.heads.get(i):
            starts.append(i)
        elif (
            k == TEXT and starts and len(lines[i]) <= 160 and not _in_head_slot(doc, starts[-1], i)
        ):
            s = lines[i]
            # A stock headline, or a headline-shaped line over body text right after a post's
            # share tools, opens a new post.
            prv = doc.prev_nonblank(i, lo)
            if (s[0] in STOCK_FIRST and L.is_stock_headline(s)) or (
                prv >= lo
                and kind[prv] == EMBED
                and L.headline_like(s)
                and _weak_headline(doc, i, lo, hi)
            ):
                starts.append(i)
    return starts


# What may stand between a post's time and its headline: labels, share tools, furniture.
_HEAD_SLOT = frozenset({BLANK, TIME, LABEL, EMBED, DROP, CHROME, UPDATED})


def _in_head_slot(doc: Doc, start: int, i: int) -> bool:
    """Tell whether line ``i`` is where the headline of the post opened at ``start`` stands.

    "Welcome back" right under a post's time is that post's headline, not a new post.
    """
    return all(k in _HEAD_SLOT for k in doc.kind[start + 1 : i])


def _next_content(doc: Doc, i: int, hi: int) -> int:
    """Return the first line after ``i`` that is neither blank nor share tools or furniture."""
    j = doc.next_nonblank(i, hi)
    while j < hi and doc.kind[j] in (EMBED, DROP):
        j = doc.next_nonblank(j, hi)
    return j


def _times_below_headlines(doc: Doc, starts: list[int], hi: int) -> list[int]:
    """Move starts up to the headline when the page prints each time under its headline."""
    below = above = timed = 0
    first_below = False
    for i in starts:
        if doc.kind[i] != TIME:
            continue
        timed += 1
        prv, nxt = doc.prev_nonblank(i, 0), _next_content(doc, i, hi)
        # A name over a role line under the time is a byline, not a headline.
        head_after = (
            nxt < hi
            and doc.kind[nxt] == TEXT
            and L.headline_like(doc.s[nxt])
            and not strong_at(doc, nxt, hi, one_line=False)
        )
        head_before = prv >= 0 and doc.kind[prv] == TEXT and L.headline_like(doc.s[prv])
        above += head_after
        below += head_before and not head_after
        first_below = first_below or (timed == 1 and head_before and not head_after)
    # Over the first time, the page's standfirst has a headline's shape too: alone, its
    # vote does not make a page print its times under headlines.
    if below <= above or (below == 1 and first_below and timed > 1):
        return starts
    moved = []
    for i in starts:
        prv = doc.prev_nonblank(i, 0)
        ok = doc.kind[i] == TIME and prv >= 0 and doc.kind[prv] == TEXT
        if ok and bylines.header_names(doc.s[prv]):
            # Headline, then the author's name, then the time (The Independent).
            head = doc.prev_nonblank(prv, 0)
            if head >= 0 and doc.kind[head] == TEXT and L.headline_like(doc.s[head]):
                prv = head
        moved.append(prv if ok and L.headline_like(doc.s[prv]) else i)
    return moved


def _page_stamp(doc: Doc, markers: list[int]) -> bool:
    """Tell whether the first time line is the page's own stamp, not a post's time.

    A dated time above every post ("5 January 2024 • 10:42pm" under the title) is the
    page's stamp when it stands over a page of headlines without times, or when the posts
    below print bare clocks and nothing but furniture stands between it and the first.
    """
    first = markers[0]
    mark = doc.marks.get(first)
    if doc.kind[first] != TIME or mark is None or mark.date is None:
        return False
    above = _flat_starts(doc, 0, first, weak=False)
    if above and _has_body(doc, above[0], first):
        return False  # a post stands above it
    n = len(doc.s)
    below = doc.next_nonblank(first, n)
    if below < n and doc.kind[below] == UPDATED:
        return True  # "Tue 12 Sep 2023 14.58 BST" over "First published on ...": the page's
    if len(markers) == 1:
        return len(_flat_starts(doc, first + 1, n, weak=True)) >= 2
    nxt = doc.marks.get(markers[1])
    if nxt is None:
        return False
    if nxt.date is not None:
        # Posts that print dated times too: the stamp is printed in a form of its own
        # ("Friday 05 January 2024 23:10 GMT" over posts' "5 January 2024 23:10").
        return _own_form(doc, markers) and not any(
            doc.kind[j] == TEXT and L.closes_sentence(doc.s[j])
            for j in range(first + 1, markers[1])
        )
    return not any(
        doc.kind[j] == TEXT
        and (len(doc.s[j]) > 60 or L.closes_sentence(doc.s[j]))
        and not bylines.page_authors(doc.s[j])
        for j in range(first + 1, markers[1])
    )


_FORM = (re.compile(r"\d+"), re.compile(r"[^\W\d_]+"))


def _form(raw: str) -> str:
    return _FORM[1].sub("A", _FORM[0].sub("9", raw))


_FORM_SAMPLE = 40


def _own_form(doc: Doc, markers: list[int]) -> bool:
    """Tell whether the first time is printed unlike the others, which all share one form.

    The next few dozen times are evidence enough; reading on would cost a long page time.
    """
    if len(markers) < 3:
        return False
    shared = None
    for j in markers[1 : 1 + _FORM_SAMPLE]:
        form = _form(doc.marks[j].raw) if j in doc.marks else None
        if shared is None:
            shared = form
        elif form != shared:
            return False
    return shared is not None and _form(doc.marks[markers[0]].raw) != shared


def _entry_starts(doc: Doc) -> tuple[int, list[int]]:
    """Return the header's last line and the first line of every post."""
    n = len(doc.s)
    _badge(doc)
    _top_nav(doc)
    _key_events(doc, min(n, 80))
    _summary_items(doc, min(n, 60))
    markers = marker_lines(doc)
    if markers and _page_stamp(doc, markers):
        doc.kind[markers[0]] = UPDATED
        markers = markers[1:]
    if doc.numbered:
        starts = numbered_lines(doc)
        return _header_end(doc, starts[0]), starts
    if markers:
        hdr = _header_end(doc, markers[0])
        mark_duplicates(doc, 0, markers[0])
        pre = _flat_starts(doc, hdr + 1, markers[0], weak=True)
        pre = [p for p in pre if doc.kind[p] != LABEL or p + 1 < markers[0]]
        # Over a standfirst, an agency or names alone ("The Associated Press") are the page's
        # byline, not an untimed post's headline.
        pre = [p for p in pre if not _byline_shaped(doc.s[p])]
        if (
            pre
            and doc.kind.find(TEXT, 0, pre[0]) < 0  # above it: nothing, or furniture only
            and doc.kind[pre[0]] == TEXT
            and not L.is_stock_headline(doc.s[pre[0]])
        ):
            # A page whose posts print times opens with its title (over a standfirst or a
            # page byline), not with an untimed post; "What's the latest?" is a post.
            pre = pre[1:]
        # An untimed "post" without a paragraph over the first time is the header's
        # standfirst and page byline ("Follow the latest updates below" / "By A, US Editor").
        ends = [*pre[1:], markers[0]]
        pre = [
            p for p, end in zip(pre, ends[: len(pre)], strict=True) if _has_body(doc, p + 1, end)
        ]
        marked = _times_below_headlines(doc, _marker_starts(doc, markers[0], n), n)
        if marked and marked[0] < markers[0]:
            hdr = min(hdr, marked[0] - 1)
            pre = [p for p in pre if p < marked[0]]
        return hdr, pre + marked
    hdr = _header_end(doc, n)
    starts = _flat_starts(doc, hdr + 1, n, weak=True)
    intro = _untitled_intro(doc, hdr + 1, starts[0] if starts else n)
    return hdr, [intro, *starts] if intro is not None else starts


def _untitled_intro(doc: Doc, lo: int, hi: int) -> int | None:
    """Return the first line of paragraphs between the header and the first headline.

    Two full sentences or more there are an untitled opening post (the Kyiv Independent's
    intro under its key developments); one is the header's standfirst.
    """
    lines = [j for j in range(lo, hi) if doc.kind[j] == TEXT and j not in doc.captions]
    full = [j for j in lines if _full_sentence(doc.s[j])]
    if len(full) < 2 or lines[0] != full[0]:
        return None
    return full[0]


_FIRST_STAMPS = ("first published", "issued on", "published on")


def _byline_names(s: str) -> list[str] | None:
    """Return the names of a one-line byline in the header ("By A, US Editor; and B, ...")."""
    found = bylines.one_line_byline(s)
    return found.authors if found else None


def _has_body(doc: Doc, lo: int, hi: int) -> bool:
    """Tell whether lines ``[lo, hi)`` hold a paragraph: a sentence or a long text line."""
    return any(
        doc.kind[j] == TEXT
        and (len(doc.s[j]) > 60 or L.closes_sentence(doc.s[j]))
        and not bylines.one_line_byline(doc.s[j])
        for j in range(lo, hi)
    )


def _byline_shaped(s: str) -> bool:
    return bool(bylines.header_names(s)) or bylines.is_org_name(s)


def _page_facts(doc: Doc, hdr: int, first_start: int, page: Page) -> None:
    """Read title, editors, roster, zone, summary and standfirst from the header lines."""
    caption_next = False
    unread: list[str] = []
    for i in range(first_start):
        k, s = doc.kind[i], doc.s[i]
        if k == BLANK:
            continue
        if k == ROSTER:
            page.roster.extend(bylines.parse_roster(s) or [])
            page.authors.extend(bylines.page_authors(s) or [])
        elif k == EDITORS:
            page.editors.extend(bylines.editors(s) or [])
        elif k == TZNOTE:
            page.timezone = times.page_zone_note(s)
        elif k == UPDATED:
            # The last update wins over when the page was first published ("First published
            # on ...", "Issued on: ...", "Published On ...").
            if page.updated is None or page.updated.lower().startswith(_FIRST_STAMPS):
                page.updated = s
            stamp = doc.marks.get(i)
            zone = stamp.zone if stamp is not None else times.zone_in(s)
            if zone and page.timezone is None:
                page.timezone = zone
            day = times.date_in(s)
            page.date = page.date or (day.isoformat() if day else None)
        elif k == BULLET:
            page.summary.extend(p.strip() for p in _strip_view_post(BULLET_RE.sub("", s)))
        elif k == CAPMARK:
            caption_next = True
        elif k == TEXT:
            if caption_next or i in doc.captions:
                caption_next = False
            elif names := bylines.page_authors(s) or _byline_names(s):
                page.authors.extend(names)
            elif page.title is not None and (names := bylines.header_names(s)):
                page.authors.extend(names)  # names alone: only under the title
            elif page.title is not None and bylines.is_org_name(s):
                page.authors.append(s)
            elif page.title is None and L.headline_like(s, max_words=25):
                page.title = s
            elif _kicker(page, s):
                page.title = s  # the line above was a section kicker ("Russia-Ukraine war")
            elif page.title is not None and page.standfirst is None and len(s.split()) > 4:
                page.standfirst = s
                page.timezone = page.timezone or times.zone_note_in(s)
            else:
                unread.append(s)
    if unread:
        # Nothing is dropped silently: a post the reader could not open shows up here.
        more = f" and {len(unread) - 1} more" if len(unread) > 1 else ""
        page.notes.append(
            f"above the first post, not read as a page fact or post: {unread[0]!r}{more}"
        )


_TITLE_WORDS = re.compile(r"\b(?:live|latest|updates?|as it happened)\b|:", re.I)


def _kicker(page: Page, s: str) -> bool:
    """Tell whether the title read so far is a section kicker over the real title ``s``.

    A kicker is a few words naming a topic ("Russia-Ukraine war", "Politics"); the title under
    it is longer and names the page a live one ("... live: ...", "... latest: ...").
    """
    title = page.title
    return (
        title is not None
        and page.standfirst is None
        and len(title.split()) <= 4
        and not _TITLE_WORDS.search(title)
        and bool(_TITLE_WORDS.search(s))
        and L.headline_like(s, max_words=25)
    )


def _strip_view_post(s: str) -> list[str]:
    parts = re.split(r"\s*View post\s*(?:\|\s*)?", s)
    return [p for p in parts if p.strip()]


def read_text(
    text: str, *, source: str = "<text>", date: Date | None = None, tz: str | None = None
) -> ParsedPage:
    """Read a live page's text into its page facts and entries.

    Parameters
    ----------
    text
        The page as plain text (any of the renderings in ``docs/formats.md``).
    source
        The input's name, kept in the result.
    date
        The date of the oldest post, for pages that print clocks without dates.
    tz
        IANA zone for pages that state none.
    """
    doc = classify(text)
    hdr, starts = _entry_starts(doc)
    set_codes(doc)
    page = Page(source=source)
    first = starts[0] if starts else len(doc.s)
    _page_facts(doc, hdr, first, page)
    page.rendering = _rendering(doc, starts)
    built: list[Built] = []
    bounds = [*starts, len(doc.s)]
    # The last day separator above each post (rfind: searched in C).
    j = doc.kind.rfind(DATELINE, 0, first)
    day: Date | None = doc.marks[j].date if j >= 0 else None
    fresh = day is not None
    for lo, hi in pairwise(bounds):
        b = build_entry(doc, lo, hi)
        # A day separator ("Tuesday 18 June 2024") dates the first post under it that prints a
        # clock; the clocks date the others, across midnight (resolve). Posts without a time
        # under it take its day.
        if b.mark is not None and b.mark.date is None and day is not None:
            if b.mark.clock is None or fresh:
                b.mark = replace(b.mark, date=day)
                fresh = fresh and b.mark.clock is None
        elif b.mark is None and day is not None and (b.entry.headline or b.entry.paragraphs):
            b.mark = times.TimeMark(None, "", day)  # a post without a time: its day only (DW)
        j = doc.kind.rfind(DATELINE, lo, hi)
        if j >= 0:
            day, fresh = doc.marks[j].date, True
        if b.entry.headline or b.entry.paragraphs or b.mark is not None:
            built.append(b)
    house = _house_zone(doc, first)
    if house is not None:
        for b in built:
            if b.mark is not None and b.mark.house is None:
                b.mark = replace(b.mark, house=house)
    _finish(page, built, date, tz)
    return ParsedPage(page, [b.entry for b in built])


# Furniture that names the publisher, and the zone its clocks print.
_HOUSE_ZONES = {"why you can trust sky news": times.UK}


def _house_zone(doc: Doc, first: int) -> str | None:
    """Return the zone a page's publisher prints its clocks in, if its furniture names one."""
    for j in range(min(first, 80)):
        if doc.kind[j] == CHROME and (zone := _HOUSE_ZONES.get(doc.s[j].lower())):
            return zone
    return None


def _rendering(doc: Doc, starts: list[int]) -> str:
    if doc.numbered:
        return "numbered"
    kinds = Counter(doc.kind[i] for i in starts)
    if kinds[PUB]:
        return "published-glued"
    if kinds[TIME]:
        return "time-lines"
    return "blank-separated" if doc.blanks else "flat"


def _place(e: Entry, roster: dict[str, str | None]) -> str | None:
    return (
        bylines.place_from_role(e.role)
        or (roster.get(e.author) if e.author else None)
        or bylines.beat_from_role(e.role)
    )


_WELCOME = re.compile(r"^(?:welcome|good (?:morning|afternoon|evening))\b", re.I)


def _order_from_welcome(entries: list[Entry]) -> str | None:
    """Read the order from the opening post ("Welcome to our live coverage") when it is at an end.

    A page without times still shows its order where its first post stands.
    """
    if len(entries) < 2:
        return None
    first, last = (
        bool(e.headline and _WELCOME.match(e.headline)) for e in (entries[0], entries[-1])
    )
    if first == last:
        return None
    return OLDEST_FIRST if first else NEWEST_FIRST


def _finish(page: Page, built: list[Built], date: Date | None, tz: str | None) -> None:
    entries = [b.entry for b in built]
    for pos, e in enumerate(entries):
        e.position = pos
    order = times.detect_order(entries, [b.mark for b in built]) or _order_from_welcome(entries)
    if order is None:
        order = NEWEST_FIRST
        page.notes.append("order assumed newest first: the page's times do not tell")
    page.order = order
    n = len(entries)
    for e in entries:
        e.seq = n - 1 - e.position if order == NEWEST_FIRST else e.position
    zones = Counter(b.mark.zone for b in built if b.mark and b.mark.zone)
    if page.timezone is None and zones:
        page.timezone = zones.most_common(1)[0][0]
    page_date = Date.fromisoformat(page.date) if page.date else None
    page.notes.extend(
        times.resolve(
            entries,
            [b.mark for b in built],
            order=order,
            page_zone=page.timezone,
            page_date=page_date,
            date=date,
            tz=tz,
        )
    )
    # Else the zone the page's time forms imply (see times.TimeMark.house), if any.
    page.timezone = page.timezone or tz or next((e.tz for e in entries if e.tz), None)
    roster: dict[str, str | None] = {m.name: m.place for m in page.roster}
    for e in entries:
        e.place = _place(e, roster)
        if e.clock is None and e.time_raw is None:
            continue
        if e.clock and e.time is None:
            e.notes.append("time without a date: give --date to place it")
    if any(e.clock for e in entries) and order == OLDEST_FIRST:
        log.debug("%s: oldest first", page.source)


def _sniff(text: str) -> bool:
    return True  # the fallback: every text is tried as plain text


register("text", _sniff, read_text, priority=0)

__all__ = ["RosterMember", "read_text"]

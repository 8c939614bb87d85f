"""The plain-text reader: live pages copied or dumped as text, in every rendering we know.

The reader works in four steps:

1. :mod:`~livebrief.parse.layout` gives every line a kind (time, numbered item, chrome,
   label, caption marker, embed, page fact or plain text), without looking at its neighbours.
2. :mod:`~livebrief.parse.header` marks the page header's furniture and finds where the
   header (title, roster, editors, stamps, summary) stops.
3. :func:`_entry_starts` finds where posts begin: numbered items, printed times, glued
   "published at" headlines, and, where a page prints none of these, headline-shaped lines
   that stand between body paragraphs or over a byline (:mod:`~livebrief.parse.shapes`).
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
from livebrief.parse import bylines, dump, register
from livebrief.parse import lines as L
from livebrief.parse.header import (
    POSTS_FOLLOW,
    badge,
    badge_line,
    header_end,
    house_zone,
    key_events,
    page_facts,
    shares_words,
    summary_items,
    title_under_badge,
    top_nav,
)
from livebrief.parse.layout import (
    BLANK,
    BULLET,
    CAPMARK,
    CHROME,
    DATELINE,
    DROP,
    EMBED,
    HEADER_KINDS,
    LABEL,
    NUM,
    PUB,
    ROSTER,
    STOCK_FIRST,
    TEXT,
    TIME,
    UPDATED,
    Doc,
    classify,
    lines_of,
    mark_duplicates,
    marker_lines,
    numbered_lines,
    published_under_headline,
    strong_at,
)
from livebrief.parse.posts import (
    PHOTO_ALT_WORDS,
    Built,
    build_entry,
    cut_role,
    item_shaped,
    set_codes,
)
from livebrief.parse.shapes import (
    full_sentence,
    label_below,
    over_paragraph,
    photo_pair_end,
    under_caption_mark,
    weak_headline,
)

log = logging.getLogger(__name__)


def _flat_starts(doc: Doc, lo: int, hi: int, weak: bool) -> list[int]:
    """Find posts in a stretch without printed markers, from headline-shaped lines."""
    starts: list[int] = []
    for i in range(lo, hi):
        if doc.kind[i] != TEXT or i in doc.captions:
            continue
        if not L.headline_like(doc.s[i]) and not (
            doc.s[i][-1] == "!" and L.is_stock_headline(doc.s[i])  # ("Penalties!")
        ):
            continue
        if ("/" in doc.s[i] or " via " in doc.s[i]) and L.is_credit(doc.s[i]):
            # A photo's credit ("Max Chesnes/Tampa Bay Times/AP", "John Tully for The
            # Washington Post via Getty Images"), no headline.
            continue
        prv, nxt = doc.prev_nonblank(i, lo), doc.next_nonblank(i, hi)
        # (A name and role under a label are the byline of the headline above the label.)
        label_above = (
            prv >= lo and doc.kind[prv] == LABEL and not strong_at(doc, i, hi, one_line=False)
        )
        strong = (
            label_above
            or L.is_stock_headline(doc.s[i])
            or (nxt < hi and (label_below(doc, nxt, hi) or strong_at(doc, nxt, hi)))
            or (prv >= lo and doc.kind[prv] == DATELINE and _named_by_skip(doc, prv, i))
        )
        if strong or (weak and weak_headline(doc, i, lo, hi)):
            # A label line right above the headline belongs to this post.
            start = prv if label_above else i
            if not starts or start > starts[-1]:
                starts.append(start)
        elif weak and _byline_opens_post(doc, i, prv, lo, hi, starts):
            start = i
            if not starts or start > starts[-1]:
                starts.append(start)
    return starts


def _named_by_skip(doc: Doc, prv: int, i: int) -> bool:
    """Tell whether DW's "Skip next section HEADLINE" over the day on line ``prv`` names ``i``.

    (DW: "Skip next section X" / the day / "X": a post's headline, even on the window's last
    line, where no body follows it. The menu's and boxes' sections print no day.)
    """
    j = doc.prev_nonblank(prv, 0)
    return j >= 0 and doc.s[j] == _SKIP_NEXT + doc.s[i]


_SKIP_NEXT = "Skip next section "


def _byline_opens_post(doc: Doc, i: int, prv: int, lo: int, hi: int, starts: list[int]) -> bool:
    """Tell whether a correspondent's name and role on line ``i`` open an untitled post.

    (BBC Local Live: "Hannah Olsen" / "BBC Radio Cambridgeshire" / paragraphs, under a post
    whose last paragraph closed, on a page that prints no times.) Under a post that has a
    byline of its own, the name is a second correspondent of that post.
    """
    if prv < lo or doc.kind[prv] != TEXT or not full_sentence(doc.s[prv]):
        return False
    if not bylines.is_person_name(doc.s[i]) or not strong_at(doc, i, hi, one_line=False):
        return False
    if starts:
        under = doc.next_nonblank(starts[-1], hi)
        if under < hi and strong_at(doc, under, hi):
            return False
    return True


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
                # A label right over the time ("KEY EVENT" / "11:32Sarah Jones") under the
                # post above's body is this post's (under a headline alone, that post's).
                above = (
                    prv >= lo
                    and kind[prv] == LABEL
                    and (not starts or prv > starts[-1])
                    and _ends_paragraph(doc, doc.prev_nonblank(prv, lo))
                )
                starts.append(prv if above else i)
        elif k == PUB and (doc.heads.get(i) or i in doc.leads):
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
                and weak_headline(doc, i, lo, hi)
            ):
                starts.append(i)
    return starts


def _ends_paragraph(doc: Doc, j: int) -> bool:
    """Tell whether line ``j`` is a paragraph (a long line or a sentence), share tools and
    photo captions under it aside ("Share post")."""
    while j >= 0 and doc.kind[j] in (EMBED, BLANK, CAPMARK):
        j -= 1
    return j >= 0 and doc.kind[j] == TEXT and (len(doc.s[j]) > 60 or L.closes_sentence(doc.s[j]))


# What may stand between a post's time and its headline: labels, share tools, furniture.
_HEAD_SLOT = frozenset({BLANK, TIME, LABEL, EMBED, DROP, CHROME, UPDATED})


def _in_head_slot(doc: Doc, start: int, i: int) -> bool:
    """Tell whether line ``i`` is where the headline of the post opened at ``start`` stands.

    "Welcome back" right under a post's time is that post's headline, not a new post.
    """
    if all(k in _HEAD_SLOT for k in doc.kind[start + 1 : i]):
        return True
    # Under the contributor's name ("Helen Sullivan" / "What we know so far": the Guardian).
    other = [j for j in range(start + 1, i) if doc.kind[j] not in _HEAD_SLOT]
    return (
        len(other) == 1
        and doc.kind[other[0]] == TEXT
        and bool(bylines.header_names(doc.s[other[0]]))
    )


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
        prv, nxt = _over_labels(doc, i), _next_content(doc, i, hi)
        clock = doc.marks[i].clock if i in doc.marks else None
        while nxt < hi and doc.kind[nxt] == TIME and clock and doc.marks[nxt].clock == clock:
            nxt = _next_content(doc, nxt, hi)  # the time printed twice ("10.05am BST" / "10:05")
        if not clock and nxt < hi and doc.kind[nxt] == TIME:
            nxt = _next_content(doc, nxt, hi)  # an age over the clock (Sky: "5h ago" / "16:45")
        # A name over a role line under the time is a byline, not a headline.
        # BBC's "published at" belongs to the headline above it ("...<h3>Headline<span>
        # published at 18:12</span>"): whatever line stands under it (a score strip, a
        # kicker, "Get involved: ...") is the body's.
        head_after = (
            nxt < hi
            and not (doc.s[i][:1] == "p" and published_under_headline(doc, i, hi))
            and doc.kind[nxt] == TEXT
            and L.headline_like(doc.s[nxt])
            and not strong_at(doc, nxt, hi, one_line=False)
            and not _by_line(doc.s[nxt])  # "By SEUNG MIN KIM" under AP's time
        )
        head_before = False
        if not head_after:  # (the usual case needs no look above)
            head_before = _headline_above(doc, prv) >= 0 or _furniture_headline(doc, prv, i, hi)
        above += head_after
        below += head_before and not head_after
        first_below = first_below or (timed == 1 and head_before and not head_after)
    # Over the first time, the page's standfirst has a headline's shape too: alone, its
    # vote does not make a page print its times under headlines.
    if below <= above or (below == 1 and first_below and timed > 1):
        return starts
    moved = []
    for i in starts:
        prv = _over_labels(doc, i)
        head = _headline_above(doc, prv) if doc.kind[i] == TIME else -1
        if head < 0 and _furniture_headline(doc, prv, i, hi):
            head = prv
        if head >= 0 and not under_caption_mark(doc, head):
            # A label over the headline ("Analysis") belongs to it, not to the post above.
            label = doc.prev_nonblank(head, 0)
            moved.append(label if label >= 0 and doc.kind[label] == LABEL else head)
        else:
            moved.append(i)
    return moved


def _over_labels(doc: Doc, i: int) -> int:
    """The line over line ``i``, past label lines ("Hostages handed ..." / "Breaking" / time)."""
    return doc.prev_nonblank(_labels_over(doc, i, 0), 0)


def _headline_above(doc: Doc, prv: int) -> int:
    """Return the headline's line over a time whose line above is ``prv``, else -1.

    The line itself when it has a headline's shape ("HAMILTON WINS!" too), or the headline
    over a byline there (``_over_byline``).
    """
    if prv < 0 or doc.kind[prv] != TEXT:
        return -1
    over = _over_byline(doc, prv)
    return over if over != prv or L.exclaimed_headline(doc.s[prv]) else -1


def _by_line(s: str) -> bool:
    """Tell whether a line is a one-line ``By A`` byline (never a headline)."""
    return s[:3] in ("By ", "BY ") and bylines.one_line_byline(s) is not None


def _furniture_headline(doc: Doc, prv: int, i: int, hi: int) -> bool:
    """Tell whether furniture's words on line ``prv`` head the post timed on line ``i``.

    ("Get involved" over BBC's "published at": that time stands under its headline.)
    """
    return (
        prv >= 0
        and doc.kind[prv] == CHROME
        and doc.s[i][:1] == "p"
        and published_under_headline(doc, i, hi)
        and L.headline_like(doc.s[prv])
    )


def _over_byline(doc: Doc, j: int) -> int:
    """Return the headline's line over a byline at ``j`` (else ``j``).

    Headline, then the author's name (The Independent) or ``By A`` (Politico), then the time.
    """
    if j < 0 or doc.kind[j] != TEXT:
        return j
    if bylines.name_line(doc.s[j]) is None:
        # A name over its role line (the New York Times: "Yaqoob Akbary" / "Reporting from
        # Kabul, Afghanistan" over the time).
        name = doc.prev_nonblank(j, 0)
        if not (
            name >= 0
            and doc.kind[name] == TEXT
            and bylines.is_role_line(doc.s[j])
            and bylines.header_names(doc.s[name])
        ):
            return j
        j = name
    head = doc.prev_nonblank(j, 0)
    if head < 0 or doc.kind[head] != TEXT:
        return j
    h = doc.s[head]
    # (Over "By A" a short sentence is a headline too: "The Southwest keeps breaking
    # records. Cities are not keeping up." / "By Joanna Slater", The Washington Post.)
    if L.headline_like(h) or (doc.s[j][:3] == "By " and L.headline_like(h.removesuffix("."))):
        return head
    return j


def _page_stamp(doc: Doc, markers: list[int]) -> bool:
    """Tell whether the first time line is the page's own stamp, not a post's time.

    A dated time above every post ("5 January 2024 • 10:42pm" under the title) is the
    page's stamp when it stands over a page of headlines without times, or when the posts
    below print bare clocks and nothing but furniture stands between it and the first.
    """
    first = markers[0]
    mark = doc.marks.get(first)
    over = doc.prev_nonblank(first, 0)
    if (
        doc.kind[first] == TIME
        and over >= 0
        and doc.s[over].lower() in _UPDATED_WORDS
        and doc.kind.find(TIME, 0, over) < 0
    ):
        return True  # "Updated" / "Sept. 12, 2023, 6:41 p.m. ET" over the title
    if doc.kind[first] != TIME or mark is None or mark.date is None:
        return False
    if len(markers) > 1 and over >= 0 and doc.kind[over] == TEXT:
        nxt_mark = doc.marks.get(markers[1])
        if (
            nxt_mark is not None
            and nxt_mark.date is None
            and (bylines.page_authors(doc.s[over]) or bylines.header_names(doc.s[over]))
        ):
            # Under the page's byline (or names: the Guardian's "A (now) and B (earlier)"),
            # dated over posts of bare clocks (the Telegraph).
            return True
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
        # Under the page's byline it may stand over the page's intro (The Independent:
        # "Comments" / the intro / "Show latest updates").
        under_byline = (
            over >= 0
            and doc.kind[over] == TEXT
            and (bylines.page_authors(doc.s[over]) or bylines.header_names(doc.s[over]))
        )
        # (Under the page's names one post's time is evidence enough: a window's top.)
        return _own_form(doc, markers, 2 if under_byline else 3) and (
            bool(under_byline)
            or not any(
                doc.kind[j] == TEXT and L.closes_sentence(doc.s[j])
                for j in range(first + 1, markers[1])
            )
        )
    below = doc.next_nonblank(first, markers[1])
    while below < markers[1] and doc.kind[below] == EMBED:
        below = doc.next_nonblank(below, markers[1])  # the share tools ("Share", "Gift Article")
    if below < markers[1] and doc.s[below].lower().startswith(_SUMMARY_LEADS):
        # The page's "What to know about ..." box under its stamp (NBC; the Washington Post's
        # "Key updates" under its share tools).
        return True
    return not any(
        doc.kind[j] == TEXT
        and (len(doc.s[j]) > 60 or L.closes_sentence(doc.s[j]))
        and not bylines.page_authors(doc.s[j])
        for j in range(first + 1, markers[1])
    )


# A page's stamp printed on the line under its word ("Updated" / "Sept. 12, 2023, ...").
_UPDATED_WORDS = frozenset({"updated", "updated:", "last updated", "last updated:"})

_FORM = (re.compile(r"\d+"), re.compile(r"[^\W\d_]+"))


def _form(raw: str) -> str:
    return _FORM[1].sub("A", _FORM[0].sub("9", raw))


_FORM_SAMPLE = 40


def _own_form(doc: Doc, markers: list[int], least: int = 3) -> bool:
    """Tell whether the first time is printed unlike the others, which all share one form.

    The next few dozen times are evidence enough; reading on would cost a long page time.
    ``least`` times are needed (with the first).
    """
    if len(markers) < least:
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
    hdr, starts = _starts(doc)
    # A label over a glued "...published at" headline ("Breaking" / "Man dies ...published
    # at 08:47 ..."): that post's, not the end of the post above.
    for idx in range(1, len(starts)):
        if doc.kind[starts[idx]] == PUB and doc.heads.get(starts[idx]):
            starts[idx] = _labels_over(doc, starts[idx], starts[idx - 1])
    # A badge over the first timed post's time ("Key Event", "Pinned post") is that post's
    # label, not the header's last line nor the end of a post cut above; "Live" there is the
    # page's.
    n = 1 if len(starts) > 1 and starts[0] in (doc.tail_top, doc.cut_top) else 0
    if len(starts) > n and (
        doc.kind[starts[n]] == TIME or (doc.kind[starts[n]] == PUB and doc.heads.get(starts[n]))
    ):
        starts[n] = _labels_over(doc, starts[n], starts[n - 1] if n else -1)
        if not n:
            hdr = min(hdr, starts[0] - 1)
    return hdr, starts


def _labels_over(doc: Doc, start: int, floor: int) -> int:
    """Return the first of the label lines right over a post's start (above ``floor``).

    "Live" there is the page's badge, never a post's label.
    """
    k = doc.prev_nonblank(start, 0)
    while k > floor and doc.kind[k] == LABEL and doc.s[k].lower() != "live":
        start, k = k, doc.prev_nonblank(k, 0)
    return start


def _starts(doc: Doc) -> tuple[int, list[int]]:
    """Return the header's last line and the posts' first lines, by the page's rendering."""
    n = len(doc.s)
    badge(doc)
    top_nav(doc)
    key_events(doc, min(n, 80))
    summary_items(doc, min(n, 60))
    markers = marker_lines(doc)
    if markers and _page_stamp(doc, markers):
        doc.kind[markers[0]] = UPDATED
        over = doc.prev_nonblank(markers[0], 0)
        if over >= 0 and doc.kind[over] == TEXT and doc.s[over].lower() in _UPDATED_WORDS:
            doc.kind[over] = CHROME  # "Updated" over the stamp (The New York Times)
        markers = markers[1:]
    if doc.numbered:
        starts = numbered_lines(doc)
        if (top := _cut_item(doc, starts[0])) is not None:
            doc.tail_top = top  # (a role line there is the cut byline's: "Reporting from ...")
            return top - 1, [top, *starts]
        return header_end(doc, starts[0]), starts
    if markers:
        hdr = header_end(doc, markers[0])
        mark_duplicates(doc, 0, markers[0])
        pre = _flat_starts(doc, hdr + 1, markers[0], weak=True)
        pre = [p for p in pre if doc.kind[p] != LABEL or p + 1 < markers[0]]
        # Over a standfirst, an agency or names alone ("The Associated Press") are the page's
        # byline, not an untimed post's headline.
        pre = [p for p in pre if not _byline_shaped(doc.s[p])]
        top_line = _past_live_badge(doc, pre[0]) if pre else -1
        if (
            pre
            # Above it: nothing, furniture only, or topic kickers over the page's badge (a
            # "Live" badge the title's start took in as a label: The Times); or anything,
            # where a stamp only a page's top prints stands under it (a note over the copied
            # page in an e-mail).
            and (
                doc.kind.find(TEXT, 0, pre[0]) < 0
                or title_under_badge(doc, top_line)
                or _page_stamp_under(doc, pre[0], pre[1] if len(pre) > 1 else markers[0])
            )
            and doc.kind[top_line] == TEXT
            and not L.is_stock_headline(doc.s[top_line])
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
        cut = _cut_post(doc, markers[0])
        if cut is not None:
            doc.tail_top = cut
        elif (cut := _time_cut_off(doc, markers[0])) is not None:
            doc.cut_top, pre = cut, [p for p in pre if p < cut]
        if cut is not None and (not pre or cut < pre[0]):
            pre, hdr = [cut, *pre], min(hdr, cut - 1)
        timed = _marker_starts(doc, markers[0], n)
        marked = _times_below_headlines(doc, timed, n)
        if marked != timed:
            # Times under headlines: a headline on the window's last line lost its time (and
            # its post) to the cut ("Lunch - England 103-4" under the last paragraph).
            last = doc.prev_nonblank(n, 0)
            if (
                last > marked[-1]
                and doc.kind[last] == TEXT
                and L.headline_like(doc.s[last])
                and weak_headline(doc, last, marked[-1] + 1, n)
            ):
                marked.append(last)
        if marked and (end := _headed_at_end(doc, marked[-1], n)) is not None:
            marked.append(end)
        if marked and marked[0] < markers[0]:
            hdr = min(hdr, marked[0] - 1)
            pre = [p for p in pre if p < marked[0]]
            # An untimed "post" whose only text was the first post's headline, now moved up
            # to it ("Get involved: #bbctennis ..." over "Sinner breaks in the third!").
            if pre and pre[-1] != doc.tail_top and not _has_body(doc, pre[-1], marked[0]):
                pre = pre[:-1]
        if (
            hdr >= 0
            and not pre
            and marked
            and doc.kind.find(TEXT, hdr + 1, marked[0]) >= 0
            and doc.kind.find(UPDATED, 0, hdr + 1) >= 0
        ):
            # Text between a page top's last fact (its stamp above) and the first post, which
            # opens no post (France 24's standfirst under the lead photo's caption): the
            # header's too.
            hdr = marked[0] - 1
        return hdr, pre + marked
    hdr = header_end(doc, n)
    starts = _flat_starts(doc, hdr + 1, n, weak=True)
    if len(starts) > 1 and _under_badge(doc, starts[0]):
        hdr, starts = starts[0], starts[1:]  # the page's title under a site's badge
    cut = _cut_post(doc, starts[0] if starts else n)
    if cut is not None:
        doc.tail_top = cut
        if cut < hdr:  # the header reader took in the cut post: posts may open in it
            starts = [*_flat_starts(doc, cut + 1, starts[0] if starts else n, weak=True), *starts]
        return min(hdr, cut - 1), [cut, *starts]
    intro = _untitled_intro(doc, hdr + 1, starts[0] if starts else n)
    if intro is not None:
        return hdr, [intro, *starts]
    if not starts and (only := _lone_post(doc, hdr)) is not None:
        return only - 1, [only]
    return hdr, starts


def _headed_at_end(doc: Doc, last_start: int, n: int) -> int | None:
    """Return the start of a post whose time the window's end cut, else None.

    A headline over a ``By A`` line (with its label over it), or a headline alone under the
    post above's share tools, on the window's last lines: "BREAKING" / "Dam near Barre at
    risk of failing" / "By Faris Tanyos" (CBS and the Washington Post print the time under
    the byline).
    """
    by = doc.prev_nonblank(n, 0)
    if by <= last_start or doc.kind[by] != TEXT:
        return None
    if not _by_line(doc.s[by]):
        # A headline alone under the post above's share tools ("Share" / "Comment"): its
        # byline and time were cut.
        tools = doc.prev_nonblank(by, 0)
        shared = tools > last_start and doc.s[tools].lower() in _CLOSING_TOOLS
        long_enough = doc.s[by].count(" ") >= 3
        return by if shared and long_enough and L.headline_like(doc.s[by]) else None
    head = doc.prev_nonblank(by, 0)
    if (
        head <= last_start
        or doc.kind[head] != TEXT
        or not L.headline_like(doc.s[head])
        or head in doc.captions
    ):
        return None
    top = head
    label = doc.prev_nonblank(head, 0)
    if label > last_start and doc.kind[label] == LABEL:
        top = label
    above = doc.prev_nonblank(top, 0)
    if above <= last_start or doc.kind[above] not in (TEXT, CHROME, EMBED, DROP):
        return None
    # (under a paragraph or a photo's credit, not under a lead-in or the post's own top)
    shut = (
        above in doc.captions
        or doc.kind[above] in (EMBED, CHROME)  # the post above's share tools
        or L.closes_sentence(doc.s[above])
        or L.is_credit(doc.s[above])
    )
    return top if shut else None


def _lone_post(doc: Doc, hdr: int) -> int | None:
    """Return the headline of a page's only post, where the header took in the whole page.

    (A window holding one post and the footer's links under it: "Read more", related titles,
    "Most Popular".) The first headline over a paragraph, if there is one.
    """
    for i in range(min(hdr + 1, len(doc.s))):
        if doc.kind[i] == TEXT and L.headline_like(doc.s[i]) and over_paragraph(doc, i, hdr + 1):
            return i
    return None


def _under_badge(doc: Doc, i: int) -> bool:
    """Tell whether line ``i`` stands under a live page's badge alone ("Live updates (closed)").

    (A window of posts opens on a post, a photo or a video's furniture, never on the badge
    over the page's title.)
    """
    above = [j for j in range(i) if doc.kind[j] != BLANK]
    return any(badge_line(doc, j) for j in above) and all(
        doc.kind[j] in (CHROME, DROP) and doc.s[j].lower() not in POSTS_FOLLOW for j in above
    )


def _cut_post(doc: Doc, first: int) -> int | None:
    """Return the start of a post's tail over the first post, on a page cut from a longer one.

    A window of a live page may open in the middle of a post: no title, body text from the
    first line (or the post's byline, then body text). That text is an untitled, untimed
    post, not the page's header.
    """
    top = j = doc.next_nonblank(-1, first)
    if (
        doc.blanks
        and top + 1 < first
        and doc.next_nonblank(top + 1, first) >= first
        and doc.kind[top + 1] == TEXT
        and photo_pair_end(doc, top + 1)
    ):
        return top  # a photo's alt text and credit alone over the first post: its end
    photo = False
    while j < first:
        pair = _photo_pair(doc, j, first)
        if not (
            pair
            or doc.kind[j] == CAPMARK
            or (j == top and doc.kind[j] == TEXT and L.is_credit(doc.s[j]))  # "Name/CNN"
            or _over_credit(doc, j, first)
            or (photo and doc.kind[j] == DROP)  # Reuters' "Purchase Licensing Rights"
            or doc.kind[j] == EMBED  # the post's video or share tools (CNN's player)
            # Sky's player: its notice, the length, the video's title (a caption)
            or (j == top and doc.s[j] in L.PLAYER_NOTICES)
            or (photo and j in doc.captions)
        ):
            break
        photo = photo or pair or doc.kind[j] in (CAPMARK, EMBED) or doc.s[j] in L.PLAYER_NOTICES
        # The post's photo (alt text, credit), then its text.
        j = doc.next_nonblank(j + 1 if pair else j, first)
        if j < first and under_caption_mark(doc, j):
            j = doc.next_nonblank(j, first)  # the caption under "Media caption,"
    if j < first and j == top and doc.kind[j] == LABEL:
        # A label over a correspondent's name and role and their paragraphs ("Analysis" /
        # "James Landale" / "Diplomatic correspondent"): a post whose headline the window cut.
        name = doc.next_nonblank(j, first)
        while name < first and doc.kind[name] == LABEL:
            name = doc.next_nonblank(name, first)
        role = doc.next_nonblank(name, first)
        if (
            role < first
            and doc.kind[name] == TEXT
            and bylines.header_names(doc.s[name])
            and doc.kind[role] == TEXT
            and bylines.is_role_line(doc.s[role])
            and over_paragraph(doc, role, first)
        ):
            return top
    if j < first and j == top and doc.kind[j] == BULLET:
        # Bulleted items at the window's top over a paragraph (a summary post's items and
        # its sign-off: "That's all from me for today."): a cut post, not the page's key
        # points, which stand under its title or a heading and over the posts.
        k = j
        while k < first and doc.kind[k] == BULLET:
            k = doc.next_nonblank(k, first)
        # ... or over the post's share tools ("Share on Facebook"), which no page top prints:
        # then one item will do.
        shared = k < first and doc.kind[k] == EMBED and doc.s[k].lower().startswith("share")
        closed = k < first and (
            _closing_paragraph(doc, k, first)
            # ... or over the post's own stamp ("Updated at 3.58pm BST", the Guardian)
            or (doc.kind[k] == UPDATED and not _page_stamp_under(doc, k, k + 1))
        )
        return top if (k - j >= 2 and closed) or shared else None
    if j >= first or doc.kind[j] != TEXT:
        return None
    under = doc.next_nonblank(j, first)
    if (
        (under < first and doc.kind[under] == UPDATED and _YEAR.search(doc.s[under]))
        or _page_stamp_under(doc, j + 1, first)
        or any(
            doc.s[x].lower() in _HEADER_MARKS
            # a summary's heading over its items (DW's "What you need to know")
            or (
                doc.s[x].lower() in L.SUMMARY_HEADS
                and (b := doc.next_nonblank(x, first)) < first
                and doc.kind[b] == BULLET
            )
            for x in range(j + 1, first)
        )
    ):
        # The page's standfirst over its stamp (France 24's "Issued on: ...", Politico's
        # dated "Updated ..." right under it), its intro over its key points (The
        # Independent): the header, not a post's tail.
        return None
    s = doc.s[j]
    k = doc.next_nonblank(j, first)
    paragraph_below = over_paragraph(doc, j, first)
    if cut_role(s):
        # A pundit's role line over their words (its name above the cut), maybe with the
        # correspondent's handle between (Sky: "Deputy political editor" / "@SamCoatesSky").
        below = _next_content(doc, j, first)
        if paragraph_below or (below < first and full_sentence(doc.s[below])):
            return top
        if below < first and _list_top(doc, below, first):
            return top  # ... or over a list ("England 1-1 Spain (...)" / "Beth Mead - missed")
        after = doc.next_nonblank(below, first) if below < first else first
        if (
            below < first
            and L.core(doc.s[below]).endswith(".")  # (a question is a headline's)
            and after < first
            and full_sentence(doc.s[after])
        ):
            return top  # ... or over a short sentence and a paragraph ("This is a big one.")
    if s.startswith("By ") and bylines.one_line_byline(s):
        return top if paragraph_below else None
    if s.startswith("From ") and bylines.one_line_byline(s):
        # CNN's "From CNN's A and B in Hong Kong" is a post's byline, never the page's: its
        # post's text (maybe under a photo) follows.
        return top if any(full_sentence(doc.s[x]) for x in range(j + 1, first)) else None
    if (
        k < first
        and doc.kind[k] == TEXT
        and len(doc.s[k]) > 60
        and full_sentence(doc.s[k])
        and bylines.header_names(s)
        and not L.LIVE_TITLE.search(s)
    ):
        # A name alone over a paragraph ("Harvey Kong" / "A 58-year-old taxi driver ..."): the
        # byline of a post whose headline the window cut, never the page's title.
        return top
    if (
        k < first
        and doc.kind[k] == TEXT
        and bylines.header_names(s)
        and bylines.is_role_line(doc.s[k])
    ):
        # A correspondent's name and role ("Orla Guerin" / "Reporting from Istanbul") over
        # a paragraph: the byline of the post the window opens in.
        return top if over_paragraph(doc, k, first) else None
    if (
        first < len(doc.s)
        and doc.kind[first] == PUB
        and "published at" in doc.s[first]
        and not any(doc.kind[x] in _BBC_HEADER for x in range(first))
        and any(full_sentence(doc.s[x]) for x in range(j, first))
    ):
        # Over BBC's first glued "published at" headline, a page's own top always shows its
        # furniture ("Live Reporting", the zone note): text without any is a post's end.
        return top
    if L.is_count_item(s) and any(full_sentence(doc.s[x]) for x in range(j, first)):
        return top  # a tally ("Labour: 141 (up 58)") over text: a list the window cut into
    if L.is_result_line(s) and k < first and L.is_result_line(doc.s[k]):
        return top  # results ("Tottenham 1-0 Manchester United"): a list, never the title
    if _list_top(doc, j, first):
        return top  # items of a list whose lead-in was cut ("At least 31 people have died")
    if _short_lines_to(doc, j, first):
        return top  # ... or of a guest list ("Cate Blanchett"), straight over the first post
    if (
        s.endswith("!")
        and s.count(" ") >= _EXCLAIMED_WORDS
        and not s.isupper()  # "LANDO NORRIS WINS THE BRITISH GRAND PRIX!"
        and not s.split(None, 1)[0].endswith("!")  # "WICKET! Brook c Smith b Hazlewood 3"
        and paragraph_below
    ):
        # An exclaimed sentence over a paragraph ("Brentford are level and they deserve it!"):
        # the text of a post the window cut, not a headline.
        return top
    if (
        L.headline_like(s.rstrip("!"))
        or (L.LIVE_TITLE.search(s) and not full_sentence(s) and not s.endswith(":"))
        # The standfirst repeating the title's lead ("Mumbai rains LIVE updates: Heavy rain
        # lashed Mumbai ..."): the header's, under a cut title.
        or L.live_lead(s)
    ):
        # A title ("Leeds v Derby – live!"), not "... to our live coverage." nor a lead-in
        # ("Welcome to our live blog ... Here's a quick recap:").
        return None
    if full_sentence(s) or len(s) > 60:
        return top
    # A short sentence over a paragraph: a list's last item, the end of a paragraph, a
    # lead-in ("Turnout passes one-third threshold:", RFE/RL).
    # (A lead-in of two words will do: "She said:", "Disruption includes:".)
    closed = (L.closes_sentence(s) and s.count(" ") >= 2) or (s.endswith(":") and " " in s)
    if (
        closed
        and not paragraph_below
        and s.endswith(":")
        and k < first
        and doc.kind[k] in (TEXT, BULLET)
        and not s.lower().startswith(_SUMMARY_LEADS)  # "Key developments on April 10:"
    ):
        # A lead-in over its list, then text ("here are the totals so far:" / the tallies),
        # or over its list down to the first post ("Here are the key points from today's
        # Budget:" / the measures).
        paragraph_below = any(full_sentence(doc.s[x]) for x in range(k, first)) or (
            s.count(" ") >= _LEAD_IN_WORDS
            and sum(doc.kind[x] in (TEXT, BULLET) for x in range(k, first)) >= 2
            and all(doc.kind[x] in (BLANK, TEXT, BULLET, EMBED) for x in range(k, first))
        )
    if closed and not paragraph_below and L.closes_sentence(s):
        # The post's last sentence over its share tool ("CNN cannot independently verify the
        # governor's claims." / "Link Copied!"), then the next post's time.
        paragraph_below = (
            k < first
            and doc.s[doc.prev_nonblank(first, j)].lower() in _POST_SHARE_TOOLS
            and all(doc.kind[x] in (BLANK, EMBED) for x in range(j + 1, first))
        )
    if closed and not paragraph_below and L.closes_sentence(s) and k < first:
        # ... or over a photo's alt text and then a paragraph ("Lows of -3C (27F) in rural
        # spots." / "Weather map" / "Tomorrow will be bright and crisp ...").
        k2 = doc.next_nonblank(k, first)
        paragraph_below = (
            doc.kind[k] == TEXT
            and L.short_unpunctuated(doc.s[k], PHOTO_ALT_WORDS)
            and k2 < first
            and doc.kind[k2] == TEXT
            and full_sentence(doc.s[k2])
        )
    return top if closed and paragraph_below else None


_SUMMARY_LEADS = tuple(L.SUMMARY_HEADS)
_LEAD_IN_WORDS = 4  # spaces in a lead-in that opens a cut post's list (not "Key points:")
# A post closing the live page: "We're closing this live blog", "This live blog is now closed".
_SIGNING_OFF = re.compile(
    r"^(?:We['’]re|We are|We['’]ll|This live|That['’]s all|Our live coverage)\b"
)
# Share tools only a post prints (a page's header has "Share" too).
_POST_SHARE_TOOLS = frozenset(
    {
        "link copied!",
        "link copied",
        "copy link",
        "share post",
        "share this post",
        "article share tools",
    }
)
_LONG_UNCLOSED = 100  # characters: no byline, menu or tag runs this long
# The share tools under a post's last line, over the next post.
_CLOSING_TOOLS = _POST_SHARE_TOOLS | {"share", "comment", "comments"}
_EXCLAIMED_WORDS = 5
# A list's items at a window's top may run longer than elsewhere: the lead-in is gone.
_TOP_ITEM_WORDS = 25


def _past_live_badge(doc: Doc, i: int) -> int:
    """The line under a "Live" badge that a post's start took in as its label, else ``i``."""
    if doc.kind[i] == LABEL and doc.s[i].lower() == "live":
        return doc.next_nonblank(i, len(doc.s))
    return i


def _page_stamp_under(doc: Doc, lo: int, hi: int) -> bool:
    """Tell whether a stamp only a page's top prints ("Published On ...") is in lines lo-hi."""
    return any(
        doc.kind[x] == UPDATED and doc.s[x].lower().startswith(_PAGE_STAMPS) for x in range(lo, hi)
    )


def _closing_paragraph(doc: Doc, k: int, first: int) -> bool:
    """Tell whether line ``k`` is a paragraph with only text and furniture under it (no facts)."""
    return (
        doc.kind[k] == TEXT
        and full_sentence(doc.s[k])
        and all(doc.kind[x] in (BLANK, EMBED, TEXT) for x in range(k + 1, first))
    )


def _list_top(doc: Doc, j: int, first: int) -> bool:
    """Tell whether line ``j`` opens a run of three list items or more over a paragraph."""
    if doc.blanks:
        # Where blank lines part the elements, a list is a block of three lines or more with
        # no blank between them (results, tallies: "Central: Labour gain from Conservative"),
        # maybe with the paragraph after it; a run of blocks of one line each is a menu.
        k = j
        while k < first and doc.kind[k] == TEXT and _top_item(doc, k):
            k += 1
        return k - j >= 3 and (k >= first or doc.kind[k] == BLANK or full_sentence(doc.s[k]))
    items = 0
    while j < first and _top_item(doc, j):
        items += 1
        j = doc.next_nonblank(j, first)
    # (Over a paragraph, or over the first post, maybe under the post's share tool: a page's
    # header holds other lines.)
    return items >= 3 and (
        j >= first
        or all(doc.kind[x] in (BLANK, EMBED) for x in range(j, first))
        or any(full_sentence(doc.s[x]) for x in range(j, first))
    )


_GUEST_LIST = 4  # short lines at least, with nothing of a page's header among them


def _short_lines_to(doc: Doc, j: int, first: int) -> bool:
    """Tell whether a window opens on a run of short unpunctuated lines down to the first post.

    (A list of people and groups whose lead-in was cut: "The premiers of ..." / "Cate
    Blanchett" / ... over "BreakingSenator heckles King ..."; a page's top holds furniture,
    a stamp, a zone note or a standfirst's sentence among its lines.)
    """
    lines = [x for x in range(j, first) if doc.kind[x] != BLANK]
    if len(lines) < _GUEST_LIST or first >= len(doc.s):
        return False
    texts = [doc.s[x] for x in lines]
    heads = {doc.s[first], doc.heads.get(first)}
    return all(
        doc.kind[x] == TEXT and L.short_unpunctuated(doc.s[x], _TOP_ITEM_WORDS) for x in lines
    ) and not any(
        L.LIVE_TITLE.search(s)  # a live page's title
        or bylines.page_authors(s)  # its byline ("Live reporting by A and B")
        or s in heads  # a summary box repeating the first post's headline
        for s in texts
    )


def _top_item(doc: Doc, j: int) -> bool:
    """Tell whether line ``j`` can be an item of a list at a window's top (a count too)."""
    s = doc.s[j]
    if doc.kind[j] == TEXT and (L.is_count_item(s) or _STAT_LINE.match(s)):
        return True  # "EPP: 186", "Conservative: 1,323", "Shots: Liverpool 18 - Man City 6"
    return (
        item_shaped(doc, j, _TOP_ITEM_WORDS)
        and not L.LIVE_TITLE.search(s)  # a live page's title ("Ukraine war latest: ...")
        and not s.startswith("By ")  # its byline
    )


# A match statistic: "Possession: Liverpool 49% - Man City 51%".
_STAT_LINE = re.compile(
    r"^[A-Z][A-Za-z ]{1,30}: [A-Z][^:]{1,40} \d{1,3}%? [-–] [A-Z][^:]{1,40} \d{1,3}%?$"
)

_BBC_HEADER = HEADER_KINDS - {CAPMARK}
# Stamps only a page's own top prints (a post's is "Updated at 15.06 BST").
_PAGE_STAMPS = ("issued on", "first published", "published on", "last updated", "modified")
# Headings and furniture only a page's header holds.
_HEADER_MARKS = frozenset(
    ["key points", "key events", "show latest updates", "show more updates", "live reporting"]
)


def _cut_item(doc: Doc, first: int) -> int | None:
    """Return the window's first line when it opens inside a numbered post, else None.

    On numbered pages a post's lines stand indented under its number ("  1. Headline" over
    "    Body text"); the header's lines do not. Lines over the first number that are all
    indented further than it are the tail of the post above it: its byline, captions or body.
    """
    top = doc.next_nonblank(-1, first)
    if top >= first:
        return None
    number = L.indent(doc.raw[first])
    if all(L.indent(doc.raw[j]) > number for j in range(top, first) if doc.s[j]):
        return top
    # A copy that keeps no indentation (a word processor's paste): a window opening on a
    # paragraph, with none of a page top's furniture or facts down to the first number.
    if full_sentence(doc.s[top]) and not any(
        doc.kind[j] in HEADER_KINDS for j in range(top, first)
    ):
        return top
    return None


def _photo_pair(doc: Doc, j: int, hi: int) -> bool:
    """Tell whether line ``j`` is a photo's alt text right over its credit, over a paragraph.

    (BBC Local Live, blank-separated: "Sammie Szmodics" / "Colchester United FC", with no
    blank line between them; the header's lines stand apart.)
    """
    c = j + 1
    return (
        doc.blanks
        and c < hi
        and doc.kind[j] == TEXT
        and doc.kind[c] == TEXT
        and L.short_unpunctuated(doc.s[j], 8)
        and L.short_unpunctuated(doc.s[c], 6)
        and (k := doc.next_nonblank(c, hi)) < hi
        and k > c + 1
        and full_sentence(doc.s[k])
    )


def _over_credit(doc: Doc, j: int, hi: int) -> bool:
    """Tell whether line ``j`` is a photo's alt text: short text over a caption's marker.

    (A paragraph over a credited caption is the post's text.)
    """
    k = doc.next_nonblank(j, hi)
    return doc.kind[j] == TEXT and k < hi and doc.kind[k] == CAPMARK and not full_sentence(doc.s[j])


def _time_cut_off(doc: Doc, first: int) -> int | None:
    """Return the window's first line when it opens a post whose time line was cut off.

    A window cut from a long page may open just under a post's time: the headline (under the
    contributor's name and a label on the Guardian), maybe a byline, then two paragraphs or
    more, captions and share tools, straight over the first time. A page's own top has one
    standfirst, or furniture (a page byline with its dated stamp, a key points list, editors)
    between its title and the posts.
    """
    j = doc.next_nonblank(-1, first)
    k = j
    if k < first and doc.kind[k] == TEXT and bylines.header_names(doc.s[k]):
        k = doc.next_nonblank(k, first)  # the Guardian's contributor over the headline
    while k < first and doc.kind[k] == LABEL:
        k = doc.next_nonblank(k, first)
    summary = k < first and doc.kind[k] == CHROME and doc.s[k].lower() in L.SUMMARY_HEADS
    if k >= first or (doc.kind[k] != TEXT and not summary) or k in doc.captions:
        return None  # (the Guardian's "Summary" post is a headline too)
    if not L.post_headline_like(doc.s[k]):
        return None
    # A live page's title has a standfirst and a byline or stamp under it, not three paragraphs
    # ("Latest totals: Labour 141, Conservatives 19" is a post's headline).
    least = 3 if L.LIVE_TITLE.search(doc.s[k]) and not _SIGNING_OFF.match(doc.s[k]) else 2
    paragraphs, named, lead_in, listed = 0, False, False, False
    for line in range(k + 1, first):
        kind, s = doc.kind[line], doc.s[line]
        if kind == BLANK:
            continue
        if lead_in and kind in (TEXT, BULLET):
            # The words a lead-in introduces ("Priti Patel said:" / a quote), or its list's
            # items ("They include:" / school names).
            lead_in, listed = False, not full_sentence(s)
            paragraphs += 1
            continue
        if listed and kind in (TEXT, BULLET) and not full_sentence(s):
            paragraphs += 1  # the list's next item
            continue
        listed = False
        if named and kind == TEXT and bylines.is_role_line(s):
            named = False  # the byline's role line ("At Reading Festival")
            continue
        named = kind == TEXT and _byline_line(s)
        if kind == TEXT and _over_credit(doc, line, first):
            continue  # a photo's alt text over its credit ("Sky over St Ives" / "Copyright: ...")
        if kind == TEXT and L.is_credit(s) and (paragraphs or doc.kind[line - 1] == CAPMARK):
            continue  # a photo's credit under its caption ("Luhansk Regional .../Telegram")
        if kind == TEXT and paragraphs and under_caption_mark(doc, line):
            continue  # the caption under "Image caption" ("Residents ... taken to safety by boat")
        if kind == ROSTER and s.startswith(L.REPORTING_CREDITS):
            continue  # RFE/RL's credit under the body: "With reporting by AP, AFP, and Reuters"
        if kind == TEXT and line not in doc.captions and not named:
            if not (
                full_sentence(s)
                # a short sentence among the paragraphs ("CNN cannot independently verify it.")
                or (paragraphs and L.closes_sentence(s) and s.count(" ") >= 2)
                # a long line without a closing stop (the BBC's "Quote Message: ... from A")
                or (paragraphs and len(s) > _LONG_UNCLOSED)
                # a lead-in (of two words under a paragraph: "They include:")
                or (s[-1] == ":" and s.count(" ") >= (1 if paragraphs else 3))
            ):
                if (
                    paragraphs
                    and L.short_unpunctuated(s, 4)
                    and (
                        over_paragraph(doc, line, first) or doc.next_nonblank(line, first) == first
                    )
                ):
                    continue  # a photo's alt text under a paragraph ("Weather map")
                return None  # a short line: a page byline, a menu, a tag
            paragraphs += 1
            lead_in = s[-1] == ":"
        elif kind == UPDATED and _YEAR.search(s):
            return None  # the page's dated stamp ("Wed 18 May 2022 14.00 BST")
        elif kind not in _IN_CUT_POST:
            return None
    # (A post's share tool closing the text, Sky's "Copy link", is never a page's top.)
    shared = doc.kind[doc.prev_nonblank(first, k)] == EMBED
    # (Nor is a sub-head of two or three words: "Humanitarian situation" over a paragraph is
    # the tail of a key events post, never a page's title.)
    head = doc.s[k]
    sub_head = (
        0 < head.count(" ") < 3
        and not any(c.isdigit() for c in head)
        and not _byline_line(head)  # ("By Reuters" over the page's standfirst)
    )
    return (
        j
        if paragraphs >= least or (paragraphs == 1 and least == 2 and (shared or sub_head))
        else None
    )


def _byline_line(s: str) -> bool:
    """Tell whether a line is a byline alone: names, ``By A, role`` or ``From CNN's A``."""
    return bool(bylines.name_line(s) or bylines.one_line_byline(s))


_IN_CUT_POST = frozenset([BLANK, TEXT, CAPMARK, EMBED, DROP, LABEL, UPDATED])
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _untitled_intro(doc: Doc, lo: int, hi: int) -> int | None:
    """Return the first line of paragraphs between the header and the first headline.

    Two full sentences or more there are an untitled opening post (the Kyiv Independent's
    intro under its key developments); one is the header's standfirst. A correspondent's name
    and role over paragraphs there opens an untitled post too (BBC 2015: "Sitala Peek" /
    "BBC News" / "That's it for our overnight coverage ...").
    """
    lines = [j for j in range(lo, hi) if doc.kind[j] == TEXT and j not in doc.captions]
    full = [j for j in lines if full_sentence(doc.s[j])]
    if lines and full and strong_at(doc, lines[0], hi, one_line=False):
        return lines[0]  # a correspondent's name and role over paragraphs: an untitled post
    if len(full) < 2:
        return None
    if lines[0] != full[0]:
        # Headline-shaped lines over the paragraphs (a window opening inside a list of the
        # page's headlines, its lead-in cut; a headline over a venue and a score): the
        # paragraphs are still a post. Its headline is a line that shares a word with them
        # with only short lines (a venue, a score) under it; else it is untitled.
        above = lines[: lines.index(full[0])]
        if not full[1:] or full[1] != doc.next_nonblank(full[0], hi):
            return None
        if not all(L.headline_like(doc.s[j]) for j in above):
            return None
        for k, j in enumerate(above):
            if shares_words(doc.s[j], doc.s[full[0]]) and all(
                doc.s[x].count(" ") < 3 or _SUB_SCORE.search(doc.s[x]) for x in above[k + 1 :]
            ):
                return j
        return full[0]
    return full[0]


_SUB_SCORE = re.compile(r"\d-\d")


def _has_body(doc: Doc, lo: int, hi: int) -> bool:
    """Tell whether lines ``[lo, hi)`` hold a paragraph: a sentence or a long text line.

    (A page's byline is none: BBC Sport's "Live text - A, B and C; TMS - D and E".)
    """
    return any(
        doc.kind[j] == TEXT
        and (len(doc.s[j]) > 60 or L.closes_sentence(doc.s[j]))
        and not bylines.one_line_byline(doc.s[j])
        and not bylines.page_authors(doc.s[j])
        for j in range(lo, hi)
    )


def _byline_shaped(s: str) -> bool:
    """Tell whether a line is a page's byline: names, an agency, ``By: FRANCE 24``."""
    return (
        bool(bylines.header_names(s))
        or bylines.is_org_name(s)
        or (s[:4] in ("By: ", "BY: ") and bool(bylines.page_authors(s)))
    )


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
    text = L.visible(text)
    text, undone = dump.undo(text)  # a dump tool's wrapped lines and link numbers
    doc = classify(text)
    hdr, starts = _entry_starts(doc)
    set_codes(doc)
    page = Page(source=source, notes=undone)
    first = starts[0] if starts else len(doc.s)
    page_facts(doc, hdr, first, page)
    page.rendering = _rendering(doc, starts)
    built: list[Built] = []
    bounds = [*starts, len(doc.s)]
    # The last day separator above each post (rfind: searched in C).
    j = doc.kind.rfind(DATELINE, 0, first)
    day: times.TimeMark | None = doc.marks[j] if j >= 0 else None
    fresh = day is not None
    for lo, hi in pairwise(bounds):
        b = build_entry(doc, lo, hi)
        # A day separator ("Tuesday 18 June 2024", or "Saturday, March 28" without a year)
        # dates the first post under it that prints a clock; the clocks date the others,
        # across midnight (resolve). Posts without a time under it take its day.
        if b.mark is not None and b.mark.date is None and day is not None:
            if b.mark.clock is None or fresh:
                b.mark = replace(b.mark, date=day.date, month_day=day.month_day or b.mark.month_day)
                fresh = fresh and b.mark.clock is None
        elif b.mark is None and day is not None and (b.entry.headline or b.entry.paragraphs):
            # A post without a time: its day only (DW).
            b.mark = times.TimeMark(None, "", day.date, day.month_day)
        j = doc.kind.rfind(DATELINE, lo, hi)
        if j >= 0:
            day, fresh = doc.marks[j], True
        if (
            b.entry.headline
            or b.entry.paragraphs
            or b.mark is not None
            or (doc.kind[lo] == NUM and b.entry.captions)  # "  3. Video content" and its video
        ):
            built.append(b)
        elif lo == bounds[0] and (left := b.entry.captions or b.entry.embeds or b.entry.authors):
            # A photo, a widget or a signature alone over the first post: the end of a post the
            # window cut (nothing is dropped without a word).
            page.notes.append(f"above the first post, the end of a cut post: {left[-1]!r}")
    house = house_zone(doc, first)
    if house is not None:
        for b in built:
            if b.mark is not None and b.mark.house is None:
                b.mark = replace(b.mark, house=house)
    _finish(page, built, date, tz)
    return ParsedPage(page, [b.entry for b in built])


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
    # A pinned post stands on top whatever its time (Sky): it casts no vote on the order.
    voters = [(e, b.mark) for e, b in zip(entries, built, strict=True) if "Pinned" not in e.labels]
    order = times.detect_order(
        [e for e, _ in voters], [m for _, m in voters]
    ) or _order_from_welcome(entries)
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
    # The page's last update dates its newest post better than the day it was first published
    # (France 24: "Issued on: 05/01/2024 - 06:42" / "Modified: 06/01/2024 - 00:25").
    # (Both in one line: "Issued on: 05/01/2024 - 08:12 Modified: 06/01/2024 - 00:25".)
    last = page.updated[max(page.updated.lower().rfind("modified"), 0) :] if page.updated else None
    updated = times.date_in(last) if last else None
    page_date = updated or (Date.fromisoformat(page.date) if page.date else None)
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

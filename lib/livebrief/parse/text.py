"""The plain-text reader: live pages copied or dumped as text, in every rendering we know.

The reader works in four steps, each a function below:

1. :func:`_classify` gives every line a kind (time, numbered item, chrome, label, caption
   marker, embed, page fact or plain text), without looking at its neighbours.
2. :func:`_header_end` finds where the page header (title, roster, editors, chrome) stops.
3. :func:`_entry_starts` finds where posts begin: numbered items, printed times, glued
   "published at" headlines, and, where a page prints none of these, headline-shaped lines
   that stand between body paragraphs or over a byline.
4. :func:`_build_entry` splits each post into headline, labels, byline, body, captions, embeds.

Renderings are told apart by counting kinds (numbered items, time lines, blank lines); no flag
is needed. ``docs/formats.md`` shows each rendering.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date as Date
from functools import lru_cache
from itertools import pairwise

from livebrief import times
from livebrief.model import NEWEST_FIRST, OLDEST_FIRST, Entry, Page, ParsedPage, RosterMember
from livebrief.parse import bylines, register
from livebrief.parse import lines as L

log = logging.getLogger(__name__)

# Line kinds.
BLANK, TEXT, TIME, PUB, NUM, CHROME, DROP, EMBED, CAPMARK, LABEL = range(10)
ROSTER, EDITORS, TZNOTE, UPDATED, BULLET, PAGEBY, DATELINE = range(10, 17)
# A label line is not header furniture: "Breaking" above a first post opens that post.
_HEADER_KINDS = frozenset({CHROME, DROP, ROSTER, EDITORS, TZNOTE, UPDATED, BULLET, CAPMARK})

_NUMBERED = re.compile(r"^ {0,3}(\d{1,3})\.(?:\s+(.*))?$")
_BULLET = re.compile(r"^(?:[•·▪◦*]|-(?=\s))\s*")
_WEAK_MIN_WORDS = 3
_HEADER_TEXT_LIMIT = 4


@dataclass
class _Doc:
    """A page split into lines with the kind of each; marks hold parsed times by line."""

    raw: list[str]
    s: list[str]
    kind: list[int]
    marks: dict[int, times.TimeMark] = field(default_factory=dict)
    heads: dict[int, str] = field(default_factory=dict)
    numbered: bool = False
    blanks: bool = False
    captions: set[int] = field(default_factory=set)

    def next_nonblank(self, i: int, hi: int) -> int:
        """Return the index of the first non-blank line after ``i`` (``hi`` if none)."""
        i += 1
        while i < hi and self.kind[i] == BLANK:
            i += 1
        return i

    def prev_nonblank(self, i: int, lo: int) -> int:
        """Return the index of the last non-blank line before ``i`` (``lo - 1`` if none)."""
        i -= 1
        while i >= lo and self.kind[i] == BLANK:
            i -= 1
        return i


# What a time line can start with: a digit, a dash or bullet, a weekday, "Posted", "date".
_TIME_FIRST = frozenset("0123456789-–•")
_TIME_WORDS = frozenset(
    [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
        "Pos",
        "pos",
        "dat",
        "Dat",
        "Jus",
        "jus",
        "Mom",
        "mom",
    ]
)
_MONTHS = frozenset(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
)


@lru_cache(maxsize=65536)
def _line_kind(s: str) -> tuple[int, times.TimeMark | None, str | None]:
    """Classify one stripped line: its kind, the time it prints, a glued headline.

    A pure function of the text, cached: live pages repeat their furniture, names and roles.
    """
    doc = _Doc([], [], [])
    kind = _classify_line(doc, 0, s)
    return kind, doc.marks.get(0), doc.heads.get(0)


def _classify_line(doc: _Doc, i: int, s: str) -> int:
    if s[0] in _TIME_FIRST or s[:3] in _TIME_WORDS or s.endswith("ago"):
        mark = times.match_time_line(s)
        if mark is not None and (mark.clock or mark.age):
            doc.marks[i] = mark
            return TIME
    if s[0].isdigit() or s[:3] in _TIME_WORDS or s[:3] in _MONTHS:
        day = times.date_line(s)
        if day is not None:
            doc.marks[i] = times.TimeMark(None, s, day)
            return DATELINE
    if "ublished" in s:
        pub = times.split_published(s)
        if pub is not None:
            doc.heads[i], doc.marks[i] = pub
            return PUB
    low = s.lower()
    if low.endswith("view post"):
        return BULLET  # Sky's "Key points": post titles linking to the posts
    if L.is_anywhere_chrome(s):
        return DROP
    if L.is_embed(s):
        return EMBED
    if L.is_caption_mark(s):
        return CAPMARK
    if L.label_of(s):
        return LABEL
    if _BULLET.match(s):
        return BULLET
    if "pdates from" in s or "pdates by" in s:
        return ROSTER
    if s.startswith("Edited by "):
        return EDITORS
    if low.startswith(("all times", "times ")) and times.page_zone_note(s):
        return TZNOTE
    if "pdated" in s and times.is_updated_line(s):
        return UPDATED
    if L.is_header_chrome(s):
        return CHROME
    return TEXT


_SENTENCE_END = frozenset('.!?"”’)')
_SPECIAL_FIRST = frozenset("0123456789-–•·▪◦*")


def _classify(text: str) -> _Doc:
    raw = text.split("\n")
    stripped = [r.strip() for r in raw]
    doc = _Doc(raw, stripped, [TEXT if s else BLANK for s in stripped])
    nums: list[tuple[int, int]] = []
    kind = doc.kind
    # Fast path: a long line that ends a sentence is body text unless it holds one of the few
    # markers that can hide in a long line. Most of a page's bytes never reach the loop below.
    candidates = [
        i
        for i, s in enumerate(stripped)
        if s
        and (
            len(s) <= 100
            or s[-1] not in _SENTENCE_END
            or s[0] in _SPECIAL_FIRST
            or "ublished" in s
            or "pdates " in s
            or "content provided" in s
        )
    ]
    for i in candidates:
        s = stripped[i]
        if s[0].isdigit() and raw[i][:1] in " 0123456789":
            m = _NUMBERED.match(raw[i])
            if m:
                nums.append((i, int(m.group(1))))
        k, mark, head = _line_kind(s)
        kind[i] = k
        if mark is not None:
            doc.marks[i] = mark
        if head is not None:
            doc.heads[i] = head
    doc.blanks = stripped.count("") > 0.15 * len(stripped)
    # Numbered items only when they count up (1., 2., 3.): a lone "1." is body text.
    steps = sum(1 for a, b in pairwise(nums) if b[1] == a[1] + 1)
    if len(nums) >= 2 and steps >= 0.8 * (len(nums) - 1):
        doc.numbered = True
        for i, _ in nums:
            doc.kind[i] = NUM
    return doc


def _strong_at(doc: _Doc, i: int, hi: int, one_line: bool = True) -> bool:
    """Tell whether a byline starts at line ``i`` (with ``one_line=False``: a name/role pair)."""
    window = doc.s[i : min(hi, i + 6)]
    found = bylines.find_byline(window, skip_blank=doc.blanks or doc.numbered)
    return found is not None and (one_line or found.lines > 1)


def _header_end(doc: _Doc, stop: int) -> int:
    """Return the last line of the page header: facts and chrome before the first post."""
    end, text_run = -1, 0
    for i in range(stop):
        k = doc.kind[i]
        if k == BLANK:
            continue
        if k in _HEADER_KINDS:
            end, text_run = i, 0
            continue
        # A page byline ("By A, CNN") sits in the header; a name/role pair opens a post.
        if k == TEXT and _strong_at(doc, i, stop, one_line=False):
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
        text_run += 1
        if text_run > _HEADER_TEXT_LIMIT:
            break
    return end


def _closes_paragraph(doc: _Doc, j: int) -> bool:
    """Tell whether line ``j`` can be the last line before a new post's headline."""
    k = doc.kind[j]
    if k in (EMBED, CHROME, DROP, ROSTER, EDITORS, TZNOTE, UPDATED, CAPMARK):
        return True
    if k not in (TEXT, BULLET):
        return False
    if j > 0 and doc.kind[doc.prev_nonblank(j, 0)] == CAPMARK:
        return True  # a caption closes the post it illustrates
    s = doc.s[j]
    if s.endswith(":"):
        return False  # a lead-in ("here's what's been happening:") opens a list
    if L.closes_sentence(s):
        return True
    # An unpunctuated line is a list item unless it is long (a paragraph that lost its stop).
    return len(s.split()) > 25


def _weak_headline(doc: _Doc, i: int, lo: int, hi: int) -> bool:
    s = doc.s[i]
    if len(s.split()) < _WEAK_MIN_WORDS or i in doc.captions:
        return False
    prv, nxt = doc.prev_nonblank(i, lo), doc.next_nonblank(i, hi)
    if nxt >= hi:
        return False
    # What follows a headline is body text, or a picture or embed that stands for it.
    if doc.kind[nxt] == TEXT:
        if L.headline_like(doc.s[nxt]) or nxt in doc.captions:
            return False
    elif doc.kind[nxt] not in (CAPMARK, EMBED):
        return False
    return prv < lo or _closes_paragraph(doc, prv)


def _label_below(doc: _Doc, j: int, hi: int) -> bool:
    """Tell whether line ``j`` is a label that belongs to the headline above it.

    "Breaking" between two headline-shaped lines labels the one below; above body text, the
    one above.
    """
    if doc.kind[j] != LABEL:
        return False
    after = doc.next_nonblank(j, hi)
    return after >= hi or not (doc.kind[after] == TEXT and L.headline_like(doc.s[after]))


def _flat_starts(doc: _Doc, lo: int, hi: int, weak: bool) -> list[int]:
    """Find posts in a stretch without printed markers, from headline-shaped lines."""
    starts: list[int] = []
    for i in range(lo, hi):
        if doc.kind[i] != TEXT or not L.headline_like(doc.s[i]) or i in doc.captions:
            continue
        prv, nxt = doc.prev_nonblank(i, lo), doc.next_nonblank(i, hi)
        label_above = prv >= lo and doc.kind[prv] == LABEL
        strong = (
            label_above
            or L.is_stock_headline(doc.s[i])
            or (nxt < hi and (_label_below(doc, nxt, hi) or _strong_at(doc, nxt, hi)))
        )
        if strong or (weak and _weak_headline(doc, i, lo, hi)):
            # A label line right above the headline belongs to this post.
            start = prv if label_above else i
            if not starts or start > starts[-1]:
                starts.append(start)
    return starts


def _marker_starts(doc: _Doc, lo: int, hi: int) -> list[int]:
    """Find posts on pages that print a time (or a glued "published at") for each post."""
    starts: list[int] = []
    kind, lines, marks = doc.kind, doc.s, doc.marks
    prev_kind, prev_mark = BLANK, None
    for i in range(lo, hi):
        k = kind[i]
        if k == BLANK:
            continue
        if k == TIME:
            mark = marks[i]
            # "5h ago" then "16:45": one post with an age and a clock.
            if not (prev_mark and prev_mark.age and not prev_mark.clock and mark.clock):
                starts.append(i)
            prev_kind, prev_mark = k, mark
            continue
        if k == PUB and doc.heads.get(i):
            starts.append(i)
        elif k == TEXT and starts and len(lines[i]) <= 160:
            s = lines[i]
            # A stock headline, or a headline-shaped line over body text right after a post's
            # share tools, opens a new post.
            if L.is_stock_headline(s) or (
                prev_kind == EMBED and L.headline_like(s) and _weak_headline(doc, i, lo, hi)
            ):
                starts.append(i)
        prev_kind, prev_mark = k, None
    return starts


def _times_below_headlines(doc: _Doc, starts: list[int], hi: int) -> list[int]:
    """Move starts up to the headline when the page prints each time under its headline."""
    below = above = 0
    for i in starts:
        if doc.kind[i] != TIME:
            continue
        prv, nxt = doc.prev_nonblank(i, 0), doc.next_nonblank(i, hi)
        head_after = nxt < hi and doc.kind[nxt] == TEXT and L.headline_like(doc.s[nxt])
        head_before = prv >= 0 and doc.kind[prv] == TEXT and L.headline_like(doc.s[prv])
        above += head_after
        below += head_before and not head_after
    if below <= above:
        return starts
    moved = []
    for i in starts:
        prv = doc.prev_nonblank(i, 0)
        ok = doc.kind[i] == TIME and prv >= 0 and doc.kind[prv] == TEXT
        moved.append(prv if ok and L.headline_like(doc.s[prv]) else i)
    return moved


def _mark_duplicates(doc: _Doc, lo: int, hi: int) -> None:
    """Mark lines printed twice within ``[lo, hi)`` (image alt text, then caption) as captions.

    Called for the header and for each post's body, never across posts: two posts may share
    a headline ("MANAGER REACTION").
    """
    seen: dict[str, int] = {}
    for i in range(lo, hi):
        s = doc.s[i]
        if doc.kind[i] != TEXT or len(s) > 300:
            continue
        j = seen.get(s)
        if j is not None:
            doc.captions.update((i, j))
        seen[s] = i


def _entry_starts(doc: _Doc) -> tuple[int, list[int]]:
    """Return the header's last line and the first line of every post."""
    n = len(doc.s)
    markers = [i for i, k in enumerate(doc.kind) if k == TIME or (k == PUB and doc.heads.get(i))]
    if doc.numbered:
        starts = [i for i, k in enumerate(doc.kind) if k == NUM]
        return _header_end(doc, starts[0]), starts
    if markers:
        hdr = _header_end(doc, markers[0])
        _mark_duplicates(doc, 0, markers[0])
        pre = _flat_starts(doc, hdr + 1, markers[0], weak=True)
        pre = [p for p in pre if doc.kind[p] != LABEL or p + 1 < markers[0]]
        marked = _times_below_headlines(doc, _marker_starts(doc, markers[0], n), n)
        if marked and marked[0] < markers[0]:
            hdr = min(hdr, marked[0] - 1)
            pre = [p for p in pre if p < marked[0]]
        return hdr, pre + marked
    hdr = _header_end(doc, n)
    return hdr, _flat_starts(doc, hdr + 1, n, weak=True)


@dataclass
class _Built:
    entry: Entry
    mark: times.TimeMark | None


def _merge(a: times.TimeMark | None, b: times.TimeMark) -> times.TimeMark:
    if a is None:
        return b
    if a.age and not a.clock:
        return replace(b, age=a.age, raw=f"{a.raw} {b.raw}")
    return a


def _item_head(doc: _Doc, i: int) -> tuple[str | None, times.TimeMark | None]:
    m = _NUMBERED.match(doc.raw[i])
    text = (m.group(2) or "").strip() if m else doc.s[i]
    mark = None
    hh = times.match_hhmm(text)
    if hh:
        mark, text = hh
    pub = times.split_published(text) if "ublished" in text else None
    if pub:
        text, mark = pub
    return text or None, mark


def _build_entry(doc: _Doc, lo: int, hi: int) -> _Built:
    e = Entry(position=0)
    mark: times.TimeMark | None = None
    headline: str | None = None
    i = lo
    if doc.kind[i] == NUM:
        headline, mark = _item_head(doc, i)
        i += 1
    elif doc.kind[i] == TEXT and doc.kind[doc.next_nonblank(i, hi) if i + 1 < hi else i] == TIME:
        headline = doc.s[i]  # the time is printed under the headline
        i += 1
    while i < hi and doc.kind[i] in (BLANK, TIME, LABEL):
        if doc.kind[i] == TIME:
            mark = _merge(mark, doc.marks[i])
        elif doc.kind[i] == LABEL:
            e.labels.append(L.LABELS[doc.s[i].lower().rstrip(":")])
        i += 1
    if headline is None and i < hi:
        if doc.kind[i] == PUB and doc.heads.get(i):
            headline, mark = doc.heads[i], doc.marks[i]
            i += 1
        elif (
            # Under a post's time, "Summary" or "Latest" is the post's title, not furniture.
            (doc.kind[i] == TEXT or doc.kind[i] == CHROME and lo < i)
            and i not in doc.captions
            and L.headline_like(doc.s[i])
            and not _strong_at(doc, i, hi)
        ):
            headline = doc.s[i]
            i += 1
    if headline:
        headline, glued = L.split_labels(headline)
        e.labels.extend(glued)
    e.headline = headline or None
    # Under the headline: label lines, a separate "published at" line, a time.
    while i < hi and doc.kind[i] in (BLANK, LABEL, PUB, TIME):
        k = doc.kind[i]
        if k == LABEL:
            e.labels.append(L.LABELS[doc.s[i].lower().rstrip(":")])
        elif k in (PUB, TIME) and mark is None and not doc.heads.get(i):
            mark = doc.marks[i]
        elif k != BLANK:
            break
        i += 1
    i = _read_byline(doc, e, i, hi)
    _mark_duplicates(doc, i, hi)
    _read_body(doc, e, i, hi)
    if mark is not None:
        e.clock, e.time_raw, e.age = mark.clock, mark.raw, mark.age
    e.labels = list(dict.fromkeys(e.labels))
    return _Built(e, mark)


def _read_byline(doc: _Doc, e: Entry, i: int, hi: int) -> int:
    window = doc.s[i : min(hi, i + 10)]
    found = bylines.find_byline(window, skip_blank=doc.blanks or doc.numbered)
    if found is None:
        j = doc.next_nonblank(i - 1, hi)
        if j < hi and bylines.is_person_name(doc.s[j]):
            e.notes.append(f"'{doc.s[j]}' under the headline has no role line: read as a caption")
        return i
    e.authors, e.author, e.role = found.authors, found.authors[0], found.role
    if len(found.authors) > 1:
        e.notes.append("several bylines: the first is the entry's author")
    return i + found.lines


def _read_body(doc: _Doc, e: Entry, i: int, hi: int) -> None:
    caption_next = False
    last_para_line = -2
    list_items: set[int] = set()
    max_caption_words = 8 if (doc.blanks or doc.numbered) else 3
    for j in range(i, hi):
        k, s = doc.kind[j], doc.s[j]
        if k == BLANK:
            continue
        if k == TEXT and len(s) > 60 and not caption_next and j not in doc.captions:
            e.paragraphs.append(s)  # the common case first: too long for a caption
            last_para_line = j
            continue
        if k in (EMBED, CHROME, DROP, UPDATED):
            if k in (EMBED, UPDATED):
                e.embeds.append(s)  # share tools, social embeds, "Updated at 5.10pm BST"
            continue
        if k == CAPMARK:
            e.captions.append(s)
            if s.lower().rstrip(",") in {"image caption", "media caption", "video caption"}:
                # The alt text stands right above the marker, the caption right below.
                if last_para_line == j - 1 and e.paragraphs and not L.closes_sentence(s):
                    e.captions.insert(len(e.captions) - 1, e.paragraphs.pop())
                caption_next = True
            continue
        if k == LABEL and not e.paragraphs:
            e.labels.append(L.LABELS[s.lower().rstrip(":")])
            continue
        if k == BULLET:
            s = _BULLET.sub("", s)
        if caption_next or j in doc.captions:
            e.captions.append(s)
            caption_next = False
            continue
        if len(s) > 60:  # too long for a caption or a credit
            e.paragraphs.append(s)
            last_para_line = j
            continue
        if L.is_credit(s) and len(s.split()) <= 6:
            if last_para_line == j - 1 and L.short_unpunctuated(e.paragraphs[-1], 10):
                e.captions.append(e.paragraphs.pop())
            e.captions.append(s)
            continue
        # A short line is a caption, unless it is an item of a list a lead-in opened
        # ("Here is a recap of the day so far:").
        in_list = bool(e.paragraphs) and (
            e.paragraphs[-1].endswith(":") or last_para_line in list_items
        )
        if k == TEXT and L.short_unpunctuated(s, max_caption_words):
            if in_list:
                list_items.add(j)
            else:
                e.captions.append(s)
                continue
        e.paragraphs.append(s)
        last_para_line = j


def _page_facts(doc: _Doc, hdr: int, first_start: int, page: Page) -> None:
    """Read title, editors, roster, zone, summary and standfirst from the header lines."""
    caption_next = False
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
            page.updated = s
            day = times.date_in(s)
            page.date = page.date or (day.isoformat() if day else None)
        elif k == BULLET:
            page.summary.extend(p.strip() for p in _strip_view_post(_BULLET.sub("", s)))
        elif k == CAPMARK:
            caption_next = True
        elif k == TEXT:
            if caption_next or i in doc.captions:
                caption_next = False
            elif names := bylines.page_authors(s):
                page.authors.extend(names)
            elif page.title is None and L.headline_like(s, max_words=25):
                page.title = s
            elif page.title is not None and page.standfirst is None and len(s.split()) > 4:
                page.standfirst = s


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
    doc = _classify(text)
    hdr, starts = _entry_starts(doc)
    page = Page(source=source)
    first = starts[0] if starts else len(doc.s)
    _page_facts(doc, hdr, first, page)
    page.rendering = _rendering(doc, starts)
    built: list[_Built] = []
    bounds = [*starts, len(doc.s)]
    day: Date | None = None
    for j in range(first):
        if doc.kind[j] == DATELINE:
            day = doc.marks[j].date
    for lo, hi in pairwise(bounds):
        b = _build_entry(doc, lo, hi)
        # A day separator ("Tuesday 18 June 2024") dates the posts after it that print none.
        if b.mark is not None and b.mark.date is None and day is not None:
            b.mark = replace(b.mark, date=day)
        for j in range(lo, hi):
            if doc.kind[j] == DATELINE:
                day = doc.marks[j].date
        if b.entry.headline or b.entry.paragraphs or b.mark is not None:
            built.append(b)
    _finish(page, built, date, tz)
    return ParsedPage(page, [b.entry for b in built])


def _rendering(doc: _Doc, starts: list[int]) -> str:
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


def _finish(page: Page, built: list[_Built], date: Date | None, tz: str | None) -> None:
    entries = [b.entry for b in built]
    for pos, e in enumerate(entries):
        e.position = pos
    order = times.detect_order(entries)
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
    page.timezone = page.timezone or tz
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

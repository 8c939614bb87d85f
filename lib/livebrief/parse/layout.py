"""The first step of the text reader: every line of a page gets a kind.

A line's kind (a time, a numbered item, furniture, a label, a caption marker, an embed, a page
fact or plain text) depends on its text alone, so it is computed once per distinct line and
cached. The later steps (:mod:`livebrief.parse.text`, :mod:`livebrief.parse.posts`) look at a
line's neighbours through :class:`Doc`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from livebrief import times
from livebrief.parse import bylines
from livebrief.parse import lines as L

# Line kinds.
BLANK, TEXT, TIME, PUB, NUM, CHROME, DROP, EMBED, CAPMARK, LABEL = range(10)
ROSTER, EDITORS, TZNOTE, UPDATED, BULLET, DATELINE = range(10, 16)
# A label line is not header furniture: "Breaking" above a first post opens that post.
HEADER_KINDS = frozenset({CHROME, DROP, ROSTER, EDITORS, TZNOTE, UPDATED, BULLET, CAPMARK})

NUMBERED = re.compile(r"^ {0,3}(\d{1,3})\.(?:\s+(.*))?$")
BULLET_RE = re.compile(r"^(?:[•·▪◦*]|-(?=\s))\s*")


@dataclass
class Doc:
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
    doc = Doc([], [], [])
    kind = _classify_line(doc, 0, s)
    return kind, doc.marks.get(0), doc.heads.get(0)


def _classify_line(doc: Doc, i: int, s: str) -> int:
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
    if BULLET_RE.match(s):
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


def classify(text: str) -> Doc:
    """Split a page's text into lines and give each its kind; detect numbered items."""
    raw = text.split("\n")
    stripped = [r.strip() for r in raw]
    doc = Doc(raw, stripped, [TEXT if s else BLANK for s in stripped])
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
            m = NUMBERED.match(raw[i])
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


def strong_at(doc: Doc, i: int, hi: int, one_line: bool = True) -> bool:
    """Tell whether a byline starts at line ``i`` (with ``one_line=False``: a name/role pair)."""
    window = doc.s[i : min(hi, i + 6)]
    found = bylines.find_byline(window, skip_blank=doc.blanks or doc.numbered)
    return found is not None and (one_line or found.lines > 1)


def mark_duplicates(doc: Doc, lo: int, hi: int) -> None:
    """Mark lines printed twice within ``[lo, hi)`` (image alt text, then caption) as captions.

    Called for the header and for each post's body, never across posts: two posts may share
    a headline ("MANAGER REACTION").
    """
    seg = [t for t in doc.s[lo:hi] if t]
    if len(set(seg)) == len(seg):
        return  # the usual case, told in C: no line repeats
    seen: dict[str, int] = {}
    for i in range(lo, hi):
        s = doc.s[i]
        if doc.kind[i] != TEXT or len(s) > 300:
            continue
        j = seen.get(s)
        if j is not None:
            doc.captions.update((i, j))
        seen[s] = i

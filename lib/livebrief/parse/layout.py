"""The first step of the text reader: every line of a page gets a kind.

A line's kind (a time, a numbered item, furniture, a label, a caption marker, an embed, a page
fact or plain text) depends on its text alone, so it is computed once per distinct line and
cached. The later steps (:mod:`livebrief.parse.text`, :mod:`livebrief.parse.posts`) look at a
line's neighbours through :class:`Doc`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress, pairwise, repeat
from operator import itemgetter

from livebrief import times
from livebrief.parse import bylines
from livebrief.parse import lines as L

# Line kinds.
BLANK, TEXT, TIME, PUB, NUM, CHROME, DROP, EMBED, CAPMARK, LABEL = range(10)
ROSTER, EDITORS, TZNOTE, UPDATED, BULLET, DATELINE = range(10, 16)
# A label line is not header furniture: "Breaking" above a first post opens that post.
HEADER_KINDS = frozenset({CHROME, DROP, ROSTER, EDITORS, TZNOTE, UPDATED, BULLET, CAPMARK})

# (lynx right-aligns the numbers: "    1." above "   10.")
NUMBERED = re.compile(r"^ {0,6}(\d{1,3})\.(?:\s+(.*))?$")
BULLET_RE = re.compile(r"^(?:[•·▪◦*]|-(?=\s))\s*")


@dataclass
class Doc:
    """A page split into lines with the kind of each; marks hold parsed times by line.

    ``kind`` is a bytearray (one byte per line) so that lines of a kind are found by a byte
    pattern in C; ``capmask`` has a 1 for each line in ``captions``; ``stock`` lists the
    plain lines that are stock headlines ("Welcome back"); ``code`` is set by
    :func:`livebrief.parse.posts.set_codes` once the kinds are final.
    """

    raw: list[str]
    s: list[str]
    kind: bytearray
    marks: dict[int, times.TimeMark] = field(default_factory=dict)
    heads: dict[int, str] = field(default_factory=dict)
    numbered: bool = False
    blanks: bool = False
    captions: set[int] = field(default_factory=set)
    capmask: bytearray = field(default_factory=bytearray)
    stock: list[int] = field(default_factory=list)
    code: bytes = b""
    # "Posted by A" lines (Al Jazeera signs a post under its body): line -> names, in order.
    signed: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # Lines that open with the post's time over its first paragraph ("8.58am: Good morning.
    # Last night ..."): line -> that paragraph. (Over a headline, the headline is in heads.)
    leads: dict[int, str] = field(default_factory=dict)
    # The first line of a post whose time the window cut off (it opens the text), or -1.
    cut_top: int = -1
    # The first line of a post's tail, where the window opens under its headline, or -1.
    tail_top: int = -1

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


_MONTHS = frozenset(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
)
# What a time line can start with: a digit, a dash or bullet, a weekday, "Posted", "date",
# "Today", or a month ("Jan. 5, 2024, 3:12 p.m. ET": New York Times, AP, CNN).
_TIME_FIRST = frozenset("0123456789-–•")
_TIME_WORDS = _MONTHS | frozenset(
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
        "Pub",  # USA Today: "Published 9:30 p.m. ET Mar. 6, 2024"
        "dat",
        "Dat",
        "Jus",
        "jus",
        "Mom",
        "mom",
        "Tod",
        "Yes",
    ]
)


# First letters of the stock headlines (Welcome back, Good morning, That's all, Recap, ...).
STOCK_FIRST = frozenset("WwGgTtCcRrFfHhKkMmYyLlSsAaPpEe")
# While classifying, a line's code is its kind plus flags: _DIGIT for a line that starts
# with a digit (a numbered item?); _STOCK alone for a stock headline ("Welcome back").
_STOCK, _DIGIT = 32, 64
_DIGIT_CODES = tuple(range(_DIGIT, _DIGIT + 32))
_CODE_TO_KIND = bytes(TEXT if c == _STOCK else c & 31 for c in range(256))
_SHORT = range(1, 101)


@lru_cache(maxsize=65536)
def _line_kind(s: str) -> tuple[int, times.TimeMark | None, str | None] | None:
    """Classify one stripped line: its code (see :data:`_STOCK`), time mark, glued headline.

    None for plain text. A pure function of the text, cached: live pages repeat their
    furniture, names and roles.
    """
    kind, mark, head = _classify_line(s)
    if s[0].isdigit():
        return kind | _DIGIT, mark, head
    if kind == TEXT:
        return (_STOCK, None, None) if s[0] in STOCK_FIRST and L.is_stock_headline(s) else None
    return kind, mark, head


def _classify_line(s: str) -> tuple[int, times.TimeMark | None, str | None]:
    if s[0] in _TIME_FIRST or s[:3] in _TIME_WORDS or s.endswith("ago"):
        mark = times.match_time_line(s)
        if mark is not None and (mark.clock or mark.age):
            return TIME, mark, None
    if s[0].isdigit() or s[:3] in _TIME_WORDS:  # months included
        day, month_day = times.day_line(s)
        if day is not None or month_day is not None:
            return DATELINE, times.TimeMark(None, s, day, month_day), None
    if "ublished" in s:
        pub = times.split_published(s)
        if pub is not None and pub[0]:
            return PUB, pub[1], pub[0]
        if pub is not None:
            # "published at 04:25 ..." on a line of its own: the time of the post above it.
            return TIME, pub[1], None
        if times.is_updated_line(s):
            return UPDATED, None, None  # "First published on Tue 12 Sep 2023 01.04 BST"
    if L.is_credited_caption(s):
        return CAPMARK, None, None  # a caption with its credit: never body, never a headline
    if s[0].isdigit() and (lead := times.split_leading_time(s)) is not None:
        return PUB, lead, None  # a candidate: kept or made text again by _leading_times
    if s[0].isdigit() and (split := times.split_clock_then_text(s)) is not None:
        names = bylines.header_names(split[1])
        if names:
            return TIME, replace(split[0], byline=tuple(names)), None  # "11:32Sarah Jones"
    if (s[-1].isdigit() or s[-1] in "MTmt") and (":" in s[-12:] or "." in s[-12:]):
        glued = _glued_byline_time(s)
        if glued is not None:
            return TIME, glued, None
    return _plain_kind(s), None, None


def _glued_byline_time(s: str) -> times.TimeMark | None:
    """Read a byline glued to the post's dated time: ``Anna Smith5 January 2024 23:10``."""
    split = times.split_glued_time(s)
    if split is None:
        return None
    names = bylines.header_names(split[0])
    return replace(split[1], byline=tuple(names)) if names else None


_LINK_WORDS = 6  # spaces in a line of capitals that is a link, not a headline


def _labelled(s: str) -> bool:
    """Tell whether a line is, or opens with, a label ("BREAKING: ...")."""
    return bool(L.label_of(s) or L.split_labels(s)[1])


def _plain_kind(s: str) -> int:
    low = s.lower()
    if L.plain_capitalised(s, low):
        if low.split(None, 1)[0] in L.SECTION_WORDS and L.is_menu_line(low):
            return CHROME  # a site's menu on one line ("UK world sport football opinion ...")
        if s.isupper() and s.count(" ") >= _LINK_WORDS and "!" not in s and not _labelled(s):
            # A related story's link in capitals inside the body (Fox News: "SCHUMER SAYS
            # SENATE WILL 'KEEP WORKING' ON BORDER DEAL ..."): no headline, no paragraph.
            return EMBED
        return TEXT  # most headlines and short body lines: no pattern below can match
    return _pattern_kind(s, low)


def _pattern_kind(s: str, low: str) -> int:
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
    if m := BULLET_RE.match(s):
        # A listed share tool or menu entry ("• Facebook" under "Share") is still that.
        rest = s[m.end() :]
        if rest and L.is_embed(rest):
            return EMBED
        return DROP if rest and L.is_anywhere_chrome(rest) else BULLET
    if "pdates from" in s or "pdates by" in s or "ith reporting " in s or "ith additional " in s:
        # ("Updates from Thursday 7 May and Friday 8 May" names days, not reporters.)
        return TEXT if _DAYS_FROM.search(s) else ROSTER
    if s.startswith("Edited by "):
        return EDITORS
    if low.startswith(("all times", "times ")) and times.page_zone_note(s):
        return TZNOTE
    if ("pdated" in s or low.startswith(("modified", "issued on"))) and times.is_updated_line(s):
        return UPDATED
    if L.is_header_chrome(s):
        return CHROME
    return TEXT


_DAYS_FROM = re.compile(r"pdates from (?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|\d)")
_CLOSED_LEADS = ("This blog", "This live", "This page", "PHOTO: ")  # (and ABC's long captions)
_SENTENCE_END = frozenset('.!?"”’)')
_SPECIAL_FIRST = frozenset("0123456789-–•·▪◦*")


def classify(text: str) -> Doc:
    """Split a page's text into lines and give each its kind; detect numbered items."""
    raw = text.split("\n")
    stripped = list(map(str.strip, raw))
    n = len(raw)
    # Each distinct line is classified once, in C (map over the per-line cache), when it is
    # short (1 to 100 characters) or holds a marker: a long line that ends a sentence is body
    # text unless it holds one of the few markers that can hide in a long line.
    uniq = list(set(stripped))
    lengths = list(map(len, uniq))
    looked = list(compress(uniq, map(_SHORT.__contains__, lengths)))
    looked += [
        s
        for s in compress(uniq, map((100).__lt__, lengths))
        if s[-1] not in _SENTENCE_END
        or s[0] in _SPECIAL_FIRST
        or "ublished" in s
        or "pdates " in s
        or "content provided" in s
        or s[-1] == ")"  # a caption's bracketed credit: "... (Mohammed Abed/AFP/Getty Images)"
        or s.startswith(_CLOSED_LEADS)  # "This blog has now closed. Below is a roundup ..."
    ]
    results = list(map(_line_kind, looked))
    found = dict(zip(compress(looked, results), filter(None, results), strict=True))
    codes = dict(zip(found, map(itemgetter(0), found.values()), strict=True))
    codes[""] = BLANK
    # Every line's code in one pass in C: plain text unless the line is one of those found.
    kind = bytearray(map(codes.get, stripped, repeat(TEXT)))
    doc = Doc(raw, stripped, kind, capmask=bytearray(n))
    firsts = positions(kind, _DIGIT_CODES)
    if _STOCK in kind:
        doc.stock = positions(kind, (_STOCK,))
    doc.kind = kind = kind.translate(_CODE_TO_KIND)
    for i in positions(kind, (TIME, PUB, DATELINE)):
        _, mark, head = found[stripped[i]]
        if mark is not None:
            doc.marks[i] = mark
        if head is not None:
            doc.heads[i] = head
    nums: list[tuple[int, int]] = []
    for i in firsts:
        if raw[i][:1] in " 0123456789" and (num := NUMBERED.match(raw[i])):
            nums.append((i, int(num.group(1))))
    doc.blanks = stripped.count("") > 0.15 * n
    _leading_times(doc)
    _mark_widgets(doc)
    _trailing_bylines(doc)
    nums = _post_numbers(doc, nums)
    # Numbered items only when they count up (1., 2., 3.): a lone "1." is body text.
    steps = sum(1 for a, b in pairwise(nums) if b[1] == a[1] + 1)
    if (
        (len(nums) >= 2 and steps >= 0.8 * (len(nums) - 1))
        or (len(nums) == 1 and _lone_item(doc, nums[0][0]))
    ) and not _list_among_times(doc, nums):
        doc.numbered = True
        for i, _ in nums:
            kind[i] = NUM
    return doc


_SIGNED_TOP = 30  # lines over the first time looked at for a cut post's signature
_CLOSED = (".", ")", '"', "”")  # a closed sentence, or a caption's credit: "(Name/Flash90)"


def _trailing_bylines(doc: Doc) -> None:
    """Make a post's last line ``By A`` under its closed body that post's signature.

    (The Times of Israel signs under the text: body / "By Jacob Magid" / the next post's
    time.) Politico's "By A" over its own post's time stands under a headline, not under a
    closed sentence; only the line right over each time, and the window's last line, are
    looked at.
    """
    kind, lines = doc.kind, doc.s
    n = len(lines)
    timed = positions(kind, (TIME,))
    if not timed:
        return
    # (Over the first time, "By A" under the standfirst is the page's byline, NBC's: only
    # under a post cut above, nothing but its text over it, is it a signature there.)
    ends = [(doc.prev_nonblank(t, 0), t) for t in timed[1:]]
    ends.append((doc.prev_nonblank(n, 0), n))
    top = doc.prev_nonblank(timed[0], 0)
    if 0 < top < _SIGNED_TOP and all(
        kind[x] == BLANK or (kind[x] in (TEXT, CAPMARK) and not L.headline_like(lines[x]))
        for x in range(top)
    ):
        ends.append((top, timed[0]))
    for j, t in ends:
        if j < 1 or kind[j] != TEXT or lines[j][:3] != "By ":
            continue
        q = doc.prev_nonblank(j, 0)
        if q < 0 or kind[q] not in (TEXT, CAPMARK) or not lines[q].endswith(_CLOSED):
            continue
        if t < n:
            # The next post's headline under the time (The Washington Post's paragraphs
            # under it belong to the headline over its "By A").
            h = doc.next_nonblank(t, n)
            if h >= n or kind[h] != TEXT or not L.headline_like(lines[h]):
                continue
        elif len(lines[q]) <= 80:
            continue  # on the window's last line: under a paragraph, not a headline
        byline = bylines.one_line_byline(lines[j])
        if byline is not None and byline.role is None:
            kind[j] = EMBED
            doc.signed[j] = tuple(byline.authors)


def _list_among_times(doc: Doc, nums: list[tuple[int, int]]) -> bool:
    """Tell whether numbered lines are a list inside posts that print their times elsewhere.

    (BBC Sport, flat: "Top 10 at the flag:" / "1. Lando Norris (McLaren)" ... on a page whose
    posts each print "published at ..." under their headlines.) A numbered page prints its
    times on the numbers' lines ("  1. 1949: ", "  1. Headlinepublished at ...") or none.
    """
    times = positions(doc.kind, (TIME, PUB))
    if len(times) < 2:
        return False
    numbered = {i for i, _ in nums}

    def items(t: int) -> bool:
        # A time on its own line right under the number's line (a blank line between) is
        # the item's too, and so is one under the item's "By A" (Politico Europe).
        if t in numbered:
            return True
        if doc.kind[t] == PUB and t in doc.heads:
            return False  # a headline of its own with its time glued: the next post's
        if t - 1 in numbered or (t - 2 in numbered and doc.kind[t - 1] == BLANK):
            return True
        p = doc.prev_nonblank(t, 0)
        return p > 0 and doc.s[p][:3] == "By " and doc.prev_nonblank(p, 0) in numbered

    return not any(map(items, times))


def _lone_item(doc: Doc, i: int) -> bool:
    """Tell whether the only numbered line of a page is a BBC post's (a window holding one).

    The BBC's numbered rendering indents the number ("  9. Headline") and its post's lines
    further ("    Body text"); a numbered line of body text stands at its paragraph's margin.
    """
    indent = L.indent(doc.raw[i])
    nxt = doc.next_nonblank(i, len(doc.s))
    if not 1 <= indent <= 6 or nxt >= len(doc.s):
        return False
    return L.indent(doc.raw[nxt]) >= indent + 2 and doc.kind[i] in (TEXT, PUB, TIME)


# Header lines that stand between a numbered summary and the numbered posts (BBC 2017-19).
_OVER_POSTS = (EDITORS, TZNOTE, ROSTER)


def _post_numbers(doc: Doc, nums: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the numbered lines that number the page's posts.

    The posts' numbers start in one column (html2text) or end in one (lynx right-aligns them:
    "    1." over "   10."); a list inside a post is numbered further in, and is body text.
    A numbered summary above the page's byline and time note ("Summary", "  1. Eurostar
    cancels 14 trains", ..., "Live Reporting", "All times stated are UK", "  1. Thanks for
    joining us") is not posts.
    """
    if len(nums) < 2:
        return nums
    raw = doc.raw
    indent = {i: L.indent(raw[i]) for i, _ in nums}
    # Numbers aligned on the left (html2text: "  1." over "  10.") or on the right (lynx).
    left = Counter(indent[i] for i, _ in nums)
    right = Counter(indent[i] + len(str(k)) for i, k in nums)
    outer = min((c for c, count in left.items() if count >= 2), default=None)
    edge = min((c for c, count in right.items() if count >= 2), default=None)
    kept = [(i, k) for i, k in nums if indent[i] == outer or indent[i] + len(str(k)) == edge]
    if len(kept) < 2:
        return nums
    # A first list that counts from 1 and stops, with the page's byline or time note and no
    # paragraph between it and a list counting from 1 again, is the summary over the posts.
    restart = next((n for n, (_, k) in enumerate(kept) if n and k == 1), None)
    if restart is not None:
        end, again = kept[restart - 1][0], kept[restart][0]
        between = range(end + 1, again)
        if positions(doc.kind, _OVER_POSTS, end + 1, again) and not any(
            doc.kind[j] == TEXT and (len(doc.s[j]) > 60 or L.closes_sentence(doc.s[j]))
            for j in between
        ):
            kept = kept[restart:]
    return kept


_WIDGET_START = re.compile(
    r"^(?:skip (twitter|x|instagram|facebook|youtube|tiktok|bluesky|threads) (?:post|content|video)"
    r"|keep reading$|(?:posted by|[—–-] ?by)\s+(?P<names>.+))",
    re.I,
)
_WIDGET_FIRST = frozenset("SsKkPpR—–-(")
_DURATION = re.compile(r"^\d{1,2}(?::\d{2}){1,2}$")
_LIST_MARK = re.compile(r"^list \d+ of \d+$")
_LIST_HEAD = re.compile(r"^list of \d+ items?$", re.I)
_COUNTDOWN = re.compile(r"^-?\d{1,2}:\d{2}(?:/\d{1,2}:\d{2})?$")
# Tags on one line: three or more short capitalised names between commas.
_TAG_LIST = re.compile(r"^[A-Z][^,.]{1,30}(?:, [A-Z][^,.]{1,30}){2,}$")
_VIDEO_SOURCE = re.compile(r"^\d{1,2}(?::\d{2}){1,2}\s*-\s*Source:", re.I)
_SOURCE_ALONE = re.compile(r"^(?:[-–]\s*)?Source: \S.{0,40}$")
_WIDGET_SPAN, _APPEAL_SPAN = 40, 10
_PAGINATION = frozenset({"previous page", "previous", "newer posts"})
# Lines a video's length ("0:32", "02:41") follows on BBC pages.
_VIDEO_LEADS = (
    "media caption",
    "video caption",
    "play video",
    "video content",
    "duration",
    "please use chrome browser",  # Sky's notice over its player
    "video duration",  # Al Jazeera: "Video Duration 01 minutes 12 seconds" over "01:12"
    "to view this video",  # DW's notice over its player
    "video: ",  # the Times of India: "Video: Commuters wade through ..." over "01:12"
)
# A video's caption marker printed alone, its caption on the line under it.
_CAPTION_MARKS = frozenset({"media caption", "video caption"})


# What opens a page's footer under the last post: lists of links, then the small print.
_FOOTER_HEADS = frozenset(
    [
        "related stories",
        "related topics",
        "related content",
        "more on this story",
        "more stories",
        "top stories",
        "most read",
        "most popular",
        "around the bbc",
        "elsewhere on the bbc",
        "related internet links",
        "you may also like",
        "more from",
        "read next",
        "explore more on these topics",
        "most viewed",
        "more on this topic",
        # Sites that copy pages (WordPress): "Share this:", "Related Posts", "Leave a Reply".
        "related posts",
        "leave a reply",
        "share this",
    ]
)
_FOOTER_REACH = 60  # non-blank lines from the end of the page
# "Copyright 2024 ...", "© 2024 BBC": not a photo's "© AFP" or "Copyright: BBC" credit.
_SMALL_PRINT = re.compile(
    r"^(?:copyright\b(?!:)|(?:©|\(c\))\s*(?:\d{4}|copyright)"
    r"|.{0,40}©\s*[A-Z].*\b\d{4}$"  # "guardian.co.uk © Guardian News and Media Limited 2011"
    r"|source:\s.*\bnews agencies$"  # Al Jazeera: "Source: Al Jazeera and news agencies"
    r"|source:\s[\w .]{2,30}$)",  # a copying site names the page's: "Source: BBC News"
    re.I,
)


def _mark_footer(doc: Doc) -> None:
    """Drop the page's footer: a list of links ("Related stories") and the small print.

    Only at the end of the page, and only when nothing after the footer's heading reads as a
    paragraph (a long line that ends a sentence): a post's "More on this story" box inside the
    page stays the post's.
    """
    kind, lines = doc.kind, doc.s
    tail: list[int] = []
    j = len(lines) - 1
    while j >= 0 and len(tail) < _FOOTER_REACH:
        if kind[j] != BLANK:
            tail.append(j)
        j -= 1
    start = None
    for j in tail:  # from the end of the page up
        s = lines[j]
        if len(s) > 100 or (len(s) > 60 and s[-1] in _SENTENCE_END):
            break
        if kind[j] in (PUB, NUM) or (kind[j] == TIME and (m := doc.marks.get(j)) and m.clock):
            break  # a post's time under it: the page goes on (links print ages, not clocks)
        if s.lower().rstrip(":") in _FOOTER_HEADS or _SMALL_PRINT.match(s):
            start = j
    if start is None:
        return
    for j in range(start, len(lines)):
        if kind[j] != BLANK:
            kind[j] = DROP


def _mark_widgets(doc: Doc) -> None:
    """Make the insides of embedded posts, and video lengths, embed lines.

    A tweet's text between "Skip twitter post by A" and "End of twitter post by A" is the
    tweet, not a headline or body; a bare "0:32" under "Media caption" is a video's length,
    not a post's time.
    """
    kind, lines = doc.kind, doc.s
    for i in positions(kind, (EMBED,)):
        if lines[i][:1] not in _WIDGET_FIRST:
            continue  # most embed lines are share tools: no regex for them
        m = _WIDGET_START.match(lines[i])
        if m is None:
            sign_off = L.sign_off_names(lines[i])
            names = bylines.header_names(sign_off, without_desks=True) if sign_off else None
            if not names and sign_off and ", " in sign_off:
                # "— Hadley Hitson, The Leaf-Chronicle": the reporter, then the outlet.
                names = bylines.header_names(sign_off.rpartition(", ")[0], without_desks=True)
            if names:
                doc.signed[i] = tuple(names)
            elif sign_off and bylines.is_org_name(sign_off):
                doc.signed[i] = (sign_off,)  # "-- RFE/RL's Belarus Service"
            continue
        if m.group("names"):
            names = bylines.header_names(m.group("names"))
            if names:
                doc.signed[i] = tuple(names)
            continue
        # Al Jazeera's "Keep reading" box of links closes with "end of list".
        end = "end of list" if m.group(1) is None else f"end of {m.group(1).lower()} "
        # (A box or a post the window's end cut before its closing line runs to that end.)
        _embed_until(doc, i, end, _WIDGET_SPAN, cut_ok=True)
    # The New York Times' player: "Video" / "-0:34" (its countdown) / the caption / "Credit...".
    for i in positions(kind, (LABEL,)):
        if lines[i].lower() != "video":
            continue
        c = doc.next_nonblank(i, len(lines))
        if c >= len(lines) or not _COUNTDOWN.match(lines[c]):
            continue
        _make_embed(doc, i)
        _make_embed(doc, c)
        t = doc.next_nonblank(c, len(lines))
        if t < len(lines) and kind[t] == TEXT and len(lines[t]) <= 300:
            make_caption(doc, t)
    # A "Keep reading" box the window's top cut: from the window's first line, its links and
    # "list 3 of 4" markers down to "end of list" are the box's.
    top = doc.next_nonblank(-1, len(lines))
    second = doc.next_nonblank(top, len(lines))
    if top < len(lines) and (
        _LIST_MARK.match(lines[top])
        or _LIST_HEAD.match(lines[top])  # "List of 4 items" under a cut "Keep reading"
        # ... or the first link, over "list 2 of 4"
        or (kind[top] == TEXT and second < len(lines) and _LIST_MARK.match(lines[second]))
    ):
        close = next(
            (
                j
                for j in range(top, min(len(lines), top + _WIDGET_SPAN))
                if lines[j] == "end of list"
            ),
            None,
        )
        for j in range(top, close or top):
            if kind[j] != BLANK:
                _make_embed(doc, j)
    # A tweet quoted as text: "Name (@handle)" over its text and date, or its text over
    # "— Name (@handle) September 12, 2023". The text and the date belong to the embed.
    for i in positions(kind, (EMBED,)):
        sig = lines[i]
        if sig[:1] in "Gg" and sig.lower() == "go deeper":
            # The Athletic's related story: "GO DEEPER" / the story's title.
            t = doc.next_nonblank(i, len(lines))
            if t < len(lines) and kind[t] == TEXT and L.headline_like(lines[t]):
                _make_embed(doc, t)
            continue
        if sig.startswith("@"):  # "Name" / "@handle" / text / "8:38 PM · Oct 5, 2020"
            # Under a name, or with its date, it is a tweet; a handle under a name and a role
            # is the author's card (Sky: "Sam Coates" / "Deputy political editor" / "@...").
            j = doc.prev_nonblank(i, 0)
            named = j >= 0 and kind[j] == TEXT and bylines.is_person_name(lines[j])
            if (
                _embed_tweet_below(
                    doc, i, lambda d: "·" in lines[d] and len(lines[d]) < 40, dated=not named
                )
                and named
            ):
                _make_embed(doc, j)
            continue
        if "(@" not in sig:
            continue
        if sig[:1] in "—–-":
            j = doc.prev_nonblank(i, 0)
            if j >= 0 and kind[j] == TEXT:
                _make_embed(doc, j)
            continue
        if L.GLUED_TWEET.search(sig):
            continue  # the text and its signature in one line: the whole tweet
        if sig[-4:].isdigit():
            continue  # "Name (@handle) March 6, 2024": the tweet's closing line, text above
        _embed_tweet_below(doc, i, lambda d: kind[d] == DATELINE)
    # "Video caption: The cubs explore" over the same words again: the repeat is the caption.
    for i in positions(kind, (CAPMARK,)):
        head, sep, said = lines[i].partition(":")
        if not sep or not said.strip() or " caption" not in head.lower():
            continue
        j = doc.next_nonblank(i, len(lines))
        if j < len(lines) and lines[j] == said.strip():
            make_caption(doc, j)
    # CNN's player: "Video Ad Feedback", the video's title, "01:12 - Source: CNN".
    for i in positions(kind, (EMBED,)):
        if lines[i].lower() != "video ad feedback":
            continue
        j = doc.next_nonblank(i, len(lines))
        k = doc.next_nonblank(j, len(lines))
        if k < len(lines) and _VIDEO_SOURCE.match(lines[k]):
            _make_embed(doc, j)
            _make_embed(doc, k)
        elif k < len(lines) and _DURATION.match(lines[k]):
            # ... or the length and its source on lines of their own ("00:51" / "- Source: CNN").
            src = doc.next_nonblank(k, len(lines))
            if src < len(lines) and _SOURCE_ALONE.match(lines[src]):
                for x in (j, k, src):
                    _make_embed(doc, x)
    # A list of links under "Read more from Sky News:" / "Read more:", up to share tools.
    for i in positions(kind, (EMBED,)):
        if not (lines[i].lower().startswith("read more") and lines[i].endswith(":")):
            continue  # ("Read more: A story's title" is one link, not a list's lead)
        j = doc.next_nonblank(i, len(lines))
        taken = 0
        while j < len(lines) and kind[j] == TEXT and taken < 6 and L.headline_like(lines[j]):
            _make_embed(doc, j)
            taken += 1
            j = doc.next_nonblank(j, len(lines))
    # The Kyiv Independent's appeal: "Note from the author:" ... "Support us".
    for i in positions(kind, (EMBED,)):
        if lines[i].lower() == "note from the author:":
            _embed_until(doc, i, "support us", _APPEAL_SPAN, whole=True, only_text=True)
    # The Telegraph's "Related Topics" over its tags ("Russia", "Vladimir Putin").
    for i in positions(kind, (EMBED,)):
        if lines[i].lower() != "related topics":
            continue
        j, taken = doc.next_nonblank(i, len(lines)), 0
        if j < len(lines) and kind[j] == TEXT and _TAG_LIST.match(lines[j]):
            _make_embed(doc, j)  # ... or on one line ("Reform UK, Nigel Farage, Keir Starmer")
            continue
        while j < len(lines) and kind[j] == TEXT and taken < 8 and lines[j].count(" ") < 3:
            if L.closes_sentence(lines[j]):
                break
            _make_embed(doc, j)
            taken += 1
            j = doc.next_nonblank(j, len(lines))
    # The Independent's link under a post: "Read More" over the story's title.
    for i in positions(kind, (EMBED,)):
        if lines[i].lower() == "read more":
            j = doc.next_nonblank(i, len(lines))
            if j < len(lines) and kind[j] == TEXT and L.headline_like(lines[j]):
                _make_embed(doc, j)
    # The Guardian's footer: "Topics" over tag names (to the end of the page, or over a
    # copying site's own footer: "Source: The Guardian", "Related posts").
    for i in positions(kind, (DROP,)):
        if lines[i].lower() != "topics":
            continue
        rest = [j for j in range(i + 1, len(lines)) if kind[j] != BLANK]
        tags = 0
        while (
            tags < min(len(rest), 30)
            and lines[rest[tags]].count(" ") < 4
            and not lines[rest[tags]].startswith(_COPY_FOOTER)
        ):
            tags += 1
        if tags == len(rest) or (tags and lines[rest[tags]].startswith(_COPY_FOOTER)):
            for j in rest[:tags]:
                kind[j] = DROP
    _mark_footer(doc)
    # The page numbers of a pagination bar ("Previous page", 1, 2, 3, "Next page").
    for i in positions(kind, (DROP,)):
        if lines[i].lower() not in _PAGINATION:
            continue
        j = doc.next_nonblank(i, len(lines))
        while j < len(lines) and kind[j] == TEXT and lines[j].isdigit() and len(lines[j]) <= 3:
            kind[j] = DROP
            j = doc.next_nonblank(j, len(lines))
    for i in positions(kind, (TIME,)):
        if not lines[i].replace(":", "", 1).isdigit() or lines[i][-1] == ":":
            continue  # a length is bare digits; a dated or zoned time is never one
        prv = doc.prev_nonblank(i, 0)
        if prv >= 0 and kind[prv] == TEXT and L.headline_like(lines[prv]):
            notice = doc.prev_nonblank(prv, 0)
            if notice >= 0 and lines[notice].lower().startswith("to view this video"):
                # DW's player: its notice, the video's title, its length.
                make_caption(doc, prv)
                _make_embed(doc, i)
                continue
            if (
                lines[prv].startswith("Watch:")
                and notice >= 0
                and kind[notice] == TEXT
                and L.closes_sentence(lines[notice])
            ):
                # The Telegraph: a paragraph, then "Watch: ..." over the video's length, also
                # where the page's times are bare clocks; its caption is read with the
                # lengths' below.
                _make_embed(doc, i)
                continue
        over = doc.prev_nonblank(prv, 0) if prv >= 0 and kind[prv] == TEXT else -1
        if over >= 0 and lines[over].lower().rstrip(", ") in _CAPTION_MARKS:
            # "Media caption," / the caption / "1:12": the length under the video's caption.
            _make_embed(doc, i)
            continue
        if prv >= 0 and lines[prv].lower().startswith(_VIDEO_LEADS):
            _make_embed(doc, i)
            if lines[prv].startswith("Video: "):
                make_caption(doc, prv)  # the video's caption over its length
            # Sky's player prints its title under the length ("Helen Marsh speaks to Sky News",
            # "Starmer: 'Who is in charge?'"), and so does Al Jazeera's ("Video Duration 02
            # minutes 31 seconds" / "02:31" / the title): a caption, never a post's headline.
            nxt = doc.next_nonblank(i, len(lines))
            if (
                lines[prv].lower().startswith(("please use chrome", "video duration"))
                and nxt < len(lines)
                and kind[nxt] == TEXT
                and L.headline_like(lines[nxt])
            ):
                make_caption(doc, nxt)
    _stray_lengths(doc)
    _widget_cut_above(doc)
    # BBC Sport's player: its notice, the video's title, "Video content" and the length.
    n = len(lines)
    for i in positions(kind, (DROP,)):
        if lines[i][:8].lower() == "sign up ":
            # A newsletter box: its name over its prompt ("Independent Bulletin").
            b = doc.prev_nonblank(i, 0)
            if b >= 0 and kind[b] == TEXT and lines[b].count(" ") < 3 and lines[b][-1].isalpha():
                kind[b] = DROP
            continue
        if lines[i] not in L.PLAYER_NOTICES:
            continue
        t = doc.next_nonblank(i, n)
        u = doc.next_nonblank(t, n) if t < n else n
        if (
            u < n
            and kind[t] == TEXT
            and L.headline_like(lines[t])
            and (kind[u] in (CAPMARK, EMBED) or lines[u].lower() == "video content")
        ):
            make_caption(doc, t)
    # Under 'Play video, "TITLE", Duration 0,48' the player prints the length again, once or
    # twice ("00:00:48", "0:48").
    n = len(lines)
    for i in positions(kind, (EMBED,)):
        if not lines[i].lower().startswith("play video"):
            continue
        j = doc.next_nonblank(i, n)
        while j < n and kind[j] in (TIME, TEXT) and _DURATION.match(lines[j]):
            _make_embed(doc, j)
            j = doc.next_nonblank(j, n)
    # A video's title over its length inside a post's body (the Telegraph: a paragraph, then
    # "Watch: Jenrick tells MPs ..." / "01:12"); under a post's time it is the headline (Sky).
    for i in positions(kind, (EMBED,)):
        if not _DURATION.match(lines[i]):
            continue
        t = doc.prev_nonblank(i, 0)
        if t < 0 or kind[t] != TEXT or not lines[t].lower().startswith("watch:"):
            continue
        p = doc.prev_nonblank(t, 0)
        if p >= 0 and kind[p] == TEXT and L.closes_sentence(lines[p]):
            make_caption(doc, t)


# A widget's closing line: Al Jazeera's "Keep reading" box, an embedded post.
_WIDGET_END = re.compile(
    r"^end of (?:list|(?:twitter|x|instagram|facebook|youtube|tiktok|bluesky|threads)"
    r" (?:post|content|video)\b.*)$",
    re.I,
)


def _widget_cut_above(doc: Doc) -> None:
    """Make the lines over a widget's closing line embeds where the window cut its opening.

    (A window opening on the last link of Al Jazeera's "Keep reading" box over "end of list",
    or on the end of a tweet's consent notice over "End of twitter post by A".) Only the
    window's first lines are looked at; a post's time among them means the widget is not cut.
    """
    kind, lines = doc.kind, doc.s
    for j in range(min(len(lines), _WIDGET_SPAN)):
        k = kind[j]
        if k in (TIME, PUB, NUM):
            return
        if k != EMBED:
            continue
        if _WIDGET_START.match(lines[j]) or _LIST_HEAD.match(lines[j]):
            return  # the widget opens in the window
        if _WIDGET_END.match(lines[j]):
            for x in range(j):
                if kind[x] != BLANK:
                    _make_embed(doc, x)
            return


# What a copying site prints under a copied page's own footer.
_COPY_FOOTER = ("Source:", "Related posts", "Related Posts", "©")


def _make_embed(doc: Doc, i: int) -> None:
    doc.kind[i] = EMBED
    doc.marks.pop(i, None)
    doc.heads.pop(i, None)


def make_caption(doc: Doc, i: int) -> None:
    """Make line ``i`` a caption (its text neither body nor headline)."""
    doc.captions.add(i)
    doc.capmask[i] = 1


def _embed_until(
    doc: Doc,
    i: int,
    end: str,
    span: int,
    whole: bool = False,
    only_text: bool = False,
    cut_ok: bool = False,
) -> None:
    """Make the lines between widget line ``i`` and its closing line embeds.

    The closing line starts with ``end`` (is ``end``, with ``whole``), lower-cased, within
    ``span`` lines; without one, nothing is taken (with ``cut_ok``, everything to the page's
    end when it comes within the span). Blank lines stay blank; with ``only_text``, so does
    every line that is not plain text.
    """
    lines = doc.s
    stop = min(len(lines), i + span)
    close = next(
        (
            j
            for j in range(i + 1, stop)
            if (low := lines[j].lower()) == end or (not whole and low.startswith(end))
        ),
        None,
    )
    if close is None and cut_ok and stop == len(lines):
        close = stop
    for j in range(i + 1, close or i + 1):
        if doc.kind[j] == TEXT if only_text else doc.kind[j] != BLANK:
            _make_embed(doc, j)


def _embed_tweet_below(
    doc: Doc, i: int, is_date: Callable[[int], bool], *, dated: bool = False
) -> bool:
    """Make the tweet's text under its signature line ``i`` an embed, and its date after it.

    With ``dated``, only when the date is there. Returns whether the text was made an embed.
    """
    n = len(doc.s)
    j = doc.next_nonblank(i, n)
    if j >= n or doc.kind[j] not in (TEXT, EMBED):
        return False
    d = doc.next_nonblank(j, n)
    has_date = d < n and is_date(d)
    if dated and not has_date:
        return False
    _make_embed(doc, j)
    if has_date:
        _make_embed(doc, d)
    return True


def marker_lines(doc: Doc) -> list[int]:
    """Return the lines that print a post's time or a glued "published at" headline."""
    kind, heads, leads = doc.kind, doc.heads, doc.leads
    return [
        i for i in positions(kind, (TIME, PUB)) if kind[i] == TIME or heads.get(i) or i in leads
    ]


# Posts' clocks next to each other lie within this many minutes; a video's length does not.
_NEAR, _LOOK_AHEAD = 180, 3


def _stray_lengths(doc: Doc) -> None:
    """Make a bare ``02:14`` that is far from the clocks around it a video's length.

    (RTÉ and ITV print a video's length under a post's body with nothing over it.) The
    posts' clocks before and after it are close to each other and both far from it; two
    lengths in a row of posts are each judged against the posts' clocks. Only bare clocks are
    looked at, with the few clocks around each.
    """
    kind, marks, lines = doc.kind, doc.marks, doc.s
    timed = positions(kind, (TIME,))
    # (The BBC's 2013-14 "1536:" is a post's time, never a length.)
    bare = [
        k
        for k, i in enumerate(timed)
        if lines[i].replace(":", "", 1).isdigit() and lines[i][-1] != ":"
    ]
    if not bare:
        return
    stray: set[int] = set()
    bare_set = set(bare)
    others = [k for k in range(len(timed)) if k not in bare_set]
    if len(bare) == 1 and lines[timed[bare[0]]][1] == ":" and kind.count(PUB) >= 2:
        # An unpadded "1:12" on a page that prints its times glued to headlines ("...published
        # at 03:06 ..."): a video's length, with its title over it.
        stray.add(bare[0])
    if others and all(_TWELVE_HOUR.search(lines[timed[k]]) for k in others):
        # Every post's time prints "a.m." or "PM" (NBC: "6:05 PM EST"): a bare "02:14"
        # there is a video's length, unless it repeats a post's clock in 24 hours (the
        # Guardian: "2.48pm BST" / "14:48"). With fewer than two posts' times for each bare
        # one, only a length over nothing but its title inside a body (a paragraph / "Trump
        # rally in Laconia" / "02:14").
        twelve = {marks[timed[k]].clock for k in others}
        enough = len(others) >= 2 * len(bare)
        stray.update(
            k
            for k in bare
            if marks[timed[k]].clock not in twelve
            and (enough or _title_over(doc, timed[k], at_top=False) >= 0)
        )

    def clock(k: int) -> int | None:
        return times.minutes(marks[timed[k]].clock)

    for k in bare:
        last = None  # the last post's clock kept before it
        p = k - 1
        while p >= 0 and (p in stray or (last := clock(p)) is None):
            p -= 1
        mb = clock(k)
        if (
            last is None
            and mb is not None
            and (lines[timed[k]][1] == ":" or _bodiless(doc, timed[k]))
        ):
            # At the window's top, an unpadded "1:48" far from the two clocks under it, which
            # are near each other: a video's length (a 24-hour page prints "01:48"; a padded
            # "02:41" is one over nothing but the video's title).
            below = [m for q in range(k + 1, min(len(timed), k + 5)) if (m := clock(q)) is not None]
            below = below[:2]
            if (
                len(below) == 2
                and _apart(below[0], below[1]) <= _NEAR
                and min(_apart(mb, m) for m in below) > _NEAR
            ):
                stray.add(k)
            continue
        if last is None or mb is None or _apart(mb, last) <= _NEAR:
            continue
        if k == len(timed) - 1 and doc.next_nonblank(timed[k], len(lines)) == len(lines):
            # On the window's last line, far from the two clocks over it, which are near each
            # other: a length whose title the cut took ("03:12"; a clip runs minutes).
            p2 = p - 1
            while p2 >= 0 and (p2 in stray or clock(p2) is None):
                p2 -= 1
            before = clock(p2) if p2 >= 0 else None
            if mb < _LENGTH_HOURS * 60 and before is not None and _apart(before, last) <= _NEAR:
                stray.add(k)
            continue
        # ... and the next clock near that one.
        ahead = (clock(q) for q in range(k + 1, min(len(timed), k + 1 + _LOOK_AHEAD)))
        nxt = next((m for m in ahead if m is not None and _apart(m, last) <= _NEAR), None)
        if nxt is not None and _apart(mb, nxt) > _NEAR:
            stray.add(k)
    # "0:37" is never a clock (a 24-hour page prints "00:37", a 12-hour one "12:37").
    stray.update(k for k in bare if lines[timed[k]].startswith("0:"))
    # Nor a length over the video's title and its credit ("03:12" / title / "© FRANCE 24").
    n = len(lines)
    for k in bare:
        t = doc.next_nonblank(timed[k], n)
        c = doc.next_nonblank(t, n)
        if (
            c < n
            and kind[t] == TEXT
            and L.headline_like(lines[t])
            and lines[c].startswith("©")
            and len(lines[c]) < 40
        ):
            stray.add(k)
    for k in sorted(stray):
        _make_embed(doc, timed[k])
        # The video's title under its length ("0:37" / "Audience laughs at Sunak's answer").
        t = doc.next_nonblank(timed[k], len(lines))
        if t < len(lines) and kind[t] == TEXT and L.headline_like(lines[t]):
            make_caption(doc, t)
        else:
            # ... or over it, inside the body (NBC: a paragraph / "Trump rally in Laconia" /
            # "02:14" / a paragraph), or at a window's top over the next post.
            a = _title_over(doc, timed[k], at_top=True)
            if a >= 0:
                make_caption(doc, a)


_TWELVE_HOUR = re.compile(r"\d\s?[aApP]\.?\s?[mM]\b")


def _title_over(doc: Doc, at: int, at_top: bool) -> int:
    """Return the line of a video's title alone over a length line, else -1.

    The title stands under a paragraph, or (``at_top``) on the window's first line: the cut
    post's video.
    """
    a = doc.prev_nonblank(at, 0)
    if a < 0 or doc.kind[a] != TEXT or not L.headline_like(doc.s[a]):
        return -1
    p = doc.prev_nonblank(a, 0)
    if p < 0:
        return a if at_top else -1
    return a if doc.kind[p] == TEXT and L.closes_sentence(doc.s[p]) else -1


def _bodiless(doc: Doc, at: int) -> bool:
    """Tell whether the lines under a time hold at most a title before the next time."""
    n = len(doc.s)
    j = doc.next_nonblank(at, n)
    seen = 0
    while j < n and doc.kind[j] != TIME:
        if doc.kind[j] == TEXT:
            seen += 1
            if seen > 1 or not L.headline_like(doc.s[j]):
                return False
        j = doc.next_nonblank(j, n)
    return j < n


# A bare clock under this hour can be a video's length ("03:12": a clip runs minutes).
_LENGTH_HOURS = 10


def _apart(a: int, b: int) -> int:
    """Minutes between two clocks, either way round midnight."""
    d = abs(a - b) % 1440
    return min(d, 1440 - d)


# An agenda item led by a whole hour ("11am: Gordon Brown gives an interview").
_HOUR_LED = re.compile(r"^(?P<h>\d{1,2})\s?(?P<ap>[ap])\.?m\.?:", re.I)


def _after_agenda_hour(prv: str, clock: str | None) -> bool:
    """Tell whether a time follows an agenda item led by a whole hour, later in the day.

    ("12pm: PMQs." over "12.30pm: The debate begins.": the agenda goes on; over "9.41am:
    Unemployment has fallen ...", the agenda is over and a post begins.)
    """
    m = _HOUR_LED.match(prv)
    here = times.minutes(clock) if m and clock else None
    if m is None or here is None:
        return False
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    return here >= hour * 60


def _leading_times(doc: Doc) -> None:
    """Keep the lines that open with a time as posts only where that is the page's form.

    ("8.58am: Good morning ...", "03:40 GMT - China to bar entry"): on a page that prints its
    posts' times on lines of their own, or as an item of a list under a lead-in ("Here is the
    agenda for the day:" / "9.30am: The ONS publishes ..."), such a line is body text. The text
    after a kept time is the post's headline when it has a headline's shape, else its first
    paragraph (``Doc.leads``).
    """
    kind, marks = doc.kind, doc.marks
    found = [i for i in positions(kind, (PUB,)) if marks[i].lead is not None]
    if not found:
        return
    own = positions(kind, (TIME,))
    opening = len(found)
    if all(times.match_hhmm(doc.s[i]) for i in found):
        # The BBC's 2013-14 "1605: text" with "1558:" alone over a byline: one form, so a
        # window with one of each holds two posts in it.
        alone = {i for i in own if times.match_hhmm(doc.s[i])}
        own = [i for i in own if i not in alone]
        opening += len(alone)
    keep = opening >= 2 and len(own) < len(found)
    listed: dict[int, int | None] = {}  # the list's items: line -> minutes of the day
    for i in found:
        lead = marks[i].lead or ""
        here = times.minutes(marks[i].clock)
        prv = doc.prev_nonblank(i, 0)
        # (A list of times runs forward: a time before the item above it opens a post.)
        in_list = prv >= 0 and (
            (prv in listed and (here is None or (listed[prv] or 0) <= here))
            or doc.s[prv].endswith(":")
            or "agenda" in doc.s[prv].lower()
            or _after_agenda_hour(doc.s[prv], marks[i].clock)
        )
        if not keep or in_list:
            listed[i] = here
            kind[i] = TEXT
            del marks[i]
        elif L.headline_like(lead) and not L.SECOND_SENTENCE.search(lead):
            doc.heads[i] = lead
        else:
            doc.leads[i] = lead  # (two sentences are the first paragraph, not a headline)


def numbered_lines(doc: Doc) -> list[int]:
    """Return the lines of numbered items."""
    return positions(doc.kind, (NUM,))


@lru_cache(maxsize=64)
def _any_of(kinds: tuple[int, ...]) -> re.Pattern[bytes]:
    """A byte pattern that matches any one of the given byte values."""
    return re.compile(b"[" + b"".join(re.escape(bytes([k])) for k in kinds) + b"]")


def positions(
    codes: bytes | bytearray, kinds: tuple[int, ...], lo: int = 0, hi: int | None = None
) -> list[int]:
    """Return the indices in ``[lo, hi)`` of the bytes in ``codes`` that are one of ``kinds``.

    Searched in C; for the few lines of a kind in a whole page.
    """
    end = len(codes) if hi is None else hi
    return [m.start() for m in _any_of(kinds).finditer(codes, lo, end)]


def lines_of(doc: Doc, kinds: tuple[int, ...], lo: int, hi: int) -> list[int]:
    """Return the lines in ``[lo, hi)`` of the given kinds (searched in C)."""
    return positions(doc.kind, kinds, lo, hi)


def published_under_headline(doc: Doc, i: int, hi: int) -> bool:
    """Tell whether line ``i`` is BBC's ``published at`` time line, printed under its headline.

    (Not when the time is printed again under it, "published at 22:58 ..." / "22:58 BST"
    over the headline: a copy that puts the time first.)
    """
    if doc.kind[i] != TIME or not doc.s[i].startswith("published at"):
        return False
    k = doc.next_nonblank(i, hi)
    return k >= hi or doc.kind[k] != TIME


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
    seg = doc.s[lo:hi]
    distinct = set(seg)
    if len(distinct) - ("" in distinct) == len(seg) - seg.count(""):
        return  # the usual case, told in C: no line repeats
    kind, captions = doc.kind, doc.captions
    # Each repeated text on its own: its plain-text copies (up to 300 characters) are captions.
    counts = Counter(seg)
    for s in compress(counts, map((1).__lt__, counts.values())):
        if not s or len(s) > 300 or (s.count(" ") < 3 and s[-1] in ".!" and len(s) < 30):
            continue  # (a short sentence said again is the text's: "Guilty." / "Guilty.")
        count = counts[s]
        at, found = -1, []
        for _ in range(count):
            at = seg.index(s, at + 1)
            if kind[lo + at] == TEXT:
                found.append(lo + at)
        if len(found) > 1:
            captions.update(found)
            for j in found:
                doc.capmask[j] = 1

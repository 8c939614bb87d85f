"""The page header of a text page: what stands above the first post.

Title, standfirst, page authors, editors, roster, the zone note, stamps ("Last updated ..."),
summary items, and the site's menus and badges, which are furniture. The text reader
(:mod:`livebrief.parse.text`) marks these lines first, then reads the facts from them.
"""

from __future__ import annotations

import re

from livebrief import times
from livebrief.model import Page
from livebrief.parse import bylines
from livebrief.parse import lines as L
from livebrief.parse.layout import (
    BLANK,
    BULLET,
    BULLET_RE,
    CAPMARK,
    CHROME,
    DROP,
    EDITORS,
    EMBED,
    HEADER_KINDS,
    LABEL,
    NUM,
    PUB,
    ROSTER,
    TEXT,
    TIME,
    TZNOTE,
    UPDATED,
    Doc,
    strong_at,
)
from livebrief.parse.shapes import full_sentence, over_paragraph, weak_headline

# Text lines that may stand in the header without a page fact between them (title,
# standfirst, a kicker, a page byline); and the most items a summary list holds.
_HEADER_TEXT_LIMIT = 4
_SUMMARY_MAX = 12


_ITEM_NUMBER = re.compile(r"^\d{1,3}\.\s+")


def _summary_head(doc: Doc, i: int) -> bool:
    """Tell whether line ``i`` heads a summary list: "Summary", "Key developments on Jan. 5:"."""
    low = doc.s[i].lower()
    if doc.kind[i] == CHROME:
        return low in L.SUMMARY_HEADS
    return doc.kind[i] == TEXT and (
        low in L.SUMMARY_HEADS
        or (low.endswith(":") and len(low) < 60 and low.startswith(tuple(L.SUMMARY_HEADS)))
        # NBC: "What to know about the New Hampshire primary", under the page's stamp (at a
        # window's top, ABC's post titled so is a post)
        or (
            len(low) < 80
            and low.startswith(_SUMMARY_ABOUT)
            and (p := doc.prev_nonblank(i, 0)) >= 0
            and doc.kind[p] in (TIME, UPDATED)
        )
    )


_SUMMARY_ABOUT = tuple(f"{h} about " for h in L.SUMMARY_HEADS)


def summary_items(doc: Doc, stop: int) -> None:
    """Mark the unbulleted items under a header's "Summary" line as summary bullets.

    Only when more header furniture closes the list within a few lines: under a "Summary"
    that a post follows directly, nothing is taken.
    """
    for i in range(stop):
        if doc.kind[i] in (TIME, PUB) and _post_clock(doc, i):
            return  # under a post's time, "Summary" titles that post (the Guardian)
        if not _summary_head(doc, i):
            continue
        items: list[int] = []
        j = doc.next_nonblank(i, stop)
        headline = False
        while j < stop and doc.kind[j] == TEXT and len(items) < _SUMMARY_MAX:
            if strong_at(doc, doc.next_nonblank(j, stop), stop):
                headline = bool(items)  # the first post's headline over its byline
                break
            # The first post's headline over its paragraphs, or a page byline, ends the list too.
            # (An item that repeats a post's headline further down is an item: the Kyiv
            # Independent's "Key developments" list the day's posts.)
            headline = bool(items) and (
                (
                    L.headline_like(doc.s[j])
                    and (weak_headline(doc, j, 0, stop) or over_paragraph(doc, j, stop))
                    and doc.s.count(doc.s[j]) == 1
                    and not _item_of_headlines(doc, items, j, stop)
                )
                or bool(bylines.page_authors(doc.s[j]))
                # a paragraph under unpunctuated items ("What we covered here" lists sentences)
                or (full_sentence(doc.s[j]) and not L.closes_sentence(doc.s[items[-1]]))
                # a headline with its "published at 17:32 ..." line (or any post's time) under
                # it (the New York Times: "The U.N. appeals for more funding" / "Oct. 14, 2023,
                # 1:47 p.m. ET"), or a stock one
                or L.is_stock_headline(doc.s[j])
                or _published_under(doc, j, stop)
                or (L.headline_like(doc.s[j]) and _time_under(doc, j, stop))
            )
            if headline:
                break
            items.append(j)
            j = doc.next_nonblank(j, stop)
        while j < stop and doc.kind[j] == EMBED and not headline:
            j = doc.next_nonblank(j, stop)  # the box's share tool ("Share") under its items
        if items and j < stop and (headline or doc.kind[j] in (*HEADER_KINDS, TIME, PUB, NUM)):
            for k in items:
                doc.kind[k] = BULLET


def _over_score(doc: Doc, i: int, stop: int) -> bool:
    """Tell whether line ``i`` is a team over its score (BBC Sport: "Inter Milan" / "1")."""
    k = doc.next_nonblank(i, stop)
    return k < stop and doc.s[k].isdigit() and len(doc.s[k]) <= 3


def _over_photo_marker(doc: Doc, i: int, stop: int) -> bool:
    """Tell whether line ``i`` is a photo's alt text: right over "Image source, ..." (BBC)."""
    k = doc.next_nonblank(i, stop)
    return k < stop and doc.kind[k] == CAPMARK and doc.s[k].lower().startswith("image source")


def _item_of_headlines(doc: Doc, items: list[int], j: int, stop: int) -> bool:
    """Tell whether line ``j`` is the last item of a list of the page's headlines.

    (The Kyiv Independent's "Key developments on April 10:" lists headlines of posts further
    down; in a window the last item's post may be cut off. Over a paragraph that shares no
    word with it, "Parliament passes mobilization bill" over "Russian forces struck
    Kharkiv ...", it is an item of that list, not that paragraph's headline.)
    """
    if not any(doc.s.count(doc.s[k]) > 1 for k in items):
        return False
    below = doc.next_nonblank(j, stop)
    return below < stop and not shares_words(doc.s[j], doc.s[below])


def shares_words(a: str, b: str) -> bool:
    """Tell whether two lines share a content word (five letters or more, cut to five)."""
    return bool(_stems(a) & _stems(b))


def _stems(s: str) -> set[str]:
    """Content words of a line, cut to five letters (a crude stem: "mobilization")."""
    return {w[:5] for w in re.findall(r"[a-z]{5,}", s.lower())}


def _published_under(doc: Doc, j: int, stop: int) -> bool:
    """Tell whether a "published at ..." line stands right under line ``j``."""
    k = doc.next_nonblank(j, stop)
    return k < stop and doc.kind[k] == TIME and doc.s[k].lower().startswith("published at")


def _time_under(doc: Doc, j: int, stop: int) -> bool:
    """Tell whether line ``j`` is a headline over its post's time, the post's text under both.

    (A time over a headline, "Posted at 16:20" / "Two skiers missing", is the next post's.)
    """
    k = doc.next_nonblank(j, stop)
    mark = doc.marks.get(k) if k < stop and doc.kind[k] == TIME else None
    if mark is None or mark.clock is None:
        return False
    text = doc.next_nonblank(k, stop)
    return text < stop and doc.kind[text] == TEXT and full_sentence(doc.s[text])


def _post_clock(doc: Doc, i: int) -> bool:
    """Tell whether a time line is a post's clock: a clock without a date (not a stamp)."""
    mark = doc.marks.get(i)
    return mark is not None and mark.clock is not None and mark.date is None


def badge(doc: Doc) -> None:
    """Make a "Live" badge on the page's first line furniture, not a label of the first post."""
    n = len(doc.s)
    first = doc.next_nonblank(-1, n)
    if first < n and doc.kind[first] == TEXT and L.LIVE_TITLE.search(doc.s[first]):
        first = doc.next_nonblank(first, n)  # ... or under a live page's title (the Guardian)
    if first < n and doc.kind[first] == LABEL and doc.s[first].lower() == "live":
        doc.kind[first] = CHROME


_NAV_WORDS, _NAV_KINDS = 4, (TEXT, LABEL, CHROME, EMBED, DROP)


_NAV_ABBREVIATION = 6


def top_nav(doc: Doc) -> None:
    """Make the site's menu over the title furniture: short lines, then a long headline.

    "News / Opinion / World / Europe / Portugal" over "Portugal wildfires live: ..." are
    menu items and kickers, never a post or the page's authors.
    """
    n = len(doc.s)
    run: list[int] = []
    j = doc.next_nonblank(-1, n)
    while j < n and doc.kind[j] in _NAV_KINDS:
        if doc.kind[j] in (TEXT, LABEL) and (
            doc.s[j].count(" ") >= _NAV_WORDS
            or (L.closes_sentence(doc.s[j]) and len(doc.s[j]) > _NAV_ABBREVIATION)
            or ": " in doc.s[j]  # a title ("Storm live: ferries cancelled"), not a menu entry
        ):
            break  # (a menu entry may end in a full stop: "U.S.")
        run.append(j)
        j = doc.next_nonblank(j, n)
    texts = [i for i in run if doc.kind[i] in (TEXT, LABEL)]
    if len(run) < 2 or not texts or j >= n:
        return
    if doc.numbered and all(L.indent(doc.raw[i]) for i in run):
        return  # indented like a numbered post's body: the tail of a post cut above the window
    if (
        doc.kind[run[0]] == TEXT
        and all(doc.kind[i] == LABEL for i in run[1:])
        and bylines.header_names(doc.s[run[0]])
    ):
        return  # a contributor and "Key event" over a post's headline (the Guardian)
    if not L.LIVE_TITLE.search(doc.s[j]) and any(
        strong_at(doc, i, n, one_line=False) for i in texts[-2:]
    ):
        # A name over its role line: a post's byline, under the post's headline (the role
        # line may close the run: "Emma Sanders" / "BBC Sport, in Basel").
        return
    if doc.kind[j] == UPDATED:
        # The BBC's 2012-15 pages print the stamp between the menu and the title
        # ("18 February 2014 Last updated at 16:05").
        j = doc.next_nonblank(j, n)
        if j >= n:
            return
    title = doc.s[j]
    if (
        doc.kind[j] == TEXT
        and title.count(" ") >= 3
        and L.headline_like(_unexclaimed(title), max_words=25)  # ("... – live!")
    ):
        for i in texts:
            doc.kind[i] = CHROME


_BOX_TOGGLES = frozenset({"show", "hide"})
# A key event's age glued to its headline in one line.
AGE_LED = re.compile(r"^\d{1,2}\s?(?:h|hr|hrs|m|min|mins|hours?|minutes?) ago\s+(?=\S)")
_BOX_ENDS = frozenset({"live feed", "show key events only"})
_FEED_TOGGLES = _BOX_TOGGLES | {"reverse"}


def key_events(doc: Doc, stop: int) -> None:
    """Read the Guardian's "Key events" box (an age, then a post's headline, for each key post).

    Its headlines are the page's summary and its ages furniture; they are links to posts
    further down, never posts themselves. The box closes with "Show key events only" or
    ends at the first post's time. A window may open inside the box, under its heading: its
    clocks and headlines (or the item whose age was cut) from the window's top are the box only
    where "Live feed" or "Show key events only" closes them.
    """
    for i in range(stop):
        if doc.kind[i] != CHROME or doc.s[i].lower() != "key events":
            continue
        j = doc.next_nonblank(i, stop)
        if j < stop and doc.s[j].lower() in _BOX_TOGGLES:
            doc.kind[j] = DROP  # "Show": the box's toggle (2014-16)
            j = doc.next_nonblank(j, stop)
        _read_box(doc, j, stop, cut=False)
        return
    top = j = doc.next_nonblank(-1, stop)
    if j < stop and doc.s[j].lower() in _BOX_TOGGLES:
        j = doc.next_nonblank(j, stop)  # "Show" under the cut heading
    k = doc.next_nonblank(j, stop)
    # From a clock, or from an item whose age the window cut.
    if (
        j < stop
        and (doc.kind[j] == TIME or (doc.kind[j] == TEXT and k < stop and doc.kind[k] == TIME))
        and _read_box(doc, j, stop, cut=True)
        and top < j
    ):
        doc.kind[top] = DROP


def _read_box(doc: Doc, j: int, stop: int, cut: bool) -> bool:
    """Mark the key events box's items from line ``j`` as the summary, its ages as furniture.

    Returns whether a box was found.
    """
    items: list[int] = []
    ages: list[int] = []
    if cut and doc.kind[j] == TEXT:
        items.append(j)  # an item whose age the window cut
        ages.append(-1)
        j = doc.next_nonblank(j, stop)
    zoned = glued = False
    while j < stop and len(items) < _SUMMARY_MAX:
        k, mark = doc.kind[j], doc.marks.get(j)
        # An age ("1h ago") or, on older pages, a clock ("7.24pm", "2.22pm BST").
        if k == TIME and glued:
            break  # under items with their ages glued on: the first post's time
        if k == TIME and mark is not None and (mark.age or mark.clock):
            ages.append(j)
            zoned = zoned or (mark.age is None and mark.zone is not None)
        elif k == TEXT and ages and len(ages) == len(items) + 1:
            items.append(j)
        elif k == TEXT and (glued or not ages) and AGE_LED.match(doc.s[j]):
            items.append(j)  # the age and the headline in one line ("2h ago Palermo ...")
            glued = True
        else:
            break
        j = doc.next_nonblank(j, stop)
    ended = j < stop and doc.s[j].lower() in _BOX_ENDS
    closed = ended or j >= stop or doc.kind[j] != TEXT
    # (Zoned clocks are the posts' own form: only a box that says where it ends has them; so
    # does a box whose heading the window cut.)
    if (zoned or cut) and not ended:
        closed = False
    if items and (glued or len(ages) == len(items)) and closed:
        for a in ages:
            if a >= 0:
                doc.kind[a] = DROP
                doc.marks.pop(a, None)
        for t in items:
            doc.kind[t] = BULLET
        if ended:
            # The feed's toggles under "Live feed" ("Show", "Reverse"): furniture.
            j = doc.next_nonblank(j, stop)
            while j < stop and doc.kind[j] == TEXT and doc.s[j].lower() in _FEED_TOGGLES:
                doc.kind[j] = DROP
                j = doc.next_nonblank(j, stop)
        return True
    return False


# Chrome that stands right over a page's posts ("Live Reporting" under the BBC's title).
POSTS_FOLLOW = frozenset({"live reporting", "live feed"})


def badge_line(doc: Doc, i: int) -> bool:
    """Tell whether line ``i`` is a live page's badge ("Live", "Live updates (closed)")."""
    s = doc.s[i]
    return (
        doc.kind[i] in (CHROME, DROP)
        and s.lower() not in POSTS_FOLLOW
        and L.LIVE_TITLE.search(s) is not None
    )


_VIDEO_MARKS = ("Media caption", "Video caption")


def header_end(doc: Doc, stop: int) -> int:
    """Return the last line of the page header: facts and chrome before the first post."""
    end, text_run, first_head, first_text = -1, 0, -1, -1
    facts = False  # a header fact seen (a live badge above all text is none)
    page_facts = False  # one that only a page's top prints (not a post's photo furniture)
    for i in range(stop):
        k = doc.kind[i]
        if k == BLANK:
            continue
        if k in HEADER_KINDS:
            end, text_run = i, 0
            facts = facts or first_text >= 0 or not badge_line(doc, i)
            page_facts = page_facts or k != CAPMARK
            continue
        if first_text < 0:
            first_text = i
        # A page byline ("By A, CNN") sits in the header; a name/role pair opens a post.
        if k == TEXT and strong_at(doc, i, stop, one_line=False):
            break
        weak = k == TEXT and L.headline_like(doc.s[i]) and weak_headline(doc, i, 0, stop)
        if weak and not page_facts:
            # With nothing above but photos, a headline over body text is the title; a second
            # one shows a window cut from the page's posts: no header at all. So does one
            # over a video ("Watch: ..." / "Media caption,"): a post's, never a page's title.
            if first_head >= 0 and not L.LIVE_TITLE.search(doc.s[first_head]):
                return -1
            nxt = doc.next_nonblank(i, stop)
            while nxt < stop and doc.kind[nxt] == DROP:
                nxt = doc.next_nonblank(nxt, stop)  # "Media playback is unsupported ..."
            if nxt < stop and doc.kind[nxt] == CAPMARK and doc.s[nxt].startswith(_VIDEO_MARKS):
                return -1
            first_head = i
        # Below the header's facts, a headline over body text opens the first post. (Above
        # them, the same shape is the page's title and standfirst.)
        if k == TEXT and facts and (weak or L.is_stock_headline(doc.s[i])):
            break
        # Below the header's facts, two full paragraphs are an untitled opening post.
        if k == TEXT and facts and full_sentence(doc.s[i]) and over_paragraph(doc, i, stop):
            break
        text_run += 1
        if text_run > _HEADER_TEXT_LIMIT:
            break
    return end


_FIRST_STAMPS = ("first published", "issued on", "published on")


def _byline_names(s: str) -> list[str] | None:
    """Return the names of a one-line byline in the header ("By A, US Editor; and B, ...")."""
    found = bylines.one_line_byline(s)
    return found.authors if found else None


_WHOLE_CAPTION = 60  # a caption with its credit, long enough to be a sentence


def page_facts(doc: Doc, hdr: int, first_start: int, page: Page) -> None:
    """Read title, editors, roster, zone, summary and standfirst from the header lines."""
    caption_next = credit_next = False
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
            item = _ITEM_NUMBER.sub("", BULLET_RE.sub("", s))  # "  1. Eurostar cancels ..."
            item = AGE_LED.sub("", item)  # "2h ago Palermo airport closed ..." (key events)
            page.summary.extend(p.strip() for p in _strip_view_post(item))
        elif k == CAPMARK:
            # A marker ("Image caption,") has its caption under it; a caption that carries
            # its credit ("... in Belarus. (file photo)") is whole: a live title under it is
            # the page's (RFE/RL: the photo over "Live Blog: ...").
            credit_next = L.is_credited_caption(s)
            # (Under a whole caption under the title stands the header's next line: France
            # 24's standfirst; a credit there is the photo's.)
            whole = credit_next and len(s) > _WHOLE_CAPTION and page.title is not None
            if whole:
                nxt = doc.next_nonblank(i, first_start)
                below = doc.s[nxt] if nxt < first_start else ""
                # (... unless it is the photo's credit, or the caption again: Reuters' "Item 1
                # of 4 Waves crash ..." / "[1/4]Waves crash ...")
                mid = s[len(s) // 3 : len(s) // 3 + 25]
                caption_next = bool(below) and (L.is_credit(below) or mid in below)
            else:
                caption_next = True
        elif k == EMBED and i in doc.signed:
            unread.append(s)  # a cut post's signature ("Posted by A"): named, not dropped
        elif k == TEXT:
            if (
                caption_next and not (credit_next and page.title is None and L.LIVE_TITLE.search(s))
            ) or i in doc.captions:
                caption_next = False
            elif _summary_head(doc, i):
                pass  # the summary's heading ("What you need to know"), its items read below
            elif s.lower().startswith("get involved"):
                pass  # BBC Sport's invitation ("Get involved: #bbctennis or WhatsApp ...")
            elif _over_photo_marker(doc, i, first_start):
                unread.append(s)  # a photo's alt text ("Crowds on the Mall" / "Image source, ...")
            elif _BREADCRUMB.match(s):
                # "Home » UK » Scotland": a breadcrumb alone; the line over it, read as the
                # title, was the copying site's name ("Scotland News Today").
                if page.title is not None and page.title == doc.s[doc.prev_nonblank(i, 0)]:
                    unread.append(page.title)
                    page.title = None
            elif names := bylines.page_authors(s) or _byline_names(s):
                page.authors.extend(names)
            elif (
                (names := bylines.header_names(s))
                and (page.title is not None or len(names) > 1)
                and not _over_score(doc, i, first_start)
            ):
                # Names alone under the title; over it only a list of people's names
                # ("Steve Canning and Mike Whitby" under "Live Reporting"), not a kicker.
                page.authors.extend(names)
            elif page.title is not None and bylines.is_org_name(s):
                page.authors.append(s)
            elif page.title is None and (
                (" " not in s and L.headline_like(s)) or _COUNTER.match(s)
            ):
                # One word over the title is a kicker, a menu's or a box's ("World", "Show"),
                # never a live page's title; nor is a counter ("1,024" under "Shares").
                continue
            elif (
                page.title is None
                and L.headline_like(_unexclaimed(s), max_words=25)
                and not _CAPTIONED.search(s)  # a caption: "... on April 22. (Photolure)"
            ):
                page.title = _last_crumb(s)
                if page.standfirst is not None and L.LIVE_TITLE.search(s):
                    # A standfirst never stands over a live title: that line was a note over
                    # the copied page (an e-mail's "copied the live page below ...").
                    unread.append(page.standfirst)
                    page.standfirst = None
            elif page.title is not None and _last_crumb(s) == page.title:
                continue  # the title again under its breadcrumb ("Home » Football » Title")
            elif _better_title(page.title, s) or _kicker(page, s) or title_under_badge(doc, i):
                # The line taken for the title was a menu entry, the site's name, a series
                # kicker ("Politics live with Andrew Sparrow") or a section kicker
                # ("Russia-Ukraine war"): the live page's title is this. A standfirst read
                # over it was the site's tagline.
                page.title = _last_crumb(s)
                if page.standfirst is not None:
                    unread.append(page.standfirst)
                    page.standfirst = None
            elif _stamp(s):
                # The Guardian 2009-11: "guardian.co.uk, Wednesday 13 July 2011 18.02 BST".
                page.updated = page.updated or s
                page.timezone = page.timezone or times.zone_in(s)
            elif (
                page.standfirst is None
                and len(s.split()) > 4
                and (
                    page.title is not None
                    # A window cut under the title: the standfirst over the page's stamp or
                    # its summary (DW: "... DW has the latest." / "What you need to know").
                    or (
                        not unread
                        and (
                            doc.kind.find(UPDATED, i, first_start) >= 0
                            or doc.kind.find(BULLET, i, first_start) >= 0
                            # ... or repeating the title's lead ("Mumbai rains LIVE updates: ...")
                            or L.live_lead(s)
                        )
                    )
                )
            ):
                page.standfirst = s
                page.timezone = page.timezone or times.zone_note_in(s)
            else:
                unread.append(s)
    if page.date is None:
        page.date = _header_date(doc, first_start)
    if unread:
        # Nothing is dropped silently: a post the reader could not open shows up here.
        more = f" and {len(unread) - 1} more" if len(unread) > 1 else ""
        page.notes.append(
            f"above the first post, not read as a page fact or post: {unread[0]!r}{more}"
        )


# A series kicker over the live page's title: "Politics live with Andrew Sparrow", or a desk's
# name and "live" alone ("Business live", "Football live").
_CAPTIONED = re.compile(r"\.\s\([^()]{2,40}\)$")
_COUNTER = re.compile(r"^[\d,.\s]+[km]?$", re.I)
_SERIES = re.compile(r"\blive with [A-Z]|^(?:[A-Z][\w&-]*\s){1,2}live$")
_CLOCK = re.compile(r"\b\d{1,2}[.:]\d\d\b")


def _stamp(s: str) -> bool:
    """Tell whether a header line is the page's dated, zoned time stamp."""
    return (
        len(s) < 90
        and _CLOCK.search(s) is not None
        and times.zone_in(s) is not None
        and times.date_in(s) is not None
    )


def _better_title(title: str | None, s: str) -> bool:
    """Tell whether line ``s`` is the live page's title rather than ``title`` above it."""
    if title is None or len(s) <= len(title) or not _TITLE_WORDS.search(s):
        return False
    if _TITLE_WORDS.search(title) and not _SERIES.search(title):
        return False
    return L.headline_like(_unexclaimed(s), max_words=25)


# A breadcrumb of short crumbs alone ("Home » UK » Scotland", "News / World / Europe").
_BREADCRUMB = re.compile(r"^[^»/>]{1,30}(?:\s[»/>]\s[^»/>]{1,30}){2,}$")


def _last_crumb(s: str) -> str:
    """Drop a breadcrumb over the title ("Home / India News / Lok Sabha results LIVE: ...")."""
    for sep in (" / ", " » ", " > "):
        if s.count(sep) >= 2:
            return s.rsplit(sep, 1)[1]
    return s


def _unexclaimed(s: str) -> str:
    """Drop the exclamation of the Guardian's sport titles ("Leeds v Derby – live!")."""
    return s[:-1] if s.lower().endswith("live!") else s


_DATE_REACH = 60  # header lines looked at for a date


def _header_date(doc: Doc, stop: int) -> str | None:
    """Return the first full date printed over the first post, when no stamp gave one.

    ("Wednesday May 22 2024, 7.48pm, The Times", "06:12, 23 Jun 2024Updated 14:05, ...",
    "Liveblog March 11, 2024", "Politics live blog - Wednesday 11 July 2012".)
    """
    for i in range(min(stop, _DATE_REACH)):
        s = doc.s[i]
        if doc.kind[i] != BLANK and any(c.isdigit() for c in s):
            day = times.date_in(s)
            if day is not None:
                return day.isoformat()
    return None


_TITLE_WORDS = re.compile(
    r"\b(?:live|latest|updates?|as it happened)\b|:"
    # The Guardian 2009-12: "Bahrain, Yemen and Syria unrest - Thursday 14 April 2011"
    r"|\s[-–]\s(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.I,
)


def title_under_badge(doc: Doc, i: int) -> bool:
    """Tell whether line ``i`` is the page's title under its badge or stamp, kickers above.

    (The New York Times: "Europe" / "Russia-Ukraine War" / "Live" / "Updated Sept. 12, 2023,
    6:41 p.m. ET" / the title / its standfirst; The Times: its masthead and menu / "Live" /
    the title.) Only short lines stand above it; a post's headline has a post's time or body
    above it.
    """
    s = doc.s[i]
    over = doc.prev_nonblank(i, 0)
    if (
        over < 0
        or s.count(" ") < 4
        or not (doc.kind[over] == UPDATED or doc.s[over].lower() == "live")
        or not L.headline_like(s, max_words=25)
    ):
        return False
    # (Kickers, menu entries and the masthead: "The Times & The Sunday Times", "My account".)
    above = [j for j in range(over) if doc.kind[j] == TEXT]
    return bool(above) and all(
        doc.s[j].count(" ") < _KICKER_SPACES and not L.closes_sentence(doc.s[j]) for j in above
    )


_KICKER_SPACES = 6


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


# Furniture that names the publisher, and the zone its clocks print.
_HOUSE_ZONES = {"why you can trust sky news": times.UK}


def house_zone(doc: Doc, first: int) -> str | None:
    """Return the zone a page's publisher prints its clocks in, if its furniture names one."""
    for j in range(min(first, 80)):
        if doc.kind[j] == CHROME and (zone := _HOUSE_ZONES.get(doc.s[j].lower())):
            return zone
    return None

"""The last step of the text reader: one post's lines into headline, byline, body, captions."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, repeat
from operator import not_, or_

from livebrief import times
from livebrief.model import Entry
from livebrief.parse import bylines
from livebrief.parse import lines as L
from livebrief.parse.layout import (
    BLANK,
    BULLET,
    BULLET_RE,
    CAPMARK,
    CHROME,
    DATELINE,
    DROP,
    EMBED,
    LABEL,
    NUM,
    NUMBERED,
    PUB,
    ROSTER,
    TEXT,
    TIME,
    UPDATED,
    Doc,
    make_caption,
    mark_duplicates,
    published_under_headline,
    strong_at,
)
from livebrief.parse.shapes import over_paragraph


@dataclass
class Built:
    """A post as read, with the time mark its dates are resolved from."""

    entry: Entry
    mark: times.TimeMark | None


def _merge(a: times.TimeMark | None, b: times.TimeMark) -> times.TimeMark:
    if a is None:
        return b
    if a.age and not a.clock:
        return replace(b, age=a.age, raw=f"{a.raw} {b.raw}")
    return a


def _item_head(doc: Doc, i: int) -> tuple[str | None, times.TimeMark | None, str | None]:
    """Read a numbered item's line: its headline, its time, and a paragraph printed on it."""
    m = NUMBERED.match(doc.raw[i])
    text = (m.group(2) or "").strip() if m else doc.s[i]
    mark = None
    hh = times.match_hhmm(text)
    if hh:
        mark, text = hh
        # BBC Sport prints the post's first sentence on the time line as often as a headline
        # ("1949: Wigan into the final then. Arsenal into third."): a sentence is body text.
        if text and not L.headline_like(text):
            return None, mark, text
    pub = times.split_published(text) if "ublished" in text else None
    if pub:
        text, mark = pub
    return text or None, mark, None


def _time_follows(doc: Doc, i: int, hi: int) -> bool:
    nxt = doc.next_nonblank(i, hi)
    return nxt < hi and doc.kind[nxt] == TIME


def _names_over_time(doc: Doc, i: int, hi: int) -> tuple[list[str], str | None, int] | None:
    """Return the byline under line ``i`` when the post's time follows it.

    The names, the role and the byline's last line: ``Tom Watling`` on The Independent,
    ``By Jennifer Haberkorn`` on Politico, or a name over its role line on the New York Times
    (``Yaqoob Akbary`` / ``Reporting from Kabul, Afghanistan`` / ``Oct. 14, 2023, 5:58 p.m. ET``).
    """
    nxt = doc.next_nonblank(i, hi)
    if nxt >= hi or doc.kind[nxt] != TEXT:
        return None
    if _time_follows(doc, nxt, hi):
        if placed := bylines.name_in_place(doc.s[nxt]):
            return list(placed[0]), placed[1], nxt  # "Mary McDougall in London" (the FT)
        found = bylines.name_line(doc.s[nxt])
        return (found[0], found[1], nxt) if found else None
    role = doc.next_nonblank(nxt, hi)
    if (
        role < hi
        and doc.kind[role] == TEXT
        and _time_follows(doc, role, hi)
        and (names := bylines.header_names(doc.s[nxt]))
        and bylines.is_role_line(doc.s[role])
    ):
        return names, doc.s[role], role
    return None


# Badges the BBC prints alone on a numbered item's line, over the headline ("  1. BBC Verify");
# under a name, "BBC Verify" is a role, so only here are they labels.
_ITEM_LABELS = {"bbc verify": "BBC Verify", "get involved": "Get involved"}


def _item_label(text: str) -> str | None:
    return L.label_of(text) or _ITEM_LABELS.get(text.lower().rstrip(":"))


# Headlines a page prints for posts that have none (the BBC's hidden "Post update").
_STAND_INS = frozenset({"post update"})


def build_entry(doc: Doc, lo: int, hi: int) -> Built:
    """Read the post on lines ``[lo, hi)``: time, headline, labels, byline, body."""
    e = Entry(position=0)
    mark: times.TimeMark | None = None
    headline: str | None = None
    lead: str | None = None
    i = lo
    # The post's first line under a badge ("Pinned post", "Key Event" over its time).
    top = lo
    while top < hi - 1 and doc.kind[top] in (LABEL, BLANK):
        top += 1
    if top > lo and (doc.kind[top] == TEXT or (doc.kind[top] == PUB and doc.heads.get(top))):
        # A label over the headline, the headline over its byline and time ("Analysis" /
        # headline / "By A" / time: The Washington Post): read from the headline.
        e.labels.extend(L.LABELS[doc.s[j].lower().rstrip(":")] for j in range(lo, top) if doc.s[j])
        i = top
    if doc.kind[i] == NUM:
        headline, mark, lead = _item_head(doc, i)
        i += 1
        if headline and mark is None and (label := _item_label(headline)):
            # "  1. Analysis" over the headline line: the item's label, not its headline.
            e.labels.append(label)
            headline = None
        elif headline and L.is_caption_mark(headline):
            e.captions.append(headline)  # "  2. Video content": an untitled post's video
            headline = None
    elif (
        doc.numbered
        and doc.kind[i] == TEXT
        and _cut_item_headline(doc.s[i])
        and _heads_under_numbers(doc)
    ):
        # A numbered item cut above its number, on a page that prints each headline under its
        # number ("  10. 1744: " / "Half-time"): a stock headline, one with its source glued
        # on ("BBC Radio 5 liveSwansea 2-1 Everton") or sport's capitals ("FULL-TIME
        # SCORES") is still its headline. (Where headlines stand on the number's line, such
        # a line is a sub-heading of the body.)
        headline = doc.s[i]
        i += 1
    elif (
        doc.numbered
        and lo == doc.tail_top
        and doc.kind[i] == TEXT
        and L.headline_like(doc.s[i])
        and not bylines.is_org_name(doc.s[i])  # ("BBC Weather": a badge or a cut role)
        and (k := doc.next_nonblank(i, hi)) < hi
        and strong_at(doc, k, hi, one_line=False)
    ):
        # A numbered window cut under an item's label line ("  4. Analysis"): the headline
        # under it, over the byline, still heads the item.
        headline = doc.s[i]
        i += 1
    elif lo == doc.tail_top and doc.kind[i] == TEXT and cut_role(doc.s[i]):
        e.role = doc.s[i]  # the role line of a byline whose name was above the window's cut
        i += 1
    elif (
        lo == doc.tail_top
        and not doc.numbered
        and doc.kind[i] == TEXT
        # (Where posts print their times on lines of their own; elsewhere, the BBC's, a name
        # alone is as often a photo's alt text: "Vladimir Putin", "Rachel Reeves".)
        and doc.kind.find(TIME, lo) >= 0
        and not L.is_credit(doc.s[i])
        # (an outlet's possessive: "Sky Sports' Jamie Carragher" is a pundit's card)
        and "'" not in doc.s[i]
        and "’" not in doc.s[i]
        and _PLACE_NAME_WORDS.isdisjoint(doc.s[i].split())
        and (names := bylines.header_names(doc.s[i]))
        and (k := doc.next_nonblank(i, hi)) < hi
        and doc.kind[k] == TEXT
        and len(doc.s[k]) > 60
    ):
        e.authors, e.author = list(names), names[0]  # a byline whose headline was cut above
        i += 1
    elif doc.numbered and i == lo and doc.kind[i] == PUB and doc.heads.get(i):
        # A numbered window cut under an item's number ("  4. Analysis"): its headline with
        # the time glued on still heads the item.
        headline, mark = doc.heads[i], doc.marks[i]
        i += 1
    elif doc.kind[i] == PUB and i in doc.leads:
        mark, lead = doc.marks[i], doc.leads[i]  # "8.58am: Good morning. Last night ..."
        i += 1
    elif (
        doc.kind[i] == TEXT
        or (
            doc.kind[i] == CHROME
            and (t := doc.next_nonblank(i, hi)) < hi
            and published_under_headline(doc, t, hi)
        )
    ) and _time_follows(doc, i, hi):
        # Names alone, or "By A" (Politico's byline over its time, the headline above the cut).
        names = bylines.header_names(doc.s[i]) or (
            found[0]
            if doc.s[i].startswith("By ") and (found := bylines.name_line(doc.s[i]))
            else None
        )
        if names:
            e.authors, e.author = list(names), names[0]  # an untitled post's author over its time
        else:
            headline = doc.s[i]  # the time is printed under the headline
        i += 1
    elif doc.kind[i] == TEXT and (over := _names_over_time(doc, i, hi)):
        headline = doc.s[i]  # the author's name, then the time, under the headline
        e.authors, e.author, e.role = list(over[0]), over[0][0], over[1]
        i = over[2] + 1
    # Above the headline: the time, labels, and share tools ("Link copied") or furniture.
    while i < hi and doc.kind[i] in (BLANK, TIME, LABEL, EMBED, DROP):
        if doc.kind[i] == TIME:
            mark = _merge(mark, doc.marks[i])
        elif doc.kind[i] == LABEL:
            e.labels.append(L.LABELS[doc.s[i].lower().rstrip(":")])
        elif doc.kind[i] == EMBED:
            e.embeds.append(doc.s[i])
        i += 1
    # (A post whose headline the window cut off has none: on a numbered page a post's
    # headline is on its number's line.)
    if (
        headline is None
        and lead is None
        and i < hi
        and lo != doc.tail_top
        and not (doc.numbered and doc.kind[lo] != NUM)
        # BBC's "published at" stands under its headline: at a window's top, above the cut.
        and not (doc.s[top][:1] == "p" and published_under_headline(doc, top, hi))
    ):
        if doc.kind[i] == PUB and doc.heads.get(i):
            headline, mark = doc.heads[i], doc.marks[i]
            i += 1
        elif (
            # Under a post's time, "Summary" or "Latest" is the post's title, not furniture.
            (doc.kind[i] == TEXT or (doc.kind[i] == CHROME and lo < i))
            and i not in doc.captions
            and (
                L.post_headline_like(doc.s[i])
                or L.is_stock_headline(doc.s[i])
                or _byline_below(doc, i, hi)
                or (doc.kind[top] == TIME and _trailing_off(doc, i, hi))
            )
            and not strong_at(doc, i, hi)
            and not (
                (doc.kind[top] == TIME or lo == doc.cut_top)
                and (_lone_byline(doc, i, hi) or bylines.name_in_place(doc.s[i]))
            )
        ):
            headline = doc.s[i]
            i += 1
    if headline:
        headline, glued = L.split_labels(headline)
        e.labels.extend(glued)
        if doc.kind[lo] == PUB and (m := NUMBERED.match(headline)):
            headline = m.group(2)  # a lone "1. Headline" item that no count made a list
    if headline and headline.lower() in _STAND_INS:
        e.notes.append(f"'{headline}' is the page's stand-in for an untitled post")
        headline = None
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
    # (A post whose time the window cut off is read as printed on a page of timed posts.)
    timed = (
        doc.kind[top] == TIME or (mark is not None and doc.kind[lo] == TEXT) or lo == doc.cut_top
    )
    if lead is not None:
        e.paragraphs.append(lead)
    else:
        j = _read_byline(doc, e, i, hi, timed)
        if e.headline is None and timed and j > i:
            j = _headline_under_name(doc, e, j, hi)
        if (
            mark is None
            and j > i
            and (t := doc.next_nonblank(j - 1, hi)) < hi
            and doc.kind[t] == TIME
        ):
            mark, j = doc.marks[t], t + 1  # the time under the byline (Politico Europe)
        i = j
    if e.author is None and mark is not None and mark.byline:
        e.authors, e.author = list(mark.byline), mark.byline[0]
    mark_duplicates(doc, i, hi)
    _read_body(doc, e, i, hi)
    if doc.signed and e.author is None:
        _signature(doc, e, lo, hi)
    if mark is not None:
        e.clock, e.time_raw, e.age = mark.clock, mark.raw, mark.age
    if len(e.labels) > 1:
        e.labels = list(dict.fromkeys(e.labels))
    return Built(e, mark)


def cut_role(s: str) -> bool:
    """Tell whether a line is a role line alone ("Former Chelsea striker on BBC Radio 5 Live")."""
    return (
        ":" not in s
        and bylines.is_role_line(s)
        and not bylines.header_names(s)
        and bylines.one_line_byline(s) is None  # "From CNN's A and B" is a whole byline
    )


def _byline_below(doc: Doc, i: int, hi: int) -> bool:
    """Tell whether a short line stands over a one-line byline: the headline, even a sentence.

    (CNN: "Don't look directly at the sun. Seriously." over "From CNN's Jen Christensen".)
    """
    if len(doc.s[i]) > _HEADLINE_MAX:
        return False
    j = doc.next_nonblank(i, hi)
    if j >= hi or doc.kind[j] != TEXT or j in doc.captions:
        return False
    if bylines.one_line_byline(doc.s[j]) is not None:
        return True
    # The New York Times: a one-sentence headline ("Zelensky says another prisoner swap is
    # being prepared.") over the names alone, then a role line or the body.
    if L.SECOND_SENTENCE.search(doc.s[i]) or not bylines.header_names(doc.s[j]):
        return False
    k = doc.next_nonblank(j, hi)
    return (
        k < hi
        and doc.kind[k] == TEXT
        and k not in doc.captions
        and (bylines.is_role_line(doc.s[k]) or (len(doc.s[k]) > 60 and L.closes_sentence(doc.s[k])))
    )


_HEADLINE_MAX = 120
# Words of a place's or a photo's name, never of a byline's ("Todmorden High School").
_PLACE_NAME_WORDS = frozenset(
    {
        "School",
        "College",
        "University",
        "Hospital",
        "Council",
        "Cathedral",
        "Church",
        "Station",
        "Airport",
        "Police",
        "Road",
        "Street",
        "Bridge",
        "Park",
        "Centre",
        "Center",
        "Stadium",
        "Square",
        "Hall",
        "House",
        "Court",
    }
)


def _trailing_off(doc: Doc, i: int, hi: int) -> bool:
    """Tell whether a short line trailing off under a post's time is its headline.

    (Sky: "18:12" / "Your say on the game so far..." / the readers' messages.) One short
    clause ending in an ellipsis over a paragraph.
    """
    s = doc.s[i]
    if not s.endswith(("...", "…")) or s.count(" ") >= _ELLIPSIS_WORDS or not s[0].isupper():
        return False
    if L.SECOND_SENTENCE.search(s):
        return False
    j = doc.next_nonblank(i, hi)
    return j < hi and doc.kind[j] == TEXT and (len(doc.s[j]) > 60 or L.closes_sentence(doc.s[j]))


_ELLIPSIS_WORDS = 12


def _headline_under_name(doc: Doc, e: Entry, i: int, hi: int) -> int:
    """Read the headline under a post's author, where the name stands over it.

    The Guardian prints the contributor's name under the block's time, then labels ("Key
    event"), then the headline: a headline-shaped line with the body under it. Returns the
    line after what was read.
    """
    j = doc.next_nonblank(i - 1, hi)
    labels: list[str] = []
    while j < hi and doc.kind[j] == LABEL:
        labels.append(L.LABELS[doc.s[j].lower().rstrip(":")])
        j = doc.next_nonblank(j, hi)
    if j >= hi or not _text_like(doc, j) or j in doc.captions or not L.post_headline_like(doc.s[j]):
        return i
    body = doc.next_nonblank(j, hi)
    cut = body >= hi == len(doc.s)  # the page was cut right after the headline
    if not cut and (body >= hi or doc.kind[body] != TEXT or L.headline_like(doc.s[body])):
        return i
    headline, glued = L.split_labels(doc.s[j])
    e.headline = headline
    e.labels.extend([*labels, *glued])
    return j + 1


def _text_like(doc: Doc, j: int) -> bool:
    """Tell whether line ``j`` is text, or a summary's heading that titles a post ("Summary")."""
    return doc.kind[j] == TEXT or (doc.kind[j] == CHROME and doc.s[j].lower() in L.SUMMARY_HEADS)


def _signature(doc: Doc, e: Entry, lo: int, hi: int) -> None:
    """Take the author from a "Posted by A" line inside the post (Al Jazeera signs below).

    Signatures are embed lines: only the post's embeds are looked at, found in C.
    """
    j = doc.kind.find(EMBED, lo, hi)
    while j >= 0 and j not in doc.signed:
        j = doc.kind.find(EMBED, j + 1, hi)
    if j >= 0:
        names = doc.signed[j]
        e.authors, e.author = list(names), names[0]
        if doc.s[j] in e.embeds:
            e.embeds.remove(doc.s[j])


def _alt_over_byline(doc: Doc, i: int, hi: int) -> int | None:
    """Return the line of a photo's alt text standing over a name-and-role byline, if any."""
    if not (doc.numbered or doc.blanks):
        return None  # the shape of the BBC's numbered and blank-separated pages
    j = doc.next_nonblank(i - 1, hi)
    if j >= hi or doc.kind[j] != TEXT or not L.short_unpunctuated(doc.s[j], 8):
        return None
    k = doc.next_nonblank(j, hi)
    if k >= hi or doc.kind[k] != TEXT or not bylines.is_person_name(doc.s[k]):
        return None
    if bylines.split_names(doc.s[j]):
        return None  # a name: the byline itself
    return j if strong_at(doc, k, hi, one_line=False) else None


def _heads_under_numbers(doc: Doc) -> bool:
    """Tell whether the page's numbered items print their headlines under the number's line.

    (BBC Sport: "  17. 2155: " over "Real Madrid 3-0 Galatasaray", or a sentence on the
    number's line, "  16. 2158: Yellow card for Ramos. ..."; never a headline there.) The
    first few items tell.
    """
    bare = headed = 0
    j = doc.kind.find(NUM)
    for _ in range(5):
        if j < 0:
            break
        headline, mark, lead = _item_head(doc, j)
        if headline is not None:
            if mark is None:
                return False  # "  3. Headline": a page of headlines on the numbers' lines
            headed += 1  # "  11. 2101: GOAL! Arsenal 2-0 West Ham": a time's headline
        else:
            bare += lead is None
        j = doc.kind.find(NUM, j + 1)
    # (BBC Sport prints both: a time alone over its sub-heading, a time with its headline.)
    return bare > 0 and bare >= headed


def _cut_item_headline(s: str) -> bool:
    """Tell whether a numbered window's first line is beyond doubt a headline (see build_entry)."""
    first = s.split(None, 1)[0].rstrip("!:-")
    return (
        L.is_stock_headline(s)
        or bool(L.split_labels(s)[1])
        or (len(first) >= 4 and first.isupper() and L.headline_like(s))
    )


def _co_author(doc: Doc, j: int, hi: int) -> int | None:
    """Return the role line under a correspondent's name on line ``j`` inside a post's body.

    A name, its role line (``Reporting from Clacton``), then a paragraph; None otherwise.
    """
    r = doc.next_nonblank(j, hi)
    # (A role line is short: under most short lines stands a paragraph, told first.)
    if r >= hi or doc.kind[r] != TEXT or len(doc.s[r]) > 80:
        return None
    if not bylines.is_person_name(doc.s[j]) or not bylines.is_role_line(doc.s[r]):
        return None
    if doc.next_nonblank(r, hi) >= len(doc.s):
        return r  # the window ends under the role line: its paragraphs were cut
    return r if over_paragraph(doc, r, hi) else None


def _lone_byline(doc: Doc, j: int, hi: int) -> tuple[str, ...] | None:
    """Return the names on line ``j`` when it is people's names alone over body text.

    ("Megan Lebowitz", "Rebecca Shabad and Kyle Stewart"); None otherwise.
    """
    if doc.kind[j] != TEXT or j in doc.captions:
        return None
    names = bylines.split_names(doc.s[j])
    if not names or not all(bylines.is_person_name(n) for n in names):
        return None
    k = doc.next_nonblank(j, hi)
    # ("Key event" between the name and the headline; NBC's share tools under the name.)
    while k < hi and doc.kind[k] in (LABEL, EMBED):
        k = doc.next_nonblank(k, hi)
    if k >= hi == len(doc.s):
        return names  # the page was cut right under the name
    if k >= hi or not (_text_like(doc, k) or doc.kind[k] == CAPMARK):
        return None
    if bylines.split_names(doc.s[k]):
        return None
    if doc.kind[k] == CAPMARK and doc.s[k].lower().startswith(_PHOTO_MARKERS):
        return None  # "Michelle O'Neill" over "Image source, PA Media": the photo's alt text
    return names


_PHOTO_MARKERS = ("image source", "image caption", "media caption", "image copyright")


def _read_byline(doc: Doc, e: Entry, i: int, hi: int, timed: bool) -> int:
    window = doc.s[i : min(hi, i + 10)]
    found = bylines.find_byline(window, skip_blank=doc.blanks or doc.numbered)
    if found is None and (alt := _alt_over_byline(doc, i, hi)) is not None:
        # A photo's alt text between the headline and the byline ("Queue outside St Pancras"
        # over "Simon Jones" / "BBC transport correspondent"): a caption, then the byline.
        e.captions.append(doc.s[alt])
        make_caption(doc, alt)
        return _read_byline(doc, e, alt + 1, hi, timed)
    if found is None:
        j = doc.next_nonblank(i - 1, hi)
        if j >= hi:
            return i
        # Where every post prints its time, a name alone under the headline (or under the
        # time) is the byline (NBC, the Guardian, the New York Times). On pages without
        # times it is as often a photo's alt text, so it stays a caption there.
        names = _lone_byline(doc, j, hi) if timed else None
        placed = None
        if timed and not names:
            # "Mary McDougall in London" (the FT), "ITV News Political Editor Robert Peston"
            placed = bylines.name_in_place(doc.s[j]) or bylines.role_then_name(doc.s[j])
        if placed:
            names, e.role = placed
        if names:
            e.authors, e.author = list(names), names[0]
            if len(names) > 1:
                e.notes.append("several bylines: the first is the entry's author")
            return j + 1
        if e.headline and hi == len(doc.s) and doc.next_nonblank(j, hi) >= hi:
            cut = bylines.header_names(doc.s[j])
            if cut:  # the page was cut under the author's name, before the role line
                e.authors, e.author = cut, cut[0]
                return j + 1
        if bylines.is_person_name(doc.s[j]):
            e.notes.append(f"'{doc.s[j]}' under the headline has no role line: read as a caption")
        return i
    e.authors, e.author, e.role = found.authors, found.authors[0], found.role
    if len(found.authors) > 1:
        e.notes.append("several bylines: the first is the entry's author")
    return i + found.lines


# A body line's code in Doc.code: its kind, plus LONG when longer than 60 characters; PLAIN
# for plain text that is a paragraph wherever it stands (long, or short without a caption's
# shape). Runs of plain, blank, furniture and embed lines (the bulk of a page) are read in C.
LONG = 16
PLAIN = TEXT | LONG
_TO_LONG = bytes([0, LONG]) + bytes(254)
_RUN = (BLANK, PLAIN, CHROME, DROP, EMBED, UPDATED, DATELINE)
_SINGLE = bytes(0 if c & ~LONG in _RUN or c == PLAIN else 1 for c in range(256))
_IS_PLAIN = bytes(c == PLAIN for c in range(256))
_IS_EMBED = bytes(c & ~LONG in (EMBED, UPDATED) for c in range(256))
_IS_SHORT_TEXT = bytes(c == TEXT for c in range(256))
_SHORT_PLAIN, _SHORT_CREDIT, _SHORT_CAPTION = 0, 1, 2


@lru_cache(maxsize=65536)
def _short_line(s: str, max_caption_words: int) -> int:
    """Judge a short body line: a photo credit, a caption shape, or neither."""
    if L.is_credit(s) and (
        len(s.split()) <= 6 or (_CHAIN.search(s) is not None and len(s.split()) <= _CHAIN_WORDS)
    ):
        return _SHORT_CREDIT  # (an agency's chain runs longer: "A/Los Angeles Times via B")
    if (
        L.short_unpunctuated(s, max_caption_words)
        and not L.is_result_line(s)
        and not L.is_count_item(s)  # a tally: "Conservative: 12,820"
    ):
        return _SHORT_CAPTION
    return _SHORT_PLAIN


_CHAIN_WORDS = 9
_CHAIN = re.compile(r"[a-z]/[A-Z]| via ")  # "A/Los Angeles Times via Getty Images", not "1/4"


def _max_caption_words(doc: Doc) -> int:
    return 8 if (doc.blanks or doc.numbered) else 3


def set_codes(doc: Doc) -> None:
    """Give each line its body code (see :data:`PLAIN`), once the kinds are final."""
    lines = doc.s
    longs = bytes(map((60).__lt__, map(len, lines))).translate(_TO_LONG)
    code = bytearray(map(or_, doc.kind, longs))
    short = list(compress(range(len(code)), code.translate(_IS_SHORT_TEXT)))
    judged = map(_short_line, map(lines.__getitem__, short), repeat(_max_caption_words(doc)))
    for j in compress(short, map(not_, judged)):  # _SHORT_PLAIN is 0
        code[j] = PLAIN
    doc.code = bytes(code)


_LIST_REACH = 12


def _after_lead_in(paragraphs: list[str]) -> bool:
    """Tell whether the next line continues a list: unpunctuated items back to a lead-in.

    ("Here are the main announcements:" / "Fuel duty cut by 3p" / ... : a short item after
    them is an item too, not a caption.)
    """
    for p in reversed(paragraphs[-_LIST_REACH:]):
        if p.endswith(":"):
            return True
        if L.closes_sentence(p):
            return False
    return False


def _caption_over_credit(doc: Doc, s: str, j: int, hi: int) -> bool:
    """Tell whether a short sentence over the photo credit on line ``j`` is its caption.

    (CNN: "A damaged building in Hualien on Wednesday." over "Central News Agency/AFP/Getty
    Images", the body going on under them.) At the end of a post the sentence is as often
    the last paragraph over a photo printed without a caption (AP), so it stays body there.
    """
    if not s.endswith(".") or len(s) > 320:
        return False
    if doc.blanks and doc.kind[j - 1] == TEXT and doc.s[j - 1] == s:
        # Where blank lines part the elements, a photo's caption and credit are one block:
        # a sentence right over the credit, with no blank line between, is its caption.
        return True
    if len(s) > _CAPTION_SENTENCE or L.SECOND_SENTENCE.search(s):
        return False
    k = doc.next_nonblank(j, hi)
    return k < hi and doc.kind[k] == TEXT and len(doc.s[k]) > 60


_CAPTION_SENTENCE = 90


def _over_blank(doc: Doc, para: int, j: int) -> bool:
    """Tell whether paragraph line ``para`` stands over line ``j`` with one blank between.

    (CNN copied with blank lines: the caption's sentence and its credit are two blocks.)
    """
    return para >= 0 and para == j - 2 and doc.kind[j - 1] == BLANK


_NOT_NAME_END = frozenset(".!?:;,\"'”’)]…")

# A list's items may run longer than a caption; three unpunctuated lines in a row are a list.
_ITEM_WORDS = 15
_LIST_RUN = 3


def item_shaped(doc: Doc, j: int, max_words: int = _ITEM_WORDS) -> bool:
    """Tell whether line ``j`` can be an item of an unpunctuated list (three words or more)."""
    # Menus (one or two words), photo credits and bylines (names, roles) are runs of their own.
    s = doc.s[j]
    return (
        doc.kind[j] == TEXT
        and s.count(" ") >= 2
        and j not in doc.captions
        and L.short_unpunctuated(s, max_words)
        and not bylines.is_person_name(s)
        and not bylines.is_role_line(s)
    )


def _in_list_run(doc: Doc, j: int, lo: int, hi: int) -> bool:
    """Tell whether the caption-shaped line ``j`` stands in a run of unpunctuated lines.

    (A window opening inside a list whose lead-in was cut: "The fissure is about 3km long" /
    "Lava is flowing south and west" / ... A photo's alt text stands alone between
    sentences, or in a pair when two photos follow each other; three in a row are items.)
    """
    if not item_shaped(doc, j):
        return False
    run = 1
    k = doc.prev_nonblank(j, lo)
    while k >= lo and item_shaped(doc, k):
        run += 1
        k = doc.prev_nonblank(k, lo)
    k = doc.next_nonblank(j, hi)
    while k < hi and run < _LIST_RUN and item_shaped(doc, k):
        run += 1
        k = doc.next_nonblank(k, hi)
    return run >= _LIST_RUN


PHOTO_ALT_WORDS, _PHOTO_CREDIT_WORDS = 10, 6


def _photo_pair_block(doc: Doc, j: int) -> bool:
    """Tell whether line ``j`` ends a block of two short lines, a photo's alt text and credit."""
    s = doc.s[j]
    n = len(doc.s)
    return (
        j >= 2
        and doc.kind[j - 2] == BLANK
        and (j + 1 >= n or doc.kind[j + 1] == BLANK)
        and L.short_unpunctuated(s, _PHOTO_CREDIT_WORDS)
        and not L.is_count_item(s)
        and not L.is_count_item(doc.s[j - 1])
        and not L.is_result_line(s)
    )


# Markers the caption follows; NYT prints "Image" over the caption and its "Credit..." line.
_CAPTION_NEXT = frozenset({"image caption", "media caption", "video caption", "image", "photo"})


def _read_body(doc: Doc, e: Entry, i: int, hi: int) -> None:
    caption_next = False
    last_para_line = -2
    list_items: set[int] = set()
    max_caption_words = _max_caption_words(doc)
    kinds, code, lines, captions, paragraphs = doc.kind, doc.code, doc.s, doc.captions, e.paragraphs
    # Lines read one by one: those a run cannot hold, and the captions; the runs between
    # them are taken whole.
    single = list(compress(range(i, hi), code[i:hi].translate(_SINGLE)))
    if captions and doc.capmask.find(1, i, hi) >= 0:
        single = sorted({*single, *(j for j in range(i, hi) if doc.capmask[j])})
    single.append(hi)
    embeds = code[i:hi].translate(_IS_EMBED)
    if 1 not in embeds:
        embeds = b""
    pos = i
    skip = -1
    for j in single:
        if pos < j:
            if embeds:  # share tools, social embeds, "Updated at 5.10pm BST"
                e.embeds.extend(compress(lines[pos:j], embeds[pos - i : j - i]))
            if caption_next:
                # The first plain line after an image caption marker is the caption.
                first = code.find(PLAIN, pos, j)
                if first >= 0:
                    e.captions.append(lines[first])
                    caption_next = False
                    pos = first + 1
            paragraphs.extend(compress(lines[pos:j], code[pos:j].translate(_IS_PLAIN)))
            last = code.rfind(PLAIN, pos, j)
            if last >= 0:
                last_para_line = last
        pos = j + 1
        if j == hi:
            break
        k = kinds[j]
        s = lines[j]
        if k == TEXT and len(s) > 60 and not caption_next and j not in captions:
            paragraphs.append(s)
            last_para_line = j
            continue
        if k in (EMBED, CHROME, DROP, UPDATED) or (
            k == ROSTER and s.startswith(L.REPORTING_CREDITS)
        ):
            if k != CHROME and k != DROP:
                # Share tools, social embeds, "Updated at 5.10pm BST", and a credit under the
                # body in a roster's words (RFE/RL: "With reporting by AP, AFP, and Reuters").
                e.embeds.append(s)
            continue
        if k == CAPMARK:
            if (last_para_line == j - 1 or _over_blank(doc, last_para_line, j)) and (
                (L.credit_only(s) and L.short_unpunctuated(e.paragraphs[-1], 30))
                or (
                    L.is_credit(s)
                    and "/" in s  # an agency's chain, not a marker ("Image source, PA")
                    and _caption_over_credit(doc, e.paragraphs[-1], j, hi)
                )
            ):
                e.captions.append(e.paragraphs.pop())  # the alt text over its credit
                last_para_line = -2
            e.captions.append(s)
            low = s.lower()
            marker = low.rstrip(",") in _CAPTION_NEXT
            if marker or low.startswith(("image source", "image copyright")):
                # The alt text stands right above the marker, the caption right below. (A
                # video has none: over "Media caption," stands the post's text, often the
                # line that introduces the video, "... spraying foam on the vessel:".)
                if (
                    last_para_line == j - 1
                    and not L.closes_sentence(e.paragraphs[-1])
                    and not e.paragraphs[-1].endswith(":")
                    and not e.paragraphs[-1].startswith("Quote Message")  # the BBC's pull quote
                    and not low.startswith("media caption")
                ):
                    e.captions.insert(len(e.captions) - 1, e.paragraphs.pop())
                caption_next = marker
            continue
        if k == LABEL:
            if e.paragraphs:
                e.embeds.append(s)  # under the body ("Pinned post"): the page's furniture
            else:
                e.labels.append(L.LABELS[s.lower().rstrip(":")])
            continue
        if k == BULLET:
            s = BULLET_RE.sub("", s)
        if caption_next or j in captions:
            e.captions.append(s)
            caption_next = False
            continue
        if len(s) > 60:  # too long for a caption or a credit
            e.paragraphs.append(s)
            last_para_line = j
            continue
        if j == skip:
            continue  # the role line of a correspondent read just above
        if (
            k == TEXT
            and len(s) <= 40
            and s[-1] not in _NOT_NAME_END  # (a name ends in a letter: most lines stop here)
            and (role := _co_author(doc, j, hi))
        ):
            # "Our reporters on the ground": each correspondent's name and role over their
            # paragraphs. They are the post's authors, not captions (the first one too, when
            # the window was cut above the post's own byline).
            if not e.author and not e.role:
                # (Under a cut byline's role line, "Reporting from ...", the first author was
                # above the window: this one is named among the authors only.)
                e.author, e.role = s, doc.s[role]
            if s not in e.authors:
                e.authors.append(s)
            skip = role
            continue
        if (
            doc.blanks
            and last_para_line == j - 1
            and k == TEXT
            and _photo_pair_block(doc, j)
            and L.short_unpunctuated(e.paragraphs[-1], PHOTO_ALT_WORDS)
            and j - 1 not in list_items
            and not (len(e.paragraphs) > 1 and e.paragraphs[-2].endswith(":"))  # a list
        ):
            # Where blank lines part the elements, a block of two short lines is a photo's
            # alt text and credit ("Ballot boxes being emptied at the Oasis Leisure Centre" /
            # "Swindon Borough Council").
            e.captions.append(e.paragraphs.pop())
            e.captions.append(s)
            last_para_line = -2
            continue
        short = _short_line(s, max_caption_words)
        if short == _SHORT_CREDIT:
            if (last_para_line == j - 1 or _over_blank(doc, last_para_line, j)) and (
                L.short_unpunctuated(e.paragraphs[-1], 10)
                or _caption_over_credit(doc, e.paragraphs[-1], j, hi)
                # ABC News prints the caption twice: "PHOTO: X" / "X" / the credit.
                or (e.captions and e.captions[-1].endswith(e.paragraphs[-1]))
            ):
                e.captions.append(e.paragraphs.pop())
            e.captions.append(s)
            continue
        # A short line is a caption, unless it is an item of a list a lead-in opened
        # ("Here is a recap of the day so far:").
        in_list = (
            last_para_line in list_items
            or _after_lead_in(e.paragraphs)
            or (
                k == TEXT
                and short == _SHORT_CAPTION
                and s.count(" ") >= 2
                and _in_list_run(doc, j, i, hi)
            )
        )
        if k == TEXT and short == _SHORT_CAPTION:
            if in_list:
                list_items.add(j)
            else:
                e.captions.append(s)
                continue
        e.paragraphs.append(s)
        last_para_line = j

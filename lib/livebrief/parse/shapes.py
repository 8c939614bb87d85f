"""Where a post can begin: a headline-shaped line judged with the lines around it.

On pages that print no markers (no numbers, no times) a post begins at a headline-shaped line
that stands between the end of a paragraph and body text. The text reader
(:mod:`livebrief.parse.text`) and the header reader (:mod:`livebrief.parse.header`) both ask
these questions of a classified page (:class:`~livebrief.parse.layout.Doc`).
"""

from __future__ import annotations

import re

from livebrief.parse import bylines
from livebrief.parse import lines as L
from livebrief.parse.layout import (
    BLANK,
    BULLET,
    CAPMARK,
    CHROME,
    DATELINE,
    DROP,
    EDITORS,
    EMBED,
    LABEL,
    ROSTER,
    TEXT,
    TZNOTE,
    UPDATED,
    Doc,
    strong_at,
)

# A headline that opens a post by its shape alone has at least this many words ("Weather
# map" under a paragraph is a photo's alt text); a body line this long, ending as a
# sentence does, is a paragraph, never a list item.
_WEAK_MIN_WORDS = 3
_COUNT_END = frozenset("0123456789)")
_FULL_SENTENCE_WORDS = 8


def closes_paragraph(doc: Doc, j: int) -> bool:
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
    if L.is_credit(s) or (doc.blanks and photo_pair_end(doc, j)):
        return True  # a photo's credit ("Colchester United FC") closes the photo
    if doc.blanks and s[:3] == "By " and bylines.page_authors(s):
        return True  # the page's byline closes the header ("By A and B" on Local Live)
    if L.closes_sentence(s):
        return True
    # An unpunctuated line is a list item unless it is long (a paragraph that lost its stop).
    return len(s.split()) > 25


def photo_pair_end(doc: Doc, j: int) -> bool:
    """Tell whether line ``j`` ends a photo's alt text and credit under a paragraph.

    ("Mads Kjeldsen" / "Colchester United FC" after the post's last sentence; at the window's
    top, the two in one block: the end of a post the window cut.)
    """
    alt = doc.prev_nonblank(j, 0)
    before = doc.prev_nonblank(alt, 0) if alt >= 0 else -1
    return (
        alt >= 0
        and doc.kind[alt] == TEXT
        and L.short_unpunctuated(doc.s[j], 6)
        and L.short_unpunctuated(doc.s[alt], 8)
        and (
            (before >= 0 and doc.kind[before] == TEXT and L.closes_sentence(doc.s[before]))
            or (before < 0 and alt == j - 1)
        )
        # a name over a role, whichever two of the three lines hold them
        and not strong_at(doc, alt, len(doc.s), one_line=False)
        and not strong_at(doc, j, len(doc.s), one_line=False)
    )


def _cut_under(doc: Doc, i: int, prv: int, lo: int) -> bool:
    """Tell whether the page's last line is a headline whose post the window cut off.

    A headline-shaped line (no closing stop) under the end of a paragraph or a photo's
    caption, with nothing under it: the text was cut there, not a post's last line.
    """
    s = doc.s[i]
    while prv >= lo and doc.kind[prv] == DROP:
        prv = doc.prev_nonblank(prv, lo)  # furniture between (The Independent's epoch stamp)
    question = L.core(s).endswith("?")  # "What is the weather like now?" is a headline
    if prv < lo or (L.closes_sentence(s) and not question) or L.is_stock_headline(s):
        return False
    if _caption_marker(doc, prv):
        return False  # the caption itself, under "Image caption,"
    if doc.kind[prv] == CAPMARK or prv in doc.captions:
        return True
    if doc.blanks and prv > lo and doc.kind[prv - 1] == TEXT == doc.kind[prv]:
        return True  # a photo's block of two lines (alt text, credit) closes the post above
    before = doc.prev_nonblank(prv, lo)
    if before >= lo and _caption_marker(doc, before):
        return True  # the caption under "Image caption,"
    return doc.kind[prv] == TEXT and full_sentence(doc.s[prv])


def _glued_credit(doc: Doc, i: int, nxt: int) -> bool:
    """Tell whether name line ``nxt`` is glued to line ``i`` where blank lines part elements.

    On such pages a byline is a block of its own; a name right under a line, in its block, is
    a photo's credit under its alt text ("Tractors on the road near Thaxted" / "Sarah Green").
    """
    return doc.blanks and nxt == i + 1


def weak_headline(doc: Doc, i: int, lo: int, hi: int) -> bool:
    """Tell whether line ``i`` opens a post by its shape alone (no byline, label or time).

    A headline-shaped line opens a post where it stands between the end of a paragraph and
    body text (or a photo or embed standing for it), within lines ``[lo, hi)``.
    """
    s = doc.s[i]
    if len(s.split()) < _WEAK_MIN_WORDS or i in doc.captions:
        return False
    if s[-1] in _COUNT_END and L.is_count_item(s):
        return False  # a count ("Independent: 1 (-1)", "Labour: 18,402") is a list's item
    if s.count(";") >= 2:
        return False  # a team's line-up ("Hampton; Bronze, Williamson; Walsh, Stanway; Russo")
    if doc.blanks and 0 < i < len(doc.s) - 1 and doc.kind[i - 1] != BLANK == doc.kind[i + 1]:
        return False  # where blank lines part the elements, a block's last line is no headline
    prv, nxt = doc.prev_nonblank(i, lo), doc.next_nonblank(i, hi)
    while nxt < hi and doc.kind[nxt] == DROP:
        nxt = doc.next_nonblank(nxt, hi)  # "Media playback is unsupported on your device"
    if prv < 0 and ":" not in s and bylines.is_role_line(s) and not bylines.header_names(s):
        return False  # a byline's role at the window's top, its name cut ("Reporting from X")
    if nxt >= hi:
        return hi == len(doc.s) and _cut_under(doc, i, prv, lo)
    if (
        doc.next_nonblank(nxt, hi) >= hi == len(doc.s)
        and doc.kind[nxt] == TEXT
        and bylines.header_names(doc.s[nxt])
    ):
        if _glued_credit(doc, i, nxt):
            return False  # a photo's alt text and credit in one block ("Wallaby in a garden")
        return _cut_under(doc, i, prv, lo)  # the page cut under the author's name
    if prv >= lo and _caption_marker(doc, prv):
        return False  # the caption under "Image caption,"
    if prv < lo and under_caption_mark(doc, i):
        return False  # ... also where the header (a window's cut post) ends at the marker
    if prv >= lo and doc.kind[prv] == CAPMARK and L.is_credit(s):
        return False  # the credit under its caption ("PHOTO: ..." / "Chris Granger/AP")
    # What follows a headline is body text, or a picture or embed that stands for it.
    if doc.kind[nxt] == TEXT:
        if (
            (L.headline_like(doc.s[nxt]) or nxt in doc.captions)
            and not _photo_block(doc, i, hi)
            and not _over_alt_text(doc, nxt, hi)
            and not (_over_lone_name(doc, nxt, hi) and not _glued_credit(doc, i, nxt))
            and not _over_score_line(doc, nxt, hi)
            and not _question_lead(doc, i, nxt, hi)
            # a tally under a headline without figures ("Result: Dudley Central" / "Labour: 1,388")
            and not (L.is_count_item(doc.s[nxt]) and not any(c.isdigit() for c in s))
        ):
            return False
    elif doc.kind[nxt] not in (CAPMARK, EMBED):
        return False
    elif doc.kind[nxt] == CAPMARK and (
        L.credit_only(doc.s[nxt]) or doc.s[nxt].lower().startswith("image source")
    ):
        return False  # alt text over its photo's credit ("Image source, RNLI")
    if doc.kind[nxt] == CAPMARK and _caption_marker(doc, nxt) and prv >= lo:
        # Under a paragraph, over "Image caption" and its caption with no text under them
        # (share tools, the next post): the photo's alt text closing the post above.
        body = _past_media(doc, nxt, hi)
        if (
            body != nxt
            and (body < hi or hi < len(doc.s))
            and (body >= hi or doc.kind[body] != TEXT)
        ):
            return False
    if prv < lo or closes_paragraph(doc, prv):
        return True
    if doc.blanks and prv - 1 >= lo and doc.kind[prv - 1] == TEXT and photo_pair_end(doc, prv):
        # Under a photo's alt text and credit in one block that closes the post above
        # ("Counting at Walsall Town Hall" / "BBC"): a block of its own opens the next post.
        return True
    if doc.kind[prv] not in (TEXT, BULLET) or prv in doc.captions or L.is_credit(s):
        return False
    if doc.kind[nxt] != TEXT or not full_sentence(doc.s[nxt]):
        # Under a list, a headline over a photo or a video and then two paragraphs opens
        # the next post (a list's post seldom goes on past a picture).
        body = _past_media(doc, nxt, hi)
        return (
            body != nxt
            and body < hi
            and doc.kind[body] == TEXT
            and full_sentence(doc.s[body])
            and (over_paragraph(doc, body, hi) or doc.next_nonblank(body, hi) >= hi == len(doc.s))
            and _in_lead_in_list(doc, prv, lo)
            and not strong_at(doc, prv, hi)
        )
    # Under a media lead-in ("Watch the video below:") the video was lost in the copy: a
    # headline over a paragraph opens the next post.
    if _MEDIA_LEAD_IN.search(doc.s[prv]):
        return True
    # Under a list a lead-in opened, the last item is often followed by one closing sentence
    # ("Any coalition will need three of them."); a new post's headline is followed by two
    # paragraphs or more. (A role under a name is a byline's second line, not a headline.)
    after = doc.next_nonblank(nxt, hi)
    # (... or one paragraph and a photo's alt text and credit in a block of their own.)
    pictured = (
        doc.blanks
        and ":" not in s
        and after + 1 < hi
        and doc.kind[after + 1] == TEXT
        and photo_pair_end(doc, after + 1)
    )
    return (
        after < hi
        and doc.kind[after] == TEXT
        and (full_sentence(doc.s[after]) or _long_lead_in(doc.s[after]) or pictured)
        and _in_lead_in_list(doc, prv, lo)
        and not strong_at(doc, prv, hi)
    )


def _question_lead(doc: Doc, i: int, nxt: int, hi: int) -> bool:
    """Tell whether line ``nxt`` under a headline is a post's opening question.

    ("Escaped wallaby spotted near Thetford" / "Have you seen this wallaby?" / a paragraph:
    the short question is the first paragraph, not a second headline.)
    """
    q = doc.s[nxt]
    # (Only where blank lines part the blocks: on flat copies a link line, "You can read
    # more about the dogs here", stands over a question that heads a part of the body.)
    if not doc.blanks or q[-1] != "?" or doc.s[i][-1] in "?:" or q.count(" ") < 2:
        return False
    after = doc.next_nonblank(nxt, hi)
    if after >= hi:
        return hi == len(doc.s)  # (the window's end cut the paragraphs under it)
    return doc.kind[after] == TEXT and full_sentence(doc.s[after])


# A lead-in that introduces a video, picture or audio rather than a list.
_MEDIA_LEAD_IN = re.compile(
    r"(?:^(?:watch|listen|see|look)\b|\b(?:video|clip|footage|pictures?|photos?|audio|below)\b).*:$",
    re.I,
)


_LIST_LIMIT = 12


def _past_media(doc: Doc, j: int, hi: int) -> int:
    """The line after the photo or video block that begins at line ``j`` (``j`` if none).

    A photo: its alt text, ``Image source, ...``, then maybe ``Image caption,`` and the
    caption; a video: ``Media caption,`` (or ``Video caption,``) and the caption.
    """
    k = j
    if doc.kind[k] == TEXT:
        k = doc.next_nonblank(k, hi)
        if k >= hi or doc.kind[k] != CAPMARK or not doc.s[k].lower().startswith("image source"):
            return j
        k = doc.next_nonblank(k, hi)
    if k < hi and _caption_marker(doc, k):
        k = doc.next_nonblank(doc.next_nonblank(k, hi), hi)
    elif k == j:
        return j
    return min(k, hi)


def _in_lead_in_list(doc: Doc, j: int, lo: int) -> bool:
    """Tell whether line ``j`` is an item of a list opened by a lead-in ending in ":"."""
    for items in range(1, _LIST_LIMIT + 1):
        s = doc.s[j]
        if s.endswith(":") or s.lower() in L.SUMMARY_HEADS:
            return True
        if doc.kind[j] not in (TEXT, BULLET) or L.closes_sentence(s):
            return False
        j = doc.prev_nonblank(j, 0)
        if j < 0:
            # A list at the window's top, the cut took its lead-in (where blank lines part
            # the elements, such a run is a box of other posts' headlines).
            return items >= 3 and not doc.blanks
        if j < lo and doc.prev_nonblank(j, 0) >= 0:
            return False
    return False


_CAPTION_FOLLOWS = re.compile(r"^(?:image|media|video) caption,?$", re.I)


def _caption_marker(doc: Doc, j: int) -> bool:
    """Tell whether line ``j`` is an "Image caption," line (the caption stands under it)."""
    return doc.kind[j] == CAPMARK and bool(_CAPTION_FOLLOWS.match(doc.s[j]))


def under_caption_mark(doc: Doc, j: int) -> bool:
    """Tell whether line ``j`` is the caption under an "Image caption," line."""
    prv = doc.prev_nonblank(j, 0)
    return prv >= 0 and _caption_marker(doc, prv)


def over_paragraph(doc: Doc, j: int, hi: int) -> bool:
    """Tell whether a full paragraph (see :func:`full_sentence`) follows line ``j``."""
    k = doc.next_nonblank(j, hi)
    return k < hi and doc.kind[k] == TEXT and full_sentence(doc.s[k])


def _over_lone_name(doc: Doc, j: int, hi: int) -> bool:
    """Tell whether line ``j`` is a person's name alone over a paragraph (a byline without a
    role line, or a photo's alt text): either way the line above it is a headline."""
    return bylines.is_person_name(doc.s[j]) and over_paragraph(doc, j, hi)


_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
_SCORE_WORDS = 12


def _over_score_line(doc: Doc, j: int, hi: int) -> bool:
    """Tell whether line ``j`` is a sport post's score strip over its paragraph.

    (BBC Sport: "WICKET - Bairstow lbw b Bumrah 29" / "Eng 212-5" / paragraph.)
    """
    s = doc.s[j]
    return (
        len(s.split()) <= _SCORE_WORDS
        and bool(_SCORE.search(s))
        and not L.closes_sentence(s)
        and over_paragraph(doc, j, hi)
    )


def _over_alt_text(doc: Doc, j: int, hi: int) -> bool:
    """Tell whether line ``j`` is a photo's alt text over its credit, and body text follows.

    ("Image source, ..." under it; in older BBC pages, "Copyright: Getty Images".)
    """
    k = doc.next_nonblank(j, hi)
    if k >= hi or doc.kind[k] != CAPMARK:
        return False
    credit = doc.s[k]
    if credit.lower().startswith("image source"):
        return True
    return credit.startswith("Copyright:") and over_paragraph(doc, k, hi)


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
    if end == j:
        return False
    if end >= hi or doc.next_nonblank(end - 1, hi) >= hi:
        return hi == len(doc.s)  # the window cut under the photo
    if doc.kind[end] != BLANK:
        return False
    return over_paragraph(doc, end, hi)


def _long_lead_in(s: str) -> bool:
    return s.endswith(":") and s.count(" ") >= _WEAK_MIN_WORDS + 1


def full_sentence(s: str) -> bool:
    """Tell whether a line is a paragraph's sentence: long, capitalised, closed by a stop."""
    # "...and last but not least" carries on the paragraph above it.
    return (
        L.closes_sentence(s)
        and s.count(" ") >= _FULL_SENTENCE_WORDS - 1
        and not (s[0].islower() or s[0] in ".…")
    )


def label_below(doc: Doc, j: int, hi: int) -> bool:
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

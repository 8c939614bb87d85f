"""The HTML reader: saved or fetched live pages, from their JSON-LD or their markup.

A page is read in three ways, the first that finds posts winning, and the first two compared:

1. the schema.org ``LiveBlogPosting`` JSON-LD (:mod:`livebrief.parse.jsonld`): exact times,
   authors and bodies as the publisher states them;
2. the markup (:mod:`livebrief.parse.markup`): posts found from ``<article>`` elements or the
   repeated containers of headings and ``<time>`` elements;
3. the visible text (block elements as lines), handed to the plain-text reader.

When both 1 and 2 find posts they are matched (headline, then time, then first paragraph); the
page notes say which was used, and when they disagree the union is kept with a note on each
entry found in only one. ``page.rendering`` is ``json-ld``, ``markup``, ``json-ld+markup`` or
``html-text (...)``. Page facts (roster, editors, the time-zone note) are read from the text
outside the posts, as the text reader reads them from a page's header.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from datetime import date as Date
from datetime import timezone
from itertools import pairwise

from selectolax.lexbor import LexborHTMLParser, LexborNode

from livebrief import times
from livebrief.model import Entry, Page, ParsedPage
from livebrief.parse import bylines, jsonld, markup, register, timeline
from livebrief.parse import text as text_reader
from livebrief.parse.htmltext import JUNK_CANDIDATES, BlockWriter, is_junk, node_text, squash

log = logging.getLogger(__name__)

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_TAG = re.compile(
    r"</?(?:p|div|span|a|h[1-6]|article|section|li|ul|ol|br|time|script|meta|link|img|main"
    r"|header|footer|nav|figure|blockquote|strong|em|b|i)\b[^<>]{0,400}>",
    re.I,
)
_MIN_TAGS = 10


def sniff(text: str) -> bool:
    """Tell whether a text is HTML: a doctype or ``<html>`` first, or many tags."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_TAG.findall(text[:20000])) >= _MIN_TAGS


def _jsonld_scripts(tree: LexborHTMLParser) -> list[str]:
    out = []
    for node in tree.css("script[type]"):
        kind = (node.attributes.get("type") or "").strip().lower()
        if kind.startswith("application/ld+json"):
            out.append(node.text())
    return out


def _title(tree: LexborHTMLParser) -> str | None:
    h1 = tree.css_first("h1")
    if h1 is not None and (text := node_text(h1)):
        return text
    for query in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        meta = tree.css_first(query)
        if meta is not None and (content := squash(meta.attributes.get("content") or "")):
            return content
    title = tree.css_first("title")
    return squash(title.text()) or None if title is not None else None


def _clean(tree: LexborHTMLParser) -> None:
    """Remove chrome (scripts, navigation, share tools, ads, page footers) from the tree."""
    root = tree.root
    if root is None:
        return
    junk = [n for n in root.css(JUNK_CANDIDATES) if is_junk(n)]
    junk += [f for f in root.css("footer") if not any(a.tag == "article" for a in _up(f))]
    ids = {n.mem_id for n in junk}
    for node in junk:
        if not any(a.mem_id in ids for a in _up(node)):
            node.decompose()


def _up(node: LexborNode) -> list[LexborNode]:
    out = []
    cur = node.parent
    while cur is not None:
        out.append(cur)
        cur = cur.parent
    return out


def block_lines(node: LexborNode) -> list[str]:
    """Return the text of a node rid of chrome (:func:`_clean`), one line per block element."""
    writer = BlockWriter(cleaned=True)
    writer.walk(node)
    writer.flush()
    return writer.blocks


def _page_facts(lines: list[str], page: Page) -> str | None:
    """Read roster, editors and the time-zone note from text outside the posts.

    Returns the zone the page states, if it states one.
    """
    stated: str | None = None
    for line in lines:
        if len(line) > 400:
            continue
        if "pdates " in line and (roster := bylines.parse_roster(line)):
            page.roster.extend(roster)
        elif line.startswith("Edited by ") and (names := bylines.editors(line)):
            page.editors.extend(n for n in names if n not in page.editors)
        elif "imes" in line and (zone := times.page_zone_note(line)):
            stated = zone
    return stated


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", s.casefold()).split())


def _keys(e: Entry) -> list[str]:
    keys = []
    if e.headline:
        keys.append("h:" + _norm(e.headline))
    if e.time is not None and e.time.tzinfo is not None:
        keys.append("t:" + e.time.astimezone(timezone.utc).isoformat())
    if e.paragraphs:
        keys.append("b:" + _norm(e.paragraphs[0][:120])[:80])
    return keys


def _fill(a: Entry, b: Entry) -> None:
    """Complete a JSON-LD entry with what the markup shows of the same post."""
    joined = squash(" ".join(a.paragraphs)) == squash(" ".join(b.paragraphs))
    if not a.paragraphs or (joined and len(b.paragraphs) > len(a.paragraphs)):
        a.paragraphs = b.paragraphs  # an articleBody without paragraph breaks
    a.headline = a.headline or b.headline
    if not a.authors and b.authors:
        a.authors, a.author = b.authors, b.author
    a.role = a.role or b.role
    if a.time is None:
        a.time = b.time
    if b.time_raw:
        a.time_raw = b.time_raw  # as printed on the page, rather than the ISO stamp
    for mine, theirs in ((a.labels, b.labels), (a.captions, b.captions), (a.embeds, b.embeds)):
        mine.extend(x for x in theirs if x not in mine)


def _union(
    ld: list[Entry], posts: list[markup.Post], page: Page
) -> tuple[list[Entry], list[times.TimeMark | None]]:
    """Match JSON-LD entries with markup posts; keep both sides' unmatched entries."""
    index: dict[str, list[int]] = {}
    for i, p in enumerate(posts):
        for k in _keys(p.entry):
            index.setdefault(k, []).append(i)
    used: set[int] = set()
    matched: list[int | None] = []
    for e in ld:
        hit = next((i for k in _keys(e) for i in index.get(k, []) if i not in used), None)
        if hit is not None:
            used.add(hit)
            _fill(e, posts[hit].entry)
        matched.append(hit)
    after: dict[int | None, list[int]] = {}  # markup-only posts, by the matched post before
    anchor: int | None = None
    where = {m: j for j, m in enumerate(matched) if m is not None}
    for i in range(len(posts)):
        if i in used:
            anchor = where[i]
        else:
            after.setdefault(anchor, []).append(i)
    out: list[Entry] = []
    marks: list[times.TimeMark | None] = []

    def extra(slot: int | None) -> None:
        for i in after.get(slot, []):
            posts[i].entry.notes.append("only in the page markup, not in the JSON-LD")
            out.append(posts[i].entry)
            marks.append(posts[i].mark)

    extra(None)
    only_ld = 0
    for j, e in enumerate(ld):
        if matched[j] is None:
            e.notes.append("only in the JSON-LD, not in the page markup")
            only_ld += 1
        out.append(e)
        marks.append(None)
        extra(j)
    only_mk = len(posts) - len(used)
    if only_ld or only_mk:
        _by_time(ld, out, marks)
        page.notes.append(
            f"the JSON-LD and the page markup disagree: {only_ld} entries only in the JSON-LD, "
            f"{only_mk} only in the markup; the union is kept"
        )
    else:
        page.notes.append(
            f"entries read from the JSON-LD LiveBlogPosting; the markup shows the same "
            f"{len(posts)} posts"
        )
    return out, marks


def _by_time(ld: list[Entry], out: list[Entry], marks: list[times.TimeMark | None]) -> None:
    """Sort a union by time, in the JSON-LD's direction, when every entry has an exact time."""
    known = [t for t in (e.time for e in out) if t is not None and t.tzinfo is not None]
    if len(known) != len(out):
        return
    own = [e.time for e in ld if e.time is not None]
    newest_first = sum(b < a for a, b in pairwise(own)) >= sum(b > a for a, b in pairwise(own))
    order = sorted(range(len(out)), key=lambda i: known[i], reverse=newest_first)
    out[:], marks[:] = [out[i] for i in order], [marks[i] for i in order]


def _fallback(
    root: LexborNode | None, source: str, date: Date | None, tz: str | None
) -> ParsedPage:
    lines = block_lines(root) if root is not None else []
    parsed = text_reader.read_text("\n".join(lines), source=source, date=date, tz=tz)
    parsed.page.rendering = f"html-text ({parsed.page.rendering})"
    parsed.page.notes.insert(
        0, "no posts in the JSON-LD or the markup: the page's visible text was read as text"
    )
    return parsed


def read_html(
    text: str, *, source: str = "<html>", date: Date | None = None, tz: str | None = None
) -> ParsedPage:
    """Read an HTML live page into its page facts and entries.

    Parameters
    ----------
    text
        The page's HTML.
    source
        The input's name, kept in the result.
    date
        The date of the oldest post, for markup that prints clocks without dates.
    tz
        IANA zone for clocks when the page states none (times with UTC offsets are exact
        whatever the zone; it decides only the clocks shown).
    """
    tree = LexborHTMLParser(text)
    blog = jsonld.read_liveblog(scripts) if (scripts := _jsonld_scripts(tree)) else None
    title = (blog.title if blog else None) or _title(tree)
    _clean(tree)
    root = tree.body
    spans, flat = markup.find_posts(root) if root is not None else ([], False)
    posts = [markup.read_post(nodes, container=not flat, cleaned=True) for nodes in spans]
    posts = [p for p in posts if p.entry.headline or p.entry.paragraphs or p.entry.time]
    ld = blog.entries if blog else []
    if not posts and not ld:
        return _fallback(root, source, date, tz)
    page = Page(source=source, title=title)
    if blog:
        page.notes.extend(blog.notes)
        page.authors, page.editors = list(blog.authors), list(blog.editors)
        page.standfirst, page.updated = blog.description, blog.updated
    for nodes in spans:
        for node in nodes:
            node.decompose()
    stated = _page_facts(block_lines(root), page) if root is not None else None
    if ld and posts:
        page.rendering = "json-ld+markup"
        entries, marks = _union(ld, posts, page)
    elif ld:
        page.rendering = "json-ld"
        entries, marks = ld, [None] * len(ld)
        page.notes.append("entries read from the JSON-LD LiveBlogPosting; no posts in the markup")
    else:
        page.rendering = "markup"
        entries, marks = [p.entry for p in posts], [p.mark for p in posts]
        page.notes.append("entries read from the page markup; no JSON-LD LiveBlogPosting")
    printed = Counter(p.zone for p in posts if p.zone).most_common(1)
    timeline.finish(
        page,
        entries,
        tz=tz,
        stated=stated,
        default=printed[0][0] if printed else None,
        default_why=f"clocks shown in {printed[0][0]}, the zone the page prints" if printed else "",
        marks=marks,
        date=date,
    )
    log.debug("%s: %d entries (%s)", source, len(entries), page.rendering)
    return ParsedPage(page, entries)


register("html", sniff, read_html, priority=10)

__all__ = ["block_lines", "read_html", "sniff"]

"""Posts found in a live page's markup, for pages without (or beside) JSON-LD.

:func:`find_posts` finds where posts are: ``<article>`` elements (the innermost level that
repeats), else the repeated containers around post headings or ``<time>`` elements (BBC's
``lx-stream`` list items, the Guardian's ``block`` divs, Al Jazeera's ``card-live`` items),
else runs of siblings that each start at a heading (a flat page). :func:`read_post` reads one
post: the first heading is its headline, the first ``<time datetime>`` its time, a byline
element (``rel=author``, ``itemprop=author``, a class naming byline, author or contributor) its
authors and role, figures its captions, frames and social posts its embeds, and every other
block element a paragraph.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from livebrief import times
from livebrief.model import Entry
from livebrief.parse import bylines
from livebrief.parse import lines as L
from livebrief.parse.htmltext import HEADINGS, BlockWriter, BodyWriter, node_text, words_of
from livebrief.parse.timeline import parse_instant

log = logging.getLogger(__name__)

_BYLINE_WORDS = frozenset({"byline", "author", "authors", "contributor", "contributors"})
_LABEL_WORDS = frozenset({"label", "badge", "kicker", "flag", "tag", "eyebrow"})
_ROLE_WORDS = frozenset({"role", "description", "title", "job", "position", "location"})
_META_WORDS = 8  # a block beside a post's time or byline this short is furniture
_MAX_BYLINE = 160


@dataclass
class Post:
    """One post read from markup: the entry and the clock printed for it, if not exact."""

    entry: Entry
    mark: times.TimeMark | None = None
    zone: str | None = None


class PostWriter(BodyWriter):
    """Read one post's markup into headline, labels, time, byline, paragraphs, captions."""

    def __init__(self, *, cleaned: bool = False) -> None:
        super().__init__(cleaned=cleaned)
        self.entry = Entry(position=0)
        self.time_node: LexborNode | None = None
        self.meta = False

    def emit(self, text: str) -> None:
        """Keep a block as a paragraph unless it is furniture around the time or byline."""
        meta, self.meta = self.meta, False
        if meta and len(text.split()) <= _META_WORDS:
            return
        label = L.label_of(text)
        if label and not self.blocks:
            self.entry.labels.append(label)
            return
        self.blocks.append(text)

    def flush(self) -> None:
        """End the running block; furniture marks last only to the end of their block."""
        super().flush()
        self.meta = False

    def element(self, node: LexborNode) -> bool:
        """Route headings, times, bylines and labels; leave the rest to the body writer."""
        tag = node.tag or ""
        if tag in HEADINGS:
            self.flush()
            text = node_text(node)
            if self.entry.headline is None and not self.blocks:
                headline, glued = L.split_labels(text)
                self.entry.headline = headline or None
                self.entry.labels.extend(glued)
            elif text:
                self.blocks.append(text)
            return True
        if tag == "time" and self.time_node is None and not self.blocks:
            self.time_node = node
            self.meta = True
            return True
        attrs = node.attributes
        names = words_of(attrs.get("class"))
        if (
            "author" in (attrs.get("rel") or "").split()
            or attrs.get("itemprop") == "author"
            or names & _BYLINE_WORDS
        ) and self._byline(node, names):
            self.meta = True
            return True
        if names & _LABEL_WORDS:
            label = L.label_of(node_text(node))
            if label:
                self.entry.labels.append(label)
                return True
        return super().element(node)

    def _byline(self, node: LexborNode, names: set[str]) -> bool:
        writer = BlockWriter()
        writer.walk(node)
        writer.flush()
        lines = writer.blocks
        if not lines:
            return True  # an author's picture or an empty slot
        if sum(len(x) for x in lines) > _MAX_BYLINE:
            return False  # an author's biography: body text
        e = self.entry
        if e.authors:
            if e.role is None and (names & _ROLE_WORDS or bylines.is_role_line(lines[0])):
                e.role = " ".join(lines)
            return True
        found = bylines.find_byline(lines, skip_blank=False)
        if found is None:
            first = lines[0]
            one = bylines.one_line_byline(first)
            names_found = one.authors if one else list(bylines.split_names(first) or [first])
            role = one.role if one else (" ".join(lines[1:]) or None)
        else:
            names_found, role = found.authors, found.role
        e.authors = list(names_found)
        e.author = e.authors[0]
        e.role = role
        return True


def _read_time(writer: PostWriter) -> times.TimeMark | None:
    """Read the post's ``<time>``: exact from ``datetime``, else the clock it prints."""
    node, e = writer.time_node, writer.entry
    if node is None:
        return None
    shown = node_text(node)
    raw = node.attributes.get("datetime") or node.attributes.get("data-datetime")
    e.time = parse_instant(raw) if raw else None
    printed = times.match_time_line(shown) if shown else None
    if e.time is not None:
        e.time_raw = shown or raw
    return printed


def read_post(nodes: list[LexborNode], *, container: bool = True, cleaned: bool = False) -> Post:
    """Read a post from its container, or (``container=False``) from a run of siblings.

    ``cleaned`` says that chrome was already removed from the tree (no element is checked).
    """
    writer = PostWriter(cleaned=cleaned)
    for node in nodes:
        if container:
            writer.walk(node)
        else:
            writer.visit(node)
    writer.flush()
    e = writer.entry
    e.paragraphs, e.captions, e.embeds = writer.blocks, writer.captions, writer.embeds
    e.labels = list(dict.fromkeys(e.labels))
    printed = _read_time(writer)
    if len(e.authors) > 1:
        e.notes.append("several bylines: the first is the entry's author")
    zone = printed.zone if printed else None
    return Post(e, None if e.time is not None else printed, zone)


def _ancestors(node: LexborNode, stop: LexborNode) -> list[LexborNode]:
    out = []
    cur = node.parent
    while cur is not None and cur.mem_id != stop.mem_id:
        out.append(cur)
        cur = cur.parent
    return out


def _article_level(root: LexborNode) -> list[LexborNode]:
    """Return the outermost level of ``<article>`` elements that repeats (2 or more)."""
    arts = root.css("article")
    if not arts:
        return []
    ids = {a.mem_id for a in arts}
    nearest: dict[int, int | None] = {}
    for a in arts:
        up = next((p.mem_id for p in _ancestors(a, root) if p.mem_id in ids), None)
        nearest[a.mem_id] = up
    level: list[LexborNode] = [a for a in arts if nearest[a.mem_id] is None]
    while len(level) == 1:
        inner = [a for a in arts if nearest[a.mem_id] == level[0].mem_id]
        if not inner:
            break
        level = inner
    return level


def _signature(node: LexborNode) -> tuple[str, str]:
    cls = (node.attributes.get("class") or "").split()
    return node.tag or "", cls[0] if cls else ""


def _anchors(scope: LexborNode) -> list[LexborNode]:
    heads = Counter(n.tag for n in scope.css("h2, h3"))
    tag = max(("h2", "h3"), key=lambda t: (heads[t], t == "h2"))
    if heads[tag] >= 2:
        return scope.css(tag)
    stamps = scope.css("time")
    return stamps if len(stamps) >= 2 else []


def _flat(parent: LexborNode, anchor_ids: set[int]) -> list[list[LexborNode]]:
    posts: list[list[LexborNode]] = []
    pending: list[LexborNode] = []
    for child in parent.iter():
        if child.mem_id in anchor_ids:
            posts.append([*pending, child])
            pending = []
        elif child.tag == "time" or (
            child.css_first("time") is not None and len(child.text()) < 60
        ):
            pending.append(child)  # a time printed above the next heading
        elif posts:
            posts[-1].extend([*pending, child])
            pending = []
    return posts


def find_posts(root: LexborNode) -> tuple[list[list[LexborNode]], bool]:
    """Find the posts of a page: each a container element, or a run of sibling elements.

    Returns
    -------
    posts, flat
        The posts, each as a list of nodes; ``flat`` is True when each post is a run of
        siblings (read with ``read_post(nodes, container=False)``). No posts when the markup
        shows no repeated post structure.
    """
    level = _article_level(root)
    if len(level) >= 2:
        return [[a] for a in level], False
    scope = level[0] if level else root
    anchors = _anchors(scope)
    if not anchors:
        return ([[level[0]]] if level else []), False
    counts: Counter[int] = Counter()
    for a in anchors:
        counts.update(p.mem_id for p in _ancestors(a, scope))
    containers = []
    for a in anchors:
        node = a
        while node.parent is not None and counts[node.parent.mem_id] == 1:
            node = node.parent
        containers.append(node)
    anchor_ids = {a.mem_id for a in anchors}
    parents = Counter(c.parent.mem_id for c in containers if c.parent is not None)
    top = parents.most_common(1)[0][0]
    group = [c for c in containers if c.parent is not None and c.parent.mem_id == top]
    parent = group[0].parent
    if parent is None:  # pragma: no cover - every anchor has the scope above it
        return [], False
    if all(c.mem_id in anchor_ids for c in group):
        return _flat(parent, anchor_ids), True
    sig = Counter(_signature(c) for c in group).most_common(1)[0][0]
    return [[c] for c in parent.iter() if _signature(c) == sig and c.text(strip=True)], False

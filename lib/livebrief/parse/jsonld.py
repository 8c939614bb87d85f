"""schema.org ``LiveBlogPosting`` JSON-LD: the posts a page publishes for search engines.

A page may carry several ``<script type="application/ld+json">`` blocks; each holds an object,
an array, or an ``@graph`` wrapper, and the live blog may sit nested (a ``WebPage``'s
``mainEntity``). :func:`read_liveblog` finds every ``LiveBlogPosting`` in them and reads its
``liveBlogUpdate`` items (``BlogPosting``, ``NewsArticle``, ...) into entries: ``headline``,
``datePublished`` (``time``), ``dateModified`` (a note), ``author`` (a Person, an Organization,
a list, a string or an ``@id`` reference; ``jobTitle`` is the role) and ``articleBody`` (plain
text or HTML). See https://schema.org/LiveBlogPosting.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from livebrief.model import Entry
from livebrief.parse import bylines
from livebrief.parse import lines as L
from livebrief.parse.htmltext import fragment_body, plain
from livebrief.parse.timeline import parse_instant

log = logging.getLogger(__name__)

_UPDATE_TYPES = frozenset(
    ["BlogPosting", "NewsArticle", "Article", "SocialMediaPosting", "Report",
     "AnalysisNewsArticle", "ReportageNewsArticle", "BackgroundNewsArticle", "LiveBlogUpdate",
     "Comment"]
)  # fmt: skip
_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")


@dataclass
class LiveBlog:
    """What the JSON-LD says about a live page: its facts and its updates as entries."""

    title: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    updated: str | None = None
    entries: list[Entry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    found: int = 0


def _types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {n.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for n in names if isinstance(n, str)}


def _load(script: str, index: int, notes: list[str]) -> Any:
    try:
        return json.loads(script, strict=False)
    except json.JSONDecodeError:
        pass
    # Older templates wrap the block in HTML comments or CDATA markers.
    text = "\n".join(_WRAPPERS.sub("", line) for line in script.strip().splitlines())
    try:
        return json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        notes.append(f"JSON-LD block {index + 1} is not valid JSON ({exc.msg}): skipped")
        return None


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    """Yield every object in a JSON value, depth first (``@graph``, arrays, nested values)."""
    stack = [value]
    while stack:
        cur = stack.pop()
        if isinstance(cur, dict):
            yield cur
            stack.extend(reversed(list(cur.values())))
        elif isinstance(cur, list):
            stack.extend(reversed(cur))


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | dict)), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or value.get("text")
    if not isinstance(value, str):
        return None
    return plain(value) or None


class _Refs:
    """Objects by ``@id``, so that ``{"@id": "#author-1"}`` references can be followed."""

    def __init__(self, docs: list[Any]) -> None:
        self.by_id: dict[str, dict[str, Any]] = {}
        for doc in docs:
            for obj in _walk(doc):
                ref = obj.get("@id")
                if isinstance(ref, str) and len(obj) > 1:
                    self.by_id.setdefault(ref, obj)

    def resolve(self, obj: Any) -> Any:
        if isinstance(obj, dict) and set(obj) == {"@id"}:
            return self.by_id.get(str(obj["@id"]), obj)
        return obj


def _people(value: Any, refs: _Refs) -> list[tuple[str, str | None]]:
    """Return ``(name, jobTitle)`` for each author a JSON-LD ``author`` value names."""
    value = refs.resolve(value)
    if isinstance(value, list):
        return [p for v in value for p in _people(v, refs)]
    if isinstance(value, str):
        text = plain(value)
        found = bylines.one_line_byline(text)
        if found:
            return [(n, found.role) for n in found.authors]
        names = bylines.split_names(text)
        return [(n, None) for n in names] if names else ([(text, None)] if text else [])
    if isinstance(value, dict):
        name = _text(value.get("name"))
        if not name:
            given, family = _text(value.get("givenName")), _text(value.get("familyName"))
            name = " ".join(p for p in (given, family) if p) or None
        return [(name, _text(value.get("jobTitle")))] if name else []
    return []


def _captions(item: dict[str, Any], refs: _Refs) -> list[str]:
    out: list[str] = []
    for key in ("image", "video", "associatedMedia"):
        media = refs.resolve(item.get(key))
        for obj in media if isinstance(media, list) else [media]:
            obj = refs.resolve(obj)
            if isinstance(obj, dict):
                cap = _text(obj.get("caption")) or _text(obj.get("description"))
                if cap and cap not in out:
                    out.append(cap)
    return out


def _entry(item: dict[str, Any], refs: _Refs) -> Entry:
    e = Entry(position=0)
    headline = _text(item.get("headline")) or _text(item.get("name"))
    if headline:
        headline, e.labels = L.split_labels(headline)
    e.headline = headline or None
    people = _people(item.get("author"), refs)
    e.authors = list(dict.fromkeys(n for n, _ in people))
    if e.authors:
        e.author = e.authors[0]
        e.role = people[0][1]
        if len(e.authors) > 1:
            e.notes.append("several bylines: the first is the entry's author")
    raw = item.get("datePublished") or item.get("dateCreated") or item.get("uploadDate")
    e.time = parse_instant(raw)
    if e.time is not None:
        e.time_raw = str(raw)
    elif raw:
        e.notes.append(f"datePublished {raw!r} is not an ISO 8601 time")
    modified = parse_instant(item.get("dateModified"))
    if modified is not None and e.time is not None and modified != e.time:
        e.notes.append(f"modified {item['dateModified']}")
    body = item.get("articleBody") or item.get("text") or item.get("description")
    if isinstance(body, str) and body.strip():
        parts = fragment_body(body)
        e.paragraphs, e.embeds = parts.blocks, parts.embeds
        e.captions = parts.captions
    for cap in _captions(item, refs):
        if cap not in e.captions:
            e.captions.append(cap)
    return e


def _key(item: dict[str, Any]) -> str:
    ref = item.get("@id") or item.get("url")
    if isinstance(ref, str) and ref:
        return ref
    return json.dumps(
        [item.get("headline"), item.get("datePublished"), str(item.get("articleBody"))[:80]]
    )


def _updates(blog: dict[str, Any], refs: _Refs) -> list[dict[str, Any]]:
    raw = refs.resolve(blog.get("liveBlogUpdate"))
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for item in items:
        item = refs.resolve(item)
        if isinstance(item, dict) and (
            _types(item) & _UPDATE_TYPES or "articleBody" in item or "headline" in item
        ):
            out.append(item)
    return out


def read_liveblog(scripts: list[str]) -> LiveBlog | None:
    """Read the ``LiveBlogPosting`` objects of a page's JSON-LD blocks.

    Parameters
    ----------
    scripts
        The text of each ``<script type="application/ld+json">`` block, in page order.

    Returns
    -------
    LiveBlog or None
        None when no block holds a ``LiveBlogPosting``. Updates of several live blog objects
        are merged, each update once (by ``@id``/``url``, else headline, time and body).
    """
    notes: list[str] = []
    docs = [d for i, s in enumerate(scripts) if (d := _load(s, i, notes)) is not None]
    blogs = [o for d in docs for o in _walk(d) if "LiveBlogPosting" in _types(o)]
    if not blogs:
        return None
    refs = _Refs(docs)
    out = LiveBlog(notes=notes, found=len(blogs))
    if len(blogs) > 1:
        out.notes.append(f"{len(blogs)} LiveBlogPosting objects in the JSON-LD: updates merged")
    seen: set[str] = set()
    for blog in blogs:
        out.title = out.title or _text(blog.get("headline")) or _text(blog.get("name"))
        out.description = out.description or _text(blog.get("description"))
        out.updated = out.updated or _text(blog.get("dateModified"))
        for name, _ in _people(blog.get("author"), refs):
            if name not in out.authors:
                out.authors.append(name)
        for name, _ in _people(blog.get("editor"), refs):
            if name not in out.editors:
                out.editors.append(name)
        for item in _updates(blog, refs):
            key = _key(item)
            if key not in seen:
                seen.add(key)
                out.entries.append(_entry(item, refs))
    log.debug("JSON-LD: %d live blog objects, %d updates", len(blogs), len(out.entries))
    return out

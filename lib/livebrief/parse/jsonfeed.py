"""The JSON reader: Guardian Content API responses, and livebrief's own JSON read back.

**Guardian Content API** (``/{id}?show-blocks=body`` or ``show-blocks=all``, optionally with
``show-fields`` and ``show-tags=contributor``): ``response.content.blocks.body[]`` is one block
per post, with ``id``, ``title``, ``bodyHtml`` and ``bodyTextSummary``, ``firstPublishedDate``,
``publishedDate``, ``lastModifiedDate`` (UTC), ``contributors`` (contributor tag ids, named by
``content.tags``), ``createdBy`` (the desk user who made the block) and ``attributes``
(``keyEvent``, ``summary``, ``pinned`` -> labels ``Key event``, ``Summary``, ``Pinned``).
The API gives times in UTC; clocks are shown in Europe/London, the Guardian's own zone, unless
``tz`` is given.

**livebrief JSON**: ``{"page": {...}, "entries": [...]}`` as ``livebrief parse --format json``
writes it (a one-element array too) is read back as it was written.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import fields
from datetime import date as Date
from functools import lru_cache
from typing import Any

from livebrief.errors import NoEntriesError, UnsupportedInputError
from livebrief.model import Entry, Page, ParsedPage, RosterMember
from livebrief.parse import register, timeline
from livebrief.parse.htmltext import fragment_body, plain
from livebrief.parse.timeline import parse_instant

log = logging.getLogger(__name__)

GUARDIAN_ZONE = "Europe/London"
_JSON_START = re.compile(r"\s*[\[{]")
_ATTRIBUTE_LABELS = (("keyEvent", "Key event"), ("summary", "Summary"), ("pinned", "Pinned"))


@lru_cache(maxsize=4)
def _load(text: str) -> Any:
    """Parse JSON once for the sniffer and the reader (None when it is not JSON)."""
    if _JSON_START.match(text) is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _guardian_content(data: Any) -> dict[str, Any] | None:
    if isinstance(data, dict) and isinstance(data.get("response"), dict):
        content = data["response"].get("content")
        if isinstance(content, dict):
            return content
    return None


def _livebrief_docs(data: Any) -> list[dict[str, Any]] | None:
    docs = data if isinstance(data, list) else [data]
    if docs and all(
        isinstance(d, dict)
        and isinstance(d.get("page"), dict)
        and isinstance(d.get("entries"), list)
        for d in docs
    ):
        return docs
    return None


def sniff(text: str) -> bool:
    """Tell whether a text is a Content API response or livebrief's own JSON."""
    data = _load(text)
    return data is not None and (
        _guardian_content(data) is not None or _livebrief_docs(data) is not None
    )


def _str(value: Any) -> str | None:
    return plain(value) or None if isinstance(value, str) else None


def _contributor_names(content: dict[str, Any]) -> dict[str, str]:
    tags = content.get("tags")
    out: dict[str, str] = {}
    for tag in tags if isinstance(tags, list) else []:
        if isinstance(tag, dict) and tag.get("type") == "contributor":
            ref, name = tag.get("id"), _str(tag.get("webTitle"))
            if isinstance(ref, str) and name:
                out[ref] = name
    return out


def _block_authors(block: dict[str, Any], names: dict[str, str], e: Entry) -> None:
    authors: list[str] = []
    raw = block.get("contributors")
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict):
            item = item.get("webTitle") or item.get("name") or item.get("id")
        if not isinstance(item, str):
            continue
        if item in names:
            authors.append(names[item])
        elif "/" not in item:
            authors.append(plain(item))
        else:
            e.notes.append(f"contributor {item} is not among the content's tags")
    creator = block.get("createdBy")
    if not authors and isinstance(creator, dict):
        name = " ".join(
            p for p in (_str(creator.get("firstName")), _str(creator.get("lastName"))) if p
        )
        if name:
            authors.append(name)
            e.notes.append("author from createdBy: the block names no contributor")
    e.authors = list(dict.fromkeys(a for a in authors if a))
    e.author = e.authors[0] if e.authors else None
    if len(e.authors) > 1:
        e.notes.append("several bylines: the first is the entry's author")


def _block_entry(block: dict[str, Any], names: dict[str, str]) -> Entry:
    e = Entry(position=0)
    attrs = block.get("attributes") if isinstance(block.get("attributes"), dict) else {}
    assert isinstance(attrs, dict)
    e.headline = _str(block.get("title")) or _str(attrs.get("title"))
    e.labels = [label for key, label in _ATTRIBUTE_LABELS if attrs.get(key) is True]
    _block_authors(block, names, e)
    for key in ("firstPublishedDate", "publishedDate", "createdDate"):
        stamp = parse_instant(block.get(key))
        if stamp is not None:
            e.time, e.time_raw = stamp, str(block.get(key))
            break
    modified = parse_instant(block.get("lastModifiedDate"))
    if modified is not None and e.time is not None and (modified - e.time).total_seconds() >= 60:
        e.notes.append(f"modified {block['lastModifiedDate']}")
    body_html, summary = block.get("bodyHtml"), block.get("bodyTextSummary")
    if isinstance(body_html, str) and body_html.strip():
        parts = fragment_body(body_html)
        e.paragraphs, e.captions, e.embeds = parts.blocks, parts.captions, parts.embeds
    elif isinstance(summary, str) and summary.strip():
        e.paragraphs = fragment_body(summary).blocks
        if len(e.paragraphs) == 1 and len(summary) > 400:
            e.notes.append("bodyTextSummary has no paragraph breaks: read as one paragraph")
    return e


def read_guardian(
    content: dict[str, Any], *, source: str, date: Date | None = None, tz: str | None = None
) -> ParsedPage:
    """Read the ``content`` object of a Content API single-item response.

    Raises
    ------
    NoEntriesError
        When the response carries no body blocks (it was requested without ``show-blocks``).
    """
    blocks = content.get("blocks")
    body = blocks.get("body") if isinstance(blocks, dict) else None
    if not isinstance(body, list) or not body:
        raise NoEntriesError(
            f"{source}: a Guardian Content API response without body blocks; "
            "request it with show-blocks=body (or show-blocks=all)"
        )
    fields_ = content.get("fields") if isinstance(content.get("fields"), dict) else {}
    assert isinstance(fields_, dict)
    names = _contributor_names(content)
    page = Page(source=source, rendering="guardian-content-api")
    page.title = _str(fields_.get("headline")) or _str(content.get("webTitle"))
    page.standfirst = _str(fields_.get("standfirst")) or _str(fields_.get("trailText"))
    page.authors = list(names.values())
    page.updated = _str(fields_.get("lastModified")) or _str(content.get("webPublicationDate"))
    entries: list[Entry] = []
    seen: set[str] = set()
    drafts = 0
    for block in body:
        if not isinstance(block, dict):
            continue
        if block.get("published") is False:
            drafts += 1
            continue
        ref = str(block.get("id") or len(entries))
        if ref in seen:
            continue
        seen.add(ref)
        entries.append(_block_entry(block, names))
    if drafts:
        page.notes.append(f"{drafts} unpublished blocks left out")
    timeline.finish(
        page,
        entries,
        tz=tz,
        default=GUARDIAN_ZONE,
        default_why="the Content API gives times in UTC: clocks shown in Europe/London, "
        "the Guardian's zone (give --tz for another)",
        date=date,
    )
    return ParsedPage(page, entries)


def _from_dict(cls: type[Any], raw: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in raw.items() if k in known})


def read_livebrief(doc: dict[str, Any], *, source: str) -> ParsedPage:
    """Rebuild a parsed page from livebrief's own ``{"page": ..., "entries": [...]}`` JSON."""
    raw_page = dict(doc["page"])
    roster = [
        _from_dict(RosterMember, m) for m in raw_page.pop("roster", []) if isinstance(m, dict)
    ]
    page: Page = _from_dict(Page, raw_page)
    page.roster = roster
    page.source = page.source or source
    entries: list[Entry] = []
    for pos, raw in enumerate(doc["entries"]):
        if not isinstance(raw, dict):
            continue
        item = dict(raw)
        stamp = item.pop("time", None)
        if "paragraphs" not in item and isinstance(item.get("body"), str):
            item["paragraphs"] = [p for p in item["body"].split("\n") if p]
        item.setdefault("position", pos)
        e: Entry = _from_dict(Entry, item)
        e.time = parse_instant(stamp)
        entries.append(e)
    page.notes.append(f"read back from livebrief JSON (source {page.source})")
    return ParsedPage(page, entries)


def read_json(
    text: str, *, source: str = "<json>", date: Date | None = None, tz: str | None = None
) -> ParsedPage:
    """Read a Content API response or livebrief JSON.

    Parameters
    ----------
    text
        The JSON text.
    source
        The input's name, kept in the result.
    date
        Unused by these formats (their times carry dates); accepted for the reader interface.
    tz
        IANA zone to show clocks in (Content API responses; livebrief JSON keeps its own).

    Raises
    ------
    UnsupportedInputError
        When the JSON is neither format, or holds several livebrief pages.
    """
    data = _load(text)
    content = _guardian_content(data)
    if content is not None:
        return read_guardian(content, source=source, date=date, tz=tz)
    docs = _livebrief_docs(data)
    if docs is None:
        raise UnsupportedInputError(
            f"{source}: JSON that is neither a Guardian Content API response nor livebrief JSON"
        )
    if len(docs) > 1:
        raise UnsupportedInputError(
            f"{source}: livebrief JSON with {len(docs)} pages; write one page per file "
            "(livebrief parse SOURCE --format json) to read it back"
        )
    return read_livebrief(docs[0], source=source)


register("json", sniff, read_json, priority=20)

__all__ = ["read_guardian", "read_json", "read_livebrief", "sniff"]

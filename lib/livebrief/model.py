"""The shared types of livebrief: an entry, a page, and the entries table built from them.

Every later part (exports, metrics, charts, the store) reads the entries table defined here, so
its columns and their types are declared once, in :data:`ENTRY_COLUMNS`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


NEWEST_FIRST = "newest first"
OLDEST_FIRST = "oldest first"


@dataclass
class RosterMember:
    """One name of a page's "With updates from ..." line and the place it gives for them."""

    name: str
    place: str | None = None


@dataclass
class Entry:
    """One post of a live page, as the reader found it.

    ``position`` counts from 0 in the order of the input; ``seq`` counts from 0 at the oldest
    post, so it follows time whichever way the page is sorted.
    """

    position: int
    seq: int = 0
    headline: str | None = None
    labels: list[str] = field(default_factory=list)
    author: str | None = None
    authors: list[str] = field(default_factory=list)
    role: str | None = None
    place: str | None = None
    clock: str | None = None
    time: datetime | None = None
    time_raw: str | None = None
    age: str | None = None
    date: str | None = None
    tz: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    embeds: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The entry's text: its paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        """How many words the body has (white-space separated)."""
        return sum(len(p.split()) for p in self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """Return the entry as JSON-ready values, with the derived ``body`` and ``words``."""
        out = asdict(self)
        out["time"] = self.time.isoformat() if self.time else None
        out["body"] = self.body
        out["words"] = self.words
        return {name: out[name] for name in ENTRY_COLUMNS if name in out}


@dataclass
class Page:
    """The facts of a live page as a whole: title, editors, roster, zone, order, provenance."""

    source: str = ""
    title: str | None = None
    editors: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    roster: list[RosterMember] = field(default_factory=list)
    timezone: str | None = None
    order: str = NEWEST_FIRST
    summary: list[str] = field(default_factory=list)
    standfirst: str | None = None
    updated: str | None = None
    date: str | None = None
    rendering: str = "unknown"
    reader: str = "text"
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the page facts as JSON-ready values."""
        return asdict(self)


@dataclass
class ParsedPage:
    """What a reader returns: the page facts and its entries in input order."""

    page: Page
    entries: list[Entry]

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"page": {...}, "entries": [...]}`` as JSON-ready values."""
        return {"page": self.page.to_dict(), "entries": [e.to_dict() for e in self.entries]}


# The entries table: column name -> pandas dtype. Lists are kept as Python lists ("object").
ENTRY_COLUMNS: dict[str, str] = {
    "source": "string",
    "position": "int64",
    "seq": "int64",
    "headline": "string",
    "labels": "object",
    "author": "string",
    "authors": "object",
    "role": "string",
    "place": "string",
    "clock": "string",
    "time": "string",
    "time_raw": "string",
    "age": "string",
    "date": "string",
    "tz": "string",
    "body": "string",
    "paragraphs": "object",
    "words": "int64",
    "captions": "object",
    "embeds": "object",
    "notes": "object",
}

#: Columns that hold lists; flat formats (CSV) carry them as JSON arrays.
LIST_COLUMNS: tuple[str, ...] = tuple(k for k, v in ENTRY_COLUMNS.items() if v == "object")


def entry_rows(pages: Iterable[ParsedPage]) -> list[dict[str, Any]]:
    """Flatten parsed pages into entries-table rows, each tagged with its page's source."""
    rows: list[dict[str, Any]] = []
    for parsed in pages:
        for entry in parsed.entries:
            row = entry.to_dict()
            row["source"] = parsed.page.source
            rows.append(row)
    return rows


def entries_frame(pages: ParsedPage | Sequence[ParsedPage]) -> pd.DataFrame:
    """Build the entries table (one row per entry, columns of :data:`ENTRY_COLUMNS`).

    Parameters
    ----------
    pages
        One parsed page or several; rows keep input order, page by page.

    Returns
    -------
    pandas.DataFrame
        The table with every column of :data:`ENTRY_COLUMNS` in that order and dtype. ``time``
        stays an ISO 8601 string with its offset, since pages may mix zones; use
        :func:`entry_times` for UTC timestamps.
    """
    import pandas as pd  # imported here: pandas costs ~1 s at start-up

    seq = [pages] if isinstance(pages, ParsedPage) else list(pages)
    frame = pd.DataFrame(entry_rows(seq), columns=list(ENTRY_COLUMNS))
    return frame.astype(ENTRY_COLUMNS)


def entry_times(frame: pd.DataFrame) -> pd.Series:
    """Return the ``time`` column as UTC timestamps (``NaT`` where the page gave none)."""
    import pandas as pd  # imported here: pandas costs ~1 s at start-up

    return pd.to_datetime(frame["time"], utc=True, format="ISO8601")


def lists_as_json(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy whose list columns are JSON strings, for formats without list cells."""
    out = frame.copy()
    for col in LIST_COLUMNS:
        out[col] = out[col].map(lambda v: json.dumps(list(v), ensure_ascii=False))
    return out

"""The records that go into and come out of the store: snapshots, fetch states, runs, reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, NamedTuple

from livebrief.fetch import Validators
from livebrief.model import Page, ParsedPage

if TYPE_CHECKING:
    import pandas as pd


def utcnow() -> datetime:
    """Return the current UTC time without zone (the store keeps all times as naive UTC)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class NewSnapshot:
    """One parsed source about to be stored.

    Attributes
    ----------
    page_key
        The live page it belongs to.
    source
        The file path or URL it was read from.
    content_sha256
        The SHA-256 of its bytes, as read or fetched.
    parsed
        What the reader made of it.
    page_number
        Its page number among the pages of the live page, when known.
    key_given
        Whether ``page_key`` was given by the user rather than derived.
    parse_date, parse_tz
        The ``--date`` and ``--tz`` it was read with: other options make another snapshot.
    url, raw_path, fetched_at
        For a fetched page: the URL, the raw file kept and when it was fetched (UTC).
    """

    page_key: str
    source: str
    content_sha256: str
    parsed: ParsedPage
    page_number: int | None = None
    key_given: bool = False
    parse_date: Date | None = None
    parse_tz: str | None = None
    url: str | None = None
    raw_path: str | None = None
    fetched_at: datetime | None = None


@dataclass(frozen=True)
class FetchState:
    """What the last fetch of a URL found, for the next conditional request."""

    url: str
    validators: Validators
    status: int
    content_sha256: str | None = None
    raw_path: str | None = None


@dataclass
class IngestReport:
    """What one ingest added: snapshots, entries and versions, and what it skipped."""

    snapshot_ids: list[int] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)
    new_entries: int = 0
    new_versions: int = 0
    skipped: int = 0
    not_modified: int = 0

    def summary(self) -> str:
        """Say in one line what was stored."""
        n = len(self.snapshot_ids)
        parts = [
            f"{n} new snapshot{'s' if n != 1 else ''} of {len(self.pages)} "
            f"page{'s' if len(self.pages) != 1 else ''}",
            f"{self.new_entries} new entr{'ies' if self.new_entries != 1 else 'y'}",
            f"{self.new_versions} changed",
        ]
        if self.skipped:
            parts.append(f"{self.skipped} already stored")
        if self.not_modified:
            parts.append(f"{self.not_modified} not modified since the last fetch")
        return ", ".join(parts)


@dataclass(frozen=True)
class RunRecord:
    """One recorded briefing run (see :meth:`Store.record_run`)."""

    run_id: int
    name: str
    inputs_sha256: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    snapshot_id: int | None
    details: dict[str, Any]


SnapshotKey = tuple[str, str, Date | None, str | None]


class SnapshotIndex:
    """The snapshots already stored, by content hash, to skip a source before parsing it."""

    def __init__(self, rows: Sequence[SnapshotKey] = ()) -> None:
        self._any: set[tuple[str, Date | None, str | None]] = set()
        self._keyed: set[SnapshotKey] = set()
        for sha, key, day, tz in rows:
            self.add(sha, key, day, tz)

    def add(self, sha: str, key: str, day: Date | None, tz: str | None) -> None:
        """Remember a snapshot: its bytes' hash, page key and reading options."""
        self._any.add((sha, day, tz))
        self._keyed.add((sha, key, day, tz))

    def has(self, sha: str, key: str | None, day: Date | None, tz: str | None) -> bool:
        """Say whether these bytes, read with these options (under ``key`` if given), are in."""
        if key is None:
            return (sha, day, tz) in self._any
        return (sha, key, day, tz) in self._keyed


class Coverage(NamedTuple):
    """A page's facts and all its entries newest first (what ``load_entries`` returns)."""

    page: Page
    entries: pd.DataFrame

"""The store: an embedded DuckDB file of pages, snapshots, entry versions, fetches and runs.

Every ingest of a source is a *snapshot* (source, when, SHA-256 of its bytes); each entry in it
is linked to the entry it was before (:mod:`livebrief.linking`), so the store keeps one row per
entry *version* and ``snapshot_entries`` says which snapshot saw which version where. The
tables are in :mod:`livebrief.store.schema` and ``docs/store.md``.

Safety:

- A store is opened under a lock file (``<store>.lock``, ``fcntl.flock``): exclusive to write,
  shared to read. A second writer waits (up to ``$LIVEBRIEF_LOCK_TIMEOUT`` seconds, 300 by
  default) instead of failing: DuckDB allows one writing process per file.
- Every write is one transaction: a process killed midway leaves the store as it was before.

For notebooks: :func:`load_entries` (a page's facts and coverage) and :func:`new_since`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from livebrief.errors import StoreError, UsageError
from livebrief.model import Page, RosterMember
from livebrief.store.lock import file_lock, lock_timeout
from livebrief.store.records import (
    Coverage,
    FetchState,
    IngestReport,
    NewSnapshot,
    RunRecord,
    SnapshotIndex,
    utcnow,
)
from livebrief.store.schema import SCHEMA_VERSION, first_line, migrate, one_row, schema_version
from livebrief.store.write import BatchWriter

if TYPE_CHECKING:  # pandas and the query module cost ~1 s at start-up; a re-run needs neither
    import pandas as pd

__all__ = [
    "DEFAULT_PATH",
    "BatchWriter",
    "Coverage",
    "FetchState",
    "IngestReport",
    "NewSnapshot",
    "RunRecord",
    "Store",
    "changes_since",
    "load_entries",
    "new_since",
    "open_store",
    "raw_root",
    "resolve_path",
]

log = logging.getLogger(__name__)

#: Where the store is when neither ``--store`` nor ``$LIVEBRIEF_STORE`` says otherwise.
DEFAULT_PATH = Path("data") / "livebrief.duckdb"
ENV_STORE = "LIVEBRIEF_STORE"


def resolve_path(path: str | Path | None = None) -> Path:
    """Return the store's path: ``path``, else ``$LIVEBRIEF_STORE``, else the default."""
    if path:
        return Path(path)
    env = os.environ.get(ENV_STORE)
    return Path(env) if env else DEFAULT_PATH


def raw_root(path: str | Path | None = None) -> Path:
    """Return the folder where fetched pages are kept as fetched: ``raw/`` beside the store."""
    return resolve_path(path).parent / "raw"


class Store:
    """An open store: a DuckDB connection held under the store's lock (see :func:`open_store`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, writable: bool) -> None:
        self.con = con
        self.path = path
        self.writable = writable

    # --- reading -------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[object] = ()) -> pd.DataFrame:
        """Run an SQL query on the store and return its result as a data frame."""
        try:
            return self.con.execute(sql, list(params)).df()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed: {first_line(exc)}") from exc

    def snapshot_index(self) -> SnapshotIndex:
        """Return the index of stored snapshots, to skip known sources without parsing them."""
        rows = self.con.execute(
            "SELECT content_sha256, page_key, parse_date, parse_tz FROM snapshots"
        ).fetchall()
        return SnapshotIndex(rows)

    def fetch_state(self, url: str) -> FetchState | None:
        """Return what the last fetch of ``url`` found, or None if it was never fetched."""
        from livebrief.fetch import Validators

        row = one_row(
            self.con,
            "SELECT etag, last_modified, status, content_sha256, raw_path FROM fetch_state "
            "WHERE url = ?",
            [url],
        )
        if row is None:
            return None
        return FetchState(url, Validators(row[0], row[1]), row[2], row[3], row[4])

    def require_page(self, key: str) -> None:
        """Raise :class:`UsageError`, naming some known keys, unless ``key`` is a stored page."""
        if one_row(self.con, "SELECT 1 FROM pages WHERE page_key = ?", [key]):
            return
        keys = sorted(r[0] for r in self.con.execute("SELECT page_key FROM pages").fetchall())
        known = f"known: {', '.join(keys[:5])}{', ...' if len(keys) > 5 else ''}"
        raise UsageError(
            f"no page {key!r} in the store {self.path} "
            f"({known if keys else 'the store has no pages yet'}; 'livebrief pages' lists them)"
        )

    def pages(self) -> pd.DataFrame:
        """Return one row per page: key, title, snapshots, entries, first and last post (UTC)."""
        from livebrief.store.query import pages_frame

        return pages_frame(self.con)

    def snapshots(self, key: str) -> pd.DataFrame:
        """Return the snapshots of page ``key``, oldest first."""
        self.require_page(key)
        return self.query(
            "SELECT snapshot_id, source, page_number, content_sha256, entry_count, fetched_at, "
            "ingested_at, raw_path FROM snapshots WHERE page_key = ? ORDER BY snapshot_id",
            [key],
        )

    def latest_snapshot(self, key: str | None = None) -> int | None:
        """Return the id of the latest snapshot (of page ``key``, or of any), None if none.

        With the snapshot ids of its sources, a briefing run can fingerprint its inputs and
        later ask :meth:`new_since` what came after.
        """
        if key is None:
            row = one_row(self.con, "SELECT max(snapshot_id) FROM snapshots")
        else:
            row = one_row(
                self.con, "SELECT max(snapshot_id) FROM snapshots WHERE page_key = ?", [key]
            )
        return int(row[0]) if row and row[0] is not None else None

    def page(self, key: str) -> Page:
        """Return the facts of page ``key``, from its first page's latest snapshot with a title.

        ``source`` is set to the page key; :meth:`snapshots` lists where the facts came from.
        """
        self.require_page(key)
        row = one_row(
            self.con,
            "SELECT facts FROM snapshots WHERE page_key = ? "
            "ORDER BY title IS NULL, coalesce(page_number, 1), snapshot_id DESC LIMIT 1",
            [key],
        )
        facts: dict[str, Any] = json.loads(row[0]) if row else {}
        names = set(Page.__dataclass_fields__)
        page = Page(**{k: v for k, v in facts.items() if k in names})
        page.roster = [RosterMember(**m) if isinstance(m, dict) else m for m in page.roster]
        page.source = key
        return page

    def coverage(self, key: str) -> pd.DataFrame:
        """Return every entry of page ``key`` in its latest version, newest first.

        Pages 1..N of the live page join here: ordered by time where known, otherwise by page
        number (page 1 newest) and position. The columns are those of
        :data:`~livebrief.model.ENTRY_COLUMNS` (``position`` and ``seq`` over the whole
        coverage, ``source`` where the entry was last seen), then ``entry_id``,
        ``content_sha``, ``versions``, ``first_snapshot_id``, ``last_snapshot_id``,
        ``first_seen`` (UTC) and ``page_number``.
        """
        self.require_page(key)
        from livebrief.store.query import coverage_frame

        return coverage_frame(self.con, key)

    def new_since(self, key: str, mark: int | str | datetime) -> pd.DataFrame:
        """Return the entries of ``key`` that are new or changed since a snapshot or a time.

        Parameters
        ----------
        key
            The page key.
        mark
            A snapshot id (an int, or a string of digits), or a time (ISO 8601 string or
            datetime; UTC when it has no zone): entries first seen, edited or re-timed in a
            snapshot stored after it count.

        Returns
        -------
        pandas.DataFrame
            The coverage's columns plus ``change`` (``new``, ``edited`` or ``retimed``) and
            ``fields`` (the changed fields), newest first.
        """
        self.require_page(key)
        from livebrief.store.query import new_since_frame

        return new_since_frame(self.con, key, self.snapshot_at(mark))

    def changes_since(self, key: str, mark: int) -> pd.DataFrame:
        """Return :meth:`new_since` snapshot ``mark``, then the entries removed from the page.

        ``change`` is ``new``, ``edited``, ``retimed`` or ``removed``; a removed entry is one
        on the page at ``mark`` that none of its sources' latest snapshots has now.
        """
        self.require_page(key)
        from livebrief.store.query import changes_since_frame

        return changes_since_frame(self.con, key, mark)

    def snapshot_at(self, mark: int | str | datetime) -> int:
        """Turn a snapshot id or a time into a snapshot id: the last one stored by then."""
        if isinstance(mark, int) or (isinstance(mark, str) and mark.strip().isdigit()):
            return int(mark)
        when = mark if isinstance(mark, datetime) else parse_time(mark)
        if when.tzinfo is not None:
            when = when.astimezone(timezone.utc).replace(tzinfo=None)
        row = one_row(
            self.con,
            "SELECT coalesce(max(snapshot_id), 0) FROM snapshots WHERE ingested_at <= ?",
            [when],
        )
        return int(row[0]) if row else 0

    def diff(self, key: str, old: int | None = None, new: int | None = None) -> pd.DataFrame:
        """Compare two snapshots of page ``key`` entry by entry.

        Parameters
        ----------
        key
            The page key.
        old, new
            Snapshot ids. By default ``new`` is the page's latest snapshot (of ``old``'s page
            number when ``old`` is given) and ``old`` the one before it of the same number.

        Returns
        -------
        pandas.DataFrame
            One row per entry that differs: ``change`` (``new``, ``edited``, ``retimed`` or
            ``removed``), ``entry_id``, ``fields`` (what changed), ``headline``,
            ``clock_before``/``clock_after``, ``time_before``/``time_after`` and
            ``position_before``/``position_after``. ``frame.attrs`` holds ``old`` and ``new``.

        Raises
        ------
        UsageError
            When a snapshot is not one of the page's, or there is nothing to compare with.
        """
        self.require_page(key)
        from livebrief.store.query import diff_frame

        return diff_frame(self.con, key, old, new)

    def last_run(self, name: str, *, status: str | None = "ok") -> RunRecord | None:
        """Return the latest run of briefing ``name`` with ``status`` (None: any), or None."""
        sql = "SELECT * FROM runs WHERE name = ?" + (" AND status = ?" if status else "")
        params: list[object] = [name, status] if status else [name]
        row = one_row(self.con, sql + " ORDER BY run_id DESC LIMIT 1", params)
        if row is None:
            return None
        details = json.loads(row[7]) if row[7] else {}
        return RunRecord(row[0], row[1], row[2], row[3], row[4], row[5], row[6], details)

    # --- writing -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block as one transaction: all of it is stored or, on any error, none."""
        if not self.writable:
            raise StoreError(f"{self.path}: opened for reading, cannot write")
        self.con.begin()
        try:
            yield
            self.con.commit()
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                self.con.rollback()
            raise

    @contextmanager
    def writing(self, chunk: int = 1000) -> Iterator[BatchWriter]:
        """Open one transaction and yield a writer that adds snapshots to it.

        Rows are written a chunk of snapshots at a time, so memory stays bounded however many
        sources one ingest has; they become visible all together when the block ends without
        an error, and not at all otherwise. ``writer.report`` says what was added.

        Raises
        ------
        StoreError
            When a write fails (disk full, ...); nothing of the block is stored then.
        """
        try:
            with self.transaction():
                writer = BatchWriter(self.con, IngestReport(), utcnow(), chunk)
                yield writer
                writer.finish()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot write: {_write_problem(exc)}") from exc

    def add_snapshots(
        self, batch: Sequence[NewSnapshot], fetch_states: Sequence[FetchState] = ()
    ) -> IngestReport:
        """Store parsed snapshots and fetch states, all in one transaction.

        A snapshot whose bytes are already stored for the same page and options is skipped;
        each entry is linked to the entry it was, and a version row is written only for
        content not stored before.

        Returns
        -------
        IngestReport
            The snapshot ids added and the counts of new entries, new versions and skips.

        Raises
        ------
        StoreError
            When the write fails (disk full, ...); nothing of the batch is stored then.
        """
        with self.writing() as writer:
            for snap in batch:
                writer.add(snap)
            for state in fetch_states:
                writer.add_fetch_state(state)
        return writer.report

    def record_run(
        self,
        name: str,
        inputs_sha256: str,
        *,
        status: str = "ok",
        started_at: datetime | None = None,
        finished_at: datetime | None = None,
        snapshot_id: int | None = None,
        details: dict[str, Any] | None = None,
    ) -> int:
        """Record one run of briefing ``name`` and return its id.

        ``inputs_sha256`` fingerprints what the run depended on (its sources' snapshots,
        notebook, parameters), so that an unchanged briefing can be skipped; ``snapshot_id``
        is the last snapshot it saw, the mark for "new since the last briefing".
        """
        with self.transaction():
            row = one_row(self.con, "SELECT coalesce(max(run_id), 0) + 1 FROM runs")
            run_id = int(row[0]) if row else 1
            values = [
                run_id,
                name,
                inputs_sha256,
                status,
                started_at or utcnow(),
                finished_at or utcnow(),
                snapshot_id,
                json.dumps(details or {}, ensure_ascii=False, default=str),
            ]
            self.con.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values)
        return run_id


def parse_time(text: str) -> datetime:
    """Parse an ISO 8601 date or time (for ``--since``); raise :class:`UsageError` if not one."""
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(
            f"{text!r} is neither a snapshot id nor an ISO 8601 time (e.g. 2024-06-18T09:00Z)"
        ) from None


@contextmanager
def open_store(
    path: str | Path | None = None, *, write: bool = False, timeout: float | None = None
) -> Iterator[Store]:
    """Open the store under its lock, and close it afterwards.

    Parameters
    ----------
    path
        The store file (default: :func:`resolve_path`).
    write
        Open for writing: take the exclusive lock, create the file on first use and bring its
        schema up to date. Readers share the lock and wait while a writer holds it.
    timeout
        Seconds to wait for the lock (default ``$LIVEBRIEF_LOCK_TIMEOUT``, else 300).

    Raises
    ------
    StoreError
        When the store is missing (for reading), still busy after the time-out, not a
        livebrief store, from a newer livebrief, or cannot be created.
    """
    target = resolve_path(path)
    if not write and not target.exists():
        raise StoreError(f"{target}: no store here yet; 'livebrief ingest SOURCE' creates it")
    if write:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{target.parent}: cannot create the folder: {exc.strerror}") from exc
    wait = timeout if timeout is not None else lock_timeout()
    with file_lock(target, exclusive=write, timeout=wait):
        con = _connect(target, read_only=not write)
        try:
            version = schema_version(con, target)
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{target}: written by a newer livebrief (schema {version}; this one "
                    f"knows up to {SCHEMA_VERSION}): upgrade livebrief"
                )
            if write and version < SCHEMA_VERSION:
                migrate(con, target, version)
            current = write or version == SCHEMA_VERSION
            if current:
                yield Store(con, target, write)
        finally:
            con.close()
    if not current:
        # An older schema, opened to read: bring it up to date under the write lock first.
        with open_store(target, write=True, timeout=wait) as store:
            yield store


def load_entries(key: str, store_path: str | Path | None = None) -> Coverage:
    """Return page ``key``'s facts and all its entries newest first, read from the store.

    Parameters
    ----------
    key
        The page key (``livebrief pages`` lists them).
    store_path
        The store file (default: ``$LIVEBRIEF_STORE``, else ``data/livebrief.duckdb``).

    Returns
    -------
    Coverage
        ``(page, entries)``: a :class:`~livebrief.model.Page` and the coverage frame of
        :meth:`Store.coverage` (``ENTRY_COLUMNS`` first).
    """
    with open_store(store_path) as store:
        return Coverage(store.page(key), store.coverage(key))


def new_since(
    key: str, mark: int | str | datetime, store_path: str | Path | None = None
) -> pd.DataFrame:
    """Return page ``key``'s entries new or changed since ``mark`` (see :meth:`Store.new_since`)."""
    with open_store(store_path) as store:
        return store.new_since(key, mark)


def changes_since(key: str, mark: int, store_path: str | Path | None = None) -> pd.DataFrame:
    """Return page ``key``'s changes after snapshot ``mark`` (see :meth:`Store.changes_since`)."""
    with open_store(store_path) as store:
        return store.changes_since(key, mark)


def _write_problem(exc: duckdb.Error) -> str:
    text = first_line(exc)
    hints = {
        "No space left": "the disk is full: free some space, then ingest again",
        "File too large": "the file system refuses a larger file (disk full or a size limit)",
        "Permission denied": "the store's folder is not writable",
        "Read-only file system": "the file system is read-only",
    }
    hint = next((h for k, h in hints.items() if k in text), "")
    return f"{hint} ({text}); nothing of this ingest was stored" if hint else text


def _connect(target: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(target), read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"{target}: cannot open the store: {first_line(exc)}") from exc

"""The store's write path: parsed snapshots into rows, inserted in bulk, in one transaction.

A :class:`BatchWriter` lives inside one transaction (``Store.writing``). Snapshots are added
one by one and written a chunk at a time: each chunk's rows go into DuckDB once per table from
Arrow tables (DuckDB is slow row by row), and only a chunk's rows are held in memory. Nothing
is visible to others until the transaction commits; a failure or a kill undoes all of it.
"""

from __future__ import annotations

import functools
import json
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import duckdb

from livebrief.linking import Known, Linker, content_sha
from livebrief.model import ENTRY_COLUMNS, Entry, Page
from livebrief.store.records import FetchState, IngestReport, NewSnapshot, SnapshotIndex
from livebrief.store.schema import one_row

if TYPE_CHECKING:
    import pyarrow as pa

#: Column types of the tables the writer fills, by name: built into Arrow schemas on first use
#: (:func:`arrow_schema`), because importing pyarrow costs ~0.3 s and a re-run with nothing new
#: writes nothing.
TABLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "entries": (
        ("entry_id", "string"),
        ("content_sha", "string"),
        ("page_key", "string"),
        ("version", "int32"),
        ("first_snapshot_id", "int64"),
        ("natural_id", "string"),
        ("headline_key", "string"),
        ("body_key", "string"),
        ("time_utc", "timestamp"),
        *ENTRY_COLUMNS.items(),
    ),
    "snapshots": (
        ("snapshot_id", "int64"),
        ("page_key", "string"),
        ("source", "string"),
        ("url", "string"),
        ("raw_path", "string"),
        ("page_number", "int32"),
        ("content_sha256", "string"),
        ("key_given", "bool"),
        ("parse_date", "date"),
        ("parse_tz", "string"),
        ("title", "string"),
        ("page_order", "string"),
        ("facts", "string"),
        ("entry_count", "int32"),
        ("fetched_at", "timestamp"),
        ("ingested_at", "timestamp"),
    ),
    "files": (
        ("path", "string"),
        ("size", "int64"),
        ("mtime_ns", "int64"),
        ("content_sha256", "string"),
        ("checked_at", "timestamp"),
    ),
    "snapshot_entries": (
        ("snapshot_id", "int64"),
        ("position", "int32"),
        ("seq", "int32"),
        ("entry_id", "string"),
        ("content_sha", "string"),
    ),
}


def arrow_type(kind: str) -> pa.DataType:
    """Return the Arrow type of a column kind of :data:`TABLE_COLUMNS` (object: a string list)."""
    import pyarrow as pa

    types = {
        "string": pa.string,
        "int32": pa.int32,
        "int64": pa.int64,
        "bool": pa.bool_,
        "date": pa.date32,
        "timestamp": lambda: pa.timestamp("us"),
        "object": lambda: pa.list_(pa.string()),
    }
    return types[kind]()


@functools.cache
def arrow_schema(table: str) -> pa.Schema:
    """Return the Arrow schema of one of the store's tables (a key of :data:`TABLE_COLUMNS`)."""
    import pyarrow as pa

    return pa.schema([(name, arrow_type(kind)) for name, kind in TABLE_COLUMNS[table]])


class BatchWriter:
    """Adds snapshots to an open transaction, a chunk at a time.

    Parameters
    ----------
    con
        A connection inside a transaction.
    report
        Filled with what is added and skipped.
    now
        The ingest time written on every snapshot (naive UTC).
    chunk
        Snapshots held before their rows are written.
    """

    def __init__(
        self, con: duckdb.DuckDBPyConnection, report: IngestReport, now: datetime, chunk: int = 1000
    ) -> None:
        self.con = con
        self.report = report
        self.now = now
        self.chunk = chunk
        self.index = SnapshotIndex(
            con.execute(
                "SELECT content_sha256, page_key, parse_date, parse_tz FROM snapshots"
            ).fetchall()
        )
        found = one_row(con, "SELECT coalesce(max(snapshot_id), 0) FROM snapshots")
        self.next_id = int(found[0]) + 1 if found else 1
        self.pending: list[NewSnapshot] = []
        self.touched: set[str] = set()
        self.states: dict[str, FetchState] = {}
        self.files: dict[str, tuple[int, int, str]] = {}
        self._file_index: dict[str, tuple[int, int, str]] | None = None
        self._linkers: dict[str, Linker] = {}
        self._stored: set[tuple[str, str]] = set()
        self._versions: dict[str, int] = {}

    def add(self, snap: NewSnapshot) -> bool:
        """Add one snapshot, unless these bytes are stored for the page with these options.

        Returns
        -------
        bool
            True if added, False if skipped as already stored.
        """
        if self.index.has(snap.content_sha256, snap.page_key, snap.parse_date, snap.parse_tz):
            self.report.skipped += 1
            return False
        self.index.add(snap.content_sha256, snap.page_key, snap.parse_date, snap.parse_tz)
        self.pending.append(snap)
        if len(self.pending) >= self.chunk:
            self.flush()
        return True

    def known_file(self, path: str, size: int, mtime_ns: int) -> str | None:
        """Return the SHA-256 stored for a file of this path, size and time, or None.

        Lets a re-run skip an unchanged file without reading it, as ``rsync`` and ``make``
        trust size and modification time.
        """
        if self._file_index is None:
            rows = self.con.execute(
                "SELECT path, size, mtime_ns, content_sha256 FROM file_state"
            ).fetchall()
            self._file_index = {p: (size, mtime, sha) for p, size, mtime, sha in rows}
        found = self._file_index.get(path)
        return found[2] if found and found[:2] == (size, mtime_ns) else None

    def add_file_state(self, path: str, size: int, mtime_ns: int, sha: str) -> None:
        """Remember a file's size, time and hash, written with the rest at :meth:`finish`."""
        self.files[path] = (size, mtime_ns, sha)

    def add_fetch_state(self, state: FetchState) -> None:
        """Record what a fetch found, written with the rest at :meth:`finish`."""
        self.states[state.url] = state

    def flush(self) -> None:
        """Write the rows of the snapshots added since the last flush."""
        if not self.pending:
            return
        self._load_known({s.page_key for s in self.pending} - set(self._linkers))
        snapshots: list[dict[str, Any]] = []
        sightings: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        for snap in self.pending:
            snapshot_id = self.next_id
            self.next_id += 1
            snapshots.append(self._snapshot_row(snap, snapshot_id))
            self._entry_rows(snap, snapshot_id, sightings, entries)
            self.report.snapshot_ids.append(snapshot_id)
            self.touched.add(snap.page_key)
        self.pending = []
        _insert(self.con, "snapshots", snapshots)
        _insert(self.con, "entries", entries)
        _insert(self.con, "snapshot_entries", sightings)

    def finish(self) -> None:
        """Write what is pending, then the pages' titles and the fetch states."""
        self.flush()
        _update_pages(self.con, sorted(self.touched), self.now)
        for state in self.states.values():
            _save_fetch_state(self.con, state, self.now)
        if self.files:
            import pyarrow as pa

            rows = [
                {"path": p, "size": s, "mtime_ns": m, "content_sha256": h, "checked_at": self.now}
                for p, (s, m, h) in self.files.items()
            ]
            data = pa.Table.from_pylist(rows, schema=arrow_schema("files"))
            self.con.register("_files", data)
            try:
                self.con.execute("INSERT OR REPLACE INTO file_state SELECT * FROM _files")
            finally:
                self.con.unregister("_files")
        self.report.pages.update(self.touched)

    def _load_known(self, keys: set[str]) -> None:
        for key in keys:
            self._linkers[key] = Linker(key)
        if not keys:
            return
        import pyarrow as pa

        self.con.register("_batch_keys", pa.table({"page_key": sorted(keys)}))
        try:
            rows = self.con.execute(
                "SELECT page_key, entry_id, content_sha, version, natural_id, headline_key, "
                "body_key FROM entries WHERE page_key IN (SELECT page_key FROM _batch_keys) "
                "ORDER BY first_snapshot_id, version"
            ).fetchall()
        finally:
            self.con.unregister("_batch_keys")
        for key, entry_id, sha, version, natural, headline, body in rows:
            self._linkers[key].add(Known(entry_id, natural, headline, body))
            self._stored.add((entry_id, sha))
            self._versions[entry_id] = max(self._versions.get(entry_id, 0), version)

    def _entry_rows(
        self,
        snap: NewSnapshot,
        snapshot_id: int,
        sightings: list[dict[str, Any]],
        entries: list[dict[str, Any]],
    ) -> None:
        rows = [entry_row(e, snap.source) for e in snap.parsed.entries]
        for row, known in zip(rows, self._linkers[snap.page_key].link(rows), strict=True):
            sha = content_sha(row)
            sightings.append(
                {
                    "snapshot_id": snapshot_id,
                    "position": row["position"],
                    "seq": row["seq"],
                    "entry_id": known.entry_id,
                    "content_sha": sha,
                }
            )
            if (known.entry_id, sha) in self._stored:
                continue
            self._stored.add((known.entry_id, sha))
            version = self._versions.get(known.entry_id, 0) + 1
            self._versions[known.entry_id] = version
            if version == 1:
                self.report.new_entries += 1
            else:
                self.report.new_versions += 1
            row.update(
                entry_id=known.entry_id,
                content_sha=sha,
                page_key=snap.page_key,
                version=version,
                first_snapshot_id=snapshot_id,
                natural_id=known.natural_id,
                headline_key=known.headline_key,
                body_key=known.body_key,
                time_utc=_utc(row["time"]),
            )
            entries.append(row)

    def _snapshot_row(self, snap: NewSnapshot, snapshot_id: int) -> dict[str, Any]:
        page = snap.parsed.page
        return {
            "snapshot_id": snapshot_id,
            "page_key": snap.page_key,
            "source": snap.source,
            "url": snap.url,
            "raw_path": snap.raw_path,
            "page_number": snap.page_number,
            "content_sha256": snap.content_sha256,
            "key_given": snap.key_given,
            "parse_date": snap.parse_date,
            "parse_tz": snap.parse_tz,
            "title": page.title,
            "page_order": page.order,
            "facts": page_facts_json(page),
            "entry_count": len(snap.parsed.entries),
            "fetched_at": _naive(snap.fetched_at),
            "ingested_at": self.now,
        }


def entry_row(entry: Entry, source: str) -> dict[str, Any]:
    """Return an entry as an entries-table row (what ``Entry.to_dict`` gives, made faster).

    ``dataclasses.asdict`` deep-copies every value; here lists are copied once and the rest
    read as they are, which matters at tens of thousands of entries.
    """
    row: dict[str, Any] = {}
    for name in ENTRY_COLUMNS:
        value = getattr(entry, name, None)
        row[name] = list(value) if isinstance(value, list) else value
    row["time"] = entry.time.isoformat() if entry.time else None
    row["source"] = source
    return row


def page_facts_json(page: Page) -> str:
    """Return a page's facts (``Page.to_dict()``) as JSON, without deep copies."""
    return json.dumps(vars(page), ensure_ascii=False, default=_as_dict)


def _as_dict(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return vars(value)
    return str(value)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    import pyarrow as pa

    data = pa.Table.from_pylist(rows, schema=arrow_schema(table))
    con.register("_new_rows", data)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _new_rows")
    finally:
        con.unregister("_new_rows")


def _update_pages(con: duckdb.DuckDBPyConnection, keys: list[str], now: datetime) -> None:
    # A page's title comes from its first page's latest snapshot that has one: page 2 of a
    # live page usually lacks the header.
    if not keys:
        return
    import pyarrow as pa

    con.register("_batch_keys", pa.table({"page_key": keys}))
    try:
        con.execute(
            """
            INSERT OR REPLACE INTO pages
            SELECT page_key, title, created_at, ? FROM (
                SELECT s.page_key, s.title, coalesce(p.created_at, ?) AS created_at,
                       row_number() OVER (
                           PARTITION BY s.page_key
                           ORDER BY s.title IS NULL, coalesce(s.page_number, 1),
                                    s.snapshot_id DESC) AS rank
                FROM snapshots s
                JOIN _batch_keys k ON k.page_key = s.page_key
                LEFT JOIN pages p ON p.page_key = s.page_key)
            WHERE rank = 1
            """,
            [now, now],
        )
    finally:
        con.unregister("_batch_keys")


def _save_fetch_state(con: duckdb.DuckDBPyConnection, state: FetchState, now: datetime) -> None:
    con.execute(
        """
        INSERT INTO fetch_state VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (url) DO UPDATE SET
            etag = coalesce(excluded.etag, fetch_state.etag),
            last_modified = coalesce(excluded.last_modified, fetch_state.last_modified),
            content_sha256 = coalesce(excluded.content_sha256, fetch_state.content_sha256),
            raw_path = coalesce(excluded.raw_path, fetch_state.raw_path),
            status = excluded.status,
            checked_at = excluded.checked_at,
            changed_at = CASE
                WHEN excluded.content_sha256 IS NOT NULL
                 AND excluded.content_sha256 IS DISTINCT FROM fetch_state.content_sha256
                THEN excluded.checked_at ELSE fetch_state.changed_at END
        """,
        [
            state.url,
            state.validators.etag,
            state.validators.last_modified,
            state.content_sha256,
            state.raw_path,
            state.status,
            now,
            now if state.content_sha256 else None,
        ],
    )


def _utc(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return _naive(datetime.fromisoformat(text))
    except ValueError:
        return None


def _naive(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(timezone.utc).replace(tzinfo=None)

"""The store's tables, their versions and the migrations between them.

:data:`MIGRATIONS` is append-only: a store records the versions applied in ``schema_version``
and :func:`migrate` applies the missing ones, in one transaction. A store newer than this
livebrief is refused rather than guessed at.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Any

import duckdb

from livebrief.errors import StoreError
from livebrief.store.records import utcnow

log = logging.getLogger(__name__)

# The entries table's columns as of schema 1 (the columns of model.ENTRY_COLUMNS then). A
# column added to the model later needs a migration here; a test checks they agree.
_ENTRY_COLUMNS_V1 = """
    source VARCHAR, position BIGINT, seq BIGINT, headline VARCHAR, labels VARCHAR[],
    author VARCHAR, authors VARCHAR[], role VARCHAR, place VARCHAR, clock VARCHAR,
    time VARCHAR, time_raw VARCHAR, age VARCHAR, date VARCHAR, tz VARCHAR, body VARCHAR,
    paragraphs VARCHAR[], words BIGINT, captions VARCHAR[], embeds VARCHAR[], notes VARCHAR[]"""

#: (version, what it does, SQL). Append only: a released version is never edited.
MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "pages, snapshots, entry versions, snapshot entries, runs, file and fetch state",
        f"""
CREATE TABLE pages (
    page_key VARCHAR PRIMARY KEY, title VARCHAR,
    created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL);
CREATE TABLE snapshots (
    snapshot_id BIGINT PRIMARY KEY, page_key VARCHAR NOT NULL, source VARCHAR NOT NULL,
    url VARCHAR, raw_path VARCHAR, page_number INTEGER, content_sha256 VARCHAR NOT NULL,
    key_given BOOLEAN NOT NULL, parse_date DATE, parse_tz VARCHAR,
    title VARCHAR, page_order VARCHAR, facts VARCHAR NOT NULL, entry_count INTEGER NOT NULL,
    fetched_at TIMESTAMP, ingested_at TIMESTAMP NOT NULL);
CREATE TABLE entries (
    entry_id VARCHAR NOT NULL, content_sha VARCHAR NOT NULL, page_key VARCHAR NOT NULL,
    version INTEGER NOT NULL, first_snapshot_id BIGINT NOT NULL, natural_id VARCHAR NOT NULL,
    headline_key VARCHAR, body_key VARCHAR, time_utc TIMESTAMP,{_ENTRY_COLUMNS_V1},
    PRIMARY KEY (entry_id, content_sha));
CREATE TABLE snapshot_entries (
    snapshot_id BIGINT NOT NULL, position INTEGER NOT NULL, seq INTEGER NOT NULL,
    entry_id VARCHAR NOT NULL, content_sha VARCHAR NOT NULL,
    PRIMARY KEY (snapshot_id, position));
CREATE TABLE runs (
    run_id BIGINT PRIMARY KEY, name VARCHAR NOT NULL, inputs_sha256 VARCHAR NOT NULL,
    status VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
    snapshot_id BIGINT, details VARCHAR);
CREATE TABLE file_state (
    path VARCHAR PRIMARY KEY, size BIGINT NOT NULL, mtime_ns BIGINT NOT NULL,
    content_sha256 VARCHAR NOT NULL, checked_at TIMESTAMP NOT NULL);
CREATE TABLE fetch_state (
    url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, content_sha256 VARCHAR,
    raw_path VARCHAR, status INTEGER NOT NULL, checked_at TIMESTAMP NOT NULL,
    changed_at TIMESTAMP);
""",
    ),
    (
        2,
        "Parquet datasets written by a cluster, and the sources ingested into each",
        """
CREATE TABLE datasets (
    name VARCHAR PRIMARY KEY, path VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL);
CREATE TABLE dataset_sources (
    dataset VARCHAR NOT NULL, source VARCHAR NOT NULL, size BIGINT, mtime_ns BIGINT,
    content_sha256 VARCHAR NOT NULL, page_key VARCHAR NOT NULL, page_number INTEGER,
    parse_date DATE, parse_tz VARCHAR, title VARCHAR, entry_count INTEGER NOT NULL,
    parts VARCHAR[] NOT NULL, ingested_at TIMESTAMP NOT NULL,
    PRIMARY KEY (dataset, source));
""",
    ),
]

#: The schema version this livebrief writes.
SCHEMA_VERSION = MIGRATIONS[-1][0]


def schema_version(con: duckdb.DuckDBPyConnection, target: Path) -> int:
    """Return the schema version of an open store: 0 for a new, empty file.

    Raises
    ------
    StoreError
        When the file holds tables but is not a livebrief store.
    """
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "schema_version" not in tables:
        if tables:
            raise StoreError(f"{target}: a DuckDB file, but not a livebrief store")
        return 0
    row = one_row(con, "SELECT coalesce(max(version), 0) FROM schema_version")
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection, target: Path, current: int) -> None:
    """Apply the migrations after version ``current``, all in one transaction.

    Raises
    ------
    StoreError
        When a migration fails; the store is left at ``current``.
    """
    try:
        con.begin()
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL, note VARCHAR)"
        )
        for version, note, sql in MIGRATIONS:
            if version > current:
                con.execute(sql)
                con.execute(
                    "INSERT INTO schema_version VALUES (?, ?, ?)", [version, utcnow(), note]
                )
                log.info("%s: schema %d: %s", target, version, note)
        con.commit()
    except duckdb.Error as exc:
        with contextlib.suppress(duckdb.Error):
            con.rollback()
        raise StoreError(f"{target}: cannot set up the store: {first_line(exc)}") from exc


def one_row(
    con: duckdb.DuckDBPyConnection, sql: str, params: object = None
) -> tuple[Any, ...] | None:
    """Run a query and return its first row, or None; the result is read to its end.

    DuckDB keeps a result open until it has been read to its end, and refuses other work on
    the connection meanwhile, so ``fetchone()`` alone is not enough.
    """
    rows = (
        con.execute(sql, params).fetchall() if params is not None else con.execute(sql).fetchall()
    )
    return rows[0] if rows else None


def first_line(exc: BaseException) -> str:
    """Return the first line of an exception's message (DuckDB's run to several)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__

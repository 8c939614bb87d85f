"""Parquet datasets in the store: which sources each holds, and a view to query them.

A cluster ingest (:mod:`livebrief.cluster`) writes its entries as a Parquet dataset
(:mod:`livebrief.dataset`) rather than into the store's tables: many workers cannot share one
DuckDB writer. The driver then *registers* the dataset here, in one transaction: a row in
``datasets``, one row per source in ``dataset_sources`` (its bytes' hash, page, parts, file size
and time), and a view named after the dataset that reads exactly the registered parts with
``read_parquet(..., hive_partitioning = true)``. Parts that no registered source names (left
by a failed ingest, or superseded by a changed file) stay on disk but out of the view.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime

import duckdb

from livebrief.errors import StoreError, UsageError
from livebrief.store import Store
from livebrief.store.schema import first_line, one_row

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")

#: What the store knows of a dataset's file: size, modification time, options and hash.
KnownFile = tuple[int | None, int | None, str, str, Date | None, str | None]


@dataclass(frozen=True)
class Registered:
    """What one registration did.

    Attributes
    ----------
    added
        Sources registered (new to the dataset, or a registered file whose bytes changed).
    duplicates
        Sources skipped: the same bytes as another source of this ingest or of the dataset.
    entries
        The entries of the sources registered.
    """

    added: int
    duplicates: int
    entries: int


def default_name(path: str) -> str:
    """Return a dataset's default name (and view): its folder's name as an SQL identifier."""
    base = re.sub(r"[^A-Za-z0-9_]+", "_", path.rstrip("/").rsplit("/", 1)[-1]).strip("_").lower()
    if not base:
        return "dataset"
    return base if not base[0].isdigit() else f"d_{base}"


def check_name(store: Store, name: str, path: str) -> str:
    """Return ``name`` if it can name ``path``'s dataset and view in this store.

    Raises
    ------
    UsageError
        When it is not an SQL identifier, is the name of one of the store's tables, or already
        names another dataset folder.
    """
    if not _NAME.fullmatch(name):
        raise UsageError(
            f"{name!r} cannot name a dataset: use letters, digits and '_', starting with a letter"
        )
    tables = {r[0] for r in store.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if name.lower() in {t.lower() for t in tables}:
        raise UsageError(f"{name!r} is one of the store's tables: choose another dataset name")
    row = one_row(store.con, "SELECT path FROM datasets WHERE name = ?", [name])
    if row is not None and row[0] != path:
        raise UsageError(
            f"the dataset {name!r} of {store.path} is {row[0]}, not {path}: choose another name"
        )
    return name


def known_files(store: Store, name: str) -> dict[str, KnownFile]:
    """Return the registered sources of dataset ``name``: path -> size, time, hash, options."""
    rows = store.con.execute(
        "SELECT source, size, mtime_ns, content_sha256, page_key, parse_date, parse_tz "
        "FROM dataset_sources WHERE dataset = ?",
        [name],
    ).fetchall()
    return {r[0]: (r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows}


def register(
    store: Store,
    name: str,
    path: str,
    record_files: Sequence[str],
    *,
    parse_date: Date | None,
    parse_tz: str | None,
    now: datetime,
) -> Registered:
    """Register a dataset's new sources and (re)create its view, in one transaction.

    Parameters
    ----------
    store
        A store opened for writing.
    name, path
        The dataset's name (its view's too) and folder or URL.
    record_files
        Parquet files of the sources read (:class:`livebrief.dataset.SourceRecord` columns).
        Of sources with the same bytes, page and options only the first in ingest order is
        registered, and none whose bytes the dataset already holds under another name.
    parse_date, parse_tz
        The reading options of the ingest.
    now
        The registration time (naive UTC).

    Raises
    ------
    StoreError
        When the write fails; nothing of it is stored then.
    """
    try:
        return _register(store, name, path, record_files, parse_date, parse_tz, now)
    except duckdb.Error as exc:
        raise StoreError(
            f"{store.path}: cannot register the dataset {name!r}: {first_line(exc)}"
        ) from exc


def _register(
    store: Store,
    name: str,
    path: str,
    record_files: Sequence[str],
    parse_date: Date | None,
    parse_tz: str | None,
    now: datetime,
) -> Registered:
    with store.transaction():
        con = store.con
        con.execute(
            "INSERT INTO datasets VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at",
            [name, path, now, now],
        )
        added = duplicates = entries = 0
        if record_files:
            files = list(record_files)
            con.execute(_CANDIDATES, [files, name, parse_date, parse_tz])
            con.execute(_INSERT, [name, parse_date, parse_tz, now])
            cand = one_row(con, "SELECT count(*), coalesce(sum(entry_count), 0) FROM _cand")
            read = one_row(con, "SELECT count(*) FROM read_parquet(?)", [files])
            con.execute("DROP TABLE _cand")
            added, entries = (int(cand[0]), int(cand[1])) if cand else (0, 0)
            duplicates = int(read[0]) - added if read else 0
        # Binding the view lists the parts (a glob): done only when there is something new.
        has_view = one_row(con, "SELECT 1 FROM duckdb_views() WHERE view_name = ?", [name])
        if (added or not has_view) and one_row(
            con, "SELECT 1 FROM dataset_sources WHERE dataset = ? LIMIT 1", [name]
        ):
            con.execute(view_sql(name, path))
    return Registered(added, duplicates, entries)


# The sources of this ingest, but for copies: of equal bytes, key and options the first in
# order, and none the dataset already holds under another path.
_CANDIDATES = """
CREATE TEMP TABLE _cand AS
SELECT * FROM read_parquet(?) AS r
WHERE NOT EXISTS (
    SELECT 1 FROM dataset_sources d
    WHERE d.dataset = ? AND d.content_sha256 = r.content_sha256 AND d.page_key = r.page_key
      AND d.source <> r.source AND d.parse_date IS NOT DISTINCT FROM ?
      AND d.parse_tz IS NOT DISTINCT FROM ?)
QUALIFY row_number() OVER (PARTITION BY content_sha256, page_key ORDER BY idx) = 1
"""

_INSERT = """
INSERT OR REPLACE INTO dataset_sources
SELECT $1, source, size, mtime_ns, content_sha256, page_key, page_number, $2, $3, title,
       entry_count, parts, $4
FROM _cand
"""


def parts_glob(path: str) -> str:
    """Return the glob of a dataset's parts: ``PATH/page=*/day=*/part-*.parquet``."""
    return path.rstrip("/") + "/page=*/day=*/part-*.parquet"


def read_sql(path: str) -> str:
    """Return the ``read_parquet(...)`` call that reads every part of a dataset.

    The page key and the day come from the parts' paths (hive partitioning), as text: a page
    key of digits stays a key, ``unknown`` a day. ``filename`` names each row's part.
    """
    glob = parts_glob(path).replace("'", "''")
    return (
        f"read_parquet('{glob}', hive_partitioning = true, filename = true, "
        "hive_types = {'page': VARCHAR, 'day': VARCHAR})"
    )


def view_sql(name: str, path: str) -> str:
    """Return the SQL creating dataset ``name``'s view: its registered parts' entries."""
    quoted = name.replace("'", "''")
    return f"""
CREATE OR REPLACE VIEW "{name}" AS
SELECT d.page AS page_key, d.day, d.* EXCLUDE (page, day, filename)
FROM {read_sql(path)} AS d
WHERE d.filename IN (
    SELECT unnest(parts) FROM dataset_sources WHERE dataset = '{quoted}')
"""


def dataset_path(store: Store, name: str) -> str:
    """Return the folder or URL of the registered dataset ``name``.

    Raises
    ------
    UsageError
        When the store has no such dataset.
    """
    row = one_row(store.con, "SELECT path FROM datasets WHERE name = ?", [name])
    if row is None:
        names = [r[0] for r in store.con.execute("SELECT name FROM datasets").fetchall()]
        known = f"known: {', '.join(sorted(names))}" if names else "the store has none"
        raise UsageError(f"no dataset {name!r} in the store {store.path} ({known})")
    return str(row[0])


def registered_parts(store: Store, name: str) -> list[str]:
    """Return the parts of dataset ``name`` that its registered sources name."""
    dataset_path(store, name)
    rows = store.con.execute(
        "SELECT DISTINCT unnest(parts) FROM dataset_sources WHERE dataset = ? ORDER BY 1", [name]
    ).fetchall()
    return [str(r[0]) for r in rows]


__all__ = [
    "KnownFile",
    "Registered",
    "check_name",
    "dataset_path",
    "default_name",
    "known_files",
    "parts_glob",
    "read_sql",
    "register",
    "registered_parts",
    "view_sql",
]

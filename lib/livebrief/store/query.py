"""The store's read side: pages listing, a page's coverage, what is new, snapshot diffs.

Each function takes an open DuckDB connection and returns a data frame; ``Store`` wraps them.
"""

from __future__ import annotations

from typing import Any

import duckdb
import numpy as np
import pandas as pd

from livebrief.errors import UsageError
from livebrief.linking import change_kind, changed_fields, order_coverage
from livebrief.model import ENTRY_COLUMNS, LIST_COLUMNS, OLDEST_FIRST

#: The columns a coverage frame has after those of ``ENTRY_COLUMNS``.
COVERAGE_EXTRAS: tuple[str, ...] = (
    "entry_id",
    "content_sha",
    "versions",
    "first_snapshot_id",
    "last_snapshot_id",
    "first_seen",
    "page_number",
)

_COVERAGE_SQL = """
WITH seen AS (
    SELECT se.entry_id, se.content_sha, se.seq AS snapshot_seq, s.snapshot_id,
           s.page_number, s.page_order, s.source AS seen_source,
           row_number() OVER (PARTITION BY se.entry_id ORDER BY s.snapshot_id DESC) AS latest,
           min(s.snapshot_id) OVER (PARTITION BY se.entry_id) AS first_snapshot_id,
           min(s.ingested_at) OVER (PARTITION BY se.entry_id) AS first_seen
    FROM snapshot_entries se JOIN snapshots s ON s.snapshot_id = se.snapshot_id
    WHERE s.page_key = $key
), versions AS (
    SELECT entry_id, count(*) AS versions FROM entries WHERE page_key = $key GROUP BY entry_id
)
SELECT e.* EXCLUDE (source, position, seq), seen.seen_source AS source,
       seen.snapshot_id AS last_snapshot_id, seen.snapshot_id, seen.page_number,
       seen.snapshot_seq, seen.page_order, seen.first_snapshot_id, seen.first_seen,
       versions.versions
FROM seen
JOIN entries e ON e.entry_id = seen.entry_id AND e.content_sha = seen.content_sha
JOIN versions ON versions.entry_id = seen.entry_id
WHERE seen.latest = 1
ORDER BY seen.snapshot_id, seen.snapshot_seq
"""


def pages_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return one row per page: key, title, snapshots, entries, first/last post, last ingest."""
    return con.execute(
        """
        WITH s AS (SELECT page_key, count(*) AS snapshots, max(ingested_at) AS last_ingest
                   FROM snapshots GROUP BY page_key),
             e AS (SELECT page_key, count(DISTINCT entry_id) AS entries,
                          min(time_utc) AS first_post, max(time_utc) AS last_post
                   FROM entries GROUP BY page_key)
        SELECT p.page_key AS key, p.title, coalesce(s.snapshots, 0) AS snapshots,
               coalesce(e.entries, 0) AS entries, e.first_post, e.last_post, s.last_ingest
        FROM pages p LEFT JOIN s ON s.page_key = p.page_key LEFT JOIN e ON e.page_key = p.page_key
        ORDER BY p.page_key
        """
    ).df()


def coverage_frame(con: duckdb.DuckDBPyConnection, key: str) -> pd.DataFrame:
    """Return every entry of page ``key`` in its latest version, newest first.

    Columns: :data:`~livebrief.model.ENTRY_COLUMNS`, then :data:`COVERAGE_EXTRAS`.
    """
    raw = con.execute(_COVERAGE_SQL, {"key": key}).df()
    raw["oldest_first"] = raw["page_order"] == OLDEST_FIRST
    ordered = order_coverage(raw)
    return _typed(ordered, [*ENTRY_COLUMNS, *COVERAGE_EXTRAS])


def new_since_frame(con: duckdb.DuckDBPyConnection, key: str, mark: int) -> pd.DataFrame:
    """Return the coverage rows new or changed after snapshot ``mark``.

    Two columns are added: ``change`` (``new``, ``edited``, ``retimed``) and ``fields``.
    """
    cover = coverage_frame(con, key)
    before = dict(
        con.execute(
            """
            SELECT entry_id, content_sha FROM (
                SELECT se.entry_id, se.content_sha,
                       row_number() OVER (PARTITION BY se.entry_id
                                          ORDER BY se.snapshot_id DESC) AS latest
                FROM snapshot_entries se JOIN snapshots s ON s.snapshot_id = se.snapshot_id
                WHERE s.page_key = ? AND s.snapshot_id <= ?)
            WHERE latest = 1
            """,
            [key, mark],
        ).fetchall()
    )
    old_rows = _versions(con, [(e, s) for e, s in before.items()])
    changes: list[Any] = []
    fields: list[Any] = []
    for row in _records(cover):
        prior = before.get(row["entry_id"])
        if prior is None:
            changes.append("new")
            fields.append([])
        elif prior != row["content_sha"]:
            changed = changed_fields(old_rows[(row["entry_id"], prior)], row)
            changes.append(change_kind(changed) if changed else None)
            fields.append(changed)
        else:
            changes.append(None)
            fields.append([])
    out = cover.assign(change=pd.Series(changes, index=cover.index, dtype=object))
    out["fields"] = pd.Series(fields, index=cover.index, dtype=object)
    return out[out["change"].notna()].reset_index(drop=True)


_ON_PAGE_SQL = """
SELECT se.entry_id, se.content_sha FROM snapshot_entries se JOIN (
    SELECT snapshot_id,
           row_number() OVER (PARTITION BY source ORDER BY snapshot_id DESC) AS latest
    FROM snapshots WHERE page_key = ? AND snapshot_id <= ?) s
ON s.snapshot_id = se.snapshot_id
WHERE s.latest = 1
"""


def changes_since_frame(con: duckdb.DuckDBPyConnection, key: str, mark: int) -> pd.DataFrame:
    """Return what changed on page ``key`` after snapshot ``mark``: new, edited, removed.

    The rows of :func:`new_since_frame` (``new``, ``edited``, ``retimed``), then ``removed``
    rows: entries on the page at ``mark`` (in the latest snapshot of one of its sources up to
    then) that none of its sources' latest snapshots has now, in their version at ``mark``.
    """
    changed = new_since_frame(con, key, mark)
    then = dict(con.execute(_ON_PAGE_SQL, [key, mark]).fetchall())
    now = {e for e, _sha in con.execute(_ON_PAGE_SQL, [key, 2**62]).fetchall()}
    gone = sorted((e, sha) for e, sha in then.items() if e not in now)
    if not gone:
        return changed
    rows = _versions(con, gone)
    removed = _typed(pd.DataFrame([rows[p] for p in gone]), list(changed.columns[:-2]))
    removed["change"] = "removed"
    removed["fields"] = pd.Series([[] for _ in gone], index=removed.index, dtype=object)
    return pd.concat([changed, removed], ignore_index=True)


def diff_frame(
    con: duckdb.DuckDBPyConnection, key: str, old: int | None, new: int | None
) -> pd.DataFrame:
    """Compare snapshots ``old`` and ``new`` of page ``key`` (defaults: see ``Store.diff``)."""
    old, new = _diff_pair(con, key, old, new)
    seen = {sid: _sightings(con, sid) for sid in (old, new)}
    pairs = {(e, sha) for sid in (old, new) for e, (sha, _pos) in seen[sid].items()}
    rows = _versions(con, sorted(pairs))
    out: list[dict[str, Any]] = []
    for entry_id, (sha, pos) in seen[new].items():
        before = seen[old].get(entry_id)
        after_row = rows[(entry_id, sha)]
        if before is None:
            out.append(_diff_row("new", entry_id, [], None, after_row, None, pos))
        elif before[0] != sha:
            before_row = rows[(entry_id, before[0])]
            changed = changed_fields(before_row, after_row)
            kind = change_kind(changed) if changed else "edited"
            out.append(_diff_row(kind, entry_id, changed, before_row, after_row, before[1], pos))
    for entry_id, (sha, pos) in seen[old].items():
        if entry_id not in seen[new]:
            out.append(_diff_row("removed", entry_id, [], rows[(entry_id, sha)], None, pos, None))
    order = {"new": 0, "edited": 1, "retimed": 2, "removed": 3}
    columns = [
        "change",
        "entry_id",
        "fields",
        "headline",
        "clock_before",
        "clock_after",
        "time_before",
        "time_after",
        "position_before",
        "position_after",
    ]
    frame = pd.DataFrame(out, columns=columns)
    if not frame.empty:
        rank = frame["change"].map(order)
        where = frame["position_after"].fillna(frame["position_before"])
        frame = frame.assign(_r=rank, _p=where).sort_values(["_r", "_p"], kind="stable")
        frame = frame.drop(columns=["_r", "_p"]).reset_index(drop=True)
    for col in ("position_before", "position_after"):
        frame[col] = frame[col].astype("Int64")
    frame.attrs.update(old=old, new=new)
    return frame


def _diff_pair(
    con: duckdb.DuckDBPyConnection, key: str, old: int | None, new: int | None
) -> tuple[int, int]:
    snaps = con.execute(
        "SELECT snapshot_id, page_number FROM snapshots WHERE page_key = ? ORDER BY snapshot_id",
        [key],
    ).fetchall()
    number = dict(snaps)
    for given in (old, new):
        if given is not None and given not in number:
            raise UsageError(
                f"snapshot {given} is not a snapshot of page {key!r} "
                f"(its snapshots: {', '.join(str(s) for s, _ in snaps)})"
            )
    if new is None:
        same = [s for s, n in snaps if old is None or n == number[old]]
        new = same[-1]
    if old is None:
        earlier = [s for s, n in snaps if s < new and n == number[new]]
        if not earlier:
            raise UsageError(
                f"page {key!r} has no snapshot before {new} of the same page number to compare "
                "with; give --from SNAPSHOT"
            )
        old = earlier[-1]
    return old, new


def _sightings(con: duckdb.DuckDBPyConnection, snapshot_id: int) -> dict[str, tuple[str, int]]:
    rows = con.execute(
        "SELECT entry_id, content_sha, position FROM snapshot_entries WHERE snapshot_id = ?",
        [snapshot_id],
    ).fetchall()
    return {entry_id: (sha, int(pos)) for entry_id, sha, pos in rows}


def _versions(
    con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, Any]]:
    if not pairs:
        return {}
    wanted = pd.DataFrame(pairs, columns=["entry_id", "content_sha"])
    con.register("_wanted", wanted)
    try:
        frame = con.execute(
            "SELECT e.* FROM entries e JOIN _wanted w "
            "ON e.entry_id = w.entry_id AND e.content_sha = w.content_sha"
        ).df()
    finally:
        con.unregister("_wanted")
    frame = _lists(frame)
    return {(r["entry_id"], r["content_sha"]): r for r in _records(frame)}


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]


def _diff_row(
    change: str,
    entry_id: str,
    fields: list[str],
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    pos_before: int | None,
    pos_after: int | None,
) -> dict[str, Any]:
    shown = after or before or {}
    return {
        "change": change,
        "entry_id": entry_id,
        "fields": fields,
        "headline": _value(shown.get("headline")),
        "clock_before": _value((before or {}).get("clock")),
        "clock_after": _value((after or {}).get("clock")),
        "time_before": _value((before or {}).get("time")),
        "time_after": _value((after or {}).get("time")),
        "position_before": pos_before,
        "position_after": pos_after,
    }


def _value(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else value


def _lists(frame: pd.DataFrame) -> pd.DataFrame:
    for col in LIST_COLUMNS:
        if col in frame.columns:
            frame[col] = [
                [] if v is None or (isinstance(v, float) and np.isnan(v)) else list(v)
                for v in frame[col]
            ]
    return frame


def _typed(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    frame = _lists(frame.copy())
    out = frame.reindex(columns=columns)
    return out.astype({k: v for k, v in ENTRY_COLUMNS.items() if k in out.columns})

"""What the corpus notebook calls: cadence and correspondent share across many live pages.

:func:`open_corpus` opens a Parquet dataset (``livebrief ingest ... --dataset PATH``) in an
in-memory DuckDB: the view ``entries`` over its parts, one row per entry with ``page_key``,
``day``, ``outlet`` and ``month`` added, and the table ``corpus``, the columns the summaries
need (no texts), read from the parts once: a dataset of 10,000 pages is 10,000 files, and
opening them all costs seconds each time. The other functions aggregate ``corpus`` *in
DuckDB* and return small data frames (one row per outlet, page or month); DuckDB spills to a
temporary folder what does not fit in memory. With the store the dataset is registered in,
only its registered sources are read (not parts left by a failed ingest, nor the older bytes
of a changed file).

An entry's **outlet** is the host of its source URL (``www.`` removed); for a file, the
leading word of the file's name (``bbc_66757311_p3.txt`` is ``bbc``); else the first word of
the page key. Its **month** is that of its time in UTC; entries without a time have none.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb
import pandas as pd
import pyarrow as pa

from livebrief.errors import InputError, UsageError
from livebrief.store.datasets import default_name, read_sql
from livebrief.store.schema import first_line

log = logging.getLogger(__name__)

Grouping = Literal["outlet", "page", "month"]

#: SQL: an entry's outlet from its ``source`` and ``page`` (see the module's docstring).
OUTLET_SQL = r"""
CASE
    WHEN regexp_matches(d.source, '^[A-Za-z][A-Za-z0-9+.-]*://')
        THEN regexp_replace(
            lower(regexp_extract(d.source, '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)', 1)),
            '^www\.', '')
    ELSE coalesce(
        nullif(lower(regexp_extract(
            regexp_extract(d.source, '([^/\\]+)$', 1), '^([A-Za-z][A-Za-z0-9]*)', 1)), ''),
        split_part(d.page, '-', 1))
END"""

#: The columns of the ``corpus`` table (the view ``entries`` has every column).
COLUMNS: tuple[str, ...] = (
    "page_key", "day", "outlet", "month", "source", "content_sha256", "page_number", "title",
    "position", "headline", "labels", "author", "authors", "role", "place", "time_utc", "words",
)  # fmt: skip

_GROUP_SQL = {"outlet": "outlet", "page": "page_key", "month": "coalesce(month, '(no time)')"}


@dataclass
class Corpus:
    """An open corpus: an in-memory DuckDB with the view ``entries`` and the table ``corpus``.

    Attributes
    ----------
    con
        The connection: ``corpus`` has :data:`COLUMNS`; ``entries`` every column (texts
        too), read from the parts at each query.
    dataset
        The dataset read (a folder or URL).
    store, name
        The store and dataset name it was registered under, if read through a store.
    parts
        The number of parts read (None: every part of the folder).
    """

    con: duckdb.DuckDBPyConnection
    dataset: str
    store: str | None = None
    name: str | None = None
    parts: int | None = None
    _workdir: Any = field(default=None, repr=False)

    def df(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run ``sql`` on the connection and return a data frame."""
        return self.con.execute(sql, params or []).df()


def open_corpus(dataset: str = "", *, store: str = "", name: str = "", sources: str = "") -> Corpus:
    """Open a dataset as the view ``corpus`` of an in-memory DuckDB.

    Parameters
    ----------
    dataset
        The dataset's folder or URL. Empty: the dataset ``name`` registered in ``store``; with
        neither, one built from ``sources`` in a temporary folder.
    store
        A store the dataset is registered in: only its registered parts are read.
    name
        The dataset's name in ``store`` (default: from the folder's name).
    sources
        Comma-separated files and folders to build a dataset from when none is given
        (relative paths are also looked up in the folders above, as the briefing does).

    Raises
    ------
    UsageError
        When nothing says what to read, or the store has no such dataset.
    InputError
        When the dataset holds no part.
    """
    workdir = None
    if not dataset and not store:
        workdir, dataset, store = _build(sources)
    parts: list[str] | None = None
    if store:
        from livebrief.store import open_store
        from livebrief.store.datasets import dataset_path, registered_parts

        with open_store(store) as s:
            name = name or (default_name(dataset) if dataset else "")
            if not name:
                raise UsageError("give dataset (a folder) or name (a dataset of the store)")
            dataset = dataset_path(s, name)
            parts = registered_parts(s, name)
    con = duckdb.connect()
    with contextlib.suppress(duckdb.Error):  # in Jupyter, without ipywidgets, it has none
        con.execute("SET enable_progress_bar = false")
    con.execute(f"SET temp_directory = '{_spill_folder()}'")
    where = ""
    if parts is not None:
        con.register("_parts", pa.table({"part": pa.array(parts, pa.string())}))
        where = "WHERE d.filename IN (SELECT part FROM _parts)"
    try:
        con.execute(
            f"""CREATE VIEW entries AS
            SELECT d.page AS page_key, d.day, d.* EXCLUDE (page, day, filename),
                   {OUTLET_SQL} AS outlet, strftime(d.time_utc, '%Y-%m') AS month
            FROM {read_sql(dataset)} AS d {where}"""
        )
        con.execute(f"CREATE TABLE corpus AS SELECT {', '.join(COLUMNS)} FROM entries")
    except duckdb.IOException as exc:
        raise InputError(f"{dataset}: no Parquet part to read ({first_line(exc)})") from None
    log.info("%s: opened (%s parts)", dataset, "all" if parts is None else len(parts))
    return Corpus(
        con, dataset, store or None, name or None, None if parts is None else len(parts), workdir
    )


def _spill_folder() -> str:
    # DuckDB's default for an in-memory database is ".tmp" in the working folder.
    return str(Path(tempfile.gettempdir()) / "livebrief-duckdb").replace("'", "''")


def _build(sources: str) -> tuple[Any, str, str]:
    from livebrief.briefing import find_source
    from livebrief.cluster import ingest_dataset

    names = [s.strip() for s in sources.split(",") if s.strip()]
    if not names:
        raise UsageError("give dataset (a Parquet dataset folder), or sources to build one from")
    found = [str(find_source(n)) for n in names]
    workdir = tempfile.TemporaryDirectory(prefix="lb-corpus-")
    dataset = str(Path(workdir.name) / "corpus")
    store = str(Path(workdir.name) / "livebrief.duckdb")
    ingest_dataset(found, dataset, store)
    return workdir, dataset, store


def describe(c: Corpus) -> pd.DataFrame:
    """Return what the corpus holds: outlets, pages, sources, entries, times, correspondents."""
    row = c.df(
        """SELECT count(DISTINCT outlet) AS outlets, count(DISTINCT page_key) AS pages,
                  count(DISTINCT content_sha256) AS sources, count(*) AS entries,
                  count(time_utc) AS "entries with a time",
                  count(DISTINCT author) AS correspondents,
                  min(time_utc) AS "first post (UTC)", max(time_utc) AS "last post (UTC)"
           FROM corpus"""
    ).iloc[0]
    facts: dict[str, Any] = {"dataset": c.dataset}
    if c.store:
        facts["read through the store"] = f"{c.store} (dataset {c.name!r}, {c.parts} parts)"
    facts.update({str(k): ("-" if pd.isna(v) else v) for k, v in row.items()})
    return pd.DataFrame({"value": [str(v) for v in facts.values()]}, index=list(facts))


def cadence(c: Corpus, by: Grouping = "outlet", limit: int | None = None) -> pd.DataFrame:
    """Return the cadence of posting per outlet, page or month, busiest first.

    Columns: ``pages``, ``posts``, ``timed`` (posts with a time), ``first`` and ``last``
    post (UTC), ``median_gap_min`` (minutes between consecutive timed posts of a page, pooled
    over the group) and ``posts_per_hour`` (timed posts over the hours each page ran, summed
    over the group's pages with at least two timed posts). For ``by="page"`` the page's
    ``title`` and ``outlet`` come first; for ``by="month"`` rows are in month order.
    """
    group = _group(by)
    extra = "any_value(title) AS title, any_value(outlet) AS outlet, " if by == "page" else ""
    order = "grp" if by == "month" else "posts DESC, grp"
    frame = c.df(
        f"""
        WITH e AS (
            SELECT {group} AS grp, page_key, outlet, title, time_utc,
                   epoch(time_utc - lag(time_utc) OVER (
                       PARTITION BY page_key ORDER BY time_utc)) / 60 AS gap
            FROM corpus),
        spans AS (
            SELECT grp, page_key, count(time_utc) AS n,
                   epoch(max(time_utc) - min(time_utc)) / 3600 AS hours
            FROM e GROUP BY grp, page_key),
        rate AS (
            SELECT grp, sum(n) FILTER (WHERE n >= 2 AND hours > 0)
                        / nullif(sum(hours) FILTER (WHERE n >= 2 AND hours > 0), 0) AS per_hour
            FROM spans GROUP BY grp)
        SELECT e.grp, {extra}count(DISTINCT e.page_key) AS pages, count(*) AS posts,
               count(e.time_utc) AS timed, min(e.time_utc) AS first, max(e.time_utc) AS last,
               round(median(e.gap), 1) AS median_gap_min,
               round(any_value(rate.per_hour), 2) AS posts_per_hour
        FROM e JOIN rate USING (grp)
        GROUP BY e.grp ORDER BY {order.replace("grp", "e.grp")}
        {f"LIMIT {int(limit)}" if limit else ""}
        """
    )
    return frame.rename(columns={"grp": by}).set_index(by)


def monthly(c: Corpus, by: Literal["outlet", "page"] = "outlet") -> pd.DataFrame:
    """Return posts per month (columns, ``YYYY-MM`` in UTC) per outlet or page (rows).

    Posts without a time have no month and are left out; a corpus without times gives an
    empty frame.
    """
    group = _group(by)
    long = c.df(
        f"SELECT {group} AS grp, month, count(*) AS posts FROM corpus "
        "WHERE month IS NOT NULL GROUP BY ALL"
    )
    if long.empty:
        return pd.DataFrame(index=pd.Index([], name=by))
    wide = long.pivot_table(index="grp", columns="month", values="posts", fill_value=0)
    wide = wide.astype("int64").rename_axis(index=by, columns="month")
    return wide.loc[wide.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def correspondents(c: Corpus, by: Grouping = "outlet", top: int = 5) -> pd.DataFrame:
    """Return each group's ``top`` correspondents by posts, with their share of the group.

    Columns: ``author`` (``(no byline)`` for unbylined posts), ``posts``, ``post_share``
    (% of the group's posts), ``words``, ``word_share`` (% of its words) and ``pages``
    (how many of the group's pages they wrote on). Groups come busiest first.
    """
    if top < 1:
        raise UsageError(f"top={top}: give at least 1")
    group = _group(by)
    frame = c.df(
        f"""
        WITH a AS (
            SELECT {group} AS grp, coalesce(author, '(no byline)') AS author,
                   count(*) AS posts, sum(words)::BIGINT AS words, count(DISTINCT page_key) AS pages
            FROM corpus GROUP BY ALL),
        t AS (SELECT grp, sum(posts) AS total, sum(words) AS total_words FROM a GROUP BY grp)
        SELECT a.grp, a.author, a.posts,
               round(100.0 * a.posts / t.total, 1) AS post_share, a.words,
               round(100.0 * a.words / nullif(t.total_words, 0), 1) AS word_share, a.pages
        FROM a JOIN t USING (grp)
        QUALIFY row_number() OVER (PARTITION BY a.grp ORDER BY a.posts DESC, a.author) <= ?
        ORDER BY t.total DESC, a.grp, a.posts DESC, a.author
        """,
        [top],
    )
    return frame.rename(columns={"grp": by}).set_index([by, "author"])


def _group(by: str) -> str:
    if by not in _GROUP_SQL:
        raise UsageError(f"by={by!r}: choose from {', '.join(_GROUP_SQL)}")
    return _GROUP_SQL[by]

"""The Parquet dataset that cluster workers write: one part per source and day, named by content.

Layout, under the dataset folder (a local path, or an ``s3://``-like URL through fsspec)::

    page=<page key>/day=<YYYY-MM-DD or unknown>/part-<hash>.parquet

One *part* holds the entries of one source (a file or a fetched page) posted on one day, the
day as the page printed it (``unknown`` for entries without a time). Its name is a hash of the
source's bytes, its page key and the reading options (:func:`part_name`), never of where or
when it was written: a task that runs twice (a worker died, a retry, a second ingest of the
same bytes) writes the same names, and a part that exists is left alone, so nothing is ever
duplicated. A part is written under a temporary name and linked into place, so a reader sees it
whole or not at all.

:func:`ingest_batch` is the task a worker runs: read (or fetch), parse and write a batch of
sources, returning one small :class:`SourceRecord` each; the entries never travel back.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timezone
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from livebrief import fetch
from livebrief.errors import InputError, LivebriefError, OutputError
from livebrief.ingest import IngestOptions, file_page_key, file_page_number
from livebrief.model import ENTRY_COLUMNS, Entry, ParsedPage
from livebrief.parse import read_bytes
from livebrief.remote import filesystem, is_remote, local_path
from livebrief.store.write import arrow_schema, entry_row

log = logging.getLogger(__name__)

#: The version of the rows' columns; part names change with it, so old parts are never mixed
#: into new ones under the same name. Readers take the columns of the first part they find
#: (reading every part's schema costs seconds at 10,000 parts), so a new layout is written to
#: a new dataset folder.
LAYOUT = 1

#: The day of entries without a time.
UNKNOWN_DAY = "unknown"

#: The columns of a part (the page key and the day are in its path).
PART_SCHEMA = pa.schema(
    [
        ("content_sha256", pa.string()),
        ("page_number", pa.int32()),
        ("title", pa.string()),
        *(arrow_schema("entries").field(name) for name in ENTRY_COLUMNS),
        ("time_utc", pa.timestamp("us")),
    ]
)

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class SourceItem:
    """One source to read on a worker, with its place in the ingest's order.

    ``size`` and ``mtime_ns`` are what the driver saw (None for a URL): recorded, so that the
    next ingest can skip the file unread when they have not changed.
    """

    index: int
    name: str
    is_url: bool = False
    size: int | None = None
    mtime_ns: int | None = None


@dataclass
class SourceRecord:
    """What a worker did with one source; small, so that the driver can hold many.

    Attributes
    ----------
    index, source, size, mtime_ns
        The :class:`SourceItem` read.
    content_sha256
        The SHA-256 of its bytes as read or fetched.
    page_key, page_number, title
        Its live page, its page number there, the page's title.
    entry_count
        The entries found.
    parts
        The parts holding them, as paths (or URLs) under the dataset.
    written
        How many of those parts this task wrote (the others existed already).
    seconds
        Time spent reading, parsing and writing this source.
    error
        The error met instead, if any (the driver raises it).
    """

    index: int
    source: str
    size: int | None = None
    mtime_ns: int | None = None
    content_sha256: str = ""
    page_key: str = ""
    page_number: int | None = None
    title: str | None = None
    entry_count: int = 0
    parts: list[str] = field(default_factory=list)
    written: int = 0
    seconds: float = 0.0
    error: LivebriefError | None = None


def part_name(content_sha256: str, page_key: str, options: IngestOptions) -> str:
    """Return the file name of a source's parts: a hash of its bytes, key and reading options."""
    date = options.date.isoformat() if options.date else ""
    text = "\0".join([str(LAYOUT), content_sha256, page_key, date, options.tz or ""])
    return f"part-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:24]}.parquet"


def entry_day(entry: Entry) -> str:
    """Return the day an entry was posted, as the page printed it, else :data:`UNKNOWN_DAY`."""
    if entry.time is not None:
        return entry.time.date().isoformat()
    if entry.date and _ISO_DAY.fullmatch(entry.date):
        return entry.date
    return UNKNOWN_DAY


def day_tables(
    parsed: ParsedPage, source: str, sha: str, page_number: int | None
) -> dict[str, pa.Table]:
    """Return a source's entries as one Arrow table per day, in page order.

    The columns are :data:`PART_SCHEMA`'s: the entries table's (``source`` is ``source``), the
    source's hash, page number and title, and ``time_utc``.
    """
    by_day: dict[str, list[dict[str, Any]]] = {}
    for entry in parsed.entries:
        row = entry_row(entry, source)
        row["content_sha256"] = sha
        row["page_number"] = page_number
        row["title"] = parsed.page.title
        when = entry.time
        row["time_utc"] = (
            when.astimezone(timezone.utc).replace(tzinfo=None)
            if when is not None and when.tzinfo is not None
            else when
        )
        by_day.setdefault(entry_day(entry), []).append(row)
    return {day: pa.Table.from_pylist(rows, schema=PART_SCHEMA) for day, rows in by_day.items()}


def write_part(root: str, relative: str, table: pa.Table) -> tuple[str, bool]:
    """Write one part unless it exists; return its full path (or URL) and whether it was new.

    Locally the part is written to a hidden temporary file and hard-linked to its name, so it
    appears whole or not at all and two writers of the same part cannot both win. Elsewhere
    (fsspec: ``s3://``, ``gs://``, ...) an object store's single PUT is what makes it whole.

    Raises
    ------
    OutputError
        When the part cannot be written (permissions, disk full, no fsspec for a URL).
    """
    if is_remote(root):
        return _write_remote(root, relative, table)
    target = os.path.join(local_path(root), relative)
    if os.path.exists(target):
        return target, False
    folder = os.path.dirname(target)
    tmp = os.path.join(folder, f".{os.path.basename(target)}.{secrets.token_hex(6)}.tmp")
    try:
        os.makedirs(folder, exist_ok=True)
        pq.write_table(table, tmp)
        try:
            os.link(tmp, target)
            new = True
        except FileExistsError:
            new = False  # another task wrote the same bytes first
    except OSError as exc:
        raise OutputError(f"{target}: cannot write the part ({exc.strerror or exc})") from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return target, new


def _write_remote(root: str, relative: str, table: pa.Table) -> tuple[str, bool]:
    target = root.rstrip("/") + "/" + relative
    fs, path = filesystem(target)
    try:
        if fs.exists(path):
            return target, False
        with fs.open(path, "wb") as fh:
            pq.write_table(table, fh)
    except (OSError, ValueError) as exc:
        raise OutputError(f"{target}: cannot write the part ({exc})") from exc
    return target, True


def ingest_batch(
    items: Sequence[SourceItem], dataset: str, options: IngestOptions
) -> list[SourceRecord]:
    """Read, parse and write a batch of sources into the dataset: the task a worker runs.

    Parameters
    ----------
    items
        The sources, files or URLs. Files must be readable at the same path on every worker
        (a shared folder).
    dataset
        The dataset's folder or URL, reachable from every worker.
    options
        Page key, date, zone and fetching options, as for a local ingest.

    Returns
    -------
    list of SourceRecord
        One per item, in order; a source that cannot be read, fetched or parsed has its
        ``error`` set, and the others are still written.
    """
    return [_ingest_one(item, dataset, options) for item in items]


def _ingest_one(item: SourceItem, dataset: str, options: IngestOptions) -> SourceRecord:
    started = time.perf_counter()
    record = SourceRecord(item.index, item.name, item.size, item.mtime_ns)
    try:
        if item.is_url:
            data, key, number = _fetch(item.name, dataset, options)
        else:
            data = _read(item.name)
            key, number = "", file_page_number(Path(item.name))
        sha = hashlib.sha256(data).hexdigest()
        parsed = read_bytes(data, source=item.name, date=options.date, tz=options.tz)
        key = options.page_key or key or file_page_key(Path(item.name), parsed.page.title)
        name = part_name(sha, key, options)
        for day, table in sorted(day_tables(parsed, item.name, sha, number).items()):
            path, new = write_part(dataset, f"page={key}/day={day}/{name}", table)
            record.parts.append(path)
            record.written += new
        record.content_sha256, record.page_key, record.page_number = sha, key, number
        record.title, record.entry_count = parsed.page.title, len(parsed.entries)
    except LivebriefError as exc:
        record.error = exc
    record.seconds = time.perf_counter() - started
    return record


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc


def _fetch(url: str, dataset: str, options: IngestOptions) -> tuple[bytes, str, int | None]:
    # One page per URL: a cluster ingest lists every page it wants (no --all-pages here).
    got = fetch.fetch(url, options=options.fetch)
    key = options.page_key or fetch.url_page_key(url)
    if not is_remote(dataset):
        fetch.save_raw(Path(local_path(dataset)) / "_raw", key, got)
    return got.content, key, fetch.url_page_number(url)

"""Ingest sources into the store: files, folders and URLs become snapshots of live pages.

:func:`ingest` reads (or fetches) every source, skips those already stored unparsed (by the
SHA-256 of their bytes), parses the rest and stores them all in one transaction: a bad source
anywhere means nothing is stored. Fetched pages are kept as fetched under ``raw/`` beside the
store before they are parsed.

Page keys
---------
``--page-key`` when given; for a URL, its host and path without the page part
(:func:`livebrief.fetch.url_page_key`); for a file, its page's title, else the file's name
without a page suffix (``coverage_p2.txt`` gives ``coverage``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING

from livebrief import fetch, linking, pagination
from livebrief.errors import FetchError, InputError, NoEntriesError, UsageError
from livebrief.model import ParsedPage
from livebrief.names import is_reserved, unreserved
from livebrief.parse import read_bytes
from livebrief.parse.decode import check_size, max_input_bytes
from livebrief.store import (
    BatchWriter,
    FetchState,
    IngestReport,
    NewSnapshot,
    Store,
    open_store,
    raw_root,
)

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

#: The file names a folder source contributes (searched recursively).
SUFFIXES = (".txt", ".html", ".htm", ".json")

#: Set this variable to 1 to read every file even when its size and time say it is unchanged.
ENV_REREAD = "LIVEBRIEF_REREAD"

_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_FILE_PAGE = re.compile(r"(?:^|[_.\-])(?:p|page)[_\-]?(\d{1,4})(?=$|[_.\-])", re.IGNORECASE)


@dataclass(frozen=True)
class IngestOptions:
    """How to read the sources of one ingest.

    Attributes
    ----------
    page_key
        The key of the live page all sources belong to (default: derived per source).
    date, tz
        Passed to the reader: the date of the oldest entry, the zone of undated pages.
    all_pages
        For URLs: follow the live page's further pages, by its own next links or else by
        guessed page numbers, until one is missing, repeats or holds nothing new
        (:mod:`livebrief.pagination`).
    max_pages
        The most pages followed per URL.
    fetch
        Time, size, retry and redirect limits for URLs.
    """

    page_key: str | None = None
    date: Date | None = None
    tz: str | None = None
    all_pages: bool = False
    max_pages: int = 20
    fetch: fetch.FetchOptions = field(default_factory=fetch.FetchOptions)


def check_key(key: str) -> str:
    """Return ``key`` if it can name a page (letters, digits, ``.``, ``_``, ``-``; ≤ 128).

    Raises
    ------
    UsageError
        Otherwise, suggesting a key made from it: keys name folders, so ``../x`` is refused,
        and so is a Windows device name (``CON``, ``nul.txt``; see :mod:`livebrief.names`).
    """
    if _KEY.fullmatch(key) and is_reserved(key):
        raise UsageError(
            f"{key!r} cannot be a page key: Windows keeps that name for a device, and keys "
            f"name folders (e.g. {unreserved(key)!r})"
        )
    if _KEY.fullmatch(key):
        return key
    suggestion = unreserved(fetch.slug(key))
    hint = f" (e.g. {suggestion!r})" if suggestion else ""
    raise UsageError(
        f"{key!r} cannot be a page key: use letters, digits, '.', '_' and '-', starting with a "
        f"letter or digit, at most 128 characters{hint}"
    )


def file_page_number(path: Path) -> int | None:
    """Return the page number a file name states (``x_p3.txt``, ``page-3.html``), else None."""
    found = _FILE_PAGE.search(path.stem)
    return int(found.group(1)) if found else None


def file_page_key(path: Path, title: str | None) -> str:
    """Return the key of a file's page: its title slugified, else its name without page part."""
    key = fetch.slug(title or "")
    if not key:
        key = fetch.slug(_FILE_PAGE.sub("", path.stem))
    if not key:
        key = "page-" + hashlib.sha256(path.stem.encode("utf-8")).hexdigest()[:12]
    return unreserved(key)


@dataclass(frozen=True)
class Source:
    """One file or URL to ingest."""

    name: str
    is_url: bool = False


def expand(sources: Sequence[str]) -> list[Source]:
    """Return the URLs and files the sources name, folders searched recursively, in order.

    Raises
    ------
    InputError
        For a missing path, or a folder with no ``.txt``, ``.html`` or ``.json`` file.
    UsageError
        For a URL livebrief will not fetch (``file://``, ``ftp://``, ...).
    """
    out: list[Source] = []
    for source in sources:
        if fetch.is_url(source):
            try:
                out.append(Source(fetch.check_url(source), is_url=True))
            except FetchError as exc:  # the user's own URL: a usage error, not a failed fetch
                raise UsageError(str(exc)) from None
        elif os.path.isdir(source):
            found = _pages_in(source)
            if not found:
                raise InputError(
                    f"{source}: the folder holds no {', '.join(SUFFIXES)} file to ingest"
                )
            out.extend(Source(name) for name in found)
        elif os.path.exists(source):
            out.append(Source(source))
        else:
            raise InputError(f"{source}: no such file or folder")
    return out


def _pages_in(folder: str) -> list[str]:
    # os.walk and plain strings: Path.rglob and Path objects cost seconds at 10,000 files.
    found: list[str] = []
    for parent, _dirs, files in os.walk(folder):
        found.extend(
            os.path.join(parent, name)
            for name in files
            if os.path.splitext(name)[1].lower() in SUFFIXES
        )
    return sorted(found)


def ingest(
    sources: Sequence[str],
    store_path: str | Path | None = None,
    options: IngestOptions | None = None,
) -> IngestReport:
    """Read, fetch and parse ``sources`` and store them as snapshots, in one transaction.

    Parameters
    ----------
    sources
        Files, folders (searched recursively for ``.txt``, ``.html``, ``.json``) and URLs.
    store_path
        The store (created on first use); default ``$LIVEBRIEF_STORE`` or
        ``data/livebrief.duckdb``.
    options
        Page key, reading and fetching options.

    Returns
    -------
    IngestReport
        What was stored and what was skipped.

    Raises
    ------
    InputError, FetchError, UsageError, StoreError
        For the first source that cannot be read, fetched or parsed, or a store that cannot
        be written; the store is unchanged then.
    """
    opts = options or IngestOptions()
    if opts.page_key is not None:
        check_key(opts.page_key)
    items = expand(sources)
    with open_store(store_path, write=True) as store, store.writing() as writer:
        collector = _Collector(store, writer, opts)
        for item in items:
            if item.is_url:
                collector.add_url(item.name)
            else:
                collector.add_file(item.name)
    report = writer.report
    log.info("%s: %s", store.path, report.summary())
    return report


class _Collector:
    """Reads, fetches and parses the sources of one ingest into the store's writer."""

    def __init__(self, store: Store, writer: BatchWriter, options: IngestOptions) -> None:
        self.store = store
        self.writer = writer
        self.options = options
        self.raw = raw_root(store.path)

    def _known(self, sha: str, key: str | None) -> bool:
        # Checked before parsing: a known source costs a read and a hash, nothing more.
        if self.writer.index.has(sha, key, self.options.date, self.options.tz):
            self.writer.report.skipped += 1
            return True
        return False

    def add_file(self, path: str) -> None:
        """Read one file and add it, unless these bytes are already stored.

        A file whose size and modification time are those stored at its last ingest is not
        even read (``$LIVEBRIEF_REREAD=1`` turns that off).
        """
        try:
            info = os.stat(path)
            full = os.path.abspath(path)
            trust = os.environ.get(ENV_REREAD, "") in ("", "0")
            sha = self.writer.known_file(full, info.st_size, info.st_mtime_ns) if trust else None
            if sha is not None and self._known(sha, self.options.page_key):
                return
            check_size(info.st_size, path)
            with open(path, "rb") as fh:  # bounded, even for a device or a growing file
                data = fh.read(max_input_bytes() + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
        sha = hashlib.sha256(data).hexdigest()
        self.writer.add_file_state(full, info.st_size, info.st_mtime_ns, sha)
        if self._known(sha, self.options.page_key):
            log.debug("%s: already stored, skipped", path)
            return
        parsed = read_bytes(data, source=path, date=self.options.date, tz=self.options.tz)
        file = Path(path)
        self._add(
            NewSnapshot(
                self.options.page_key or file_page_key(file, parsed.page.title),
                path,
                sha,
                parsed,
                page_number=file_page_number(file),
                key_given=self.options.page_key is not None,
                parse_date=self.options.date,
                parse_tz=self.options.tz,
            )
        )

    def add_url(self, url: str) -> None:
        """Fetch a URL (and its further pages with ``all_pages``) and add what is new.

        Further pages are found by :class:`livebrief.pagination.Walk`: the page's own next
        link, else a guessed page number; a polite ``page_delay`` separates the requests.
        """
        key = self.options.page_key or fetch.url_page_key(url)
        limit = self.options.max_pages if self.options.all_pages else 1
        walk = pagination.Walk(url, max(limit, 1), fetch.url_page_number(url) or 1)
        pages = _Pages()
        current: str | None = url
        with fetch.make_client(self.options.fetch) as client:
            while current is not None:
                if walk.visited:
                    time.sleep(self.options.fetch.page_delay)
                got = self._add_fetched(client, current, key, walk.number, walk.visited == 0, pages)
                if got is None:
                    break
                final, body = got
                current = walk.after(current, final, body)

    def _add_fetched(
        self, client: httpx.Client, url: str, key: str, number: int, required: bool, pages: _Pages
    ) -> tuple[str, bytes] | None:
        # Returns the page's final URL and body (to find its next link), or None to end the
        # pages. Only the URL asked for must work; a further page that is missing, repeats a
        # page, holds no entries or no new ones ends the pages.
        state = self.store.fetch_state(url)
        try:
            got = fetch.fetch(
                url,
                validators=state.validators if state else None,
                options=self.options.fetch,
                client=client,
            )
        except FetchError as exc:
            if required:
                raise
            log.info("no further page: %s", exc)
            return None
        if got.not_modified:
            self.writer.report.not_modified += 1
            self.writer.add_fetch_state(FetchState(url, got.validators, 304))
            return url, _kept_body(state.raw_path if state else None, url)
        raw_path = fetch.save_raw(self.raw, key, got)
        self.writer.add_fetch_state(FetchState(url, got.validators, 200, got.sha256, str(raw_path)))
        if got.sha256 in pages.bodies:
            return None  # the site served an earlier page again: there is no such page
        pages.bodies.add(got.sha256)
        if self._known(got.sha256, key):
            return got.final_url, got.content
        try:
            parsed = read_bytes(got.content, source=url, date=self.options.date, tz=self.options.tz)
        except NoEntriesError:
            if required:
                raise
            return None
        if not pages.add_entries(key, parsed) and not required:
            log.info("%s: no entries that earlier pages lack: the pages end here", url)
            return None
        self._add(
            NewSnapshot(
                key,
                url,
                got.sha256,
                parsed,
                page_number=fetch.url_page_number(url) or number,
                key_given=self.options.page_key is not None,
                parse_date=self.options.date,
                parse_tz=self.options.tz,
                url=url,
                raw_path=str(raw_path),
                fetched_at=got.fetched_at,
            )
        )
        return got.final_url, got.content

    def _add(self, snap: NewSnapshot) -> None:
        if self.writer.add(snap):
            count = len(snap.parsed.entries)
            log.info("%s: %d entries, page %s", snap.source, count, snap.page_key)


@dataclass
class _Pages:
    """What the pages of one URL read so far held: bodies (by SHA-256) and entries (by id)."""

    bodies: set[str] = field(default_factory=set)
    entries: set[str] = field(default_factory=set)

    def add_entries(self, key: str, parsed: ParsedPage) -> bool:
        """Remember a page's entries; say whether any of them was not on an earlier page."""
        ids = {
            linking.natural_id(
                key,
                {
                    "headline": e.headline,
                    "author": e.author,
                    "paragraphs": e.paragraphs,
                    "clock": e.clock,
                },
            )
            for e in parsed.entries
        }
        new = not ids <= self.entries
        self.entries |= ids
        return new


def _kept_body(raw_path: str | None, url: str) -> bytes:
    # An unchanged page (304) comes without a body: its next link is in the copy kept raw.
    if not raw_path:
        return b""
    try:
        with open(raw_path, "rb") as fh:
            return fh.read(max_input_bytes() + 1)
    except OSError as exc:
        log.info("%s: its kept copy %s cannot be read (%s)", url, raw_path, exc.strerror or exc)
        return b""

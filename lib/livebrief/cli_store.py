"""The store's subcommands of ``livebrief``: ``ingest``, ``entries``, ``pages`` and ``diff``.

Each is an ``add_*_parser`` listed in :data:`livebrief.cli.COMMANDS` and a ``run_*`` handler
that calls :mod:`livebrief.ingest` or :mod:`livebrief.store` and writes the result. The store
and the network are imported only when one of these commands runs, so ``livebrief parse``
stays quick to start.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from livebrief import cli_cluster, export
from livebrief.model import LIST_COLUMNS, Entry, Page, ParsedPage

if TYPE_CHECKING:
    import pandas as pd

    from livebrief.cli import Subparsers
    from livebrief.fetch import FetchOptions

log = logging.getLogger(__name__)

STORE_HELP = (
    "the store file (default: $LIVEBRIEF_STORE, else data/livebrief.duckdb; created on first "
    "ingest)"
)


def _add_store_option(p: argparse.ArgumentParser) -> None:
    from livebrief.cli import add_common_options

    p.add_argument("--store", type=Path, metavar="PATH", help=STORE_HELP)
    add_common_options(p, in_subcommand=True)


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number")
    return value


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number ≥ 0")
    return int(text)


def _write_text(text: str) -> None:
    export.write_stdout(text.encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# livebrief ingest

INGEST_EPILOG = """\
examples:
  livebrief ingest samples/000_fd0f76058283f76d.txt
  livebrief ingest pages/ --page-key putin-kim --date 2024-06-18
  livebrief ingest https://example.org/live/123 --all-pages --store data/news.duckdb

One ingest is one transaction: on any error (a bad source, a failed fetch) nothing of it is
stored. Sources already stored (same bytes, same options) are skipped unparsed; an unchanged
URL (HTTP 304) costs one request. Fetched pages are kept as fetched under raw/ beside the
store. Tables, ids and diffs: docs/store.md.
"""


def add_ingest_parser(subparsers: Subparsers) -> None:
    """Register ``livebrief ingest``."""
    from livebrief.cli import iso_date, zone_name

    p = subparsers.add_parser(
        "ingest",
        help="store live pages (files, folders, URLs) as snapshots in the store",
        description=(
            "Read each SOURCE (a file; a folder, searched for .txt, .html and .json files; or "
            "an http(s) URL), parse it and store it as a snapshot of its live page."
        ),
        epilog=INGEST_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        fromfile_prefix_chars="@",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="a file, a folder or a URL")
    p.add_argument(
        "--page-key",
        metavar="KEY",
        help="the live page all sources belong to (default: from the URL, else the title, "
        "else the file name); use it to join pages 1..N saved as files",
    )
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="date of the oldest entry")
    p.add_argument("--tz", type=zone_name, metavar="ZONE", help="IANA zone of undated pages")
    p.add_argument(
        "--all-pages",
        action="store_true",
        help="for URLs: also fetch the further pages, by the page's own next link "
        "(rel=next, a pager's Next/Older link), else ?page=N or /page/N; politely spaced",
    )
    p.add_argument(
        "--max-pages",
        type=_count,
        default=20,
        metavar="N",
        help="with --all-pages: at most N pages per URL (default: %(default)s)",
    )
    add_fetch_options(p)
    cli_cluster.add_ingest_options(p)
    _add_store_option(p)
    p.set_defaults(handler=run_ingest)


def add_fetch_options(p: argparse.ArgumentParser) -> None:
    """Add ``--timeout`` and ``--retries``, the limits of fetching URLs (ingest, report)."""
    p.add_argument(
        "--timeout",
        type=_positive,
        default=20.0,
        metavar="SECONDS",
        help="for URLs: time limit of each network operation (default: %(default)s)",
    )
    p.add_argument(
        "--retries",
        type=_count,
        default=3,
        metavar="N",
        help="for URLs: retries after a time-out or server error, with doubling waits (default: 3)",
    )


def fetch_options(args: argparse.Namespace) -> FetchOptions:
    """Return the fetch limits that ``--timeout`` and ``--retries`` set."""
    from livebrief.fetch import FetchOptions

    # The whole response may take at least a minute: a slow page still arrives.
    total = max(60.0, args.timeout)
    return FetchOptions(timeout=args.timeout, total_timeout=total, retries=args.retries)


def run_ingest(args: argparse.Namespace) -> int:
    """Ingest the sources and say in one line what was stored."""
    from livebrief.ingest import IngestOptions, ingest

    options = IngestOptions(
        page_key=args.page_key,
        date=args.date,
        tz=args.tz,
        all_pages=args.all_pages,
        max_pages=max(args.max_pages, 1),
        fetch=fetch_options(args),
    )
    if args.dataset is not None or args.executor != "local":
        return cli_cluster.run_dataset_ingest(args, options)
    report = ingest(args.sources, args.store, options)
    _write_text(f"ingested: {report.summary()}\n")
    return 0


# ---------------------------------------------------------------------------------------------
# livebrief entries

ENTRIES_EPILOG = """\
examples:
  livebrief entries pact-with-north-korea-will-protect-us-both-from-aggression-says-putin
  livebrief entries putin-kim --format csv --output entries.csv
  livebrief entries putin-kim --since 2024-06-18T09:00Z --format jsonl
  livebrief entries putin-kim --since 12        # new or changed after snapshot 12

All pages 1..N of the live page are joined, newest first; each entry in its latest version.
"""


def add_entries_parser(subparsers: Subparsers) -> None:
    """Register ``livebrief entries``."""
    p = subparsers.add_parser(
        "entries",
        help="export a stored live page's entries (JSON, JSON Lines, CSV, Parquet)",
        description="Write the entries of the live page KEY from the store.",
        epilog=ENTRIES_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("key", metavar="KEY", help="the page key ('livebrief pages' lists them)")
    p.add_argument(
        "-f",
        "--format",
        default="json",
        choices=list(export.FORMATS),
        help="output format (default: %(default)s)",
    )
    p.add_argument("-o", "--output", type=Path, metavar="PATH", help="file to write, atomically")
    p.add_argument(
        "--since",
        metavar="SNAPSHOT|TIME",
        help="only entries new, edited or re-timed after a snapshot id or an ISO 8601 time",
    )
    _add_store_option(p)
    p.set_defaults(handler=run_entries)


def run_entries(args: argparse.Namespace) -> int:
    """Export a page's coverage, or what changed in it since a mark."""
    from livebrief.store import open_store

    export.check_destination(args.format, args.output)
    with open_store(args.store) as store:
        page = store.page(args.key)
        frame = (
            store.coverage(args.key)
            if args.since is None
            else store.new_since(args.key, args.since)
        )
    log.info("%s: %d entries", args.key, len(frame))
    export.write(frame_pages(frame, page, one=args.format == "json"), args.format, args.output)
    return 0


def frame_pages(frame: pd.DataFrame, page: Page, *, one: bool) -> list[ParsedPage]:
    """Turn a coverage frame back into parsed pages, for :func:`livebrief.export.write`.

    With ``one``, a single page holds every entry (JSON's ``{"page", "entries"}``); otherwise
    each run of entries from the same source is a page, so row formats keep each entry's
    ``source``.
    """
    names = set(Entry.__dataclass_fields__)
    pages: list[ParsedPage] = []
    for record in frame.to_dict("records"):
        values = {k: _cell(k, v) for k, v in record.items() if k in names}
        when = values.get("time")
        values["time"] = datetime.fromisoformat(when) if when else None
        entry = Entry(**values)
        source = page.source if one else str(_cell("source", record.get("source")) or "")
        if not pages or pages[-1].page.source != source:
            facts = Page(**{**page.to_dict(), "roster": page.roster, "source": source})
            pages.append(ParsedPage(facts, []))
        pages[-1].entries.append(entry)
    return pages or [ParsedPage(page, [])]


def _cell(name: str, value: Any) -> Any:
    import pandas as pd  # imported here: pandas costs ~1 s at start-up

    if name in LIST_COLUMNS:
        return list(value) if value is not None and not isinstance(value, float) else []
    return None if value is None or value is pd.NA or value != value else value


# ---------------------------------------------------------------------------------------------
# livebrief pages


PAGES_EPILOG = """\
examples:
  livebrief pages --store data/news.duckdb
  livebrief pages putin-kim                 # that page's snapshots
"""


def add_pages_parser(subparsers: Subparsers) -> None:
    """Register ``livebrief pages``."""
    p = subparsers.add_parser(
        "pages",
        help="list the live pages in the store, or one page's snapshots",
        description="List the store's live pages: key, title, snapshots, entries, first and "
        "last post (UTC); with KEY, that page's snapshots.",
        epilog=PAGES_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("key", nargs="?", metavar="KEY", help="list this page's snapshots instead")
    p.add_argument(
        "-f", "--format", default="table", choices=["table", "json"], help="(default: table)"
    )
    _add_store_option(p)
    p.set_defaults(handler=run_pages)


def run_pages(args: argparse.Namespace) -> int:
    """List the pages as a table or JSON."""
    import pandas as pd  # imported here: pandas costs ~1 s at start-up

    from livebrief.store import open_store, resolve_path

    if not resolve_path(args.store).exists():
        log.warning("%s: no store here yet; 'livebrief ingest SOURCE' creates it", args.store)
        frame = pd.DataFrame(
            columns=["key", "title", "snapshots", "entries", "first_post", "last_post"]
        )
    else:
        with open_store(args.store) as store:
            if args.key is not None:
                return _write_snapshots(store.snapshots(args.key), args.format)
            frame = store.pages()
    if args.format == "json":
        _write_text(frame.to_json(orient="records", date_format="iso", indent=2) + "\n")
        return 0
    rows = [["KEY", "TITLE", "SNAPSHOTS", "ENTRIES", "FIRST POST", "LAST POST"]]
    for r in frame.to_dict("records"):
        rows.append(
            [
                str(r["key"]),
                _clip(r["title"], 48),
                str(r["snapshots"]),
                str(r["entries"]),
                _when(r["first_post"]),
                _when(r["last_post"]),
            ]
        )
    _write_text(_table(rows))
    return 0


def _write_snapshots(frame: pd.DataFrame, fmt: str) -> int:
    if fmt == "json":
        _write_text(frame.to_json(orient="records", date_format="iso", indent=2) + "\n")
        return 0
    rows = [["SNAPSHOT", "PAGE", "ENTRIES", "INGESTED (UTC)", "SHA-256", "SOURCE"]]
    for r in frame.to_dict("records"):
        number = r["page_number"]
        rows.append(
            [
                str(r["snapshot_id"]),
                "-" if number is None or number != number else str(int(number)),
                str(r["entry_count"]),
                _when(r["ingested_at"]),
                str(r["content_sha256"])[:12],
                str(r["source"]),
            ]
        )
    _write_text(_table(rows))
    return 0


def _clip(value: Any, width: int) -> str:
    import pandas as pd  # imported here: pandas costs ~1 s at start-up

    text = "" if value is None or value is pd.NA or value != value else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _when(value: Any) -> str:
    import pandas as pd  # imported here: pandas costs ~1 s at start-up

    if value is None or value is pd.NaT or value != value:
        return "-"
    return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)
    return "".join(line.rstrip() + "\n" for line in lines)


# ---------------------------------------------------------------------------------------------
# livebrief diff

DIFF_EPILOG = """\
examples:
  livebrief diff putin-kim                  # the latest snapshot against the one before it
  livebrief diff putin-kim --from 3 --to 7 --format json

Changes: new, edited (with the fields that changed), retimed (only time fields changed),
removed. 'livebrief pages KEY' lists a page's snapshots and their ids.
"""


def add_diff_parser(subparsers: Subparsers) -> None:
    """Register ``livebrief diff``."""
    p = subparsers.add_parser(
        "diff",
        help="compare two snapshots of a live page entry by entry",
        description="Say which entries are new, edited, re-timed or removed between two "
        "snapshots of the live page KEY.",
        epilog=DIFF_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("key", metavar="KEY", help="the page key")
    p.add_argument("--from", dest="old", type=_count, metavar="SNAPSHOT", help="older snapshot")
    p.add_argument("--to", dest="new", type=_count, metavar="SNAPSHOT", help="newer snapshot")
    p.add_argument(
        "-f", "--format", default="text", choices=["text", "json"], help="(default: text)"
    )
    _add_store_option(p)
    p.set_defaults(handler=run_diff)


def run_diff(args: argparse.Namespace) -> int:
    """Print the entry-level differences between two snapshots."""
    from livebrief.store import open_store

    with open_store(args.store) as store:
        frame = store.diff(args.key, args.old, args.new)
    old, new = frame.attrs["old"], frame.attrs["new"]
    if args.format == "json":
        records = json.loads(frame.to_json(orient="records"))
        doc = {"key": args.key, "from": old, "to": new, "changes": records}
        _write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return 0
    counts = frame["change"].value_counts()
    summary = ", ".join(
        f"{int(counts.get(kind, 0))} {kind}" for kind in ("new", "edited", "retimed", "removed")
    )
    lines = [f"{args.key}: snapshot {old} -> {new}: {summary}"]
    marks = {"new": "+", "edited": "~", "retimed": "@", "removed": "-"}
    for r in frame.to_dict("records"):
        detail = ""
        if r["change"] == "edited":
            detail = f"  ({', '.join(r['fields'])})"
        elif r["change"] == "retimed":
            before = r["time_before"] or r["clock_before"] or "?"
            after = r["time_after"] or r["clock_after"] or "?"
            detail = f"  ({before} -> {after})"
        headline = _clip(r["headline"], 70) or "(no headline)"
        lines.append(
            f"{marks[r['change']]} {r['change']:<8} {r['entry_id'][:12]}  {headline}{detail}"
        )
    _write_text("\n".join(lines) + "\n")
    return 0

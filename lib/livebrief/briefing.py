"""What the briefing notebook calls: load a source, then show each section.

The notebook stays thin (a parameters cell, ``import livebrief.briefing as bf``, short calls):
:func:`load` reads the source, a file or a page of the store, into a :class:`Briefing` (page
facts, entries table, provenance, and what changed since the last briefing) and each section
function (:func:`header`, :func:`cadence`, :func:`share`, ...) displays its
chart as an image with alt text and its numbers as a table. The measures themselves live in
:mod:`livebrief.metrics` and the drawings in :mod:`livebrief.charts`.
"""

from __future__ import annotations

import hashlib
import html
import io
import logging
import re
from dataclasses import InitVar, dataclass, field
from datetime import date as Date
from datetime import datetime, timezone, tzinfo
from functools import cached_property
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from livebrief import charts, metrics
from livebrief.errors import InputError, UsageError
from livebrief.model import ParsedPage, entries_frame
from livebrief.parse import read_path

log = logging.getLogger(__name__)

#: Metadata key under which the header output records the page's slug and title, so that
#: :mod:`livebrief.render` can name the report folder from the executed notebook.
META_KEY = "livebrief"
#: Resolution of chart images: sharp on paper, small enough for an e-mail.
DPI = 200


@dataclass(frozen=True)
class Source:
    """Provenance of one input: where it was, its fingerprint, and when it was read (UTC).

    For a page read from the store, ``path`` is the store file, ``page_key`` the page,
    ``sha256`` a fingerprint of its entries' versions, ``size`` its number of snapshots and
    ``snapshot_id`` the latest of them. For a page fetched by ``livebrief report URL``,
    ``url`` is its address and ``path`` the copy kept as fetched.
    """

    path: str
    sha256: str
    size: int
    read_at: datetime
    page_key: str = ""
    snapshot_id: int | None = None
    url: str = ""


@dataclass
class Briefing:
    """One page, ready to brief: its facts, entries table, provenance and chosen settings."""

    parsed: ParsedPage
    source: Source
    parameters: dict[str, Any]
    title: str
    bin_minutes: int = 0
    top_authors: int = 8
    #: The entries table when it does not come from ``parsed`` (a page read from the store).
    table: InitVar[pd.DataFrame | None] = None
    #: What changed since the last briefing (see :func:`new_since_last`); None: no such briefing.
    changes: pd.DataFrame | None = None
    #: The snapshot the last briefing saw (0: none) and when it was stored (UTC).
    since_snapshot: int = 0
    since_time: datetime | None = None
    frame: pd.DataFrame = field(init=False)

    def __post_init__(self, table: pd.DataFrame | None) -> None:
        self.frame = entries_frame(self.parsed) if table is None else table
        if self.bin_minutes <= 0:
            self.bin_minutes = metrics.choose_bin(self.coverage.span)

    @property
    def page(self) -> Any:
        """The page facts (:class:`livebrief.model.Page`)."""
        return self.parsed.page

    @cached_property
    def zone(self) -> tzinfo | None:
        """The zone times are shown in (the page's, else its posts' offset)."""
        return metrics.page_zone(self.frame, self.page.timezone)

    @property
    def zone_name(self) -> str:
        """A short name for :attr:`zone`, for labels."""
        if self.zone is None:
            return "UTC"
        if isinstance(self.zone, ZoneInfo):
            return self.zone.key
        stamp = self.coverage.first or pd.Timestamp.now(tz="UTC")
        return stamp.tz_convert(self.zone).strftime("UTC%z").replace("UTC+0000", "UTC")

    @cached_property
    def coverage(self) -> metrics.Coverage:
        """Entries, words and the first and last timed post."""
        return metrics.coverage(self.frame)

    @cached_property
    def shares(self) -> pd.DataFrame:
        """Posts and words per correspondent (see :func:`livebrief.metrics.author_shares`)."""
        return metrics.author_shares(self.frame, self.top_authors)

    @cached_property
    def palette(self) -> dict[str, str]:
        """A colour per correspondent, the same in every chart."""
        return charts.colours([str(n) for n in self.shares["correspondent"]])

    @property
    def slug(self) -> str:
        """The report folder's name: the title in lower-case words, else the file's name."""
        return slugify(self.parsed.page.title or "") or slugify(Path(self.source.path).stem)

    def cadence_chart(self) -> charts.Chart:
        """Posts per bin on a time axis, or the ordinal view when the page gave no times."""
        if self.coverage.timed == 0:
            rows = self.frame.assign(correspondent=self._named())
            return charts.ordinal_chart(rows, self.palette)
        bins = metrics.posts_per_bin(self.frame, self.bin_minutes)
        return charts.cadence_chart(
            bins,
            minutes=self.bin_minutes,
            zone=self.zone,
            zone_name=self.zone_name,
            threshold=metrics.burst_threshold(bins["posts"]),
        )

    def share_chart(self) -> charts.Chart:
        """Posts and words per correspondent."""
        return charts.share_chart(self.shares, self.palette)

    def _named(self) -> pd.Series:
        # Correspondents beyond the top ones are drawn as "others", as in the share table.
        who = metrics.bylines(self.frame)
        named = set(self.palette)
        return who.where(who.isin(named), metrics.OTHERS)


def slugify(text: str, limit: int = 60) -> str:
    """Turn ``text`` into lower-case ASCII words joined by hyphens, cut at a word boundary."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "")


def find_source(source: str | Path) -> Path:
    """Locate ``source``: as given, else relative to each folder above the working one.

    So that the notebook's default (``samples/...``) runs both from the project root (papermill)
    and from ``notebooks/`` (JupyterLab).

    Raises
    ------
    InputError
        When no such file exists.
    """
    path = Path(source).expanduser()
    if path.exists() or path.is_absolute():
        return path
    for parent in Path.cwd().resolve().parents:
        if (parent / path).exists():
            return parent / path
    raise InputError(f"{source}: no such file (looked in {Path.cwd()} and the folders above)")


def _date(text: str) -> Date | None:
    if not text:
        return None
    try:
        return Date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"date={text!r} is not a date in the form YYYY-MM-DD") from None


def _zone(text: str) -> str | None:
    if not text:
        return None
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise UsageError(
            f"tz={text!r} is not a known IANA time zone (such as Europe/London)"
        ) from None
    return text


def load(
    source: str | Path,
    *,
    date: str = "",
    tz: str = "",
    bin_minutes: int = 0,
    top_authors: int = 8,
    title: str = "",
    page_key: str = "",
    store: str = "",
    since_snapshot: int = 0,
    url: str = "",
) -> Briefing:
    """Read a live page, from a file or from the store, into a :class:`Briefing`.

    Parameters
    ----------
    source
        A text file of a live page (see :func:`find_source` for relative paths); not read
        when ``page_key`` is given.
    date
        ``YYYY-MM-DD`` of the oldest post, when the page prints no date; empty for none.
    tz
        IANA zone used when the page states none; empty for none.
    bin_minutes
        Cadence bin in minutes; 0 chooses one from the coverage span.
    top_authors
        How many correspondents to name before the rest become "others".
    title
        Title to show instead of the page's own; empty keeps the page's.
    page_key
        Read this page's coverage (pages 1..N, every entry in its latest version) from the
        store instead of ``source``; ``date`` and ``tz`` were applied when it was ingested.
    store
        The store file (default: ``$LIVEBRIEF_STORE``, else ``data/livebrief.duckdb``).
    since_snapshot
        The snapshot the last briefing of this page saw: what changed after it becomes the
        "New since the last briefing" section. 0: there was no last briefing.
    url
        The address ``source`` was fetched from (a copy kept as fetched), for the provenance
        the header shows; empty for a file.

    Raises
    ------
    InputError
        When the source is missing or unreadable or holds no entries.
    UsageError
        When ``date`` or ``tz`` is malformed, ``page_key`` is not in the store, or
        ``since_snapshot`` is given without ``page_key``.
    StoreError
        When the store cannot be opened.
    """
    options = {"bin_minutes": bin_minutes, "top_authors": top_authors, "title": title}
    if page_key:
        params = {"page_key": page_key, "store": store, "since_snapshot": since_snapshot}
        params |= {"date": date, "tz": tz, **options}
        return _from_store(page_key, store, since_snapshot, params)
    if since_snapshot:
        raise UsageError("since_snapshot needs page_key: only the store knows earlier snapshots")
    if not str(source):
        raise UsageError("give source (a live-page file) or page_key (a page of the store)")
    path = find_source(source)
    parsed = read_path(path, date=_date(date), tz=_zone(tz))
    data = path.read_bytes()
    src = Source(
        str(source),
        hashlib.sha256(data).hexdigest(),
        len(data),
        datetime.now(timezone.utc),
        url=url,
    )
    params = {
        "source": str(source),
        "date": date,
        "tz": tz,
        "bin_minutes": bin_minutes,
        "top_authors": top_authors,
        "title": title,
    }
    shown = title or parsed.page.title or Path(path).stem
    log.info("%s: %d entries", path, len(parsed.entries))
    return Briefing(parsed, src, params, shown, bin_minutes, top_authors)


def _from_store(key: str, store: str, since: int, params: dict[str, Any]) -> Briefing:
    from livebrief.model import ENTRY_COLUMNS
    from livebrief.store import open_store

    with open_store(store or None) as st:
        page, cover, snaps = st.page(key), st.coverage(key), st.snapshots(key)
        changes = st.changes_since(key, since) if since > 0 else None
        stored = st.query("SELECT ingested_at FROM snapshots WHERE snapshot_id = ?", [since])
        path = str(st.path)
    pairs = sorted(f"{e}:{c}" for e, c in zip(cover["entry_id"], cover["content_sha"], strict=True))
    src = Source(
        path,
        hashlib.sha256("\n".join(pairs).encode("ascii")).hexdigest(),
        len(snaps),
        datetime.now(timezone.utc),
        page_key=key,
        snapshot_id=int(snaps["snapshot_id"].max()),
    )
    when = stored["ingested_at"].iloc[0] if len(stored) else None
    log.info("%s: %d entries from %d snapshots", key, len(cover), len(snaps))
    return Briefing(
        ParsedPage(page, []),
        src,
        params,
        params["title"] or page.title or key,
        params["bin_minutes"],
        params["top_authors"],
        table=cover[list(ENTRY_COLUMNS)].reset_index(drop=True),
        changes=changes,
        since_snapshot=since,
        since_time=pd.Timestamp(when).to_pydatetime() if when is not None else None,
    )


# ---------------------------------------------------------------------------------------------
# Sections: each displays its outputs in the running notebook.


def _display(*objs: Any, **kwargs: Any) -> None:
    from IPython.display import display

    display(*objs, **kwargs)  # type: ignore[no-untyped-call]


def _html(text: str, metadata: dict[str, Any] | None = None) -> None:
    from IPython.display import HTML

    _display(HTML(text), metadata=metadata or {})  # type: ignore[no-untyped-call]


#: The explicit bidirectional formatting characters: embeddings and overrides (U+202A-E),
#: isolates (U+2066-9) and marks (U+200E, U+200F, U+061C).
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
_NO_BIDI = str.maketrans(dict.fromkeys(BIDI_CONTROLS))


def shown(text: str) -> str:
    """Return text from a page as a briefing shows it: without bidirectional controls.

    A right-to-left override (U+202E) makes a browser draw ``evil`` as ``live`` and, left
    open, reorders what follows it. Text from the web is shown in its own order: the letters'
    directions still apply (Arabic and Hebrew read right to left, each table cell and heading
    taking the direction of its first letter: the stylesheet's ``unicode-bidi: plaintext``),
    but no control character picks the order, the direction or the alignment. The executed
    notebook keeps the text as read.
    """
    return text.translate(_NO_BIDI)


def _esc(text: str) -> str:
    return html.escape(shown(text))


def _shown_cell(value: Any) -> Any:
    return shown(value) if isinstance(value, str) else value


def _shown_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.select_dtypes(include=["object", "string"]).columns:
        out[column] = out[column].map(_shown_cell)
    return out.rename(columns=_shown_cell)


def _table(frame: pd.DataFrame, caption: str = "") -> None:
    frame, caption = _shown_frame(frame), shown(caption)
    cap = f"<p class='lb-caption'>{html.escape(caption)}</p>" if caption else ""
    # Every kind of missing (None, NaN, pandas.NA) shows as a dash: to_html's na_rep alone
    # misses None ("None") and pandas.NA ("<NA>") in object columns.
    frame = frame.astype(object).where(frame.notna(), "—")
    _html(cap + frame.to_html(index=False, escape=True, border=0, classes="lb-table"))


def _fmt_time(stamp: pd.Timestamp | None, zone: tzinfo | None) -> str:
    if stamp is None:
        return "—"
    return f"{stamp.tz_convert(zone or timezone.utc):%d %b %Y %H:%M}"


def _fmt_span(span: pd.Timedelta | None) -> str:
    if span is None:
        return "—"
    minutes = int(span / pd.Timedelta(minutes=1))
    hours, mins = divmod(minutes, 60)
    return f"{hours} h {mins:02d} min" if hours else f"{mins} min"


def png(figure: Figure, dpi: int = DPI) -> bytes:
    """Draw a figure as an opaque RGB PNG.

    Charts sit on white, so the alpha channel matplotlib writes is dead weight: without it the
    image is smaller and PDF engines embed it without a separate transparency mask.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image as PILImage

    figure.set_dpi(dpi)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    rgba = np.asarray(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
    buf = io.BytesIO()
    PILImage.fromarray(np.ascontiguousarray(rgba[:, :, :3])).save(buf, format="PNG")
    return buf.getvalue()


def warm_up() -> None:
    """Draw a small chart once, so that fonts and caches are ready (a kernel calls it at start)."""
    sample = "Live desk 0123" + (" 王" if len(charts.font_family()) > 1 else "")
    with charts.style():
        fig = Figure(figsize=(1, 1))
        fig.text(0.1, 0.5, sample)
        png(fig, dpi=20)


def show_chart(chart: charts.Chart) -> None:
    """Display a chart as a PNG with its alt text, then its numbers as a table."""
    from IPython.display import Image

    width = round(chart.figure.get_figwidth() * 96)
    image = Image(data=png(chart.figure), format="png", alt=chart.alt, width=width)  # type: ignore[no-untyped-call]
    _display(image)
    _table(chart.table, f"The numbers behind “{chart.title}”")


def header(b: Briefing) -> None:
    """Show the title, editors, provenance, coverage span, entries and words."""
    page, cov = b.page, b.coverage
    esc = _esc
    editors = ", ".join(page.editors) or "not stated"
    span_local = f"{_fmt_time(cov.first, b.zone)} – {_fmt_time(cov.last, b.zone)} {b.zone_name}"
    span_utc = f"{_fmt_time(cov.first, None)} – {_fmt_time(cov.last, None)} UTC"
    params = ", ".join(f"{k}={v!r}" for k, v in b.parameters.items() if k not in ("source", "url"))
    rows = [
        ("Edited by", esc(editors)),
        ("Entries", f"{cov.entries} ({cov.timed} with a time)"),
        ("Words", f"{cov.words:,}"),
        (
            "Coverage",
            (esc(span_local) + "<br>" if span_local != span_utc else "")
            + esc(span_utc)
            + f" ({_fmt_span(cov.span)})"
            if cov.timed
            else "the page gave no times",
        ),
        ("Source", _source_cell(b.source)),
        (
            "Read",
            f"{b.source.read_at:%d %b %Y %H:%M:%S} UTC"
            + (" from the store; pages read" if b.source.page_key else "")
            + f" by the {esc(page.reader)} reader ({esc(page.rendering)})",
        ),
        ("Parameters", esc(params)),
    ]
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    meta = {META_KEY: {"slug": b.slug, "title": shown(b.title)}}  # the HTML's <title>
    _html(
        f"<h1 class='lb-title'>{esc(b.title)}</h1><table class='lb-facts'>{body}</table>",
        metadata=meta,
    )
    if page.summary:
        items = "".join(f"<li>{esc(s)}</li>" for s in page.summary)
        _html(f"<p class='lb-caption'>Summary as given by the page</p><ul>{items}</ul>")


def _source_cell(src: Source) -> str:
    esc = _esc
    if not src.page_key:
        fetched = f"<code>{esc(src.url)}</code>, kept as " if src.url else ""
        return (
            f"{fetched}<code>{esc(src.path)}</code>, {src.size:,} bytes, sha256 "
            f"<code>{src.sha256[:16]}</code>"
        )
    return (
        f"page <code>{esc(src.page_key)}</code> of the store <code>{esc(src.path)}</code>: "
        f"{src.size} snapshot{'s' if src.size != 1 else ''}, the latest "
        f"#{src.snapshot_id}; entries sha256 <code>{src.sha256[:16]}</code>"
    )


#: How :func:`new_since_last` names each kind of change, in the order it lists them.
CHANGES = {"new": "new", "edited": "edited", "retimed": "re-timed", "removed": "removed"}


def new_since_last(b: Briefing) -> None:
    """Show what changed since the last briefing: new, edited, re-timed and removed entries.

    Shows nothing at all, not even its heading, when there was no last briefing of the page
    (``since_snapshot`` 0) or the page was read from a file rather than the store.
    """
    if b.changes is None:
        return
    when = f", stored {b.since_time:%d %b %Y %H:%M} UTC" if b.since_time else ""
    mark = f"snapshot #{b.since_snapshot}{when}, the latest the last briefing used"
    heading = "<h2 id='new-since-the-last-briefing'>New since the last briefing</h2>"
    ch = b.changes
    if ch.empty:
        _html(f"{heading}<p>Nothing new, edited or removed since {html.escape(mark)}.</p>")
        return
    counts = ch["change"].value_counts()
    said = ", ".join(f"{int(counts[k])} {v}" for k, v in CHANGES.items() if k in counts)
    _html(f"{heading}<p>Since {html.escape(mark)}: {said}.</p>")
    ch = ch.assign(_rank=ch["change"].map(list(CHANGES).index))
    ch = ch.sort_values("_rank", kind="stable").reset_index(drop=True)
    what = [
        "no longer on the page" if c == "removed" else ", ".join(f) if c != "new" else ""
        for c, f in zip(ch["change"], ch["fields"], strict=True)
    ]
    table = pd.DataFrame(
        {
            "change": ch["change"].map(CHANGES),
            f"time ({b.zone_name})" if b.coverage.timed else "time": _shown_times(ch, b),
            "correspondent": metrics.bylines(ch),
            "headline": ch["headline"],
            "what changed": what,
        }
    )
    _table(table)


def _shown_times(frame: pd.DataFrame, b: Briefing) -> list[str]:
    # The time in the page's zone, else the clock or age as printed.
    times = pd.to_datetime(frame["time"], utc=True, format="ISO8601")
    return [
        _fmt_time(pd.Timestamp(t), b.zone)
        if pd.notna(t)
        else (c if isinstance(c, str) else a if isinstance(a, str) else "—")
        for t, c, a in zip(times, frame["clock"], frame["age"], strict=True)
    ]


def cadence(b: Briefing) -> None:
    """Show when posts came: the cadence chart (or the ordinal view), gaps and bursts."""
    if not b.coverage.timed:
        hint = (
            " It printed clock times without a date: set the date parameter to place them."
            if b.frame["clock"].notna().any()
            else ""
        )
        _html(f"<p class='lb-note'><strong>{html.escape(charts.NO_TIMES_NOTE)}</strong>{hint}</p>")
    show_chart(b.cadence_chart())
    if b.coverage.timed < 2:
        return
    g = metrics.gaps(b.frame)
    bins = metrics.posts_per_bin(b.frame, b.bin_minutes)
    facts = pd.DataFrame(
        {
            "measure": [
                "median gap",
                "longest gap",
                "longest gap from",
                "longest gap to",
                "bursts",
            ],
            "value": [
                _fmt_span(g.median),
                _fmt_span(g.longest),
                _fmt_time(g.longest_after, b.zone),
                _fmt_time(g.longest_before, b.zone),
                f"{int(bins['burst'].sum())} bin(s) above median + 2×MAD and ≥ 3 posts",
            ],
        }
    )
    _table(facts, f"Gaps between posts and bursts (times in {b.zone_name})")


def share(b: Briefing) -> None:
    """Show posts and words per correspondent."""
    show_chart(b.share_chart())


def places(b: Briefing) -> None:
    """Show posts and words per bureau or place."""
    table = metrics.place_shares(b.frame, b.page.roster)
    table["post_share"] = (table["post_share"] * 100).round(0).astype("int64")
    table["word_share"] = (table["word_share"] * 100).round(0).astype("int64")
    _table(
        table.rename(columns={"post_share": "posts %", "word_share": "words %"}),
        "Share by place (from bylines, roles and the roster)",
    )


def labels(b: Briefing) -> None:
    """Show labels (Breaking, Analysis, ...) per correspondent."""
    table = metrics.labels_by_author(b.frame)
    if table.empty:
        _html("<p>No entry carries a label.</p>")
    else:
        _table(table, "Labels per correspondent")


def roster(b: Briefing) -> None:
    """Show who the page listed and who posted."""
    table = metrics.roster_coverage(b.frame, b.page.roster)
    if not b.page.roster:
        _html("<p>The page lists no roster (no “With updates from …” line).</p>")
    if not table.empty:
        _table(table.drop(columns=["listed"]), "Roster coverage")


def entries(b: Briefing) -> None:
    """Show the entries table: time, correspondent, headline, labels, words."""
    frame = b.frame
    shown = _shown_times(frame, b)
    table = pd.DataFrame(
        {
            "#": frame["position"] + 1,
            f"time ({b.zone_name})" if b.coverage.timed else "time": shown,
            "correspondent": metrics.bylines(frame),
            "headline": frame["headline"],
            "labels": [", ".join(v) for v in frame["labels"]],
            "words": frame["words"],
        }
    )
    _table(table)


def quality(b: Briefing) -> None:
    """Show what the reader was unsure of."""
    notes = metrics.quality_notes(b.frame, b.page.notes)
    if notes.empty:
        _html("<p>The reader left no doubts about this page.</p>")
    else:
        _table(notes)

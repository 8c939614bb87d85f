"""Pure pandas measures of an entries table: coverage, cadence, gaps, bursts and shares.

Every function takes the entries table of :func:`livebrief.model.entries_frame` (and, where
needed, page facts such as the roster) and returns plain values or small data frames. Nothing
here reads files, draws, or invents a time the page did not give.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from livebrief.model import RosterMember, entry_times

log = logging.getLogger(__name__)

#: Name given to entries that carry no byline.
LIVE_DESK = "Live desk"
#: Name of the group of correspondents beyond the ``top`` named ones.
OTHERS = "others"
#: Place of a bylined entry whose place neither the byline nor the roster gives.
NOT_STATED = "not stated"
#: Cadence bins to choose from, in minutes.
BIN_CHOICES: tuple[int, ...] = (1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440)


@dataclass(frozen=True)
class Coverage:
    """How much of what a page covered: counts and the first and last timed post (UTC)."""

    entries: int
    words: int
    timed: int
    first: pd.Timestamp | None
    last: pd.Timestamp | None

    @property
    def span(self) -> pd.Timedelta | None:
        """Time from the first to the last timed post, or ``None`` without times."""
        if self.first is None or self.last is None:
            return None
        return pd.Timedelta(self.last - self.first)


@dataclass(frozen=True)
class Gaps:
    """Silences between consecutive timed posts.

    ``table`` has one row per gap: ``after`` and ``before`` (UTC timestamps), ``minutes``,
    ``after_headline`` and ``before_headline``.
    """

    count: int
    median: pd.Timedelta | None
    longest: pd.Timedelta | None
    longest_after: pd.Timestamp | None
    longest_before: pd.Timestamp | None
    table: pd.DataFrame


def timed_entries(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the entries that carry a time, oldest first, with a UTC ``utc`` column."""
    out = frame.assign(utc=entry_times(frame))
    out = out[out["utc"].notna()]
    return out.sort_values(["utc", "seq"], kind="stable")


def page_zone(frame: pd.DataFrame, timezone: str | None = None) -> tzinfo | None:
    """Return the zone to show times in: the page's IANA zone, else the first post's offset.

    Parameters
    ----------
    frame
        The entries table.
    timezone
        The page's IANA zone name (``Page.timezone``), if it stated one.

    Returns
    -------
    datetime.tzinfo or None
        ``None`` when neither the page nor any post gives a zone.
    """
    if timezone:
        try:
            return ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            log.warning("unknown time zone %r; showing times with their own offsets", timezone)
    for raw in frame["time"].dropna():
        stamp = pd.Timestamp(str(raw))
        if stamp.tzinfo is not None:
            return stamp.tzinfo
    return None


def coverage(frame: pd.DataFrame) -> Coverage:
    """Count entries, words and timed entries, and find the first and last timed post."""
    times = entry_times(frame).dropna()
    return Coverage(
        entries=len(frame),
        words=int(frame["words"].sum()),
        timed=len(times),
        first=pd.Timestamp(times.min()) if len(times) else None,
        last=pd.Timestamp(times.max()) if len(times) else None,
    )


def choose_bin(span: pd.Timedelta | None, target: int = 24) -> int:
    """Pick a cadence bin (minutes) that cuts ``span`` into at most ``target`` bins."""
    if span is None or span <= pd.Timedelta(0):
        return 15
    minutes = span / pd.Timedelta(minutes=1)
    for choice in BIN_CHOICES:
        if minutes / choice <= target:
            return choice
    return BIN_CHOICES[-1]


def burst_threshold(posts: pd.Series, k: float = 2.0) -> float:
    """Return the usual rate plus ``k`` spreads: ``median + k * MAD`` of posts per bin.

    MAD is the median absolute deviation, which a few busy bins cannot drag up the way they
    drag a mean and standard deviation.
    """
    if posts.empty:
        return 0.0
    median = float(posts.median())
    mad = float((posts - median).abs().median())
    return median + k * mad


def posts_per_bin(
    frame: pd.DataFrame, minutes: int, *, k: float = 2.0, min_posts: int = 3
) -> pd.DataFrame:
    """Count timed posts per bin over the covered span, bursts flagged.

    A bin is a *burst* when it holds more posts than ``median + k * MAD`` of all bins
    (empty bins included) and at least ``min_posts`` posts.

    Parameters
    ----------
    frame
        The entries table.
    minutes
        Bin width in minutes.
    k, min_posts
        The burst rule, see :func:`burst_threshold`.

    Returns
    -------
    pandas.DataFrame
        Columns ``start`` and ``end`` (UTC), ``posts``, ``words``, ``burst``; no rows when
        no entry has a time.
    """
    cols = ["start", "end", "posts", "words", "burst"]
    timed = timed_entries(frame)
    if timed.empty:
        return pd.DataFrame(columns=cols)
    width = pd.Timedelta(minutes=minutes)
    origin = pd.Timestamp("2000-01-01", tz="UTC")
    starts = origin + ((timed["utc"] - origin) // width) * width
    grouped = timed.assign(start=starts).groupby("start")
    counts = pd.DataFrame({"posts": grouped.size(), "words": grouped["words"].sum()})
    index = pd.date_range(starts.min(), starts.max(), freq=width, name="start")
    counts = counts.reindex(index, fill_value=0).reset_index()
    counts["end"] = counts["start"] + width
    counts["posts"] = counts["posts"].astype("int64")
    counts["words"] = counts["words"].astype("int64")
    threshold = burst_threshold(counts["posts"], k)
    counts["burst"] = (counts["posts"] > threshold) & (counts["posts"] >= min_posts)
    return counts[cols]


def gaps(frame: pd.DataFrame) -> Gaps:
    """Measure the silences between consecutive timed posts (median, longest and where)."""
    timed = timed_entries(frame)
    utc = timed["utc"].reset_index(drop=True)
    heads = timed["headline"].reset_index(drop=True)
    table = pd.DataFrame(
        {
            "after": utc.iloc[:-1].to_numpy(),
            "before": utc.iloc[1:].to_numpy(),
            "after_headline": heads.iloc[:-1].to_numpy(),
            "before_headline": heads.iloc[1:].to_numpy(),
        }
    )
    if table.empty:
        table["minutes"] = pd.Series(dtype="float64")
        return Gaps(0, None, None, None, None, table)
    table["after"] = pd.to_datetime(table["after"], utc=True)
    table["before"] = pd.to_datetime(table["before"], utc=True)
    deltas = pd.Series(table["before"] - table["after"])
    table["minutes"] = deltas.dt.total_seconds() / 60.0
    where = int(deltas.to_numpy().argmax())
    return Gaps(
        count=len(table),
        median=pd.Timedelta(deltas.median()),
        longest=pd.Timedelta(deltas.iloc[where]),
        longest_after=pd.Timestamp(table["after"].iloc[where]),
        longest_before=pd.Timestamp(table["before"].iloc[where]),
        table=table,
    )


def byline(authors: Sequence[str] | None, author: object = None) -> str:
    """Name an entry's correspondent: its authors joined by " & ", or :data:`LIVE_DESK`."""
    names = [a for a in (authors or []) if a]
    if names:
        return " & ".join(names)
    if isinstance(author, str) and author:
        return author
    return LIVE_DESK


def bylines(frame: pd.DataFrame) -> pd.Series:
    """Return each entry's correspondent as named by :func:`byline`."""
    values = [byline(list(a) if a is not None else [], au) for a, au in _pairs(frame)]
    return pd.Series(values, index=frame.index, dtype="string", name="correspondent")


def _pairs(frame: pd.DataFrame) -> Iterable[tuple[Sequence[str] | None, object]]:
    authors = frame["authors"].tolist()
    author = frame["author"].astype("object").where(frame["author"].notna(), None).tolist()
    return zip(authors, author, strict=True)


def _shares(grouped: pd.DataFrame, key: str) -> pd.DataFrame:
    total_posts = max(int(grouped["posts"].sum()), 1)
    total_words = max(int(grouped["words"].sum()), 1)
    grouped["post_share"] = grouped["posts"] / total_posts
    grouped["word_share"] = grouped["words"] / total_words
    return grouped[[key, "posts", "words", "post_share", "word_share"]].reset_index(drop=True)


def author_shares(frame: pd.DataFrame, top: int = 8) -> pd.DataFrame:
    """Posts and words per correspondent, the ``top`` busiest named and the rest as "others".

    Entries without a byline count for :data:`LIVE_DESK`; a co-written entry counts once, for
    its joint byline ("A & B"), so the shares add up to the whole page.

    Returns
    -------
    pandas.DataFrame
        Columns ``correspondent``, ``posts``, ``words``, ``post_share``, ``word_share`` (0-1),
        busiest first, "others" last.
    """
    work = pd.DataFrame({"correspondent": bylines(frame), "words": frame["words"]})
    grouped = (
        work.groupby("correspondent", sort=False)
        .agg(posts=("words", "size"), words=("words", "sum"))
        .reset_index()
        .sort_values(["posts", "words", "correspondent"], ascending=[False, False, True])
    )
    if top >= 0 and len(grouped) > top + 1:
        head, tail = grouped.iloc[:top], grouped.iloc[top:]
        rest = pd.DataFrame(
            {
                "correspondent": [OTHERS],
                "posts": [tail["posts"].sum()],
                "words": [tail["words"].sum()],
            }
        )
        grouped = pd.concat([head, rest], ignore_index=True)
    grouped["correspondent"] = grouped["correspondent"].astype("string")
    return _shares(grouped, "correspondent")


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def entry_places(frame: pd.DataFrame, roster: Sequence[RosterMember] = ()) -> pd.Series:
    """Return each entry's place: its own, else its first author's in the roster.

    Unbylined entries get :data:`LIVE_DESK`; bylined entries with no known place get
    :data:`NOT_STATED`.
    """
    where = {_norm(m.name): m.place for m in roster if m.place}
    places: list[str] = []
    for (authors, author), own in zip(_pairs(frame), frame["place"].tolist(), strict=True):
        names = [a for a in (authors or []) if a] or ([author] if isinstance(author, str) else [])
        if isinstance(own, str) and own:
            places.append(own)
        elif not names:
            places.append(LIVE_DESK)
        else:
            found = next((where[_norm(n)] for n in names if _norm(n) in where), None)
            places.append(found or NOT_STATED)
    return pd.Series(places, index=frame.index, dtype="string", name="place")


def place_shares(frame: pd.DataFrame, roster: Sequence[RosterMember] = ()) -> pd.DataFrame:
    """Posts and words per bureau or place (see :func:`entry_places`), busiest first."""
    work = pd.DataFrame({"place": entry_places(frame, roster), "words": frame["words"]})
    grouped = (
        work.groupby("place", sort=False)
        .agg(posts=("words", "size"), words=("words", "sum"))
        .reset_index()
        .sort_values(["posts", "words", "place"], ascending=[False, False, True])
    )
    return _shares(grouped, "place")


def labels_by_author(frame: pd.DataFrame) -> pd.DataFrame:
    """Count labels (Breaking, Analysis, ...) per correspondent.

    Returns
    -------
    pandas.DataFrame
        One row per correspondent with at least one label, one column per label, plus a
        ``correspondent`` column first; empty when no entry has a label.
    """
    rows = [
        (who, str(label))
        for who, labels in zip(bylines(frame), frame["labels"].tolist(), strict=True)
        for label in (labels if labels is not None else [])
    ]
    if not rows:
        return pd.DataFrame(columns=["correspondent"])
    pairs = pd.DataFrame(rows, columns=["correspondent", "label"])
    table = pd.crosstab(pairs["correspondent"], pairs["label"])
    table.columns.name = None
    return table.reset_index()


def roster_coverage(frame: pd.DataFrame, roster: Sequence[RosterMember]) -> pd.DataFrame:
    """Compare the page's roster ("With updates from ...") with who actually posted.

    Returns
    -------
    pandas.DataFrame
        Columns ``name``, ``place``, ``listed`` (bool), ``posts`` and ``status``: one of
        "listed, posted", "listed, no post", "posted, not listed". Roster order first.
    """
    posts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for authors, author in _pairs(frame):
        names = [a for a in (authors or []) if a] or ([author] if isinstance(author, str) else [])
        for name in names:
            posts[_norm(name)] = posts.get(_norm(name), 0) + 1
            shown.setdefault(_norm(name), name)
    rows: list[dict[str, object]] = []
    listed: set[str] = set()
    for member in roster:
        key = _norm(member.name)
        listed.add(key)
        n = posts.get(key, 0)
        status = "listed, posted" if n else "listed, no post"
        rows.append(
            {
                "name": member.name,
                "place": member.place,
                "listed": True,
                "posts": n,
                "status": status,
            }
        )
    for key, n in posts.items():
        if key not in listed:
            rows.append(
                {
                    "name": shown[key],
                    "place": None,
                    "listed": False,
                    "posts": n,
                    "status": "posted, not listed",
                }
            )
    out = pd.DataFrame(rows, columns=["name", "place", "listed", "posts", "status"])
    return out.astype(
        {
            "name": "string",
            "place": "string",
            "listed": "bool",
            "posts": "int64",
            "status": "string",
        }
    )


def _numbers(positions: Iterable[int]) -> str:
    return ", ".join(f"#{p + 1}" for p in positions)


def quality_notes(frame: pd.DataFrame, page_notes: Sequence[str] = ()) -> pd.DataFrame:
    """List what the reader was unsure of, so a reader of the briefing can judge the numbers.

    Covers entries without a headline, notes the reader left on entries (such as ambiguous
    bylines) and on the page, and times: none at all, clocks without a date, ages only
    ("5h ago"), or a printed time the reader could not turn into a clock.

    Returns
    -------
    pandas.DataFrame
        Columns ``kind`` ("headline", "byline", "time", "reader"), ``entries`` ("#3, #5";
        1-based positions in page order, empty for page-wide notes) and ``note``.
    """
    rows: list[tuple[str, str, str]] = []
    pos = frame["position"]
    no_head = frame["headline"].isna() | (frame["headline"].fillna("").str.strip() == "")
    if no_head.any():
        rows.append(
            (
                "headline",
                _numbers(pos[no_head]),
                f"{int(no_head.sum())} of {len(frame)} entries have no headline",
            )
        )
    has_time = frame["time"].notna()
    clock_only = frame["clock"].notna() & ~has_time
    age_only = frame["age"].notna() & frame["clock"].isna() & ~has_time
    raw_only = frame["time_raw"].notna() & frame["clock"].isna() & frame["age"].isna()
    if not has_time.any():
        rows.append(
            (
                "time",
                "",
                "the page gave no times that could be dated: no cadence "
                "is drawn and no time is invented",
            )
        )
    elif not has_time.all():
        rows.append(
            (
                "time",
                _numbers(pos[~has_time]),
                f"{int((~has_time).sum())} of "
                f"{len(frame)} entries have no time and are left out of the cadence",
            )
        )
    if clock_only.any():
        rows.append(
            (
                "time",
                _numbers(pos[clock_only]),
                "clock time printed but no date known (set the date parameter to place them)",
            )
        )
    if age_only.any():
        rows.append(
            (
                "time",
                _numbers(pos[age_only]),
                "only a relative age (such as "
                "'5h ago') was printed; kept as text, not turned into a time",
            )
        )
    if raw_only.any():
        rows.append(("time", _numbers(pos[raw_only]), "a time was printed but could not be read"))
    for p, notes in zip(pos.tolist(), frame["notes"].tolist(), strict=True):
        for note in notes if notes is not None else []:
            kind = "byline" if re.search(r"byline|author|name", note, re.I) else "reader"
            rows.append((kind, _numbers([p]), str(note)))
    rows.extend(("reader", "", str(n)) for n in page_notes)
    return pd.DataFrame(rows, columns=["kind", "entries", "note"], dtype="string")

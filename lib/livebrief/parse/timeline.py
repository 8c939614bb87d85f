"""Entries that carry exact times: the page's zone, clocks, order and ``seq`` from those times.

The structured readers (JSON-LD, page markup, publisher JSON) get an instant with a UTC offset
for each post, where the text reader gets only a printed clock. :func:`finish` turns those
instants into the same fields the text reader fills: ``clock`` and ``date`` in the page's zone,
``tz``, the page's ``order`` and each entry's ``seq`` (0 = oldest), and ``place`` from the role
or the roster.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime, timedelta, timezone, tzinfo
from itertools import pairwise
from zoneinfo import ZoneInfo

from livebrief import times
from livebrief.model import NEWEST_FIRST, OLDEST_FIRST, Entry, Page
from livebrief.parse import bylines

log = logging.getLogger(__name__)

_UTC = timezone.utc
_FIRST_YEAR, _LAST_YEAR = 1970, 2200


def parse_instant(value: object) -> datetime | None:
    """Read a timestamp as structured data gives it: ISO 8601 text or epoch milliseconds.

    ``2022-05-19T15:49:30Z``, ``2022-05-19T16:49:30.000+01:00``, ``2022-05-19T16:49`` (naive:
    returned without a zone, placed in the page's zone later), ``{"iso8601": ...}`` or
    ``{"dateTime": 1652975370000}`` (the Content API's thrift form), or a number of
    milliseconds since 1970. Returns None for anything else.
    """
    if isinstance(value, dict):
        value = value.get("iso8601") or value.get("dateTime")
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            stamp = datetime.fromtimestamp(value / 1000, tz=_UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return stamp if _FIRST_YEAR <= stamp.year <= _LAST_YEAR else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return None
    # Years a live page can have; the extremes would overflow when moved between zones.
    return stamp if _FIRST_YEAR <= stamp.year <= _LAST_YEAR else None


def offset_name(offset: timedelta) -> str:
    """Write a UTC offset as ``UTC+05:30``."""
    total = int(offset.total_seconds()) // 60
    sign = "+" if total >= 0 else "-"
    h, m = divmod(abs(total), 60)
    return f"UTC{sign}{h:02d}:{m:02d}"


@dataclass
class ZoneChoice:
    """The zone clocks are shown in: a tzinfo, its IANA name (None for a bare offset), notes."""

    zone: tzinfo | None = None
    name: str | None = None
    notes: list[str] = field(default_factory=list)


def _fits(zone: str, stamps: list[datetime]) -> bool:
    info = ZoneInfo(zone)
    return all(t.utcoffset() == t.astimezone(info).utcoffset() for t in stamps)


def _fixed(offset: timedelta) -> ZoneChoice:
    if not offset:
        return ZoneChoice(ZoneInfo("UTC"), "UTC")
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest == 0 and -12 <= hours <= 14:
        name = "Etc/GMT" + (f"{-hours:+d}")  # POSIX signs: Etc/GMT-1 is one hour ahead of UTC
        return ZoneChoice(ZoneInfo(name), name)
    return ZoneChoice(timezone(offset), None)


def choose_zone(
    stamps: list[datetime],
    *,
    stated: str | None = None,
    tz: str | None = None,
    default: str | None = None,
    default_why: str = "",
) -> ZoneChoice:
    """Choose the zone to show a page's clocks in.

    Parameters
    ----------
    stamps
        The aware post times.
    stated
        The zone the page itself states (``All times stated are UK``): always used.
    tz
        The zone the user gave: used when the page states none.
    default
        The publisher's usual zone (the Guardian's Europe/London): used when the offsets are
        all UTC or fit it.
    default_why
        Said in the page notes when the default is used.

    Returns
    -------
    ZoneChoice
        The zone, its IANA name when it has one (``Etc/GMT-1`` for a steady ``+01:00``), and
        notes on what was assumed.
    """
    name = stated or tz
    if name:
        return ZoneChoice(ZoneInfo(name), name)
    offsets = {t.utcoffset() for t in stamps}
    if default and (not offsets - {timedelta(0)} or _fits(default, stamps)):
        notes = [default_why] if default_why and stamps else []
        return ZoneChoice(ZoneInfo(default), default, notes)
    if not offsets:
        return ZoneChoice()
    if len(offsets) == 1:
        (only,) = offsets
        return _fixed(only or timedelta(0))
    for cand in dict.fromkeys(times.ZONE_ALIASES.values()):
        if _fits(cand, stamps):
            return ZoneChoice(ZoneInfo(cand), cand, [f"the posts' UTC offsets fit {cand}"])
    shown = ", ".join(sorted(offset_name(o or timedelta(0)) for o in offsets))
    return ZoneChoice(notes=[f"posts carry different UTC offsets ({shown}): each keeps its own"])


def _order(entries: list[Entry]) -> tuple[str | None, int]:
    """Return the order the exact times show and how many steps go against it."""
    stamps = [e.time for e in entries if e.time is not None]
    up = down = 0
    for a, b in pairwise(stamps):
        if b > a:
            up += 1
        elif b < a:
            down += 1
    if up == down:
        return times.detect_order(entries), 0
    return (NEWEST_FIRST if down > up else OLDEST_FIRST), min(up, down)


def _assign_seq(entries: list[Entry], order: str) -> None:
    chrono = entries[::-1] if order == NEWEST_FIRST else list(entries)
    floor = datetime.min.replace(tzinfo=_UTC)
    keys: list[tuple[datetime, int]] = []
    last = floor
    for i, e in enumerate(chrono):
        if e.time is not None:
            last = e.time
        keys.append((last, i))
    ranked = sorted(range(len(chrono)), key=lambda i: keys[i])
    for seq, i in enumerate(ranked):
        chrono[i].seq = seq


def _localise(entries: list[Entry], choice: ZoneChoice) -> None:
    for e in entries:
        if e.time is None:
            continue
        local = e.time.astimezone(choice.zone) if choice.zone else e.time
        e.time = local
        e.clock = f"{local:%H:%M}"
        e.date = local.date().isoformat()
        e.tz = choice.name or offset_name(local.utcoffset() or timedelta(0))


def _clock_marks(
    page: Page,
    entries: list[Entry],
    marks: list[times.TimeMark | None],
    *,
    zone: str | None,
    date: Date | None,
    tz: str | None,
) -> None:
    """Date printed clocks the way the text reader does, for markup without ``datetime``."""
    for e, mark in zip(entries, marks, strict=True):
        if mark is not None:
            e.clock, e.time_raw, e.age = mark.clock, mark.raw, mark.age
    order = times.detect_order(entries) or NEWEST_FIRST
    page.notes.extend(
        times.resolve(entries, marks, order=order, page_zone=zone, page_date=None, date=date, tz=tz)
    )


def finish(
    page: Page,
    entries: list[Entry],
    *,
    tz: str | None = None,
    stated: str | None = None,
    default: str | None = None,
    default_why: str = "",
    marks: list[times.TimeMark | None] | None = None,
    date: Date | None = None,
) -> None:
    """Fill the fields that follow from exact times and the page as a whole, in place.

    Parameters
    ----------
    page
        The page; its ``timezone``, ``order`` and ``notes`` are set.
    entries
        The entries in input order; ``time`` is aware, naive (placed in the page's zone) or
        None. ``position``, ``seq``, ``clock``, ``date``, ``tz`` and ``place`` are set.
    tz, stated, default, default_why
        See :func:`choose_zone`.
    marks
        Printed clocks for entries without an exact time (markup without ``datetime``); used,
        with ``date``, only when no entry has an exact time.
    date
        The date of the oldest post, for printed clocks without dates.
    """
    for pos, e in enumerate(entries):
        e.position = pos
    aware = [e.time for e in entries if e.time is not None and e.time.tzinfo is not None]
    choice = choose_zone(aware, stated=stated, tz=tz, default=default, default_why=default_why)
    page.notes.extend(choice.notes)
    naive = [(e, e.time) for e in entries if e.time is not None and e.time.tzinfo is None]
    if naive:
        zone = choice.zone or _UTC
        for e, stamp in naive:
            e.time = stamp.replace(tzinfo=zone)
        if choice.zone is None:
            page.notes.append("some times carry no UTC offset and the page states no zone: UTC")
    _localise(entries, choice)
    page.timezone = choice.name or page.timezone
    if marks and not any(e.time for e in entries) and any(marks):
        _clock_marks(page, entries, marks, zone=choice.name, date=date, tz=tz)
    order, against = _order(entries)
    if order is None:
        order = NEWEST_FIRST
        page.notes.append("order assumed newest first: the page's times do not tell")
    if against:
        page.notes.append(
            f"{against} step(s) between posts go against the page's order ({order}): "
            "seq follows the times"
        )
    page.order = order
    _assign_seq(entries, order)
    roster = {m.name: m.place for m in page.roster}
    for e in entries:
        e.place = (
            bylines.place_from_role(e.role)
            or (roster.get(e.author) if e.author else None)
            or bylines.beat_from_role(e.role)
        )
        if e.tz is None:
            e.tz = page.timezone

"""Times on live pages: the forms they are printed in, page time zones, dates and midnight.

A live page prints a clock (``19:26``, ``4.49pm``, ``1949:``) and only sometimes a date or zone.
This module recognises those forms (:func:`match_time_line`, :func:`split_published`), maps zone
names to IANA zones (:func:`zone_for`), and turns clocks into aware timestamps once the page's
order is known (:func:`resolve`), rolling over midnight without inventing anything.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date as Date
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from dateutil import parser as dateparser

from livebrief.model import NEWEST_FIRST, OLDEST_FIRST, Entry

log = logging.getLogger(__name__)

#: Zone names and abbreviations printed on live pages -> IANA zone.
ZONE_ALIASES: dict[str, str] = {
    "uk": "Europe/London",
    "bst": "Europe/London",
    "british summer time": "Europe/London",
    "uk time": "Europe/London",
    "london": "Europe/London",
    "gmt": "UTC",
    "greenwich mean time": "UTC",
    "utc": "UTC",
    "z": "UTC",
    "et": "America/New_York",
    "edt": "America/New_York",
    "est": "America/New_York",
    "eastern": "America/New_York",
    "eastern time": "America/New_York",
    "eastern daylight time": "America/New_York",
    "eastern standard time": "America/New_York",
    "ct": "America/Chicago",
    "cdt": "America/Chicago",
    "cst": "America/Chicago",
    "mt": "America/Denver",
    "mdt": "America/Denver",
    "mst": "America/Denver",
    "pt": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "cet": "Europe/Paris",
    "cest": "Europe/Paris",
    "central european time": "Europe/Paris",
    "central european summer time": "Europe/Paris",
    "eet": "Europe/Kyiv",
    "eest": "Europe/Kyiv",
    "kyiv time": "Europe/Kyiv",
    "msk": "Europe/Moscow",
    "moscow time": "Europe/Moscow",
    "kst": "Asia/Seoul",
    "jst": "Asia/Tokyo",
    "hkt": "Asia/Hong_Kong",
    "sgt": "Asia/Singapore",
    "ist": "Asia/Kolkata",
    "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney",
}
# Cities a zone note names ("All times are Paris time (GMT+1)"), with and without "time".
_CITY_ZONES = {
    "paris": "Europe/Paris",
    "berlin": "Europe/Berlin",
    "brussels": "Europe/Brussels",
    "kyiv": "Europe/Kyiv",
    "kiev": "Europe/Kyiv",
    "moscow": "Europe/Moscow",
    "jerusalem": "Asia/Jerusalem",
    "israel": "Asia/Jerusalem",
    "new york": "America/New_York",
    "washington": "America/New_York",
    "seoul": "Asia/Seoul",
    "tokyo": "Asia/Tokyo",
    "beijing": "Asia/Shanghai",
    "hong kong": "Asia/Hong_Kong",
    "singapore": "Asia/Singapore",
    "delhi": "Asia/Kolkata",
    "india": "Asia/Kolkata",
    "doha": "Asia/Qatar",
    "dubai": "Asia/Dubai",
    "sydney": "Australia/Sydney",
    "melbourne": "Australia/Melbourne",
    "canberra": "Australia/Sydney",
}
for _city, _zone in _CITY_ZONES.items():
    ZONE_ALIASES.setdefault(_city, _zone)
    ZONE_ALIASES.setdefault(f"{_city} time", _zone)


@lru_cache(maxsize=1)
def _database_cities() -> dict[str, str]:
    """Every other city of the zone database ("All times are Prague time (GMT+1)").

    A bare name only when longer than a zone abbreviation, so that "ROME" in capitals is never
    read as a zone. Built on first use: listing the database costs tens of milliseconds,
    which every command would otherwise pay at start-up.
    """
    cities: dict[str, str] = {}
    for zone in sorted(available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/")):
            continue
        city = zone.rsplit("/", 1)[1].replace("_", " ").lower()
        cities.setdefault(f"{city} time", zone)
        if len(city) > 4:
            cities.setdefault(city, zone)
    return cities


# The BBC's own time forms print UK time (see TimeMark.house).
UK = "Europe/London"

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_FORMS = (
    rf"\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?"  # 12 September 2023, 12 Sep, 3 December
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"  # April 25, 2019
    r"|\d{1,2}\.\d{1,2}\.\d{4}"  # 4.5.2015 (day first)
    r"|\d{1,2}/\d{1,2}/\d{4}"  # 03/05/2024 (day first, but month first in US zones)
    r"|\d{4}-\d{2}-\d{2}"  # 2024-06-18
)
# A zone as printed: an abbreviation, an offset from GMT or UTC (Reuters' "GMT+8"), or words.
_ZONE = r"(?:GMT|UTC)\s?[+−-]\s?\d{1,2}(?::?\d{2})?|[A-Z]{2,4}|(?:[A-Z][a-z]+\s){1,3}Time"

# A line that is nothing but a post's time, in the forms the corpus shows.
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+"
# "Today 11:48 pm" (Times of Israel): the day is relative, so only the clock is kept.
_RELATIVE_DAY = r"(?:Today|Yesterday),?\s+(?:at\s+)?"
_TIME_LINE = re.compile(
    rf"""^\s*(?:[-–•]\s*)?(?:(?:Posted|Published):?\s+(?:on\s+)?)?(?:{_WEEKDAY})?(?:{_RELATIVE_DAY})?
    (?:date\s+(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\s+)?
    (?:(?P<d1>{_DATE_FORMS})\s*(?:[-–,•/]|\s+at\b)?\s*)?
    (?P<h>\d{{1,2}})(?P<sep>[:.])(?P<m>\d{{2}})(?::(?P<sec>\d{{2}}))?
    (?:\s*(?P<ap>[aApP]\.?\s?[mM]\.?))?
    (?:\s*\(\s*(?P<h2>\d{{1,2}}):(?P<m2>\d{{2}})\s*(?P<z2>{_ZONE})\s*\))?
    (?:\s*,?\s*\(?(?P<zone>{_ZONE})\b\)?)?
    (?:\s*,?\s*(?P<d2>{_DATE_FORMS}))?
    \s*$""",
    re.VERBOSE,
)
_POSTED = re.compile(r"^\s*Posted at\s+(?P<h>\d{1,2}):(?P<m>\d{2})(?:\s*(?P=h):(?P=m))?\s*$", re.I)
_PUBLISHED = re.compile(
    rf"""^(?P<head>.*?)published\s+at\s+(?P<h>\d{{1,2}}):(?P<m>\d{{2}})
    (?:\s*(?P<zone>{_ZONE}))?
    (?:\s*(?P<d2>{_DATE_FORMS}))?\s*$""",
    re.VERBOSE | re.I,
)
# A time that opens a line of text: the Guardian's "8.58am: Good morning" (2012), Al Jazeera's
# "03:40 GMT - China to temporarily bar entry" (2020). A 12-hour clock or a zone is required, or
# a 24-hour clock before a dash: "2.30 - 1" is a score, "10.5: " a number.
_LEADING = re.compile(
    rf"""^\s*(?P<h>\d{{1,2}})(?P<sep>[:.])(?P<m>\d{{2}})
    (?:\s*(?P<ap>[aApP]\.?\s?[mM]\.?))?
    (?:\s*(?P<zone>{_ZONE})\b)?
    \s*(?P<cut>:|[-–—|])\s+(?P<rest>\S.*?)\s*$""",
    re.VERBOSE,
)
_HHMM = re.compile(r"^\s*(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d):(?:\s+(?P<rest>.*?))?\s*$")
_AGE_FORMS = (
    r"\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago"
    r"|just now|moments ago"
)
_AGE = re.compile(rf"^\s*(?:{_AGE_FORMS})\s*$", re.I)
# An age and a clock on one line: "2h ago 22.40 BST", "3h ago / 6:05 PM EST", and the
# Guardian's "2h ago22.40 BST", where a copy from the browser glues the two together.
_AGE_THEN_CLOCK = re.compile(rf"^\s*(?P<age>{_AGE_FORMS})\s*[/|•·]?\s*(?P<rest>\d.*)$", re.I)
_TZ_NOTE = re.compile(
    r"^\s*(?:All\s+)?times\s+(?:(?:are\s+)?stated\s+(?:are\s+|in\s+)?|are\s+(?:in\s+)?|in\s+)?"
    r"(?P<zone>[A-Za-z][A-Za-z ]*?)\s*(?:time)?\s*(?:\([^)]*\))?\.?\s*$",
    re.I,
)
_UPDATED = re.compile(
    r"(?:^|\s|(?<=[A-Z0-9]))(?:(?:last\s+)?updated|modified|issued\s+on|published\s+on)"
    r"(?:\s+at|\s*:)?\s",  # (Reuters glues it: "October 31, 20244:45 PM GMTUpdated 12 min ago")
    re.I,
)


@dataclass(frozen=True)
class TimeMark:
    """A time printed for a post: its clock and whatever date and zone came with it."""

    clock: str | None
    raw: str
    date: Date | None = None
    month_day: tuple[int, int] | None = None
    zone: str | None = None
    age: str | None = None
    # The zone the publisher's form implies when neither the line nor the page names one:
    # "Posted at 19:26", BBC Sport's "1949:" and BBC's "published at 09:42" are UK time, and
    # so are the clocks of a page that says it is Sky News's.
    house: str | None = None
    # Names printed glued in front of the time ("Tom Watling5 January 2024 23:10").
    byline: tuple[str, ...] | None = None
    # Days from a year-less month_day to the clock's date (the day printed is a local clock's,
    # the clock kept is GMT's); a full ``date`` is already moved.
    day_shift: int = 0
    # The text printed after the time on its line ("8.58am: Good morning ...", Al Jazeera's
    # "03:40 GMT - China to bar entry"): the post's headline or its first paragraph.
    lead: str | None = None


def zone_for(name: str | None) -> str | None:
    """Return the IANA zone for a printed zone name (``BST``, ``UK``, ``Europe/Kyiv``) or None."""
    if not name:
        return None
    key = " ".join(name.strip().lower().split())
    if key in ZONE_ALIASES:
        return ZONE_ALIASES[key]
    if key[:3] in ("gmt", "utc") and (offset := _OFFSET.match(key)):
        return _offset_zone(offset)
    if key in (cities := _database_cities()):
        return cities[key]
    if "/" in name:
        try:
            ZoneInfo(name.strip())
        except (ZoneInfoNotFoundError, ValueError):
            return None
        return name.strip()
    return None


_OFFSET = re.compile(r"^(?:gmt|utc)\s?(?P<sign>[+−-])\s?(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$")
# Offsets off the whole hour have no Etc/ zone: the zone that keeps that offset all year.
_PART_HOUR_ZONES = {
    "+3:30": "Asia/Tehran",
    "+4:30": "Asia/Kabul",
    "+5:30": "Asia/Kolkata",
    "+5:45": "Asia/Kathmandu",
    "+6:30": "Asia/Yangon",
    "+9:30": "Australia/Darwin",
}


def _offset_zone(m: re.Match[str]) -> str | None:
    """Return the IANA zone for an offset ("GMT+8" is Etc/GMT-8: POSIX signs are reversed)."""
    sign = "-" if m["sign"] in "−-" else "+"
    hours, minutes = int(m["h"]), int(m["m"] or 0)
    if minutes:
        return _PART_HOUR_ZONES.get(f"{sign}{hours}:{minutes:02d}")
    if hours == 0:
        return "UTC"
    if hours > (12 if sign == "-" else 14):
        return None
    return f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"


_TZ_NOTE_IN = re.compile(
    r"\bAll\s+times\s+(?:are\s+|stated\s+are\s+|in\s+)(?:in\s+)?"
    r"(?P<zone>[A-Z][A-Za-z]*(?:\s[A-Z][A-Za-z]*)?)(?:\s+time)?\b"
)


def zone_note_in(line: str) -> str | None:
    """Return the zone a note inside a longer line names ("... All times are Paris time.")."""
    m = _TZ_NOTE_IN.search(line) if "times" in line else None
    return zone_for(m.group("zone")) if m else None


def page_zone_note(line: str) -> str | None:
    """Return the IANA zone named by a note such as ``All times stated are UK``, else None."""
    m = _TZ_NOTE.match(line)
    return zone_for(m.group("zone")) if m else None


_ZONE_TOKEN = re.compile(r"\b[A-Z]{2,5}\b")


def zone_in(line: str) -> str | None:
    """Return the zone of the first zone abbreviation printed in a line (``... 7:15 p.m. EST``)."""
    for m in _ZONE_TOKEN.finditer(line):
        token = m.group(0).lower()
        after = _OFFSET_AFTER.match(line, m.end()) if token in ("gmt", "utc") else None
        if after and (offset := _OFFSET.match(token + after.group(0))):
            return _offset_zone(offset)  # "GMT+8"
        zone = ZONE_ALIASES.get(token)
        if zone:
            return zone
    return None


_OFFSET_AFTER = re.compile(r"\s?[+−-]\s?\d{1,2}(?::?\d{2})?")


def is_updated_line(line: str) -> bool:
    """Tell whether a line is a page's "Last updated ..." stamp (never a post's time)."""
    return bool(_UPDATED.search(line)) and len(line) < 120 and any(c.isdigit() for c in line)


def _clock(h: str, m: str, ap: str | None = None) -> str | None:
    hour, minute = int(h), int(m)
    if ap:
        if not 1 <= hour <= 12:
            return None
        pm = ap.lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


@lru_cache(maxsize=4096)
def _date_parts(text: str | None) -> tuple[Date | None, tuple[int, int] | None]:
    """Parse a printed date; a date without a year gives only (month, day)."""
    if not text:
        return None, None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return Date.fromisoformat(text), None
        except ValueError:
            return None, None
    has_year = bool(re.search(r"\d{4}", text))
    try:
        # dateutil reads every printed form here; day-first is right for "4.5.2015" (RFE/RL).
        parsed = dateparser.parse(text, dayfirst=True, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None, None
    if has_year:
        return parsed.date(), None
    return None, (parsed.month, parsed.day)


def _mark(m: re.Match[str], raw: str, ap: str | None = None) -> TimeMark | None:
    gd = m.groupdict()
    clock = _clock(gd["h"], gd["m"], ap)
    if clock is None:
        return None
    zone = gd.get("zone")
    shift = 0
    if gd.get("h2"):
        # "18:40(18:40 GMT)": the bracketed clock is the one with a stated zone.
        local = clock
        clock = _clock(gd["h2"], gd["m2"]) or clock
        zone = gd.get("z2") or zone
        shift = _day_shift(local, clock)
    datestr = gd.get("iso") or gd.get("d1") or gd.get("d2")
    if datestr and "/" in datestr and (zone_for(zone) or "").startswith("America/"):
        # US pages print the month first: Politico's "03/05/2024 09:21 PM EST" is 5 March.
        first, second, year = datestr.split("/")
        datestr = f"{second}/{first}/{year}"
    day, month_day = _date_parts(datestr)
    if shift and day is not None:
        day += timedelta(days=shift)
    return TimeMark(
        clock, raw.strip(), day, month_day, zone_for(zone) if zone else None, day_shift=shift
    )


def _day_shift(local: str, zoned: str) -> int:
    """Return the days to add to a local clock's date to date the zoned clock beside it.

    Al Jazeera prints the date of its local clock: ``- 13 Sep 2023 - 01:05(22:05 GMT)`` is
    22:05 GMT on 12 September. The offset between the two clocks is at most 14 hours.
    """
    a, b = minutes(local), minutes(zoned)
    if a is None or b is None:
        return 0
    offset = (a - b) % 1440
    if offset > 840:
        offset -= 1440
    return (a - offset) // 1440


def match_time_line(line: str) -> TimeMark | None:
    """Return the time when a line is only a post's time (``Posted at 19:26``, ``17:20``, ...)."""
    if len(line) > 90:
        return None
    m = _POSTED.match(line)
    if m:
        return TimeMark(_clock(m["h"], m["m"]), line.strip(), house=UK)
    if _AGE.match(line):
        return TimeMark(None, line.strip(), age=line.strip())
    both = _AGE_THEN_CLOCK.match(line)
    if both:
        mark = match_time_line(both["rest"])
        if mark is None or mark.clock is None:
            return None
        return replace(mark, raw=line.strip(), age=both["age"])
    if line[:1] == "-" and line[1:2].isdigit():
        return None  # "-0:00": a video player's time left, not Al Jazeera's "- 18:40"
    if len(line) == 5 and line[4] == ":" and (hhmm := match_hhmm(line)) is not None:
        return hhmm[0]  # the BBC's 2013-14 "1558:" alone over a byline
    m = _TIME_LINE.match(line)
    if m is None:
        return None
    ap = m.group("ap")
    zone = m.group("zone")
    if m.group("sep") == "." and not ap and zone_for(zone) is None:
        return None  # "3.25" alone is a number; "16.49 BST" is the Guardian's time
    if zone and zone_for(zone) is None and not ap:
        return None  # "12:30 Wigan" is a score line, not a time
    if m.group("sec") and not (zone or ap or m.group("d1") or m.group("d2") or m.group("iso")):
        return None  # "1:02:33" alone is a video's length; "Jul 31, 2024, 10:49:01 (IST)" a time
    return _mark(m, line, ap)


# A dated time with text glued in front of it (The Independent prints the author's name and
# the time in one line: "Tom Watling5 January 2024 23:10").
_GLUED_DATED = re.compile(
    rf"^(?P<lead>\D{{4,80}}?)\s*(?P<rest>(?:\d{{1,2}}\s+|{_MONTH}\s+\d).*\d.*)$"
)


def split_glued_time(line: str) -> tuple[str, TimeMark] | None:
    """Split ``Tom Watling5 January 2024 23:10`` into the text in front and a dated time.

    None unless the rest is a time line with a clock and a date; the caller judges the text.
    """
    if len(line) > 120 or not line[-1].isalnum():
        return None
    m = _GLUED_DATED.match(line)
    if m is None:
        return None
    mark = match_time_line(m["rest"])
    if mark is None or mark.clock is None or (mark.date is None and mark.month_day is None):
        return None
    return m["lead"].strip(), mark


_CLOCK_THEN_TEXT = re.compile(
    rf"^(?P<h>\d{{1,2}}):(?P<m>\d{{2}})(?:,\s*(?P<d2>{_DATE_FORMS}))?(?P<rest>[A-Z][^\d]{{2,60}})$"
)


def split_clock_then_text(line: str) -> tuple[TimeMark, str] | None:
    """Split ``11:32Sarah Jones`` (Reach plc's post time glued to its author) into both.

    The clock may carry its date: ``22:45, 23 Jan 2024Liam Kelly``.
    """
    m = _CLOCK_THEN_TEXT.match(line)
    if m is None:
        return None
    mark = _mark(m, line[: m.start("rest")])
    return (mark, m["rest"].strip()) if mark is not None else None


def match_hhmm(text: str) -> tuple[TimeMark, str] | None:
    """Match BBC Sport's ``1949: `` time (no colon inside); return it and the rest of the line."""
    m = _HHMM.match(text)
    if m is None:
        return None
    mark = TimeMark(_clock(m["h"], m["m"]), f"{m['h']}{m['m']}:", house=UK)
    return mark, (m["rest"] or "").strip()


def split_leading_time(line: str) -> TimeMark | None:
    """Read a time that opens a line of text; the text after it is the mark's ``lead``.

    Also the BBC's 2013-14 ``1605: Ukraine's health ministry now says ...`` (no colon inside).
    """
    m = _LEADING.match(line)
    if m is None:
        if line[4:6] == ": " and (hhmm := match_hhmm(line)) is not None and hhmm[1]:
            return replace(hhmm[0], lead=hhmm[1])
        return None
    ap, zone = m["ap"], m["zone"]
    if zone and zone_for(zone) is None:
        return None  # "12:30 Wigan - ...": not a zone
    if not (ap or zone or (m["sep"] == ":" and m["cut"] != ":")):
        return None
    mark = _mark(m, line[: m.start("rest")].rstrip().rstrip(":-–—|").rstrip(), ap)
    return replace(mark, lead=m["rest"]) if mark is not None else None


def split_published(line: str) -> tuple[str, TimeMark] | None:
    """Split BBC's ``Headlinepublished at 09:42 British Summer Time 12 September 2023``."""
    if "ublished" not in line:
        return None
    m = _PUBLISHED.match(line)
    if m is None:
        return None
    mark = _mark(m, line[len(m["head"]) :])
    if mark is None:
        return None
    return m["head"].strip(), replace(mark, house=UK)


def minutes(clock: str | None) -> int | None:
    """Return minutes after midnight of an ``HH:MM`` clock."""
    if not clock:
        return None
    return int(clock[:2]) * 60 + int(clock[3:5])


def detect_order(entries: list[Entry], marks: list[TimeMark | None] | None = None) -> str | None:
    """Tell whether entries run newest or oldest first from their clocks (None if unknown).

    Consecutive clocks vote; a step backwards of under 12 hours is a vote for newest first, so
    a midnight roll-over (23:50 then 00:10) is read as the step forward it is. Where both posts
    print a full date (``marks``), the dates decide the step.
    """
    days = [m.date if m else None for m in marks] if marks else [None] * len(entries)
    seq = [
        (c, d) for e, d in zip(entries, days, strict=True) if (c := minutes(e.clock)) is not None
    ]
    down = up = 0
    for (a, da), (b, db) in pairwise(seq):
        if da is not None and db is not None:
            step = (db - da).days * 1440 + b - a  # dated: the true step
        else:
            step = (b - a) % 1440
            step = step - 1440 if step > 720 else step
        if step < 0:
            down += 1
        elif step > 0:
            up += 1
    if down == up:
        return None
    return NEWEST_FIRST if down > up else OLDEST_FIRST


def _dates_of(
    cmarks: list[TimeMark | None], fallback_year: int | None, notes: list[str]
) -> list[Date | None]:
    """Return the printed date of each mark (in time order), completing dates without a year.

    A year comes from the nearest full date before (or else after) the mark, else from the
    given date; it steps forward when the months run over New Year (31 Dec, then 1 Jan).
    """
    year = next((m.date.year for m in cmarks if m and m.date), fallback_year)
    prev: tuple[int, int] | None = None
    dates: list[Date | None] = []
    for mark in cmarks:
        d = mark.date if mark else None
        if d is not None:
            year, prev = d.year, (d.month, d.day)
        elif mark and mark.month_day and year:
            if prev and mark.month_day < prev and prev[0] - mark.month_day[0] > 6:
                year += 1
            try:
                d = Date(year, *mark.month_day) + timedelta(days=mark.day_shift)
            except ValueError:  # 29 February in a year that has none
                notes.append(f"{mark.raw!r}: no such date in {year}")
            prev = mark.month_day
        dates.append(d)
    return dates


# A clock that runs this far backwards between consecutive posts means the day changed.
_ROLLOVER_MINUTES = 180


def _propagate(chrono: list[Entry], dates: list[Date | None]) -> None:
    first = next((i for i, d in enumerate(dates) if d is not None), None)
    if first is None:
        return
    cur, prev = dates[first], minutes(chrono[first].clock)
    for i in range(first + 1, len(chrono)):
        clock = minutes(chrono[i].clock)
        if dates[i] is not None:
            cur = dates[i]
        elif cur is not None:
            if clock is not None and prev is not None and clock < prev - _ROLLOVER_MINUTES:
                cur = cur + timedelta(days=1)
            dates[i] = cur
        prev = clock if clock is not None else prev
    cur, nxt = dates[first], minutes(chrono[first].clock)
    for i in range(first - 1, -1, -1):
        clock = minutes(chrono[i].clock)
        if (
            cur is not None
            and clock is not None
            and nxt is not None
            and (clock > nxt + _ROLLOVER_MINUTES)
        ):
            cur = cur - timedelta(days=1)
        dates[i] = cur
        nxt = clock if clock is not None else nxt


def resolve(
    entries: list[Entry],
    marks: list[TimeMark | None],
    *,
    order: str,
    page_zone: str | None,
    page_date: Date | None,
    date: Date | None,
    tz: str | None,
) -> list[str]:
    """Give each entry its date and aware ``time`` from its mark, in place.

    Parameters
    ----------
    entries, marks
        Entries in input order and the time mark found for each (or None).
    order
        ``newest first`` or ``oldest first``; dates roll over midnight along time, not input.
    page_zone, page_date
        The zone and date the page itself states (``All times stated are UK``, a dateline).
    date, tz
        What the user gave: the date of the oldest post, and a zone when the page has none.

    Returns
    -------
    list of str
        Page-level notes on what was assumed (e.g. the zone taken as UTC).
    """
    notes: list[str] = []
    chrono_idx = list(range(len(entries)))
    if order == NEWEST_FIRST:
        chrono_idx.reverse()
    chrono = [entries[i] for i in chrono_idx]
    cmarks = [marks[i] for i in chrono_idx]
    anchor = date or page_date
    dates = _dates_of(cmarks, anchor.year if anchor else None, notes)
    printed = any(m and (m.date or m.month_day) for m in cmarks)
    if anchor is not None and not printed:
        clocked = [i for i, e in enumerate(chrono) if e.clock]
        if clocked:
            # The user's --date is the oldest post's; a page's "Last updated" stamp, the newest's.
            dates[clocked[0] if date else clocked[-1]] = anchor
    _propagate(chrono, dates)
    assumed_utc = False
    assumed_house: set[str] = set()
    for entry, mark, day in zip(chrono, cmarks, dates, strict=True):
        entry.tz = (mark.zone if mark else None) or page_zone or tz
        if entry.tz is None and mark is not None and mark.house:
            entry.tz = mark.house
            assumed_house.add(mark.house)
        if day is not None and entry.clock is None and mark is not None and mark.date == day:
            entry.date = day.isoformat()  # a day printed for a post without a time
        if day is None or entry.clock is None:
            continue
        entry.date = day.isoformat()
        zone = entry.tz
        if zone is None:
            zone, assumed_utc = "UTC", True
        h, m = int(entry.clock[:2]), int(entry.clock[3:])
        entry.time = datetime(day.year, day.month, day.day, h, m, tzinfo=ZoneInfo(zone))
    for zone in sorted(assumed_house):
        notes.append(f"the page states no time zone: its publisher's clocks are {zone} time")
    if assumed_utc:
        notes.append("the page states no time zone and none was given: times taken as UTC")
    return notes


# (A written month may follow digits: DW's "01/05/2024January 5, 2024".)
_DATE_IN = re.compile(rf"(?:(?<![\d.])|(?<=\d)(?=[A-Za-z]))(?:{_DATE_FORMS})(?![\d.])")


def date_in(line: str) -> Date | None:
    """Return the first full date (with a year) printed in a line, else None.

    A written date wins over a numeric one with slashes, whose order (day or month first)
    depends on the site: DW prints "01/05/2024January 5, 2024".
    """
    numeric = None
    for m in _DATE_IN.finditer(line):
        day, _ = _date_parts(m.group(0))
        if day is None:
            continue
        if "/" not in m.group(0):
            return day
        numeric = numeric or day
    return numeric


# (DW glues its numeric date to the written one: "01/05/2024January 5, 2024"; the written
# one is read, the numeric one being month-first or day-first by site.)
_DATE_ONLY = re.compile(
    rf"^\s*(?:\d{{1,2}}/\d{{1,2}}/\d{{4}}\s*)?(?:{_WEEKDAY})?(?P<d>{_DATE_FORMS})\s*$"
)


def date_line(line: str) -> Date | None:
    """Return the date when a line is only a date (a day separator: ``Tuesday 18 June 2024``)."""
    return day_line(line)[0]


def day_line(line: str) -> tuple[Date | None, tuple[int, int] | None]:
    """Read a line that is only a date: the date, or (month, day) without a year.

    (``Tuesday 18 June 2024``; Al Jazeera's ``Saturday, March 28`` over its posts.)
    """
    if len(line) > 40:
        return None, None
    m = _DATE_ONLY.match(line)
    if m is None:
        return None, None
    return _date_parts(m.group("d"))

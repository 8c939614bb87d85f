"""Tests for livebrief.times: every time form the corpus prints, zones, order and midnight.

The printed forms come from ``../shared/corpus`` (one test per form, named for the page that
prints it); :func:`resolve` is tested on hand-built entries so that dates, zones and the
midnight roll-over are checked apart from the reader.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from livebrief import times
from livebrief.model import NEWEST_FIRST, OLDEST_FIRST, Entry
from livebrief.times import TimeMark


def mark(line: str) -> TimeMark:
    """Return the mark of a line that must be a time line."""
    found = times.match_time_line(line)
    assert found is not None, f"{line!r} not read as a time"
    return found


def entries_for(*lines: str) -> tuple[list[Entry], list[TimeMark | None]]:
    """Build one entry per time line, in input order, as the reader does."""
    marks: list[TimeMark | None] = [mark(line) for line in lines]
    entries = [Entry(position=i, clock=m.clock if m else None) for i, m in enumerate(marks)]
    return entries, marks


def resolved(
    *lines: str,
    order: str,
    page_zone: str | None = None,
    page_date: date | None = None,
    day: date | None = None,
    tz: str | None = None,
) -> tuple[list[Entry], list[str]]:
    entries, marks = entries_for(*lines)
    notes = times.resolve(
        entries, marks, order=order, page_zone=page_zone, page_date=page_date, date=day, tz=tz
    )
    return entries, notes


def iso(entry: Entry) -> str | None:
    return entry.time.isoformat() if entry.time else None


# --- The printed forms, one per page that prints it -------------------------------------------


def test_posted_at_with_the_time_printed_twice() -> None:
    # rawabet_bbc_copy_postedat: older BBC markup prints the time twice, glued.
    m = mark("Posted at 19:2619:26")
    assert (m.clock, m.date, m.zone, m.age) == ("19:26", None, None, None)
    assert m.raw == "Posted at 19:2619:26"
    assert mark("Posted at 19:26").clock == "19:26"
    assert mark("posted at 7:05").clock == "07:05"


@pytest.mark.parametrize(
    ("line", "lead", "clock"),
    [
        ("Tom Watling5 January 2024 23:10", "Tom Watling", "23:10"),
        ("Anna Smith, Bo Lee 5 January 2024 7:05", "Anna Smith, Bo Lee", "07:05"),
        ("Anna SmithJanuary 5, 2024 11:10 PM", "Anna Smith", "23:10"),
    ],
)
def test_split_glued_time(line: str, lead: str, clock: str) -> None:
    split = times.split_glued_time(line)
    assert split is not None
    assert (split[0], split[1].clock, split[1].date) == (lead, clock, date(2024, 1, 5))


@pytest.mark.parametrize(
    "line",
    [
        "Tom Watling 23:10",  # no date: a clock in text is not a glued stamp
        "The strike came at 5 January 2024",  # no clock
        "5 January 2024 23:10",  # nothing in front
        "Shares fell 5 per cent on 2 May 2024 by 10.30.",
    ],
)
def test_split_glued_time_rejects(line: str) -> None:
    assert times.split_glued_time(line) is None


@pytest.mark.parametrize(
    ("line", "clock", "zone", "day"),
    [
        # Reuters: an offset from GMT; its IANA name reverses the sign.
        ("October 31, 2024 2:37 PM GMT+8", "14:37", "Etc/GMT-8", date(2024, 10, 31)),
        ("14:37 UTC-4", "14:37", "Etc/GMT+4", None),
        ("2:37 PM UTC+05:30", "14:37", "Asia/Kolkata", None),
        # The Times of India prints seconds; CBC opens the stamp with "Posted:".
        ("Jul 31, 2024, 10:49:01 (IST)", "10:49", "Asia/Kolkata", date(2024, 7, 31)),
        ("Posted: Oct 09, 2024 4:02 PM EDT", "16:02", "America/New_York", date(2024, 10, 9)),
    ],
)
def test_offsets_seconds_and_posted_stamps(
    line: str, clock: str, zone: str, day: date | None
) -> None:
    mark = times.match_time_line(line)
    assert mark is not None
    assert (mark.clock, mark.zone, mark.date) == (clock, zone, day)


@pytest.mark.parametrize(
    ("line", "zone", "stamp"),
    [
        ("October 31, 20244:45 PM GMT+8Updated 12 min ago", "Etc/GMT-8", True),
        ("08:36, 23 Jan 2024Updated 11:32, 24 Jan 2024", None, True),
        ("Last updated 12:00 GMT", "UTC", True),
        ("The outdated system was replaced in 2019", None, False),
    ],
)
def test_glued_updated_stamps_and_offsets_in_them(line: str, zone: str | None, stamp: bool) -> None:
    assert times.is_updated_line(line) is stamp
    assert times.zone_in(line) == zone


@pytest.mark.parametrize("line", ["1:02:33", "10:49:01", "14:37 GMT+15", "14:37 UTC+5:15"])
def test_video_lengths_and_impossible_offsets_are_not_times(line: str) -> None:
    assert times.match_time_line(line) is None


def test_posted_at_with_two_different_times_is_not_a_time() -> None:
    assert times.match_time_line("Posted at 19:2620:26") is None


def test_published_glued_to_headline_with_zone_and_date() -> None:
    # bbc_66757311_p3_published
    found = times.split_published(
        "Headlinepublished at 09:42 British Summer Time 12 September 2023"
    )
    assert found is not None
    head, m = found
    assert head == "Headline"
    assert m.clock == "09:42"
    assert m.date == date(2023, 9, 12)
    assert m.zone == "Europe/London"
    assert m.raw == "published at 09:42 British Summer Time 12 September 2023"


def test_published_with_zone_and_no_date() -> None:
    # bbc_cn38321180et_p2
    found = times.split_published(
        "Defence minister apologises and takes full responsibility"
        "published at 09:42 Greenwich Mean Time"
    )
    assert found is not None
    head, m = found
    assert head == "Defence minister apologises and takes full responsibility"
    assert (m.clock, m.date, m.month_day, m.zone) == ("09:42", None, None, "UTC")


def test_published_on_a_line_of_its_own_has_an_empty_headline() -> None:
    found = times.split_published("published at 09:42 Greenwich Mean Time")
    assert found is not None
    assert found[0] == ""
    assert found[1].clock == "09:42"
    assert found[1].zone == "UTC"
    # It is not a bare time line: the reader gives it to the headline above.
    assert times.match_time_line("published at 09:42 Greenwich Mean Time") is None


@pytest.mark.parametrize(
    "line",
    [
        "A headline with no time at all",
        "The report was published at the weekend",
        "Headlinepublished at 25:42 British Summer Time",
    ],
)
def test_split_published_rejects_lines_without_a_valid_time(line: str) -> None:
    assert times.split_published(line) is None


@pytest.mark.parametrize(
    ("line", "clock"),
    [
        ("4.49pm BST", "16:49"),
        ("4.49am BST", "04:49"),
        ("12.05am BST", "00:05"),
        ("12.05pm BST", "12:05"),
        ("4.49 pm", "16:49"),
        ("7.30am", "07:30"),
    ],
)
def test_guardian_twelve_hour_clock(line: str, clock: str) -> None:
    # guardian_newsbreak_20220519
    m = mark(line)
    assert m.clock == clock
    assert m.zone == ("Europe/London" if "BST" in line else None)


def test_guardian_dated_block_time() -> None:
    # guardian_newsbreak_20220519 starts with " date 2022-05-19 4.49pm BST"
    m = mark(" date 2022-05-19 4.49pm BST")
    assert (m.clock, m.date, m.zone) == ("16:49", date(2022, 5, 19), "Europe/London")
    assert m.raw == "date 2022-05-19 4.49pm BST"


def test_guardian_24_hour_clock_with_a_dot() -> None:
    m = mark("16.49 BST")
    assert (m.clock, m.zone) == ("16:49", "Europe/London")


def test_bbc_sport_hhmm_without_a_colon_inside() -> None:
    # bbc_sport_22134885_hhmm: "  1. 1949: " (the number is split off by the reader)
    found = times.match_hhmm("1949: ")
    assert found is not None
    m, rest = found
    assert (m.clock, m.raw, rest) == ("19:49", "1949:", "")
    found = times.match_hhmm("1945: MANAGER REACTION- Millwall 0-2 Wigan")
    assert found is not None
    assert found[0].clock == "19:45"
    assert found[1] == "MANAGER REACTION- Millwall 0-2 Wigan"
    found = times.match_hhmm("0005:")
    assert found is not None
    assert found[0].clock == "00:05"


@pytest.mark.parametrize(
    "text", ["2460: x", "1975: the year", "1949:x", "1949", "949: ", "x 1949:"]
)
def test_match_hhmm_rejects_non_times(text: str) -> None:
    # "1975: the year" is a year, not 19:75.
    assert times.match_hhmm(text) is None


def test_rferl_clock_then_day_first_date() -> None:
    # rferl_liveblog_20150504: "4.5.2015" is 4 May, day first.
    m = mark("11:42 4.5.2015")
    assert (m.clock, m.date, m.zone) == ("11:42", date(2015, 5, 4), None)
    assert mark("13:27 13.5.2015").date == date(2015, 5, 13)


def test_aljazeera_dated_time_with_bracketed_gmt() -> None:
    # aljazeera_20230912_liveblog
    m = mark("- 12 Sep 2023 - 18:40(18:40 GMT)")
    assert (m.clock, m.date, m.zone) == ("18:40", date(2023, 9, 12), "UTC")
    # The bracketed clock is the one with a stated zone: it wins over the local one.
    m = mark("- 12 Sep 2023 - 21:40(18:40 GMT)")
    assert (m.clock, m.zone) == ("18:40", "UTC")


@pytest.mark.parametrize(
    ("line", "clock", "day"),
    [
        # The date printed is the local clock's: 01:05 in Kyiv is 22:05 GMT the day before.
        ("- 13 Sep 2023 - 01:05(22:05 GMT)", "22:05", date(2023, 9, 12)),
        ("- 12 Sep 2023 - 23:30(20:30 GMT)", "20:30", date(2023, 9, 12)),
        # West of Greenwich the GMT clock is a day ahead after local evening.
        ("- 12 Sep 2023 - 20:00(01:00 GMT)", "01:00", date(2023, 9, 13)),
        ("- 31 Dec 2023 - 21:30(02:30 GMT)", "02:30", date(2024, 1, 1)),
    ],
)
def test_aljazeera_local_date_moves_with_the_gmt_clock(line: str, clock: str, day: date) -> None:
    m = mark(line)
    assert (m.clock, m.date, m.zone) == (clock, day, "UTC")


@pytest.mark.parametrize(("year", "day"), [(2024, date(2024, 2, 29)), (2023, date(2023, 2, 28))])
def test_aljazeera_year_less_local_date_moves_too(year: int, day: date) -> None:
    entries, _ = resolved("- 1 Mar - 01:05(22:05 GMT)", order=NEWEST_FIRST, day=date(year, 1, 1))
    assert entries[0].date == day.isoformat()


def test_cnn_twelve_hour_clock_with_zone_and_date() -> None:
    # cnn_20190425_putin_kim
    m = mark("8:29 a.m. ET, April 25, 2019")
    assert (m.clock, m.date, m.zone) == ("08:29", date(2019, 4, 25), "America/New_York")
    assert mark("1:13 p.m. ET, May 7, 2019").clock == "13:13"


def test_cnn_page_update_stamp_is_not_a_post_time() -> None:
    line = "Updated 1:13 p.m. ET, May 7, 2019"
    assert times.match_time_line(line) is None
    assert times.is_updated_line(line)
    assert times.date_in(line) == date(2019, 5, 7)
    assert not times.is_updated_line("Updated guidance was issued to schools")


@pytest.mark.parametrize("line", ["5h ago", "1h ago", "30 mins ago", "2 days ago", "just now"])
def test_sky_relative_age_is_kept_as_text_not_a_clock(line: str) -> None:
    # sky_copy_belarus_2022: "5h ago" above "16:45"; no clock is invented from it.
    m = mark(line)
    assert (m.clock, m.date, m.age) == (None, None, line)


@pytest.mark.parametrize(
    ("line", "clock", "age", "zone"),
    [
        # The Guardian's current blocks: a copy from the browser glues age and clock.
        ("2h ago22.40 BST", "22:40", "2h ago", "Europe/London"),
        ("2h ago 22.40 BST", "22:40", "2h ago", "Europe/London"),
        ("1h ago 17:20", "17:20", "1h ago", None),
        # NBC News: "3h ago / 6:05 PM EST".
        ("3h ago / 6:05 PM EST", "18:05", "3h ago", "America/New_York"),
    ],
)
def test_age_and_clock_on_one_line(line: str, clock: str, age: str, zone: str | None) -> None:
    m = mark(line)
    assert (m.clock, m.age, m.zone, m.raw) == (clock, age, zone, line)


@pytest.mark.parametrize(
    ("line", "clock", "day"),
    [
        # New York Times, AP, CNN: the month first, a.m./p.m. with dots.
        ("Jan. 5, 2024, 3:12 p.m. ET", "15:12", date(2024, 1, 5)),
        ("January 5, 2024 at 7:15 p.m. EST", "19:15", date(2024, 1, 5)),  # Washington Post
        ("Fri 5 Jan 2024 at 3:12am", "03:12", date(2024, 1, 5)),  # ABC News (Australia)
        ("5 January 2024 • 10:42pm", "22:42", date(2024, 1, 5)),  # The Telegraph
        # Times of Israel: a relative day, so only the clock is kept.
        ("Today 11:48 pm", "23:48", None),
        ("Yesterday 10:32 pm", "22:32", None),
    ],
)
def test_dated_and_relative_day_time_lines(line: str, clock: str, day: date | None) -> None:
    m = mark(line)
    assert (m.clock, m.date) == (clock, day)


@pytest.mark.parametrize(
    "line", ["May 2024 was hot", "Yesterday was long", "2 days ago 3", "1h ago 17:20 was late"]
)
def test_prose_that_starts_like_a_time_line_is_not_one(line: str) -> None:
    assert times.match_time_line(line) is None


def test_sky_bare_clock() -> None:
    m = mark("17:20")
    assert (m.clock, m.date, m.month_day, m.zone, m.age) == ("17:20", None, None, None, None)
    assert mark("00:00").clock == "00:00"
    assert mark("23:59").clock == "23:59"


def test_year_less_date_gives_month_and_day_only() -> None:
    m = mark("12 Sep 18:40")
    assert (m.clock, m.date, m.month_day) == ("18:40", None, (9, 12))
    assert mark("Sept 12 18:40").month_day == (9, 12)


def test_weekday_and_long_date() -> None:
    m = mark("Monday 12 September 2023 10:00")
    assert (m.clock, m.date) == ("10:00", date(2023, 9, 12))


@pytest.mark.parametrize(
    "line",
    [
        "3.25",  # a number, not a time
        "12:30 Wigan",  # a score line
        "Updated 1:13 p.m. ET, May 7, 2019",  # the page's update stamp
        "25:99",
        "24:00",
        "19:60",
        "13:00 pm",
        "0:00 pm",
        "",
        "   ",
        "Putin arrived at 03:00 local time",
        "12:30 " + "x" * 100,  # too long to be a time line
        "2024-06-18",
        "10.5.2015",
    ],
)
def test_non_times_are_rejected(line: str) -> None:
    assert times.match_time_line(line) is None


def test_a_printed_but_impossible_date_is_dropped_not_raised() -> None:
    m = mark("31 Feb 2023 10:00")
    assert (m.clock, m.date, m.month_day) == ("10:00", None, None)


def test_iso_date_with_a_day_of_twelve_or_less_is_year_month_day() -> None:
    assert mark(" date 2022-05-09 4.49pm BST").date == date(2022, 5, 9)


# --- Zones -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "zone"),
    [
        ("UK", "Europe/London"),
        ("BST", "Europe/London"),
        ("uk", "Europe/London"),
        ("British Summer Time", "Europe/London"),
        ("british  summer   time", "Europe/London"),
        ("GMT", "UTC"),
        ("Greenwich Mean Time", "UTC"),
        ("ET", "America/New_York"),
        ("Europe/Kyiv", "Europe/Kyiv"),
        (" Europe/Kyiv ", "Europe/Kyiv"),
        ("Asia/Seoul", "Asia/Seoul"),
        ("nonsense", None),
        ("Nowhere/City", None),
        ("Europe/../etc", None),
        ("", None),
        (None, None),
    ],
)
def test_zone_for(name: str | None, zone: str | None) -> None:
    assert times.zone_for(name) == zone


def test_every_alias_is_a_real_zone() -> None:
    for alias, zone in times.ZONE_ALIASES.items():
        assert ZoneInfo(zone), alias
        assert alias == alias.lower()


@pytest.mark.parametrize(
    ("line", "zone"),
    [
        ("All times stated are UK", "Europe/London"),
        ("All times stated are UK.", "Europe/London"),
        ("All times are UK time", "Europe/London"),
        ("All times in GMT", "UTC"),
        ("Times in ET", "America/New_York"),
        ("All times stated are nowhere", None),
        ("All times stated are", None),
        ("Putin arrived at 03:00 local time", None),
    ],
)
def test_page_zone_note(line: str, zone: str | None) -> None:
    assert times.page_zone_note(line) == zone


# --- Order -----------------------------------------------------------------------------------


def clocks(*cs: str | None) -> list[Entry]:
    return [Entry(position=i, clock=c) for i, c in enumerate(cs)]


def test_detect_order_newest_first() -> None:
    assert times.detect_order(clocks("10:00", "09:30", "09:00")) == NEWEST_FIRST


def test_detect_order_oldest_first() -> None:
    assert times.detect_order(clocks("11:42", "12:27", "13:27")) == OLDEST_FIRST


def test_midnight_roll_over_oldest_first_is_still_oldest_first() -> None:
    assert times.detect_order(clocks("23:50", "00:10")) == OLDEST_FIRST
    assert times.detect_order(clocks("23:10", "23:50", "00:10", "00:40")) == OLDEST_FIRST


def test_midnight_roll_over_newest_first_is_still_newest_first() -> None:
    assert times.detect_order(clocks("00:20", "23:50")) == NEWEST_FIRST
    assert times.detect_order(clocks("00:40", "00:10", "23:50", "23:10")) == NEWEST_FIRST


def test_detect_order_skips_entries_without_a_clock_and_repeats() -> None:
    assert times.detect_order(clocks("10:00", None, "09:30", "09:30", None)) == NEWEST_FIRST


def test_detect_order_from_printed_dates() -> None:
    lines = ("13:20 6 August 2025", "23:58 5 August 2025", "23:10 5 August 2025")
    entries, marks = entries_for(*lines)
    assert times.detect_order(entries, marks) == NEWEST_FIRST
    entries, marks = entries_for(*reversed(lines))
    assert times.detect_order(entries, marks) == OLDEST_FIRST
    # Clocks alone read 13:20 -> 23:58 as a step forward: a tie, no order.
    assert times.detect_order(entries_for(*lines)[0]) is None


def test_detect_order_unknown() -> None:
    assert times.detect_order([]) is None
    assert times.detect_order(clocks(None, None)) is None
    assert times.detect_order(clocks("10:00")) is None
    assert times.detect_order(clocks("10:00", "10:00")) is None
    assert times.detect_order(clocks("10:00", "11:00", "10:00")) is None  # a tie


def test_minutes() -> None:
    assert times.minutes("00:00") == 0
    assert times.minutes("19:26") == 19 * 60 + 26
    assert times.minutes(None) is None


# --- Resolving clocks into aware times -------------------------------------------------------


def test_resolve_newest_first_across_midnight() -> None:
    # The given date is the oldest post's: 23:50 on the 18th, then 00:20 on the 19th.
    entries, notes = resolved(
        "00:20", "23:50", order=NEWEST_FIRST, page_zone="Europe/London", day=date(2024, 6, 18)
    )
    assert [iso(e) for e in entries] == ["2024-06-19T00:20:00+01:00", "2024-06-18T23:50:00+01:00"]
    assert [e.date for e in entries] == ["2024-06-19", "2024-06-18"]
    assert [e.tz for e in entries] == ["Europe/London", "Europe/London"]
    for e in entries:
        assert e.time is not None
        assert e.time.tzinfo == ZoneInfo("Europe/London")
        assert e.time.utcoffset() == timedelta(hours=1)
    assert entries[0].time is not None and entries[1].time is not None
    assert entries[0].time > entries[1].time
    assert notes == []


def test_resolve_oldest_first_across_midnight_in_winter() -> None:
    entries, notes = resolved(
        "23:10",
        "23:50",
        "00:10",
        "01:05",
        order=OLDEST_FIRST,
        page_zone="Europe/London",
        day=date(2024, 1, 31),
    )
    assert [iso(e) for e in entries] == [
        "2024-01-31T23:10:00+00:00",
        "2024-01-31T23:50:00+00:00",
        "2024-02-01T00:10:00+00:00",
        "2024-02-01T01:05:00+00:00",
    ]
    assert notes == []


def test_resolve_a_small_step_back_is_not_a_new_day() -> None:
    # Posts out of order by an hour stay on the same day; only a big step back rolls over.
    entries, _ = resolved(
        "10:00", "09:00", "11:00", order=OLDEST_FIRST, page_zone="UTC", day=date(2024, 6, 18)
    )
    assert [e.date for e in entries] == ["2024-06-18"] * 3


def test_resolve_explicit_dates_win_over_the_given_date() -> None:
    entries, _ = resolved(
        "- 12 Sep 2023 - 18:40(18:40 GMT)",
        "- 12 Sep 2023 - 18:10(18:10 GMT)",
        order=NEWEST_FIRST,
        day=date(2024, 6, 18),
    )
    assert [iso(e) for e in entries] == ["2023-09-12T18:40:00+00:00", "2023-09-12T18:10:00+00:00"]


def test_resolve_explicit_dates_win_over_the_page_date() -> None:
    entries, _ = resolved(
        "8:29 a.m. ET, April 25, 2019", order=NEWEST_FIRST, page_date=date(2019, 5, 7)
    )
    assert iso(entries[0]) == "2019-04-25T08:29:00-04:00"
    assert entries[0].tz == "America/New_York"


def test_resolve_a_dated_post_dates_its_undated_neighbours_across_midnight() -> None:
    # Newest first: the newest post prints its date, the older ones only a clock.
    entries, _ = resolved(
        "00:10 5.5.2015", "23:40", "22:15", order=NEWEST_FIRST, page_zone="Europe/Kyiv"
    )
    assert [e.date for e in entries] == ["2015-05-05", "2015-05-04", "2015-05-04"]
    assert iso(entries[1]) == "2015-05-04T23:40:00+03:00"


def test_resolve_each_post_keeps_its_own_printed_date() -> None:
    entries, _ = resolved(
        "11:42 4.5.2015", "09:00 5.5.2015", order=OLDEST_FIRST, page_zone="Europe/Kyiv"
    )
    assert [e.date for e in entries] == ["2015-05-04", "2015-05-05"]


def test_resolve_year_less_date_takes_the_year_of_the_given_date() -> None:
    entries, _ = resolved(
        "12 Sep 18:40", "12 Sep 18:10", order=NEWEST_FIRST, page_zone="UTC", day=date(2024, 1, 5)
    )
    # The printed day and month win; only the year comes from the given date.
    assert [iso(e) for e in entries] == ["2024-09-12T18:40:00+00:00", "2024-09-12T18:10:00+00:00"]


def test_resolve_year_less_date_takes_the_year_printed_elsewhere_on_the_page() -> None:
    entries, _ = resolved(
        "13 Sep 09:00", "- 12 Sep 2023 - 18:40(18:40 GMT)", order=NEWEST_FIRST, page_zone="UTC"
    )
    assert [e.date for e in entries] == ["2023-09-13", "2023-09-12"]


def test_resolve_year_less_date_without_any_year_gives_no_time() -> None:
    entries, _ = resolved("12 Sep 18:40", order=NEWEST_FIRST, page_zone="UTC")
    assert (entries[0].time, entries[0].date, entries[0].clock) == (None, None, "18:40")


def test_resolve_without_a_date_gives_no_time_and_invents_nothing() -> None:
    entries, notes = resolved("17:20", "16:40", order=NEWEST_FIRST, page_zone="Europe/London")
    assert [(e.time, e.date) for e in entries] == [(None, None), (None, None)]
    assert [e.tz for e in entries] == ["Europe/London", "Europe/London"]
    assert notes == []


def test_resolve_page_date_anchors_when_the_user_gives_none() -> None:
    entries, _ = resolved("19:49", "19:45", order=NEWEST_FIRST, page_date=date(2013, 5, 2))
    assert [e.date for e in entries] == ["2013-05-02", "2013-05-02"]


def test_resolve_given_date_wins_over_the_page_date() -> None:
    entries, _ = resolved(
        "10:00",
        order=NEWEST_FIRST,
        page_zone="UTC",
        page_date=date(2013, 5, 2),
        day=date(2014, 1, 1),
    )
    assert entries[0].date == "2014-01-01"


def test_resolve_no_zone_is_taken_as_utc_with_a_note() -> None:
    entries, notes = resolved("10:00", "09:00", order=NEWEST_FIRST, day=date(2024, 1, 5))
    assert [iso(e) for e in entries] == ["2024-01-05T10:00:00+00:00", "2024-01-05T09:00:00+00:00"]
    assert [e.tz for e in entries] == [None, None]  # the zone was assumed, not stated
    assert len(notes) == 1
    assert "UTC" in notes[0]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted at 19:26", "2013-07-02T19:26:00+01:00"),  # UK summer time, not UTC
        ("Posted at 09:00 09:00", "2013-07-02T09:00:00+01:00"),
    ],
)
def test_resolve_bbc_time_forms_without_a_zone_are_uk_time(line: str, expected: str) -> None:
    entries, notes = resolved(line, order=NEWEST_FIRST, day=date(2013, 7, 2))
    assert iso(entries[0]) == expected
    assert entries[0].tz == "Europe/London"
    assert len(notes) == 1 and "publisher" in notes[0] and "UTC" not in notes[0]


def test_resolve_bbc_sport_hhmm_in_winter_is_gmt() -> None:
    hit = times.match_hhmm("1949: Wigan into the final.")
    assert hit is not None
    entry = Entry(position=0, clock=hit[0].clock)
    times.resolve(
        [entry], [hit[0]], order=NEWEST_FIRST, page_zone=None, page_date=None,
        date=date(2013, 1, 5), tz=None,
    )  # fmt: skip
    assert iso(entry) == "2013-01-05T19:49:00+00:00"
    assert entry.tz == "Europe/London"


def test_resolve_a_page_note_or_given_zone_wins_over_the_bbc_default() -> None:
    entries, notes = resolved("Posted at 19:26", order=NEWEST_FIRST, day=date(2013, 7, 2), tz="UTC")
    assert iso(entries[0]) == "2013-07-02T19:26:00+00:00"
    assert notes == []
    entries, _ = resolved(
        "Posted at 19:26", order=NEWEST_FIRST, page_zone="Asia/Seoul", day=date(2013, 7, 2)
    )
    assert iso(entries[0]) == "2013-07-02T19:26:00+09:00"


def test_published_at_without_a_zone_is_uk_time() -> None:
    split = times.split_published("Kim greets Putinpublished at 09:42")
    assert split is not None
    assert (split[1].zone, split[1].house) == (None, "Europe/London")


def test_resolve_given_zone_is_used_when_the_page_states_none() -> None:
    entries, notes = resolved("10:00", order=NEWEST_FIRST, day=date(2024, 1, 5), tz="Asia/Seoul")
    assert iso(entries[0]) == "2024-01-05T10:00:00+09:00"
    assert entries[0].tz == "Asia/Seoul"
    assert notes == []


def test_resolve_page_zone_wins_over_given_zone_and_a_printed_zone_wins_over_both() -> None:
    entries, _ = resolved(
        "4.49pm BST",
        "16:40",
        order=NEWEST_FIRST,
        page_zone="UTC",
        day=date(2022, 5, 19),
        tz="Asia/Seoul",
    )
    assert [e.tz for e in entries] == ["Europe/London", "UTC"]
    assert [iso(e) for e in entries] == ["2022-05-19T16:49:00+01:00", "2022-05-19T16:40:00+00:00"]


def test_resolve_entries_without_a_clock_are_left_alone() -> None:
    entries, marks = entries_for("5h ago", "16:45")
    entries.insert(1, Entry(position=1))
    marks.insert(1, None)
    times.resolve(
        entries,
        marks,
        order=NEWEST_FIRST,
        page_zone="UTC",
        page_date=None,
        date=date(2022, 12, 29),
        tz=None,
    )
    assert [iso(e) for e in entries] == [None, None, "2022-12-29T16:45:00+00:00"]


def test_resolve_times_are_aware_and_follow_seq() -> None:
    entries, _ = resolved(
        "01:30",
        "00:20",
        "23:50",
        "22:00",
        order=NEWEST_FIRST,
        page_zone="America/New_York",
        day=date(2024, 3, 9),
    )
    stamps = [e.time for e in entries]
    assert all(isinstance(t, datetime) and t.tzinfo is not None for t in stamps)
    aware = [t for t in stamps if t is not None]
    assert aware == sorted(aware, reverse=True)


def test_resolve_year_less_29_february_in_a_common_year_does_not_raise() -> None:
    entries, _ = resolved("29 Feb 10:00", order=NEWEST_FIRST, page_zone="UTC", day=date(2023, 3, 1))
    assert entries[0].time is None


def test_resolve_year_less_dates_across_new_year() -> None:
    entries, _ = resolved("31 Dec 2023 23:50", "1 Jan 00:10", order=OLDEST_FIRST, page_zone="UTC")
    assert [e.date for e in entries] == ["2023-12-31", "2024-01-01"]


# --- Dates in page lines ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("2 May 2013 Last updated at 14:35", date(2013, 5, 2)),
        ("Updated 1:13 p.m. ET, May 7, 2019", date(2019, 5, 7)),
        ("Last updated 12 September 2023", date(2023, 9, 12)),
        ("Updated 12 Sep", None),  # no year: not a date to anchor on
        ("Updated 3.25 million", None),
        ("", None),
    ],
)
def test_date_in(line: str, day: date | None) -> None:
    assert times.date_in(line) == day


def test_zone_in_brackets_and_slash_dates_by_zone() -> None:
    ndtv = times.match_time_line("Jul 31, 2024 23:05 (IST)")
    assert ndtv is not None and (ndtv.clock, ndtv.date, ndtv.zone) == (
        "23:05",
        date(2024, 7, 31),
        "Asia/Kolkata",
    )
    us = times.match_time_line("03/05/2024 09:21 PM EST")
    assert us is not None and (us.clock, us.date) == ("21:21", date(2024, 3, 5))
    uk = times.match_time_line("03/05/2024 09:21 BST")
    assert uk is not None and uk.date == date(2024, 5, 3)


def test_leading_times_and_glued_authors() -> None:
    lead = times.split_leading_time("8.58am: Good morning. Last night 91 MPs rebelled.")
    assert lead is not None and (lead.clock, lead.raw, lead.lead) == (
        "08:58",
        "8.58am",
        "Good morning. Last night 91 MPs rebelled.",
    )
    aj = times.split_leading_time("03:40 GMT - China to temporarily bar entry to foreigners")
    assert aj is not None and (aj.clock, aj.zone, aj.lead) == (
        "03:40",
        "UTC",
        "China to temporarily bar entry to foreigners",
    )
    for not_a_time in ("2.30 - 1 to Arsenal", "10.5: the ratio", "12:30 Wigan - Millwall"):
        assert times.split_leading_time(not_a_time) is None, not_a_time
    glued = times.split_clock_then_text("11:32Sarah Jones")
    assert glued is not None and (glued[0].clock, glued[1]) == ("11:32", "Sarah Jones")
    assert times.split_clock_then_text("11:32 am") is None


def test_zone_notes_naming_any_city_or_without_a_verb() -> None:
    assert times.page_zone_note("All times are Prague time (GMT+1)") == "Europe/Prague"
    assert times.page_zone_note("All times AEDT.") == "Australia/Sydney"
    assert times.page_zone_note("All times IST") == "Asia/Kolkata"
    assert times.page_zone_note("Times Square crowds gather") is None
    # A short city name is a zone only as "<city> time", never alone (ROME in capitals).
    assert times.zone_for("rome") is None and times.zone_for("rome time") == "Europe/Rome"

"""Tests of livebrief.metrics on entries tables built from real Entry and Page objects."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest

from livebrief import metrics
from livebrief.model import Entry, Page, ParsedPage, RosterMember, entries_frame

T0 = datetime(2023, 9, 12, 18, 0, tzinfo=timezone.utc)


def entry(
    i: int, *, minute: int | None = None, author: str | None = None, words: int = 10, **kw: object
) -> Entry:
    return Entry(
        position=i,
        seq=i,
        headline=kw.pop("headline", f"Headline {i}"),  # type: ignore[arg-type]
        author=author,
        authors=[author] if author else [],
        time=T0 + timedelta(minutes=minute) if minute is not None else None,
        clock=(T0 + timedelta(minutes=minute)).strftime("%H:%M") if minute is not None else None,
        paragraphs=[" ".join(["w"] * words)],
        **kw,  # type: ignore[arg-type]
    )


def frame(*entries: Entry, roster: list[RosterMember] | None = None) -> pd.DataFrame:
    return entries_frame(ParsedPage(Page(source="t.txt", roster=roster or []), list(entries)))


def test_coverage_counts_and_span() -> None:
    f = frame(entry(0, minute=0, words=5), entry(1, minute=95, words=7), entry(2, words=3))
    cov = metrics.coverage(f)
    assert (cov.entries, cov.words, cov.timed) == (3, 15, 2)
    assert cov.first == pd.Timestamp(T0) and cov.span == pd.Timedelta(minutes=95)


def test_coverage_without_times_invents_none() -> None:
    cov = metrics.coverage(frame(entry(0), entry(1)))
    assert cov.timed == 0 and cov.first is None and cov.span is None


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(None, 15), (0, 15), (30, 2), (95, 5), (240, 10), (60 * 24, 60), (60 * 24 * 30, 1440)],
)
def test_choose_bin_keeps_at_most_24_bins(minutes: int | None, expected: int) -> None:
    span = pd.Timedelta(minutes=minutes) if minutes is not None else None
    assert metrics.choose_bin(span) == expected


def test_posts_per_bin_fills_empty_bins_and_flags_bursts() -> None:
    minutes = [0, 1, 2, 3, 20, 41, 62, 83, 104]
    f = frame(*[entry(i, minute=m) for i, m in enumerate(minutes)])
    bins = metrics.posts_per_bin(f, 10)
    assert list(bins.columns) == ["start", "end", "posts", "words", "burst"]
    assert len(bins) == 11  # 18:00 .. 19:40, empty bins included
    assert bins["posts"].sum() == len(minutes)
    assert bins["posts"].iloc[0] == 4
    # median 1, MAD 1 -> threshold 3: only the first bin (4 posts, >= 3) is a burst
    assert metrics.burst_threshold(bins["posts"]) == 1.0 + 2.0 * 1.0
    assert bins["burst"].tolist() == [True] + [False] * 10


def test_burst_needs_min_posts() -> None:
    f = frame(entry(0, minute=0), entry(1, minute=1), entry(2, minute=60))
    bins = metrics.posts_per_bin(f, 15)
    assert not bins["burst"].any()  # 2 posts in a bin are above a median of 0 but below 3


def test_posts_per_bin_without_times_is_empty() -> None:
    assert metrics.posts_per_bin(frame(entry(0)), 15).empty


def test_gaps_median_longest_and_where() -> None:
    f = frame(
        entry(0, minute=0, headline="a"),
        entry(1, minute=2, headline="b"),
        entry(2, minute=50, headline="c"),
        entry(3, minute=54, headline="d"),
    )
    g = metrics.gaps(f)
    assert g.count == 3
    assert g.median == pd.Timedelta(minutes=4)
    assert g.longest == pd.Timedelta(minutes=48)
    assert g.longest_after == pd.Timestamp(T0 + timedelta(minutes=2))
    assert g.longest_before == pd.Timestamp(T0 + timedelta(minutes=50))
    assert g.table["after_headline"].tolist() == ["a", "b", "c"]


def test_gaps_follow_time_not_page_order() -> None:
    # a newest-first page: position 0 is the latest post
    f = frame(entry(0, minute=30), entry(1, minute=10), entry(2, minute=0))
    assert metrics.gaps(f).table["minutes"].tolist() == [10.0, 20.0]


def test_gaps_with_one_post() -> None:
    g = metrics.gaps(frame(entry(0, minute=0)))
    assert g.count == 0 and g.longest is None


def test_author_shares_desk_and_others() -> None:
    f = frame(
        entry(0, author="Laura Bicker", words=100),
        entry(1, author="Laura Bicker", words=50),
        entry(2, words=30),
        entry(3, author="Ben Tavener", words=20),
        entry(4, author="Joel Guinto", words=10),
    )
    s = metrics.author_shares(f, top=2)
    assert s["correspondent"].tolist() == ["Laura Bicker", metrics.LIVE_DESK, metrics.OTHERS]
    assert s["posts"].tolist() == [2, 1, 2]
    assert s["words"].tolist() == [150, 30, 30]
    assert s["post_share"].sum() == pytest.approx(1.0)
    assert s["word_share"].iloc[0] == pytest.approx(150 / 210)


def test_author_shares_keeps_all_when_one_over_top() -> None:
    f = frame(entry(0, author="A"), entry(1, author="B"), entry(2, author="C"))
    # naming "others" for a single person would hide a name for nothing
    assert metrics.author_shares(f, top=2)["correspondent"].tolist() == ["A", "B", "C"]


def test_joint_byline_counts_once() -> None:
    e = entry(0, words=40)
    e.author, e.authors = "A", ["A", "B"]
    s = metrics.author_shares(frame(e, entry(1, author="A")))
    assert s.set_index("correspondent")["posts"].to_dict() == {"A & B": 1, "A": 1}
    assert s["post_share"].sum() == pytest.approx(1.0)


def test_place_shares_use_entry_place_then_roster() -> None:
    roster = [RosterMember("Laura Bicker", "Beijing"), RosterMember("Shaimaa Khalil", "Seoul")]
    f = frame(
        entry(0, author="Laura Bicker"),
        entry(1, author="Shaimaa Khalil", place="Pyongyang"),
        entry(2, author="Joel Guinto"),
        entry(3),
        roster=roster,
    )
    places = metrics.entry_places(f, roster).tolist()
    assert places == ["Beijing", "Pyongyang", metrics.NOT_STATED, metrics.LIVE_DESK]
    shares = metrics.place_shares(f, roster)
    assert shares["posts"].sum() == 4 and set(shares["place"]) == set(places)


def test_labels_by_author() -> None:
    f = frame(
        entry(0, author="A", labels=["Breaking"]),
        entry(1, author="A", labels=["Analysis"]),
        entry(2, labels=["Breaking"]),
        entry(3, author="B"),
    )
    t = metrics.labels_by_author(f).set_index("correspondent")
    assert t.loc["A", "Breaking"] == 1 and t.loc["A", "Analysis"] == 1
    assert t.loc[metrics.LIVE_DESK, "Breaking"] == 1
    assert "B" not in t.index


def test_labels_by_author_empty() -> None:
    assert metrics.labels_by_author(frame(entry(0))).empty


def test_roster_coverage_three_ways() -> None:
    roster = [RosterMember("Laura Bicker", "Beijing"), RosterMember("Jake Kwon", "Seoul")]
    f = frame(
        entry(0, author="Laura  Bicker"),
        entry(1, author="laura bicker"),
        entry(2, author="Joel Guinto"),
        entry(3),
        roster=roster,
    )
    t = metrics.roster_coverage(f, roster).set_index("name")
    assert t.loc["Laura Bicker", "status"] == "listed, posted"
    assert t.loc["Laura Bicker", "posts"] == 2
    assert t.loc["Jake Kwon", "status"] == "listed, no post"
    assert t.loc["Joel Guinto", "status"] == "posted, not listed"
    assert not t.loc["Joel Guinto", "listed"]


def test_quality_notes_name_headlines_bylines_and_times() -> None:
    e_age = entry(3)
    e_age.age = "5h ago"
    e_raw = entry(4)
    e_raw.time_raw = "around noon"
    e_clock = entry(2)
    e_clock.clock = "19:00"
    f = frame(
        entry(0, minute=0),
        entry(1, minute=5, headline=None, notes=["byline ambiguous: 'A' or 'B'"]),
        e_clock,
        e_age,
        e_raw,
    )
    notes = metrics.quality_notes(f, ["order assumed newest first"])
    kinds = notes["kind"].tolist()
    text = " | ".join(notes["note"])
    assert "headline" in kinds and "1 of 5 entries have no headline" in text
    assert notes.loc[notes["kind"] == "headline", "entries"].iloc[0] == "#2"
    assert "byline ambiguous" in text and "byline" in kinds
    assert "3 of 5 entries have no time" in text
    assert "clock time printed but no date" in text
    assert "relative age" in text
    assert "could not be read" in text
    assert "order assumed newest first" in text


def test_quality_notes_without_any_time() -> None:
    notes = metrics.quality_notes(frame(entry(0), entry(1)))
    assert notes["note"].str.contains("no times").any()


def test_page_zone_prefers_page_then_offsets() -> None:
    f = frame(entry(0, minute=0))
    assert str(metrics.page_zone(f, "Europe/London")) == "Europe/London"
    assert metrics.page_zone(f) is not None
    assert metrics.page_zone(frame(entry(0))) is None

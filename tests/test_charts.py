"""Tests of livebrief.charts: real figures from real metrics, checked through their artists."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from matplotlib.figure import Figure

from livebrief import charts, metrics
from livebrief.model import Entry, Page, ParsedPage, entries_frame

T0 = datetime(2023, 9, 12, 18, 0, tzinfo=timezone.utc)
AUTHORS = [None, "Laura Bicker", "王毅", None, "Ben Tavener"]


def page(times: bool, n: int = 10) -> pd.DataFrame:
    entries = []
    for i in range(n):
        a = AUTHORS[i % len(AUTHORS)]
        entries.append(
            Entry(
                position=i,
                seq=n - 1 - i,
                headline=f"Headline {i}",
                author=a,
                authors=[a] if a else [],
                time=T0 + timedelta(minutes=[0, 1, 2, 3, 30, 31, 70, 71, 72, 120][i % 10])
                if times
                else None,
                paragraphs=[" ".join(["w"] * (10 * (i + 1)))],
            )
        )
    return entries_frame(ParsedPage(Page(source="t.txt"), entries))


def png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=72)
    return buf.getvalue()


def texts(fig: Figure) -> str:
    found = [t.get_text() for t in fig.findobj(match=lambda a: hasattr(a, "get_text"))]
    return " | ".join(found)


def test_colours_are_okabe_ito_with_greys_for_desk_and_others() -> None:
    pal = charts.colours(["A", metrics.LIVE_DESK, "B", metrics.OTHERS])
    assert pal["A"] == charts.OKABE_ITO[0] and pal["B"] == charts.OKABE_ITO[1]
    assert pal[metrics.LIVE_DESK] == charts.DESK_COLOUR
    assert pal[metrics.OTHERS] == charts.OTHERS_COLOUR
    assert len(set(charts.OKABE_ITO)) == 8


def test_cadence_chart_time_axis_bursts_alt_and_table() -> None:
    f = page(times=True)
    bins = metrics.posts_per_bin(f, 15)
    chart = charts.cadence_chart(
        bins,
        minutes=15,
        zone=ZoneInfo("Europe/London"),
        zone_name="Europe/London",
        threshold=metrics.burst_threshold(bins["posts"]),
    )
    ax = chart.figure.axes[0]
    assert ax.get_xlabel() == "time (Europe/London)"
    assert ax.get_ylabel() == "posts per 15 min"
    assert "burst" in texts(chart.figure)
    assert int(chart.table["posts"].sum()) == len(f)
    assert chart.table["burst"].tolist().count("yes") == int(bins["burst"].sum()) >= 1
    # times are shown in the page's zone (BST = UTC+1)
    assert chart.table.iloc[0, 0] == "12 Sep 19:00"
    assert "10 posts" in chart.alt and "Europe/London" in chart.alt and "burst" in chart.alt
    assert png(chart.figure).startswith(b"\x89PNG")


def test_cadence_chart_refuses_no_bins() -> None:
    with pytest.raises(ValueError, match="ordinal"):
        charts.cadence_chart(metrics.posts_per_bin(page(times=False), 15), minutes=15)


def test_ordinal_chart_says_the_page_gave_no_times() -> None:
    f = page(times=False)
    rows = f.assign(correspondent=metrics.bylines(f))
    pal = charts.colours(metrics.author_shares(f)["correspondent"].tolist())
    chart = charts.ordinal_chart(rows, pal)
    assert charts.NO_TIMES_NOTE in texts(chart.figure)
    assert charts.NO_TIMES_NOTE in chart.alt
    ax = chart.figure.axes[0]
    bars = ax.patches
    assert [round(b.get_width()) for b in bars] == f["words"].tolist()
    colours = {tuple(round(c, 3) for c in b.get_facecolor()[:3]) for b in bars}
    assert len(colours) == 4  # desk, Laura Bicker, 王毅, Ben Tavener
    assert chart.table["#"].tolist() == list(range(1, 11))
    assert ax.get_xlabel() == "words in the entry"
    assert png(chart.figure).startswith(b"\x89PNG")


def test_share_chart_bars_labels_and_table() -> None:
    f = page(times=False)
    shares = metrics.author_shares(f)
    chart = charts.share_chart(shares, charts.colours(shares["correspondent"].tolist()))
    posts_ax, words_ax = chart.figure.axes
    assert [round(b.get_width()) for b in posts_ax.patches] == shares["posts"].tolist()
    assert [round(b.get_width()) for b in words_ax.patches] == shares["words"].tolist()
    assert chart.table["posts %"].sum() == pytest.approx(100, abs=2)
    assert "Live desk 4 posts (40%)" in chart.alt
    assert "王毅" in chart.alt
    assert posts_ax.get_xlabel() == "posts" and words_ax.get_xlabel() == "words"


def test_charts_fit_an_a4_text_width() -> None:
    f = page(times=True)
    bins = metrics.posts_per_bin(f, 15)
    for chart in (
        charts.cadence_chart(bins, minutes=15),
        charts.share_chart(metrics.author_shares(f), {}),
    ):
        assert chart.figure.get_figwidth() == charts.WIDTH <= 7.1  # 180 mm


def test_cjk_names_render_with_a_cjk_font() -> None:
    if len(charts.font_family()) < 2:
        pytest.skip("no Noto CJK font installed (apt-get install fonts-noto-cjk)")
    f = page(times=False)
    shares = metrics.author_shares(f)
    chart = charts.share_chart(shares, charts.colours(shares["correspondent"].tolist()))
    png(chart.figure)  # with warnings as errors, a missing glyph would fail here

"""Pure matplotlib charts of a briefing: data frames in, figures out.

Each chart function returns a :class:`Chart`: the figure, its alt text and the numbers it
shows as a small table, so a briefing can print the table beside the picture. Figures are made
with :class:`matplotlib.figure.Figure` directly (no pyplot state, no backend, no ``savefig``
here); colours are the Okabe–Ito palette, which stays distinct under the common colour-vision
deficiencies.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import tzinfo
from functools import cache
from typing import Any

import matplotlib as mpl
import matplotlib.dates as mdates
import pandas as pd
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from livebrief.metrics import LIVE_DESK, OTHERS

log = logging.getLogger(__name__)

#: Okabe & Ito (2008) colours, ordered so that the low-contrast yellow comes last.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#000000",  # black
    "#F0E442",  # yellow
)
DESK_COLOUR = "#999999"
OTHERS_COLOUR = "#DDDDDD"
BAR_COLOUR = "#0072B2"
BURST_COLOUR = "#D55E00"
#: Width of every chart in inches: the text width of an A4 page with 15 mm margins.
WIDTH = 7.0
NO_TIMES_NOTE = "The page gave no times: entries are shown in page order, not on a time axis."


@dataclass
class Chart:
    """A drawn chart with what a reader without the picture needs: alt text and a table."""

    figure: Figure
    alt: str
    table: pd.DataFrame
    title: str


@cache
def font_family() -> tuple[str, ...]:
    """The chart font and, when installed, a CJK fallback for names in CJK scripts."""
    # DejaVu covers Latin, Greek and Cyrillic; a Noto CJK face, when installed, covers names in
    # Chinese, Japanese or Korean through matplotlib's per-glyph font fallback.
    family = ["DejaVu Sans"]
    for name in ("Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK KR"):
        try:
            font_manager.findfont(name, fallback_to_default=False)
        except ValueError:
            continue
        family.append(name)
        break
    return tuple(family)


@contextmanager
def style() -> Iterator[None]:
    """Apply the house chart style (fonts, sizes, spines) to figures made inside the block."""
    rc: Any = {
        "font.family": list(font_family()),
        "font.size": 9,
        "axes.titlesize": 10,
        "axes.labelsize": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.fontsize": 8,
        "legend.frameon": False,
        "svg.fonttype": "none",
        # Headlines and names come from the web: "$" is a dollar sign, never mathtext.
        "text.parse_math": False,
    }
    with mpl.rc_context(rc):
        yield


def colours(names: Sequence[str]) -> dict[str, str]:
    """Give each correspondent a colour: Okabe–Ito in order, greys for the desk and "others"."""
    out: dict[str, str] = {}
    named = 0
    for name in names:
        if name == LIVE_DESK:
            out[name] = DESK_COLOUR
        elif name == OTHERS:
            out[name] = OTHERS_COLOUR
        else:
            out[name] = OKABE_ITO[named % len(OKABE_ITO)]
            named += 1
    return out


def _clip(text: object, width: int = 42) -> str:
    s = "" if text is None or text is pd.NA else str(text)
    return s if len(s) <= width else s[: width - 1].rstrip() + "…"


def _n(count: object, noun: str) -> str:
    n = int(str(count))
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _local(stamps: pd.Series, zone: tzinfo | None) -> pd.Series:
    series = pd.to_datetime(stamps, utc=True)
    return series.dt.tz_convert(zone) if zone is not None else series


def cadence_chart(
    bins: pd.DataFrame,
    *,
    minutes: int,
    zone: tzinfo | None = None,
    zone_name: str | None = None,
    threshold: float | None = None,
) -> Chart:
    """Draw posts per bin on a real time axis, bursts marked.

    Parameters
    ----------
    bins
        The output of :func:`livebrief.metrics.posts_per_bin` (at least one row).
    minutes
        The bin width, for labels.
    zone, zone_name
        Zone to show times in and how to name it on the axis (default UTC).
    threshold
        The burst threshold (``median + k * MAD``), drawn as a dashed line when given.
    """
    if bins.empty:
        raise ValueError("cadence_chart needs at least one bin; use ordinal_chart without times")
    label = zone_name or "UTC"
    starts = _local(bins["start"], zone).dt.tz_localize(None)
    width = pd.Timedelta(minutes=minutes) / pd.Timedelta(days=1)
    burst = bins["burst"].astype(bool)
    with style():
        fig = Figure(figsize=(WIDTH, 2.8), layout="constrained")
        ax = fig.add_subplot()
        x = mdates.date2num(starts.to_numpy())  # type: ignore[no-untyped-call]
        ax.bar(
            x[~burst.to_numpy()],
            bins["posts"][~burst],
            width=width,
            align="edge",
            color=BAR_COLOUR,
            edgecolor="white",
            linewidth=0.5,
            label="posts per bin",
        )
        if burst.any():
            ax.bar(
                x[burst.to_numpy()],
                bins["posts"][burst],
                width=width,
                align="edge",
                color=BURST_COLOUR,
                edgecolor="black",
                hatch="//",
                linewidth=0.5,
                label="burst",
            )
        if threshold is not None and threshold > 0:
            ax.axhline(
                threshold,
                color="black",
                linestyle="--",
                linewidth=0.8,
                label=f"burst threshold ({threshold:g})",
            )
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        concise = mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_formatter(concise)
        ax.set_xlim(x[0], x[-1] + width)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(f"time ({label})")
        ax.set_ylabel(f"posts per {minutes} min")
        ax.set_title(f"Posts per {minutes}-minute bin", loc="left")
        fig.legend(loc="outside right upper")
    table = pd.DataFrame(
        {
            f"from ({label})": starts.dt.strftime("%d %b %H:%M"),
            "to": _local(bins["end"], zone).dt.strftime("%H:%M"),
            "posts": bins["posts"].astype("int64"),
            "words": bins["words"].astype("int64"),
            "burst": burst.map({True: "yes", False: ""}),
        }
    )
    if len(table) > 12:
        table = table[bins["posts"].to_numpy() > 0]
    busiest = int(bins["posts"].to_numpy().argmax())
    alt = (
        f"Bar chart of posts per {minutes}-minute bin from {starts.iloc[0]:%d %b %Y %H:%M} "
        f"to {starts.iloc[-1] + pd.Timedelta(minutes=minutes):%H:%M} {label}: "
        f"{_n(bins['posts'].sum(), 'post')} in {_n(len(bins), 'bin')}; busiest bin "
        f"{starts.iloc[busiest]:%H:%M} with {_n(bins['posts'].iloc[busiest], 'post')}; "
        + (f"{int(burst.sum())} burst bin(s) marked." if burst.any() else "no bursts.")
    )
    return Chart(fig, alt, table.reset_index(drop=True), f"Posts per {minutes}-minute bin")


def ordinal_chart(
    entries: pd.DataFrame, palette: dict[str, str], *, note: str = NO_TIMES_NOTE
) -> Chart:
    """Draw the honest view of a page without times: entries in page order, sized by words.

    Parameters
    ----------
    entries
        Columns ``position`` (0-based page order), ``correspondent``, ``headline``, ``words``.
    palette
        Colour per correspondent (see :func:`colours`); unknown names are drawn as "others".
    note
        The visible statement that the page gave no times.
    """
    rows = entries.sort_values("position").reset_index(drop=True)
    n = len(rows)
    labelled = n <= 40
    height = min(max(2.4, 0.24 * n + 1.3), 10.5)
    who = rows["correspondent"].astype("object")
    fill = [palette.get(str(w), OTHERS_COLOUR) for w in who]
    with style():
        fig = Figure(figsize=(WIDTH, height), layout="constrained")
        ax = fig.add_subplot()
        y = list(range(n))
        ax.barh(y, rows["words"], color=fill, edgecolor="#444444", linewidth=0.4)
        ax.invert_yaxis()
        if labelled:
            ticks = [
                f"#{int(p) + 1} {_clip(h, 38)}"
                for p, h in zip(rows["position"], rows["headline"], strict=True)
            ]
            ax.set_yticks(y, ticks, fontsize=7.5)
        ax.set_xlabel("words in the entry")
        ax.set_ylabel("entry, in page order")
        ax.set_title("Entries in page order, sized by words")
        seen = list(dict.fromkeys(str(w) for w in who))
        handles = [
            Patch(facecolor=palette.get(w, OTHERS_COLOUR), edgecolor="#444444", label=w)
            for w in seen
        ]
        ax.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="correspondent"
        )
        fig.suptitle(note, fontsize=9, color="#7A2800", fontweight="bold")
    table = pd.DataFrame(
        {
            "#": rows["position"].astype("int64") + 1,
            "correspondent": who.astype("string"),
            "words": rows["words"].astype("int64"),
        }
    )
    longest = int(rows["words"].to_numpy().argmax()) if n else 0
    alt = (
        f"Horizontal bar chart of the {n} entries in page order; bar length is the number of "
        f"words and colour the correspondent. {note}"
        + (
            f" Longest entry: #{int(rows['position'].iloc[longest]) + 1} "
            f"'{_clip(rows['headline'].iloc[longest], 60)}' by {who.iloc[longest]}, "
            f"{_n(rows['words'].iloc[longest], 'word')}."
            if n
            else ""
        )
    )
    return Chart(fig, alt, table, "Entries in page order, sized by words")


def share_chart(shares: pd.DataFrame, palette: dict[str, str]) -> Chart:
    """Draw posts and words per correspondent side by side.

    Parameters
    ----------
    shares
        The output of :func:`livebrief.metrics.author_shares`.
    palette
        Colour per correspondent (see :func:`colours`).
    """
    names = [str(n) for n in shares["correspondent"]]
    fill = [palette.get(n, OTHERS_COLOUR) for n in names]
    height = min(max(2.2, 0.3 * len(names) + 1.2), 8.0)
    with style():
        fig = Figure(figsize=(WIDTH, height), layout="constrained")
        axes = fig.subplots(1, 2, sharey=True)
        for ax, col, share, xlabel in (
            (axes[0], "posts", "post_share", "posts"),
            (axes[1], "words", "word_share", "words"),
        ):
            values = shares[col].astype("int64")
            bars = ax.barh(names, values, color=fill, edgecolor="#444444", linewidth=0.4)
            ax.bar_label(
                bars,
                labels=[f"{v} ({s:.0%})" for v, s in zip(values, shares[share], strict=True)],
                padding=2,
                fontsize=7.5,
            )
            ax.set_xlabel(xlabel)
            ax.margins(x=0.3)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes[0].invert_yaxis()
        axes[0].set_ylabel("correspondent")
        axes[0].set_title("Posts per correspondent")
        axes[1].set_title("Words per correspondent")
    table = pd.DataFrame(
        {
            "correspondent": shares["correspondent"].astype("string"),
            "posts": shares["posts"].astype("int64"),
            "posts %": (shares["post_share"] * 100).round(0).astype("int64"),
            "words": shares["words"].astype("int64"),
            "words %": (shares["word_share"] * 100).round(0).astype("int64"),
        }
    )
    parts = [
        f"{n} {_n(p, 'post')} ({s:.0%}), {_n(w, 'word')}"
        for n, p, s, w in zip(
            names, shares["posts"], shares["post_share"], shares["words"], strict=True
        )
    ]
    alt = (
        "Two horizontal bar charts of posts and words per correspondent: " + "; ".join(parts) + "."
    )
    return Chart(fig, alt, table, "Per-correspondent share")

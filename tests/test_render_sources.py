"""``livebrief report URL``, end to end: an HTML fixture served by a real server on 127.0.0.1.

The page is the bundled sample's entries in a schema.org ``LiveBlogPosting`` page with BBC-style
markup (``fixtures_build``): the text sample prints no times, the JSON-LD gives each post its
exact time, so the briefing must draw its cadence on a real time axis. The command runs as a
subprocess, as a user runs it; the tests read what it wrote.
"""

from __future__ import annotations

import html
import re
import shutil
import socket
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import fixtures_build as fb
from livebrief import fetch
from livesite import Reply, Site, offline_fixture, page, site_fixture  # noqa: F401

REPO = Path(__file__).resolve().parents[1]
LONDON = ZoneInfo("Europe/London")
PATH = "/news/live/world-asia-69124350"


def livebrief(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "livebrief", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def visible_text(page_html: str) -> str:
    """The briefing's words as a reader sees them: tags dropped, entities decoded, one space."""
    no_code = re.sub(r"<(script|style)\b.*?</\1>", " ", page_html, flags=re.S | re.I)
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", no_code)).split())
    return re.sub(r" (?=[,.;:])", "", words)  # "<code>x</code>," reads "x,"


def shown(stamp: datetime) -> str:
    return f"{stamp.astimezone(LONDON):%d %b %Y %H:%M}"


@pytest.fixture(scope="module", name="case")
def case_fixture() -> fb.Case:
    return fb.load_case("seed")


@pytest.fixture(name="served")
def served_fixture(site: Site, case: fb.Case) -> bytes:
    body = fb.page_html(case, head=fb.ld_script(fb.liveblog_object(case)), body=fb.bbc_markup(case))
    data = body.encode()
    site.routes[PATH] = page(data, kind="text/html")
    return data


@pytest.mark.slow
def test_report_of_a_url_briefs_the_page_with_its_exact_times(
    site: Site, case: fb.Case, served: bytes, tmp_path: Path
) -> None:
    out, raw = tmp_path / "reports", tmp_path / "raw"
    url = site.url(PATH)
    done = livebrief("report", url, "--out", str(out), "--raw", str(raw))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert site.hits[PATH] == 1  # fetched once, then briefed from the copy kept

    # The page is kept as fetched, where ingest keeps pages, and the notebook read that copy.
    kept = list((raw / fetch.url_page_key(url)).iterdir())
    assert len(kept) == 1 and kept[0].suffix == ".html" and kept[0].read_bytes() == served

    # The briefing: notebook, HTML and PDF (report's default formats), in the title's folder.
    files = [Path(line) for line in done.stdout.splitlines()]
    assert [f.name for f in files] == ["briefing.ipynb", "briefing.html", "briefing.pdf"]
    folder = out / "pact-with-north-korea-will-protect-us-both-from-aggression"
    assert all(f.parent == folder and f.stat().st_size > 0 for f in files)
    assert files[2].read_bytes().startswith(b"%PDF-")
    text = visible_text(files[1].read_text(encoding="utf-8"))

    # Every entry, with its headline and its exact time on the page's clock (UK time).
    assert all(e.headline and e.headline in text for e in case.entries)
    assert [shown(t) for t in case.times] == [
        shown(datetime(2024, 6, 19, 1, 5, tzinfo=LONDON) - timedelta(minutes=11 * i))
        for i in range(14)
    ]
    table = text.split("Every entry as the reader found it", 1)[1]
    positions = [table.index(shown(t)) for t in case.times]
    assert positions == sorted(positions)  # the entries table lists them in page order

    # A real time axis: every post timed, the span from the JSON-LD, a bar chart over time.
    assert "14 (14 with a time)" in text
    first, last = min(case.times), max(case.times)
    assert f"{shown(first)} – {shown(last)} Europe/London" in text
    assert "the page gave no times" not in text.lower()
    alts = re.findall(r'<img\b[^>]*\balt="([^"]*)"', files[1].read_text(encoding="utf-8"))
    cadence = [html.unescape(a) for a in alts if a.startswith("Bar chart of posts per")]
    assert len(cadence) == 1, alts
    axis = re.match(
        r"Bar chart of posts per (\d+)-minute bin from (\d\d \w{3} \d{4} \d\d:\d\d) to "
        r"(\d\d:\d\d) Europe/London: 14 posts in (\d+) bins",
        cadence[0],
    )
    assert axis, cadence[0]
    minutes, start = int(axis[1]), datetime.strptime(axis[2], "%d %b %Y %H:%M")
    oldest = first.astimezone(LONDON).replace(tzinfo=None)
    assert start <= oldest < start + timedelta(minutes=minutes)
    assert f"Posts per {minutes}-minute bin" in text and "median gap" in text
    assert "11 min" in text  # the median gap between the made-up posts, 11 minutes apart

    # Provenance: the URL, the copy read, and the reader that found the times.
    assert f"{url}, kept as {kept[0]}," in text
    assert "by the html reader (json-ld+markup)" in text

    if shutil.which("pdftotext"):
        pdf = subprocess.run(
            ["pdftotext", "-layout", str(files[2]), "-"], capture_output=True, text=True, check=True
        ).stdout
        words = " ".join(pdf.split())
        assert all((e.headline or "")[:40] in words for e in case.entries)
        assert "14 (14 with a time)" in words


def test_report_of_a_missing_page_fails_in_one_line(site: Site, tmp_path: Path) -> None:
    url = site.url("/news/live/gone")
    done = livebrief("report", url, "--out", str(tmp_path / "out"), "--raw", str(tmp_path / "raw"))
    assert done.returncode == 5
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"livebrief: error: {url}: HTTP 404 Not Found: check the URL: the page does not exist "
        "(any more)"
    ]
    assert site.hits["/news/live/gone"] == 1
    assert not (tmp_path / "out").exists() and not (tmp_path / "raw").exists()


def test_report_of_a_url_where_nothing_listens_fails_in_one_line(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/live"
    done = livebrief("report", url, "--out", str(tmp_path / "out"), "--raw", str(tmp_path / "raw"))
    assert done.returncode == 5
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"livebrief: error: {url}: connection failed")
    assert "try again later" in lines[0]


def test_report_fetches_within_its_retries_and_time_limit(site: Site, tmp_path: Path) -> None:
    site.routes["/busy"] = lambda _request: Reply(503)
    url = site.url("/busy")
    args = ["--out", str(tmp_path / "out"), "--raw", str(tmp_path / "raw")]
    done = livebrief("report", url, *args, "--retries", "1", "--timeout", "5")
    assert done.returncode == 5, done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"livebrief: error: {url}: HTTP 503")
    assert site.hits["/busy"] == 2  # the first try and one retry
    refused = livebrief("report", url, *args, "--retries", "-1")
    assert refused.returncode == 2 and "--retries" in refused.stderr
    assert site.hits["/busy"] == 2


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("ftp://example.invalid/live", "refused: only http and https URLs are fetched (ftp)"),
        ("file:///etc/passwd", "refused: only http and https URLs are fetched (file)"),
        ("http:///live", "refused: the URL has no host"),
    ],
)
def test_report_of_a_url_livebrief_does_not_fetch_is_a_usage_error(
    url: str, problem: str, tmp_path: Path
) -> None:
    done = livebrief("report", url, "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"livebrief: error: {url}: {problem}"]


def test_report_of_a_page_without_entries_names_the_url(site: Site, tmp_path: Path) -> None:
    site.routes["/empty"] = page(b"<!DOCTYPE html><html><body><p>Nothing here</p></body></html>")
    url = site.url("/empty")
    done = livebrief("report", url, "--out", str(tmp_path / "out"), "--raw", str(tmp_path / "raw"))
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"livebrief: error: {url}: fetched, but ")
    assert "no live-page entries found" in lines[0]
    assert not (tmp_path / "out").exists()

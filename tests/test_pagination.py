"""Following a live page's own "next" links (``--all-pages``), against a real server on 127.0.0.1.

The pages are HTML fixtures built from the bundled sample (``fixtures_build``): its 14 entries,
with JSON-LD times, split over pages whose addresses cannot be guessed from a page number
(``/live/abc?cursor=...``), linked in the ways sites link them.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import fixtures_build as fb
from livebrief import fetch, store
from livebrief.fetch import FetchOptions
from livebrief.ingest import IngestOptions, ingest
from livebrief.pagination import Walk, next_links, same_host
from livesite import Route, Site, offline_fixture, page, site_fixture  # noqa: F401

QUICK = FetchOptions(timeout=0.5, total_timeout=5, retries=0, backoff=0.01, page_delay=0)
START = "/live/abc"
P2 = "/live/abc?cursor=x7Kq2"
P3 = "/live/abc?cursor=Zr41m"
#: The sample's 14 entries (newest first) over three pages.
SPLIT = [list(range(0, 5)), list(range(5, 10)), list(range(10, 14))]


@pytest.fixture(scope="module", name="case")
def case_fixture() -> fb.Case:
    return fb.load_case("seed")


def live_page(case: fb.Case, only: list[int], *, head: str = "", foot: str = "") -> bytes:
    """A page of the live page: JSON-LD and markup of entries ``only``, plus links."""
    ld = fb.ld_script(fb.liveblog_object(case, only=only))
    body = fb.bbc_markup(case, only=only) + foot
    return fb.page_html(case, head=ld + head, body=body).encode()


def html_page(body: bytes) -> Route:
    return page(body, kind="text/html")


def requested(site: Site) -> list[str]:
    return [path for path, _headers in site.requests]


def coverage(site: Site, db: Path) -> store.Coverage:
    return store.load_entries(fetch.url_page_key(site.url(START)), db)


# --- Finding the next link -------------------------------------------------------------------

BASE = "https://news.example.org/live/abc?cursor=1"


@pytest.mark.parametrize(
    ("markup", "want"),
    [
        ('<link rel="next" href="?cursor=2">', "https://news.example.org/live/abc?cursor=2"),
        (
            '<link rel="prev next" href="/live/abc/older">',
            "https://news.example.org/live/abc/older",
        ),
        ('<a rel="nofollow next" href="p2#top">Read on</a>', "https://news.example.org/live/p2"),
        (
            '<nav class="pagination"><a href="?cursor=0">Newer</a>'
            '<a href="?cursor=2">Older posts ›</a></nav>',
            "https://news.example.org/live/abc?cursor=2",
        ),
        (
            '<div class="lx-pagination__nav"><ul><li>'
            '<a href="/live/abc?cursor=9" aria-label="Next page">›</a></li></ul></div>',
            "https://news.example.org/live/abc?cursor=9",
        ),
        (
            '<div role="navigation" aria-label="Pages"><a href="?cursor=3">NEXT »</a></div>',
            "https://news.example.org/live/abc?cursor=3",
        ),
        (
            '<ul class="pager"><li><a href="//news.example.org/x?c=4" title="Older">'
            "<span>&larr;</span></a></li></ul>",
            "https://news.example.org/x?c=4",
        ),
    ],
)
def test_next_links_in_the_ways_sites_write_them(markup: str, want: str) -> None:
    html = f"<html><head><title>t</title></head><body><main>{markup}</main></body></html>"
    assert next_links(html, BASE)[:1] == [want]


def test_link_rel_next_comes_first_and_base_href_resolves() -> None:
    html = (
        '<html><head><base href="https://news.example.org/feeds/"><link rel="next" '
        'href="live?c=2"></head><body><nav><a href="other">Next</a></nav></body></html>'
    )
    assert next_links(html, BASE) == [
        "https://news.example.org/feeds/live?c=2",
        "https://news.example.org/feeds/other",
    ]


@pytest.mark.parametrize(
    "markup",
    [
        '<p>Read <a href="/story">next</a> about this.</p>',  # a "next" outside any pager
        '<nav class="pagination"><a href="?cursor=0">Newer posts</a></nav>',
        '<nav class="pagination"><a href="#">Next</a><a href="javascript:go()">Older</a></nav>',
        '<a rel="prev" href="?cursor=0">Previous</a>',
        '<nav><a href="mailto:desk@example.org">Next</a></nav>',
    ],
)
def test_no_next_link(markup: str) -> None:
    assert next_links(f"<html><body>{markup}</body></html>", BASE) == []


def test_plain_text_has_no_next_link() -> None:
    assert next_links("Next\nOlder posts\nhttps://x.org/?page=2\n", BASE) == []


def test_same_host() -> None:
    assert same_host("http://x.org/a", "https://X.org/b?c=1")
    assert same_host("http://127.0.0.1:8000/a", "http://127.0.0.1:8000/b")
    assert not same_host("http://127.0.0.1:8000/a", "http://127.0.0.1:8001/a")
    assert not same_host("http://x.org/a", "http://www.x.org.evil.example/a")
    assert not same_host("http://x.org/a", "http://x.org:99999999/a")


def test_walk_guesses_page_numbers_only_while_a_site_shows_no_links() -> None:
    walk = Walk("https://x.org/live", max_pages=10)
    assert walk.after("https://x.org/live", "https://x.org/live", b"no links") == (
        "https://x.org/live?page=2"
    )
    linked = b'<html><head><link rel="next" href="/live/c3"></head></html>'
    assert walk.after("https://x.org/live?page=2", "https://x.org/live?page=2", linked) == (
        "https://x.org/live/c3"
    )
    assert walk.after("https://x.org/live/c3", "https://x.org/live/c3", b"<html></html>") is None
    assert walk.number == 4


def test_walk_stops_at_max_pages() -> None:
    walk = Walk("https://x.org/live", max_pages=2)
    linked = b'<link rel="next" href="/live?cursor=a">'
    assert walk.after("https://x.org/live", "https://x.org/live", linked) is not None
    assert walk.after("https://x.org/live?cursor=a", "https://x.org/live?cursor=a", linked) is None


# --- Ingesting a live page by its links ------------------------------------------------------


def test_all_pages_follows_next_links_and_stops_at_a_loop(
    site: Site, case: fb.Case, tmp_path: Path
) -> None:
    db = tmp_path / "store.duckdb"
    site.routes[START] = html_page(live_page(case, SPLIT[0], head=f'<link rel="next" href="{P2}">'))
    pager = f'<nav class="pagination" aria-label="Pages"><a href="{P3}">Older posts ›</a></nav>'
    site.routes[P2] = html_page(live_page(case, SPLIT[1], foot=pager))
    loop = '<p class="more"><a rel="next" href="abc">Back to the latest</a></p>'  # = START
    site.routes[P3] = html_page(live_page(case, SPLIT[2], foot=loop))
    options = IngestOptions(all_pages=True, fetch=FetchOptions(retries=0, page_delay=0.15))
    started = time.monotonic()
    report = ingest([site.url(START)], db, options)
    elapsed = time.monotonic() - started
    assert requested(site) == [START, P2, P3]  # no guessed ?page=N, START not read twice
    assert elapsed >= 2 * 0.15  # a polite pause before each further page
    assert len(report.snapshot_ids) == 3 and report.new_entries == 14
    cover = coverage(site, db)
    assert cover.entries["headline"].tolist() == [e.headline for e in case.entries]
    assert cover.entries["page_number"].tolist() == [1] * 5 + [2] * 5 + [3] * 4
    assert cover.entries["time"].notna().all()  # the JSON-LD's exact times
    with store.open_store(db) as s:
        sources = s.snapshots(fetch.url_page_key(site.url(START)))["source"].tolist()
    assert sorted(sources) == sorted(site.url(p) for p in (START, P2, P3))


def test_unchanged_pages_are_followed_by_their_kept_copies(
    site: Site, case: fb.Case, tmp_path: Path
) -> None:
    db = tmp_path / "store.duckdb"
    site.routes[START] = html_page(live_page(case, SPLIT[0], head=f'<link rel="next" href="{P2}">'))
    site.routes[P2] = html_page(live_page(case, SPLIT[1], head=f'<link rel="next" href="{P3}">'))
    site.routes[P3] = html_page(live_page(case, SPLIT[2]))
    options = IngestOptions(all_pages=True, fetch=QUICK)
    ingest([site.url(START)], db, options)
    again = ingest([site.url(START)], db, options)
    assert again.snapshot_ids == [] and again.not_modified == 3  # 304s, links read from raw/
    assert requested(site) == [START, P2, P3] * 2


def test_a_next_link_to_another_host_is_not_followed(
    site: Site, case: fb.Case, tmp_path: Path
) -> None:
    other = Site()
    other.start()
    try:
        away = other.url(P3).replace("127.0.0.1", "localhost")
        other.routes[P3] = html_page(live_page(case, SPLIT[2]))
        site.routes[START] = html_page(
            live_page(case, SPLIT[0], head=f'<link rel="next" href="{P2}">')
        )
        site.routes[P2] = html_page(
            live_page(case, SPLIT[1], head=f'<link rel="next" href="{away}">')
        )
        options = IngestOptions(all_pages=True, fetch=QUICK)
        report = ingest([site.url(START)], tmp_path / "s.duckdb", options)
    finally:
        other.stop()
    assert other.requests == []
    assert requested(site) == [START, P2]  # and no guessed page after the off-host link
    assert len(report.snapshot_ids) == 2


def test_a_page_with_nothing_new_ends_the_pages(site: Site, case: fb.Case, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    site.routes[START] = html_page(live_page(case, SPLIT[0], head=f'<link rel="next" href="{P2}">'))
    # Other bytes (a different promo), the same entries: a site showing page 1 again.
    repeat = live_page(case, SPLIT[0], head=f'<link rel="next" href="{P3}">', foot="<p>Promo</p>")
    site.routes[P2] = html_page(repeat)
    site.routes[P3] = html_page(live_page(case, SPLIT[2]))
    report = ingest([site.url(START)], db, IngestOptions(all_pages=True, fetch=QUICK))
    assert requested(site) == [START, P2]
    assert len(report.snapshot_ids) == 1
    assert coverage(site, db).entries["page_number"].tolist() == [1] * 5


def test_an_endless_chain_stops_at_max_pages(site: Site, case: fb.Case, tmp_path: Path) -> None:
    for i in range(len(case.entries)):
        link = f'<link rel="next" href="{START}?cursor=c{i + 1}">'
        site.routes[f"{START}?cursor=c{i}" if i else START] = html_page(
            live_page(case, [i], head=link)
        )
    options = IngestOptions(all_pages=True, max_pages=4, fetch=QUICK)
    report = ingest([site.url(START)], tmp_path / "s.duckdb", options)
    assert requested(site) == [
        START,
        f"{START}?cursor=c1",
        f"{START}?cursor=c2",
        f"{START}?cursor=c3",
    ]
    assert len(report.snapshot_ids) == 4


def test_without_all_pages_only_the_page_asked_for_is_read(
    site: Site, case: fb.Case, tmp_path: Path
) -> None:
    site.routes[START] = html_page(live_page(case, SPLIT[0], head=f'<link rel="next" href="{P2}">'))
    ingest([site.url(START)], tmp_path / "s.duckdb", IngestOptions(fetch=QUICK))
    assert requested(site) == [START]

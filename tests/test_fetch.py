"""Tests for fetching, against a real HTTP server on 127.0.0.1 (``livesite``); never the internet.

Time limits and back-off waits are tiny here so that the failing cases stay fast.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from livebrief import fetch, store
from livebrief.errors import FetchError
from livebrief.fetch import Fetched, FetchOptions, Validators
from livebrief.ingest import IngestOptions, ingest
from livesite import Reply, Site, offline_fixture, page, sequence, site_fixture  # noqa: F401
from samplepages import GUARDIAN, SAMPLE, SAMPLE_KEY, replace_once, sample_headlines, split_sample

QUICK = FetchOptions(timeout=0.5, total_timeout=5, retries=2, backoff=0.01, page_delay=0)
CORPUS_PAGE = GUARDIAN.read_bytes()


# --- one fetch -----------------------------------------------------------------------------------


def test_fetches_a_corpus_page_with_an_honest_user_agent(site: Site) -> None:
    site.routes["/live"] = page(CORPUS_PAGE)
    got = fetch.fetch(site.url("/live"), options=QUICK)
    assert (got.status, got.content, got.attempts) == (200, CORPUS_PAGE, 1)
    assert got.validators.etag and got.validators.last_modified
    agent = site.headers_of("/live")[0]["User-Agent"]
    assert re.fullmatch(r"livebrief/\S+ \(\+https://example\.invalid/livebrief\)", agent)
    assert agent == fetch.USER_AGENT


@pytest.mark.parametrize("validator", ["etag", "last_modified"])
def test_unchanged_page_answers_304_to_a_conditional_request(site: Site, validator: str) -> None:
    use_etag = validator == "etag"
    site.routes["/live"] = page(CORPUS_PAGE, etag=use_etag, last_modified=not use_etag)
    first = fetch.fetch(site.url("/live"), options=QUICK)
    again = fetch.fetch(site.url("/live"), validators=first.validators, options=QUICK)
    assert again.not_modified and again.content == b""
    sent = site.headers_of("/live")[1]
    header = "If-None-Match" if use_etag else "If-Modified-Since"
    assert sent[header] == (first.validators.etag or first.validators.last_modified)


def test_server_error_twice_then_success_is_retried_with_backoff(site: Site) -> None:
    site.routes["/flaky"] = sequence(Reply(500), Reply(503), page(CORPUS_PAGE))
    recorded: list[float] = []
    got = fetch.fetch(site.url("/flaky"), options=QUICK, sleep=recorded.append)
    assert (got.status, got.content, got.attempts) == (200, CORPUS_PAGE, 3)
    assert recorded == [0.01, 0.02]  # doubling


def test_server_error_beyond_the_retries_fails_clearly(site: Site) -> None:
    site.routes["/down"] = sequence(Reply(502))
    with pytest.raises(FetchError, match=r"HTTP 502 .*\(3 attempts\).*try again later"):
        fetch.fetch(site.url("/down"), options=QUICK, sleep=lambda _: None)
    assert site.hits["/down"] == 3


def test_slow_server_times_out_after_bounded_retries(site: Site) -> None:
    site.routes["/slow"] = sequence(Reply(200, b"late", delay=1.0))
    options = FetchOptions(timeout=0.1, retries=1, backoff=0.01)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 0\.1 s \(2 attempts\)"):
        fetch.fetch(site.url("/slow"), options=options)
    assert time.monotonic() - started < 1.0  # the client did not wait for the server


def test_not_found_fails_at_once_with_a_hint(site: Site) -> None:
    with pytest.raises(FetchError, match=r"HTTP 404 Not Found: check the URL") as info:
        fetch.fetch(site.url("/missing"), options=QUICK)
    assert site.hits["/missing"] == 1  # a 404 is not retried
    assert info.value.exit_code == 5
    assert site.url("/missing") in str(info.value)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.invalid/x", "data:text/plain,hi", "http:///x"]
)
def test_only_http_and_https_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="refused"):
        fetch.fetch(url, options=QUICK)


def test_redirects_are_followed_but_bounded_and_checked(site: Site) -> None:
    site.routes["/moved"] = sequence(Reply(301, headers={"Location": "/live"}))
    site.routes["/live"] = page(CORPUS_PAGE)
    got = fetch.fetch(site.url("/moved"), options=QUICK)
    assert got.content == CORPUS_PAGE and got.final_url == site.url("/live")
    site.routes["/loop"] = sequence(Reply(302, headers={"Location": "/loop"}))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch.fetch(site.url("/loop"), options=QUICK)
    assert site.hits["/loop"] == 6
    site.routes["/escape"] = sequence(Reply(302, headers={"Location": "file:///etc/passwd"}))
    with pytest.raises(FetchError, match="only http and https"):
        fetch.fetch(site.url("/escape"), options=QUICK)


def test_oversized_responses_are_refused(site: Site) -> None:
    big = b"x" * 5000
    options = FetchOptions(max_bytes=4096, retries=0)
    site.routes["/declared"] = sequence(Reply(200, big))
    with pytest.raises(FetchError, match=r"larger than the limit of 4,096 bytes \(it declares"):
        fetch.fetch(site.url("/declared"), options=options)
    site.routes["/undeclared"] = sequence(Reply(200, big, length=False))
    with pytest.raises(FetchError, match="the body is longer"):
        fetch.fetch(site.url("/undeclared"), options=options)


# --- raw snapshots -------------------------------------------------------------------------------


def test_raw_pages_are_kept_as_fetched_and_never_rewritten(tmp_path: Path) -> None:
    html = Fetched("http://x/", "http://x/", 200, b"<!DOCTYPE html><p>hi</p>", "text/html")
    path = fetch.save_raw(tmp_path / "raw", "some-page", html)
    assert path.parent == tmp_path / "raw" / "some-page"
    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{16}\.html", path.name)
    assert path.read_bytes() == html.content
    stamp = path.stat().st_mtime_ns
    again = fetch.save_raw(tmp_path / "raw", "some-page", html)
    assert again == path and path.stat().st_mtime_ns == stamp
    text = Fetched("http://x/", "http://x/", 200, b"plain text", "text/plain")
    assert fetch.save_raw(tmp_path / "raw", "some-page", text).suffix == ".txt"
    assert len(list((tmp_path / "raw" / "some-page").iterdir())) == 2  # no temporary left


def test_page_urls_numbers_and_keys() -> None:
    assert fetch.url_page_number("https://x.org/live/1?page=3") == 3
    assert fetch.url_page_number("https://x.org/live/page/4") == 4
    assert fetch.url_page_number("https://x.org/live/1") is None
    assert fetch.page_url("https://x.org/live?id=2", 2) == "https://x.org/live?id=2&page=2"
    assert fetch.page_url("https://x.org/live?page=2", 1) == "https://x.org/live"
    assert fetch.page_url("https://x.org/live/page/2", 5) == "https://x.org/live/page/5"
    key = fetch.url_page_key("https://www.bbc.co.uk/news/live/world-asia-69124350?page=4")
    assert key == "bbc-co-uk-news-live-world-asia-69124350"
    assert fetch.url_page_key("https://www.bbc.co.uk/news/live/world-asia-69124350") == key


def test_validators_make_the_conditional_headers() -> None:
    assert Validators().headers() == {}
    assert Validators('"a"', "Mon, 01 Jan 2024 00:00:00 GMT").headers() == {
        "If-None-Match": '"a"',
        "If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT",
    }


# --- ingesting URLs ------------------------------------------------------------------------------


def test_ingest_a_url_twice_costs_a_304_and_no_snapshot(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "data" / "store.duckdb"
    site.routes["/live"] = page(SAMPLE.read_bytes())
    options = IngestOptions(fetch=QUICK)
    first = ingest([site.url("/live")], db, options)
    assert (len(first.snapshot_ids), first.new_entries) == (1, 14)
    key = fetch.url_page_key(site.url("/live"))
    raw = list((tmp_path / "data" / "raw" / key).iterdir())
    assert len(raw) == 1 and raw[0].read_bytes() == SAMPLE.read_bytes()
    second = ingest([site.url("/live")], db, options)
    assert second.snapshot_ids == [] and second.not_modified == 1
    assert "If-None-Match" in site.headers_of("/live")[1]
    with store.open_store(db) as s:
        assert len(s.snapshots(key)) == 1
        state = s.fetch_state(site.url("/live"))
        assert state is not None and state.status == 304 and state.raw_path == str(raw[0])
    assert len(list((tmp_path / "data" / "raw" / key).iterdir())) == 1


def test_a_page_that_changes_between_requests(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    before = SAMPLE.read_bytes()
    after = replace_once(before.decode(), "not firm friends", "not close friends").encode()
    site.routes["/live"] = sequence(page(before, etag=False, last_modified=False), page(after))
    options = IngestOptions(page_key="live", fetch=QUICK)
    ingest([site.url("/live")], db, options)
    report = ingest([site.url("/live")], db, options)
    assert (len(report.snapshot_ids), report.new_versions) == (1, 1)
    with store.open_store(db) as s:
        changes = s.diff("live")
    assert changes["change"].tolist() == ["edited"] and changes["fields"][0] == ["body"]
    assert len(list((tmp_path / "raw" / "live").iterdir())) == 2


def test_a_url_that_fails_stores_nothing(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    ingest([str(GUARDIAN)], db)
    site.routes["/slow"] = sequence(Reply(200, b"late", delay=1.0))
    options = IngestOptions(fetch=FetchOptions(timeout=0.1, retries=0))
    with pytest.raises(FetchError):
        ingest([str(SAMPLE), site.url("/slow")], db, options)
    with store.open_store(db) as s:
        assert s.pages()["key"].tolist() == ["guardian-newsbreak-20220519"]


def test_all_pages_follows_page_2_until_a_missing_page(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    first, second = split_sample()
    site.routes["/live"] = page(first.encode())
    site.routes["/live?page=2"] = page(second.encode())
    options = IngestOptions(all_pages=True, fetch=QUICK)
    report = ingest([site.url("/live")], db, options)
    assert len(report.snapshot_ids) == 2
    assert site.hits["/live?page=3"] == 1  # a 404 ends the pages, without an error
    key = fetch.url_page_key(site.url("/live"))
    coverage = store.load_entries(key, db)
    assert coverage.entries["headline"].tolist() == sample_headlines()
    assert coverage.entries["page_number"].tolist() == [1] * 7 + [2] * 7
    assert coverage.page.title is not None and coverage.page.title.startswith("Pact with")
    assert key != SAMPLE_KEY


def test_all_pages_stops_when_a_site_repeats_its_last_page(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    site.routes["/live"] = page(SAMPLE.read_bytes())  # any ?page=N answers the same page
    report = ingest([site.url("/live")], db, IngestOptions(all_pages=True, fetch=QUICK))
    assert len(report.snapshot_ids) == 1
    assert site.hits["/live?page=2"] == 1 and site.hits["/live?page=3"] == 0


def test_raw_pages_of_hostile_urls_stay_in_the_raw_folder(tmp_path: Path) -> None:
    for url in ("http://x.org/../../etc/passwd", "http://x.org/%2e%2e/%2e%2e/etc", "http://x.org/"):
        key = fetch.url_page_key(url)
        got = Fetched(url, url, 200, url.encode(), "text/plain")
        path = fetch.save_raw(tmp_path / "raw", key, got)
        assert path.resolve().is_relative_to((tmp_path / "raw").resolve()), path

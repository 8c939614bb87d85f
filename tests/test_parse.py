"""The reader registry in ``livebrief.parse``: the collector pause around every reader."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

import livebrief.parse as P
from livebrief.errors import NoEntriesError
from livebrief.model import Page, ParsedPage


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_pause_nests_and_resumes_after_the_outermost() -> None:
    with P.gc_paused():
        assert not gc.isenabled()
        with P.gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer reader is still running
    assert gc.isenabled()


def test_pause_resumes_when_the_reader_raises() -> None:
    with pytest.raises(ValueError), P.gc_paused():
        raise ValueError("bad page")
    assert gc.isenabled()


def test_pause_leaves_a_stopped_collector_stopped() -> None:
    gc.disable()
    with P.gc_paused():
        pass
    assert not gc.isenabled()


def test_pause_resumes_only_when_the_last_thread_finishes() -> None:
    inside, release = threading.Event(), threading.Event()

    def reader() -> None:
        with P.gc_paused():
            inside.set()
            release.wait(10)

    other = threading.Thread(target=reader)
    other.start()
    assert inside.wait(10)
    with P.gc_paused():
        pass
    assert not gc.isenabled()  # the other thread's reader is still running
    release.set()
    other.join(10)
    assert gc.isenabled()


def test_parse_text_runs_each_reader_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def read(text: str, **_: object) -> ParsedPage:
        seen.append(gc.isenabled())
        return ParsedPage(Page(source="probe"), [])

    P.readers()  # the built-in readers first, so that the probe is asked before them
    monkeypatch.setitem(P._READERS, "probe", P.Reader("probe", lambda t: True, read, 1000))
    with pytest.raises(NoEntriesError):
        P.parse_text("anything", source="probe.txt")
    assert seen == [False]
    assert gc.isenabled()

"""Tests for the store: snapshots, entry ids and versions, coverage, diffs, safety.

Everything runs on a real DuckDB file in a temporary folder; pages are the bundled sample and
corpus pages (see ``samplepages``). Kill and concurrency tests run real subprocesses.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from livebrief import store
from livebrief.errors import InputError, StoreError, UsageError
from livebrief.ingest import IngestOptions, file_page_key, file_page_number, ingest
from livebrief.model import ENTRY_COLUMNS
from livebrief.parse import read_path
from livebrief.store.schema import MIGRATIONS, SCHEMA_VERSION
from samplepages import (
    CORPUS,
    GUARDIAN,
    SAMPLE,
    SAMPLE_KEY,
    TIMED_EARLY,
    TIMED_LATE,
    drop_entry,
    replace_once,
    sample_headlines,
    sample_text,
    split_sample,
    write,
)

TABLES = ("pages", "snapshots", "entries", "snapshot_entries", "runs", "fetch_state")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "livebrief.duckdb"


def counts(db: Path) -> dict[str, int]:
    """Return the number of rows of every table."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}
    finally:
        con.close()


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def diff(db: Path, key: str, old: int | None = None, new: int | None = None) -> list[dict]:
    with store.open_store(db) as s:
        return s.diff(key, old, new).to_dict("records")


# --- creation, schema, paths -----------------------------------------------------------------


def test_store_is_created_on_first_write_with_schema_version(db: Path) -> None:
    assert not db.exists()
    with pytest.raises(StoreError, match="no store here yet"), store.open_store(db):
        pass
    with store.open_store(db, write=True):
        pass
    assert db.exists()
    applied = rows(db, "SELECT version FROM schema_version ORDER BY version")
    assert applied == [(m[0],) for m in MIGRATIONS] and applied[-1] == (SCHEMA_VERSION,)
    with store.open_store(db, write=True):  # opening again migrates nothing
        pass
    assert len(rows(db, "SELECT * FROM schema_version")) == len(MIGRATIONS)


def test_entries_table_has_every_entry_column(db: Path) -> None:
    # A column added to the model needs a migration: this fails until there is one.
    with store.open_store(db, write=True):
        pass
    columns = {
        r[0]
        for r in rows(db, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'entries'")
    }
    assert set(ENTRY_COLUMNS) <= columns


def test_store_path_from_option_env_and_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LIVEBRIEF_STORE", raising=False)
    assert store.resolve_path() == Path("data/livebrief.duckdb")
    monkeypatch.setenv("LIVEBRIEF_STORE", "/elsewhere/x.duckdb")
    assert store.resolve_path() == Path("/elsewhere/x.duckdb")
    assert store.resolve_path("given.duckdb") == Path("given.duckdb")
    assert store.raw_root("a/b.duckdb") == Path("a/raw")


def test_newer_schema_is_refused(db: Path) -> None:
    with store.open_store(db, write=True) as s:
        s.con.execute("INSERT INTO schema_version VALUES (99, now()::TIMESTAMP, 'future')")
    with pytest.raises(StoreError, match="newer livebrief"), store.open_store(db):
        pass


def test_foreign_files_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database\n" * 100)
    with (
        pytest.raises(StoreError, match="cannot open the store"),
        store.open_store(text, write=True),
    ):
        pass
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE something (x INTEGER)")
    con.close()
    with (
        pytest.raises(StoreError, match="not a livebrief store"),
        store.open_store(other, write=True),
    ):
        pass


def test_page_numbers_and_keys_of_files() -> None:
    assert file_page_number(Path("bbc_66757311_p3_published.txt")) == 3
    assert file_page_number(Path("live-page-12.html")) == 12
    assert file_page_number(Path("000_fd0f76058283f76d.txt")) is None
    assert file_page_key(Path("x.txt"), "Pact with North Korea, says Putin") == (
        "pact-with-north-korea-says-putin"
    )
    assert file_page_key(Path("coverage_p2.txt"), None) == "coverage"


# --- snapshots and dedupe ----------------------------------------------------------------------


def test_same_snapshot_twice_adds_no_rows(db: Path, tmp_path: Path) -> None:
    first = ingest([str(SAMPLE)], db)
    assert (len(first.snapshot_ids), first.new_entries, first.skipped) == (1, 14, 0)
    before = counts(db)
    assert before["entries"] == 14 and before["snapshot_entries"] == 14
    again = ingest([str(SAMPLE)], db)
    copy = shutil.copy(SAMPLE, tmp_path / "same-bytes-elsewhere.txt")
    third = ingest([str(copy)], db)
    assert again.snapshot_ids == [] and third.snapshot_ids == []
    assert again.skipped == 1 and third.skipped == 1
    assert counts(db) == before


def test_same_bytes_with_other_options_is_a_new_snapshot_of_same_entries(db: Path) -> None:
    ingest([str(GUARDIAN)], db, IngestOptions(page_key="guardian"))
    later = ingest([str(GUARDIAN)], db, IngestOptions(page_key="guardian", tz="Europe/Paris"))
    # The page states its zone (BST), so --tz changes nothing: a snapshot, no new version.
    assert len(later.snapshot_ids) == 1
    assert (later.new_entries, later.new_versions) == (0, 0)


def test_entry_ids_do_not_depend_on_position(db: Path, tmp_path: Path) -> None:
    ingest([str(SAMPLE)], db)
    newest = sample_headlines()[0]
    shorter = write(tmp_path, "p.txt", drop_entry(sample_text(), newest))
    report = ingest([str(shorter)], db, IngestOptions(page_key=SAMPLE_KEY))
    # Every remaining entry moved up one place and is still the same entry, unchanged.
    assert (report.new_entries, report.new_versions) == (0, 0)
    assert counts(db)["entries"] == 14


# --- pages 1..N: one coverage -------------------------------------------------------------------


@pytest.mark.parametrize("order", ["p1 first", "p2 first"])
def test_two_pages_of_one_live_page_make_one_ordered_coverage(
    db: Path, tmp_path: Path, order: str
) -> None:
    first, second = split_sample()
    p1 = write(tmp_path, "putin_p1.txt", first)
    p2 = write(tmp_path, "putin_p2.txt", second)
    sources = [p1, p2] if order == "p1 first" else [p2, p1]
    for source in sources:  # separate ingests, in either order
        ingest([str(source)], db, IngestOptions(page_key="putin-kim"))
    page, frame = store.load_entries("putin-kim", db)
    assert page.title == "Pact with North Korea will protect us both from aggression, says Putin"
    assert page.source == "putin-kim"
    assert frame["headline"].tolist() == sample_headlines()
    assert frame["position"].tolist() == list(range(14))
    assert frame["seq"].tolist() == list(range(13, -1, -1))
    assert frame["page_number"].tolist() == [1] * 7 + [2] * 7
    assert list(frame.columns[: len(ENTRY_COLUMNS)]) == list(ENTRY_COLUMNS)
    assert str(frame["headline"].dtype) == "string"


def test_pages_with_times_are_ordered_by_time_not_page(db: Path) -> None:
    # The earlier page is page 2 by its name (..._p2), the later one page 1 (no number).
    options = IngestOptions(page_key="korea", date=date(2023, 9, 12))
    ingest([str(TIMED_EARLY), str(TIMED_LATE)], db, options)
    _page, frame = store.load_entries("korea", db)
    times = frame["time"].tolist()
    assert len(times) == 6 and None not in times
    utc = [datetime.fromisoformat(t).astimezone(timezone.utc) for t in times]
    assert utc == sorted(utc, reverse=True)
    assert frame["source"].tolist()[:3] == [str(TIMED_LATE)] * 3


def test_untimed_entries_keep_their_place_beside_timed_ones(db: Path, tmp_path: Path) -> None:
    late = TIMED_LATE.read_text(encoding="utf-8")
    untimed = write(tmp_path, "notime_p2.txt", split_sample()[1])
    timed = write(tmp_path, "timed_p1.txt", late)
    ingest([str(timed), str(untimed)], db, IngestOptions(page_key="mixed"))
    _page, frame = store.load_entries("mixed", db)
    # Page 1 has the times; page 2's untimed entries follow it, in their page order.
    assert frame["page_number"].tolist() == [1] * 3 + [2] * 7
    assert frame["headline"].tolist()[3:] == sample_headlines()[7:]


# --- versions and diffs -------------------------------------------------------------------------


def test_edited_entry_is_a_new_version_and_the_diff_names_the_field(
    db: Path, tmp_path: Path
) -> None:
    ingest([str(SAMPLE)], db)
    text = replace_once(sample_text(), "not firm friends", "not close friends")
    report = ingest([str(write(tmp_path, "edited.txt", text))], db)
    assert (report.new_entries, report.new_versions) == (0, 1)
    changes = diff(db, SAMPLE_KEY)
    assert [(c["change"], c["headline"], c["fields"]) for c in changes] == [
        ("edited", "A relationship of convenience", ["body"])
    ]
    _page, frame = store.load_entries(SAMPLE_KEY, db)
    edited = frame[frame["headline"] == "A relationship of convenience"].iloc[0]
    assert "not close friends" in edited["body"] and edited["versions"] == 2
    assert len(frame) == 14


def test_edit_of_the_first_paragraph_keeps_the_entry(db: Path, tmp_path: Path) -> None:
    # The first paragraph is part of the id an entry gets when first seen; an edit of it is
    # still recognised, by headline and author.
    ingest([str(SAMPLE)], db)
    text = replace_once(sample_text(), "Last September, Kim took", "Last autumn, Kim took")
    ingest([str(write(tmp_path, "edited.txt", text))], db)
    changes = diff(db, SAMPLE_KEY)
    assert [(c["change"], c["fields"]) for c in changes] == [("edited", ["body"])]
    assert counts(db)["entries"] == 15  # 14 entries, one of them in two versions


def test_edited_headline_is_recognised_by_clock_and_first_paragraph(
    db: Path, tmp_path: Path
) -> None:
    ingest([str(GUARDIAN)], db, IngestOptions(page_key="g"))
    old = "Finland ‘open to discussing Turkey’s co"
    text = replace_once(
        GUARDIAN.read_text(encoding="utf-8"), old, "Finland ‘ready to discuss Turkey’s co"
    )
    ingest([str(write(tmp_path, "g.txt", text))], db, IngestOptions(page_key="g"))
    assert [(c["change"], c["fields"]) for c in diff(db, "g")] == [("edited", ["headline"])]


def test_removed_and_new_entries(db: Path, tmp_path: Path) -> None:
    headlines = sample_headlines()
    gone = headlines[5]
    without = write(tmp_path, "a.txt", drop_entry(sample_text(), gone))
    ingest([str(without)], db, IngestOptions(page_key="k"))
    ingest([str(SAMPLE)], db, IngestOptions(page_key="k"))
    ingest([str(without)], db, IngestOptions(page_key="k"))  # bytes already stored: skipped
    assert [(c["change"], c["headline"]) for c in diff(db, "k")] == [("new", gone)]
    shorter = write(tmp_path, "b.txt", drop_entry(sample_text(), headlines[0]))
    ingest([str(shorter)], db, IngestOptions(page_key="k"))
    changes = diff(db, "k")
    assert [(c["change"], c["headline"]) for c in changes] == [("removed", headlines[0])]
    assert changes[0]["position_before"] == 0 and changes[0]["position_after"] is None
    # A removed entry stays in the coverage: it may have moved to a page not fetched.
    assert len(store.load_entries("k", db).entries) == 14


def test_retimed_entry(db: Path, tmp_path: Path) -> None:
    ingest([str(GUARDIAN)], db, IngestOptions(page_key="g"))
    text = replace_once(GUARDIAN.read_text(encoding="utf-8"), "4.49pm", "4.51pm")
    ingest([str(write(tmp_path, "g2.txt", text))], db, IngestOptions(page_key="g"))
    changes = diff(db, "g")
    assert len(changes) == 1
    change = changes[0]
    assert change["change"] == "retimed"
    assert set(change["fields"]) <= {"clock", "time", "time_raw", "date", "tz"}
    assert {"clock", "time"} <= set(change["fields"])
    assert (change["clock_before"], change["clock_after"]) == ("16:49", "16:51")
    assert change["time_after"] == "2022-05-19T16:51:00+01:00"


def test_retimed_by_a_different_date(db: Path) -> None:
    ingest([str(TIMED_EARLY)], db, IngestOptions(page_key="t", date=date(2023, 9, 12)))
    ingest([str(TIMED_EARLY)], db, IngestOptions(page_key="t", date=date(2023, 9, 13)))
    changes = diff(db, "t")
    assert [c["change"] for c in changes] == ["retimed"] * 3
    assert all(c["clock_before"] == c["clock_after"] for c in changes)


def test_diff_between_chosen_snapshots_and_bad_choices(db: Path, tmp_path: Path) -> None:
    ingest([str(SAMPLE)], db)
    text = replace_once(sample_text(), "not firm friends", "not close friends")
    ingest([str(write(tmp_path, "e.txt", text))], db)
    assert diff(db, SAMPLE_KEY, 2, 1)[0]["change"] == "edited"  # backwards works too
    assert diff(db, SAMPLE_KEY, 1, 1) == []
    with pytest.raises(UsageError, match="snapshot 7 is not a snapshot"):
        diff(db, SAMPLE_KEY, 7, 1)
    with pytest.raises(UsageError, match="no page 'nope'"):
        diff(db, "nope")
    ingest([str(GUARDIAN)], db, IngestOptions(page_key="g"))
    with pytest.raises(UsageError, match="no snapshot before"):
        diff(db, "g")


def test_new_since_a_snapshot_or_a_time(db: Path, tmp_path: Path) -> None:
    headlines = sample_headlines()
    without = write(tmp_path, "a.txt", drop_entry(sample_text(), headlines[0]))
    ingest([str(without)], db, IngestOptions(page_key="k"))
    with store.open_store(db) as s:
        mark_time = s.query("SELECT max(ingested_at) AS t FROM snapshots")["t"][0]
    text = replace_once(sample_text(), "not firm friends", "not close friends")
    ingest([str(write(tmp_path, "b.txt", text))], db, IngestOptions(page_key="k"))
    fresh = store.new_since("k", 1, db)
    assert sorted(zip(fresh["change"], fresh["headline"], strict=True)) == [
        ("edited", "A relationship of convenience"),
        ("new", headlines[0]),
    ]
    iso = (mark_time + timedelta(microseconds=1)).isoformat() + "Z"
    assert len(store.new_since("k", iso, db)) == 2
    with store.open_store(db) as s:
        assert (s.latest_snapshot("k"), s.latest_snapshot()) == (2, 2)
    assert len(store.new_since("k", "2", db)) == 0
    with pytest.raises(UsageError, match="neither a snapshot id nor an ISO"):
        store.new_since("k", "yesterday", db)


def test_runs_are_recorded_by_name(db: Path) -> None:
    with store.open_store(db, write=True) as s:
        assert s.last_run("daily") is None
        first = s.record_run("daily", "a" * 64, snapshot_id=3, details={"formats": ["html"]})
        s.record_run("daily", "b" * 64, status="failed")
        s.record_run("other", "c" * 64)
    with store.open_store(db) as s:
        assert s.latest_snapshot() is None and s.latest_snapshot("daily") is None
        last = s.last_run("daily")
        assert last is not None and last.run_id == first
        assert (last.inputs_sha256, last.snapshot_id, last.details) == (
            "a" * 64,
            3,
            {"formats": ["html"]},
        )
        failed = s.last_run("daily", status=None)
        assert failed is not None and failed.status == "failed"


# --- failure and safety -------------------------------------------------------------------------


def test_a_bad_source_stores_nothing(db: Path, tmp_path: Path) -> None:
    ingest([str(GUARDIAN)], db)
    before = counts(db)
    empty = write(tmp_path, "empty.txt", "")
    junk = write(tmp_path, "junk.txt", "\n\n   \n")
    for bad in (empty, junk):
        with pytest.raises(InputError) as info:
            ingest([str(SAMPLE), str(bad)], db)
        assert info.value.exit_code == 2 and str(bad) in str(info.value)
    assert counts(db) == before


def test_a_writer_waits_for_the_lock_then_gives_up_clearly(db: Path) -> None:
    with store.open_store(db, write=True):
        pass
    outcome: list[BaseException | None] = []
    with store.open_store(db, write=True):

        def second() -> None:
            try:
                with store.open_store(db, write=True, timeout=0.3):
                    pass
                outcome.append(None)
            except BaseException as exc:
                outcome.append(exc)

        thread = threading.Thread(target=second)
        thread.start()
        thread.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], StoreError)
    assert "busy" in str(outcome[0])


KILL_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from livebrief.store import write
    from livebrief.ingest import ingest

    real = write._insert
    def slow_insert(con, table, rows):
        real(con, table, rows)
        if table == "entries":  # snapshots and entries written, sightings not yet
            Path(sys.argv[2]).write_text("inside")
            time.sleep(60)
    write._insert = slow_insert
    ingest(sys.argv[3:], sys.argv[1])
    """
)


def test_sigkill_mid_ingest_leaves_no_half_snapshot(db: Path, tmp_path: Path) -> None:
    ingest([str(SAMPLE)], db)
    before = counts(db)
    marker = tmp_path / "inside-the-transaction"
    script = tmp_path / "kill_me.py"
    script.write_text(KILL_SCRIPT)
    sources = [str(p) for p in sorted(CORPUS.glob("*.txt"))]
    proc = subprocess.Popen([sys.executable, str(script), str(db), str(marker), *sources])
    try:
        from livesite import wait_for

        assert wait_for(marker.exists, timeout=60), "the ingest never reached its write"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    assert counts(db) == before  # nothing of the killed ingest
    with store.open_store(db) as s:
        assert len(s.coverage(SAMPLE_KEY)) == 14
    # The store still works, and the same sources go in whole.
    report = ingest(sources, db)
    assert len(report.snapshot_ids) == len(sources)
    check_consistent(db)


def check_consistent(db: Path) -> None:
    """Every snapshot has all its entries, every sighting a version, no duplicates."""
    assert (
        rows(
            db,
            """
        SELECT s.snapshot_id FROM snapshots s
        LEFT JOIN (SELECT snapshot_id, count(*) AS n FROM snapshot_entries GROUP BY 1) c
        USING (snapshot_id) WHERE coalesce(c.n, 0) <> s.entry_count""",
        )
        == []
    )
    assert (
        rows(
            db,
            """
        SELECT * FROM snapshot_entries se ANTI JOIN entries e
        ON e.entry_id = se.entry_id AND e.content_sha = se.content_sha""",
        )
        == []
    )
    assert (
        rows(
            db,
            """
        SELECT page_key, content_sha256, parse_date, parse_tz, count(*) FROM snapshots
        GROUP BY ALL HAVING count(*) > 1""",
        )
        == []
    )


CONCURRENT = textwrap.dedent(
    """
    import sys
    from livebrief.ingest import IngestOptions, ingest
    ingest(sys.argv[3:], sys.argv[1], IngestOptions(page_key=sys.argv[2] or None))
    """
)


@pytest.mark.slow
def test_concurrent_ingests_wait_and_lose_nothing(db: Path, tmp_path: Path) -> None:
    script = tmp_path / "ingest_some.py"
    script.write_text(CONCURRENT)
    corpus = sorted(CORPUS.glob("*.txt"))
    text = replace_once(GUARDIAN.read_text(encoding="utf-8"), "4.49pm", "4.50pm")
    variant = write(tmp_path, "guardian-variant.txt", text)
    # Different pages at once, and the same page from both sides.
    jobs = [
        ["", *map(str, corpus[:6]), str(SAMPLE)],
        ["", *map(str, corpus[6:]), str(SAMPLE)],
        ["shared-key", str(variant)],
        ["shared-key", str(variant)],
    ]
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(db), *job],
            stderr=subprocess.PIPE,
        )
        for job in jobs
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    check_consistent(db)
    snapshots = rows(db, "SELECT page_key, source FROM snapshots ORDER BY snapshot_id")
    assert len(snapshots) == len(corpus) + 1 + 1  # the sample and the shared page once each
    with store.open_store(db) as s:
        assert len(s.coverage(SAMPLE_KEY)) == 14
        assert len(s.coverage("shared-key")) == 2
    expected = sum(len(read_path(p).entries) for p in corpus) + 14 + 2
    assert counts(db)["entries"] == expected


def test_unchanged_files_are_skipped_by_size_and_time(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = write(tmp_path, "page.txt", sample_text())
    ingest([str(page)], db)
    stamp = page.stat()
    # The same length, the same modification time: trusted as unchanged, not even read.
    page.write_text(replace_once(sample_text(), "not firm friends", "not fine friends"))
    os.utime(page, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert ingest([str(page)], db).snapshot_ids == []
    monkeypatch.setenv("LIVEBRIEF_REREAD", "1")
    report = ingest([str(page)], db)
    assert (len(report.snapshot_ids), report.new_versions) == (1, 1)
    monkeypatch.delenv("LIVEBRIEF_REREAD")
    page.write_text(sample_text())  # a new time: read, and its bytes are known
    assert ingest([str(page)], db).skipped == 1


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.8, 1.6, 2.4, 3.2])
def test_killing_the_ingest_command_at_any_moment_keeps_the_store_whole(
    db: Path, tmp_path: Path, delay: float
) -> None:
    ingest([str(SAMPLE)], db)
    folder = tmp_path / "many"
    folder.mkdir()
    bases = [GUARDIAN, TIMED_LATE, TIMED_EARLY]
    for n in range(600):
        text = bases[n % 3].read_text(encoding="utf-8").replace("the ", f"the {n} ", 1)
        write(folder, f"page{n:04d}.txt", text)
    command = [str(Path(sys.executable).with_name("livebrief")), "ingest", str(folder)]
    proc = subprocess.Popen([*command, "--store", str(db)], stderr=subprocess.DEVNULL)
    try:
        proc.wait(delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    check_consistent(db)
    snapshots = counts(db)["snapshots"]
    assert snapshots in (1, 601)  # all of the killed ingest, or none of it
    with store.open_store(db) as s:
        assert len(s.coverage(SAMPLE_KEY)) == 14


@pytest.mark.parametrize(
    "title",
    ["../../etc/passwd", "/absolute/path", "nul\x00in the middle", "CON", "x" * 5000, "日本語のみ"],
)
def test_keys_from_hostile_titles_stay_plain_names(title: str) -> None:
    key = file_page_key(Path("some page.txt"), title)
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", key), key
    assert ".." not in key and "/" not in key

"""Tests for ``livebrief ingest``, ``entries``, ``pages`` and ``diff``.

Most run in-process (``cli.main``) for speed; a few run the installed console command, one of
them against the local HTTP server of ``livesite``. Every bad input must give one line on
stderr, its documented exit code and an unchanged store.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from livebrief import cli, store
from livebrief.fetch import url_page_key
from livebrief.model import ENTRY_COLUMNS
from livesite import Site, offline_fixture, page, site_fixture  # noqa: F401
from samplepages import (
    GUARDIAN,
    SAMPLE,
    SAMPLE_KEY,
    replace_once,
    sample_headlines,
    sample_text,
    split_sample,
    write,
)

LIVEBRIEF = str(Path(sys.executable).with_name("livebrief"))
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed ``livebrief`` command."""
    return subprocess.run(
        [LIVEBRIEF, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def one_error_line(err: str, *words: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("livebrief: error: "), lines[0]
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def state(db: Path) -> list[object]:
    """What the store holds, to show that a failed command changed nothing."""
    if not db.exists():
        return []
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [
            con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in ("pages", "snapshots", "entries", "snapshot_entries", "fetch_state")
        ] + con.execute("SELECT snapshot_id, content_sha256 FROM snapshots ORDER BY 1").fetchall()
    finally:
        con.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store" / "lb.duckdb"
    assert cli.main(["ingest", str(GUARDIAN), "--store", str(path)]) == 0
    return path


# --- the happy paths ---------------------------------------------------------------------------


def test_ingest_pages_entries_end_to_end(tmp_path: Path) -> None:
    db = tmp_path / "lb.duckdb"
    first = run("ingest", SAMPLE, "--store", db)
    assert first.returncode == 0, first.stderr
    assert first.stdout == "ingested: 1 new snapshot of 1 page, 14 new entries, 0 changed\n"
    again = run("ingest", SAMPLE, "--store", db)
    assert "0 new snapshots" in again.stdout and "1 already stored" in again.stdout
    listing = run("pages", "--store", db).stdout.splitlines()
    assert listing[0].split()[:4] == ["KEY", "TITLE", "SNAPSHOTS", "ENTRIES"]
    assert listing[1].startswith(SAMPLE_KEY) and " 1 " in listing[1] and " 14 " in listing[1]
    out = run("entries", SAMPLE_KEY, "--store", db)
    doc = json.loads(out.stdout)
    assert doc["page"]["title"].startswith("Pact with North Korea")
    assert [e["headline"] for e in doc["entries"]] == sample_headlines()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_entries_formats_carry_the_entries_table(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lb.duckdb"
    assert cli.main(["ingest", str(SAMPLE), "--store", str(db)]) == 0
    target = tmp_path / f"entries.{fmt}"
    assert cli.main(["entries", SAMPLE_KEY, "--store", str(db), "-f", fmt, "-o", str(target)]) == 0
    if fmt == "jsonl":
        rows = [json.loads(line) for line in target.read_text().splitlines()]
        assert list(rows[0]) == list(ENTRY_COLUMNS)
        assert {r["source"] for r in rows} == {str(SAMPLE)}
        headlines = [r["headline"] for r in rows]
    elif fmt == "csv":
        import pandas as pd

        frame = pd.read_csv(target)
        assert list(frame.columns) == list(ENTRY_COLUMNS)
        headlines = frame["headline"].tolist()
    else:
        table = pq.read_table(target)
        assert table.column_names == list(ENTRY_COLUMNS)
        assert str(table.schema.field("paragraphs").type.value_type) == "string"
        headlines = table.column("headline").to_pylist()
    assert headlines == sample_headlines()


def test_folders_are_ingested_recursively_into_one_coverage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = split_sample()
    folder = tmp_path / "pages"
    (folder / "later").mkdir(parents=True)
    write(folder, "live_p1.txt", first)
    write(folder / "later", "live_p2.txt", second)
    (folder / "notes.md").write_text("not a page")  # not a .txt/.html/.json: ignored
    db = tmp_path / "lb.duckdb"
    assert cli.main(["ingest", str(folder), "--page-key", "putin-kim", "--store", str(db)]) == 0
    capsys.readouterr()
    assert cli.main(["entries", "putin-kim", "--store", str(db), "-f", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["headline"] for r in rows] == sample_headlines()
    assert [r["position"] for r in rows] == list(range(14))


def test_store_from_the_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.duckdb"
    result = run("ingest", GUARDIAN, env={"LIVEBRIEF_STORE": str(db)})
    assert result.returncode == 0, result.stderr
    assert db.exists() and state(db)[1] == 1
    listing = run("pages", env={"LIVEBRIEF_STORE": str(db)})
    assert "guardian-newsbreak-20220519" in listing.stdout


def test_diff_and_since_after_an_edit(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = replace_once(GUARDIAN.read_text(encoding="utf-8"), "Andersson said", "Andersson told")
    edited = write(tmp_path, "g.txt", text)
    key = "guardian-newsbreak-20220519"
    assert cli.main(["ingest", str(edited), "--page-key", key, "--store", str(db)]) == 0
    capsys.readouterr()
    assert cli.main(["diff", key, "--store", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{key}: snapshot 1 -> 2: 0 new, 1 edited, 0 retimed, 0 removed"
    assert lines[1].startswith("~ edited") and lines[1].endswith("(body)")
    assert (
        cli.main(["diff", key, "--from", "1", "--to", "2", "-f", "json", "--store", str(db)]) == 0
    )
    doc = json.loads(capsys.readouterr().out)
    assert (doc["from"], doc["to"], doc["changes"][0]["fields"]) == (1, 2, ["body"])
    assert cli.main(["entries", key, "--since", "1", "-f", "jsonl", "--store", str(db)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 1 and "Andersson told" in rows[0]["body"]
    assert cli.main(["pages", key, "--store", str(db)]) == 0
    snapshots = capsys.readouterr().out.splitlines()
    assert snapshots[0].split()[:3] == ["SNAPSHOT", "PAGE", "ENTRIES"] and len(snapshots) == 3


def test_ingest_a_url_from_the_command_line(site: Site, tmp_path: Path) -> None:
    site.routes["/live/1"] = page(sample_text().encode())
    db = tmp_path / "data" / "lb.duckdb"
    url = site.url("/live/1")
    first = run("ingest", url, "--store", db, "--timeout", "5")
    assert first.returncode == 0, first.stderr
    second = run("ingest", url, "--store", db, "--timeout", "5")
    assert "0 new snapshots" in second.stdout and "1 not modified" in second.stdout
    raw = tmp_path / "data" / "raw" / url_page_key(url)
    assert [p.read_bytes() for p in raw.iterdir()] == [sample_text().encode()]


def test_help_shows_examples() -> None:
    for command in ("ingest", "entries", "pages", "diff"):
        out = io.StringIO()
        parser = cli.build_parser()
        with pytest.raises(SystemExit):
            sys_stdout, sys.stdout = sys.stdout, out
            try:
                parser.parse_args([command, "--help"])
            finally:
                sys.stdout = sys_stdout
        assert f"livebrief {command} " in out.getvalue() and "--store PATH" in out.getvalue()


# --- bad input: one line, a documented exit code, the store unchanged --------------------------

BAD_SOURCES = {
    "missing": (None, 2, "no such file"),
    "empty": (b"", 2, "empty.txt"),
    "blank": (b"  \n\t\n  \n", 2, "blank.txt"),
    "png": (PNG, 2, "png.txt"),
    "gzip": (gzip.compress(sample_text().encode()), 2, "gzip.txt"),
    "folder": ("folder", 2, "holds no"),
}


@pytest.mark.parametrize("kind", list(BAD_SOURCES))
def test_bad_sources_change_nothing(
    kind: str, tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, code, words = BAD_SOURCES[kind]
    bad = tmp_path / f"{kind}.txt"
    if content == "folder":
        bad = tmp_path / "empty-folder"
        bad.mkdir()
        (bad / "readme.md").write_text("no pages here")
    elif isinstance(content, bytes):
        bad.write_bytes(content)
    before = state(db)
    capsys.readouterr()
    # A good source before the bad one is not stored either.
    assert cli.main(["ingest", str(SAMPLE), str(bad), "--store", str(db)]) == code
    one_error_line(capsys.readouterr().err, words)
    assert state(db) == before


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["ingest", "file:///etc/passwd"], 2, "only http and https"),
        (["ingest", str(SAMPLE), "--page-key", "../../etc"], 2, "cannot be a page key"),
        (["ingest", str(SAMPLE), "--date", "18/06/2024"], 2, "YYYY-MM-DD"),
        (["ingest", str(SAMPLE), "--tz", "Mars/Olympus"], 2, "time zone"),
        (["ingest", str(SAMPLE), "--timeout", "-1"], 2, "positive"),
        (["entries", "no-such-page"], 2, "no page 'no-such-page'"),
        (["entries", "guardian-newsbreak-20220519", "-f", "parquet"], 2, "--output"),
        (["entries", "guardian-newsbreak-20220519", "--since", "soon"], 2, "ISO 8601"),
        (["entries", "guardian-newsbreak-20220519", "-o", "/no/such/dir/x.json"], 3, "folder"),
        (["diff", "guardian-newsbreak-20220519"], 2, "no snapshot before"),
        (["diff", "guardian-newsbreak-20220519", "--from", "9"], 2, "snapshot 9"),
    ],
)
def test_bad_arguments_change_nothing(
    args: list[str], code: int, words: str, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = state(db)
    capsys.readouterr()
    assert cli.main([*args, "--store", str(db)]) == code
    one_error_line(capsys.readouterr().err, words)
    assert state(db) == before


def test_a_failed_fetch_exits_5_and_changes_nothing(
    site: Site, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = state(db)
    capsys.readouterr()
    url = site.url("/gone")
    assert cli.main(["ingest", str(SAMPLE), url, "--store", str(db), "--retries", "0"]) == 5
    one_error_line(capsys.readouterr().err, url, "HTTP 404")
    assert state(db) == before


def test_a_file_that_is_not_a_store_exits_6(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n" * 200)
    assert cli.main(["ingest", str(SAMPLE), "--store", str(notes)]) == 6
    one_error_line(capsys.readouterr().err, str(notes), "cannot open the store")
    assert notes.read_text() == "my notes\n" * 200
    assert cli.main(["pages", "--store", str(notes)]) == 6
    capsys.readouterr()


def test_a_busy_store_exits_6_after_the_lock_timeout(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LIVEBRIEF_LOCK_TIMEOUT", "0.2")
    before = state(db)
    capsys.readouterr()
    with store.open_store(db, write=True):  # another writer holds the store
        code = cli.main(["ingest", str(SAMPLE), "--store", str(db)])
    assert code == 6
    one_error_line(capsys.readouterr().err, "busy", "LIVEBRIEF_LOCK_TIMEOUT")
    assert state(db) == before


def test_pages_of_a_missing_store_is_an_empty_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.duckdb"
    assert cli.main(["pages", "--store", str(missing)]) == 0
    captured = capsys.readouterr()
    assert captured.out.split() == [
        "KEY",
        "TITLE",
        "SNAPSHOTS",
        "ENTRIES",
        "FIRST",
        "POST",
        "LAST",
        "POST",
    ]
    assert "no store here yet" in captured.err
    assert not missing.exists()


def test_a_full_disk_exits_6_and_changes_nothing(tmp_path: Path) -> None:
    # A size limit on files (RLIMIT_FSIZE) stands in for a full disk: writes past it fail.
    import resource
    import signal

    db = tmp_path / "lb.duckdb"
    assert run("ingest", SAMPLE, "--store", db).returncode == 0
    before = state(db)
    folder = tmp_path / "many"
    folder.mkdir()
    text = GUARDIAN.read_text(encoding="utf-8")
    for n in range(400):
        write(folder, f"p{n:04d}.txt", text.replace("the ", f"the {n} ", 1))
    limit = 64_000  # bytes a file may reach: the store (already larger) cannot grow or change

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [LIVEBRIEF, "ingest", str(folder), "--store", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=small_disk,
    )
    assert result.returncode == 6, result.stderr
    one_error_line(result.stderr, str(db), "nothing of this ingest was stored")
    assert state(db) == before

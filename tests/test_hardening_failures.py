"""Failures midway: the kernel dies, the PDF printer is missing or hangs, ingest is killed.

Each failure must give one clear error line and its exit code, keep the previous briefing as it
was (byte for byte, no temporary file beside it), let ``livebrief run`` make its other
briefings, and leave the store with every earlier snapshot and no half of the interrupted one.
Everything is real: ``livebrief`` in subprocesses, a notebook kernel, Chromium or a fake of it
on ``PATH``, SIGKILL, DuckDB files.

Already covered elsewhere, not repeated here: a cell that raises (``test_render``), SIGKILL
inside the insert and at fixed moments of a long ingest, concurrent ingests in Python
(``test_store``), a run killed mid-render and overlapping runs (``test_schedule``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from hardening import LIVEBRIEF, livebrief, one_error_line, store_digest, tree
from livebrief.render import avoid_slow_imports
from livesite import wait_for
from samplepages import CORPUS, GUARDIAN, SAMPLE, TIMED_EARLY, TIMED_LATE, write

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "briefing.ipynb"
SLUG = "pact-with-north-korea-will-protect-us-both-from-aggression"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A briefing of the sample (HTML and PDF) that every failure below must leave alone."""
    out = tmp_path_factory.mktemp("reports")
    done = livebrief("report", SAMPLE, "--out", out, "--format", "html,pdf")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (out / SLUG).iterdir()) == [
        "briefing.html",
        "briefing.ipynb",
        "briefing.pdf",
    ]
    return out


def notebook_with(folder: Path, code: str) -> Path:
    """The briefing notebook with ``code`` as a cell after the header (templates beside it)."""
    avoid_slow_imports()
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "bf.header(b)" in c.source) + 1
    nb.cells.insert(at, nbformat.v4.new_code_cell(code))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "briefing.ipynb"
    nbformat.write(nb, path)
    shutil.copytree(NOTEBOOK.parent / "templates", folder / "templates")
    return path


def kept(out: Path, before: dict[str, str]) -> None:
    """Check the previous briefing is byte for byte as it was, and nothing was left beside it."""
    after = tree(out)
    failed = {k for k in after if k.endswith(".failed.ipynb")}  # the record of a failed run
    assert {k: v for k, v in after.items() if k not in failed} == before


# --- The notebook's kernel -----------------------------------------------------------------------


def test_kernel_that_dies_midway_is_one_line_exit_4(previous: Path, tmp_path: Path) -> None:
    before = tree(previous)
    notebook = notebook_with(tmp_path / "nb", "import os\nos._exit(1)")
    done = livebrief("report", SAMPLE, "--out", previous, "--notebook", notebook)
    assert done.returncode == 4, done.stderr
    line = one_error_line(done.stderr, str(SAMPLE), "the kernel failed", "Kernel died")
    assert "os._exit" in line  # says what may have ended it
    kept(previous, before)


def test_kernel_killed_by_a_signal_midway(previous: Path, tmp_path: Path) -> None:
    before = tree(previous)
    code = "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"
    notebook = notebook_with(tmp_path / "nb", code)
    done = livebrief("report", SAMPLE, "--out", previous, "--notebook", notebook)
    assert done.returncode == 4, done.stderr
    one_error_line(done.stderr, str(SAMPLE), "the kernel failed")
    kept(previous, before)


# --- The PDF printer ---------------------------------------------------------------------------


def test_missing_chromium_is_one_line_exit_4(previous: Path, tmp_path: Path) -> None:
    before = tree(previous)
    empty = tmp_path / "bin"
    empty.mkdir()
    done = livebrief(
        "report", SAMPLE, "--out", previous, "--pdf-engine", "chromium", env={"PATH": str(empty)}
    )
    assert done.returncode == 4, done.stderr
    one_error_line(done.stderr, "chromium not found", "--pdf-engine weasyprint")
    kept(previous, before)


def _fake_chromium(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    fake = folder / "chromium"
    fake.write_text("#!/bin/sh\n" + body)
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    return folder


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def test_hanging_chromium_is_killed_with_its_children(previous: Path, tmp_path: Path) -> None:
    # The fake browser starts a child that holds its output open, as Chromium's helpers do:
    # killing the first process alone would leave livebrief waiting on the pipe.
    pids = tmp_path / "pids"
    bin_dir = _fake_chromium(tmp_path / "bin", f'sleep 300 &\necho "$$ $!" > {pids}\nwait\n')
    before = tree(previous)
    started = time.monotonic()
    done = livebrief(
        "report", SAMPLE, "--out", previous, "--pdf-engine", "chromium",
        env={"PATH": f"{bin_dir}:{os.environ['PATH']}", "LIVEBRIEF_PDF_TIMEOUT": "3"},
        timeout=200,
    )  # fmt: skip
    assert done.returncode == 4, done.stderr
    one_error_line(done.stderr, "did not finish printing", "in 3 s", "LIVEBRIEF_PDF_TIMEOUT")
    assert time.monotonic() - started < 120
    kept(previous, before)
    shell, child = map(int, pids.read_text().split())
    assert wait_for(lambda: not _alive(shell) and not _alive(child), timeout=10)


def test_chromium_that_fails_is_one_line_exit_4(previous: Path, tmp_path: Path) -> None:
    bin_dir = _fake_chromium(tmp_path / "bin", "echo 'GPU process crashed' >&2\nexit 133\n")
    before = tree(previous)
    done = livebrief(
        "report", SAMPLE, "--out", previous, "--pdf-engine", "chromium",
        env={"PATH": f"{bin_dir}:{os.environ['PATH']}"},
    )  # fmt: skip
    assert done.returncode == 4, done.stderr
    one_error_line(done.stderr, "chromium could not print", "exit 133", "GPU process crashed")
    kept(previous, before)


def test_bad_pdf_timeout_setting_is_a_usage_error(tmp_path: Path) -> None:
    done = livebrief(
        "report", SAMPLE, "--out", tmp_path / "out", "--pdf-engine", "chromium",
        env={"LIVEBRIEF_PDF_TIMEOUT": "soon"},
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    one_error_line(done.stderr, "LIVEBRIEF_PDF_TIMEOUT='soon'")
    assert tree(tmp_path / "out") == {}


# --- Two briefings at once -----------------------------------------------------------------------


def test_two_reports_into_one_folder_at_once(tmp_path: Path) -> None:
    # The same page twice and another page, at the same moment, into the same --out.
    out = tmp_path / "out"
    procs = [
        subprocess.Popen(
            [LIVEBRIEF, "report", str(source), "--out", str(out), "--format", "html"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for source in (SAMPLE, SAMPLE, GUARDIAN)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err for _, err in results]
    folders = sorted(p.name for p in out.iterdir())
    assert len(folders) == 2 and SLUG in folders
    for folder in folders:  # each whole: no temporary file left, both parts present
        assert sorted(p.name for p in (out / folder).iterdir()) == [
            "briefing.html",
            "briefing.ipynb",
        ]
        assert (out / folder / "briefing.html").read_text("utf-8").rstrip().endswith("</html>")


# --- The store -----------------------------------------------------------------------------------


def _earlier_store(db: Path) -> list[tuple[object, ...]]:
    """Ingest three pages in three snapshots; return what identifies them."""
    for source in (GUARDIAN, TIMED_EARLY, TIMED_LATE):
        done = livebrief("ingest", source, "--store", db)
        assert done.returncode == 0, done.stderr
    return _snapshots(db)


def _snapshots(db: Path) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT snapshot_id, page_key, content_sha256, entry_count FROM snapshots "
            "ORDER BY snapshot_id"
        ).fetchall()
    finally:
        con.close()


def _consistent(db: Path) -> None:
    """Every snapshot has all its entries, and every sighting its entry version."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        half = con.execute(
            """
            SELECT s.snapshot_id FROM snapshots s
            LEFT JOIN (SELECT snapshot_id, count(*) AS n FROM snapshot_entries GROUP BY 1) c
            USING (snapshot_id) WHERE coalesce(c.n, 0) <> s.entry_count"""
        ).fetchall()
        orphans = con.execute(
            """
            SELECT count(*) FROM snapshot_entries se ANTI JOIN entries e
            ON e.entry_id = se.entry_id AND e.content_sha = se.content_sha"""
        ).fetchall()
    finally:
        con.close()
    assert half == [] and orphans == [(0,)]


@pytest.mark.parametrize("moment", ["log-starts", "log-large", "late"])
def test_sigkill_while_ingest_writes_keeps_every_earlier_snapshot(
    moment: str, tmp_path: Path
) -> None:
    # Kill the ingest command while it commits: when its write-ahead log first appears on
    # disk, when the log is half written (about 1 MB in all here), or a moment later, while
    # the log is folded into the database file (the checkpoint).
    db = tmp_path / "lb.duckdb"
    earlier = _earlier_store(db)
    digest = store_digest(db)
    folder = tmp_path / "many"
    folder.mkdir()
    text = GUARDIAN.read_text(encoding="utf-8")
    for n in range(800):
        write(folder, f"page{n:04d}.txt", text.replace("the ", f"the {n} ", 1))
    wal = db.with_name(db.name + ".wal")
    least = 512 * 1024 if moment == "log-large" else 1

    def reached() -> bool:
        return wal.exists() and wal.stat().st_size >= least

    proc = subprocess.Popen(
        [LIVEBRIEF, "ingest", str(folder), "--store", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not reached() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)  # a tight watch: the log is written in some milliseconds
        hit = reached() or proc.poll() is not None
        if moment == "late":
            time.sleep(0.3)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(30)
    assert hit
    after = _snapshots(db)  # the store opens
    assert after[: len(earlier)] == earlier  # every earlier snapshot, as it was
    assert len(after) in (len(earlier), len(earlier) + 800), len(after)  # all or nothing
    _consistent(db)
    if len(after) == len(earlier):
        assert store_digest(db) == digest
    # And it takes the same ingest again, whole.
    done = livebrief("ingest", folder, "--store", db)
    assert done.returncode == 0, done.stderr
    assert len(_snapshots(db)) == len(earlier) + 800
    _consistent(db)


def test_two_ingest_commands_of_different_pages_at_once(tmp_path: Path) -> None:
    db = tmp_path / "lb.duckdb"
    earlier = _earlier_store(db)
    pages = sorted(p for p in CORPUS.glob("*.txt") if p not in (GUARDIAN, TIMED_EARLY, TIMED_LATE))
    halves = [pages[::2], pages[1::2]]
    procs = [
        subprocess.Popen(
            [LIVEBRIEF, "ingest", *map(str, half), "--store", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for half in halves
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in results]
    after = _snapshots(db)
    assert after[: len(earlier)] == earlier
    added = after[len(earlier) :]
    assert len(added) == len(pages)  # nothing lost
    assert len({row[2] for row in added}) == len(pages)  # nothing twice
    assert [row[0] for row in after] == list(range(1, len(after) + 1))  # ids without a gap
    _consistent(db)
    assert all(re.match(r"ingested: \d+ new snapshot", out) for out, _ in results)


# --- livebrief run: one briefing fails, the others are made ---------------------------------------


def test_a_run_makes_its_other_briefings_when_one_kernel_dies_and_one_printer_hangs(
    tmp_path: Path,
) -> None:
    # Three briefings of the sample: "good"; "dies", whose notebook ends its kernel; "hangs",
    # printed by a Chromium that never finishes. First all three are made; then, forced
    # again with the failures in place, "good" is made anew and the other two keep theirs.
    dies = notebook_with(tmp_path / "nb", "import os\nos._exit(1)")
    bin_dir = _fake_chromium(tmp_path / "bin", "sleep 300 &\nwait\n")
    out = tmp_path / "out"
    config = tmp_path / "briefings.yml"

    def write_config(broken: bool) -> None:
        pdf = {"formats": ["html", "pdf"]}
        briefings = [
            {"name": "good", "sources": [str(SAMPLE)], **pdf},
            {"name": "dies", "sources": [str(SAMPLE)], "formats": ["html"]},
            {"name": "hangs", "sources": [str(SAMPLE)], **pdf},
        ]
        if broken:
            briefings[1]["notebook"] = str(dies)
            briefings[2]["pdf_engine"] = "chromium"
        doc = {
            "store": "store.duckdb",
            "defaults": {"output": "out/{name}"},
            "briefings": briefings,
        }
        config.write_text(json.dumps(doc), encoding="utf-8")

    write_config(broken=False)
    first = livebrief("run", config, "--jobs", "2", timeout=600)
    assert first.returncode == 0, first.stderr
    before = {name: tree(out / name) for name in ("good", "dies", "hangs")}

    write_config(broken=True)
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "LIVEBRIEF_PDF_TIMEOUT": "3"}
    second = livebrief("run", config, "--jobs", "2", "--force", env=env, timeout=600)
    assert second.returncode == 4, second.stderr
    assert "Traceback" not in second.stderr
    errors = [ln for ln in second.stderr.splitlines() if ln.startswith("livebrief: error: ")]
    assert len(errors) == 1 and "2 of 3 briefings failed" in errors[0], second.stderr
    rows = {ln.split()[0]: ln for ln in second.stdout.splitlines() if ln.strip()}
    assert rows["good"].split()[1] == "rendered"
    assert rows["dies"].split()[1] == "failed" and "Kernel died" in rows["dies"]
    assert rows["hangs"].split()[1] == "failed" and "did not finish printing" in rows["hangs"]
    assert tree(out / "dies") == before["dies"]  # the previous briefings, as they were
    assert tree(out / "hangs") == before["hangs"]
    good = tree(out / "good")
    assert sorted(good) == ["briefing.html", "briefing.ipynb", "briefing.pdf"]
    assert good["briefing.html"] != before["good"]["briefing.html"]  # made anew

"""Tests for scheduled briefings: the briefings file, ``livebrief run``, the run lock.

The slow tests run the real command in subprocesses on copies of the bundled sample, with
``formats: [html]`` (PDF is the render tests' business), and look at what a user would: the
summary table, exit codes, the files in the output folders and the store's tables.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml

from livebrief import briefing as bf
from livebrief import schedule, store
from livebrief.errors import ConfigError, StoreError, UsageError
from livebrief.ingest import IngestOptions, ingest
from livebrief.schedule.lock import lock_path, run_lock
from samplepages import SAMPLE, TIMED_EARLY, drop_entry, replace_once, sample_headlines, write

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "briefing.ipynb"
HEADING = "New since the last briefing"


def livebrief(
    *args: str, cwd: Path = REPO, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "livebrief", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start(*args: str, cwd: Path = REPO) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "livebrief", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def write_config(folder: Path, briefings: list[dict[str, Any]], **top: Any) -> Path:
    data = {"store": "store.duckdb", "defaults": {"formats": ["html"]}, **top}
    data["briefings"] = briefings
    path = folder / "briefings.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def statuses(stdout: str) -> dict[str, str]:
    """Read the summary table: briefing name -> status."""
    lines = stdout.strip().splitlines()
    assert lines[0].split() == ["briefing", "status", "seconds", "outputs"], stdout
    return {line.split()[0]: line.split()[1] for line in lines[1:-1]}


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def runs(db: Path) -> list[tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [
            tuple(r)
            for r in con.execute("SELECT name, status FROM runs ORDER BY run_id").fetchall()
        ]
    finally:
        con.close()


def edited_sample() -> str:
    """The sample with its second headline changed and its fourth entry removed."""
    heads = sample_headlines()
    text = replace_once(SAMPLE.read_text(encoding="utf-8"), heads[1], heads[1] + " (updated)")
    return drop_entry(text, heads[3])


# ---------------------------------------------------------------------------------------------
# The briefings file: strict checking, one line naming the file, the briefing and the key.


def good_briefing(**changes: Any) -> dict[str, Any]:
    return {"name": "alpha", "sources": [str(SAMPLE)], **changes}


def test_config_resolves_paths_defaults_and_parameters(tmp_path: Path) -> None:
    path = write_config(
        tmp_path,
        [
            good_briefing(parameters={"top_authors": 3, "date": "2024-06-19"}),
            {
                "name": "beta",
                "sources": ["pages/"],
                "page_key": "shared",
                "formats": ["html", "pdf"],
            },
        ],
        defaults={"formats": ["html"], "output": "out/{name}", "parameters": {"tz": "Asia/Seoul"}},
    )
    config = schedule.load_config(path)
    alpha, beta = config.briefings
    assert config.store == tmp_path.resolve() / "store.duckdb"
    assert alpha.output == tmp_path.resolve() / "out" / "alpha"
    assert alpha.parameters == {"tz": "Asia/Seoul", "top_authors": 3, "date": "2024-06-19"}
    assert alpha.page_key == "alpha" and alpha.formats == ("html",)
    assert alpha.notebook == NOTEBOOK and alpha.ingest_tz == "Asia/Seoul"
    assert beta.sources == (str(tmp_path.resolve() / "pages"),)
    assert beta.page_key == "shared" and beta.formats == ("html", "pdf")


CONFIG_ERRORS = [
    # (what, briefing, the message's key and problem)
    (
        {"sorces": ["x.txt"]},
        "briefing 'alpha': sorces: unknown key in a briefing (did you mean 'sources'?)",
    ),
    (
        {"parameters": {"colour": "red"}},
        "briefing 'alpha': parameters.colour: briefing.ipynb declares no such parameter",
    ),
    (
        {"parameters": {"top_authors": "many"}},
        "briefing 'alpha': parameters.top_authors: expected int, got str 'many'",
    ),
    (
        {"parameters": {"date": "2024-06-19T00:00"}},
        "briefing 'alpha': parameters.date: '2024-06-19T00:00' is not a date",
    ),
    ({"notebook": "missing.ipynb"}, "briefing 'alpha': notebook: no such notebook: "),
    (
        {"parameters": {"source": "x.txt"}},
        "briefing 'alpha': parameters.source: set by livebrief run itself",
    ),
    (
        {"parameters": {"url": "https://example.org/live"}},
        "briefing 'alpha': parameters.url: set by livebrief run itself",
    ),
    (
        {"formats": "html"},
        "briefing 'alpha': formats: expected a non-empty list such as [html, pdf]",
    ),
    ({"name": "a/b"}, "briefing 'a/b': name: 'a/b' has to be letters, digits"),
]


@pytest.mark.parametrize(("change", "message"), CONFIG_ERRORS)
def test_config_errors_name_the_file_briefing_and_key(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    path = write_config(tmp_path, [good_briefing(**change)])
    with pytest.raises(ConfigError) as caught:
        schedule.load_config(path)
    assert str(caught.value).startswith(f"{path}: {message}"), str(caught.value)
    assert "\n" not in str(caught.value)


def test_config_refuses_duplicate_keys_bad_yaml_and_a_notebook_without_the_store(
    tmp_path: Path,
) -> None:
    path = tmp_path / "briefings.yml"
    path.write_text("briefings:\n  - name: a\n    name: b\n    sources: [x]\n")
    with pytest.raises(ConfigError, match=r"key 'name' is given twice \(line 3\)"):
        schedule.load_config(path)
    path.write_text("briefings: [\n")
    with pytest.raises(ConfigError, match=r"line 2: not valid YAML"):
        schedule.load_config(path)
    old = tmp_path / "old.ipynb"
    old.write_text(NOTEBOOK.read_text().replace("page_key: str", "pagekey: str"))
    path = write_config(tmp_path, [good_briefing(notebook="old.ipynb")])
    with pytest.raises(ConfigError, match=r"old\.ipynb declares no page_key parameter"):
        schedule.load_config(path)
    path = write_config(tmp_path, [good_briefing(), good_briefing(sources=["y"])])
    with pytest.raises(ConfigError, match="briefing 'alpha': name: another briefing has"):
        schedule.load_config(path)


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"sorces": ["x.txt"]}, "sorces"),
        ({"parameters": {"colour": "red"}}, "parameters.colour"),
        ({"parameters": {"bin_minutes": 2.5}}, "parameters.bin_minutes"),
        ({"notebook": "missing.ipynb"}, "notebook"),
    ],
)
def test_run_with_a_bad_config_exits_2_in_one_line(
    tmp_path: Path, change: dict[str, Any], key: str
) -> None:
    path = write_config(tmp_path, [good_briefing(**change)])
    done = livebrief("run", str(path))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"livebrief: error: {path}: briefing 'alpha': {key}: ")
    assert done.stdout == ""
    assert not (tmp_path / "store.duckdb").exists()


def test_the_bundled_briefings_file_is_valid() -> None:
    config = schedule.load_config(REPO / "samples" / "briefings.yml")
    assert [b.name for b in config.briefings] == ["putin-kim", "putin-kim-top3"]
    assert {b.page_key for b in config.briefings} == {"putin-kim"}
    assert all(Path(s).is_file() for b in config.briefings for s in b.sources)
    assert config.store == REPO / "data" / "livebrief.duckdb"
    assert config.briefings[0].output == REPO / "reports" / "scheduled" / "putin-kim"


def test_run_help_shows_an_example() -> None:
    done = livebrief("run", "--help")
    assert done.returncode == 0
    assert "livebrief run samples/briefings.yml" in done.stdout
    assert "--jobs" in done.stdout and "--wait" in done.stdout and "--force" in done.stdout


# ---------------------------------------------------------------------------------------------
# Pieces: the run lock, fingerprints, progress, the notebook's reading of the store.


def test_progress_writes_plain_lines_away_from_a_terminal() -> None:
    stream = io.StringIO()
    progress = schedule.Progress(stream)
    assert not progress.bar
    progress.note("2 to render, 1 unchanged")
    progress.start(2)
    progress.done(schedule.Outcome("a", schedule.RENDERED, 4.25))
    progress.done(schedule.Outcome("b", schedule.FAILED, 0.5, error="a.txt: no entries"))
    progress.close()
    assert stream.getvalue().splitlines() == [
        "livebrief run: 2 to render, 1 unchanged",
        "livebrief run: [1/2] a: rendered in 4.2 s",
        "livebrief run: [2/2] b: failed: a.txt: no entries",
    ]


def test_summary_table_has_one_row_per_briefing(tmp_path: Path) -> None:
    outcomes = [
        schedule.Outcome("alpha", schedule.RENDERED, 3.14, [tmp_path / "a" / "briefing.html"]),
        schedule.Outcome("beta", schedule.SKIPPED, 0.0, [tmp_path / "b" / "briefing.html"]),
        schedule.Outcome("gamma", schedule.FAILED, 0.2, error="boom"),
    ]
    assert schedule.summary_table(outcomes, base=tmp_path).splitlines() == [
        "briefing  status    seconds  outputs",
        "alpha     rendered      3.1  a/briefing.html",
        "beta      skipped         -  b/briefing.html",
        "gamma     failed        0.2  boom",
        "1 rendered, 1 skipped, 1 failed",
    ]


def test_run_lock_makes_a_second_run_wait_then_give_up(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    told: list[str] = []
    with run_lock(db, wait=0):
        assert lock_path(db).read_text().startswith(f"{os.getpid()} ")
        started = time.monotonic()
        busy = r"another 'livebrief run' \(pid \d+, started .*0.3 s"
        with pytest.raises(StoreError, match=busy), run_lock(db, 0.3, on_wait=told.append):
            pass
        assert time.monotonic() - started >= 0.3
    assert told and told[0].startswith("waiting up to 0.3 s for another run")
    with run_lock(db, wait=0):  # released
        pass


def test_fingerprint_follows_snapshot_parameters_and_notebook(tmp_path: Path) -> None:
    path = write_config(
        tmp_path, [good_briefing(), good_briefing(name="b", parameters={"top_authors": 2})]
    )
    a, b = schedule.load_config(path).briefings
    assert schedule.fingerprint(a, 1) == schedule.fingerprint(a, 1)
    assert schedule.fingerprint(a, 1) != schedule.fingerprint(a, 2)
    assert schedule.fingerprint(a, 1) != schedule.fingerprint(b, 1)
    copy = tmp_path / "nb.ipynb"
    copy.write_text(NOTEBOOK.read_text() + " ")
    path = write_config(tmp_path, [good_briefing(notebook="nb.ipynb")])
    (moved,) = schedule.load_config(path).briefings
    assert schedule.fingerprint(moved, 1) != schedule.fingerprint(a, 1)


def test_briefing_loads_a_page_and_its_changes_from_the_store(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    page = write(tmp_path, "page.txt", SAMPLE.read_text(encoding="utf-8"))
    ingest([str(page)], db, IngestOptions(page_key="putin-kim"))
    first = bf.load("", page_key="putin-kim", store=str(db))
    assert first.changes is None and len(first.frame) == 14
    assert first.source.page_key == "putin-kim" and first.source.snapshot_id == 1
    write(tmp_path, "page.txt", edited_sample())
    ingest([str(page)], db, IngestOptions(page_key="putin-kim"))
    later = bf.load("", page_key="putin-kim", store=str(db), since_snapshot=1)
    assert later.changes is not None
    changes = dict(zip(later.changes["headline"], later.changes["change"], strict=True))
    heads = sample_headlines()
    assert changes == {heads[1] + " (updated)": "edited", heads[3]: "removed"}
    assert later.since_time is not None
    nothing = bf.load("", page_key="putin-kim", store=str(db), since_snapshot=2)
    assert nothing.changes is not None and nothing.changes.empty
    with pytest.raises(UsageError, match="since_snapshot needs page_key"):
        bf.load(SAMPLE, since_snapshot=1)
    with pytest.raises(UsageError, match="no page 'nope'"):
        bf.load("", page_key="nope", store=str(db))


def test_changes_since_lists_new_edited_and_removed(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    page = write(tmp_path, "page.txt", edited_sample())
    ingest([str(page)], db, IngestOptions(page_key="k"))
    write(tmp_path, "page.txt", SAMPLE.read_text(encoding="utf-8"))
    ingest([str(page)], db, IngestOptions(page_key="k"))
    frame = store.changes_since("k", 1, db)
    heads = sample_headlines()
    got = sorted(zip(frame["change"], frame["headline"], strict=True))
    # Back to the original: the dropped entry is new, the headline edited back; none removed.
    assert got == [("edited", heads[1]), ("new", heads[3])]


# ---------------------------------------------------------------------------------------------
# livebrief run, end to end.


@pytest.fixture
def two_pages(tmp_path: Path) -> Path:
    """A folder with two live pages and a briefings file: alpha, beta and a broken one."""
    write(tmp_path, "a.txt", SAMPLE.read_text(encoding="utf-8"))
    other = TIMED_EARLY if TIMED_EARLY.exists() else SAMPLE
    write(tmp_path, "b.txt", other.read_text(encoding="utf-8"))
    write(tmp_path, "empty.txt", "Nothing to see here.\nJust a line of text.\n")
    write_config(
        tmp_path,
        [
            {"name": "alpha", "sources": ["a.txt"]},
            {"name": "beta", "sources": ["b.txt"], "parameters": {"top_authors": 3}},
            {"name": "broken", "sources": ["empty.txt"]},
        ],
        defaults={"formats": ["html"], "output": "out/{name}"},
    )
    return tmp_path


@pytest.mark.slow
def test_run_renders_changed_briefings_only_and_reports_failures(two_pages: Path) -> None:
    config = two_pages / "briefings.yml"
    out = two_pages / "out"

    first = livebrief("run", str(config), "--jobs", "2")
    assert first.returncode == 4, first.stderr
    assert statuses(first.stdout) == {"alpha": "rendered", "beta": "rendered", "broken": "failed"}
    assert "broken" in first.stderr.strip().splitlines()[-1]
    assert "cannot ingest its sources: " in first.stdout and "no live-page entries" in first.stdout
    assert sorted(p.name for p in (out / "alpha").iterdir()) == ["briefing.html", "briefing.ipynb"]
    assert HEADING not in (out / "alpha" / "briefing.html").read_text()  # no earlier briefing
    before = {name: digest(out / name) for name in ("alpha", "beta")}
    mtimes = {name: (out / name / "briefing.html").stat().st_mtime_ns for name in before}

    again = livebrief("run", str(config), "--jobs", "2")
    assert statuses(again.stdout) == {"alpha": "skipped", "beta": "skipped", "broken": "failed"}
    assert {name: digest(out / name) for name in before} == before
    assert {n: (out / n / "briefing.html").stat().st_mtime_ns for n in before} == mtimes

    write(two_pages, "a.txt", edited_sample())
    third = livebrief("run", str(config), "--jobs", "2")
    assert statuses(third.stdout) == {"alpha": "rendered", "beta": "skipped", "broken": "failed"}
    assert digest(out / "beta") == before["beta"]
    html = (out / "alpha" / "briefing.html").read_text()
    assert HEADING in html
    section = html[html.index(HEADING) : html.index("Coverage cadence")]
    heads = sample_headlines()
    assert "1 edited, 1 removed" in section
    assert heads[1] + " (updated)" in section and "no longer on the page" in section
    # One record per rendering, written when it was done; the broken one never got that far.
    assert sorted(runs(two_pages / "store.duckdb")) == [("alpha", "ok")] * 2 + [("beta", "ok")]


def test_outputs_at_a_url_are_published_whole_and_checked_there(tmp_path: Path) -> None:
    # ``local://`` is fsspec's own local file system: the code path of s3:// and the like,
    # on a folder this test can look into.
    write(tmp_path, "a.txt", SAMPLE.read_text(encoding="utf-8"))
    bucket = tmp_path / "bucket"
    url = f"local://{bucket}/briefings/{{name}}"
    config = write_config(tmp_path, [{"name": "alpha", "sources": ["a.txt"], "output": url}])
    published = bucket / "briefings" / "alpha"

    first = livebrief("run", str(config))
    assert first.returncode == 0, first.stderr
    assert statuses(first.stdout) == {"alpha": "rendered"}
    assert f"local://{published}/briefing.html" in first.stdout
    # Each file whole under its own name: no partial uploads, nothing left in a local folder.
    assert sorted(p.name for p in published.iterdir()) == ["briefing.html", "briefing.ipynb"]
    assert not (tmp_path / "reports").exists()
    assert sample_headlines()[0] in (published / "briefing.html").read_text(encoding="utf-8")
    before = digest(published)

    again = livebrief("run", str(config))  # the outputs are there: nothing to do
    assert statuses(again.stdout) == {"alpha": "skipped"}, again.stderr
    assert digest(published) == before

    (published / "briefing.html").unlink()  # one output gone from the store: made again
    third = livebrief("run", str(config))
    assert statuses(third.stdout) == {"alpha": "rendered"}, third.stderr
    assert (published / "briefing.html").is_file()
    assert runs(tmp_path / "store.duckdb") == [("alpha", "ok")] * 2


def test_an_output_url_without_its_file_system_package_is_a_config_error(tmp_path: Path) -> None:
    pytest.importorskip("fsspec")
    if importlib.util.find_spec("s3fs") is not None:
        pytest.skip("s3fs is installed: the s3:// file system is available")
    path = write_config(tmp_path, [good_briefing(output="s3://bucket/briefings/{name}")])
    done = livebrief("run", str(path))
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"livebrief: error: {path}: briefing 'alpha': output: ")
    assert "s3fs" in line
    assert not (tmp_path / "store.duckdb").exists()


@pytest.mark.slow
def test_overlapping_runs_wait_or_give_up_and_the_store_stays_whole(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", SAMPLE.read_text(encoding="utf-8"))
    config = write_config(tmp_path, [{"name": "alpha", "sources": ["a.txt"]}])
    lock = lock_path(tmp_path / "store.duckdb")
    both = {p.pid: p for p in (start("run", str(config)), start("run", str(config)))}
    deadline = time.monotonic() + 60
    while not (lock.exists() and lock.read_text().split(" ")[0] in {str(p) for p in both}):
        assert time.monotonic() < deadline, "neither run took the lock"
        time.sleep(0.05)
    holder = int(lock.read_text().split(" ")[0])
    impatient = livebrief("run", str(config), "--wait", "0")
    assert impatient.returncode == 6, impatient.stderr
    assert impatient.stderr.startswith("livebrief: error: ")
    assert f"another 'livebrief run' (pid {holder}, started " in impatient.stderr
    assert impatient.stdout == ""
    done = {pid: p.communicate(timeout=600) for pid, p in both.items()}
    assert all(p.returncode == 0 for p in both.values()), done
    # The one that took the lock rendered; the other waited for it, then found nothing to do.
    (waiter,) = set(both) - {holder}
    assert statuses(done[holder][0]) == {"alpha": "rendered"}
    assert statuses(done[waiter][0]) == {"alpha": "skipped"}
    assert "waiting up to 600 s for another run to finish" in done[waiter][1]
    db = tmp_path / "store.duckdb"
    assert runs(db) == [("alpha", "ok")]
    with store.open_store(db) as st:
        assert len(st.snapshots("alpha")) == 1
        assert len(st.coverage("alpha")) == 14


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _kernels(pids: set[int]) -> set[int]:
    out = set()
    for pid in pids:
        try:
            if b"ipykernel_launcher" in Path(f"/proc/{pid}/cmdline").read_bytes():
                out.add(pid)
        except OSError:
            pass
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_run_killed_mid_render_leaves_the_briefings_and_store_whole(two_pages: Path) -> None:
    config = write_config(
        two_pages,
        [{"name": "alpha", "sources": ["a.txt"]}, {"name": "beta", "sources": ["b.txt"]}],
        defaults={"formats": ["html"], "output": "out/{name}"},
    )
    done = livebrief("run", str(config), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    out, db = two_pages / "out", two_pages / "store.duckdb"
    before = {name: digest(out / name) for name in ("alpha", "beta")}

    write(two_pages, "a.txt", edited_sample())
    write(two_pages, "b.txt", (two_pages / "b.txt").read_text(encoding="utf-8") + "\n")
    victim = start("run", str(config), "--jobs", "2")
    deadline = time.monotonic() + 120
    while len(_kernels(_descendants(victim.pid))) < 2:  # both briefings are rendering
        assert time.monotonic() < deadline and victim.poll() is None, victim.communicate()
        time.sleep(0.1)
    family = _descendants(victim.pid)
    os.kill(victim.pid, signal.SIGKILL)
    victim.communicate(timeout=60)
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in family):  # workers and kernels follow the run
        assert time.monotonic() < deadline, [p for p in family if _alive(p)]
        time.sleep(0.2)

    assert {name: digest(out / name) for name in before} == before
    assert sorted(runs(db)) == [("alpha", "ok"), ("beta", "ok")]  # nothing of the killed run
    with store.open_store(db) as st:  # the ingest before the kill was committed whole
        assert [len(st.snapshots(k)) for k in ("alpha", "beta")] == [2, 2]

    redo = livebrief("run", str(config), "--jobs", "2")
    assert redo.returncode == 0, redo.stderr
    assert statuses(redo.stdout) == {"alpha": "rendered", "beta": "rendered"}
    assert HEADING in (out / "alpha" / "briefing.html").read_text()
    assert len(runs(db)) == 4

"""Tests for ingest into a Parquet dataset, here and on a real Dask cluster, and its notebook.

The pages are the corpus pages and the bundled sample, each copied a few times with its title
and headlines suffixed (so every copy is its own live page). The dataset is compared row for
row with what the store's own ingest stores for the same files, and ``livebrief run
--executor dask`` with a local run. The cluster tests run a real ``LocalCluster`` of two worker
processes; two of them kill a worker (SIGKILL) in the middle of a task, one while ingesting and
one while rendering, and check that nothing is lost, duplicated or recorded twice.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cloudpickle
import duckdb
import pandas as pd
import pytest
import yaml
from distributed import Client, LocalCluster

from livebrief import cli, cluster, corpus, render
from livebrief.dataset import UNKNOWN_DAY, part_name
from livebrief.errors import ClusterError, InputError, UsageError
from livebrief.fetch import url_page_key
from livebrief.ingest import IngestOptions, ingest
from livebrief.model import ENTRY_COLUMNS
from livebrief.parse import read_path
from livesite import Site, offline_fixture, page, site_fixture  # noqa: F401
from samplepages import CORPUS, ROOT, SAMPLE, sample_text

pytestmark = [
    # distributed warns when a loaded machine is slow to create a worker's scratch folder;
    # nothing else of Dask's warns here (the dashboards take free ports: ":0").
    pytest.mark.filterwarnings(
        "ignore:Creating scratch directories is taking a surprisingly long time:UserWarning"
    ),
]

# Our test functions are sent to the workers by value: they need not import this module.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

NAMES = ["Amara Osei", "Lena Vogel", "Ravi Menon"]
#: The columns compared between the dataset and the store (``source`` from the snapshot).
COMPARED = ["page_key", "page_number", *ENTRY_COLUMNS, "time_utc"]


def make_pages(folder: Path, copies: int) -> list[Path]:
    """Write ``copies`` varied copies of each corpus page and the sample, 2 sub-folders."""
    paths = []
    for path in [SAMPLE, *sorted(CORPUS.glob("*.txt"))]:
        parsed = read_path(path)
        marks = sorted(
            {e.headline for e in parsed.entries if e.headline} | {parsed.page.title or ""} - {""},
            key=len,
            reverse=True,
        )
        text = path.read_text(encoding="utf-8")
        for copy in range(copies):
            varied = text
            for mark in marks:
                varied = varied.replace(mark, f"{mark} ({NAMES[copy % len(NAMES)]}, {copy})", 1)
            sub = folder / f"batch{copy % 2}"
            sub.mkdir(parents=True, exist_ok=True)
            target = sub / f"{path.stem}-copy{copy}.txt"
            target.write_text(varied, encoding="utf-8")
            paths.append(target)
    return sorted(paths)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    make_pages(folder, 3)
    return folder


@pytest.fixture(scope="module")
def expected(pages: Path, tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """The entries the store's own ingest keeps for the pages, one row per snapshot entry."""
    db = tmp_path_factory.mktemp("local") / "livebrief.duckdb"
    ingest([str(pages)], db)
    own = [c for c in COMPARED if c not in ("page_key", "source", "page_number", "position", "seq")]
    columns = ", ".join(f"e.{c}" for c in own)
    con = duckdb.connect(str(db), read_only=True)
    try:
        frame = con.execute(
            f"""SELECT s.page_key, s.source, s.page_number, se.position, se.seq, {columns}
               FROM snapshot_entries se JOIN snapshots s USING (snapshot_id)
               JOIN entries e ON e.entry_id = se.entry_id AND e.content_sha = se.content_sha"""
        ).df()
    finally:
        con.close()
    return normal(frame)


def normal(frame: pd.DataFrame) -> pd.DataFrame:
    """The compared columns, lists as tuples, missing values as None, rows sorted."""
    out = frame[COMPARED].astype(object)
    for col in out.columns:
        out[col] = [
            tuple(v) if isinstance(v, list | tuple) or hasattr(v, "tolist") else v for v in out[col]
        ]
    out = out.where(out.notna(), None)
    out["page_number"] = [None if v is None else int(v) for v in out["page_number"]]
    return out.sort_values(["page_key", "source", "position"]).reset_index(drop=True)


def view_rows(db: Path, name: str) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f'SELECT * FROM "{name}"').df()
    finally:
        con.close()


def all_parts(dataset: Path) -> list[Path]:
    return sorted(dataset.glob("page=*/day=*/part-*.parquet"))


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
    ) as local:
        yield local


# --- the dataset, written here ---------------------------------------------------------------


def test_local_executor_matches_the_store_ingest(
    pages: Path, expected: pd.DataFrame, tmp_path: Path
) -> None:
    dataset, db = tmp_path / "corpus", tmp_path / "livebrief.duckdb"
    report = cluster.ingest_dataset([str(pages)], dataset, db, batch_size=4)
    assert report.sources == report.read == report.added == 36
    assert report.entries == len(expected) and report.duplicates == 0
    got = normal(view_rows(db, "corpus"))
    pd.testing.assert_frame_equal(got, expected)


def test_parts_are_partitioned_by_page_and_day_and_named_by_content(
    pages: Path, tmp_path: Path
) -> None:
    dataset, db = tmp_path / "corpus", tmp_path / "livebrief.duckdb"
    cluster.ingest_dataset([str(pages)], dataset, db)
    con = duckdb.connect(str(db), read_only=True)
    records = con.execute(
        "SELECT source, content_sha256, page_key, parts FROM dataset_sources"
    ).fetchall()
    con.close()
    days = set()
    for _source, sha, key, parts in records:
        name = part_name(sha, key, IngestOptions())
        for part in parts:
            path = Path(part)
            assert path.name == name and path.parent.parent.name == f"page={key}"
            days.add(path.parent.name)
    assert {"day=2023-09-12", f"day={UNKNOWN_DAY}", "day=2015-05-04"} <= days
    assert len(all_parts(dataset)) == sum(len(r[3]) for r in records)
    assert not list(dataset.rglob(".*.tmp"))


def test_second_ingest_reads_nothing_and_a_changed_file_replaces_its_rows(
    pages: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for path in sorted(pages.rglob("*.txt"))[:6]:
        (folder / path.name).write_bytes(path.read_bytes())
    dataset, db = tmp_path / "corpus", tmp_path / "livebrief.duckdb"
    first = cluster.ingest_dataset([str(folder)], dataset, db)
    again = cluster.ingest_dataset([str(folder)], dataset, db)
    assert (again.unchanged, again.read, again.added, again.parts_written) == (6, 0, 0, 0)
    assert len(view_rows(db, "corpus")) == first.entries
    changed = sorted(folder.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace(" the ", " that ", 1))
    third = cluster.ingest_dataset([str(folder)], dataset, db)
    assert (third.unchanged, third.read, third.added) == (5, 1, 1)
    rows = view_rows(db, "corpus")
    assert len(rows) == first.entries  # the old bytes' parts are out of the view
    assert rows.groupby("source")["content_sha256"].nunique().max() == 1


def test_same_bytes_under_two_names_are_registered_once(pages: Path, tmp_path: Path) -> None:
    page = sorted(pages.rglob("*.txt"))[0]
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_bytes(page.read_bytes())
    (folder / "b.txt").write_bytes(page.read_bytes())
    dataset, db = tmp_path / "corpus", tmp_path / "livebrief.duckdb"
    report = cluster.ingest_dataset([str(folder)], dataset, db, batch_size=1)
    assert (report.read, report.added, report.duplicates) == (2, 1, 1)
    assert set(view_rows(db, "corpus")["source"]) == {str(folder / "a.txt")}


def test_a_bad_source_stops_the_ingest_and_registers_nothing(pages: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.txt").write_bytes(sorted(pages.rglob("*.txt"))[0].read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    dataset, db = tmp_path / "corpus", tmp_path / "livebrief.duckdb"
    with pytest.raises(InputError, match=r"empty\.txt"):
        cluster.ingest_dataset([str(folder)], dataset, db)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM dataset_sources").fetchall() == [(0,)]
    con.close()


def test_a_url_is_fetched_once_and_kept_as_fetched(site: Site, tmp_path: Path) -> None:
    site.routes["/live/1"] = page(sample_text().encode())
    url = site.url("/live/1")
    dataset, db = tmp_path / "corpus", tmp_path / "livebrief.duckdb"
    report = cluster.ingest_dataset([url], dataset, db)
    assert (report.read, report.added, report.entries) == (1, 1, 14)
    rows = view_rows(db, "corpus")
    assert set(rows["page_key"]) == {url_page_key(url)} and set(rows["source"]) == {url}
    raw = dataset / "_raw" / url_page_key(url)
    assert [p.read_bytes() for p in raw.iterdir()] == [sample_text().encode()]
    assert site.hits["/live/1"] == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"executor": "spark"}, "unknown executor"),
        ({"options": IngestOptions(all_pages=True)}, "list the pages"),
        ({"name": "snapshots"}, "one of the store's tables"),
        ({"name": "1x"}, "cannot name a dataset"),
    ],
)
def test_bad_options_are_usage_errors(
    pages: Path, tmp_path: Path, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        cluster.ingest_dataset([str(pages)], tmp_path / "d", tmp_path / "s.duckdb", **kwargs)


def test_cli_ingest_dataset_from_a_list_file(pages: Path, tmp_path: Path) -> None:
    files = sorted(pages.rglob("*.txt"))[:5]
    listing = tmp_path / "files.txt"
    listing.write_text("".join(f"{p}\n" for p in files), encoding="utf-8")
    db, dataset = tmp_path / "s.duckdb", tmp_path / "news"
    code = cli.main(["ingest", f"@{listing}", "--dataset", str(dataset), "--store", str(db)])
    assert code == 0
    assert set(view_rows(db, "news")["source"]) == {str(p) for p in files}


def test_cli_dask_needs_a_dataset(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["ingest", str(pages), "--executor", "dask", "--store", str(tmp_path / "s")])
    assert code == 2
    assert "needs --dataset" in capsys.readouterr().err


def test_cli_unreachable_scheduler_is_exit_code_7(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    args = ["ingest", str(pages), "--dataset", str(tmp_path / "d"), "--store", str(tmp_path / "s")]
    code = cli.main([*args, "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert code == ClusterError.exit_code == 7
    assert "no Dask scheduler answers" in capsys.readouterr().err


# --- on a real Dask cluster -------------------------------------------------------------------


@pytest.mark.slow
def test_dask_ingest_matches_the_local_ingest_row_for_row(
    pages: Path, expected: pd.DataFrame, dask_cluster: LocalCluster, tmp_path: Path
) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    cluster.ingest_dataset([str(pages)], here / "corpus", here / "s.duckdb", batch_size=4)
    report = cluster.ingest_dataset(
        [str(pages)],
        there / "corpus",
        there / "s.duckdb",
        executor="dask",
        scheduler=dask_cluster.scheduler_address,
        batch_size=4,
    )
    assert report.workers == 2 and len(report.task_seconds) == 9
    got = normal(view_rows(there / "s.duckdb", "corpus"))
    pd.testing.assert_frame_equal(got, expected)
    names = {p.relative_to(here) for p in all_parts(here / "corpus")}
    assert names == {p.relative_to(there) for p in all_parts(there / "corpus")}


# A reader the kill test registers on the workers: it reads one page like the text reader,
# but the first time, anywhere, it kills the worker process running it.
POISON = "(Lena Vogel, 1)"


def _deadly_read(text: str, **options: Any) -> Any:
    from livebrief.parse import readers

    marker = Path(os.environ["LB_TEST_MARKER"])
    if not marker.exists():
        marker.write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)
    text_reader = next(r for r in readers() if r.name == "text")
    return text_reader.read(text, **options)


def _arm(marker: str) -> int:
    from livebrief.parse import readers, register

    os.environ["LB_TEST_MARKER"] = marker
    readers()  # load the built-in readers first
    register("deadly", lambda text: POISON in text, _deadly_read, priority=99)
    return os.getpid()


@pytest.mark.slow
def test_a_worker_killed_mid_task_loses_and_duplicates_nothing(
    pages: Path, expected: pd.DataFrame, tmp_path: Path
) -> None:
    marker = tmp_path / "killed"
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as local,
        Client(local) as client,
    ):
        before = set(client.run(_arm, str(marker)).values())
        report = cluster.ingest_dataset(
            [str(pages)],
            tmp_path / "corpus",
            tmp_path / "s.duckdb",
            executor="dask",
            scheduler=local.scheduler_address,
            batch_size=2,
        )
        client.wait_for_workers(2, timeout=60)
        after = set(client.run(os.getpid).values())
    killed = int(marker.read_text())
    assert killed in before and killed not in after  # a worker died and was replaced
    assert report.read == report.added == 36
    got = normal(view_rows(tmp_path / "s.duckdb", "corpus"))
    pd.testing.assert_frame_equal(got, expected)
    every = duckdb.sql(
        f"SELECT content_sha256, position, count(*) AS n FROM "
        f"read_parquet('{tmp_path}/corpus/page=*/day=*/*.parquet') GROUP BY ALL HAVING n > 1"
    ).fetchall()
    assert every == []


# --- livebrief run on a real Dask cluster ---------------------------------------------------

RUN_PAGES = [
    SAMPLE,
    CORPUS / "aljazeera_20230912_liveblog.txt",
    CORPUS / "rferl_liveblog_20150504.txt",
]
_READ_AT = re.compile(r"\d{1,2} \w{3} \d{4} \d{2}:\d{2}:\d{2} UTC")


def briefings(folder: Path, pages: list[Path], output: str | None = None) -> Path:
    """A briefings file of one HTML briefing per page, in ``folder``; ``output`` if given."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = [{"name": f"b{i}", "sources": [str(page)]} for i, page in enumerate(pages)]
    defaults: dict[str, Any] = {"formats": ["html"]}
    if output:
        defaults["output"] = output
    data = {"store": "store.duckdb", "defaults": defaults, "briefings": entries}
    path = folder / "briefings.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def livebrief(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "livebrief", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def statuses(stdout: str) -> dict[str, str]:
    return {ln.split()[0]: ln.split()[1] for ln in stdout.strip().splitlines()[1:-1]}


def recorded(db: Path) -> list[tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT name, status FROM runs ORDER BY name, run_id").fetchall()
    finally:
        con.close()
    return [(str(r[0]), str(r[1])) for r in rows]


def briefing_html(folder: Path, name: str) -> str:
    """A briefing's HTML with what differs between two renders (when, where) taken out."""
    text = (folder / "reports" / name / "briefing.html").read_text(encoding="utf-8")
    return _READ_AT.sub("<read at>", text.replace(str(folder), "<folder>"))


@pytest.mark.slow
def test_run_on_dask_gives_the_outputs_of_a_local_run(
    dask_cluster: LocalCluster, tmp_path: Path
) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    local = livebrief("run", str(briefings(here, RUN_PAGES)), cwd=here)
    assert local.returncode == 0, local.stderr
    config = str(briefings(there, RUN_PAGES))
    dask = ["--executor", "dask", "--scheduler", dask_cluster.scheduler_address]
    remote = livebrief("run", config, *dask, cwd=there)
    assert remote.returncode == 0, remote.stderr
    assert (
        statuses(remote.stdout)
        == statuses(local.stdout)
        == dict.fromkeys(["b0", "b1", "b2"], "rendered")
    )
    for name in ("b0", "b1", "b2"):
        files = sorted(p.name for p in (there / "reports" / name).iterdir())
        assert files == sorted(p.name for p in (here / "reports" / name).iterdir())
        assert briefing_html(there, name) == briefing_html(here, name)
    again = livebrief("run", config, *dask, cwd=there)  # nothing changed: nothing rendered
    assert again.returncode == 0, again.stderr
    assert set(statuses(again.stdout).values()) == {"skipped"}
    assert recorded(there / "store.duckdb") == [("b0", "ok"), ("b1", "ok"), ("b2", "ok")]


@pytest.mark.slow
def test_run_on_dask_publishes_to_a_url_every_worker_reaches(
    dask_cluster: LocalCluster, tmp_path: Path
) -> None:
    # ``local://`` is fsspec's local file system: the workers write through fsspec, as they
    # would to s3://, into a folder the test can read.
    bucket = tmp_path / "bucket"
    config = str(briefings(tmp_path / "there", RUN_PAGES, f"local://{bucket}/{{name}}"))
    dask = ["--executor", "dask", "--scheduler", dask_cluster.scheduler_address]
    done = livebrief("run", config, *dask, cwd=tmp_path / "there")
    assert done.returncode == 0, done.stderr
    assert statuses(done.stdout) == dict.fromkeys(["b0", "b1", "b2"], "rendered")
    for name in ("b0", "b1", "b2"):
        assert sorted(p.name for p in (bucket / name).iterdir()) == [
            "briefing.html",
            "briefing.ipynb",
        ]
    assert not (tmp_path / "there" / "reports").exists()
    (bucket / "b1" / "briefing.html").unlink()
    again = livebrief("run", config, *dask, cwd=tmp_path / "there")
    assert statuses(again.stdout) == {"b0": "skipped", "b1": "rendered", "b2": "skipped"}
    assert (bucket / "b1" / "briefing.html").is_file()


def _arm_render(marker: str) -> int:
    """Make this worker's next render kill it, the first time on any worker."""
    from livebrief import render

    real = render.render

    def deadly(*args: Any, **kwargs: Any) -> Any:
        if not Path(marker).exists():
            Path(marker).write_text(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    render.render = deadly
    return os.getpid()


@pytest.mark.slow
def test_run_with_a_worker_killed_mid_render_renders_and_records_each_once(
    tmp_path: Path,
) -> None:
    marker = tmp_path / "killed"
    folder = tmp_path / "run"
    config = str(briefings(folder, RUN_PAGES[:2]))
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as local,
        Client(local) as client,
    ):
        before = set(client.run(_arm_render, str(marker)).values())
        done = livebrief(
            "run", config, "--executor", "dask", "--scheduler", local.scheduler_address, cwd=folder
        )
    assert done.returncode == 0, done.stderr
    assert int(marker.read_text()) in before  # a worker died in the middle of the run
    assert statuses(done.stdout) == {"b0": "rendered", "b1": "rendered"}
    assert recorded(folder / "store.duckdb") == [("b0", "ok"), ("b1", "ok")]
    for name in ("b0", "b1"):
        assert (folder / "reports" / name / "briefing.html").stat().st_size > 0
        assert not list((folder / "reports" / name).glob(".*tmp*"))


# --- the corpus notebook and its functions ---------------------------------------------------


@pytest.fixture(scope="module")
def corpus_store(pages: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    cluster.ingest_dataset([str(pages)], folder / "corpus", folder / "livebrief.duckdb")
    return folder / "corpus", folder / "livebrief.duckdb"


def test_corpus_outlets_cadence_and_shares(corpus_store: tuple[Path, Path]) -> None:
    dataset, db = corpus_store
    c = corpus.open_corpus(str(dataset), store=str(db))
    facts = corpus.describe(c)["value"]
    assert facts["pages"] == "36" and facts["outlets"] == "8"
    by_outlet = corpus.cadence(c, by="outlet")
    # The sample's file name has no leading word: its outlet is its page key's first word.
    outlets = {"aljazeera", "bbc", "cnn", "guardian", "rawabet", "rferl", "sky", "pact"}
    assert set(by_outlet.index) == outlets
    assert by_outlet.loc["bbc", "pages"] == 15 and by_outlet.loc["rferl", "timed"] == 21
    assert by_outlet.loc["rferl", "median_gap_min"] == 51.0
    months = corpus.monthly(c, by="outlet")
    assert months.loc["rferl", "2015-05"] == 21 and months.loc["aljazeera", "2023-09"] == 9
    shares = corpus.correspondents(c, by="outlet", top=3)
    assert shares.loc[("cnn", "Nathan Hodge"), "post_share"] == 100.0
    assert (shares.groupby(level=0).size() <= 3).all()
    assert corpus.cadence(c, by="page", limit=4).shape[0] == 4
    with pytest.raises(UsageError, match="choose from"):
        corpus.cadence(c, by="author")  # type: ignore[arg-type]


def test_corpus_without_store_reads_every_part(corpus_store: tuple[Path, Path]) -> None:
    c = corpus.open_corpus(str(corpus_store[0]))
    assert c.parts is None and c.df("SELECT count(*) AS n FROM corpus")["n"][0] > 0
    with pytest.raises(InputError, match="no Parquet part"):
        corpus.open_corpus(str(corpus_store[0] / "nothing"))


@pytest.mark.slow
def test_corpus_notebook_runs_end_to_end(corpus_store: tuple[Path, Path], tmp_path: Path) -> None:
    dataset, db = corpus_store
    notebook = ROOT / "notebooks" / "corpus.ipynb"
    km = render.start_kernel(ROOT, preload=())
    nb = render.execute(
        notebook, tmp_path / "out.ipynb", {"dataset": str(dataset), "store": str(db)}, km=km
    )
    text = "\n".join(
        str(out.get("data", {}).get("text/plain", ""))
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
    )
    assert "Nathan Hodge" in text and "rferl" in text and "2015-05" in text
    assert not any(
        out.get("output_type") == "error" for cell in nb.cells for out in cell.get("outputs", [])
    )


def test_corpus_notebook_is_thin_and_stripped() -> None:
    import json

    nb = json.loads((ROOT / "notebooks" / "corpus.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert "parameters" in code[0]["metadata"]["tags"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    sources = ["".join(c["source"]) for c in code]
    assert sum("import " in s for s in sources) == 1
    assert not any("def " in s or "lambda" in s for s in sources)
    assert render.notebook_parameters(ROOT / "notebooks" / "corpus.ipynb") == {
        "dataset": "str",
        "store": "str",
        "name": "str",
        "sources": "str",
        "top_authors": "int",
        "max_pages": "int",
    }

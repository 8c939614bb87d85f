"""Cluster speed: the 10,000-page corpus ingested here and on a 2-worker Dask ``LocalCluster``.

Run by hand or by ``make bench``::

    .venv/bin/python benchmarks/bench_cluster.py                # print the table
    .venv/bin/python benchmarks/bench_cluster.py --write        # and update docs/performance.md
    .venv/bin/python benchmarks/bench_cluster.py --pages 2000 --briefings 10   # quicker

The pages are those of ``bench_store.py`` (its generator: corpus pages and the sample, each copy
with its title and headlines suffixed), written once and ingested four ways, each in a new
process timed from start to exit (imports included), with its peak memory:

1. **store, local**: ``livebrief ingest PAGES/ --store S`` (the store's tables, issue 4);
2. **dataset, local executor**: ``livebrief ingest PAGES/ --dataset D --store S``: the same
   Parquet dataset a cluster writes, read and parsed by this one process;
3. **dataset, Dask**: ``... --executor dask --workers 2``: a ``LocalCluster`` of 2 worker
   processes started by the command;
4. the same again, nothing new (every file skipped by size and time, unread).

The dataset runs go through :func:`livebrief.cluster.ingest_dataset` in a child process that
prints its report, so that the driver's phases (plan, connect, run, register) and every task's
own time on its worker are known: they are the costs the scaling estimate is made from.

With ``--briefings N`` (default 50, 0 to skip) it also times ``livebrief run --force`` over N
briefings (N of the same pages, one briefing each, HTML; ingested first, untimed) with
``--jobs 2`` and with ``--executor dask`` on a 2-worker ``LocalCluster``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import load_average, write_section

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_store import make_pages  # noqa: E402  (the 10,000 pages of the store benchmark)

REPO = HERE.parent
BIN = Path(sys.executable).parent
LIVEBRIEF = str(BIN / "livebrief")
DOC = REPO / "docs" / "performance.md"
START, END = "<!-- cluster:start -->", "<!-- cluster:end -->"
HEADING = "## Cluster: ingest and briefings on Dask"
#: Rounds of the two ``livebrief run`` variants, interleaved; the faster of each is kept.
ROUNDS = 2


@dataclass
class Run:
    """One timed process."""

    name: str
    seconds: float
    cpu: float
    peak_mb: float
    report: dict[str, Any] = field(default_factory=dict)


def timed(name: str, cmd: list[str], cwd: Path | None = None) -> Run:
    """Run ``cmd``; return its wall time, CPU time (with its children) and peak memory."""
    print(f"  {name} ...", flush=True)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=err)
        assert proc.stdout is not None
        out = proc.stdout.read().decode("utf-8")
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            text = err.read().decode("utf-8", "replace")
            raise SystemExit(f"{name}: exited {proc.returncode}:\n{text[-3000:]}")
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    run = Run(name, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
    run.report = json.loads(lines[-1]) if lines else {}
    print(f"  {name}: {seconds:.1f} s", flush=True)
    return run


def child(args: argparse.Namespace) -> None:
    """In a child process: run one dataset ingest and print its report as JSON."""
    from dataclasses import asdict

    from livebrief.cluster import ingest_dataset

    report = ingest_dataset(
        [args.pages],
        args.dataset,
        args.store,
        executor=args.executor,
        workers=args.workers,
        batch_size=args.batch_size,
    )
    print(json.dumps(asdict(report)))


def ingest_runs(pages: Path, work: Path, batch: int) -> list[Run]:
    me = [sys.executable, str(Path(__file__).resolve()), "--child", "--pages", str(pages)]
    runs = [timed("store, local", [LIVEBRIEF, "ingest", str(pages), "--store", str(work / "s1")])]
    local = ["--dataset", str(work / "d2"), "--store", str(work / "s2"), "--executor", "local"]
    runs.append(timed("dataset, local executor", [*me, *local, "--batch-size", str(batch)]))
    dask = ["--dataset", str(work / "d3"), "--store", str(work / "s3"), "--executor", "dask"]
    dask += ["--workers", "2", "--batch-size", str(batch)]
    runs.append(timed("dataset, Dask LocalCluster (2 workers)", [*me, *dask]))
    runs.append(timed("dataset, Dask, re-run (nothing new)", [*me, *dask]))
    parts = len(list((work / "d3").glob("page=*/day=*/part-*.parquet")))
    runs[2].report["parts_on_disk"] = parts
    return runs


def run_runs(work: Path, n: int) -> list[Run]:
    """``livebrief run --force`` over ``n`` briefings, one page each: ``--jobs 2``, then Dask."""
    from livebrief.ingest import IngestOptions, ingest

    pages = make_pages(work / "pages", n)
    lines = ["store: store.duckdb", "defaults:", "  formats: [html]", "briefings:"]
    for i, page in enumerate(pages):
        lines += [f"  - name: b{i:03d}", f"    sources: [{page}]"]
        ingest([str(page)], work / "store.duckdb", IngestOptions(page_key=f"b{i:03d}"))
    config = work / "briefings.yml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lb = [LIVEBRIEF, "run", str(config), "--force", "--jobs", "2"]
    local, dask = f"run {n} briefings, --jobs 2", f"run {n} briefings, --executor dask (2 workers)"
    rounds: list[tuple[Run, Run]] = []
    for _ in range(ROUNDS):  # interleaved: the machine is shared, its load changes
        rounds.append((timed(local, lb, work), timed(dask, [*lb, "--executor", "dask"], work)))
    return [min((r[i] for r in rounds), key=lambda r: r.seconds) for i in (0, 1)]


def table(runs: list[Run]) -> str:
    lines = ["| run | wall s | CPU s | peak memory (MB) |", "|---|---:|---:|---:|"]
    lines += [f"| {r.name} | {r.seconds:.1f} | {r.cpu:.1f} | {r.peak_mb:.0f} |" for r in runs]
    return "\n".join(lines)


def costs(runs: list[Run], count: int) -> dict[str, float]:
    """The per-task and serial costs of the Dask ingest, from its report."""
    rep = runs[2].report
    t = rep["timings"]
    tasks = rep["task_seconds"]
    work = sum(tasks)
    here = sum(runs[1].report["task_seconds"])
    overhead = t["run"] - work / rep["workers"]
    return {
        "tasks": len(tasks),
        "batch": count / max(len(tasks), 1),
        "task_mean": work / max(len(tasks), 1),
        "per_source_ms": 1000 * work / max(count, 1),
        "here_ms": 1000 * here / max(count, 1),
        "work": work,
        "run": t["run"],
        "plan": t["plan"],
        "connect": t["connect"],
        "register": t["register"],
        # Start-up and imports, plan, connect, register, closing the cluster: the driver's.
        "serial": runs[2].seconds - t["run"],
        "workers": rep["workers"],
        "overhead": overhead,
        "per_task_ms": 1000 * overhead * rep["workers"] / max(len(tasks), 1),
    }


def scaling(c: dict[str, float], workers: int) -> float:
    """Amdahl: the serial part, plus the worker time (and dispatch) spread over ``workers``."""
    return c["serial"] + (c["work"] + c["tasks"] * c["per_task_ms"] / 1000) / workers


def section(ingest: list[Run], run: list[Run], count: int, briefings: int) -> str:
    import dask
    import duckdb

    c = costs(ingest, count)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    one = scaling(c, 1)
    rows = "\n".join(
        f"| {m} × 8 cores | {scaling(c, m * 8):.0f} s | {one / scaling(c, m * 8):.1f}× |"
        for m in (1, 4, 16, 64)
    )
    limit = one / c["serial"]
    run_part = ""
    if run:
        jobs, dask_run = run[0].seconds, run[1].seconds
        per = 2 * jobs / briefings
        run_part = f"""
**{briefings} briefings** (the first {briefings} of the same pages, one briefing each, HTML),
`livebrief run --force`, in the same session, {ROUNDS} rounds interleaved, the faster of each:

{table(run)}

On this 2-core machine both render in 2 worker processes, so the Dask run can at best match
`--jobs 2`; it also starts a scheduler and two workers and ships each briefing as a task
({dask_run - jobs:+.1f} s here). A briefing costs about {per:.1f} s of a worker (mostly its
kernel's start and imports, then the notebook and the HTML export): that is the parallel part.
The driver's part (ingest with nothing new, fingerprints, one `runs` row per briefing, start
and stop) is a few seconds. So {briefings} briefings on W worker cores take about
{per * briefings:.0f} s / W + a few seconds: some {per * briefings / 32:.0f} s on 4 machines
of 8 cores, as long as the store and the output folder keep up.
"""
    return f"""{START}
`benchmarks/bench_cluster.py` ({machine}, Dask {dask.__version__}, DuckDB
{duckdb.__version__}). {count:,} live pages made by `bench_store.py`'s generator, ingested
four ways, each a new process timed from start to exit. *CPU s* counts the process and its
children (the Dask workers); *peak memory* is the largest resident size of the process or of
any one child. The machine was shared: load average {load_average()} at the end, on 2 cores,
so every wall time here is inflated, the Dask runs most (they need both cores at once).

{table(ingest)}

**Where the time goes** (the Dask run's own report). {c["tasks"]:.0f} tasks of
{c["batch"]:.0f} pages took {c["work"]:.1f} s of worker time in all ({c["task_mean"]:.2f} s a
task, {c["per_source_ms"]:.1f} ms a page; {c["here_ms"]:.1f} ms a page in the local executor's
one process): reading, parsing and writing one Parquet part per page and day
({ingest[2].report.get("parts_on_disk", 0):,} parts: a file and its two partition folders
each). This is the parallel part. They ran in {c["run"]:.1f} s of wall time on
{c["workers"]:.0f} workers; the {c["overhead"]:.1f} s beyond worker time / workers is dispatch
and contention, {c["per_task_ms"]:.0f} ms a task. The serial part, the driver's, was
{c["serial"]:.1f} s: process start and imports, listing and statting the files
({c["plan"]:.1f} s), starting the cluster ({c["connect"]:.1f} s), registering the dataset in
the store ({c["register"]:.1f} s), and closing the cluster.

The store ingest is faster in one process: it writes a few large tables, where the dataset
writes a file per page and day. The dataset's cost is per file and spreads over workers; the
store's single writer does not.

**Expected scaling** (Amdahl, from these costs): wall time ≈ serial + (worker time +
dispatch) / worker cores = {c["serial"]:.0f} s + {scaling(c, 1) - c["serial"]:.0f} s / W
for this corpus, if each worker core is as fast as one here and the shared storage keeps up:

| cluster | expected wall time | speed-up over one worker |
|---|---:|---:|
{rows}

The serial part bounds the speed-up at {limit:.0f}× for this corpus. It grows with the number
of files (listing and statting them, one `dataset_sources` row each), not with their size, so
a corpus of real, larger pages (these are 2 kB windows) scales further; and it includes
{c["connect"]:.0f} s of starting a local cluster, which a running cluster does not pay.
{run_part}{END}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="10000", help="pages to ingest (10000)")
    parser.add_argument("--briefings", type=int, default=50, help="briefings run (50; 0: none)")
    parser.add_argument("--batch-size", type=int, default=50, help="pages per task (50)")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--dataset", help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("--executor", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    count = int(args.pages)
    work = Path(tempfile.mkdtemp(prefix="bench_cluster-"))
    try:
        print(f"writing {count:,} pages ...", flush=True)
        make_pages(work / "pages", count)
        ingest = ingest_runs(work / "pages", work, args.batch_size)
        run = run_runs(work / "run", args.briefings) if args.briefings else []
    finally:
        shutil.rmtree(work, ignore_errors=True)
    body = section(ingest, run, count, args.briefings)
    print(body)
    if args.write:
        write_section(body, START, END, HEADING)
        print(f"wrote {DOC}")


if __name__ == "__main__":
    main()

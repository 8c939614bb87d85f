"""Store speed: ingest 10,000 live pages, ingest them again with nothing new, peak memory.

Run by hand or by ``make bench``::

    .venv/bin/python benchmarks/bench_store.py            # print the table
    .venv/bin/python benchmarks/bench_store.py --write    # and update docs/performance.md

The pages are the corpus pages and the bundled sample, varied per copy: copy *i* gets the
page's title and every headline suffixed with a name and the number *i*, so that every copy is
a different live page (its own key) with entries of its own. They are written as files in a
temporary folder, 1,000 per sub-folder, and ingested by the real command, as a user would::

    livebrief ingest PAGES/ --store STORE

Three runs, each a separate process timed from start to exit (imports included), its peak
resident memory read from the kernel (``os.wait4`` rusage ``ru_maxrss``):

1. **first ingest**: every page read, parsed, linked and stored (one transaction);
2. **re-run, nothing new**: every file read and hashed, all skipped unparsed;
3. **re-run, 1% changed**: 1 page in 100 has one word of one entry edited.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _common import load_average, write_section

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE = REPO / "samples" / "000_fd0f76058283f76d.txt"
LIVEBRIEF = str(Path(sys.executable).with_name("livebrief"))
DOC = REPO / "docs" / "performance.md"
START, END = "<!-- store:start -->", "<!-- store:end -->"
HEADING = "## Store: ingest speed and memory"
NAMES = ["Amara Osei", "Lena Vogel", "Ravi Menon", "Sofia Marques", "Tomás Ruiz", "Yuki Sato"]

#: The targets of issue 4.
TARGETS = {"first ingest": 60.0, "re-run, nothing new": 2.0}
MEMORY_TARGET_MB = 1024.0


@dataclass(frozen=True)
class Run:
    """One timed ingest."""

    name: str
    seconds: float
    cpu: float
    peak_mb: float
    output: str


def base_pages() -> list[tuple[str, str, list[str]]]:
    """Return (name, text, headlines and title) of the pages copies are made from."""
    from livebrief.parse import read_path

    out = []
    for path in [SAMPLE, *sorted(CORPUS.glob("*.txt"))]:
        parsed = read_path(path)
        marks = [e.headline for e in parsed.entries if e.headline]
        if parsed.page.title:
            marks.append(parsed.page.title)
        out.append((path.stem, path.read_text(encoding="utf-8"), marks))
    return out


def vary(text: str, marks: list[str], copy: int) -> str:
    """Suffix every headline and the title with a name and the copy's number."""
    name = NAMES[copy % len(NAMES)]
    for mark in sorted(set(marks), key=len, reverse=True):
        text = text.replace(mark, f"{mark} ({name}, {copy})", 1)
    return text


def make_pages(folder: Path, count: int) -> list[Path]:
    """Write ``count`` varied pages under ``folder``; return their paths."""
    bases = base_pages()
    paths = []
    for copy in range(count):
        stem, text, marks = bases[copy % len(bases)]
        sub = folder / f"batch{copy // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{stem}-copy{copy:05d}.txt"
        path.write_text(vary(text, marks, copy), encoding="utf-8")
        paths.append(path)
    return paths


def edit_some(paths: list[Path], every: int) -> int:
    """Edit one word in one page out of ``every``; return how many pages were edited."""
    edited = 0
    for path in paths[::every]:
        text = path.read_text(encoding="utf-8")
        changed = re.sub(r"\bthe\b", "that", text, count=1)
        if changed != text:
            path.write_text(changed, encoding="utf-8")
            edited += 1
    return edited


def timed(name: str, args: list[str]) -> Run:
    """Run ``livebrief ARGS`` as a child process; return its wall time and peak memory."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [LIVEBRIEF, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{name}: livebrief exited {proc.returncode}:\n{output}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(name, seconds, cpu, usage.ru_maxrss / 1024, output.strip())  # maxrss in KiB


def measure(count: int, work: Path) -> tuple[list[Run], dict[str, int]]:
    pages = work / "pages"
    store = work / "store" / "livebrief.duckdb"
    paths = make_pages(pages, count)
    ingest = ["ingest", str(pages), "--store", str(store)]
    runs = [timed("first ingest", ingest), timed("re-run, nothing new", ingest)]
    runs.append(timed("process start alone (`livebrief --version`)", ["--version"]))
    edited = edit_some(paths, 100)
    runs.append(timed(f"re-run, {edited} pages edited", ingest))
    import duckdb

    con = duckdb.connect(str(store), read_only=True)
    try:
        sizes = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in ("pages", "snapshots", "entries", "snapshot_entries")
        }
    finally:
        con.close()
    sizes["store MB"] = round(store.stat().st_size / 2**20)
    sizes["edited"] = edited
    sizes["load"] = load_average()  # type: ignore[assignment]
    return runs, sizes


def table(runs: list[Run]) -> str:
    lines = [
        "| run | wall s | CPU s | target (wall) | peak memory (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for run in runs:
        target = TARGETS.get(run.name)
        goal = f"≤ {target:g} s" if target else "-"
        lines.append(
            f"| {run.name} | {run.seconds:.1f} | {run.cpu:.1f} | {goal} | {run.peak_mb:.0f} |"
        )
    return "\n".join(lines)


def verdict(runs: list[Run]) -> list[str]:
    out = []
    for run in runs:
        target = TARGETS.get(run.name)
        if target is not None:
            ok = "met" if run.seconds <= target else "MISSED"
            out.append(f"{run.name}: {run.seconds:.1f} s, target ≤ {target:g} s: {ok}")
    peak = max(r.peak_mb for r in runs)
    ok = "met" if peak <= MEMORY_TARGET_MB else "MISSED"
    out.append(f"peak memory: {peak:.0f} MB, target ≤ {MEMORY_TARGET_MB:.0f} MB: {ok}")
    return out


def section(runs: list[Run], sizes: dict[str, int], count: int) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    import duckdb

    return f"""{START}
`benchmarks/bench_store.py` ({machine}, DuckDB {duckdb.__version__}). {count:,} live pages
(the corpus pages and the sample, each copy's title and headlines suffixed with a name and its
number), 1,000 files per folder, ingested with `livebrief ingest PAGES/ --store STORE`; each
run is a new process, timed from start to exit, imports included.

{table(runs)}

*wall s* is elapsed time; *CPU s* the process's user and system time, much less inflated
by other work on the machine (the load average was {sizes["load"]} at the end of the run, on
2 cores: other processes were running).

The store then held {sizes["pages"]:,} pages, {sizes["snapshots"]:,} snapshots,
{sizes["entries"]:,} entry versions and {sizes["snapshot_entries"]:,} sightings in \
{sizes["store MB"]} MB.

- {chr(10).join("- " + v for v in verdict(runs))[2:]}
- A first ingest is mostly parsing (the text reader, about 1.5 ms a page here) and linking;
  the rows go into DuckDB once per table, from Arrow tables, in one transaction.
- A re-run skips every known file before parsing it, by path, size and modification time
  (`file_state`), without reading it. Most of what is left is the start of the `livebrief`
  process itself (the row above), then opening the store, listing and statting 10,000 files.
  Such a run imports neither pandas nor pyarrow (about 1.3 s between them): the store loads
  them only when it builds a data frame or writes rows.
- Peak memory is the largest resident size of the process (`ru_maxrss`). One ingest is one
  transaction, but its rows are written 1,000 snapshots at a time, so Python holds one chunk
  of parsed pages; DuckDB holds the uncommitted rows until the commit.
{END}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000, help="pages to ingest (10000)")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_store-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        runs, sizes = measure(args.pages, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(table(runs))
    print(*verdict(runs), sep="\n")
    print(f"store: {sizes}")
    for run in runs:
        print(f"{run.name}: {run.output}")
    if args.write:
        write_section(section(runs, sizes, args.pages), START, END, HEADING)
        print(f"wrote {DOC}")


if __name__ == "__main__":
    main()

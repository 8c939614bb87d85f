"""Time one seed briefing against plain papermill + nbconvert on an empty notebook.

Run by hand or by ``make bench``::

    .venv/bin/python benchmarks/bench_briefing.py            # print the table
    .venv/bin/python benchmarks/bench_briefing.py --write    # and update docs/performance.md

Each round runs, one after the other (so that they share the machine's state):

* baseline: ``papermill empty.ipynb out.ipynb`` then ``jupyter nbconvert --to html out.ipynb``,
  two commands as a user would type them, each paying its own imports and kernel start;
* ``livebrief report SEED --format html``;
* ``livebrief report SEED --format html,pdf`` (WeasyPrint).

The table gives the median wall time over the rounds and the ratio to the baseline of the same
run. Target: the whole seed briefing, HTML and PDF, in at most 0.8x the baseline.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "samples" / "000_fd0f76058283f76d.txt"
DOC = REPO / "docs" / "performance.md"
BIN = Path(sys.executable).parent
TARGET = 0.8


def timed(cmd: list[str], cwd: Path) -> float:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr[-2000:]}")
    return elapsed


def empty_notebook(folder: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / "empty.ipynb"
    nbformat.write(nb, path)
    return path


def one_round(work: Path) -> dict[str, float]:
    empty = empty_notebook(work)
    out = work / "out.ipynb"
    papermill = timed(
        [str(BIN / "papermill"), "--no-progress-bar", "-k", "python3", str(empty), str(out)], work
    )
    nbconvert = timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(out)], work)
    livebrief = [
        sys.executable,
        "-m",
        "livebrief",
        "report",
        str(SEED),
        "--out",
        str(work / "reports"),
    ]
    html = timed([*livebrief, "--format", "html"], REPO)
    both = timed([*livebrief, "--format", "html,pdf"], REPO)
    return {
        "papermill": papermill,
        "nbconvert": nbconvert,
        "baseline": papermill + nbconvert,
        "html": html,
        "html+pdf": both,
    }


def table(rounds: list[dict[str, float]]) -> tuple[str, float]:
    med = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
    low = {k: min(r[k] for r in rounds) for k in rounds[0]}
    high = {k: max(r[k] for r in rounds) for k in rounds[0]}
    base = med["baseline"]
    rows = [
        ("baseline: `papermill` on an empty notebook", "papermill", False),
        ("baseline: then `jupyter nbconvert --to html`", "nbconvert", False),
        ("**baseline, both commands**", "baseline", True),
        ("`livebrief report` seed, HTML", "html", True),
        ("`livebrief report` seed, HTML + PDF (WeasyPrint)", "html+pdf", True),
    ]
    lines = [
        "| command | median wall time | fastest - slowest | ratio to baseline (medians) |",
        "|---|---:|---:|---:|",
    ]
    for name, key, with_ratio in rows:
        ratio = f"{med[key] / base:.2f}x" if with_ratio else ""
        lines.append(
            f"| {name} | {med[key]:.2f} s | {low[key]:.2f} - {high[key]:.2f} s | {ratio} |"
        )
    return "\n".join(lines), med["html+pdf"] / base


def section(text: str, ratio: float, rounds: int) -> str:
    verdict = "meets" if ratio <= TARGET else "misses"
    load = os.getloadavg()[1] if hasattr(os, "getloadavg") else float("nan")
    return f"""## Briefing

One briefing of the seed (`{SEED.relative_to(REPO)}`, a page without times: 14 entries, two
charts) against the baseline of what a user of plain Jupyter tools would type: `papermill` on an
empty notebook, then `jupyter nbconvert --to html` of its output. All runs are measured in the
same session by `benchmarks/bench_briefing.py`, interleaved, {rounds} rounds, median wall time
of the whole command (process start to exit).

{text}

Target: HTML + PDF in at most {TARGET}x the baseline. This run {verdict} it ({ratio:.2f}x).
Machine: {os.cpu_count()} cores, Python {platform.python_version()}; 5-minute load average
{load:.1f} at the end of the run. Other work on the machine slows every row and widens the
spread; it hurts livebrief more than the baseline, since livebrief's gain comes partly from
using both cores at once (see below).

Where the time goes and what was done about it:
- Each of the baseline's two commands pays 1-2 s of imports; `livebrief report` drives
  papermill, nbconvert and WeasyPrint from one process, so it pays them once.
- The kernel is started first, and imports `livebrief.briefing` (pandas, matplotlib) while it
  boots, in parallel with this process importing papermill and nbconvert (two cores).
- WeasyPrint is imported on a second thread while the kernel runs the notebook.
- jsonschema, under nbformat, loads the optional IRI checker `rfc3987_syntax`, which builds a
  grammar at import (1.5-2.5 s here) for a format no notebook schema uses; the render process
  marks it absent (`livebrief.render.execute.avoid_slow_imports`). The baseline pays it twice.
- papermill is asked not to save the notebook before and after every cell
  (`request_save_on_cell_execute=False`): each save validates the whole notebook, charts and
  all; it is written once, at the end or on an error.
- nbconvert compiles its templates on a warm-up notebook while the kernel runs (the first
  conversion costs about 0.8 s more than later ones), and WeasyPrint loads its fonts then.
- Charts are opaque RGB PNGs (no alpha channel), which WeasyPrint embeds without a mask.
- The house template replaces JupyterLab's 250 kB stylesheet with a small print stylesheet.
- Not ours to change: `livebrief report` starts by importing `livebrief.cli`, which imports
  pandas and pyarrow (about 1.2 s) before the report code runs.
"""


def write_section(body: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    pattern = re.compile(r"^## Briefing\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: body + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + body
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds to run (default 3)")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    args = parser.parse_args()
    rounds = []
    with tempfile.TemporaryDirectory(prefix="bench-briefing-") as tmp:
        timed(
            [
                sys.executable,
                "-m",
                "livebrief",
                "report",
                str(SEED),
                "--out",
                str(Path(tmp) / "warm"),
                "--format",
                "html",
            ],
            REPO,
        )  # warm the file cache
        for i in range(args.rounds):
            rounds.append(one_round(Path(tmp)))
            print(f"round {i + 1}: " + ", ".join(f"{k} {v:.2f} s" for k, v in rounds[-1].items()))
    text, ratio = table(rounds)
    print(text)
    print(f"HTML + PDF / baseline = {ratio:.2f} (target <= {TARGET})")
    if args.write:
        write_section(section(text, ratio, args.rounds))
        print(f"wrote the Briefing section of {DOC.relative_to(REPO)}")


if __name__ == "__main__":
    main()

"""HTML reading speed: livebrief's HTML reader beside its text reader and trafilatura.

Run by hand or by ``make bench``::

    .venv/bin/python benchmarks/bench_html.py            # print the table
    .venv/bin/python benchmarks/bench_html.py --write    # and update docs/performance.md

The pages are built as the tests build them (``tests/fixtures_build.py``): corpus texts placed
in a page with schema.org ``LiveBlogPosting`` JSON-LD and BBC-style markup. Two workloads:

* **pages**: the seed, Guardian and Al Jazeera pages (about 20-60 kB each), read one by one,
  many times over, as a batch of saved pages would be;
* **large**: one page whose posts are those of the three cases repeated (several MB).

Each is read by ``livebrief.parse.html.read_html`` (JSON-LD and markup, both read and matched),
by the same reader on the markup-only page, and by ``trafilatura.extract`` (the reference for
"reading a news page": main-text extraction, no entries); the text reader reads the equivalent
text (the corpus texts, repeated). MB/s counts the input bytes (UTF-8), best of the rounds.
trafilatura comes with the ``bench`` extra (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from _common import write_section

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import fixtures_build as fb  # noqa: E402
from livebrief.parse.html import read_html  # noqa: E402
from livebrief.parse.text import read_text  # noqa: E402

DOC = REPO / "docs" / "performance.md"
START, END = "<!-- html:start -->", "<!-- html:end -->"
HEADING = "## HTML reading speed"
CASES = ["seed", "guardian", "aljazeera"]


def repeated_case(case: fb.Case, copies: int) -> fb.Case:
    """The case's posts repeated ``copies`` times, each copy a day earlier (newest first)."""
    entries, stamps = [], []
    for k in range(copies):
        for e, t in zip(case.entries, case.times, strict=True):
            entries.append(e)
            stamps.append(t - timedelta(days=k))
    parsed = fb.ParsedPage(case.parsed.page, entries)
    return fb.Case(case.name, parsed, stamps, case.header)


def full_page(case: fb.Case) -> str:
    head = fb.ld_script(fb.liveblog_object(case))
    return fb.page_html(case, head=head, body=fb.bbc_markup(case))


def markup_page(case: fb.Case) -> str:
    return fb.page_html(case, body=fb.bbc_markup(case))


def best_rate(fn: Callable[[str], Any], docs: list[str], rounds: int) -> tuple[float, Any]:
    """Return the best MB/s over ``rounds`` passes over ``docs``, and the last result."""
    size = sum(len(d.encode("utf-8")) for d in docs)
    best = float("inf")
    out: Any = None
    for _ in range(rounds):
        start = time.perf_counter()
        for d in docs:
            out = fn(d)
        best = min(best, time.perf_counter() - start)
    return size / best / 1e6, out


def trafilatura_extract() -> Callable[[str], Any] | None:
    try:
        import trafilatura
    except ImportError:
        return None
    logging.getLogger("trafilatura").setLevel(logging.ERROR)

    def run(page: str) -> Any:
        return trafilatura.extract(page, include_comments=False, favor_recall=True)

    return run


def measure(rounds: int, copies: int, repeat: int) -> list[tuple[str, str, float, str]]:
    cases = [fb.load_case(n) for n in CASES]
    texts = [fb.CASE_FILES[n].read_text(encoding="utf-8") for n in CASES]
    workloads: dict[str, dict[str, list[str]]] = {
        "pages": {
            "html": [full_page(c) for c in cases] * repeat,
            "markup": [markup_page(c) for c in cases] * repeat,
            "text": texts * repeat,
        },
        "large": {
            "html": [full_page(repeated_case(c, copies)) for c in cases[:1]],
            "markup": [markup_page(repeated_case(c, copies)) for c in cases[:1]],
            "text": ["\n".join([texts[0]] * copies)],
        },
    }
    extract = trafilatura_extract()
    rows = []
    for name, docs in workloads.items():
        mb = sum(len(d.encode("utf-8")) for d in docs["html"]) / 1e6
        size = f"{len(docs['html'])} x {mb / len(docs['html']) * 1000:.0f} kB"
        rate, out = best_rate(lambda d: read_html(d, source="bench"), docs["html"], rounds)
        rows.append((name, "livebrief html (JSON-LD + markup)", rate, size))
        n_html = len(out.entries)
        rate, _ = best_rate(lambda d: read_html(d, source="bench"), docs["markup"], rounds)
        rows.append((name, "livebrief html (markup only)", rate, size))
        rate, out = best_rate(lambda d: read_text(d, source="bench"), docs["text"], rounds)
        text_size = sum(len(d.encode()) for d in docs["text"]) / len(docs["text"]) / 1000
        rows.append((name, "livebrief text (same posts as text)", rate, f"{text_size:.0f} kB"))
        if extract is not None:
            rate, _ = best_rate(extract, docs["html"], max(1, rounds - 1))
            rows.append((name, "trafilatura.extract", rate, size))
        print(f"{name}: last html page gave {n_html} entries, text {len(out.entries)}")
    if extract is None:
        print("trafilatura is not installed (pip install -e '.[bench]'): its row is left out")
    return rows


def table(rows: list[tuple[str, str, float, str]]) -> str:
    lines = ["| workload | reader | input | MB/s |", "|---|---|---|---:|"]
    lines += [f"| {w} | {r} | {s} | {rate:.1f} |" for w, r, rate, s in rows]
    return "\n".join(lines)


def section(rows: list[tuple[str, str, float, str]], rounds: int) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    machine = (
        f"{platform.machine()}, {os.cpu_count()} CPUs, load {load:.1f}, "
        f"Python {platform.python_version()}, {platform.system()}"
    )
    return f"""{START}
`benchmarks/bench_html.py` (best of {rounds} rounds; {machine}). Pages are the test fixtures:
corpus texts in a page with schema.org `LiveBlogPosting` JSON-LD and BBC-style markup
(`tests/fixtures_build.py`). *pages*: the seed, Guardian and Al Jazeera pages read one by one;
*large*: one page of the seed's posts repeated. The text reader reads the same posts as text
(the corpus files), so its MB/s counts fewer bytes for the same entries.

{table(rows)}

- The HTML reader parses with selectolax (lexbor), reads every JSON-LD block, walks the markup
  once for the posts and once for the page facts, and matches the two readings; the walk over
  elements in Python is most of its time.
- trafilatura extracts the page's main text (no entries, times or authors); it is the
  reference for what reading a news page costs, not a like-for-like task.
{END}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds to run (default 3)")
    parser.add_argument("--copies", type=int, default=150, help="copies of the seed's posts")
    parser.add_argument("--repeat", type=int, default=20, help="passes over the three pages")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    args = parser.parse_args()
    rows = measure(args.rounds, args.copies, args.repeat)
    print(table(rows))
    if args.write:
        write_section(section(rows, args.rounds), START, END, HEADING)
        print(f"wrote {DOC}")


if __name__ == "__main__":
    main()

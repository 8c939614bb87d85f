"""Parse speed: the text reader on a large input, beside just reading and splitting its lines.

Run by hand or by ``make bench``::

    .venv/bin/python benchmarks/bench_parse.py                  # 50 MB, print the numbers
    .venv/bin/python benchmarks/bench_parse.py --mb 20 --write  # and update docs/performance.md

The input is the corpus (``../shared/corpus/*.txt``) and the seed, joined and repeated to
``--mb`` megabytes, written to a temporary file. Three timings, best of ``--runs`` each:

* **floor**: read the file's bytes, decode them as UTF-8 and split the lines;
* **repeated**: ``livebrief.parse.read_path`` on the file (decoding, reading, entries, times);
* **varied**: the same on an input of the same size where every copy has its digits and a
  share of its names and words changed, so that no line repeats and the reader's per-line
  caches cannot help. This is the honest number: real pages do not repeat themselves.

The targets (issue 2) are at least 50 MB/s and at most 5x the floor.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import os
import platform
import pstats
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any

from _common import write_section

import livebrief.parse
from livebrief import times
from livebrief.model import Entry
from livebrief.parse import bylines, gc_paused, layout, parse_text, read_path
from livebrief.parse import lines as L
from livebrief.parse import text as text_reader
from livebrief.parse.text import read_text

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEED = REPO / "samples" / "000_fd0f76058283f76d.txt"
DOC = REPO / "docs" / "performance.md"
START, END = "<!-- parse:start -->", "<!-- parse:end -->"
HEADING = "## Parse speed"
TARGET_MBS = 50.0
TARGET_RATIO = 5.0


def base_texts() -> list[str]:
    """The corpus texts and the seed, in a fixed order."""
    paths = [*sorted(CORPUS.glob("*.txt")), SEED]
    missing = [p for p in paths if not p.is_file()]
    if not CORPUS.is_dir() or missing:
        sys.exit(f"bench_parse: {CORPUS} or {SEED} missing (clone beside ../shared)")
    return [p.read_text(encoding="utf-8") for p in paths]


def repeated(texts: list[str], size: int) -> str:
    """The texts joined by blank lines and repeated until the result has ``size`` bytes."""
    one = "\n\n".join(t.strip("\n") for t in texts) + "\n\n"
    copies = max(1, -(-size // len(one.encode("utf-8"))))
    return one * copies


# --- The non-repeating variant ----------------------------------------------------------------

# Units digits are rotated within classes so that clocks and dates stay valid: 0-1, 2-3, 4-9
# (23:59 may become 22:54, never 29:59; 31 may become 30, never 39).
_DIGIT_CLASSES = ("01", "23", "456789")
_RUN = re.compile(r"\d+")
_NUMBERED = re.compile(r"^(\s{0,4}\d{1,3}\.\s)(.*)$")
_LOWER = re.compile(r"^[a-z]+$")
# Title-case words only: "BBC" or "News" in "BBC News" name an organisation, not a person.
_NAME_WORD = re.compile(r"^(?!News$|Sky$|Verify$|Sport$)[A-Z][a-z]{2,}$")
_FACT_LEADS = ("By ", "From ", "Edited by", "With updates", "Updates from", "Live reporting")


def name_pool(texts: list[str]) -> list[str]:
    """The words of the person names the pages print (bylines, roster, captions)."""
    words: set[str] = set()
    for text in texts:
        for line in text.split("\n"):
            s = line.strip()
            names = [m.name for m in bylines.parse_roster(s) or []]
            names += bylines.editors(s) or []
            if bylines.is_person_name(s):
                names.append(s)
            for name in names:
                if bylines.is_person_name(name):
                    words.update(w for w in name.split() if _NAME_WORD.match(w))
    return sorted(words)


def _keeps_shape(s: str) -> bool:
    """Lines whose words the reader matches as vocabulary: left as they are."""
    return bool(
        L.is_stock_headline(s)
        or L.is_header_chrome(s)
        or L.is_embed(s)
        or L.label_of(s)
        or times.page_zone_note(s)
    )


def _swap_words(line: str, rng: random.Random) -> str:
    """Exchange some pairs of neighbouring lower-case words (never a line's first or last)."""
    words = line.split(" ")
    i = 1
    while i < len(words) - 2:
        a, b = words[i], words[i + 1]
        if a != b and _LOWER.match(a) and _LOWER.match(b) and rng.random() < 0.5:
            words[i], words[i + 1] = b, a
            i += 2
        else:
            i += 1
    return " ".join(words)


@dataclass
class Variation:
    """How one copy differs: a digit map, a permutation of name words, word swaps."""

    digits: dict[str, str]
    names: dict[str, str]
    seed: float

    @classmethod
    def draw(cls, pool: list[str], rng: random.Random) -> Variation:
        # Digits are permuted within classes so that clocks and dates stay valid when only a
        # number's last digit changes: 0-1, 2-3, 4-9 (23:59 may become 22:54, never 29:59).
        digits: dict[str, str] = {}
        for group in _DIGIT_CLASSES:
            shuffled = list(group)
            rng.shuffle(shuffled)
            digits.update(zip(group, shuffled, strict=True))
        shuffled = pool[:]
        rng.shuffle(shuffled)
        return cls(digits, dict(zip(pool, shuffled, strict=True)), rng.random())


def vary(text: str, var: Variation) -> str:
    """One copy of ``text`` with the last digit of each number, names and word orders changed.

    The shape of every line is kept (clocks and dates valid, item numbers counting up, first
    and last words, punctuation, the reader's vocabulary), so the copy parses into entries of
    the same shape as the original.
    """
    names = (
        re.compile(r"\b(?:" + "|".join(map(re.escape, var.names)) + r")\b") if var.names else None
    )
    out = []
    for line in text.split("\n"):
        s = line.strip()
        if not s or _keeps_shape(s):
            out.append(line)
            continue
        m = _NUMBERED.match(line)
        head, rest = (m.group(1), m.group(2)) if m else ("", line)
        # One-digit numbers stay: "1:13 p.m." must not become "0:13 p.m.".
        rest = _RUN.sub(
            lambda r: (
                r.group()[:-1] + var.digits[r.group()[-1]] if len(r.group()) > 1 else r.group()
            ),
            rest,
        )
        if names is not None:
            rest = names.sub(lambda r: var.names[r.group()], rest)
        if not s.startswith(_FACT_LEADS) and not any(c.isdigit() for c in rest):
            # Seeded by the line: a line printed twice (alt text, then caption) stays a pair.
            rest = _swap_words(rest, random.Random(f"{var.seed}|{rest}"))
        out.append(head + rest)
    # The glued "Posted at 19:2619:26" must print the same time twice after the change.
    return re.sub(r"(Posted at (\d{1,2}):(\d\d))\d{1,2}:\d\d", r"\1\2:\3", "\n".join(out))


def varied(texts: list[str], size: int, seed: int = 2) -> str:
    """Copies of the texts, each one changed by :func:`vary`, until ``size`` bytes."""
    rng = random.Random(seed)
    pool = name_pool(texts)
    parts: list[str] = []
    total = 0
    while total < size:
        var = Variation.draw(pool, rng)
        one = "\n\n".join(vary(t.strip("\n"), var) for t in texts) + "\n\n"
        parts.append(one)
        total += len(one.encode("utf-8"))
    return "".join(parts)


# --- Timing -----------------------------------------------------------------------------------


@dataclass
class Timing:
    name: str
    seconds: float
    size: int
    entries: int = 0
    timed: int = 0

    @property
    def mbs(self) -> float:
        return self.size / self.seconds / 1e6


def best_of(name: str, fn: Callable[[Path], Any], path: Path, runs: int) -> Timing:
    """Time ``fn(path)`` ``runs`` times; keep the best time and what the last run found.

    Only counts are kept, never a run's result: a live result would enlarge the heap that
    Python's collector walks during the next timing, and slow every row after it.
    """
    best, entries, timed = float("inf"), 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        result = fn(path)
        best = min(best, time.perf_counter() - start)
        found = getattr(result, "entries", result)
        if isinstance(found, list):
            entries, timed = len(found), sum(1 for e in found if e.clock)
        del result, found
    return Timing(name, best, path.stat().st_size, entries, timed)


def floor(path: Path) -> int:
    """Read, decode and split: what any reader of the file must do."""
    return len(path.read_bytes().decode("utf-8").split("\n"))


def parse(path: Path) -> Any:
    return read_path(path)


def post_starts(text: str) -> list[int]:
    """The first line of every post, as the reader finds them (for :func:`skeleton`)."""
    _, starts = text_reader._entry_starts(layout.classify(text))
    return starts


def skeleton(path: Path, starts: list[int]) -> list[Entry]:
    """The least a Python reader that returns entries must do, with the post starts given.

    Read, decode, split and strip the lines; then for each post one :class:`Entry` holding
    its first line as headline and its other non-blank lines as paragraphs, each step in C
    where Python allows. No kinds, bylines, times, captions or labels: whatever the reader
    does beyond this costs more. It bounds how fast any reader written in Python can be.
    """
    lines = list(map(str.strip, path.read_bytes().decode("utf-8").split("\n")))
    bounds = [*starts, len(lines)]
    with gc_paused():  # as the reader does (see livebrief.parse.gc_paused)
        return [
            Entry(
                position=pos, headline=lines[lo], paragraphs=list(filter(None, lines[lo + 1 : hi]))
            )
            for pos, (lo, hi) in enumerate(pairwise(bounds))
        ]


def collector_effect(texts: list[str], mb: float, runs: int) -> tuple[float, float]:
    """Best times of the reader with the collector paused and running, in a full heap.

    The process first parses three copies of the varied page and keeps them, as a notebook
    or a long ingest holds earlier results; the collector's cost grows with what is held.
    Returns (paused, running) seconds, the two measured in alternation.
    """
    text = varied(texts, int(mb * 1e6))
    held = [parse_text(text) for _ in range(3)]
    best = {True: float("inf"), False: float("inf")}
    for _ in range(runs):
        for paused in (True, False):
            with contextlib.ExitStack() as stack:
                if not paused:
                    stack.enter_context(_collector_running())
                start = time.perf_counter()
                result = parse_text(text)
                best[paused] = min(best[paused], time.perf_counter() - start)
            del result
    del held
    return best[True], best[False]


@contextlib.contextmanager
def _collector_running() -> Iterator[None]:
    """Run the readers with the collector on (the pause replaced by a no-op)."""
    paused = livebrief.parse.gc_paused
    livebrief.parse.gc_paused = contextlib.nullcontext  # type: ignore[assignment]
    try:
        yield
    finally:
        livebrief.parse.gc_paused = paused


def unique_share(text: str) -> float:
    """The share of the text's bytes in lines that no earlier line repeats."""
    seen: set[str] = set()
    fresh = total = 0
    for line in text.split("\n"):
        size = len(line.encode("utf-8")) + 1
        total += size
        if line.strip() and line not in seen:
            fresh += size
            seen.add(line)
    return fresh / total


@dataclass
class Report:
    size_mb: float
    runs: int
    floor: Timing
    repeated: Timing
    varied: Timing
    varied_floor: Timing
    skeleton: Timing
    unique_repeated: float
    unique_varied: float
    parity: str = ""
    profile: str = ""
    profile_mb: float = 2.0
    collector: tuple[float, float] = (0.0, 0.0)
    collector_mb: float = 10.0


def measure(mb: float, runs: int) -> Report:
    texts = base_texts()
    size = int(mb * 1e6)
    with tempfile.TemporaryDirectory(prefix="bench_parse_") as tmp:
        rep_path, var_path = Path(tmp, "repeated.txt"), Path(tmp, "varied.txt")
        rep_text, var_text = repeated(texts, size), varied(texts, size)
        rep_path.write_text(rep_text, encoding="utf-8")
        var_path.write_text(var_text, encoding="utf-8")
        uniq = unique_share(rep_text), unique_share(var_text)
        var_starts = post_starts(var_text)
        del rep_text, var_text
        print(
            f"input: {rep_path.stat().st_size / 1e6:.1f} MB repeated, "
            f"{var_path.stat().st_size / 1e6:.1f} MB varied; best of {runs}",
            flush=True,
        )
        timings = []
        # The floor is cheap and noisy (page faults of a fresh 50 MB string): more runs.
        for name, fn, path, n in (
            ("floor", floor, rep_path, max(runs, 10)),
            ("repeated", parse, rep_path, runs),
            ("varied floor", floor, var_path, max(runs, 10)),
            ("varied", parse, var_path, runs),
            ("skeleton", partial(skeleton, starts=var_starts), var_path, runs),
        ):
            t = best_of(name, fn, path, n)
            print(f"  {name:13} {t.seconds:7.2f} s  {t.mbs:7.1f} MB/s", flush=True)
            timings.append(t)
    report = Report(mb, runs, timings[0], timings[1], timings[3], timings[2], timings[4], *uniq)
    report.parity = parity(texts)
    report.collector_mb = min(mb, report.collector_mb)
    report.collector = collector_effect(texts, report.collector_mb, runs)
    print(f"  collector     paused {report.collector[0]:.2f} s, on {report.collector[1]:.2f} s")
    report.profile = profile(varied(texts, int(report.profile_mb * 1e6)))
    return report


def profile(text: str) -> str:
    """Share of the reader's own time spent in each livebrief module, largest first."""
    prof = cProfile.Profile()
    prof.runcall(read_text, text, source="bench")
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    by_module: dict[str, float] = {}
    total = 0.0
    for (filename, _, _), (_, _, tottime, _, _) in stats.items():
        total += tottime
        if "/livebrief/" in filename:
            name = filename.split("/livebrief/", 1)[1].removesuffix(".py").replace("/", ".")
        else:
            name = "other (regex engine, str methods, stdlib)"
        by_module[name] = by_module.get(name, 0.0) + tottime
    top = sorted(by_module.items(), key=lambda kv: -kv[1])[:6]
    return ", ".join(
        f"`{name}` {t / total:.0%}" if name[0] != "o" else f"{name} {t / total:.0%}"
        for name, t in top
    )


def parity(texts: list[str], copies: int = 10) -> str:
    """Check that varied copies of each page parse into entries of the same shape."""

    def shape(text: str) -> list[tuple[bool, bool, bool, int]]:
        entries = parse_text(text).entries
        return [
            (bool(e.headline), bool(e.clock), bool(e.author), len(e.paragraphs)) for e in entries
        ]

    rng = random.Random(3)
    pool = name_pool(texts)
    differ = 0
    for _ in range(copies):
        var = Variation.draw(pool, rng)
        differ += sum(shape(t) != shape(vary(t.strip("\n"), var)) for t in texts)
    total = copies * len(texts)
    return (
        f"Checked: {total - differ} of {total} varied pages parse into entries of the same shape "
        "(headline, clock, author, paragraph count) as their originals."
    )


# --- Report -----------------------------------------------------------------------------------


def entries_line(t: Timing) -> str:
    return f"{t.entries:,} entries ({t.timed:,} with a clock)"


def verdict(r: Report) -> list[str]:
    out = []
    for label, t, fl in (("repeated", r.repeated, r.floor), ("varied", r.varied, r.varied_floor)):
        ratio = t.seconds / fl.seconds
        speed_ok = "met" if t.mbs >= TARGET_MBS else "**not met**"
        ratio_ok = "met" if ratio <= TARGET_RATIO else "**not met**"
        out.append(
            f"- {label}: {t.mbs:.1f} MB/s (target >= {TARGET_MBS:.0f}: {speed_ok}), "
            f"{ratio:.0f}x the floor (target <= {TARGET_RATIO:.0f}x: {ratio_ok})"
        )
    return out


def bound_line(r: Report) -> str:
    """What the skeleton says about the targets."""
    sk = r.skeleton
    ratio = sk.seconds / r.varied_floor.seconds
    return (
        f"The skeleton alone runs at {sk.mbs:.1f} MB/s ({ratio:.1f}x the floor); the reader "
        f"spends {r.varied.seconds - sk.seconds:.2f} s beyond it on {sk.entries:,} posts, "
        f"{(r.varied.seconds - sk.seconds) / sk.entries * 1e6:.0f} µs per post, on "
        "everything that makes it a reader."
    )


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.machine()}, nproc {os.cpu_count()}, load {load:.1f}, "
        f"Python {platform.python_version()}, {platform.system()}"
    )


def section(r: Report) -> str:
    day = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    rows = [
        ("read + decode + split (floor)", r.floor, r.floor),
        ("`read_path`, corpus repeated", r.repeated, r.floor),
        ("read + decode + split, varied", r.varied_floor, r.varied_floor),
        ("`read_path`, varied copies", r.varied, r.varied_floor),
        ("skeleton reader (lower bound), varied", r.skeleton, r.varied_floor),
    ]
    table = ["| run | input | best time | MB/s | x floor |", "|---|---:|---:|---:|---:|"]
    table += [
        f"| {name} | {t.size / 1e6:.1f} MB | {t.seconds:.2f} s | {t.mbs:.1f} | "
        f"{t.seconds / fl.seconds:.1f} |"
        for name, t, fl in rows
    ]
    return f"""{START}
`benchmarks/bench_parse.py --mb {r.size_mb:g} --runs {r.runs}`, run on {day}.
Machine: {machine()} (the load average counts other work on the machine, which slows every
row; on a shared machine two runs can differ by a third). Times are the best of {r.runs} runs
(`time.perf_counter`), the floors (cheap and noisy) the best of {max(r.runs, 10)}.

- **Inputs.** The eleven corpus pages and the seed, joined and repeated to {r.size_mb:g} MB.
  The *varied* input has the same size and shape, but each copy has the last digit of every
  number permuted (clocks and dates stay valid), the people's names permuted and pairs of
  neighbouring lower-case words exchanged at random, so that most lines are new to the reader's
  per-line caches: it is the number to quote. {r.parity} Bytes in lines seen for the first
  time: {r.unique_repeated:.1%} of the repeated input, {r.unique_varied:.1%} of the varied one
  (what still repeats is page furniture, role lines and caption markers, as on real pages).
- **Floor.** Read the file's bytes, decode them as UTF-8, split the lines.
- **`read_path`.** The whole pipeline: decoding (encoding sniffing and checks), line kinds,
  post boundaries, bylines, times. Entries found: repeated {entries_line(r.repeated)};
  varied {entries_line(r.varied)}.
- **Skeleton.** A lower bound, not a reader: read, decode, split and strip the lines, then make
  one `Entry` per post (first line as headline, other non-blank lines as paragraphs), with the
  post starts handed to it. No line kinds, bylines, times or captions. Any reader written in
  Python does at least this much work per line and per post.

{chr(10).join(table)}

Targets from issue 2 (>= {TARGET_MBS:.0f} MB/s and <= {TARGET_RATIO:.0f}x the floor):
{chr(10).join(verdict(r))}

Where the reader's time goes (cProfile of `read_text` on {r.profile_mb:g} MB of the varied input,
own time by module): {r.profile}.

{bound_line(r)}

The readers run with Python's cyclic garbage collector paused (`livebrief.parse.gc_paused`): a
reader makes hundreds of thousands of small containers and no cycles, and every full collection
walks all live containers. In a process that already holds three parsed copies of a
{r.collector_mb:g} MB varied page (as a notebook or a long ingest holds earlier results), the
reader took {r.collector[0]:.2f} s paused and {r.collector[1]:.2f} s with the collector on
(best of {r.runs}, measured in alternation).
{END}"""


def main() -> None:
    # The reader refuses pages over 32 MB by default (a guard for unattended runs); the
    # benchmark's input is a deliberately huge page.
    os.environ.setdefault("LIVEBRIEF_MAX_INPUT_MB", "4096")
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="example: .venv/bin/python benchmarks/bench_parse.py --mb 20 --write",
    )
    parser.add_argument("--mb", type=float, default=50.0, help="input size in MB (default 50)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each timing (default 3)")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    args = parser.parse_args()
    report = measure(args.mb, args.runs)
    body = section(report)
    print(body.split("\n", 1)[1].rsplit("\n", 1)[0])
    if args.write:
        write_section(body, START, END, HEADING)
        print(f"wrote {DOC}")


if __name__ == "__main__":
    main()

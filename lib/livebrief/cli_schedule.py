"""``livebrief run``: scheduled briefings from a briefings file (see :mod:`livebrief.schedule`).

Like every subcommand, an ``add_run_parser`` listed in :data:`livebrief.cli.COMMANDS` and a
handler; the schedule itself is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from livebrief.cli import Subparsers

#: Exit code when some briefings failed and the others were produced.
EXIT_FAILED = 4

RUN_EPILOG = """\
examples:
  livebrief run samples/briefings.yml
  livebrief run briefings.yml --jobs 2 --store data/news.duckdb
  livebrief run briefings.yml --force          # render every briefing, changed or not
  0 * * * *  cd /srv/livebrief && .venv/bin/livebrief run briefings.yml   (crontab: hourly)

Each run ingests every briefing's sources, then renders only the briefings whose page (its
latest snapshot), parameters, notebook or templates changed since their last successful run.
A second run on the same store waits for the first (--wait), then gives up with exit code 6.
Progress goes to standard error (a bar on a terminal), the summary table to standard output.
Exit code 4 when any briefing failed; the others are still produced. The file's format:
docs/briefings.md.
"""


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number ≥ 1")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds ≥ 0")
    return value


def add_run_parser(subparsers: Subparsers) -> None:
    """Register ``livebrief run``."""
    from livebrief.cli import add_common_options
    from livebrief.cli_cluster import add_executor_options
    from livebrief.cli_store import STORE_HELP
    from livebrief.schedule.lock import DEFAULT_WAIT

    p = subparsers.add_parser(
        "run",
        help="run the scheduled briefings of a briefings file (ingest, then render what changed)",
        description=(
            "Ingest the sources of every briefing in CONFIG (a YAML briefings file), then "
            "render, in parallel, the briefings whose inputs changed since their last run."
        ),
        epilog=RUN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("config", type=Path, metavar="CONFIG", help="the briefings file (YAML)")
    p.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="briefings rendered at once, each in its own process (default: %(default)s)",
    )
    p.add_argument(
        "--force", action="store_true", help="render every briefing, even those unchanged"
    )
    p.add_argument(
        "--wait",
        type=_seconds,
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help="how long to wait for another run on the same store (default: %(default)g)",
    )
    p.add_argument("--store", type=Path, metavar="PATH", help=STORE_HELP + "; overrides CONFIG's")
    add_executor_options(p, workers=False)  # --executor dask: render on a cluster
    add_common_options(p, in_subcommand=True)
    p.set_defaults(handler=run_run)


def run_run(args: argparse.Namespace) -> int:
    """Check the file, run it, print the summary table; 4 if any briefing failed."""
    from livebrief import schedule

    config = schedule.load_config(args.config)
    progress = schedule.Progress(sys.stderr)
    outcomes = schedule.run(
        config,
        store=args.store,
        jobs=args.jobs,
        force=args.force,
        wait=args.wait,
        progress=progress,
        executor=args.executor,
        scheduler=args.scheduler,
    )
    sys.stdout.write(schedule.summary_table(outcomes, base=Path.cwd()))
    failed = [o.name for o in outcomes if o.status == schedule.FAILED]
    if getattr(args, "debug", False):  # each failed briefing's own traceback, as --debug says
        for outcome in outcomes:
            if outcome.status == schedule.FAILED and outcome.trace:
                sys.stderr.write(f"livebrief run: {outcome.name} failed here:\n{outcome.trace}")
    if failed:
        others = "; the others were produced" if len(failed) < len(outcomes) else ""
        sys.stderr.write(
            f"livebrief: error: {len(failed)} of {len(outcomes)} briefings failed: "
            f"{', '.join(failed)}{others} (see the table)\n"
        )
        return EXIT_FAILED
    return 0

"""The ``livebrief`` command: parse arguments, call the modules, report errors in one line.

Subcommands live in :data:`COMMANDS`. Adding one is a function that builds its parser (taking
the ``subparsers`` object, setting ``handler`` to a function of the parsed arguments that
returns an exit code) and one line in that table; nothing else here changes::

    def add_report_parser(subparsers: Subparsers) -> None:
        p = subparsers.add_parser("report", help="...", description="...", epilog="...")
        p.add_argument("--output", ...)
        add_common_options(p, in_subcommand=True)  # -v and --debug after the command too
        p.set_defaults(handler=run_report)

Every :class:`~livebrief.errors.LivebriefError` becomes one line on stderr,
``livebrief: error: <message>``, and the error's exit code; ``--debug`` adds the traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import date as Date
from importlib import metadata
from pathlib import Path
from typing import NoReturn, TypeAlias
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from livebrief import cli_schedule, cli_store, export, render
from livebrief.errors import LivebriefError, UsageError
from livebrief.model import ParsedPage
from livebrief.parse import read_bytes, read_path
from livebrief.parse.decode import max_input_bytes

log = logging.getLogger(__name__)

PROG = "livebrief"
STDIN = "-"

#: What argparse's ``add_subparsers()`` returns; the argument of every ``add_*_parser``.
Subparsers: TypeAlias = "argparse._SubParsersAction[ArgumentParser]"

EXIT_CODES = """\
exit codes:
  0  success
  1  unexpected failure (a bug: please report it with the --debug output)
  2  bad input or usage: missing, empty, binary or undecodable file; bad option
  3  output not writable: missing folder, no permission, disk full
  4  a briefing failed to execute or export
  5  a page could not be fetched (refused URL, HTTP error, time-out, too large)
  6  the store cannot be opened or written (busy, not a livebrief store, disk full)
  7  the Dask cluster cannot be used (no scheduler there, no workers, a task lost)
  130  interrupted (Ctrl-C)
"""


class ArgumentParser(argparse.ArgumentParser):
    """An argument parser that raises :class:`UsageError` instead of printing and exiting.

    So that a wrong option is reported like every other error: one line, exit code 2.
    """

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def version() -> str:
    """Return the installed version of livebrief."""
    try:
        return metadata.version("livebrief")
    except metadata.PackageNotFoundError:  # pragma: no cover - only when run from a bare tree
        return "unknown"


# ---------------------------------------------------------------------------------------------
# Argument types: each turns a string into a value or says what is wrong with it.


def iso_date(text: str) -> Date:
    """Parse ``YYYY-MM-DD`` (and only that) into a date, for ``--date``."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD")
    try:
        return Date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a valid date ({exc})") from None


def zone_name(text: str) -> str:
    """Check that ``text`` names an IANA time zone (``Europe/London``), for ``--tz``."""
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a known time zone (use an IANA name such as Europe/London)"
        ) from None
    return text


# ---------------------------------------------------------------------------------------------
# livebrief parse

PARSE_EPILOG = """\
examples:
  livebrief parse samples/000_fd0f76058283f76d.txt
  livebrief parse page.txt --format csv --output entries.csv
  livebrief parse a.txt b.txt --format parquet --output entries.parquet --date 2024-06-18
  curl -s https://example.org/live.txt | livebrief parse - --tz Europe/London

All sources are parsed before anything is written: on any error nothing is written and an
existing --output file is left as it was.
"""


def add_parse_parser(subparsers: Subparsers) -> None:
    """Register ``livebrief parse``."""
    p = subparsers.add_parser(
        "parse",
        help="turn live-page texts into entries (JSON, JSON Lines, CSV, Parquet)",
        description=(
            "Read each SOURCE, a plain-text dump of a news live page, find its entries "
            "(headline, byline, time, body) and the page facts, and write them out."
        ),
        epilog=PARSE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help=f"a text file to read; '{STDIN}' reads standard input",
    )
    p.add_argument(
        "-f",
        "--format",
        default="json",
        choices=list(export.FORMATS),
        help=(
            "output format (default: %(default)s): json is one object per source "
            "(an array for several), jsonl/csv/parquet one row per entry"
        ),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PATH",
        help="file to write, atomically (default: standard output; parquet needs a file)",
    )
    p.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="date of the oldest entry, for pages that print times without dates",
    )
    p.add_argument(
        "--tz",
        type=zone_name,
        metavar="ZONE",
        help="IANA time zone (e.g. Europe/London) for pages that do not state theirs",
    )
    add_common_options(p, in_subcommand=True)
    p.set_defaults(handler=run_parse)


def run_parse(args: argparse.Namespace) -> int:
    """Parse every source, then write them all in the chosen format."""
    sources: list[str] = args.sources
    if sources.count(STDIN) > 1:
        raise UsageError(f"standard input ('{STDIN}') can be given only once")
    export.check_destination(args.format, args.output)
    pages: list[ParsedPage] = []
    for source in sources:
        if source == STDIN:
            data = sys.stdin.buffer.read(max_input_bytes() + 1)  # bounded: see decode
            parsed = read_bytes(data, source="<stdin>", date=args.date, tz=args.tz)
        else:
            parsed = read_path(source, date=args.date, tz=args.tz)
        log.info("%s: %d entries", parsed.page.source or source, len(parsed.entries))
        pages.append(parsed)
    export.write(pages, args.format, args.output)
    return 0


# ---------------------------------------------------------------------------------------------
# livebrief report

REPORT_EPILOG = """\
examples:
  livebrief report samples/000_fd0f76058283f76d.txt
  livebrief report page.txt --format pdf -p date=2024-06-18 -p tz=Europe/London
  livebrief report a.txt b.txt --out /tmp/briefings --pdf-engine chromium
  livebrief report https://example.org/live/123 --format html
  papermill --help-notebook notebooks/briefing.ipynb     (the parameters -p accepts)

Each SOURCE gets DIR/<page-slug>/briefing.ipynb (the executed notebook) and the formats asked
for. Outputs are renamed into place only when all are ready: a failed run keeps the previous
briefing, names the failing cell, and exits with code 4. A URL is fetched once (http and https
only), kept as fetched under --raw and briefed from that copy; the briefing names both. A URL
that cannot be fetched (HTTP 404, time-out) exits with code 5 before anything runs.
"""


def add_report_parser(subparsers: Subparsers) -> None:
    """Register ``livebrief report``."""
    p = subparsers.add_parser(
        "report",
        help="brief live pages: run the briefing notebook, write HTML and PDF",
        description=(
            "Run the briefing notebook (papermill) on each SOURCE, a live-page file (text, HTML, "
            "publisher JSON) or the http(s) URL of a live page, and export it to self-contained "
            "HTML and to PDF (no LaTeX needed)."
        ),
        epilog=REPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="a live-page file, or an http(s) URL"
    )
    p.add_argument(
        "--out",
        type=Path,
        default=Path("reports"),
        metavar="DIR",
        help="folder of the briefings (default: %(default)s)",
    )
    p.add_argument(
        "--format",
        default="html,pdf",
        metavar="FORMATS",
        help="comma-separated, of: html, pdf (default: %(default)s)",
    )
    p.add_argument(
        "-p",
        "--parameter",
        action="append",
        default=[],
        dest="parameters",
        metavar="NAME=VALUE",
        help="a notebook parameter (date, tz, bin_minutes, top_authors, title); repeatable",
    )
    p.add_argument(
        "--notebook",
        type=Path,
        metavar="PATH",
        help="the notebook to run (default: notebooks/briefing.ipynb)",
    )
    p.add_argument(
        "--pdf-engine",
        default="weasyprint",
        choices=["weasyprint", "chromium"],
        help="how to print the PDF (default: %(default)s; chromium: exact browser rendering)",
    )
    p.add_argument(
        "--raw",
        type=Path,
        metavar="DIR",
        help="where pages fetched from URLs are kept as fetched, under DIR/<page-key>/ "
        "(default: raw/ beside the store: $LIVEBRIEF_STORE's folder, else data/raw)",
    )
    cli_store.add_fetch_options(p)
    add_common_options(p, in_subcommand=True)
    p.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Brief every source, then list the files written, one per line."""
    reports = render.report(
        args.sources,
        out=args.out,
        formats=args.format,
        parameters=args.parameters,
        notebook=args.notebook,
        pdf_engine=args.pdf_engine,
        raw=args.raw,
        fetch_options=cli_store.fetch_options(args),
    )
    for rep in reports:
        sys.stdout.write("".join(f"{path}\n" for path in rep.files))
    return 0


# ---------------------------------------------------------------------------------------------
# The command table and the top-level parser.

#: One ``add_*_parser(subparsers)`` per subcommand, in the order ``--help`` lists them.
COMMANDS: list[Callable[[Subparsers], None]] = [
    add_parse_parser,
    cli_store.add_ingest_parser,
    cli_store.add_entries_parser,
    cli_store.add_pages_parser,
    cli_store.add_diff_parser,
    add_report_parser,
    cli_schedule.add_run_parser,
    # Briefings, the store and schedules add theirs here, e.g. add_report_parser.
]

MAIN_EPILOG = f"""\
example:
  livebrief parse samples/000_fd0f76058283f76d.txt --format csv --output entries.csv

Run 'livebrief COMMAND --help' for a command's options.

{EXIT_CODES}"""


def add_common_options(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    """Add ``-v/--verbose`` and ``--debug``, which work before and after the subcommand."""

    # A subcommand's defaults would overwrite what was given before it, so there they
    # default to "not given" (SUPPRESS).
    def default(value: object) -> object:
        return argparse.SUPPRESS if in_subcommand else value

    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=default(0),
        help="say what is being done (-vv: debugging detail)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=default(False),
        help="show the full traceback of an error",
    )


def build_parser() -> ArgumentParser:
    """Return the ``livebrief`` argument parser with every command of :data:`COMMANDS`."""
    parser = ArgumentParser(
        prog=PROG,
        description="Turn news live pages into entries, a store and analytical briefings.",
        epilog=MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    add_common_options(parser, in_subcommand=False)
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands", required=True
    )
    for add_parser in COMMANDS:
        add_parser(subparsers)
    return parser


def _logging_handler(verbosity: int) -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"{PROG}: %(levelname)s: %(name)s: %(message)s"))
    level = logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    handler.setLevel(level)
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``livebrief`` command with ``argv`` (default: the process arguments).

    Returns
    -------
    int
        The exit code: 0 on success, the error's ``exit_code`` otherwise (see ``--help``).
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list
    root = logging.getLogger("livebrief")
    handler: logging.Handler | None = None
    saved_level = root.level
    try:
        try:
            args = build_parser().parse_args(args_list)
        except SystemExit as exc:  # --help and --version
            return exc.code if isinstance(exc.code, int) else 0
        debug = args.debug
        handler = _logging_handler(args.verbose)
        root.addHandler(handler)
        root.setLevel(min(handler.level, root.getEffectiveLevel()))
        code: int = args.handler(args)
        return code
    except LivebriefError as exc:
        if debug:
            traceback.print_exc(file=sys.stderr)
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return exc.exit_code
    except BrokenPipeError:
        # The reader of our output went away (`livebrief parse x | head`): not an error.
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except Exception as exc:
        if debug:
            traceback.print_exc(file=sys.stderr)
            hint = ""
        else:
            hint = " (run again with --debug for the traceback)"
        sys.stderr.write(f"{PROG}: error: unexpected {type(exc).__name__}: {exc}{hint}\n")
        return 1
    finally:
        if handler is not None:
            root.removeHandler(handler)
        root.setLevel(saved_level)


def _silence_stdout() -> None:
    # Python flushes stdout at exit and would report the broken pipe again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass

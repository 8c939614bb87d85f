"""What a run shows while it works, and the table it ends with.

On a terminal, a progress bar (tqdm) over the briefings to render, with notes printed above it;
anywhere else (cron mail, a systemd journal, a CI log) one plain line per event, so that a log
reads well afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from livebrief.schedule.jobs import FAILED, SKIPPED, Outcome

if TYPE_CHECKING:
    from tqdm import tqdm

PREFIX = "livebrief run: "


class Progress:
    """Reports a run's events to a stream: a bar on a terminal, plain lines otherwise.

    Parameters
    ----------
    stream
        Where to write (the CLI gives standard error); None reports nothing.
    bar
        Draw a bar; by default only when ``stream`` is a terminal.
    """

    def __init__(self, stream: TextIO | None, bar: bool | None = None) -> None:
        self.stream = stream
        self.bar = bool(stream is not None and (_terminal(stream) if bar is None else bar))
        self._bar: tqdm[Any] | None = None
        self.total = 0
        self.count = 0

    def note(self, text: str) -> None:
        """Report one event that is not a finished briefing (an ingest, a wait)."""
        if self.stream is None:
            return
        if self._bar is not None:
            self._bar.write(PREFIX + text, file=self.stream)
        else:
            self.stream.write(PREFIX + text + "\n")
            self.stream.flush()

    def start(self, total: int) -> None:
        """Begin the rendering of ``total`` briefings."""
        self.total, self.count = total, 0
        if self.bar and total and self.stream is not None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, file=self.stream, unit="briefing", desc="rendering")

    def done(self, outcome: Outcome) -> None:
        """Report a rendered or failed briefing."""
        self.count += 1
        line = f"[{self.count}/{self.total}] {outcome.name}: {outcome.status}"
        line += f" in {outcome.seconds:.1f} s" if outcome.status != FAILED else ""
        line += f": {outcome.error}" if outcome.error else ""
        if self._bar is not None:
            if outcome.status == FAILED:
                self._bar.write(PREFIX + line, file=self.stream)
            self._bar.set_postfix_str(f"{outcome.name}: {outcome.status}", refresh=False)
            self._bar.update(1)
        else:
            self.note(line)

    def close(self) -> None:
        """Remove the bar, if any."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _terminal(stream: TextIO) -> bool:
    # A terminal of no width (a pty nobody sized) would show an empty bar: use lines there.
    try:
        return stream.isatty() and os.get_terminal_size(stream.fileno()).columns > 0
    except (OSError, ValueError):
        return False


def summary_table(outcomes: Sequence[Outcome], base: Path | None = None) -> str:
    """Return the run's summary: one row per briefing with its status, seconds and outputs.

    Output paths are shown relative to ``base`` when they are under it. A failed briefing's
    last column is its error instead.
    """
    rows = [["briefing", "status", "seconds", "outputs"]]
    for o in outcomes:
        seconds = "-" if o.status == SKIPPED else f"{o.seconds:.1f}"
        files = ", ".join(_shown(p, base) for p in o.outputs)
        rows.append([o.name, o.status, seconds, o.error if o.status == FAILED else files])
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [
        f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}".rstrip()
        for r in rows
    ]
    counts = {s: sum(o.status == s for o in outcomes) for s in ("rendered", SKIPPED, FAILED)}
    lines.append(", ".join(f"{n} {s}" for s, n in counts.items()))
    return "\n".join(lines) + "\n"


def _shown(path: Path | str, base: Path | None) -> str:
    if isinstance(path, Path) and base is not None:
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            pass
    return str(path)

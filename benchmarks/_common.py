"""What the benchmarks share: the machine's load, and writing their section of the doc.

Each benchmark owns one section of ``docs/performance.md``, between its own ``<!-- x:start -->``
and ``<!-- x:end -->`` markers, and rewrites only that.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "performance.md"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as ``1.2, 0.8, 0.5`` (``n/a`` where unknown)."""
    if not hasattr(os, "getloadavg"):
        return "n/a"
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def write_section(body: str, start: str, end: str, heading: str, doc: Path = DOC) -> None:
    """Put ``body`` (which holds ``start`` and ``end``) in place of that section of ``doc``.

    The first time, the section goes at the end of the doc under ``heading``.
    """
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n"
    if start in text and end in text:
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
        text = pattern.sub(lambda _: body, text, count=1)
    else:
        text = text.rstrip("\n") + f"\n\n{heading}\n\n{body}\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text.rstrip("\n") + "\n", encoding="utf-8")

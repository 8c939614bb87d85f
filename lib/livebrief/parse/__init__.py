"""Readers: turn an input (bytes of a file or a fetched page) into a :class:`ParsedPage`.

Readers are registered by name with a sniffing function; :func:`read_bytes` asks each, most
specific first, and falls back to the plain-text reader. Adding an input format is one module
and one :func:`register` call.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from livebrief.errors import InputError, NoEntriesError
from livebrief.model import ParsedPage
from livebrief.parse.decode import check_size, decode, max_input_bytes

log = logging.getLogger(__name__)

#: A reader takes decoded text and its options and returns a parsed page.
ReaderFn = Callable[..., ParsedPage]


@dataclass(frozen=True)
class Reader:
    """A registered reader: ``sniff(text)`` says whether it applies, ``read`` parses."""

    name: str
    sniff: Callable[[str], bool]
    read: ReaderFn
    priority: int = 0


_READERS: dict[str, Reader] = {}


def register(name: str, sniff: Callable[[str], bool], read: ReaderFn, priority: int = 0) -> None:
    """Register a reader under ``name``; higher ``priority`` readers are asked first."""
    _READERS[name] = Reader(name, sniff, read, priority)


def readers() -> list[Reader]:
    """Return the registered readers, most specific first."""
    _load_builtin()
    return sorted(_READERS.values(), key=lambda r: -r.priority)


def _load_builtin() -> None:
    # Imported lazily so that `import livebrief` stays cheap; each module registers itself.
    from livebrief.parse import html, jsonfeed, text  # noqa: F401


_pause_lock = threading.Lock()
_pauses = 0
_resume = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a reader runs.

    A reader makes hundreds of thousands of small containers (lines, lists, entries) and no
    reference cycles. Each of those allocations counts towards the collector's thresholds, and
    each full collection walks every live container, the page's line lists included: on a
    large page the collector took a quarter to a half of the reader's time, for nothing to
    free. Reference counting still frees everything as usual. Nesting and threads are safe:
    the collector is resumed when the last reader finishes, and only if it was running.
    """
    global _pauses, _resume
    with _pause_lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


def parse_text(
    text: str,
    *,
    source: str = "<text>",
    date: Date | None = None,
    tz: str | None = None,
) -> ParsedPage:
    """Parse already decoded text with the first reader whose sniffer accepts it.

    Parameters
    ----------
    text
        The page's text.
    source
        The name used for the input in the result and in error messages.
    date
        The date of the oldest entry when the page does not print dates.
    tz
        IANA zone name used when the page states no time zone.

    Raises
    ------
    NoEntriesError
        When no entry can be found in the text.
    """
    for reader in readers():
        if reader.sniff(text):
            log.debug("%s: read with the %s reader", source, reader.name)
            with gc_paused():
                parsed = reader.read(text, source=source, date=date, tz=tz)
            if not parsed.entries:
                raise NoEntriesError(f"{source}: no live-page entries found in it")
            parsed.page.reader = reader.name
            return parsed
    raise InputError(f"{source}: no reader understands this input")  # pragma: no cover


def read_bytes(
    data: bytes, *, source: str, date: Date | None = None, tz: str | None = None
) -> ParsedPage:
    """Decode raw bytes (any common encoding) and parse them; see :func:`parse_text`."""
    return parse_text(decode(data, source), source=source, date=date, tz=tz)


def read_path(path: str | Path, *, date: Date | None = None, tz: str | None = None) -> ParsedPage:
    """Read and parse one file.

    Raises
    ------
    InputError
        When the file is missing, a folder, unreadable, empty, binary or undecodable.
    NoEntriesError
        When it holds no entry.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, expected a file")
    try:
        check_size(p.stat().st_size, str(p))
        with p.open("rb") as fh:  # at most one byte over the limit, even of /dev/zero
            data = fh.read(max_input_bytes() + 1)
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from exc
    return read_bytes(data, source=str(p), date=date, tz=tz)

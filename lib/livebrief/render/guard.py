"""Checks made before a briefing starts, and the names its outputs may take.

A kernel takes seconds to start and a notebook longer to run, so everything that can be known
beforehand is checked first, with the error the user needs (exit code 2 or 3, not a failed
cell): each source is read as the notebook will read it, and the output folder must be a folder
that can be written. Folder names made from page titles or file names stay plain names inside
the output folder, whatever the title says.
"""

from __future__ import annotations

import os
import re
from datetime import date as Date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from livebrief.errors import InputError, OutputError, UsageError
from livebrief.fetch import slug
from livebrief.names import RESERVED_NAMES, unreserved

__all__ = ["RESERVED_NAMES", "check_out_folder", "check_source", "folder_name"]

#: A name used as it is: letters, digits, ``.``, ``_``, ``-``, starting with a letter or digit.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")


def folder_name(text: str, default: str = "briefing") -> str:
    """Return ``text`` as one safe file or folder name.

    A plain name (``putin-kim``, ``000_fd0f.txt``) is kept; anything else (``../../etc``, an
    absolute path, NUL, control characters, a very long title) becomes lower-case ASCII words
    joined by hyphens, at most 80 characters. Reserved device names get ``-page`` (``CON``
    gives ``CON-page``, ``con.txt`` gives ``con-page.txt``); ``default`` stands in when nothing
    is left.
    """
    name = text if _PLAIN_NAME.fullmatch(text) else slug(text)
    return unreserved(name) or default


def check_out_folder(out: Path) -> None:
    """Raise :class:`OutputError` unless ``out`` is, or can be made, a writable folder.

    Nothing is created here: the nearest existing folder on the way must exist as a folder and
    be writable (a read-only file system fails this even for root).
    """
    probe = Path(out)
    while not probe.exists():
        if probe.is_symlink():  # a dangling link: nothing can be made under it
            raise OutputError(f"{out}: cannot write the briefings: {probe} is a broken link")
        if probe.parent == probe:
            break
        probe = probe.parent
    if not probe.is_dir():
        raise OutputError(
            f"{out}: cannot write the briefings: {probe} is a file, not a folder; "
            "choose another output folder"
        )
    if not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError(
            f"{out}: cannot write the briefings: {probe} is not writable "
            "(permissions or a read-only file system); choose another output folder"
        )


def check_source(source: str | Path, parameters: dict[str, Any]) -> None:
    """Read ``source`` as the briefing notebook will, so that a bad one fails before it runs.

    Raises
    ------
    InputError
        When the source is missing, a folder, empty, binary, too large or holds no entries.
    UsageError
        When the ``date`` or ``tz`` parameter is malformed.
    """
    from livebrief.parse import read_path

    path = Path(source)
    if path.is_dir():
        raise InputError(f"{source}: is a folder, expected a live-page file")
    if not path.is_file():
        raise InputError(f"{source}: no such file")
    read_path(path, date=_date(parameters.get("date")), tz=_zone(parameters.get("tz")))


def _date(value: Any) -> Date | None:
    if not value:
        return None
    try:
        return Date.fromisoformat(str(value))
    except ValueError:
        raise UsageError(f"-p date={value!r}: expected a date in the form YYYY-MM-DD") from None


def _zone(value: Any) -> str | None:
    if not value:
        return None
    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise UsageError(
            f"-p tz={value!r}: not a known time zone (use an IANA name such as Europe/London)"
        ) from None
    return str(value)

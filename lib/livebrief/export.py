"""Write parsed pages out: JSON, JSON Lines, CSV or Parquet, to a file or to stdout.

Each format is a function from parsed pages to bytes plus one line in :data:`FORMATS`. Files
are written atomically: the bytes go to a temporary file in the target's folder, are synced to
disk and then renamed over the target, so a reader never sees half a file and a failed run
leaves the previous file as it was.

Formats
-------
json
    The pages as ``{"page": {...}, "entries": [...]}`` (:meth:`ParsedPage.to_dict`): one
    such object for a single source, a JSON array of them for several.
jsonl
    One entries-table row per line (the columns of :data:`livebrief.model.ENTRY_COLUMNS`,
    ``source`` first), lists as JSON arrays.
csv
    The entries table with a header row; list columns hold JSON arrays as strings.
parquet
    The entries table with typed columns (lists of strings as real lists); the page facts
    are kept in the file's schema metadata under ``livebrief.pages``. Binary, so it needs a
    file to go to.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import logging
import os
import secrets
import stat
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from livebrief.errors import OutputError, UsageError
from livebrief.model import ENTRY_COLUMNS, ParsedPage, entries_frame, entry_rows, lists_as_json

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

#: A renderer turns parsed pages (in input order) into the bytes of one output.
Renderer = Callable[[Sequence[ParsedPage]], bytes]

#: The name used for standard output in messages.
STDOUT = "<stdout>"


def to_json(pages: Sequence[ParsedPage]) -> bytes:
    """Render one page as a JSON object, several as a JSON array of such objects."""
    docs = [p.to_dict() for p in pages]
    value: Any = docs[0] if len(docs) == 1 else docs
    return _utf8(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def to_jsonl(pages: Sequence[ParsedPage]) -> bytes:
    """Render one JSON object per entry and line, with the columns of the entries table."""
    lines = [
        json.dumps({col: row.get(col) for col in ENTRY_COLUMNS}, ensure_ascii=False)
        for row in entry_rows(pages)
    ]
    return _utf8("".join(line + "\n" for line in lines))


def to_csv(pages: Sequence[ParsedPage]) -> bytes:
    """Render the entries table as CSV, list columns as JSON arrays."""
    text = lists_as_json(entries_frame(pages)).to_csv(index=False, lineterminator="\n")
    return _utf8(text)


def to_parquet(pages: Sequence[ParsedPage]) -> bytes:
    """Render the entries table as Parquet, with the page facts in the schema metadata."""
    import pyarrow as pa  # imported here: costly, and only this format needs it
    import pyarrow.parquet as pq

    frame = entries_frame(pages)
    table = pa.Table.from_pandas(frame, schema=arrow_schema(frame), preserve_index=False)
    facts = json.dumps([p.page.to_dict() for p in pages], ensure_ascii=False)
    metadata = {**(table.schema.metadata or {}), b"livebrief.pages": facts.encode("utf-8")}
    buffer = io.BytesIO()
    pq.write_table(table.replace_schema_metadata(metadata), buffer)
    return buffer.getvalue()


def arrow_schema(frame: pd.DataFrame) -> Any:
    """Return the Arrow schema of the entries table, typed from :data:`ENTRY_COLUMNS`.

    Declared rather than inferred so that an all-empty list column is still a list of
    strings. A column of a dtype not known here is left to Arrow's inference.
    """
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "Int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "boolean": pa.bool_(),
        # Every list column of the entries table holds strings (labels, paragraphs, ...).
        "object": pa.list_(pa.string()),
    }
    fields = []
    for col in frame.columns:
        arrow_type = types.get(ENTRY_COLUMNS.get(col, ""))
        if arrow_type is None:
            arrow_type = pa.Schema.from_pandas(frame[[col]], preserve_index=False).field(col).type
        fields.append(pa.field(col, arrow_type))
    return pa.schema(fields)


@dataclass(frozen=True)
class Format:
    """An output format: how to render it and whether its bytes are binary."""

    render: Renderer
    binary: bool = False


#: The output formats by name. Adding one is a renderer above and a line here.
FORMATS: dict[str, Format] = {
    "json": Format(to_json),
    "jsonl": Format(to_jsonl),
    "csv": Format(to_csv),
    "parquet": Format(to_parquet, binary=True),
}


def get_format(name: str) -> Format:
    """Return the format called ``name``, or raise :class:`UsageError` listing the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UsageError(f"unknown output format {name!r} (choose from {known})") from None


def check_destination(fmt: str, output: str | Path | None) -> None:
    """Fail early, before any parsing, when ``fmt`` cannot go to ``output``.

    Raises
    ------
    UsageError
        When the format is unknown, or binary and no output file is given.
    OutputError
        When ``output`` is a folder or its folder does not exist.
    """
    if get_format(fmt).binary and output is None:
        raise UsageError(f"--format {fmt} is binary: give a file to write with --output PATH")
    if output is not None:
        _check_target(Path(output))


def write(pages: Sequence[ParsedPage], fmt: str, output: str | Path | None = None) -> None:
    """Render ``pages`` in format ``fmt`` and write them to ``output``, or stdout if None.

    Parameters
    ----------
    pages
        The parsed pages, in the order they were given.
    fmt
        A name of :data:`FORMATS`.
    output
        The file to write (atomically); None for standard output.

    Raises
    ------
    UsageError
        When the format is unknown or binary without an output file.
    OutputError
        When the output cannot be written; the message names it and the cause.
    """
    check_destination(fmt, output)
    data = get_format(fmt).render(pages)
    if output is None:
        write_stdout(data)
    else:
        write_atomic(output, data)
        log.info("%s: wrote %d bytes (%s)", output, len(data), fmt)


def write_stdout(data: bytes) -> None:
    """Write ``data`` to standard output, as bytes when it has a binary buffer.

    Raises
    ------
    OutputError
        When standard output cannot be written (a broken pipe is left to the caller).
    """
    stream = sys.stdout
    try:
        buffer = getattr(stream, "buffer", None)
        stream.flush()
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:
            stream.write(data.decode("utf-8"))
            stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"{STDOUT}: cannot write: {describe_os_error(exc)}") from exc


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it is either all there or not changed at all.

    The bytes go to a hidden temporary file in the same folder, are synced to disk, and the
    file is renamed over ``path`` (an atomic step on POSIX file systems). An existing file
    keeps its permissions.

    Raises
    ------
    OutputError
        When the folder is missing or not writable, the disk is full, or ``path`` is a folder.
    """
    target = Path(path)
    _check_target(target)
    tmp: Path | None = None
    try:
        tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        os.replace(tmp, target)
        tmp = None
        _sync_folder(target.parent)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {describe_os_error(exc)}") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def describe_os_error(exc: OSError) -> str:
    """Say in words what an :class:`OSError` met while writing means for the user."""
    causes = {
        errno.ENOENT: "its folder does not exist",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.EISDIR: "it is a folder",
        errno.EACCES: "permission denied (the folder is not writable)",
        errno.EPERM: "permission denied (the folder is not writable)",
        errno.ENOSPC: "the disk is full (no space left on device)",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EROFS: "the file system is read-only",
        errno.EFBIG: "the file is too large for the file system",
    }
    return causes.get(exc.errno or 0, exc.strerror or str(exc))


def _check_target(target: Path) -> None:
    if target.is_dir():
        raise OutputError(f"{target}: cannot write: it is a folder, give a file path")
    folder = target.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        blocker = next((p for p in folder.parents if p.exists()), None)
        if not folder.exists() and blocker is not None and not blocker.is_dir():
            what = f"does not exist: {blocker} is a file, not a folder"
        raise OutputError(f"{target}: cannot write: the folder {folder} {what}")


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; some file systems refuse, which costs only durability.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")

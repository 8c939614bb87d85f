"""Tests for livebrief.export: every format, stdout, and atomic writes to files.

The pages here are built by hand so that the writers are tested apart from the reader.
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from livebrief import export
from livebrief.errors import OutputError, UsageError
from livebrief.model import ENTRY_COLUMNS, LIST_COLUMNS, Entry, Page, ParsedPage, RosterMember

LONDON = ZoneInfo("Europe/London")

#: Entry keys the issue requires of every format.
REQUIRED_KEYS = {
    "position",
    "seq",
    "headline",
    "labels",
    "author",
    "authors",
    "role",
    "place",
    "clock",
    "time",
    "body",
    "paragraphs",
    "words",
    "captions",
}


def make_page(source: str = "a.txt", title: str = "Pact with North Korea") -> ParsedPage:
    page = Page(
        source=source,
        title=title,
        editors=["Flora Drury"],
        roster=[RosterMember("Laura Bicker", "Beijing"), RosterMember("Ben Tavener", "Moscow")],
        timezone="Europe/London",
    )
    entries = [
        Entry(
            position=0,
            seq=1,
            headline="A relationship of convenience",
            labels=["Analysis"],
            author="Laura Bicker",
            authors=["Laura Bicker"],
            role="China correspondent",
            place="Beijing",
            clock="10:05",
            time=datetime(2024, 6, 18, 10, 5, tzinfo=LONDON),
            paragraphs=[
                "North Korea and Russia are fast friends, not firm friends.",
                'A "bromance", they say; commas, quotes – and ümlauts.',
            ],
        ),
        Entry(position=1, seq=0, headline=None, paragraphs=["Only text."]),
    ]
    return ParsedPage(page=page, entries=entries)


PAGES = [make_page()]
TWO_PAGES = [make_page("a.txt"), make_page("b.txt", title="Second page")]


def test_the_four_formats_are_registered() -> None:
    assert set(export.FORMATS) == {"json", "jsonl", "csv", "parquet"}
    assert [name for name, f in export.FORMATS.items() if f.binary] == ["parquet"]


def test_json_one_source_is_one_object() -> None:
    doc = json.loads(export.to_json(PAGES))
    assert isinstance(doc, dict)
    assert doc["page"]["title"] == "Pact with North Korea"
    assert doc["page"]["roster"][0] == {"name": "Laura Bicker", "place": "Beijing"}
    assert {"title", "editors", "roster", "timezone", "order"} <= set(doc["page"])
    first, second = doc["entries"]
    assert set(first) >= REQUIRED_KEYS
    assert first["time"] == "2024-06-18T10:05:00+01:00"
    assert first["body"] == "\n".join(first["paragraphs"])
    assert first["words"] == 10 + 9
    assert second["time"] is None
    assert second["headline"] is None


def test_json_several_sources_is_an_array() -> None:
    docs = json.loads(export.to_json(TWO_PAGES))
    assert [d["page"]["source"] for d in docs] == ["a.txt", "b.txt"]
    assert [d["page"]["title"] for d in docs] == ["Pact with North Korea", "Second page"]


def test_json_keeps_non_ascii_as_utf8() -> None:
    data = export.to_json(PAGES)
    assert "ümlauts".encode() in data
    assert data.endswith(b"\n")


def test_jsonl_is_one_entry_per_line_with_its_source() -> None:
    lines = export.to_jsonl(TWO_PAGES).decode("utf-8").splitlines()
    assert len(lines) == 4
    rows = [json.loads(line) for line in lines]
    assert [r["source"] for r in rows] == ["a.txt", "a.txt", "b.txt", "b.txt"]
    assert list(rows[0]) == list(ENTRY_COLUMNS)
    assert rows[0]["labels"] == ["Analysis"]
    assert rows[1]["paragraphs"] == ["Only text."]


def test_csv_has_the_entries_table_columns_and_json_lists() -> None:
    frame = pd.read_csv(io.BytesIO(export.to_csv(TWO_PAGES)), keep_default_na=False)
    assert list(frame.columns) == list(ENTRY_COLUMNS)
    assert len(frame) == 4
    assert frame["source"].tolist() == ["a.txt", "a.txt", "b.txt", "b.txt"]
    first = frame.iloc[0]
    assert json.loads(first["paragraphs"]) == PAGES[0].entries[0].paragraphs
    assert json.loads(first["labels"]) == ["Analysis"]
    assert first["body"] == PAGES[0].entries[0].body  # a newline inside a quoted cell
    assert first["time"] == "2024-06-18T10:05:00+01:00"
    assert json.loads(frame.iloc[1]["captions"]) == []


def test_parquet_has_typed_columns_real_lists_and_page_facts(tmp_path: Path) -> None:
    target = tmp_path / "entries.parquet"
    export.write(TWO_PAGES, "parquet", target)
    table = pq.read_table(target)
    assert table.column_names == list(ENTRY_COLUMNS)
    assert table.num_rows == 4
    for col in LIST_COLUMNS:
        assert table.schema.field(col).type == pa.list_(pa.string()), col
    assert table.schema.field("words").type == pa.int64()
    rows = table.to_pylist()
    assert rows[0]["paragraphs"] == PAGES[0].entries[0].paragraphs
    assert rows[1]["captions"] == []
    assert rows[1]["headline"] is None
    facts = json.loads(table.schema.metadata[b"livebrief.pages"])
    assert [f["title"] for f in facts] == ["Pact with North Korea", "Second page"]


def test_parquet_reads_back_as_the_entries_table(tmp_path: Path) -> None:
    target = tmp_path / "entries.parquet"
    export.write(PAGES, "parquet", target)
    frame = pd.read_parquet(target)
    assert frame["headline"].tolist()[0] == "A relationship of convenience"
    assert list(frame["authors"].iloc[0]) == ["Laura Bicker"]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_text_formats_go_to_stdout_without_a_path(
    fmt: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    export.write(PAGES, fmt)
    out = capsysbinary.readouterr().out
    assert out == export.FORMATS[fmt].render(PAGES)
    assert "ümlauts".encode() in out


def test_parquet_needs_a_path() -> None:
    with pytest.raises(UsageError, match=r"--format parquet is binary.*--output"):
        export.write(PAGES, "parquet")


def test_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(UsageError, match=r"unknown output format 'xml' .*json, jsonl, csv"):
        export.write(PAGES, "xml")


def test_write_atomic_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    export.write_atomic(target, b"first")
    export.write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert os.listdir(tmp_path) == ["out.json"]  # no temporary file left behind


def test_write_atomic_new_file_follows_the_umask(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        export.write_atomic(tmp_path / "new.json", b"{}")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644


def test_write_atomic_keeps_an_existing_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    export.write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "out.json"
    with pytest.raises(OutputError) as info:
        export.write(PAGES, "json", target)
    assert str(info.value) == f"{target}: cannot write: the folder {target.parent} does not exist"
    assert info.value.exit_code == 3


def test_a_folder_as_target_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write: it is a folder"):
        export.write(PAGES, "json", tmp_path)


def test_a_file_as_folder_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match=r"the folder .*file is not a folder"):
        export.write(PAGES, "json", tmp_path / "file" / "out.json")


@pytest.mark.parametrize(
    ("err", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "read-only"),
        (errno.EIO, "Input/output error"),
    ],
)
def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, err: int, words: str
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"previous")

    def failing_fsync(fd: int) -> None:
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OutputError) as info:
        export.write(PAGES, "json", target)
    message = str(info.value)
    assert message.startswith(f"{target}: cannot write: ")
    assert words in message
    assert "\n" not in message
    assert target.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["out.json"]


def test_a_failed_open_is_an_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(OutputError, match="permission denied"):
        export.write_atomic(tmp_path / "out.json", b"data")
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_a_read_only_folder_is_an_output_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="permission denied"):
            export.write(PAGES, "csv", folder / "out.csv")
    finally:
        folder.chmod(0o755)


def test_a_full_stdout_is_an_output_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class FullStream(io.BytesIO):
        def write(self, data: object) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    class Stdout:
        buffer = FullStream()

        def flush(self) -> None:
            pass

    monkeypatch.setattr(sys, "stdout", Stdout())
    with pytest.raises(OutputError, match=r"^<stdout>: cannot write: the disk is full"):
        export.write(PAGES, "json")

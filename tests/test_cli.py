"""Tests for the ``livebrief`` command, run as the installed console command and in-process.

The bundled sample has 14 entries; tests that parse it need the text reader
(``livebrief.parse.text``). Tests of bad input and options fail before any reading.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from livebrief import cli
from livebrief.model import ENTRY_COLUMNS, LIST_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "000_fd0f76058283f76d.txt"
SAMPLE_ENTRIES = 14
SAMPLE_TITLE = "Pact with North Korea will protect us both from aggression, says Putin"


def _console_command() -> str:
    beside = Path(sys.executable).with_name("livebrief")
    found = str(beside) if beside.exists() else shutil.which("livebrief")
    if found is None:
        pytest.fail("the livebrief console command is not installed (pip install -e .)")
    return found


LIVEBRIEF = _console_command()


def run(
    *args: str | Path, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed ``livebrief`` command and capture its output."""
    return subprocess.run(
        [LIVEBRIEF, *map(str, args)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def error_lines(stderr: bytes | str) -> list[str]:
    text = stderr.decode("utf-8") if isinstance(stderr, bytes) else stderr
    return text.splitlines()


def assert_one_error_line(stderr: bytes | str, *mentions: str) -> str:
    lines = error_lines(stderr)
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith("livebrief: error: "), line
    for word in mentions:
        assert word in line, (word, line)
    return line


# --- help and version ------------------------------------------------------------------------


def test_help_lists_commands_an_example_and_exit_codes() -> None:
    result = run("--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "parse" in out
    assert "livebrief parse samples/" in out
    assert "exit codes:" in out
    assert result.stderr == b""


def test_parse_help_documents_every_option() -> None:
    result = run("parse", "--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    for option in ("--format", "--output", "--date", "--tz", "--verbose", "--debug"):
        assert option in out
    for fmt in ("json", "jsonl", "csv", "parquet"):
        assert fmt in out
    assert "examples:" in out


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"livebrief {metadata.version('livebrief')}"


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "livebrief", "--version"], capture_output=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.decode().startswith("livebrief ")


def test_commands_come_from_the_table() -> None:
    parser = cli.build_parser()
    assert cli.add_parse_parser in cli.COMMANDS
    args = parser.parse_args(["parse", "x.txt", "--format", "csv"])
    assert args.handler is cli.run_parse
    assert args.format == "csv"


def test_common_options_work_before_and_after_the_command() -> None:
    parser = cli.build_parser()
    before = parser.parse_args(["--debug", "-v", "parse", "x.txt"])
    after = parser.parse_args(["parse", "x.txt", "--debug", "-vv"])
    neither = parser.parse_args(["parse", "x.txt"])
    assert (before.debug, before.verbose) == (True, 1)
    assert (after.debug, after.verbose) == (True, 2)
    assert (neither.debug, neither.verbose) == (False, 0)


# --- parsing the sample (needs the text reader) --------------------------------------------


def test_parse_sample_json_to_stdout() -> None:
    result = run("parse", SAMPLE)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    doc = json.loads(result.stdout)
    assert isinstance(doc, dict)
    assert doc["page"]["title"] == SAMPLE_TITLE
    assert doc["page"]["source"] == str(SAMPLE)
    assert len(doc["entries"]) == SAMPLE_ENTRIES
    assert [e["position"] for e in doc["entries"]] == list(range(SAMPLE_ENTRIES))
    assert "Laura Bicker" in {e["author"] for e in doc["entries"]}


def test_parse_two_sources_json_is_an_array(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    result = run("parse", SAMPLE, copy)
    assert result.returncode == 0, result.stderr.decode()
    docs = json.loads(result.stdout)
    assert [d["page"]["source"] for d in docs] == [str(SAMPLE), str(copy)]
    assert [len(d["entries"]) for d in docs] == [SAMPLE_ENTRIES, SAMPLE_ENTRIES]


def test_parse_jsonl_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", str(SAMPLE), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert len(rows) == SAMPLE_ENTRIES
    assert {r["source"] for r in rows} == {str(SAMPLE)}
    assert list(rows[0]) == list(ENTRY_COLUMNS)
    assert captured.err == ""


def test_parse_csv_to_output(tmp_path: Path) -> None:
    target = tmp_path / "entries.csv"
    result = run("parse", SAMPLE, "--format", "csv", "--output", target)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b""
    frame = pd.read_csv(target, keep_default_na=False)
    assert list(frame.columns) == list(ENTRY_COLUMNS)
    assert len(frame) == SAMPLE_ENTRIES
    paragraphs = [json.loads(cell) for cell in frame["paragraphs"]]
    assert all(isinstance(p, list) for p in paragraphs)
    assert sum(len(p) for p in paragraphs) > SAMPLE_ENTRIES


def test_parse_parquet_to_output(tmp_path: Path) -> None:
    target = tmp_path / "entries.parquet"
    assert cli.main(["parse", str(SAMPLE), "--format", "parquet", "-o", str(target)]) == 0
    table = pq.read_table(target)
    assert table.num_rows == SAMPLE_ENTRIES
    assert table.column_names == list(ENTRY_COLUMNS)
    for col in LIST_COLUMNS:
        assert table.schema.field(col).type == pa.list_(pa.string())
    facts = json.loads(table.schema.metadata[b"livebrief.pages"])
    assert facts[0]["title"] == SAMPLE_TITLE


def test_parse_stdin() -> None:
    result = run("parse", "-", stdin=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    doc = json.loads(result.stdout)
    assert doc["page"]["source"] == "<stdin>"
    assert len(doc["entries"]) == SAMPLE_ENTRIES


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig", "utf-16-le"])
def test_parse_other_encodings_gives_the_same_entries(
    codec: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    other = tmp_path / f"sample-{codec}.txt"
    other.write_bytes(text.replace("\n", "\r\n").encode(codec))

    def entries(path: Path) -> list[dict[str, object]]:
        assert cli.main(["parse", str(path), "--format", "jsonl"]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        return [{k: v for k, v in row.items() if k != "source"} for row in rows]

    want = entries(SAMPLE)
    assert len(want) == SAMPLE_ENTRIES
    assert entries(other) == want


def test_parse_in_process_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Stdin:
        buffer = io.BytesIO(SAMPLE.read_bytes())

    monkeypatch.setattr(sys, "stdin", Stdin())
    assert cli.main(["parse", "-", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == SAMPLE_ENTRIES


def test_verbose_logs_to_stderr() -> None:
    result = run("parse", SAMPLE, "-v")
    assert result.returncode == 0
    assert f"{SAMPLE}: {SAMPLE_ENTRIES} entries" in result.stderr.decode()


def test_output_replaces_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "entries.json"
    target.write_text("previous")
    assert run("parse", SAMPLE, "--output", target).returncode == 0
    assert len(json.loads(target.read_text())["entries"]) == SAMPLE_ENTRIES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entries.json"]


# --- errors: one line, exit code, nothing written --------------------------------------------


def test_error_in_a_later_source_writes_nothing(tmp_path: Path) -> None:
    # The sample parses; the empty file after it fails; the old output must survive intact.
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    target = tmp_path / "entries.json"
    target.write_text("previous")
    result = run("parse", SAMPLE, empty, "--output", target)
    assert result.returncode == 2
    assert_one_error_line(result.stderr, str(empty), "is empty")
    assert target.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "entries.json"]


def test_error_creates_no_output_file(tmp_path: Path) -> None:
    target = tmp_path / "entries.csv"
    result = run("parse", tmp_path / "missing.txt", SAMPLE, "-f", "csv", "-o", target)
    assert result.returncode == 2
    assert_one_error_line(result.stderr, "missing.txt")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_error_keeps_the_previous_output(tmp_path: Path) -> None:
    target = tmp_path / "entries.json"
    target.write_text("previous")
    result = run("parse", tmp_path / "missing.txt", "--output", target)
    assert result.returncode == 2
    assert target.read_text() == "previous"


def _bad_input(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.txt"
    if kind == "missing":
        return path
    if kind == "folder":
        path.mkdir()
        return path
    data = {
        "empty": b"",
        "blank": b"  \r\n\n\t\n",
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        "binary": bytes(range(256)) * 8,
    }[kind]
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("missing", "no such file"),
        ("folder", "is a folder"),
        ("empty", "is empty"),
        ("blank", "only white space"),
        ("png", "PNG image"),
        ("pdf", "PDF file"),
        ("binary", "looks binary"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, kind: str, words: str) -> None:
    path = _bad_input(tmp_path, kind)
    result = run("parse", path, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == b""
    assert_one_error_line(result.stderr, str(path), words)


@pytest.mark.parametrize(
    ("kind", "words"),
    [("missing", "no such file"), ("empty", "is empty"), ("png", "PNG image")],
)
def test_bad_input_in_process(
    tmp_path: Path, kind: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bad_input(tmp_path, kind)
    assert cli.main(["parse", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert_one_error_line(captured.err, str(path), words)


def test_a_page_without_entries_is_exit_2(tmp_path: Path) -> None:
    page = tmp_path / "chrome.txt"
    page.write_text("Live Reporting\nRelated Video and Audio\n")
    target = tmp_path / "entries.json"
    result = run("parse", page, "--output", target)
    assert result.returncode == 2
    assert_one_error_line(result.stderr, str(page), "no live-page entries")
    assert not target.exists()


def test_a_closed_pipe_is_not_an_error() -> None:
    # `livebrief parse ... | head -c 10`: far more output than a pipe buffers.
    with subprocess.Popen(
        [LIVEBRIEF, "parse", *[str(SAMPLE)] * 12, "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.read(10) == b'{"source":'
        proc.stdout.close()
        stderr = proc.stderr.read()
        assert proc.wait(timeout=60) == 0
    assert stderr == b""


def test_empty_stdin_is_named(tmp_path: Path) -> None:
    result = run("parse", "-", stdin=b"")
    assert result.returncode == 2
    assert_one_error_line(result.stderr, "<stdin>", "is empty")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--date", "2024-13-01"], ["--date", "2024-13-01"]),
        (["--date", "18/06/2024"], ["--date", "YYYY-MM-DD"]),
        (["--date", "20240618"], ["--date", "YYYY-MM-DD"]),
        (["--tz", "Mars/Olympus"], ["--tz", "Mars/Olympus"]),
        (["--tz", "Europe"], ["--tz", "'Europe'"]),
        (["--tz", "../etc/passwd"], ["--tz"]),
        (["--format", "xml"], ["--format", "xml"]),
        (["--format", "parquet"], ["parquet", "--output"]),
        (["--no-such-option"], ["--no-such-option"]),
    ],
)
def test_bad_options_are_one_line_and_exit_2(
    args: list[str], words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["parse", str(SAMPLE), *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert_one_error_line(captured.err, *words)


@pytest.mark.parametrize("args", [["--date", "2024-02-30"], ["--tz", "Nowhere/City"]])
def test_bad_options_from_the_console_command(args: list[str]) -> None:
    result = run("parse", SAMPLE, *args)
    assert result.returncode == 2
    assert result.stdout == b""
    assert_one_error_line(result.stderr, args[0], args[1])


def test_no_command_is_a_usage_error() -> None:
    result = run()
    assert result.returncode == 2
    assert_one_error_line(result.stderr, "COMMAND")


def test_stdin_twice_is_a_usage_error() -> None:
    result = run("parse", "-", "-")
    assert result.returncode == 2
    assert_one_error_line(result.stderr, "only once")


def test_missing_output_folder_is_exit_3_before_parsing(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "entries.json"
    result = run("parse", SAMPLE, "--output", target)
    assert result.returncode == 3
    assert_one_error_line(result.stderr, str(target), "does not exist")
    assert not (tmp_path / "no").exists()


def test_debug_adds_the_traceback(tmp_path: Path) -> None:
    result = run("parse", tmp_path / "missing.txt", "--debug")
    assert result.returncode == 2
    lines = error_lines(result.stderr)
    assert lines[0].startswith("Traceback")
    assert lines[-1].startswith("livebrief: error: ")
    assert "missing.txt: no such file" in lines[-1]


def test_unexpected_errors_are_one_line_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "read_path", broken)
    assert cli.main(["parse", str(SAMPLE)]) == 1
    line = assert_one_error_line(capsys.readouterr().err, "RuntimeError", "boom", "--debug")
    assert "unexpected" in line

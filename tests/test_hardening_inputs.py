"""Bad input for ``parse``, ``ingest``, ``report`` and ``run``: a matrix, each row a test.

Each row runs the installed command in a subprocess on one kind of input and checks what the
user meets: the documented exit code, one line on stderr naming the input and the problem
(no traceback unless ``--debug``), no output file left behind, and the store, given to every
command through ``$LIVEBRIEF_STORE``, unchanged row for row. Inputs that must work (other
encodings, mixed line endings, broken UTF-8 bytes, a page cut mid-entry, HTML saved as text,
duplicates, a 10 MB line) must give the sample's entries.

``run`` reports a briefing that fails on its own (exit code 4, the others still made): its
rows check the summary table's line for the briefing, the one error line after it, and that
nothing of the failed briefing was written.

Rows that start a notebook kernel or write 100 MB are marked slow.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import fixtures_build as fb
from hardening import (
    Done,
    fill_disk,
    livebrief,
    no_error,
    one_error_line,
    read_only,
    small_file_limit,
    store_digest,
    tmpfs,
    tree,
)
from livebrief.ingest import ingest
from livebrief.parse import read_path
from samplepages import GUARDIAN, SAMPLE, sample_headlines, sample_text

COMMANDS = ("parse", "ingest", "report", "run")
SAMPLE_BYTES = SAMPLE.read_bytes()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
EMPTY = hashlib.sha256(b"").hexdigest()
#: Characters a wrong decoding of the sample's UTF-8 punctuation would leave.
MOJIBAKE = ("â€", "\x80", "\x93", "\x99", "\x9c", "\x9d")


@pytest.fixture(scope="module")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding one page, copied for each test (ingesting it anew costs a second)."""
    db = tmp_path_factory.mktemp("store") / "lb.duckdb"
    ingest([str(GUARDIAN)], db)
    return db


@dataclass
class Case:
    """One test's world: a store, an output folder, and the arguments of each command."""

    tmp: Path
    store: Path
    out: Path = field(init=False)

    def __post_init__(self) -> None:
        self.out = self.tmp / "out"
        self.out.mkdir()

    def args(self, command: str, sources: list[Path], **where: Path) -> list[str | Path]:
        """The command line of ``command`` on ``sources``, writing where ``where`` says."""
        if command == "parse":
            return ["parse", *sources, "-o", where.get("output", self.out / "entries.json")]
        if command == "ingest":
            return ["ingest", *sources, "--store", where.get("store", self.store)]
        reports = where.get("reports", self.out / "reports")
        if command == "report":
            return ["report", *sources, "--out", reports, "--format", "html"]
        # run: a briefings file with one briefing, "one", of these sources (JSON is YAML).
        config = self.tmp / "briefings.yml"
        briefing = {"name": "one", "sources": [str(s) for s in sources]}
        briefing["output"] = str(reports / "{name}")
        doc = {"store": str(self.store), "defaults": {"formats": ["html"]}, "briefings": [briefing]}
        config.write_text(json.dumps(doc), encoding="utf-8")
        return ["run", config]

    def run(
        self, command: str, sources: list[Path], *extra: str, timeout: float = 300, **where: Path
    ) -> Done:
        args = [*self.args(command, sources, **where), *extra]
        return livebrief(*args, env={"LIVEBRIEF_STORE": str(self.store)}, timeout=timeout)


@pytest.fixture
def case(tmp_path: Path, template_store: Path) -> Case:
    store = tmp_path / "store" / "lb.duckdb"
    store.parent.mkdir()
    shutil.copy(template_store, store)
    return Case(tmp_path, store)


# --- The inputs --------------------------------------------------------------------------------


def _file(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], list[Path]]:
    """An input of one file; ``data`` may be a function, called only when a test needs it."""

    def make(folder: Path) -> list[Path]:
        path = folder / name
        path.write_bytes(data() if callable(data) else data)
        return [path]

    return make


def _missing(folder: Path) -> list[Path]:
    return [folder / "missing.txt"]


def _folder(folder: Path) -> list[Path]:
    path = folder / "a-folder.txt"
    path.mkdir()
    (path / "notes.md").write_text("not a page\n")
    return [path]


def _mixed_endings() -> bytes:
    lines = sample_text().split("\n")
    ends = ("\r\n", "\n", "\r")
    return "".join(line + ends[i % 3] for i, line in enumerate(lines)).encode("utf-8")


def _invalid_utf8() -> bytes:
    # Stray bytes that are not UTF-8 in two places of an otherwise UTF-8 page.
    third = len(SAMPLE_BYTES) // 3
    return (
        SAMPLE_BYTES[:third]
        + b"\xff"
        + SAMPLE_BYTES[third : 2 * third]
        + b"\xc0\x80"
        + (SAMPLE_BYTES[2 * third :])
    )


def _truncated() -> bytes:
    # Cut in the middle of an entry, and in the middle of a character (a ’ of three bytes).
    cut = SAMPLE_BYTES.index("Putin’s travel plans".encode()) + len("Putin")
    return SAMPLE_BYTES[: cut + 2]


def _html_as_text() -> bytes:
    seed = fb.load_case("seed")
    return fb.page_html(seed, body=fb.bbc_markup(seed)).encode("utf-8")


def _duplicates(folder: Path) -> list[Path]:
    copy = folder / "copy-of-sample.txt"
    copy.write_bytes(SAMPLE_BYTES)
    return [SAMPLE, copy]


def _long_line() -> bytes:
    text = sample_text()
    at = text.index("North Korea and Russia are fast friends")
    return (text[:at] + "lorem ipsum " * 870_000 + "\n" + text[at:]).encode("utf-8")


def _huge(folder: Path) -> list[Path]:
    path = folder / "huge.txt"
    with path.open("wb") as fh:
        for _ in range(100 * 2**20 // len(SAMPLE_BYTES) + 1):
            fh.write(SAMPLE_BYTES)
    return [path]


INPUTS: dict[str, Callable[[Path], list[Path]]] = {
    "missing": _missing,
    "folder": _folder,
    "empty": _file("empty.txt", b""),
    "whitespace": _file("blank.txt", b" \r\n\t\n   \n\x0c\n"),
    "png": _file("image.txt", PNG),
    "gzip": _file("page.txt.gz", lambda: gzip.compress(SAMPLE_BYTES)),
    "pdf": _file("page.pdf", PDF),
    "no-entries": _file("chrome.txt", b"Live Reporting\nRelated Video and Audio\n"),
    "html-as-text": _file("saved-page.txt", _html_as_text),
    "utf8-bom": _file("bom.txt", codecs.BOM_UTF8 + SAMPLE_BYTES),
    "cp1252": _file("cp1252.txt", lambda: sample_text().encode("cp1252")),
    "utf16": _file("utf16.txt", lambda: sample_text().replace("\n", "\r\n").encode("utf-16")),
    "mixed-endings": _file("mixed.txt", _mixed_endings),
    "invalid-utf8": _file("broken-bytes.txt", _invalid_utf8),
    "truncated": _file("cut.txt", _truncated),
    "duplicates": _duplicates,
    "long-line": _file("long-line.txt", _long_line),
    "100mb": _huge,
}

#: Inputs that fail, and how: exit code and words of the error line, per command.
FAILS: dict[str, dict[str, tuple[int, tuple[str, ...]]]] = {
    "missing": {
        "parse": (2, ("no such file",)),
        "ingest": (2, ("no such file",)),
        "report": (2, ("no such file",)),
    },
    "folder": {
        "parse": (2, ("is a folder",)),
        "ingest": (2, ("holds no", ".txt")),
        "report": (2, ("is a folder",)),
    },
    "empty": {c: (2, ("is empty",)) for c in COMMANDS},
    "whitespace": {c: (2, ("only white space",)) for c in COMMANDS},
    "png": {c: (2, ("PNG image",)) for c in COMMANDS},
    "gzip": {c: (2, ("GZIP", "decompress it first")) for c in COMMANDS},
    "pdf": {c: (2, ("PDF file",)) for c in COMMANDS},
    "no-entries": {c: (2, ("no live-page entries",)) for c in COMMANDS},
    "100mb": {c: (2, ("MB, over the limit", "LIVEBRIEF_MAX_INPUT_MB")) for c in COMMANDS},
}
for _ways in FAILS.values():  # run fails the briefing, as ingest fails, and goes on: exit 4
    _ways["run"] = (4, _ways["ingest"][1])
#: Inputs that must work, and the headlines they must give (None: the sample's).
WORKS = [
    "html-as-text",
    "utf8-bom",
    "cp1252",
    "utf16",
    "mixed-endings",
    "invalid-utf8",
    "truncated",
    "duplicates",
    "long-line",
]
#: Rows that are slow: any report that runs its notebook, and the 100 MB page.
SLOW_INPUTS = {"100mb"}


def _rows(kinds: list[str], commands: tuple[str, ...]) -> list[object]:
    rows: list[object] = []
    for kind in kinds:
        for command in commands:
            slow = kind in SLOW_INPUTS or (command in ("report", "run") and kind in WORKS)
            marks = [pytest.mark.slow] if slow else []
            rows.append(pytest.param(kind, command, id=f"{command}-{kind}", marks=marks))
    return rows


# --- Inputs that fail ----------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "command"), _rows(list(FAILS), COMMANDS))
def test_bad_input_fails_in_one_line_and_changes_nothing(
    kind: str, command: str, case: Case
) -> None:
    sources = INPUTS[kind](case.tmp)
    code, words = FAILS[kind][command]
    before = store_digest(case.store)
    done = case.run(command, sources, timeout=120)
    assert done.returncode == code, done.stderr
    if command == "run":
        line = briefing_failed(done, *words)
    else:
        line = one_error_line(done.stderr, *words)
        assert done.stdout == ""
    assert any(str(s) in line for s in sources), line  # names the input
    assert tree(case.out) == {}  # no output, not even a temporary file or an empty folder
    assert store_digest(case.store) == before
    if kind == "100mb":  # refused at once, without reading the page into memory
        assert done.seconds < 30 and done.max_rss_mb < 400, (done.seconds, done.max_rss_mb)


def briefing_failed(done: Done, *words: str) -> str:
    """Check a run whose one briefing failed; return the summary line naming the problem."""
    assert "Traceback" not in done.stderr
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("livebrief: error: ")]
    assert errors == [done.stderr.splitlines()[-1]], done.stderr
    assert "1 of 1 briefings failed: one" in errors[0]
    rows = [ln for ln in done.stdout.splitlines() if ln.split()[:2] == ["one", "failed"]]
    assert len(rows) == 1, done.stdout
    for word in words:
        assert word in rows[0], (word, rows[0])
    return rows[0]


@pytest.mark.parametrize("command", COMMANDS)
def test_debug_adds_the_traceback(command: str, case: Case) -> None:
    sources = INPUTS["png"](case.tmp)
    before = store_digest(case.store)
    done = case.run(command, sources, "--debug")
    lines = done.stderr.splitlines()
    if command == "run":
        # The briefing fails alone (exit 4), as without --debug, and its traceback comes
        # before the one error line; the summary row still names the input and the problem.
        assert done.returncode == 4, done.stderr
        assert "Traceback (most recent call last):" in lines
        start = lines.index("Traceback (most recent call last):")
        assert lines[start - 1] == "livebrief run: one failed here:", lines[start - 1]
        assert any("PNG image" in ln and "Error" in ln for ln in lines[start:-1]), lines
        assert lines[-1].startswith("livebrief: error: 1 of 1 briefings failed: one")
        rows = [ln for ln in done.stdout.splitlines() if ln.split()[:2] == ["one", "failed"]]
        assert len(rows) == 1 and "PNG image" in rows[0] and str(sources[0]) in rows[0]
    else:
        assert done.returncode == 2
        assert lines[0] == "Traceback (most recent call last):"
        assert lines[-1].startswith("livebrief: error: ") and "PNG image" in lines[-1]
    assert tree(case.out) == {}
    assert store_digest(case.store) == before


# --- Inputs that work ------------------------------------------------------------------------


def _headlines(kind: str) -> list[str]:
    want = sample_headlines()
    if kind == "truncated":
        return [h for h in want if h in _truncated().decode("utf-8", errors="ignore")]
    return want


@pytest.mark.parametrize(("kind", "command"), _rows(WORKS, COMMANDS))
def test_awkward_but_valid_input_works(kind: str, command: str, case: Case) -> None:
    sources = INPUTS[kind](case.tmp)
    before = store_digest(case.store)
    done = case.run(command, sources, timeout=300)
    assert done.returncode == 0, done.stderr
    no_error(
        "\n".join(ln for ln in done.stderr.splitlines() if not ln.startswith("livebrief run:"))
    )
    if kind in ("invalid-utf8", "truncated"):
        assert "broken UTF-8" in done.stderr and str(sources[0]) in done.stderr
    if kind == "long-line":
        assert done.seconds < 90 and done.max_rss_mb < 1500, (done.seconds, done.max_rss_mb)
    checks = {"parse": _check_parse, "ingest": _check_ingest, "report": _check_report}
    checks.get(command, _check_run)(kind, sources, case, before)


def _check_parse(kind: str, sources: list[Path], case: Case, before: str) -> None:
    import json

    doc = json.loads((case.out / "entries.json").read_text("utf-8"))
    docs = doc if isinstance(doc, list) else [doc]
    assert len(docs) == len(sources)
    want = _headlines(kind)
    for page in docs:
        headlines = [e["headline"] for e in page["entries"]]
        assert headlines[: len(want)] == want, headlines
        text = json.dumps(page, ensure_ascii=False)
        assert not [m for m in MOJIBAKE if m in text]
    if kind == "truncated":  # the cut character is dropped, not shown as junk
        assert not docs[0]["entries"][-1]["body"].endswith(("\ufffd", "â"))
    assert store_digest(case.store) == before


def _check_ingest(kind: str, sources: list[Path], case: Case, before: str) -> None:
    import duckdb

    con = duckdb.connect(str(case.store), read_only=True)
    try:
        snapshots = con.execute(
            "SELECT snapshot_id, entry_count FROM snapshots ORDER BY snapshot_id"
        ).fetchall()
        found = con.execute("SELECT headline FROM entries WHERE headline IS NOT NULL").fetchall()
        headlines = {row[0] for row in found}
    finally:
        con.close()
    # The store's own page, then one new snapshot (duplicates: the second copy is skipped).
    assert len(snapshots) == 2, snapshots
    assert snapshots[1][1] == len(read_path(sources[0]).entries)
    assert set(_headlines(kind)) <= headlines
    assert tree(case.out) == {}


def _check_report(kind: str, sources: list[Path], case: Case, before: str) -> None:
    reports = case.out / "reports"
    folders = [p for p in reports.iterdir() if p.is_dir()]
    assert len(folders) == 1, sorted(reports.iterdir())  # duplicates: one briefing, rewritten
    assert sorted(p.name for p in folders[0].iterdir()) == ["briefing.html", "briefing.ipynb"]
    html = (folders[0] / "briefing.html").read_text("utf-8")
    assert not [m for m in MOJIBAKE if m in html]
    for headline in _headlines(kind)[:3]:
        import html as html_module

        assert html_module.escape(headline, quote=False) in html
    assert store_digest(case.store) == before


def _check_run(kind: str, sources: list[Path], case: Case, before: str) -> None:
    folder = case.out / "reports" / "one"
    assert sorted(p.name for p in (case.out / "reports").iterdir()) == ["one"]
    assert sorted(p.name for p in folder.iterdir()) == ["briefing.html", "briefing.ipynb"]
    html = (folder / "briefing.html").read_text("utf-8")
    assert not [m for m in MOJIBAKE if m in html]
    for headline in _headlines(kind)[:3]:
        import html as html_module

        assert html_module.escape(headline, quote=False) in html


# --- Outputs that cannot be written --------------------------------------------------------------

#: Per command: the exit code and words of an output under a file, on a read-only file system,
#: and on a full disk.
UNWRITABLE = {
    "parse": {
        "under-a-file": (3, ("is a file, not a folder",)),
        "read-only": (3, ("read-only",)),
        "disk-full": (3, ("disk is full",)),
    },
    "ingest": {
        "under-a-file": (6, ("cannot create the folder",)),
        "read-only": (6, ("Read-only file system",)),
        "disk-full": (6, ("disk is full", "nothing of this ingest was stored")),
    },
    "report": {
        "under-a-file": (3, ("is a file, not a folder", "choose another output folder")),
        "read-only": (3, ("not writable", "choose another output folder")),
        "disk-full": (3, ("No space left on device", "free some space")),
    },
}
#: run fails the briefing with the same message, and exits 4 when any briefing failed.
UNWRITABLE["run"] = {k: (4, words) for k, (_, words) in UNWRITABLE["report"].items()}


def _error_line(command: str, done: Done, *words: str) -> str:
    return (
        briefing_failed(done, *words) if command == "run" else one_error_line(done.stderr, *words)
    )


def _where(command: str, folder: Path) -> dict[str, Path]:
    return {
        "parse": {"output": folder / "entries.json"},
        "ingest": {"store": folder / "lb.duckdb"},
        "report": {"reports": folder / "reports"},
        "run": {"reports": folder / "reports"},
    }[command]


@pytest.mark.parametrize("command", COMMANDS)
def test_output_under_a_file(command: str, case: Case) -> None:
    blocker = case.tmp / "a-file.txt"
    blocker.write_text("a file where a folder is expected\n")
    where = _where(command, blocker / "sub")
    before = store_digest(case.store)
    done = case.run(command, [SAMPLE], **where)
    code, words = UNWRITABLE[command]["under-a-file"]
    assert done.returncode == code, done.stderr
    line = _error_line(command, done, *words)
    assert str(blocker) in line
    assert blocker.read_text() == "a file where a folder is expected\n"
    assert tree(case.out) == {}
    if command != "run":  # run ingests first, then fails the briefing
        assert store_digest(case.store) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_output_on_a_read_only_file_system(command: str, case: Case) -> None:
    where = _where(command, case.tmp / "ro")
    if command == "ingest":
        # The store already exists there, written before the file system turned read-only.
        def fill(folder: Path) -> None:
            shutil.copy(case.store, folder / "lb.duckdb")
    else:

        def fill(folder: Path) -> None:
            pass

    with read_only(case.tmp / "ro", fill) as folder:
        before = tree(folder)
        digest = store_digest(folder / "lb.duckdb") if command == "ingest" else ""
        done = case.run(command, [SAMPLE], **where)
        code, words = UNWRITABLE[command]["read-only"]
        assert done.returncode == code, done.stderr
        line = _error_line(command, done, *words)
        assert str(folder) in line
        assert tree(folder) == before
        if command == "ingest":
            assert store_digest(folder / "lb.duckdb") == digest


def _disk_full_rows() -> list[object]:
    return [
        pytest.param("parse", id="parse"),
        pytest.param("ingest", id="ingest"),
        pytest.param("report", id="report", marks=pytest.mark.slow),
        pytest.param("run", id="run", marks=pytest.mark.slow),
    ]


@pytest.mark.parametrize("command", _disk_full_rows())
def test_output_on_a_full_disk(command: str, case: Case) -> None:
    # A tmpfs of a few kilobytes is a real full disk: writes fail with ENOSPC.
    with tmpfs(case.tmp / "small", size="8m" if command == "ingest" else "64k") as folder:
        where = _where(command, folder)
        if command == "ingest":
            shutil.copy(case.store, folder / "lb.duckdb")
            digest = store_digest(folder / "lb.duckdb")
            filler = fill_disk(folder)
            # Several pages: more than the few bytes a checkpoint might still find.
            sources = sorted((GUARDIAN.parent).glob("*.txt"))
        else:
            sources = [SAMPLE] * 3 if command == "parse" else [SAMPLE]
        before = tree(folder)
        done = case.run(command, sources, **where)
        code, words = UNWRITABLE[command]["disk-full"]
        assert done.returncode == code, done.stderr
        line = _error_line(command, done, *words)
        assert str(folder) in line
        after = tree(folder)
        if command == "ingest":  # the store's lock file, and an empty log, may appear
            assert after.pop("lb.duckdb.lock", EMPTY) == EMPTY
            assert after.pop("lb.duckdb.wal", EMPTY) == EMPTY
        assert after == before  # no temporary file, no half output, no empty folder
        if command == "ingest":
            filler.unlink()
            assert store_digest(folder / "lb.duckdb") == digest  # and it opens again


def test_parse_full_disk_by_file_size_limit(case: Case) -> None:
    # Where mounting is not allowed: a size limit on files fails the write the same way.
    target = case.out / "entries.json"
    done = livebrief(
        "parse", SAMPLE, SAMPLE, SAMPLE, "-o", target, preexec_fn=small_file_limit(16_000)
    )
    assert done.returncode == 3, done.stderr
    one_error_line(done.stderr, str(target), "too large for the file system")
    assert tree(case.out) == {}


# --- The exit codes, as documented ---------------------------------------------------------------


def test_every_exit_code_is_documented_in_the_readme_and_the_help() -> None:
    import inspect
    import re

    from livebrief import cli, errors

    codes = {
        cls.exit_code
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.LivebriefError)
    } | {0, 1, 130}
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    assert {int(n) for n in re.findall(r"^\| (\d+) \|", section, re.M)} == codes
    assert {int(n) for n in re.findall(r"^  (\d+)  ", cli.EXIT_CODES, re.M)} == codes


def test_a_pdf_engine_meeting_a_full_disk_is_an_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The disk may fill between the HTML and the PDF: that is exit 3, like any output.
    import errno

    from livebrief.errors import OutputError, RenderError
    from livebrief.render import pdf

    def full(html: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    def broken(html: Path, target: Path) -> None:
        raise OSError(errno.EIO, "Input/output error", str(target))

    monkeypatch.setitem(pdf._ENGINES, "full", full)
    monkeypatch.setitem(pdf._ENGINES, "broken", broken)
    with pytest.raises(OutputError, match=r"No space left on device.*free some space") as info:
        pdf.write_pdf("full", tmp_path / "b.html", tmp_path / "b.pdf")
    assert info.value.exit_code == 3
    with pytest.raises(RenderError, match="PDF export with broken failed"):
        pdf.write_pdf("broken", tmp_path / "b.html", tmp_path / "b.pdf")


@pytest.mark.slow
def test_chromium_meeting_a_full_disk_is_an_output_error(case: Case) -> None:
    # Chromium writes the PDF itself and says only that printing failed; the PDF must still
    # be exit 3 with the system's reason, and leave nothing behind on the full disk.
    from hardening import chromium
    from livebrief.errors import OutputError
    from livebrief.render import pdf

    chromium()
    page = case.tmp / "page.html"
    page.write_text("<html><body><h1>Full</h1><p>" + "words " * 3000 + "</p></body></html>")
    with tmpfs(case.tmp / "small", size="64k") as folder:
        fill_disk(folder)
        before = tree(folder)
        with pytest.raises(OutputError) as info:
            pdf.write_pdf("chromium", page, folder / "briefing.pdf")
        assert info.value.exit_code == 3
        message = str(info.value)
        assert "\n" not in message and str(folder) in message
        assert "No space left on device" in message and "free some space" in message
        assert tree(folder) == before
    # And where there is room, the PDF is whole.
    target = case.out / "briefing.pdf"
    pdf.write_pdf("chromium", page, target)
    assert target.read_bytes().startswith(b"%PDF-") and b"%%EOF" in target.read_bytes()[-1024:]


@pytest.mark.slow
def test_report_printing_with_chromium_onto_a_full_disk_exits_3(case: Case) -> None:
    from hardening import chromium

    chromium()
    args = ["--format", "html,pdf", "--pdf-engine", "chromium"]
    # First with room, to learn the sizes (about 320 kB each for the notebook, the HTML and the
    # PDF); then on a disk with room for the notebook, the HTML and half the PDF: the disk
    # fills while the PDF is written.
    assert livebrief("report", SAMPLE, "--out", case.out / "roomy", *args).returncode == 0
    sizes = {p.name: p.stat().st_size for p in (case.out / "roomy").rglob("briefing.*")}
    room = sizes["briefing.ipynb"] + sizes["briefing.html"] + sizes["briefing.pdf"] // 2
    with tmpfs(case.tmp / "small", size=f"{room // 4096 * 4 + 16}k") as folder:
        reports = folder / "reports"
        done = livebrief("report", SAMPLE, "--out", reports, *args)
        assert done.returncode == 3, (done.stderr, sizes, tree(folder))
        one_error_line(done.stderr, str(reports), "No space left on device", "free some space")
        assert tree(folder) == {}  # no half PDF, no temporary file, no empty folder

"""Shared parts of the hardening tests: the command, its error line, stores, folders, mounts.

Everything here is real: the installed ``livebrief`` command in a subprocess, DuckDB files,
tmpfs mounts (tests run as root in CI; without the right to mount, the tests that need one fall
back to a size limit on files or skip), and headless Chromium.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from livebrief.render import CHROMIUM_FLAGS

LIVEBRIEF = str(Path(sys.executable).with_name("livebrief"))
TABLES = ("pages", "snapshots", "entries", "snapshot_entries", "runs", "fetch_state", "file_state")


@dataclass
class Done:
    """A finished command: exit code, outputs, wall time (s) and peak memory (MB)."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float


# A small launcher measures the command: a child forked from the test run counts the test
# run's own memory (its pages, before the exec) in its peak, which grows with every test that
# ran before; one forked from a fresh interpreter starts small. It waits for the command with
# wait4, writes its peak resident memory (kB) to the file named first, and ends as it ended.
_MEASURE = """
import os, signal, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as peak:
    peak.write(str(usage.ru_maxrss))
if os.WIFSIGNALED(status):
    signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
    os.kill(os.getpid(), os.WTERMSIG(status))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def livebrief(
    *args: str | Path,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
    preexec_fn: Callable[[], None] | None = None,
    stdin: bytes = b"",
) -> Done:
    """Run the installed ``livebrief`` command; measure its time and its peak memory.

    The command runs under a small launcher (``_MEASURE``) that waits for it with ``wait4``,
    which gives the peak resident memory of that process alone (not of the test run, nor of
    other children). ``preexec_fn`` runs before the launcher starts, so limits it sets (file
    size, memory) hold for the command too. Past ``timeout`` both are killed and the test
    fails.
    """
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile("r", suffix=".peak") as peak,
    ):
        started = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-c", _MEASURE, peak.name, LIVEBRIEF, *map(str, args)],
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env={**os.environ, **(env or {})},
            preexec_fn=preexec_fn,
            start_new_session=True,
        )
        # (The launcher and the command are one session: the kill reaches both.)
        killer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
        killer.start()
        try:
            assert proc.stdin is not None
            with suppress(BrokenPipeError):
                proc.stdin.write(stdin)
                proc.stdin.close()
            proc.wait()
        finally:
            killer.cancel()
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", errors="replace")
        stderr = err.read().decode("utf-8", errors="replace")
        peak_kb = peak.read().strip()
    if proc.returncode == -signal.SIGKILL:
        pytest.fail(f"livebrief {' '.join(map(str, args))[:200]} did not end in {timeout} s")
    # ru_maxrss is in kilobytes on Linux.
    return Done(proc.returncode, stdout, stderr, seconds, int(peak_kb or 0) / 1024)


def one_error_line(stderr: str, *words: str) -> str:
    """Check that ``stderr`` is one ``livebrief: error:`` line holding ``words``; return it."""
    lines = stderr.splitlines()
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith("livebrief: error: "), line
    assert "Traceback" not in stderr
    for word in words:
        assert word in line, (word, line)
    return line


def no_error(stderr: str) -> None:
    """Check that a successful command said nothing but, at most, warnings."""
    assert "Traceback" not in stderr, stderr
    for line in stderr.splitlines():
        assert line.startswith("livebrief: WARNING: "), stderr


def store_digest(db: Path) -> str:
    """Return a digest of everything the store holds, row by row, to show it did not change."""
    if not db.exists():
        return "no store"
    digest = hashlib.sha256()
    con = duckdb.connect(str(db), read_only=True)
    try:
        for table in TABLES:
            rows = con.execute(f"SELECT * FROM {table}").fetchall()
            digest.update(f"{table}:{len(rows)}\n".encode())
            for row in sorted(repr(r) for r in rows):
                digest.update(row.encode("utf-8", errors="surrogatepass"))
    finally:
        con.close()
    return digest.hexdigest()


def tree(folder: Path) -> dict[str, str]:
    """Return every file and folder under ``folder`` (hidden ones too) with a digest of files."""
    if not folder.exists():
        return {}
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        out[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# --- mounts ---------------------------------------------------------------------------------


def _mount(*args: str) -> bool:
    done = subprocess.run(["mount", *args], capture_output=True, check=False)
    return done.returncode == 0


def _unmount(folder: Path) -> None:
    if subprocess.run(["umount", str(folder)], capture_output=True, check=False).returncode:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@contextmanager
def tmpfs(folder: Path, size: str = "64k") -> Iterator[Path]:
    """Mount a tmpfs of ``size`` on ``folder`` for the block; skip the test if not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _mount("-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(folder)):
        pytest.skip("cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)")
    try:
        yield folder
    finally:
        _unmount(folder)


@contextmanager
def read_only(folder: Path, fill: Callable[[Path], None] = lambda _: None) -> Iterator[Path]:
    """Make ``folder`` a read-only file system for the block, after ``fill`` has written to it.

    A tmpfs remounted read-only when mounts are allowed; else an immutable folder
    (``chattr +i``), which even root cannot add files to; else the test is skipped.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if _mount("-t", "tmpfs", "-o", "size=4m,mode=0777", "tmpfs", str(folder)):
        try:
            fill(folder)
            if not _mount("-o", "remount,ro", str(folder)):
                pytest.skip("cannot remount a tmpfs read-only here")
            yield folder
        finally:
            _unmount(folder)
        return
    fill(folder)
    chattr = shutil.which("chattr")
    if not chattr or subprocess.run([chattr, "+i", str(folder)], check=False).returncode:
        pytest.skip("neither a read-only mount nor an immutable folder can be made here")
    try:
        yield folder
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=False)


def fill_disk(folder: Path) -> Path:
    """Fill the file system of ``folder`` to the last byte with a filler file; return it."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as fh:
        for size in (4096, 1):  # blocks, then the last bytes of a partial one
            with suppress(OSError):
                while fh.write(b"\0" * size):
                    pass
    return filler


def small_file_limit(limit: int) -> Callable[[], None]:
    """A ``preexec_fn`` for a child that may not grow any file past ``limit`` bytes."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


# --- Chromium -------------------------------------------------------------------------------


def chromium() -> str:
    """Return Chromium's path, or skip the test."""
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if not found:
        pytest.skip("chromium is not installed (see .ci/run)")
    return found


def dump_dom(page: Path, budget_ms: int = 3000) -> str:
    """Load ``page`` in headless Chromium, let its scripts run, and return the DOM it ends with.

    ``--virtual-time-budget`` lets timers and load handlers (an ``onerror`` of a broken
    image) fire before the DOM is dumped.
    """
    with tempfile.TemporaryDirectory(prefix="lb-dom-") as profile:
        done = subprocess.run(
            [
                chromium(),
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--virtual-time-budget={budget_ms}",
                "--dump-dom",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def pdf_text(pdf: Path) -> str:
    """Return the text of a PDF as ``pdftotext`` reads it (skip when it is missing)."""
    tool = shutil.which("pdftotext")
    if not tool:
        pytest.skip("pdftotext is not installed (poppler-utils)")
    return subprocess.run(
        [tool, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout

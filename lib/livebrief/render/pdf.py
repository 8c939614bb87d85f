"""Print a briefing's HTML to PDF without LaTeX: the PDF engines, one registry.

``weasyprint`` (the default) is pure Python through WeasyPrint's API; ``chromium`` prints with
headless Chromium where exact fidelity to the HTML matters. Page size, margins and page breaks
come from the house stylesheet's ``@page`` and ``break-inside`` rules, which both honour.
Adding an engine is one function ``(html_path, pdf_path) -> None`` and one :func:`register`.

Chromium gets ``$LIVEBRIEF_PDF_TIMEOUT`` seconds (120 by default) and then is killed with every
process it started; a PDF that cannot be written for want of space or permission is an
:class:`~livebrief.errors.OutputError`, like any other output.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from livebrief.errors import LivebriefError, OutputError, RenderError
from livebrief.render.execute import one_line
from livebrief.settings import env_number

PdfWriter = Callable[[Path, Path], None]

#: Flags for headless Chromium on a machine without a display or a network: no sandbox (root
#: in CI), and none of the background connections that a closed network refuses.
CHROMIUM_FLAGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)

_ENGINES: dict[str, PdfWriter] = {}

ENV_PDF_TIMEOUT = "LIVEBRIEF_PDF_TIMEOUT"
DEFAULT_PDF_TIMEOUT = 120.0

#: OS errors that mean the output cannot be written, rather than that the engine failed.
_OUTPUT_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM}
)


def pdf_timeout() -> float:
    """Return the seconds a PDF engine process may take: ``$LIVEBRIEF_PDF_TIMEOUT``, else 120."""
    return env_number(ENV_PDF_TIMEOUT, DEFAULT_PDF_TIMEOUT, "seconds")


def register(name: str, writer: PdfWriter) -> None:
    """Make ``writer`` available as ``--pdf-engine NAME``."""
    _ENGINES[name] = writer


def engines() -> list[str]:
    """The registered engine names, default first."""
    return list(_ENGINES)


def write_pdf(engine: str, html_path: Path, pdf_path: Path) -> None:
    """Print ``html_path`` to ``pdf_path`` with ``engine``; every failure is a RenderError."""
    try:
        _ENGINES[engine](html_path, pdf_path)
    except LivebriefError:
        raise
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            raise RenderError(f"PDF export with {engine} failed: {one_line(str(exc))}") from exc
        raise OutputError(
            f"{pdf_path.parent}: cannot write the PDF ({exc.strerror}); free some space or "
            "choose another output folder"
        ) from exc
    except Exception as exc:  # each engine fails in its own ways; name the step and the cause
        raise RenderError(
            f"PDF export with {engine} failed: {type(exc).__name__}: {one_line(str(exc))}"
        ) from exc


def warm_up(engine: str) -> None:
    """Load an engine's code and fonts ahead of time (WeasyPrint: about 0.4 s on first use)."""
    if engine == "weasyprint":
        import weasyprint

        weasyprint.HTML(string="<p style='font-family: DejaVu Sans'>x</p>").write_pdf()


def pdf_weasyprint(html_path: Path, pdf_path: Path) -> None:
    """Print with WeasyPrint's Python API (no browser, no LaTeX)."""
    try:
        import weasyprint
    except OSError as exc:  # its C libraries are system packages, not pip's
        raise RenderError(
            f"WeasyPrint cannot load Pango ({one_line(str(exc), 120)}): install "
            "libpango-1.0-0 libpangoft2-1.0-0 (apt-get; .ci/run does) or use --pdf-engine chromium"
        ) from exc
    weasyprint.HTML(filename=str(html_path)).write_pdf(str(pdf_path))


def chromium_path() -> str:
    """Find Debian's (or another) Chromium; raise :class:`RenderError` when none exists."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    raise RenderError(
        "chromium not found: install it (apt-get install chromium) or use --pdf-engine weasyprint"
    )


def pdf_chromium(html_path: Path, pdf_path: Path, timeout: float | None = None) -> None:
    """Print with headless Chromium (``--print-to-pdf``), in a fresh throw-away profile.

    Chromium runs in a session of its own, so that on a time-out the browser and every
    process it started (renderer, GPU, zygote) are killed, not only the first.

    Chromium prints into its temporary folder, and the PDF is then copied to ``pdf_path``
    here: Chromium reports a file it could not write only as a failed print (or not at all),
    while a copy made here fails with the system's reason, so a full or read-only output
    folder is an :class:`~livebrief.errors.OutputError` (exit code 3) like any other output.
    """
    limit = pdf_timeout() if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="lb-chromium-") as work:
        profile, printed = Path(work) / "profile", Path(work) / "briefing.pdf"
        cmd = [
            chromium_path(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={printed}",
            html_path.resolve().as_uri(),
        ]
        with subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        ) as proc:
            try:
                _, stderr = proc.communicate(timeout=limit)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.communicate()
                raise RenderError(
                    f"chromium did not finish printing {html_path} in {limit:g} s (raise "
                    f"{ENV_PDF_TIMEOUT}, or use --pdf-engine weasyprint)"
                ) from None
        if proc.returncode != 0 or not _whole_pdf(printed):
            tail = one_line(stderr.decode(errors="replace")[-400:])
            raise RenderError(
                f"chromium could not print {html_path} (exit {proc.returncode}): {tail}"
            )
        try:
            shutil.copyfile(printed, pdf_path)
        except OSError:  # no space, read-only: the output's fault, as write_pdf says
            with suppress(OSError):
                pdf_path.unlink()
            raise


def _whole_pdf(path: Path) -> bool:
    """Say whether ``path`` holds a PDF that ends as a PDF does (``%%EOF`` near its end)."""
    try:
        with path.open("rb") as fh:
            if fh.read(5) != b"%PDF-":
                return False
            fh.seek(max(path.stat().st_size - 1024, 0))
            return b"%%EOF" in fh.read()
    except OSError:
        return False


register("weasyprint", pdf_weasyprint)
register("chromium", pdf_chromium)

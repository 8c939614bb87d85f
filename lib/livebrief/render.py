"""Run the briefing notebook with papermill and export it to HTML and PDF, in one process.

:func:`render` executes ``notebooks/briefing.ipynb`` for one source in a kernel of *this*
Python (so a venv or conda env works without registering a kernel), exports HTML through
nbconvert with the house template (``notebooks/templates/livebrief``, extending ``lab``) and
prints that HTML to PDF with WeasyPrint or headless Chromium. Outputs land in
``<out>/<page-slug>/briefing.{ipynb,html,pdf}``, each written to a temporary file and renamed
only once all of them are ready, so a failed run leaves the previous briefing intact.

Heavy imports (papermill, nbconvert, WeasyPrint) happen inside the functions, and nbconvert and
the PDF engine are imported on a second thread while the kernel runs the notebook.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from livebrief.errors import InputError, OutputError, RenderError, UsageError

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("html", "pdf")
PDF_ENGINES: tuple[str, ...] = ("weasyprint", "chromium")
TEMPLATE = "livebrief"
#: Cells with these tags are dropped from the HTML and PDF (they stay in the executed notebook).
HIDDEN_TAGS = frozenset({"parameters", "injected-parameters", "remove-in-report"})
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
META_KEY = "livebrief"  # the same key as livebrief.briefing.META_KEY, without importing pandas


@dataclass
class Report:
    """What one :func:`render` wrote, and how long each step took (seconds)."""

    source: str
    folder: Path
    notebook: Path
    html: Path | None = None
    pdf: Path | None = None
    title: str = ""
    timings: dict[str, float] = field(default_factory=dict)


def project_root() -> Path:
    """The folder holding ``notebooks/``: the source tree of an editable install, else cwd."""
    here = Path(__file__).resolve().parents[2]
    return here if (here / "notebooks").is_dir() else Path.cwd()


def default_notebook() -> Path:
    """The bundled briefing notebook."""
    return project_root() / "notebooks" / "briefing.ipynb"


def _avoid_slow_imports() -> None:
    # jsonschema (imported by nbformat) loads the optional IRI format checker rfc3987_syntax
    # when it is installed, which builds a Lark grammar at import: 1.5-2.5 s here, for a format
    # no notebook schema uses. Marking it absent makes jsonschema skip that checker.
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]


@cache
def _kernel_manager_class() -> type[Any]:
    """A kernel manager that always starts ipykernel in this interpreter, over IPC.

    Registered kernelspecs are not consulted, so a user's stale ``python3`` kernel cannot run
    the notebook in another environment. On POSIX the kernel talks over Unix sockets in a
    private temporary folder instead of TCP ports, which avoids the port race of parallel runs
    (papermill issue 511).
    """
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

    class ThisPythonKernelManager(AsyncKernelManager):  # type: ignore[misc]
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self._lb_dir = tempfile.mkdtemp(prefix="lbk-")
            self.connection_file = os.path.join(self._lb_dir, "kernel.json")
            if os.name == "posix":
                self.transport = "ipc"
                self.ip = os.path.join(self._lb_dir, "ipc")
            self._kernel_spec = KernelSpec(
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name="Python 3 (ipykernel)",
                language="python",
            )

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            # The kernel's own chatter (start-up notices, shutdown) goes to a log, not the
            # terminal; cell errors reach us as messages, and the log tail on a dead kernel.
            self._lb_log = open(os.path.join(self._lb_dir, "kernel.log"), "wb")  # noqa: SIM115
            kw.setdefault("stdout", self._lb_log)
            kw.setdefault("stderr", subprocess.STDOUT)
            await super()._async_launch_kernel(kernel_cmd, **kw)

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            await super()._async_cleanup_resources(restart=restart)
            if not restart:
                with suppress(AttributeError):
                    self._lb_log.close()
                shutil.rmtree(self._lb_dir, ignore_errors=True)

    return ThisPythonKernelManager


def execute(
    notebook: Path,
    output: Path,
    parameters: dict[str, Any],
    *,
    cwd: Path | None = None,
    timeout: int = 600,
) -> Any:
    """Execute ``notebook`` with papermill, writing the executed notebook to ``output``.

    Returns
    -------
    nbformat.NotebookNode
        The executed notebook.

    Raises
    ------
    RenderError
        When a cell fails (naming the cell and the cause) or the kernel cannot start.
    """
    _avoid_slow_imports()
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        return papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            cwd=str(cwd) if cwd else None,
            start_timeout=60,
            execution_timeout=timeout,
            kernel_manager_class=_kernel_manager_class(),
            shutdown_kernel="immediate",
        )
    except PapermillExecutionError as exc:
        first = next((ln for ln in exc.source.splitlines() if ln.strip()), "").strip()
        raise RenderError(
            f"{notebook.name}: cell {exc.cell_index} (`{first[:60]}`) failed: "
            f"{exc.ename}: {_one_line(exc.evalue)}"
        ) from None
    except (RuntimeError, TimeoutError) as exc:
        raise RenderError(f"{notebook.name}: the kernel failed: {_one_line(str(exc))}") from exc


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def export_html(nb: Any, template_dir: Path) -> str:
    """Export an executed notebook to self-contained HTML with the house template.

    Code, prompts and the parameter cells are hidden through nbconvert's configuration
    (``exclude_input``, ``TagRemovePreprocessor``); images are embedded as data URIs.
    """
    _avoid_slow_imports()
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.HTMLExporter.template_name = TEMPLATE
    config.HTMLExporter.extra_template_basedirs = [str(template_dir)]
    config.HTMLExporter.exclude_input = True
    config.HTMLExporter.exclude_input_prompt = True
    config.HTMLExporter.exclude_output_prompt = True
    config.HTMLExporter.embed_images = True
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = set(HIDDEN_TAGS)
    exporter = HTMLExporter(config=config)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": "briefing"}})
    return str(body)


def pdf_weasyprint(html_path: Path, pdf_path: Path) -> None:
    """Print an HTML file to PDF (A4, the stylesheet's ``@page``) with WeasyPrint's API."""
    import weasyprint

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


def pdf_chromium(html_path: Path, pdf_path: Path, timeout: int = 120) -> None:
    """Print an HTML file to PDF with headless Chromium (exact fidelity to the HTML)."""
    with tempfile.TemporaryDirectory(prefix="lb-chromium-") as profile:
        cmd = [chromium_path(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
               f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise RenderError(f"chromium did not finish printing {html_path} in {timeout} s")\
                from None
    if done.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        tail = _one_line(done.stderr.decode(errors="replace")[-400:])
        raise RenderError(f"chromium could not print {html_path} (exit {done.returncode}): {tail}")


PDF_WRITERS: dict[str, Callable[[Path, Path], None]] = {
    "weasyprint": pdf_weasyprint,
    "chromium": pdf_chromium,
}


def _warm(formats: Sequence[str], engine: str) -> threading.Thread:
    # Import the exporters while the kernel runs the notebook: the kernel is another process,
    # so on two cores these imports cost no wall time.
    def work() -> None:
        with suppress(Exception):
            import nbconvert.exporters.html  # noqa: F401

            if "pdf" in formats and engine == "weasyprint":
                import weasyprint  # noqa: F401

    _avoid_slow_imports()
    thread = threading.Thread(target=work, name="livebrief-warm", daemon=True)
    thread.start()
    return thread


def _header_meta(nb: Any) -> dict[str, str]:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            meta = out.get("metadata", {}).get(META_KEY)
            if meta:
                return dict(meta)
    return {}


@contextmanager
def _staged(folder: Path, names: Sequence[str]) -> Iterator[dict[str, Path]]:
    """Yield temporary paths beside the targets; rename them all only if the block succeeds."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the report folder ({exc.strerror})") from exc
    tmp = {n: folder / f".{n}.tmp-{os.getpid()}" for n in names}
    try:
        yield tmp
        for name, path in tmp.items():
            if path.exists():
                os.replace(path, folder / name)
    finally:
        for path in tmp.values():
            with suppress(FileNotFoundError):
                path.unlink()


def check_options(formats: Sequence[str], pdf_engine: str) -> None:
    """Raise :class:`UsageError` for an unknown format or PDF engine."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r} (choose from {', '.join(FORMATS)})")
    if pdf_engine not in PDF_ENGINES:
        raise UsageError(f"unknown PDF engine {pdf_engine!r} (choose from "
                         f"{', '.join(PDF_ENGINES)})")


def render(
    source: str | Path,
    *,
    out: Path = Path("reports"),
    formats: Sequence[str] = FORMATS,
    parameters: dict[str, Any] | None = None,
    notebook: Path | None = None,
    pdf_engine: str = "weasyprint",
    cwd: Path | None = None,
) -> Report:
    """Brief one source: execute the notebook, then write HTML and/or PDF.

    Parameters
    ----------
    source
        The live-page file; passed to the notebook as its ``source`` parameter.
    out
        Folder under which ``<page-slug>/briefing.*`` is written.
    formats
        Any of ``"html"`` and ``"pdf"``; the executed ``.ipynb`` is always kept.
    parameters
        Further notebook parameters (``date``, ``tz``, ``bin_minutes``, ``top_authors``,
        ``title``).
    notebook
        The notebook to run (default: :func:`default_notebook`); its folder's ``templates/``
        holds the house template.
    pdf_engine
        ``"weasyprint"`` (default) or ``"chromium"``.
    cwd
        Working folder of the kernel (default: the current one).

    Raises
    ------
    InputError
        When the source or the notebook does not exist.
    RenderError
        When a cell fails or an export fails; nothing of the previous briefing is replaced.
    """
    check_options(formats, pdf_engine)
    nb_path = Path(notebook) if notebook else default_notebook()
    if not nb_path.is_file():
        raise InputError(f"{nb_path}: no such notebook (see --notebook)")
    base = Path(cwd) if cwd else Path.cwd()
    if not (base / source).exists():
        raise InputError(f"{source}: no such file")
    started = time.perf_counter()
    timings: dict[str, float] = {}
    warm = _warm(formats, pdf_engine)
    params = {**(parameters or {}), "source": str(source)}
    with tempfile.TemporaryDirectory(prefix="lb-render-") as work:
        executed = Path(work) / "briefing.ipynb"
        try:
            nb = execute(nb_path, executed, params, cwd=base)
        except RenderError as exc:
            kept = Path(out) / f"{Path(source).stem}.failed.ipynb"
            if executed.exists():
                with suppress(OSError):
                    kept.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(executed, kept)
                    raise RenderError(f"{source}: {exc} (executed notebook: {kept})") from None
            raise RenderError(f"{source}: {exc}") from None
        timings["execute"] = time.perf_counter() - started
        meta = _header_meta(nb)
        slug = meta.get("slug") or Path(source).stem
        title = meta.get("title") or slug
        nb.metadata["title"] = title
        folder = Path(out) / slug
        report = Report(str(source), folder, folder / "briefing.ipynb", title=title,
                        timings=timings)
        names = ["briefing.ipynb"] + [f"briefing.{f}" for f in FORMATS if f in formats]
        warm.join()
        with _staged(folder, names) as tmp:
            _write_outputs(nb, nb_path, tmp, formats, pdf_engine, timings)
        report.html = folder / "briefing.html" if "html" in formats else None
        report.pdf = folder / "briefing.pdf" if "pdf" in formats else None
    timings["total"] = time.perf_counter() - started
    log.info("%s: briefing in %s (%.1f s)", source, folder, timings["total"])
    return report


def _write_outputs(
    nb: Any,
    nb_path: Path,
    tmp: dict[str, Path],
    formats: Sequence[str],
    pdf_engine: str,
    timings: dict[str, float],
) -> None:
    import nbformat

    t0 = time.perf_counter()
    nbformat.write(nb, str(tmp["briefing.ipynb"]))
    if not {"html", "pdf"} & set(formats):
        return
    html_path = tmp.get("briefing.html") or tmp["briefing.ipynb"].with_suffix(".html-tmp")
    try:
        html_path.write_text(export_html(nb, nb_path.parent / "templates"), encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{html_path.parent}: cannot write the HTML ({exc.strerror})") from exc
    except Exception as exc:  # nbconvert and jinja raise many kinds; name the step
        raise RenderError(f"HTML export failed: {type(exc).__name__}: {_one_line(str(exc))}")\
            from exc
    timings["html"] = time.perf_counter() - t0
    if "pdf" in formats:
        t1 = time.perf_counter()
        # The renamed name must end in .html for Chromium to read it as a page.
        page = html_path.with_name(html_path.name + ".html")
        os.replace(html_path, page)
        try:
            PDF_WRITERS[pdf_engine](page, tmp["briefing.pdf"])
        except RenderError:
            raise
        except Exception as exc:
            raise RenderError(f"PDF export with {pdf_engine} failed: {type(exc).__name__}: "
                              f"{_one_line(str(exc))}") from exc
        finally:
            os.replace(page, html_path)
        timings["pdf"] = time.perf_counter() - t1
    if "html" not in formats:
        html_path.unlink(missing_ok=True)


def render_many(sources: Sequence[str | Path], **kwargs: Any) -> list[Report]:
    """Brief each source in turn with :func:`render`; stop at the first failure."""
    return [render(s, **kwargs) for s in sources]

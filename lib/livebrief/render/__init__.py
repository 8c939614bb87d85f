"""Briefings: run the briefing notebook with papermill, export HTML and PDF, in one process.

:func:`render` executes ``notebooks/briefing.ipynb`` for one source in a kernel of *this*
Python (:mod:`~livebrief.render.execute`: a venv or conda env works without registering a
kernel), exports HTML through nbconvert with the house template (:mod:`~livebrief.render.html`)
and prints it to PDF with WeasyPrint or headless Chromium (:mod:`~livebrief.render.pdf`).
Outputs land in ``<out>/<page-slug>/briefing.{ipynb,html,pdf}``, each written to a temporary
file and renamed once all of them are ready, so a failed run leaves the previous briefing
intact.

:func:`report` (``livebrief report``) also takes URLs: each is fetched once and kept as fetched
(:mod:`~livebrief.render.sources`), and the copy is briefed.

Heavy imports happen inside the functions. The kernel is started first, so that it boots while
this process imports papermill and nbconvert; WeasyPrint is imported on a second thread while
the kernel runs the notebook.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from livebrief.errors import InputError, OutputError, RenderError, UsageError
from livebrief.fetch import FetchOptions, is_url
from livebrief.render.execute import (
    avoid_slow_imports,
    execute,
    one_line,
    start_kernel,
    stop_kernel,
)
from livebrief.render.guard import check_out_folder, check_source, folder_name
from livebrief.render.html import HIDDEN_TAGS, TEMPLATE, export_html, warm_exporter
from livebrief.render.pdf import CHROMIUM_FLAGS, engines, pdf_timeout, write_pdf
from livebrief.render.pdf import warm_up as warm_pdf
from livebrief.render.sources import check_urls, resolve

__all__ = [
    "CHROMIUM_FLAGS",
    "FORMATS",
    "HIDDEN_TAGS",
    "TEMPLATE",
    "Report",
    "avoid_slow_imports",
    "default_notebook",
    "execute",
    "export_html",
    "notebook_parameters",
    "parse_parameters",
    "render",
    "report",
    "start_kernel",
    "stop_kernel",
]

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("html", "pdf")
#: Output metadata key under which the notebook's header names the page's slug and title
#: (the same as ``livebrief.briefing.META_KEY``, without importing pandas here).
META_KEY = "livebrief"


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

    @property
    def files(self) -> list[Path]:
        """The files written: the executed notebook, then the HTML and PDF asked for."""
        return [p for p in (self.notebook, self.html, self.pdf) if p is not None]


def project_root() -> Path:
    """The folder holding ``notebooks/``: the source tree of an editable install, else cwd."""
    here = Path(__file__).resolve().parents[3]
    return here if (here / "notebooks").is_dir() else Path.cwd()


def default_notebook() -> Path:
    """The bundled briefing notebook, ``notebooks/briefing.ipynb``."""
    return project_root() / "notebooks" / "briefing.ipynb"


def check_options(formats: Sequence[str], pdf_engine: str) -> None:
    """Raise :class:`UsageError` for an unknown format or PDF engine."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UsageError(
            f"unknown format {','.join(unknown) or '(none)'!r} (choose from {', '.join(FORMATS)})"
        )
    if pdf_engine not in engines():
        raise UsageError(f"unknown PDF engine {pdf_engine!r} (choose from {', '.join(engines())})")
    if "pdf" in formats and pdf_engine == "chromium":
        pdf_timeout()  # a bad $LIVEBRIEF_PDF_TIMEOUT fails now, not after the notebook ran


def _convert(name: str, text: str, kind: str) -> Any:
    try:
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        if kind == "bool":
            if text.lower() not in {"true", "false", "1", "0", "yes", "no"}:
                raise ValueError(text)
            return text.lower() in {"true", "1", "yes"}
    except ValueError:
        raise UsageError(f"-p {name}={text!r}: expected {kind}") from None
    return text


#: A typed parameter line, ``name: type = value  # help`` (papermill's own reading of it).
_PARAMETER = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>[A-Za-z_][\w\[\], ]*?)\s*=")


def notebook_parameters(notebook: Path) -> dict[str, str]:
    """Read the names and declared types of a notebook's ``parameters`` cell.

    The same reading as ``papermill --help-notebook``, without importing papermill (a second
    before the kernel could start); a test checks that both agree.

    Raises
    ------
    InputError
        When the notebook cannot be read or has no ``parameters`` cell.
    """
    try:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{notebook}: not a readable notebook ({exc})") from exc
    for cell in nb.get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            src = cell.get("source", "")
            lines = "".join(src).splitlines() if isinstance(src, list) else src.splitlines()
            found = (_PARAMETER.match(line) for line in lines)
            return {m["name"]: m["type"].strip() for m in found if m}
    raise InputError(f"{notebook}: no cell tagged 'parameters'")


def parse_parameters(pairs: Sequence[str], notebook: Path) -> dict[str, Any]:
    """Turn ``NAME=VALUE`` strings into typed notebook parameters.

    Each name must be one of the notebook's parameters (its typed ``parameters`` cell, as
    ``papermill --help-notebook`` shows them); the value is converted to that type.

    Raises
    ------
    UsageError
        For a malformed pair, an unknown name, ``source`` (given as SOURCE instead) or a value
        of the wrong type.
    """
    if not pairs:
        return {}
    known = notebook_parameters(notebook)
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(f"-p {pair!r}: expected NAME=VALUE")
        if name in ("source", "url"):
            raise UsageError(f"-p {name}=...: give the file or URL as SOURCE instead")
        if name not in known:
            raise UsageError(
                f"-p {name}: {notebook.name} has no such parameter "
                f"(it has: {', '.join(n for n in known if n != 'source')})"
            )
        out[name] = _convert(name, value, known[name])
    return out


class _Warm(threading.Thread):
    """Prepares the exporters on a second thread while the kernel runs the notebook.

    The kernel is another process, so on two cores this costs no wall time: nbconvert compiles
    its templates and WeasyPrint loads its fonts meanwhile. papermill and nbconvert are imported
    before the thread starts, so the two threads never import the same package at once (which
    could meet a partly initialised module); WeasyPrint shares no module with them.
    """

    def __init__(self, template_dir: Path, formats: Sequence[str], engine: str) -> None:
        super().__init__(name="livebrief-warm", daemon=True)
        self.template_dir, self.formats, self.engine = template_dir, formats, engine
        self.exporter: Any = None
        avoid_slow_imports()
        import nbconvert.exporters.html  # noqa: F401
        import papermill  # noqa: F401

    def run(self) -> None:
        # A failure here only loses the head start: the export itself reports real errors.
        with suppress(Exception):
            self.exporter = _cached_exporter(self.template_dir)
        if "pdf" in self.formats:
            with suppress(Exception):
                warm_pdf(self.engine)


#: Warmed exporters by template folder and its files' times: a process that renders many
#: briefings (``livebrief run``'s workers, ``livebrief report`` with several sources) compiles
#: the templates once (about 0.25 s of CPU a briefing otherwise), and again if they change.
_EXPORTERS: dict[tuple[str, tuple[int, ...]], Any] = {}


def _cached_exporter(template_dir: Path) -> Any:
    files = sorted(p for p in template_dir.rglob("*") if p.is_file())
    key = (str(template_dir.resolve()), tuple(p.stat().st_mtime_ns for p in files))
    if key not in _EXPORTERS:
        _EXPORTERS.clear()
        _EXPORTERS[key] = warm_exporter(template_dir)
    return _EXPORTERS[key]


def _header_meta(nb: Any) -> dict[str, str]:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            meta = out.get("metadata", {}).get(META_KEY)
            if meta:
                return dict(meta)
    return {}


@contextmanager
def _staged(folder: Path, names: Sequence[str]) -> Iterator[dict[str, Path]]:
    """Yield temporary paths beside the targets; rename them all only if the block succeeds.

    On a failure the temporary files go, and so do the folders made here for them.
    """
    made = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the report folder ({exc.strerror})") from exc
    tmp = {n: folder / f".{n}.tmp-{os.getpid()}-{threading.get_ident()}" for n in names}
    try:
        yield tmp
        for name, path in tmp.items():
            if path.exists():
                os.replace(path, folder / name)
        made = []
    finally:
        for path in tmp.values():
            with suppress(FileNotFoundError):
                path.unlink()
        for path in made:  # deepest first; one that is no longer empty stays
            with suppress(OSError):
                path.rmdir()


def _run(
    nb_path: Path,
    executed: Path,
    source: str | Path,
    params: dict[str, Any],
    base: Path,
    failed: Path,
    formats: Sequence[str],
    pdf_engine: str,
) -> tuple[Any, _Warm]:
    """Start the kernel and the warm-up thread, then execute the notebook into ``executed``."""
    km = start_kernel(base)
    try:
        warm = _Warm(nb_path.parent / "templates", formats, pdf_engine)
        warm.start()
    except BaseException:
        stop_kernel(km)
        raise
    try:
        nb = execute(nb_path, executed, params, km=km)
    except RenderError as exc:
        # Keep the executed notebook, tracebacks and all, beside the reports.
        with suppress(OSError):
            failed.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(executed, failed)
            raise RenderError(f"{source}: {exc} (executed notebook: {failed})") from None
        raise RenderError(f"{source}: {exc}") from None
    with suppress(OSError):  # a stale record of an earlier failure; never fail a good run on it
        failed.unlink()
    return nb, warm


def render(
    source: str | Path,
    *,
    out: Path = Path("reports"),
    formats: Sequence[str] = FORMATS,
    parameters: dict[str, Any] | None = None,
    notebook: Path | None = None,
    pdf_engine: str = "weasyprint",
    cwd: Path | None = None,
    folder: Path | None = None,
) -> Report:
    """Brief one source: execute the notebook, then write HTML and/or PDF beside it.

    Parameters
    ----------
    source
        The live-page file; passed to the notebook as its ``source`` parameter (relative to
        ``cwd``). ``""`` for none: then ``parameters`` name what the notebook reads (such as
        ``page_key``, a page of the store).
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
    folder
        Write ``briefing.*`` (and ``briefing.failed.ipynb`` on a failure) right in this
        folder instead of ``<out>/<page-slug>/``.

    Raises
    ------
    InputError
        When the source or the notebook does not exist.
    RenderError
        When a cell or an export fails; the previous briefing is then left as it was.
    """
    check_options(formats, pdf_engine)
    nb_path = Path(notebook) if notebook else default_notebook()
    if not nb_path.is_file():
        raise InputError(f"{nb_path}: no such notebook (see --notebook)")
    base = Path(cwd) if cwd else Path.cwd()
    if str(source) and not (base / source).is_file():
        raise InputError(f"{source}: no such file")
    label = str(source) or str(folder or out)
    check_out_folder(Path(folder or out))  # before the kernel starts, not after the notebook ran
    failed = Path(folder or out) / (
        "briefing.failed.ipynb" if folder else f"{folder_name(Path(source).stem)}.failed.ipynb"
    )
    started = time.perf_counter()
    params = {**(parameters or {}), "source": str(source)}
    with tempfile.TemporaryDirectory(prefix="lb-render-") as work:
        executed = Path(work) / "briefing.ipynb"
        nb, warm = _run(nb_path, executed, label, params, base, failed, formats, pdf_engine)
        timings = {"execute": time.perf_counter() - started}
        meta = _header_meta(nb)
        # The slug comes from the page's title (via the notebook): keep it a plain name.
        slug = folder_name(str(meta.get("slug") or "") or Path(source).stem)
        nb.metadata["title"] = title = meta.get("title") or slug
        folder = Path(folder) if folder else Path(out) / slug
        record = folder / "briefing.ipynb"
        report = Report(str(source), folder, record, title=title, timings=timings)
        names = ["briefing.ipynb", "briefing.html"]
        names += ["briefing.pdf"] if "pdf" in formats else []
        warm.join()
        with _staged(folder, names) as tmp:
            _write_outputs(nb, executed, nb_path, tmp, formats, pdf_engine, timings, warm.exporter)
    report.html = folder / "briefing.html" if "html" in formats else None
    report.pdf = folder / "briefing.pdf" if "pdf" in formats else None
    timings["total"] = time.perf_counter() - started
    log.info("%s: briefing in %s (%.1f s)", label, folder, timings["total"])
    return report


def _write_outputs(
    nb: Any,
    executed: Path,
    nb_path: Path,
    tmp: dict[str, Path],
    formats: Sequence[str],
    pdf_engine: str,
    timings: dict[str, float],
    exporter: Any = None,
) -> None:
    t0 = time.perf_counter()
    html_path = tmp["briefing.html"]
    try:
        shutil.copyfile(executed, tmp["briefing.ipynb"])  # as papermill wrote it
        text = export_html(nb, nb_path.parent / "templates", exporter=exporter)
        html_path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(
            f"{html_path.parent}: cannot write the briefing ({exc.strerror or exc}); free some "
            "space or choose another output folder"
        ) from exc
    except Exception as exc:  # nbconvert and jinja raise many kinds; name the step
        raise RenderError(
            f"HTML export failed: {type(exc).__name__}: {one_line(str(exc))}"
        ) from exc
    timings["html"] = time.perf_counter() - t0
    if "pdf" in formats:
        t1 = time.perf_counter()
        # Chromium reads a file as a page only when its name ends in .html.
        page = html_path.with_name(html_path.name + ".html")
        os.replace(html_path, page)
        try:
            write_pdf(pdf_engine, page, tmp["briefing.pdf"])
        finally:
            os.replace(page, html_path)
        timings["pdf"] = time.perf_counter() - t1
    if "html" not in formats:
        html_path.unlink()


def report(
    sources: Sequence[str | Path],
    *,
    out: Path = Path("reports"),
    formats: str | Sequence[str] = FORMATS,
    parameters: Sequence[str] = (),
    notebook: Path | None = None,
    pdf_engine: str = "weasyprint",
    raw: Path | None = None,
    fetch_options: FetchOptions | None = None,
) -> list[Report]:
    """What ``livebrief report`` does: brief each source in turn, stopping at the first failure.

    Parameters
    ----------
    sources
        Live-page files and ``http``/``https`` URLs, one briefing each. A URL is fetched once,
        kept as fetched under ``raw`` and briefed from that copy (:mod:`.sources`).
    formats
        ``"html,pdf"`` or a sequence of format names.
    parameters
        ``NAME=VALUE`` strings for the notebook (see :func:`parse_parameters`).
    raw
        Folder where fetched pages are kept (default: ``raw/`` beside the store).
    fetch_options
        Time, retry and size limits of fetching the URLs (default: :class:`FetchOptions`).
    out, notebook, pdf_engine
        As for :func:`render`.

    Raises
    ------
    UsageError
        For a bad option or parameter, or a URL livebrief does not fetch (``file://``).
    InputError
        For a file that is missing or holds no entries, or a fetched page without entries.
    FetchError
        For a URL that cannot be fetched (HTTP 404, time-out, ...).
    """
    if isinstance(formats, str):
        formats = [f.strip() for f in formats.split(",") if f.strip()]
    check_options(formats, pdf_engine)
    nb_path = Path(notebook) if notebook else default_notebook()
    if not nb_path.is_file():
        raise InputError(f"{nb_path}: no such notebook (see --notebook)")
    params = parse_parameters(parameters, nb_path)
    check_urls(sources)
    for source in sources:  # fail before any fetch or kernel, with the input's own error
        if not is_url(str(source)):
            check_source(source, params)
    check_out_folder(Path(out))
    inputs = [resolve(s, raw=raw, options=fetch_options) for s in sources]
    for item in inputs:
        if item.url:
            try:
                check_source(item.path, params)
            except InputError as exc:  # name the URL the user gave, not only the copy kept
                raise type(exc)(f"{item.url}: fetched, but {exc}") from None
    # A notebook of the user's own that has no ``url`` parameter is not given one.
    told = "url" in notebook_parameters(nb_path)
    return [
        render(
            item.path,
            out=out,
            formats=formats,
            parameters={**params, **(item.parameters if told else {})},
            notebook=nb_path,
            pdf_engine=pdf_engine,
        )
        for item in inputs
    ]

"""Run a notebook with papermill in a kernel of this very Python.

The kernel is started by :func:`start_kernel` (so it can boot while the caller imports
papermill and nbconvert) and handed to papermill through a small registered engine, which stops
it when the notebook is done.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any

from livebrief.errors import RenderError

log = logging.getLogger(__name__)

#: Code the kernel runs while it boots, in parallel with this process's imports: the import the
#: notebook makes, and a first chart drawn so that fonts are loaded. It leaves no names behind.
PRELOAD: tuple[str, ...] = ("import livebrief.briefing as _lb", "_lb.warm_up()", "del _lb")


def one_line(text: str, limit: int = 300) -> str:
    """Squeeze ``text`` onto one line of at most ``limit`` characters, for error messages."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def avoid_slow_imports() -> None:
    """Keep jsonschema from loading its optional IRI checker (call before importing nbformat).

    jsonschema, which nbformat imports, loads ``rfc3987_syntax`` when it is installed; that
    builds a Lark grammar at import, 1.5-2.5 s here, for a string format that no notebook
    schema uses. Marked absent, jsonschema simply skips that checker.
    """
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]


@cache
def kernel_manager_class() -> type[Any]:
    """A kernel manager that always starts ipykernel in this interpreter, over IPC.

    Registered kernelspecs are not consulted, so a user's stale ``python3`` kernel cannot run
    the notebook in another environment, and nobody has to register one. On POSIX the kernel
    talks over Unix sockets in a private temporary folder instead of TCP ports, which avoids
    the port race of kernels started in parallel (papermill issue 511).
    """
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

    class ThisPythonKernelManager(AsyncKernelManager):
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
            # terminal; cell errors reach us as messages.
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


def start_kernel(cwd: Path | None = None, preload: Sequence[str] = PRELOAD) -> Any:
    """Start a kernel of this Python now, so that it boots while papermill is imported.

    Parameters
    ----------
    cwd
        The kernel's working folder (default: the current one).
    preload
        Lines of code the kernel runs as it starts (IPython's ``exec_lines``).

    Returns
    -------
    jupyter_client.manager.AsyncKernelManager
        A started kernel manager; :func:`execute` stops it, or call :func:`stop_kernel`.

    Raises
    ------
    RenderError
        When the kernel process cannot be started.
    """
    km = kernel_manager_class()(kernel_name="python3")
    args = ["--HistoryManager.hist_file=:memory:"]
    if preload:
        args.append(f"--IPKernelApp.exec_lines={list(preload)!r}")
    try:
        asyncio.run(km.start_kernel(cwd=str(cwd or Path.cwd()), extra_arguments=args))
    except Exception as exc:
        raise RenderError(f"the notebook kernel did not start: {one_line(str(exc))}") from exc
    return km


def stop_kernel(km: Any) -> None:
    """Stop a kernel started by :func:`start_kernel`, at once (its work is done)."""
    if km.has_kernel:
        with suppress(Exception):
            asyncio.run(km.shutdown_kernel(now=True))


@cache
def engine_name() -> str:
    """Register (once) and name the papermill engine that runs a kernel started here."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger

    class StartedKernelEngine(NBClientEngine):  # type: ignore[misc]
        """papermill's nbclient engine, given a started kernel that it stops when done."""

        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man: Any,
            kernel_name: str,
            log_output: bool = False,
            stdout_file: Any = None,
            stderr_file: Any = None,
            start_timeout: int = 60,
            execution_timeout: int | None = None,
            **kwargs: Any,
        ) -> Any:
            client = PapermillNotebookClient(
                nb_man,
                km=kwargs["km"],
                kernel_name=kernel_name,
                timeout=execution_timeout,
                startup_timeout=start_timeout,
                log=logger,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
                shutdown_kernel="immediate",
            )
            # cleanup_kc: stop the client's channels and the kernel even though the client
            # did not create the kernel manager.
            return client.execute(cleanup_kc=True)

    papermill_engines.register("livebrief", StartedKernelEngine)
    return "livebrief"


def execute(
    notebook: Path,
    output: Path,
    parameters: dict[str, Any],
    *,
    cwd: Path | None = None,
    timeout: int = 600,
    km: Any = None,
) -> Any:
    """Execute ``notebook`` with papermill, writing the executed notebook to ``output``.

    Parameters
    ----------
    notebook, output
        The notebook to run and where to write the executed copy.
    parameters
        Values for the notebook's parameters cell.
    cwd
        Working folder of the kernel, when one is started here.
    timeout
        Seconds a cell may run.
    km
        A kernel from :func:`start_kernel`; without one, one is started here. Either way it
        is stopped when the notebook is done.

    Returns
    -------
    nbformat.NotebookNode
        The executed notebook.

    Raises
    ------
    RenderError
        When a cell fails (naming the cell and the cause) or the kernel fails.
    """
    avoid_slow_imports()
    import papermill
    from papermill.exceptions import PapermillExecutionError

    _quiet_papermill()
    if km is None:
        km = start_kernel(cwd)
    try:
        return papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters,
            engine_name=engine_name(),
            kernel_name="python3",
            language="python",  # the kernel is always this Python, whatever the metadata says
            progress_bar=False,
            # Write the executed notebook once, at the end (or on an error), not before and
            # after every cell: each write validates the whole notebook, images and all.
            request_save_on_cell_execute=False,
            start_timeout=60,
            execution_timeout=timeout,
            km=km,
        )
    except PapermillExecutionError as exc:
        first = next((ln for ln in exc.source.splitlines() if ln.strip()), "").strip()
        raise RenderError(
            f"{notebook.name}: cell {exc.cell_index} (`{first[:60]}`) failed: "
            f"{exc.ename}: {one_line(exc.evalue)}"
        ) from None
    except (RuntimeError, TimeoutError) as exc:
        raise RenderError(
            f"{notebook.name}: the kernel failed: {one_line(str(exc))} (its process ended or "
            "stopped answering: out of memory, a crash, os._exit; run the notebook in "
            "JupyterLab to see where)"
        ) from exc
    finally:
        stop_kernel(km)


def _quiet_papermill() -> None:
    # papermill and nbclient log a failure (such as "Kernel died while waiting for execute
    # reply") before raising it; without a handler of their own, Python's last-resort handler
    # would print it as a second line beside livebrief's one-line error.
    logger = logging.getLogger("papermill")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())

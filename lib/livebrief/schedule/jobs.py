"""Render briefings, one after another or in parallel worker processes.

Each briefing is a :class:`Task` (plain data, so it can cross to another process) and comes
back as an :class:`Outcome`. With ``jobs > 1`` the tasks go to a
:class:`~concurrent.futures.ProcessPoolExecutor` started with ``spawn``: each worker is a fresh
interpreter that renders one briefing at a time, its kernel a child of its own (one kernel per
process), talking over Unix sockets in a private folder (:mod:`livebrief.render.execute`), so
kernels started at once cannot race for a port. A worker pays its imports once and then renders
many briefings.

A worker whose parent run dies (killed, even with SIGKILL) exits within half a second, and its
kernel follows (ipykernel watches its parent too): a killed run leaves no process behind to
finish a briefing it will never record. Outputs are renamed into place only once complete
(:func:`livebrief.render.render`), so whatever is killed, the previous briefing stays whole.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import tempfile
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from livebrief.errors import LivebriefError
from livebrief.remote import publish

log = logging.getLogger(__name__)

RENDERED, SKIPPED, FAILED = "rendered", "skipped", "failed"


@dataclass(frozen=True)
class Task:
    """One briefing to render: the arguments of :func:`livebrief.render.render`."""

    name: str
    notebook: Path
    parameters: dict[str, Any]
    formats: tuple[str, ...]
    output: Path | str
    pdf_engine: str
    cwd: Path


@dataclass
class Outcome:
    """What became of one briefing in a run.

    ``status`` is ``rendered``, ``skipped`` (nothing it depends on changed) or ``failed``
    (``error`` says why); ``seconds`` is the wall time spent on it; ``outputs`` its files.
    """

    name: str
    status: str
    seconds: float = 0.0
    outputs: list[Path | str] = field(default_factory=list)
    error: str = ""
    #: The traceback of the failure, which ``livebrief run --debug`` shows; empty for none.
    trace: str = ""


def render_task(task: Task) -> Outcome:
    """Render one briefing; every failure becomes a ``failed`` outcome, never an exception.

    A briefing whose output is a URL is rendered into a temporary folder here and then
    published there (:func:`livebrief.remote.publish`), each file whole.
    """
    started = time.perf_counter()
    try:
        if isinstance(task.output, Path):
            files: list[Path | str] = [*_render(task, task.output)]
        else:
            with tempfile.TemporaryDirectory(prefix="livebrief-publish-") as tmp:
                made = _render(task, Path(tmp) / "briefing")
                files = [*publish(made, task.output)]
    except LivebriefError as exc:
        seconds = time.perf_counter() - started
        return Outcome(task.name, FAILED, seconds, error=str(exc), trace=traceback.format_exc())
    except Exception as exc:  # a bug, but one briefing's bug must not stop the others
        log.debug("%s: unexpected failure", task.name, exc_info=True)
        error = f"unexpected {type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - started
        return Outcome(task.name, FAILED, seconds, error=error, trace=traceback.format_exc())
    return Outcome(task.name, RENDERED, time.perf_counter() - started, files)


def _render(task: Task, folder: Path) -> list[Path]:
    from livebrief import render

    report = render.render(
        "",
        out=folder.parent,
        folder=folder,
        formats=task.formats,
        parameters=task.parameters,
        notebook=task.notebook,
        pdf_engine=task.pdf_engine,
        cwd=task.cwd,
    )
    return list(report.files)


def run_tasks(tasks: Sequence[Task], jobs: int) -> Iterator[Outcome]:
    """Render ``tasks`` with up to ``jobs`` worker processes; yield each outcome as it comes.

    With ``jobs`` 1 (or one task) they are rendered here, one after another. Interrupted, the
    workers are stopped at once: their briefings were not recorded, the next run redoes them.
    """
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield render_task(task)
        return
    context = multiprocessing.get_context("spawn")
    level = logging.getLogger("livebrief").getEffectiveLevel()
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(tasks)),
        mp_context=context,
        initializer=_worker_start,
        initargs=(os.getpid(), level),
    ) as pool:
        futures: dict[Future[Outcome], Task] = {pool.submit(render_task, t): t for t in tasks}
        try:
            for future in as_completed(futures):
                yield _result(future, futures[future])
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            # The executor has no public way to stop a running task; its processes do.
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            raise


def _result(future: Future[Outcome], task: Task) -> Outcome:
    try:
        return future.result()
    except BrokenProcessPool:
        return Outcome(task.name, FAILED, error="its worker process died (out of memory?)")


def _worker_start(parent: int, level: int) -> None:
    logging.getLogger("livebrief").setLevel(level)
    threading.Thread(
        target=_watch_parent, args=(parent,), name="livebrief-watch", daemon=True
    ).start()


def _watch_parent(parent: int) -> None:
    # When the run is gone, nobody will record this briefing: stop at once. The kernel, a
    # child of this worker, notices that its own parent went away and stops too.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)

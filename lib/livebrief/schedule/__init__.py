"""Scheduled briefings: ``livebrief run briefings.yml``, incremental and parallel.

One :func:`run`:

1. takes the run lock of the store (:mod:`~livebrief.schedule.lock`): an overlapping run
   waits for this one, up to ``wait`` seconds;
2. ingests each briefing's sources into the store under its page key
   (:func:`livebrief.ingest.ingest`: unchanged files and URLs cost next to nothing);
3. fingerprints each briefing: its page's latest snapshot, its parameters, formats, output
   folder, and the SHA-256 of its notebook and templates. A briefing whose fingerprint is that
   of its last successful run, with its outputs still there, is skipped (``force`` redoes it);
4. renders the rest (:mod:`~livebrief.schedule.jobs`), ``jobs`` at a time, each reading its
   page from the store and told the snapshot its last briefing saw, for the "New since the
   last briefing" section;
5. records each run in the store's ``runs`` table as it finishes: only then does a briefing
   count as done, so a run killed midway is simply redone next time.

A briefing that fails (a source that cannot be read, a failing cell) fails alone: the others
are still rendered and the outcome says why.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import traceback
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from livebrief.errors import LivebriefError, StoreError
from livebrief.remote import exists, join
from livebrief.schedule.config import BriefingSpec, Config, load_config
from livebrief.schedule.jobs import FAILED, RENDERED, SKIPPED, Outcome, Task, run_tasks
from livebrief.schedule.lock import DEFAULT_WAIT, run_lock
from livebrief.schedule.progress import Progress, summary_table

__all__ = [
    "DEFAULT_WAIT",
    "FAILED",
    "RENDERED",
    "SKIPPED",
    "BriefingSpec",
    "Config",
    "Outcome",
    "Progress",
    "fingerprint",
    "load_config",
    "run",
    "summary_table",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Plan:
    spec: BriefingSpec
    task: Task
    inputs_sha256: str
    snapshot_id: int


def run(
    config: Config,
    *,
    store: str | Path | None = None,
    jobs: int = 1,
    force: bool = False,
    wait: float = DEFAULT_WAIT,
    progress: Progress | None = None,
    executor: str = "local",
    scheduler: str | None = None,
) -> list[Outcome]:
    """Ingest, then render the briefings of ``config`` whose inputs changed.

    Parameters
    ----------
    config
        A checked briefings file (:func:`load_config`).
    store
        The store; default: the file's ``store``, else ``$LIVEBRIEF_STORE``, else
        ``data/livebrief.duckdb``.
    jobs
        Briefings rendered at once, each in its own worker process.
    force
        Render every briefing, changed or not.
    wait
        Seconds to wait for an overlapping run to finish.
    progress
        Where to report progress (default: nowhere).
    executor, scheduler
        ``"local"``: render in this machine's processes; ``"dask"``: on the Dask cluster at
        ``scheduler`` (``tcp://HOST:8786``, or ``"local"``: ``jobs`` local workers), see
        :func:`livebrief.cluster.render_on_cluster`. Either way this process keeps the lock
        and records the runs.

    Returns
    -------
    list[Outcome]
        One per briefing, in the file's order.

    Raises
    ------
    StoreError
        When another run still holds the lock after ``wait`` seconds, or the store cannot be
        used; briefings already rendered are recorded.
    """
    from livebrief.store import resolve_path

    report = progress or Progress(None)
    store_path = resolve_path(store or config.store).absolute()
    with run_lock(store_path, wait, report.note):
        outcomes: dict[str, Outcome] = {}
        _ingest_all(config, store_path, outcomes, report)
        plans = _plan(config, store_path, force, outcomes)
        skipped = sum(o.status == SKIPPED for o in outcomes.values())
        report.note(f"{len(plans)} to render, {skipped} unchanged")
        by_name = {p.spec.name: p for p in plans}
        report.start(len(plans))
        try:
            tasks = [p.task for p in plans]
            if executor == "dask":
                from livebrief.cluster import render_on_cluster

                done = render_on_cluster(tasks, scheduler, jobs)
            else:
                done = run_tasks(tasks, jobs)
            for outcome in done:
                outcomes[outcome.name] = _record(store_path, by_name[outcome.name], outcome)
                report.done(outcomes[outcome.name])
        finally:
            report.close()
    return [outcomes[spec.name] for spec in config.briefings]


def _ingest_all(
    config: Config, store_path: Path, outcomes: dict[str, Outcome], report: Progress
) -> None:
    from livebrief.ingest import IngestOptions, ingest

    done: dict[tuple[object, ...], str] = {}
    traces: dict[tuple[object, ...], str] = {}  # for --debug
    for spec in config.briefings:
        options = IngestOptions(page_key=spec.page_key, date=spec.ingest_date, tz=spec.ingest_tz)
        key = (spec.sources, spec.page_key, spec.ingest_date, spec.ingest_tz)
        started = time.perf_counter()
        if key not in done:
            try:
                result = ingest(list(spec.sources), store_path, options)
                done[key] = ""
                if result.snapshot_ids:
                    report.note(f"{spec.name}: {result.summary()}")
            except StoreError:
                raise
            except LivebriefError as exc:
                done[key] = f"cannot ingest its sources: {exc}"
                traces[key] = traceback.format_exc()
                report.note(f"{spec.name}: {done[key]}")
        if done[key]:
            seconds = time.perf_counter() - started
            outcomes[spec.name] = Outcome(
                spec.name, FAILED, seconds, error=done[key], trace=traces.get(key, "")
            )


def _plan(
    config: Config, store_path: Path, force: bool, outcomes: dict[str, Outcome]
) -> list[_Plan]:
    from livebrief.store import open_store

    plans: list[_Plan] = []
    if all(spec.name in outcomes for spec in config.briefings):
        return plans
    with open_store(store_path) as st:
        for spec in config.briefings:
            if spec.name in outcomes:
                continue
            snapshot = st.latest_snapshot(spec.page_key)
            if snapshot is None:
                error = f"the store has no snapshot of page {spec.page_key!r}"
                outcomes[spec.name] = Outcome(spec.name, FAILED, error=error)
                continue
            inputs = fingerprint(spec, snapshot)
            last = st.last_run(spec.name)
            if not force and last and last.inputs_sha256 == inputs and _complete(spec):
                outcomes[spec.name] = Outcome(spec.name, SKIPPED, outputs=_outputs(spec))
                continue
            params = {**spec.parameters, "page_key": spec.page_key, "store": str(store_path)}
            if "since_snapshot" in spec.declared:
                params["since_snapshot"] = (last.snapshot_id or 0) if last else 0
            task = Task(
                spec.name,
                spec.notebook,
                params,
                spec.formats,
                spec.output,
                spec.pdf_engine,
                config.folder.resolve(),
            )
            plans.append(_Plan(spec, task, inputs, snapshot))
    return plans


def fingerprint(spec: BriefingSpec, snapshot_id: int) -> str:
    """Return the SHA-256 of what a briefing depends on; equal fingerprints, equal briefings.

    That is: its page key and latest snapshot id (a new snapshot is stored only for changed
    content), its parameters, formats, PDF engine and output folder, and the bytes of its
    notebook and of the templates beside it.
    """
    digest = hashlib.sha256(spec.notebook.read_bytes())
    templates = spec.notebook.parent / "templates"
    if templates.is_dir():
        for path in sorted(p for p in templates.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(templates)).encode("utf-8"))
            digest.update(path.read_bytes())
    parts = {
        "page_key": spec.page_key,
        "snapshot_id": snapshot_id,
        "parameters": spec.parameters,
        "formats": list(spec.formats),
        "pdf_engine": spec.pdf_engine,
        "output": str(spec.output),
        "notebook_sha256": digest.hexdigest(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _outputs(spec: BriefingSpec) -> list[Path | str]:
    names = ["briefing.ipynb", *(f"briefing.{f}" for f in spec.formats)]
    if isinstance(spec.output, Path):
        return [spec.output / name for name in names]
    return [join(spec.output, name) for name in names]


def _complete(spec: BriefingSpec) -> bool:
    return all(p.is_file() if isinstance(p, Path) else exists(p) for p in _outputs(spec))


def _record(store_path: Path, plan: _Plan, outcome: Outcome) -> Outcome:
    from livebrief.store import open_store
    from livebrief.store.records import utcnow

    finished = utcnow()
    details = {
        "outputs": [str(p) for p in outcome.outputs],
        "seconds": round(outcome.seconds, 3),
        "error": outcome.error,
        "parameters": plan.task.parameters,
    }
    try:
        with open_store(store_path, write=True) as st:
            st.record_run(
                outcome.name,
                plan.inputs_sha256,
                status="ok" if outcome.status == RENDERED else "failed",
                started_at=finished - timedelta(seconds=outcome.seconds),
                finished_at=finished,
                snapshot_id=plan.snapshot_id if outcome.status == RENDERED else None,
                details=details,
            )
    except StoreError as exc:
        if outcome.status != RENDERED:
            return outcome
        error = f"rendered, but the run could not be recorded (it will be redone): {exc}"
        return Outcome(outcome.name, FAILED, outcome.seconds, outcome.outputs, error)
    return outcome

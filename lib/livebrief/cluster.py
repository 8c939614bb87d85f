"""Ingest a large corpus on a Dask cluster: workers parse and write Parquet, the driver registers.

:func:`ingest_dataset` is ``livebrief ingest SOURCE... --dataset PATH``. The driver (this
process) lists the sources, skips the files the store says are already in the dataset (same
path, size and modification time, same options) and hands the rest, in batches, to an
executor:

- ``local``: this process reads them one batch after another (no Dask needed);
- ``dask``: the workers of a Dask cluster, ``tcp://HOST:8786`` or ``local`` (a cluster of
  local processes started here). Each task is :func:`livebrief.dataset.ingest_batch`: read,
  parse and write Parquet parts, returning one small record per source.

The entries never come back to the driver: it holds one batch's records at a time and spills
them to a temporary Parquet file, so its memory does not grow with the corpus. A task lost with
its worker is run again by Dask on another worker; the parts are named by content, so the
second run writes the same files and nothing is duplicated. At the end the driver registers
the dataset in the store, in one transaction (:mod:`livebrief.store.datasets`); the store's
lock is held only then, not while the cluster works.

:func:`render_on_cluster` is ``livebrief run --executor dask``: the briefings are rendered on
the workers, while the run (lock, ingest, fingerprints, ``runs`` rows) stays with the caller.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from livebrief.errors import ClusterError, LivebriefError, UsageError

if TYPE_CHECKING:
    from distributed import Client

    from livebrief.dataset import SourceItem, SourceRecord
    from livebrief.ingest import IngestOptions
    from livebrief.schedule.jobs import Outcome, Task
    from livebrief.store.datasets import KnownFile

# The store, the readers, pyarrow and Dask are imported where they are used: the CLI imports
# this module for its option names, and `livebrief parse` should not pay for them.

log = logging.getLogger(__name__)

EXECUTORS = ("local", "dask")
#: ``--scheduler local``: start a cluster of local worker processes for this command.
LOCAL_SCHEDULER = "local"
#: Sources per task: enough to amortise a task's scheduling (about 1 ms), few enough to spread.
DEFAULT_BATCH = 50
#: Source records held before they are spilled to a temporary Parquet file.
SPILL_EVERY = 5000
#: Seconds to wait for a scheduler and for its first worker.
CONNECT_TIMEOUT = 30.0


@dataclass
class DatasetReport:
    """What one dataset ingest did, and where its time went (seconds).

    ``task_seconds`` holds, per task, the time its sources took on the worker (reading,
    parsing, writing); ``timings`` the driver's phases: ``plan`` (listing and skipping),
    ``connect``, ``run`` (from the first task sent to the last record back), ``register``
    and ``total``.
    """

    dataset: str
    name: str
    executor: str
    sources: int = 0
    unchanged: int = 0
    read: int = 0
    added: int = 0
    duplicates: int = 0
    entries: int = 0
    parts_written: int = 0
    workers: int = 1
    task_seconds: list[float] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        """Say in one line what was ingested."""
        parts = [
            f"{self.added} source{'s' if self.added != 1 else ''} added to dataset "
            f"{self.name!r} ({self.entries} entries, {self.parts_written} parts written)"
        ]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged, not read")
        if self.duplicates:
            parts.append(f"{self.duplicates} with the same bytes as another, skipped")
        if not self.read:
            return ", ".join(parts)
        where = "here" if self.executor == "local" else f"on {self.workers} Dask worker(s)"
        return ", ".join(parts) + f"; read {where}"


def ingest_dataset(
    sources: Sequence[str],
    dataset: str | Path,
    store_path: str | Path | None = None,
    options: IngestOptions | None = None,
    *,
    executor: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH,
    name: str | None = None,
) -> DatasetReport:
    """Ingest ``sources`` into a partitioned Parquet dataset and register it in the store.

    Parameters
    ----------
    sources
        Files, folders (searched recursively) and URLs, as for :func:`livebrief.ingest.ingest`;
        every worker must reach the files at the same paths.
    dataset
        The dataset's folder (or fsspec URL such as ``s3://bucket/corpus``), reachable from
        every worker.
    store_path
        The store where the dataset is registered (default as for ``ingest``).
    options
        Page key, date, zone and fetch options (``all_pages`` is not supported here).
    executor
        ``"local"`` (this process) or ``"dask"``.
    scheduler
        For ``"dask"``: ``tcp://HOST:8786``, or ``"local"`` (default) for local processes.
    workers
        With ``scheduler="local"``: how many worker processes (default: one per CPU).
    batch_size
        Sources per task.
    name
        The dataset's name in the store, also its view's (default: from the folder's name).

    Returns
    -------
    DatasetReport
        Counts and timings.

    Raises
    ------
    UsageError, InputError, FetchError, OutputError
        For bad options, or the first source reported that cannot be read, fetched, parsed
        or written; the tasks not yet done are cancelled and nothing is registered.
    ClusterError
        When the cluster cannot be reached, has no workers, or loses a task for good.
    StoreError
        When the store cannot be opened or written.
    """
    from livebrief.store import open_store
    from livebrief.store.datasets import check_name, default_name, known_files, register
    from livebrief.store.records import utcnow

    started = time.perf_counter()
    opts, root, items = _check(sources, dataset, options, executor, batch_size)
    report = DatasetReport(root, name or default_name(root), executor)
    with open_store(store_path, write=True) as store:
        check_name(store, report.name, root)
        known = known_files(store, report.name)
    todo = _plan(items, known, opts, report)
    report.timings["plan"] = time.perf_counter() - started
    batches = [todo[i : i + batch_size] for i in range(0, len(todo), batch_size)]
    with tempfile.TemporaryDirectory(prefix="lb-records-") as spill:
        records = _Records(Path(spill))
        # Nothing to read (a re-run): no cluster to start.
        with _executor(executor if batches else "local", scheduler, workers, report) as run:
            t0 = time.perf_counter()
            with closing(run(batches, root, opts)) as results:  # an error cancels the rest
                for batch in results:
                    report.task_seconds.append(sum(r.seconds for r in batch))
                    for record in batch:
                        records.add(record, report)
            report.timings["run"] = time.perf_counter() - t0
        records.flush()
        t1 = time.perf_counter()
        with open_store(store_path, write=True) as store:
            done = register(
                store,
                report.name,
                root,
                records.files,
                parse_date=opts.date,
                parse_tz=opts.tz,
                now=utcnow(),
            )
        report.timings["register"] = time.perf_counter() - t1
    report.added, report.duplicates, report.entries = done.added, done.duplicates, done.entries
    report.timings["total"] = time.perf_counter() - started
    log.info("%s: %s", root, report.summary())
    return report


def _check(
    sources: Sequence[str],
    dataset: str | Path,
    options: IngestOptions | None,
    executor: str,
    batch_size: int,
) -> tuple[IngestOptions, str, list[SourceItem]]:
    from livebrief.dataset import SourceItem
    from livebrief.ingest import IngestOptions, check_key, expand
    from livebrief.remote import is_remote, local_path

    opts = options or IngestOptions()
    if executor not in EXECUTORS:
        raise UsageError(f"unknown executor {executor!r} (choose from {', '.join(EXECUTORS)})")
    if opts.all_pages:
        raise UsageError(
            "a dataset ingest reads each URL once: list the pages instead of --all-pages"
        )
    if batch_size < 1:
        raise UsageError(f"batch size {batch_size}: give at least 1")
    if opts.page_key is not None:
        check_key(opts.page_key)
    root = str(dataset) if is_remote(str(dataset)) else local_path(str(dataset))
    items = [
        SourceItem(i, s.name, s.is_url) if s.is_url else _stat(i, s.name)
        for i, s in enumerate(expand(sources))
    ]
    return opts, root, items


def _stat(index: int, path: str) -> SourceItem:
    from livebrief.dataset import SourceItem

    try:
        info = os.stat(path)
    except OSError:
        return SourceItem(index, path)  # the worker reports it as unreadable
    return SourceItem(index, path, False, info.st_size, info.st_mtime_ns)


def _plan(
    items: list[SourceItem],
    known: dict[str, KnownFile],
    opts: IngestOptions,
    report: DatasetReport,
) -> list[SourceItem]:
    """Drop the files registered before with this size, time and options; count the rest."""
    trust = os.environ.get("LIVEBRIEF_REREAD", "") in ("", "0")
    todo: list[SourceItem] = []
    for item in items:
        seen = known.get(item.name) if trust and not item.is_url else None
        if (
            seen is not None
            and seen[:2] == (item.size, item.mtime_ns)
            and (opts.page_key is None or seen[3] == opts.page_key)
            and seen[4:] == (opts.date, opts.tz)
        ):
            report.unchanged += 1
        else:
            todo.append(item)
    report.sources = len(items)
    return todo


def record_schema() -> Any:
    """Return the Arrow schema of the spilled source records (what the store registers)."""
    import pyarrow as pa

    return pa.schema(
        [
            ("idx", pa.int64()),
            ("source", pa.string()),
            ("size", pa.int64()),
            ("mtime_ns", pa.int64()),
            ("content_sha256", pa.string()),
            ("page_key", pa.string()),
            ("page_number", pa.int32()),
            ("title", pa.string()),
            ("entry_count", pa.int32()),
            ("parts", pa.list_(pa.string())),
        ]
    )


class _Records:
    """The records of one ingest, spilled to Parquet files every :data:`SPILL_EVERY`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.rows: list[dict[str, Any]] = []
        self.files: list[str] = []

    def add(self, record: SourceRecord, report: DatasetReport) -> None:
        if record.error is not None:
            # As a local ingest would: the first bad source stops it, nothing is registered.
            raise record.error
        report.read += 1
        report.parts_written += record.written
        self.rows.append(
            {
                "idx": record.index,
                "source": record.source,
                "size": record.size,
                "mtime_ns": record.mtime_ns,
                "content_sha256": record.content_sha256,
                "page_key": record.page_key,
                "page_number": record.page_number,
                "title": record.title,
                "entry_count": record.entry_count,
                "parts": record.parts,
            }
        )
        if len(self.rows) >= SPILL_EVERY:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.rows:
            return
        path = self.folder / f"records-{len(self.files):05d}.parquet"
        pq.write_table(pa.Table.from_pylist(self.rows, schema=record_schema()), path)
        self.files.append(str(path))
        self.rows = []


#: Runs the batches and yields each batch's records as it completes.
Records: TypeAlias = "Generator[list[SourceRecord], None, None]"
Runner: TypeAlias = "Callable[[list[list[SourceItem]], str, IngestOptions], Records]"


@contextmanager
def _executor(
    executor: str, scheduler: str | None, workers: int | None, report: DatasetReport
) -> Iterator[Runner]:
    from livebrief.dataset import ingest_batch

    t0 = time.perf_counter()
    if executor == "local":
        report.timings["connect"] = 0.0
        yield _run_here
        return
    with connect(scheduler, workers) as client:
        report.workers = len(client.scheduler_info()["workers"])
        report.timings["connect"] = time.perf_counter() - t0

        def run(batches: list[list[SourceItem]], root: str, opts: IngestOptions) -> Records:
            return run_tasks(client, ingest_batch, batches, root, opts)

        yield run


def _run_here(batches: list[list[SourceItem]], root: str, opts: IngestOptions) -> Records:
    from livebrief.dataset import ingest_batch

    for batch in batches:
        yield ingest_batch(batch, root, opts)


def run_tasks(
    client: Client, fn: Callable[..., Any], batches: Sequence[Any], *args: Any
) -> Generator[Any, None, None]:
    """Run ``fn(batch, *args)`` for every batch on the cluster; yield results as they complete.

    A task whose worker dies is run again elsewhere by Dask (up to its
    ``distributed.scheduler.allowed-failures``, 3 by default). When the caller stops early (an
    error) the tasks not yet done are cancelled.

    Raises
    ------
    ClusterError
        When a task is lost for good (its workers kept dying) or fails with an unexpected error.
    """
    from distributed import as_completed
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    futures = [client.submit(fn, batch, *args, pure=False) for batch in batches]
    try:
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            try:
                result = future.result()
            except FutureCancelledError as exc:
                raise ClusterError(f"a task was cancelled: {exc}") from exc
            except KilledWorker as exc:
                raise ClusterError(
                    f"a task was lost: every worker that ran it died ({exc}); out of memory? "
                    "see the workers' logs"
                ) from exc
            except LivebriefError:
                raise
            except Exception as exc:
                raise ClusterError(f"a task failed: {type(exc).__name__}: {exc}") from exc
            future.release()
            yield result
    finally:
        _cancel_pending(client, futures)


def livebrief_version() -> str:
    """Return the installed livebrief version (what every worker must share with the driver)."""
    from importlib import metadata

    try:
        return metadata.version("livebrief")
    except metadata.PackageNotFoundError:  # pragma: no cover - only when run from a bare tree
        return "unknown"


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """Yield a Dask client: of the scheduler at ``tcp://HOST:PORT``, or of a local cluster.

    Parameters
    ----------
    scheduler
        The scheduler's address, or ``"local"``/None to start a cluster of ``workers`` local
        processes (one thread each) for the block.
    workers
        With a local cluster: how many worker processes (default: one per CPU).

    Raises
    ------
    ClusterError
        When dask is not installed, the scheduler does not answer, no worker joins within
        :data:`CONNECT_TIMEOUT` seconds, or a worker runs another livebrief version.
    """
    try:
        import dask.config
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(
            "the dask executor needs Dask: pip install 'livebrief[cluster]'"
        ) from None
    if scheduler in (None, "", LOCAL_SCHEDULER):
        count = workers or os.cpu_count() or 1
        with (
            # A worker samples its task's stack every 10 ms, for the dashboard's profile: a
            # briefing took about a third longer with it, here. The workers get this config.
            dask.config.set({"distributed.worker.profile.enabled": False}),
            LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            Client(cluster) as client,  # type: ignore[no-untyped-call]
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            f"{scheduler}: no Dask scheduler answers there ({exc}); start one with "
            "'dask scheduler' and workers with 'dask worker ADDRESS'"
        ) from None
    with client:
        _check_workers(client, scheduler)
        yield client


def _check_workers(client: Client, scheduler: str) -> None:
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except (TimeoutError, OSError):
        raise ClusterError(
            f"{scheduler}: no worker joined within {CONNECT_TIMEOUT:g} s; start some with "
            f"'dask worker {scheduler}'"
        ) from None
    mine = livebrief_version()
    theirs = client.run(livebrief_version, on_error="return")
    wrong = {w: v for w, v in theirs.items() if v != mine}
    if wrong:
        worker, got = next(iter(wrong.items()))
        found = got if isinstance(got, str) else f"no livebrief ({type(got).__name__})"
        raise ClusterError(
            f"{worker}: the worker runs {found}, this driver livebrief {mine}: install the same "
            "livebrief (with the cluster extra) on every worker"
        )


def render_on_cluster(
    tasks: Sequence[Task], scheduler: str | None = None, workers: int | None = None
) -> Iterator[Outcome]:
    """Render briefings on a Dask cluster, one task each; yield each outcome as it comes.

    What ``livebrief run --executor dask`` calls instead of the local process pool
    (:func:`livebrief.schedule.jobs.run_tasks`): the run itself (lock, ingest, fingerprints,
    ``runs`` rows) stays with the caller, which records each outcome as it arrives. A task
    whose worker dies is rendered again on another; one whose workers keep dying comes back
    as a failed outcome, like a failing cell, and the others go on.

    Parameters
    ----------
    tasks
        The briefings to render; their notebooks, working folder, output folders and store
        must be at the same paths on every worker.
    scheduler, workers
        As for :func:`connect` (with ``"local"``, ``workers`` is the run's ``--jobs``).

    Raises
    ------
    ClusterError
        When the cluster cannot be reached or has no workers.
    """
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    from livebrief.schedule.jobs import FAILED, Outcome, render_task

    if not tasks:
        return
    with connect(scheduler, workers) as client:
        futures = {client.submit(render_task, t, pure=False): t for t in tasks}
        try:
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                task = futures[future]
                try:
                    outcome: Outcome = future.result()
                except KilledWorker:
                    error = "every worker that rendered it died (out of memory? see their logs)"
                    outcome = Outcome(task.name, FAILED, error=error)
                except Exception as exc:  # one briefing's failure must not stop the others
                    outcome = Outcome(task.name, FAILED, error=f"{type(exc).__name__}: {exc}")
                future.release()
                yield outcome
        finally:
            _cancel_pending(client, futures)


def _cancel_pending(client: Any, futures: Iterable[Any]) -> None:
    # Stopped early (an error, Ctrl-C): the cluster must not go on with work nobody collects.
    pending = [f for f in futures if not f.done()]
    if pending:
        client.cancel(pending)

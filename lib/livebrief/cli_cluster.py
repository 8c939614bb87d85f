"""The cluster options of ``livebrief`` commands: ``--executor``, ``--scheduler``, ``--dataset``.

``livebrief ingest`` gains a Parquet dataset written by Dask workers (:mod:`livebrief.cluster`);
the options are added here so that the store's commands (:mod:`livebrief.cli_store`) change by
two lines. Nothing here imports Dask: only running on a cluster does.
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING

from livebrief.errors import UsageError

if TYPE_CHECKING:
    from livebrief.ingest import IngestOptions

log = logging.getLogger(__name__)

CLUSTER_EPILOG = """\
on a cluster (docs/cluster.md):
  livebrief ingest corpus/ --dataset data/corpus                      # Parquet, this process
  livebrief ingest corpus/ --dataset /shared/corpus --executor dask   # local worker processes
  livebrief ingest @files.txt --dataset /shared/corpus --executor dask \\
      --scheduler tcp://HOST:8786                                    # a Dask cluster
  ('@files.txt' reads one source per line.) The dataset is registered in the store as a view
  of its name: SELECT * FROM corpus.
"""


def _workers(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number ≥ 1")
    return int(text)


def add_executor_options(p: argparse._ActionsContainer, *, workers: bool = True) -> None:
    """Add ``--executor`` and ``--scheduler`` (``ingest``, ``run``), and ``--workers``.

    ``livebrief run`` has no ``--workers``: its ``--jobs`` is the local cluster's size.
    """
    from livebrief.cluster import EXECUTORS, LOCAL_SCHEDULER

    p.add_argument(
        "--executor",
        default="local",
        choices=EXECUTORS,
        help="where the work runs: local (this machine, the default) or dask (a Dask cluster)",
    )
    p.add_argument(
        "--scheduler",
        default=LOCAL_SCHEDULER,
        metavar="tcp://HOST:8786",
        help="with --executor dask: the Dask scheduler's address, or 'local' (the default) to "
        "start worker processes on this machine for this command (--workers or --jobs of them)",
    )
    if not workers:
        return
    p.add_argument(
        "--workers",
        type=_workers,
        metavar="N",
        help="with --scheduler local: worker processes to start (default: one per CPU)",
    )


def add_ingest_options(p: argparse.ArgumentParser) -> None:
    """Add the dataset options of ``livebrief ingest`` and its epilog's cluster examples."""
    from livebrief.cluster import DEFAULT_BATCH

    group = p.add_argument_group("Parquet dataset and cluster (docs/cluster.md)")
    group.add_argument(
        "--dataset",
        metavar="PATH",
        help="write the entries as a Parquet dataset (page=KEY/day=DAY/part-*.parquet) at this "
        "folder or s3://-like URL, registered in the store, instead of the store's tables",
    )
    group.add_argument(
        "--name",
        metavar="NAME",
        help="with --dataset: its name in the store and the name of its SQL view "
        "(default: the folder's name)",
    )
    group.add_argument(
        "--batch-size",
        type=_workers,
        default=DEFAULT_BATCH,
        metavar="N",
        help="with --dataset: sources per task (default: %(default)s)",
    )
    add_executor_options(group)
    p.epilog = (p.epilog or "") + "\n" + CLUSTER_EPILOG


def run_dataset_ingest(args: argparse.Namespace, options: IngestOptions) -> int:
    """Ingest into a Parquet dataset (``--dataset``), here or on a cluster; say what was done."""
    from livebrief import export
    from livebrief.cluster import ingest_dataset

    if args.dataset is None:
        raise UsageError("--executor dask needs --dataset PATH: workers write a Parquet dataset")
    report = ingest_dataset(
        args.sources,
        args.dataset,
        args.store,
        options,
        executor=args.executor,
        scheduler=args.scheduler,
        workers=args.workers,
        batch_size=args.batch_size,
        name=args.name,
    )
    export.write_stdout(f"ingested: {report.summary()}\n".encode())
    return 0

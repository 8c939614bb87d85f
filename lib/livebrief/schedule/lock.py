"""The run lock: one ``livebrief run`` per store at a time; a second one waits, then gives up.

cron fires every hour whether or not the last run is done. ``<store>.run.lock`` is held
(``fcntl.flock``, released by the kernel when the process ends, however it ends) for the whole
run, so an overlapping run waits for it up to ``--wait`` seconds and then stops with a message
naming the process it waited for. The store's own lock still guards each write.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path

from livebrief.errors import StoreError

#: Seconds a run waits for an overlapping one by default (``--wait``).
DEFAULT_WAIT = 600.0


def lock_path(store: Path) -> Path:
    """Return the run lock file of the store ``store``: ``<store>.run.lock`` beside it."""
    return store.with_name(store.name + ".run.lock")


@contextmanager
def run_lock(
    store: Path, wait: float, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the run lock of ``store`` for the block, waiting up to ``wait`` seconds for it.

    Parameters
    ----------
    store
        The store file; the lock file goes beside it (its folder is created).
    wait
        Seconds to wait for another run to finish; 0 gives up at once.
    on_wait
        Called once with a line saying what is waited for, when the lock is taken.

    Raises
    ------
    StoreError
        When another run still holds the lock after ``wait`` seconds, or the lock file cannot
        be created.
    """
    path = lock_path(store)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create the run lock ({exc.strerror})") from exc
    try:
        _acquire(fd, path, store, wait, on_wait)
        # Say who holds it, for the message of a run that waits in vain.
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        with suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()} {stamp}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _acquire(
    fd: int, path: Path, store: Path, wait: float, on_wait: Callable[[str], None] | None
) -> None:
    deadline = time.monotonic() + wait
    pause = 0.05
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            holder = _holder(path)
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"{store}: another 'livebrief run' ({holder}) is still running after "
                    f"{wait:g} s of waiting; nothing was done: try again later or raise --wait"
                ) from None
            if not told and on_wait is not None:
                on_wait(f"waiting up to {wait:g} s for another run to finish ({holder})")
                told = True
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def _holder(path: Path) -> str:
    try:
        pid, _, since = path.read_text(encoding="utf-8").strip().partition(" ")
    except OSError:
        return "pid unknown"
    return f"pid {pid}, started {since}" if pid else "pid unknown"

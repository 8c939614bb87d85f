"""The store's lock file: one writer at a time, readers together, waiting rather than failing.

DuckDB lets one process write a database file and fails at once when another has it open; a
lock on ``<store>.lock`` (``fcntl.flock``) makes livebrief processes queue instead: exclusive
to write, shared to read, up to a time limit.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from livebrief.errors import StoreError, UsageError

ENV_LOCK_TIMEOUT = "LIVEBRIEF_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 300.0


def lock_timeout() -> float:
    """Return the seconds to wait for the lock: ``$LIVEBRIEF_LOCK_TIMEOUT``, else 300."""
    text = os.environ.get(ENV_LOCK_TIMEOUT, "")
    try:
        return float(text) if text else DEFAULT_LOCK_TIMEOUT
    except ValueError:
        raise UsageError(f"{ENV_LOCK_TIMEOUT}={text!r} is not a number of seconds") from None


@contextmanager
def file_lock(target: Path, *, exclusive: bool, timeout: float) -> Iterator[None]:
    """Hold the lock of the store ``target`` for the block, waiting up to ``timeout`` seconds.

    Raises
    ------
    StoreError
        When the lock is still held by another process after ``timeout`` seconds, or the lock
        file cannot be created (to write).
    """
    lock_path = target.with_name(target.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        if exclusive or exc.errno not in (errno.EACCES, errno.EROFS):
            raise StoreError(f"{lock_path}: cannot open the lock file: {exc.strerror}") from exc
        # A read-only place, opened to read: no livebrief can be writing there.
        yield
        return
    try:
        operation = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + timeout
        pause = 0.02
        while True:
            try:
                fcntl.flock(fd, operation | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"{target}: busy: another livebrief process has held it for more "
                        f"than {timeout:g} s; try again later or raise {ENV_LOCK_TIMEOUT}"
                    ) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.25)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock

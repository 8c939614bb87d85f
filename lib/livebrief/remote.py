"""Outputs at URLs: object stores and other fsspec file systems (``s3://``, ``gs://``, ...).

A cluster's workers write where every one of them can reach: a shared folder, or an object
store. A folder is a path; anything written as ``scheme://...`` is a URL, opened through
`fsspec <https://filesystem-spec.readthedocs.io>`_ and the scheme's package (``s3fs``,
``gcsfs``, ...), which must be installed on every machine that writes or reads it. A
``file://`` URL is a plain path (:func:`local_path`); ``local://`` goes through fsspec's own
local file system, which the tests use to run the URL code on a plain folder.

Files are written whole or not at all: each is uploaded under a temporary name and then moved
to its own (on an object store a single PUT is already whole; the move keeps a reader of a
plain file system from seeing half a file).
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from livebrief.errors import OutputError

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


def is_remote(target: str | Path) -> bool:
    """Say whether ``target`` is a URL (``s3://bucket/x``), not a path (``file://`` is one)."""
    return isinstance(target, str) and bool(_URL.match(target)) and not target.startswith("file://")


def local_path(target: str) -> str:
    """Return a local target as an absolute path (``file://`` removed)."""
    return os.path.abspath(target.removeprefix("file://"))


def join(url: str, *names: str) -> str:
    """Return ``url`` with ``names`` appended, ``/`` between them."""
    return "/".join([url.rstrip("/"), *names])


def filesystem(url: str) -> tuple[Any, str]:
    """Return the fsspec file system of ``url`` and the path in it.

    Raises
    ------
    OutputError
        When fsspec, or the package of the URL's scheme, is not installed.
    """
    try:
        import fsspec
    except ImportError:
        raise OutputError(
            f"{url}: writing to a URL needs fsspec (pip install 'livebrief[cluster]') and the "
            "file system's package, e.g. s3fs"
        ) from None
    try:
        fs, path = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:
        # fsspec names the missing package (s3fs, gcsfs, ...) in its message.
        raise OutputError(f"{url}: cannot open its file system ({exc})") from exc
    return fs, str(path)


def exists(url: str) -> bool:
    """Say whether a file is at ``url``; an unreachable store counts as "no"."""
    try:
        fs, path = filesystem(url)
        return bool(fs.isfile(path))
    except (OutputError, OSError, ValueError):
        return False


def publish(files: Sequence[Path], url: str) -> list[str]:
    """Copy local ``files`` into the folder at ``url``, each whole; return their URLs.

    Raises
    ------
    OutputError
        When a file cannot be written (permissions, a missing bucket, the network).
    """
    fs, root = filesystem(url)
    try:
        fs.makedirs(root, exist_ok=True)  # object stores have no folders: a no-op there
    except (OSError, ValueError) as exc:
        raise OutputError(f"{url}: cannot make the folder ({exc})") from exc
    done = []
    for file in files:
        target = join(root, file.name)
        partial = join(root, f".{file.name}.{secrets.token_hex(4)}.partial")
        try:
            fs.put_file(str(file), partial)
            fs.mv(partial, target)
        except (OSError, ValueError) as exc:
            try:
                if fs.exists(partial):
                    fs.rm(partial)
            except (OSError, ValueError):
                pass  # the write already failed: that is the error to report
            raise OutputError(f"{join(url, file.name)}: cannot write it ({exc})") from exc
        done.append(join(url, file.name))
    return done

"""The sources of ``livebrief report``: files as given, URLs fetched once and kept as fetched.

A URL is fetched through :mod:`livebrief.fetch` (the only module that touches the network:
``http``/``https`` only, bounded, retried, an honest User-Agent), its body kept unchanged under
``RAW/<page-key>/<UTC time>-<sha>.<html|txt>`` as ``livebrief ingest`` keeps it (by default the
same ``raw/`` folder beside the store), and that file is what the notebook reads. The notebook
is also told the URL (its ``url`` parameter), so the briefing names where the page came from
as well as the copy it read.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from livebrief import fetch
from livebrief.errors import FetchError, UsageError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BriefingSource:
    """One source of a briefing: the file the notebook reads and the URL it was fetched from."""

    path: Path
    url: str = ""

    @property
    def parameters(self) -> dict[str, str]:
        """The notebook parameters naming this source's origin (none for a plain file)."""
        return {"url": self.url} if self.url else {}


def check_urls(sources: Sequence[str | Path]) -> None:
    """Raise :class:`UsageError` for a source that is a URL livebrief will not fetch.

    The user's own URL with a ``file://`` or ``ftp://`` scheme, or no host, is a usage error
    (exit code 2), found before anything is fetched or started.
    """
    for source in sources:
        if fetch.is_url(str(source)):
            try:
                fetch.check_url(str(source))
            except FetchError as exc:
                raise UsageError(str(exc)) from None


def default_raw_root() -> Path:
    """Where fetched pages are kept: ``raw/`` beside the store, as ``livebrief ingest`` does."""
    from livebrief.store import raw_root

    return raw_root()


def resolve(
    source: str | Path,
    *,
    raw: Path | None = None,
    options: fetch.FetchOptions | None = None,
) -> BriefingSource:
    """Return the file to brief for ``source``: the file itself, or a URL's page fetched now.

    Parameters
    ----------
    source
        A live-page file, or an ``http``/``https`` URL of a live page.
    raw
        Folder under which fetched pages are kept (default: :func:`default_raw_root`).
    options
        Time, size, retry and redirect limits of the fetch.

    Raises
    ------
    FetchError
        When the page cannot be fetched (HTTP error, time-out, too large); the message names
        the URL.
    OutputError
        When the fetched page cannot be kept.
    """
    text = str(source)
    if not fetch.is_url(text):
        return BriefingSource(Path(source))
    got = fetch.fetch(text, options=options)
    root = raw if raw is not None else default_raw_root()
    path = fetch.save_raw(root, fetch.url_page_key(text), got)
    log.info("%s: fetched %d bytes, kept as %s", text, len(got.content), path)
    return BriefingSource(path.absolute(), text)

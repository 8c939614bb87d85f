"""Fetch live pages over HTTP(S): the only module of livebrief that touches the network.

One :func:`fetch` is one polite, bounded GET:

- only ``http`` and ``https`` URLs, on every redirect hop too (no ``file://``);
- an honest ``User-Agent`` (:data:`USER_AGENT`);
- a time limit per network operation and one for the whole response, a size limit on the
  body (checked while it streams in, so a huge or endless response costs at most the limit),
  and at most ``max_redirects`` redirects;
- retries with exponential back-off on time-outs, connection failures, HTTP 429 and 5xx,
  bounded by ``retries``; any other HTTP error fails at once;
- conditional requests: given the ``ETag`` and ``Last-Modified`` of the previous fetch it sends
  ``If-None-Match`` / ``If-Modified-Since``, and a ``304 Not Modified`` comes back as a result
  with no content, so an unchanged page costs one small request.

:func:`save_raw` keeps every fetched body unchanged under ``RAW/<page-key>/`` and never rewrites
a file. Page keys and page numbers of URLs (:func:`url_page_key`, :func:`url_page_number`,
:func:`page_url`) live here too, since they are facts about URLs.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import secrets
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from livebrief.errors import FetchError, OutputError
from livebrief.names import unreserved

if TYPE_CHECKING:  # httpx is imported when a fetch happens: reading the store needs none of it
    import httpx

log = logging.getLogger(__name__)

#: The URL schemes livebrief fetches; anything else (``file``, ``ftp``, ``data``) is refused.
SCHEMES = ("http", "https")

#: Statuses worth another try: the server is busy or failing, not saying no.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


def _version() -> str:
    try:
        return metadata.version("livebrief")
    except metadata.PackageNotFoundError:  # pragma: no cover - only when run from a bare tree
        return "0"


#: Says who is asking and where to read about it.
USER_AGENT = f"livebrief/{_version()} (+https://example.invalid/livebrief)"


@dataclass(frozen=True)
class FetchOptions:
    """The limits of one fetch.

    Attributes
    ----------
    timeout
        Seconds allowed for each network operation (connect, each read).
    total_timeout
        Seconds allowed for one whole response: connect, headers and body, redirects included.
    retries
        Further attempts after a time-out, connection failure, 429 or 5xx (0: no retry).
    backoff
        Seconds to wait before the first retry; doubled each time, at most ``max_backoff``.
    max_backoff
        The longest wait between two attempts.
    max_bytes
        The largest body accepted.
    max_redirects
        The most redirects followed.
    page_delay
        Seconds to wait between the pages of one live page (``--all-pages``).
    """

    timeout: float = 20.0
    total_timeout: float = 60.0
    retries: int = 3
    backoff: float = 1.0
    max_backoff: float = 30.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    page_delay: float = 1.0


@dataclass(frozen=True)
class Validators:
    """What the previous fetch of a URL said about its version, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """Return the ``If-None-Match`` / ``If-Modified-Since`` headers these allow."""
        out: dict[str, str] = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True)
class Fetched:
    """The outcome of one fetch: a body (status 200) or "not modified" (304, no body)."""

    url: str
    final_url: str
    status: int
    content: bytes = b""
    content_type: str | None = None
    validators: Validators = field(default_factory=Validators)
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        """True when the server said the page has not changed since the last fetch."""
        return self.status == 304

    @property
    def sha256(self) -> str:
        """The SHA-256 of the body, in hex."""
        return hashlib.sha256(self.content).hexdigest()


class _Retry(Exception):
    """An attempt failed in a way worth another try; the message says how."""


def check_url(url: str) -> str:
    """Return ``url`` if livebrief may fetch it: ``http`` or ``https`` with a host.

    Raises
    ------
    FetchError
        For any other scheme (``file://`` included) or a URL without a host.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        shown = parts.scheme or "no scheme"
        raise FetchError(f"{url}: refused: only http and https URLs are fetched ({shown})")
    if not parts.hostname:
        raise FetchError(f"{url}: refused: the URL has no host")
    return url


def is_url(text: str) -> bool:
    """Say whether a command-line source names a URL (``scheme://...``) rather than a path."""
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", text) is not None


def make_client(options: FetchOptions) -> httpx.Client:
    """Return an HTTP client with livebrief's User-Agent and time limits; redirects are ours.

    It keeps no idle connection: every request opens its own, so that the deadline of a
    response (:class:`_Deadline`) always knows the socket it may have to cut.
    """
    import httpx

    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=httpx.Timeout(options.timeout),
        follow_redirects=False,
        limits=httpx.Limits(max_keepalive_connections=0),
    )


def fetch(
    url: str,
    *,
    validators: Validators | None = None,
    options: FetchOptions | None = None,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Fetched:
    """Fetch ``url`` once, within the limits of ``options``, retrying what is worth retrying.

    Parameters
    ----------
    url
        An ``http`` or ``https`` URL.
    validators
        The ETag and Last-Modified of the previous fetch, for a conditional request.
    options
        Time, size, retry and redirect limits (defaults: :class:`FetchOptions`).
    client
        An open client to reuse (default: a new one, closed afterwards).
    sleep
        How to wait between attempts (tests pass a recorder).

    Returns
    -------
    Fetched
        Status 200 with the body, or 304 with none.

    Raises
    ------
    FetchError
        Refused URL, HTTP error, too many redirects, too large, or still failing after the
        last retry; the message names the URL, the problem and what to try.
    """
    check_url(url)
    opts = options or FetchOptions()
    own = client is None
    http = client or make_client(opts)
    try:
        problem = ""
        for attempt in range(opts.retries + 1):
            if attempt:
                wait = min(opts.backoff * 2 ** (attempt - 1), opts.max_backoff)
                log.info("%s: %s; attempt %d in %.1f s", url, problem, attempt + 1, wait)
                sleep(wait)
            try:
                result = _attempt(http, url, validators or Validators(), opts)
            except _Retry as exc:
                problem = str(exc)
                continue
            return replace(result, attempts=attempt + 1)
        tries = opts.retries + 1
        raise FetchError(
            f"{url}: {problem} ({tries} attempt{'s' if tries > 1 else ''}); "
            "the server or the network is failing, try again later"
        )
    finally:
        if own:
            http.close()


class _Deadline:
    """The time limit of one whole response: connect, headers and body, redirects included.

    httpx has time-outs per network operation only, so a server that sends its headers (or
    body) a byte at a time, each byte within the read time-out, would never be cut off. A
    check between body chunks cannot see the headers (httpcore reads them in one call), and
    a worker thread waited on with a time-out would leave that thread reading. So a timer
    shuts down the sockets of this response when the deadline passes: the blocked read in
    this thread returns at once, httpx raises, and :attr:`passed` says why. The sockets come
    from httpx's ``trace`` hook as each connection opens; :func:`make_client` keeps no idle
    connection, so every request opens one. Each request's own time-outs are also cut to the
    time left, which bounds the connect (and a name lookup) before any socket exists.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._fired = False
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    @property
    def passed(self) -> bool:
        """True once the deadline has passed (and the sockets were cut)."""
        return self._fired or time.monotonic() >= self.at

    def left(self) -> float:
        """Seconds left before the deadline (a little more than 0 once it passed)."""
        return max(self.at - time.monotonic(), 0.001)

    def trace(self, event: str, info: dict[str, object]) -> None:
        """httpx's ``trace`` extension: keep the socket of each connection as it opens."""
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            stream = info.get("return_value")
            get = getattr(stream, "get_extra_info", None)
            sock = get("socket") if get else None
            if isinstance(sock, socket.socket):
                with self._lock:
                    self._sockets.append(sock)
                    fired = self._fired
                if fired:  # opened just as the deadline passed
                    self._cut()

    def _cut(self) -> None:
        with self._lock:
            self._fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            # The plain socket's shutdown, also for a TLS socket (whose own would drop its
            # TLS state under the reading thread); a closed socket raises, harmlessly.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def error(self) -> _Retry:
        """The failure to report once the deadline passed."""
        return _Retry(f"the response took longer than {self.seconds:g} s")


def _attempt(http: httpx.Client, url: str, validators: Validators, opts: FetchOptions) -> Fetched:
    with _Deadline(opts.total_timeout) as deadline:
        return _hops(http, url, validators, opts, deadline)


def _hops(
    http: httpx.Client, url: str, validators: Validators, opts: FetchOptions, deadline: _Deadline
) -> Fetched:
    import httpx

    current = url
    for _hop in range(opts.max_redirects + 1):
        timeout = httpx.Timeout(min(opts.timeout, deadline.left()))
        try:
            with http.stream(
                "GET",
                current,
                headers=validators.headers(),
                timeout=timeout,
                extensions={"trace": deadline.trace},
            ) as response:
                status = response.status_code
                if status in REDIRECT_STATUSES and "location" in response.headers:
                    current = check_url(urljoin(current, response.headers["location"]))
                    continue
                if status == 304:
                    return Fetched(url, current, 304, validators=validators)
                if status in RETRY_STATUSES:
                    raise _Retry(f"HTTP {status} {response.reason_phrase}".rstrip())
                if status != 200:
                    raise FetchError(_http_error(url, status, response.reason_phrase))
                content = _read_body(url, response, opts, deadline)
                return Fetched(
                    url,
                    current,
                    200,
                    content=content,
                    content_type=response.headers.get("content-type"),
                    validators=Validators(
                        response.headers.get("etag"), response.headers.get("last-modified")
                    ),
                )
        except httpx.TimeoutException:
            if deadline.passed:
                raise deadline.error() from None
            raise _Retry(f"timed out after {opts.timeout:g} s") from None
        except httpx.TransportError as exc:
            if deadline.passed:  # the deadline cut the connection
                raise deadline.error() from None
            raise _Retry(f"connection failed ({type(exc).__name__}: {exc})") from None
        except httpx.DecodingError as exc:  # such as a gzip body that is not gzip
            raise FetchError(f"{url}: the body sent cannot be decoded ({exc})") from None
        except httpx.InvalidURL as exc:  # httpx checks a redirect's Location before we see it
            raise FetchError(f"{url}: refused: the server sent an invalid URL ({exc})") from None
    raise FetchError(f"{url}: refused: more than {opts.max_redirects} redirects")


def _read_body(
    url: str, response: httpx.Response, opts: FetchOptions, deadline: _Deadline
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > opts.max_bytes:
        raise FetchError(_too_large(url, opts.max_bytes, f"it declares {int(declared):,} bytes"))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > opts.max_bytes:
            raise FetchError(_too_large(url, opts.max_bytes, "the body is longer"))
        if deadline.passed:
            raise deadline.error()
        chunks.append(chunk)
    if deadline.passed:  # a body without a length ends where the deadline cut it: not whole
        raise deadline.error()
    return b"".join(chunks)


def _too_large(url: str, limit: int, detail: str) -> str:
    return f"{url}: refused: larger than the limit of {limit:,} bytes ({detail})"


def _http_error(url: str, status: int, reason: str) -> str:
    hints = {
        404: "check the URL: the page does not exist (any more)",
        410: "the page has been removed",
        401: "the page needs a login, which livebrief does not do",
        403: "the server refuses livebrief; it may not allow automated readers",
    }
    hint = hints.get(status, "the server refused the request")
    return f"{url}: HTTP {status} {reason}".rstrip() + f": {hint}"


# ---------------------------------------------------------------------------------------------
# Raw snapshots: every fetched body kept as fetched.


def save_raw(root: Path, page_key: str, fetched: Fetched) -> Path:
    """Keep a fetched body unchanged as ``ROOT/<page-key>/<UTC time>-<sha>.<html|txt>``.

    The file is written to a temporary name, synced and then hard-linked to its final name, so
    it appears whole or not at all and an existing file is never overwritten. A body already
    kept (same SHA-256 in that folder) is not written again: its existing path is returned.

    Raises
    ------
    OutputError
        When the folder cannot be created or the file written (permissions, disk full).
    """
    sha = fetched.sha256
    folder = root / page_key
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for existing in folder.glob(f"*-{sha[:16]}.*"):
            return existing
        stamp = fetched.fetched_at.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        target = folder / f"{stamp}-{sha[:16]}.{raw_extension(fetched)}"
        tmp = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd, "wb") as fh:
                fh.write(fetched.content)
                fh.flush()
                os.fsync(fh.fileno())
            with contextlib.suppress(FileExistsError):
                os.link(tmp, target)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
    except OSError as exc:
        raise OutputError(f"{folder}: cannot keep the fetched page: {exc.strerror or exc}") from exc
    log.debug("%s: kept as %s", fetched.url, target)
    return target


def raw_extension(fetched: Fetched) -> str:
    """Say ``html`` for an HTML body (by its type, or its first bytes) and ``txt`` otherwise."""
    kind = (fetched.content_type or "").lower()
    head = fetched.content[:512].lstrip().lower()
    if "html" in kind or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "txt"


# ---------------------------------------------------------------------------------------------
# Live pages spread over several URLs: page numbers and page keys.

_PAGE_PATH = re.compile(r"/page/(\d{1,5})/?$")


def url_page_number(url: str) -> int | None:
    """Return the page number a URL names (``?page=3`` or ``.../page/3``), None if none."""
    parts = urlsplit(url)
    for name, value in parse_qsl(parts.query):
        if name.lower() == "page" and value.isdigit():
            return int(value)
    found = _PAGE_PATH.search(parts.path)
    return int(found.group(1)) if found else None


def page_url(url: str, number: int) -> str:
    """Return the URL of page ``number`` of the live page at ``url``, in the URL's own style.

    A URL ending in ``/page/N`` keeps that form; any other gets ``?page=N`` (replacing a page
    parameter already there). Page 1 is the URL without a page part.
    """
    parts = urlsplit(url)
    if _PAGE_PATH.search(parts.path):
        path = _PAGE_PATH.sub("" if number == 1 else f"/page/{number}", parts.path) or "/"
        return urlunsplit(parts._replace(path=path))
    query = [(k, v) for k, v in parse_qsl(parts.query) if k.lower() != "page"]
    if number != 1:
        query.append(("page", str(number)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def url_page_key(url: str) -> str:
    """Return the page key of a URL: host and path without page part or ``www.``, slugified.

    ``https://www.bbc.co.uk/news/live/world-asia-69124350?page=4`` gives
    ``bbc-co-uk-news-live-world-asia-69124350``; every page of one live page gets the same key.
    A key that would be a Windows device name (``http://con/``) gets ``-page``: keys name
    folders.
    """
    parts = urlsplit(page_url(url, 1))
    host = (parts.hostname or "").removeprefix("www.")
    query = "-".join(f"{k}-{v}" for k, v in sorted(parse_qsl(parts.query)))
    return unreserved(slug(f"{host} {parts.path} {query}"))


def slug(text: str, limit: int = 80) -> str:
    """Return ``text`` as a lower-case ASCII key of letters, digits and single hyphens.

    A key longer than ``limit`` is cut at a word and ends in a hash of the whole, so that two
    long titles that differ only at the end still get different keys.
    """
    words = re.findall(r"[a-z0-9]+", text.lower())
    full = "-".join(words)
    if len(full) <= limit:
        return full
    tag = hashlib.sha256(full.encode("ascii")).hexdigest()[:8]
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit - len(tag) - 1:
            break
        out = candidate
    return f"{out or words[0][: limit - len(tag) - 1]}-{tag}"

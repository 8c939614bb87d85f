"""A real HTTP server on 127.0.0.1 for the fetch tests, and a guard that keeps tests offline.

``Site`` maps a path (with its query, or without as a fallback) to a route: a function of the
request that returns a :class:`Reply`. The server runs in a thread of the test process on a
free port; the ``site`` fixture of a test module starts and stops it.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class Reply:
    """What a route answers: status, headers, body; ``delay`` seconds before answering."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    length: bool = True  # send Content-Length (else the body ends when the connection closes)
    trickle: float = 0.0  # seconds between 64-byte pieces of the body (0: all at once)
    head_trickle: float = 0.0  # seconds between single bytes of the status line and headers


Route = Callable[[BaseHTTPRequestHandler], Reply]


def page(
    body: bytes, *, etag: bool = True, last_modified: bool = True, kind: str = "text/plain"
) -> Route:
    """A page that answers conditional requests with 304 when it has not changed."""
    tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
    stamp = formatdate(1_700_000_000, usegmt=True)

    def route(request: BaseHTTPRequestHandler) -> Reply:
        headers = {"Content-Type": f"{kind}; charset=utf-8"}
        if etag:
            headers["ETag"] = tag
        if last_modified:
            headers["Last-Modified"] = stamp
        if etag and request.headers.get("If-None-Match") == tag:
            return Reply(304, b"", headers)
        if last_modified and not etag and request.headers.get("If-Modified-Since") == stamp:
            return Reply(304, b"", headers)
        return Reply(200, body, headers)

    return route


def sequence(*replies: Reply | Route) -> Route:
    """A route answering the n-th request with the n-th reply (the last one repeats)."""
    calls = {"n": 0}

    def route(request: BaseHTTPRequestHandler) -> Reply:
        n = min(calls["n"], len(replies) - 1)
        calls["n"] += 1
        reply = replies[n]
        return reply(request) if callable(reply) else reply

    return route


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        site = self.server.site
        site.requests.append((self.path, dict(self.headers.items())))
        path_only = self.path.split("?", 1)[0]
        route = site.routes.get(self.path) or site.routes.get(path_only)
        site.hits[self.path] += 1
        reply = route(self) if route else Reply(404, b"not found")
        if reply.delay:
            time.sleep(reply.delay)
        try:
            if reply.head_trickle:
                self._trickle_head(reply)
                return
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.length:
                self.send_header("Content-Length", str(len(reply.body)))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if reply.status != 304 and reply.trickle:
                for start in range(0, len(reply.body), 64):
                    self.wfile.write(reply.body[start : start + 64])
                    self.wfile.flush()
                    time.sleep(reply.trickle)
            elif reply.status != 304:
                self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a time-out test): nothing to report

    def _trickle_head(self, reply: Reply) -> None:
        # Every byte well within a client's read time-out; the whole head takes far longer.
        lines = [f"HTTP/1.1 {reply.status} OK", f"Content-Length: {len(reply.body)}"]
        lines += [f"{name}: {value}" for name, value in reply.headers.items()]
        for byte in ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"):
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(reply.head_trickle)
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    site: Site

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up mid-answer is expected in these tests


class Site:
    """The routes of the test server, the requests it saw, and its base URL."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.hits: Counter[str] = Counter()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.site = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        """Return the full URL of ``path`` on this server."""
        return self.base + path

    def headers_of(self, path: str) -> list[dict[str, str]]:
        """Return the request headers of every request of ``path`` (with query), in order."""
        return [h for p, h in self.requests if p == path]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture(name="site")
def site_fixture() -> Iterator[Site]:
    """A running test server; routes are added by the test."""
    server = Site()
    server.start()
    try:
        yield server
    finally:
        server.stop()


_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: Any) -> Any:
    host = address[0] if isinstance(address, tuple) else address
    loopback = isinstance(host, str) and (host.startswith("127.") or host in ("::1", "localhost"))
    if self.family in (socket.AF_INET, socket.AF_INET6) and not loopback:
        raise OSError(f"test tried to reach {host}: tests stay on 127.0.0.1")
    return _real_connect(self, address)


@pytest.fixture(name="offline", autouse=True)
def offline_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse connections to anything but loopback, and keep proxies out of the way."""
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def wait_for(predicate: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds pass; return its last value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


__all__: Sequence[str] = [
    "Reply",
    "Site",
    "offline_fixture",
    "page",
    "sequence",
    "site_fixture",
    "wait_for",
]

"""The preview server: the watch loop in the calling thread, HTTP on 127.0.0.1 beside it.

Standard library only (`http.server`): one user, one tab or a few, a page of at most a few
megabytes; nothing a framework would add is needed. Endpoints:

- `/`: the current page (the document, or its errors);
- `/events`: server-sent events, one `version` event at connection and at each rebuild;
- `/version`: the same news as JSON, for clients without EventSource (and the bench);
- `/findings.json`: the findings in rktc's JSON report format (`rktc validate -f json`).

Only requests whose Host is this server's own loopback address are answered, so that a
web page elsewhere cannot read the plan through a DNS name pointed at 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from rktc.preview.rebuild import Rebuilder, Snapshot
from rktc.preview.watch import POLL_SECONDS, FileWatcher

HOST = "127.0.0.1"
KEEPALIVE_SECONDS = 15.0


class Published:
    """The current snapshot, and a way to wait for the next one."""

    def __init__(self, first: Snapshot) -> None:
        self._snapshot = first
        self._changed = threading.Condition()
        self.closing = False

    @property
    def snapshot(self) -> Snapshot:
        with self._changed:
            return self._snapshot

    def publish(self, snapshot: Snapshot) -> None:
        with self._changed:
            self._snapshot = snapshot
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closing = True
            self._changed.notify_all()

    def wait_after(self, version: int, timeout: float) -> Snapshot | None:
        """The snapshot once it is newer than `version`; None on timeout or when closing."""
        with self._changed:
            self._changed.wait_for(
                lambda: self.closing or self._snapshot.version > version, timeout
            )
            if self.closing or self._snapshot.version <= version:
                return None
            return self._snapshot


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream must not keep the process alive
    allow_reuse_address = True

    def __init__(self, port: int, published: Published, server_id: str, nonce: str) -> None:
        self.published = published
        self.server_id = server_id
        self.nonce = nonce
        super().__init__((HOST, port), PreviewHandler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def news(self, snapshot: Snapshot) -> str:
        return json.dumps({"server": self.server_id, "version": snapshot.version})


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes: with Nagle's algorithm, the second waits for
    # the client's delayed ACK (measured: 40 ms a request on Linux loopback).
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal reports rebuilds, not requests

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _answer(self, head: bool) -> None:
        port = self.server.port
        if self.headers.get("Host", "") not in (f"{HOST}:{port}", f"localhost:{port}"):
            self._send(HTTPStatus.MISDIRECTED_REQUEST, b"", "text/plain", head)
            return
        route = self.path.split("?", 1)[0]
        snapshot = self.server.published.snapshot
        if route == "/":
            self._send(HTTPStatus.OK, snapshot.page, "text/html; charset=utf-8", head)
        elif route == "/version":
            news = self.server.news(snapshot).encode("utf-8")
            self._send(HTTPStatus.OK, news, "application/json", head)
        elif route == "/findings.json":
            self._send(HTTPStatus.OK, snapshot.findings_json, "application/json", head)
        elif route == "/events" and not head:
            self._events(snapshot)
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain", head)

    def _headers(self, status: HTTPStatus, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src 'nonce-{self.server.nonce}'; connect-src 'self'; "
            "base-uri 'none'; form-action 'none'",
        )

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, head: bool) -> None:
        self._headers(status, content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self, snapshot: Snapshot | None) -> None:
        self._headers(HTTPStatus.OK, "text/event-stream; charset=utf-8")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        published = self.server.published
        try:
            while snapshot is not None or not published.closing:
                if snapshot is None:
                    self.wfile.write(b": keep-alive\n\n")
                    version = published.snapshot.version
                else:
                    news = self.server.news(snapshot)
                    self.wfile.write(f"event: version\ndata: {news}\n\n".encode())
                    version = snapshot.version
                self.wfile.flush()
                snapshot = published.wait_after(version, KEEPALIVE_SECONDS)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            return  # the tab was closed or reloaded


def watch(
    watcher: FileWatcher,
    rebuilder: Rebuilder,
    published: Published,
    stop: threading.Event,
    reported: Callable[[Snapshot], None],
    poll: float = POLL_SECONDS,
) -> None:
    """Rebuild and publish on every save until `stop` is set."""
    while not stop.wait(poll):
        saved = watcher.poll(time.monotonic())
        if saved is not None:
            snapshot = rebuilder.build(saved.raw)
            published.publish(snapshot)
            reported(snapshot)


def start_server(port: int, published: Published, rebuilder: Rebuilder) -> PreviewServer:
    """Listen on 127.0.0.1:`port` (0: any free port) and serve in a background thread."""
    server = PreviewServer(port, published, rebuilder.server, rebuilder.nonce)
    thread = threading.Thread(target=server.serve_forever, name="rktc-preview-http", daemon=True)
    thread.start()
    return server


def stop_server(server: PreviewServer, published: Published) -> None:
    published.close()
    server.shutdown()
    server.server_close()

"""Traps for the security tests: a canary file with a unique marker, a listener on 127.0.0.1.

Nothing the program reads from a user's file may make it open the canary or connect to the
listener. On Linux the canary is watched with inotify, which reports every open of it
(no atime guesswork); anywhere, a read would bring the marker into a record, a message or
a report. The listener counts connections, and answers with the marker, so a fetch that
slipped past the count would show too.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import socket
import socketserver
import struct
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


class OpenWatch:
    """Counts the opens of one file (inotify, Linux); ``count`` is None elsewhere."""

    _IN_ACCESS, _IN_OPEN = 0x1, 0x20
    _IN_NONBLOCK, _IN_CLOEXEC = 0o4000, 0o2000000

    def __init__(self, path: Path) -> None:
        self._fd = -1
        self._opens = 0
        if not sys.platform.startswith("linux"):
            return
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fd = libc.inotify_init1(self._IN_NONBLOCK | self._IN_CLOEXEC)
        if fd < 0:
            return
        if libc.inotify_add_watch(fd, os.fsencode(path), self._IN_OPEN | self._IN_ACCESS) < 0:
            os.close(fd)
            return
        self._fd = fd

    def count(self) -> int | None:
        """How many times the file was opened since the watch began."""
        if self._fd < 0:
            return None
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                return self._opens
            offset = 0
            while offset < len(data):
                _wd, mask, _cookie, length = struct.unpack_from("iIII", data, offset)
                if mask & self._IN_OPEN:
                    self._opens += 1
                offset += 16 + length

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


@dataclass(frozen=True)
class Canary:
    """A file whose content is a marker found nowhere else, watched for opens."""

    path: Path
    marker: str
    watch: OpenWatch

    @property
    def url(self) -> str:
        return self.path.as_uri()

    def opened(self) -> int:
        """How many times the canary was opened (0 where that cannot be watched)."""
        return self.watch.count() or 0


@pytest.fixture
def canary(tmp_path: Path) -> Iterator[Canary]:
    marker = f"CANARY-{uuid.uuid4().hex}"
    path = tmp_path / "secret" / "canary.txt"
    path.parent.mkdir()
    path.write_text(marker, encoding="ascii")
    watch = OpenWatch(path)
    try:
        yield Canary(path, marker, watch)
    finally:
        watch.close()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, marker: str) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.marker = marker
        self.lock = threading.Lock()
        self.ports: list[int] = []  # the client port of every accepted connection, in order

    def process_request(self, request: object, client_address: object) -> None:
        with self.lock:
            self.ports.append(client_address[1])  # type: ignore[index]
        super().process_request(request, client_address)  # type: ignore[arg-type]


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(2)
        try:
            sock.recv(65536)
            body = self.server.marker.encode()  # type: ignore[attr-defined]
            head = f"HTTP/1.0 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            sock.sendall(head + body)
        except OSError:
            pass


class Listener:
    """A TCP listener on 127.0.0.1 that counts connections (HTTP requests get the marker)."""

    def __init__(self, marker: str) -> None:
        self._server = _Server(marker)
        self.port = self._server.server_address[1]
        self._sentinels: set[int] = set()
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def url(self, path: str = "x") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def hits(self) -> int:
        """Connections made so far by anything but this object itself.

        A connection of its own (a sentinel) is made and waited for first: the listener
        accepts in order, so every earlier connection has been counted by then.
        """
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sentinel:
            port = sentinel.getsockname()[1]
            self._sentinels.add(port)
            deadline = time.monotonic() + 5
            while port not in self._server.ports:
                if time.monotonic() > deadline:
                    raise AssertionError("the listener did not accept its own sentinel")
                time.sleep(0.005)
        with self._server.lock:
            return sum(1 for p in self._server.ports if p not in self._sentinels)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


@pytest.fixture
def listener(canary: Canary) -> Iterator[Listener]:
    server = Listener(canary.marker)
    try:
        yield server
    finally:
        server.close()

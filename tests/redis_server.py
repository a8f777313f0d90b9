"""A private, throwaway redis-server for tests: loopback only, on a free port, no persistence.

Tests that need Redis start one from a fixture and stop it at the end. Without the
redis-server program (REDIS_SERVER, or the one on PATH, e.g. Debian's package redis-server)
they are skipped on a developer machine, but with CI=true a missing server fails the run,
as a missing Chromium does (tests/conftest.py).
"""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import IN_CI

REDIS_SERVER = os.environ.get("REDIS_SERVER") or shutil.which("redis-server") or \
    "/usr/bin/redis-server"
START_SECONDS = 10


def require_redis_server() -> str:
    """The redis-server program; skips the test without it, or fails it when CI=true."""
    if os.path.exists(REDIS_SERVER):
        return REDIS_SERVER
    message = f"no redis-server at {REDIS_SERVER}: the shared cache tests cannot run"
    if IN_CI:
        pytest.fail(f"CI=true but {message}.", pytrace=False)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """One redis-server process. start() and stop() may be called again (same port and
    directory), as a Redis that crashes and comes back would; it comes back empty."""

    def __init__(self, directory: Path, port: int | None = None):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=5)

    def start(self) -> "RedisServer":
        program = require_redis_server()
        log = self.directory / "redis.log"
        self.process = subprocess.Popen(
            [program, "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.directory),
             "--daemonize", "no", "--logfile", str(log), "--loglevel", "warning"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        )
        self._wait_until_answering(log)
        return self

    def _wait_until_answering(self, log: Path) -> None:
        import redis

        deadline = time.monotonic() + START_SECONDS
        while True:
            if self.process.poll() is not None:
                text = log.read_text() if log.exists() else ""
                raise RuntimeError(f"redis-server on port {self.port} exited: {text}")
            try:
                with self.client() as client:
                    if client.ping():
                        return
            except redis.ConnectionError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"redis-server on port {self.port} did not answer")
            time.sleep(0.02)

    def stop(self) -> None:
        """Kills the server at once, as a crash would: clients see their connections drop."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def flush(self) -> None:
        with self.client() as client:
            client.flushall()

    def delete_matching(self, pattern: str) -> int:
        """Deletes the keys matching pattern (as Redis evicting them would); how many."""
        with self.client() as client:
            keys = list(client.scan_iter(match=pattern))
            return client.delete(*keys) if keys else 0

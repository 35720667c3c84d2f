"""``manage.py serve`` (``make serve``): the production server and the worker start together,
answer on REFUSJON_BIND with the static files, and stop together."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from tests.conftest import REPO

START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_serve_starts_gunicorn_and_the_worker_and_stops_both(tmp_path: Path) -> None:
    port = free_port()
    environment = {
        **os.environ,
        "REFUSJON_DATA_DIR": str(tmp_path),
        "REFUSJON_BIND": f"127.0.0.1:{port}",
        "REFUSJON_WEB_WORKERS": "1",
        "REFUSJON_DEBUG": "0",
    }
    environment.pop("DATABASE_URL", None)
    manage = [sys.executable, str(REPO / "manage.py")]
    for step in (["migrate", "--verbosity", "0"], ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run([*manage, *step], env=environment, check=True, cwd=REPO)
    server = subprocess.Popen(
        [*manage, "serve"],
        env=environment,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(server.stdout or []), daemon=True)
    reader.start()
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_SECONDS
        status = 0
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status, page = get(f"{base}/login/")
                break
            except OSError:
                time.sleep(0.3)
        assert status == 200
        assert b'name="password"' in page
        status, css = get(f"{base}/static/refusjon/site.css")
        assert status == 200 and css
        # The worker beside it says it has started (it may come up after the web server).
        while time.monotonic() < deadline and "Starting worker" not in "".join(lines):
            time.sleep(0.3)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        reader.join(timeout=10)
    output = "".join(lines)
    assert "Starting worker" in output  # the worker ran beside the web server
    assert "Booting worker" in output  # gunicorn's own worker process
    assert "Traceback" not in output
    # The embedded database is in write-ahead-log mode (kept in the file), so readers go on
    # while one request writes.
    with sqlite3.connect(tmp_path / "refusjon.sqlite3") as database:
        assert database.execute("PRAGMA journal_mode").fetchone() == ("wal",)

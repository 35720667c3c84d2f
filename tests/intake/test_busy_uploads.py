"""Issue 10: one student's eight photos at once must not make anyone else's sign-in fail.

The real thing, on the embedded SQLite database (a file, in WAL mode, as ``make serve`` has
it): the production server (``manage.py serve``: gunicorn, two processes of eight threads) on
a migrated database of its own; alice uploads eight photos at the same moment, each on a
connection of its own, while three other students sign in again and again. Nobody gets a
server error, every upload is taken at once, and none of them was decoded in the request: all
eight wait for the worker, which then checks them.

It is a test of SQLite: the PostgreSQL pass of ``make test`` has nothing to add to it.
"""

from __future__ import annotations

import io
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from PIL import Image

from tests.conftest import REPO

# What locked SQLite (one writer at a time); the PostgreSQL pass leaves it out.
pytestmark = pytest.mark.sqlite

PASSWORD = "correct horse battery staple"
OTHERS = ("carol", "erin", "frank")
PHOTOS = 8
TIMEOUT = 60

# Migrated and seeded in one process: starting Django takes a good part of a second.
SETUP = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from tests.claims.conftest import student
from tests.factories import sio_draft
alice = student("alice", "P-ALICE")
for number, name in enumerate(OTHERS):
    student(name, f"P-{number}")
print(sio_draft(alice, "700.00").reference)
""".replace("OTHERS", repr(OTHERS))


@dataclass
class Site:
    url: str
    env: dict[str, str]
    data: Path
    log: Path
    reference: str = ""
    photos: list[bytes] = field(default_factory=list)

    def query(self, sql: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.data / "refusjon.sqlite3") as connection:
            return connection.execute(sql).fetchall()

    def manage(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``manage.py ARGS`` on the site's database, in a process of its own."""
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    """A migrated SQLite database with alice's draft claim and three other students, and the
    production server on it, without the worker."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")])),
        DJANGO_SETTINGS_MODULE="tests.intake.server_settings",
        REFUSJON_ENV="test",
        REFUSJON_DATA_DIR=str(tmp_path),
        REFUSJON_TASKS="database",
        # The checks are what is tried here; reading eight photos of noise would take minutes.
        REFUSJON_READ_DOCUMENTS="0",
        REFUSJON_BIND=f"127.0.0.1:{port}",
        REFUSJON_WEB_WORKERS="2",
        REFUSJON_WEB_THREADS="8",
    )
    site = Site(f"http://127.0.0.1:{port}", env, tmp_path, tmp_path / "server.log")
    ready = subprocess.run(
        [sys.executable, "-c", SETUP],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ready.returncode == 0, ready.stderr
    site.reference = ready.stdout.strip()
    with site.log.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "serve", "--no-worker"],
            env=env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # the server and its workers, stopped together if need be
        )
        try:
            site.photos = [photo(seed) for seed in range(PHOTOS)]  # while the server starts
            wait_until_up(site, server)
            yield site
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)


def wait_until_up(site: Site, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        assert server.poll() is None, site.log.read_text()
        try:
            requests.get(f"{site.url}/login/", timeout=5)
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
        else:
            return
    raise AssertionError("the server did not start:\n" + site.log.read_text())


def photo(seed: int) -> bytes:
    """A phone-sized photo (2000 x 1500) of noise, about 2.7 MB: more than Django keeps in
    memory, so the upload comes as a file on disk, as a real photo does."""
    pixels = random.Random(seed).randbytes(2000 * 1500 * 3)
    buffer = io.BytesIO()
    Image.frombytes("RGB", (2000, 1500), pixels).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


@dataclass
class Responses:
    """Every response of the test's requests, as (what, status)."""

    seen: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, what: str, response: requests.Response) -> requests.Response:
        with self.lock:
            self.seen.append((what, response.status_code))
        return response

    def of(self, what: str) -> list[int]:
        return [status for name, status in self.seen if name == what]


def sign_in(site: Site, username: str, responses: Responses) -> requests.Session:
    session = requests.Session()
    session.headers["Accept-Language"] = "en"
    responses.note("sign-in page", session.get(f"{site.url}/login/", timeout=TIMEOUT))
    form = {
        "username": username,
        "password": PASSWORD,
        "csrfmiddlewaretoken": session.cookies["csrftoken"],
    }
    signed = session.post(f"{site.url}/login/", data=form, allow_redirects=False, timeout=TIMEOUT)
    responses.note("sign-in", signed)
    return session


def test_eight_photos_at_once_give_nobody_a_server_error_and_are_all_checked(site: Site) -> None:
    responses = Responses()
    alice = sign_in(site, "alice", responses)
    start = threading.Barrier(PHOTOS + len(OTHERS))
    uploads_done = threading.Event()

    def upload(number: int) -> None:
        session = requests.Session()  # a connection of its own, alice's session
        session.cookies.update(alice.cookies)
        form = {
            "document_type": "receipt",
            "language": "no",
            "csrfmiddlewaretoken": alice.cookies["csrftoken"],
        }
        files = {"file": (f"photo-{number}.jpg", site.photos[number], "image/jpeg")}
        start.wait()
        url = f"{site.url}/claim/{site.reference}/documents/"
        sent = session.post(url, data=form, files=files, allow_redirects=False, timeout=TIMEOUT)
        responses.note("upload", sent)

    def keep_signing_in(username: str) -> None:
        start.wait()
        rounds = 0
        while rounds < 3 or not uploads_done.is_set():
            session = sign_in(site, username, responses)
            responses.note("home", session.get(f"{site.url}/", timeout=TIMEOUT))
            rounds += 1

    uploaders = [threading.Thread(target=upload, args=(number,)) for number in range(PHOTOS)]
    others = [threading.Thread(target=keep_signing_in, args=(name,)) for name in OTHERS]
    for thread in uploaders + others:
        thread.start()
    for thread in uploaders:
        thread.join(TIMEOUT)
    uploads_done.set()
    for thread in others:
        thread.join(TIMEOUT)

    log = site.log.read_text()
    assert [seen for seen in responses.seen if seen[1] >= 500] == [], log
    assert responses.of("upload") == [302] * PHOTOS
    assert len(responses.of("sign-in")) >= 1 + 3 * len(OTHERS)
    assert set(responses.of("sign-in")) == {302} and set(responses.of("home")) == {200}
    assert "database is locked" not in log
    # Taken at once, decoded by none of the requests: all eight wait for the worker.
    assert site.query("SELECT check_status FROM claims_attachment") == [("pending",)] * PHOTOS
    page = alice.get(f"{site.url}/claim/{site.reference}/", timeout=TIMEOUT).text
    assert page.count("being checked") == PHOTOS

    worked = site.manage(
        "db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0"
    )

    assert worked.returncode == 0, worked.stderr
    checked = site.query("SELECT check_status, file FROM claims_attachment ORDER BY id")
    assert [status for status, _file in checked] == ["ok"] * PHOTOS
    assert [
        path for path in (site.data / "uploads" / "quarantine").rglob("*") if path.is_file()
    ] == []
    page = alice.get(f"{site.url}/claim/{site.reference}/", timeout=TIMEOUT).text
    assert "being checked" not in page
    first = site.query("SELECT id FROM claims_attachment ORDER BY id")[0][0]
    download = alice.get(f"{site.url}/documents/{first}/", timeout=TIMEOUT)
    assert download.status_code == 200 and download.headers["Content-Type"] == "image/jpeg"

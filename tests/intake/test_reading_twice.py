"""A document is read by one worker: a second job for the same document, started while the first
is reading it (two workers, or a job asked for twice), does not read it again. On SQLite and on
PostgreSQL, with each job in its own thread and database connection, as workers are."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from pytest_django import Settings

from refusjon.claims.models import User
from refusjon.intake import readings
from refusjon.intake.models import DocumentReading, NameCheck, ReadingUnderWay
from refusjon.intake.reading import reader
from refusjon.intake.reading.records import Extraction
from tests.conftest import Clock
from tests.factories import NOW, sio_draft
from tests.intake.test_readings import JANUARY, attach, fee, overview

# Each job commits what it does, as on the site, so the other thread sees it.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(tmp_path: Path, settings: Settings) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def named_alice(alice: User) -> User:
    alice.first_name, alice.last_name = "Alice", "Sæther"
    alice.save()
    return alice


class SlowReader:
    """The reader, counting its readings; the first waits until it is let go, as OCR takes
    seconds, so that a second job starts while it reads."""

    def __init__(self, *, first_waits: bool = True) -> None:
        self.calls = 0 if first_waits else 1
        self.reading = threading.Event()
        self.go_on = threading.Event()

    def __call__(self, data: bytes, **_options: Any) -> Extraction:
        self.calls += 1
        if self.calls == 1:
            self.reading.set()
            self.go_on.wait(timeout=30)
        return overview("Alice Sæther", (fee(JANUARY, "179.00"),))


def in_a_worker(attachment_id: int) -> threading.Thread:
    def run() -> None:
        try:
            readings.read_document_job.call(attachment_id)
        finally:
            connection.close()

    worker = threading.Thread(target=run)
    worker.start()
    return worker


def test_a_second_job_leaves_a_document_being_read_to_the_first(
    named_alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = SlowReader()
    monkeypatch.setattr(reader, "read_document", slow)
    attachment = attach(sio_draft(named_alice, "179.00"))

    first = in_a_worker(attachment.pk)
    try:
        assert slow.reading.wait(timeout=30)
        second = in_a_worker(attachment.pk)
        second.join(timeout=30)
        assert not second.is_alive()  # it did not wait for the first, either
    finally:
        slow.go_on.set()
        first.join(timeout=30)

    assert slow.calls == 1
    reading = DocumentReading.objects.get()
    assert reading.name_check == NameCheck.MATCHES and reading.lines.count() == 1
    assert not ReadingUnderWay.objects.exists()  # the first is done with it


def test_a_reading_its_worker_abandoned_is_taken_over(
    named_alice: User, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    quick = SlowReader(first_waits=False)
    monkeypatch.setattr(reader, "read_document", quick)
    attachment = attach(sio_draft(named_alice, "179.00"))
    clock.set(NOW)
    readings.start_reading(attachment)  # a worker that died while reading it

    readings.read_document_job.call(attachment.pk)
    assert quick.calls == 1 and not DocumentReading.objects.exists()

    clock.advance(readings.ABANDONED + timedelta(seconds=1))
    readings.read_document_job.call(attachment.pk)

    assert quick.calls == 2
    assert DocumentReading.objects.get().lines.count() == 1
    assert not ReadingUnderWay.objects.exists()


def test_a_reading_that_fails_may_be_tried_again_at_once(
    named_alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(data: bytes, **_options: Any) -> Extraction:
        raise OSError("the engine is gone")

    monkeypatch.setattr(reader, "read_document", failing)
    attachment = attach(sio_draft(named_alice, "179.00"))
    with pytest.raises(Exception, match="the engine is gone"):
        readings.read_document_job.call(attachment.pk)  # each of its attempts fails
    monkeypatch.setattr(reader, "read_document", SlowReader(first_waits=False))

    readings.read_document_job.call(attachment.pk)  # asked for again (read_documents)

    assert DocumentReading.objects.get().lines.count() == 1

"""With the database backend, as in production: a notice's job commits with the change that
made the event, or not at all, and the worker sends it; the daily run of reminders and interim
replies is started by ``manage.py schedule_jobs`` and keeps one run waiting. On SQLite and on
PostgreSQL."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult
from pytest_django import Settings

from refusjon.claims import services
from refusjon.claims.models import User
from refusjon.notices import services as notices
from tests.factories import NOW, sio_claim
from tests.jobs import run_worker, use_database_jobs, waiting_jobs
from tests.notices.conftest import Mailbox

pytestmark = pytest.mark.django_db(transaction=True)

SEND = notices.send_notice.module_path
DAILY = notices.send_daily_notices.module_path


@pytest.fixture(autouse=True)
def database_jobs(settings: Settings) -> None:
    use_database_jobs(settings)


def test_the_receipt_waits_for_the_worker_and_is_sent_by_it(smtp: Mailbox, alice: User) -> None:
    claim = sio_claim(alice, "300.00")
    services.submit_claim(claim, by=alice, token="t", now=NOW)
    assert waiting_jobs(SEND) == 1 and smtp.messages == []

    run_worker(until_done=True)

    assert claim.reference in smtp.one()["Subject"]


def test_a_change_rolled_back_asks_for_no_notice(smtp: Mailbox, alice: User) -> None:
    claim = sio_claim(alice, "300.00")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.submit_claim(claim, by=alice, token="t", now=NOW)
        raise RuntimeError("the request failed after the submission")
    assert waiting_jobs(SEND) == 0
    run_worker(until_done=True)
    assert smtp.messages == []


def test_schedule_jobs_starts_the_daily_notices_once() -> None:
    out = io.StringIO()
    call_command("schedule_jobs", stdout=out)
    call_command("schedule_jobs", stdout=out)

    assert "Reminders and interim replies will be sent at 2026-11-03 07:00" in out.getvalue()
    assert "reminders and interim replies is already waiting" in out.getvalue()
    assert waiting_jobs(DAILY) == 1


def test_the_daily_run_asks_for_the_next_morning() -> None:
    notices.send_daily_notices.enqueue()
    run_worker(max_tasks=1)
    [waiting] = DBTaskResult.objects.filter(task_path=DAILY, status="READY")
    # NOW is 11:00 in Oslo on 2 November: the next run is at 07:00 in Oslo on 3 November.
    assert waiting.run_after == datetime(2026, 11, 3, 6, 0, tzinfo=UTC)

"""Sign-in records (user names and addresses) are deleted after REFUSJON_SIGNIN_RECORDS_DAYS by
a nightly job, which asks for the next night's run itself (both databases, the real worker)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from axes.models import AccessFailureLog, AccessLog
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from refusjon.claims.models import AuditEntry
from refusjon.web.signin_records import forget_old_signins_daily
from tests.factories import NOW
from tests.jobs import run_worker, use_database_jobs, waiting_jobs

NIGHTLY = forget_old_signins_daily.module_path


@pytest.fixture(autouse=True)
def database_jobs(settings: Any, transactional_db: None) -> None:
    use_database_jobs(settings)
    settings.REFUSJON_SIGNIN_RECORDS_DAYS = 90


def records(days_ago: int, username: str) -> None:
    """A failed and a successful sign-in of ``username``, made ``days_ago`` days before NOW."""
    at = NOW - timedelta(days=days_ago)
    failure = AccessFailureLog.objects.create(username=username, ip_address="192.0.2.7")
    success = AccessLog.objects.create(username=username, ip_address="192.0.2.7")
    # attempt_time is set when a row is made; the records are dated as if made then.
    AccessFailureLog.objects.filter(pk=failure.pk).update(attempt_time=at)
    AccessLog.objects.filter(pk=success.pk).update(attempt_time=at)


def test_records_older_than_the_setting_are_deleted_and_the_rest_kept() -> None:
    records(days_ago=91, username="old@example.org")
    records(days_ago=89, username="recent@example.org")
    forget_old_signins_daily.enqueue()  # as if tonight's time had come

    run_worker(max_tasks=1)

    assert set(AccessFailureLog.objects.values_list("username", flat=True)) == {
        "recent@example.org"
    }
    assert set(AccessLog.objects.values_list("username", flat=True)) == {"recent@example.org"}
    entry = AuditEntry.objects.get(action="web.signin.records_removed")
    assert (entry.data["failures"], entry.data["successes"]) == (1, 1)
    assert "old@example.org" not in str(entry.data)


def test_the_job_asks_for_the_next_night_and_only_one_run_ever_waits() -> None:
    forget_old_signins_daily.enqueue()

    run_worker(max_tasks=1)

    [waiting] = DBTaskResult.objects.filter(task_path=NIGHTLY, status="READY")
    # NOW is 11:00 in Oslo on 2 November: the next run is at 03:30 in Oslo on 3 November.
    assert waiting.run_after == datetime(2026, 11, 3, 2, 30, tzinfo=UTC)
    # Nothing to delete: no log entry saying nothing was deleted.
    assert not AuditEntry.objects.filter(action="web.signin.records_removed").exists()


def test_schedule_jobs_starts_the_nightly_run_once() -> None:
    out = io.StringIO()
    call_command("schedule_jobs", stdout=out)
    call_command("schedule_jobs", stdout=out)

    assert "Old sign-in records will be removed at 2026-11-03 03:30" in out.getvalue()
    assert "The next removal of old sign-in records is already waiting." in out.getvalue()
    assert waiting_jobs(NIGHTLY) == 1

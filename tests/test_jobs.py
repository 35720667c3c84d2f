"""Background jobs: asked for with the data they work on, tried again when they fail, and
shown to staff when they fail for good (on both databases, with the real worker)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from refusjon.claims.models import AuditEntry, User
from refusjon.jobs import failed_jobs, job
from tests.claims.conftest import caseworker, student
from tests.factories import NOW
from tests.jobs import run_worker, use_database_jobs, waiting_jobs

runs: Counter[str] = Counter()


@job(label="Counting for a test", attempts=3)
def count(name: str) -> None:
    runs[name] += 1


@job(label="Failing twice for a test", attempts=3)
def fails_twice(name: str) -> None:
    runs[name] += 1
    if runs[name] <= 2:
        raise ConnectionError("the other system is not answering")


@job(label="Always failing for a test", attempts=3)
def always_fails(name: str) -> None:
    runs[name] += 1
    raise ValueError(f"no such file: {name}")


@pytest.fixture(autouse=True)
def database_jobs(settings: Any, transactional_db: None) -> None:
    use_database_jobs(settings)
    runs.clear()


def test_a_job_waits_for_the_worker_and_runs_once() -> None:
    count.enqueue("letters")
    assert runs["letters"] == 0
    assert waiting_jobs() == 1

    assert run_worker() == 1
    assert runs["letters"] == 1
    assert run_worker() == 0
    assert runs["letters"] == 1


def test_a_job_asked_for_in_a_transaction_that_is_undone_never_runs() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        count.enqueue("undone")
        raise RuntimeError("the request failed after asking for the job")

    assert waiting_jobs() == 0
    run_worker()
    assert runs["undone"] == 0


def test_a_failing_job_is_tried_again_until_it_succeeds() -> None:
    fails_twice.enqueue("bank")

    run_worker()

    assert runs["bank"] == 3
    assert failed_jobs(since=NOW) == []


def test_a_job_that_fails_every_attempt_is_shown_as_failed_for_good() -> None:
    always_fails.enqueue("scan.pdf")

    run_worker()

    assert runs["scan.pdf"] == 3  # its three attempts, then no more
    assert waiting_jobs() == 0
    [failed] = failed_jobs(since=NOW)
    assert failed.label == "Always failing for a test"
    assert failed.attempts == 3
    assert failed.arguments == "'scan.pdf'"
    assert "ValueError: no such file: scan.pdf" in failed.error


def signed_in(user: User) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def test_staff_see_a_failed_job_and_can_try_it_again() -> None:
    always_fails.enqueue("rates.csv")
    run_worker()
    bob = caseworker("bob")
    page = signed_in(bob).get(reverse("workspace:jobs"))
    assert page.status_code == 200
    assert "Always failing for a test" in page.content.decode()
    assert "no such file: rates.csv" in page.content.decode()
    [failed] = failed_jobs(since=NOW)

    answer = signed_in(bob).post(reverse("workspace:job_try_again", args=[failed.id]))

    assert answer.status_code == 302
    assert waiting_jobs() == 1  # asked for again, from its first attempt
    assert failed_jobs(since=NOW) == []
    entry = AuditEntry.objects.get(action="jobs.job.retried")
    assert entry.actor == bob
    assert entry.data["arguments"] == "'rates.csv'"
    run_worker()
    assert runs["rates.csv"] == 6


def test_a_student_sees_no_failed_jobs() -> None:
    always_fails.enqueue("x")
    run_worker()
    [failed] = failed_jobs(since=NOW)
    carol = student("carol", "P-CAROL")

    assert signed_in(carol).get(reverse("workspace:jobs")).status_code == 403
    answer = signed_in(carol).post(reverse("workspace:job_try_again", args=[failed.id]))
    assert answer.status_code == 403
    assert waiting_jobs() == 0


def test_trying_again_what_is_not_a_failed_job_says_so() -> None:
    bob = caseworker("bob")
    for job_id in ("not-a-uuid", "00000000-0000-0000-0000-000000000000"):
        answer = signed_in(bob).post(reverse("workspace:job_try_again", args=[job_id]), follow=True)
        assert answer.status_code == 200
        assert "not among the failed ones" in answer.content.decode()

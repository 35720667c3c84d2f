"""Background jobs: Django's tasks API, tried again when they fail, and shown to staff when
they fail for good.

A job is a task that takes ids (plain JSON, never objects) and is safe to run twice. When it
raises, it is tried again after a pause that doubles each time (1, 2, 4, 8 minutes), up to
``attempts`` times in all. Each attempt is its own row of the database backend: an attempt
that will be tried again ends with :class:`WillRetry` (its cause chained, so the row's
traceback shows what went wrong), which is how :func:`failed_jobs` tells the jobs that failed
for good from those still being tried.

Ask for a job inside the transaction that makes its work: with the database backend the job's
row commits with the data, or not at all (an outbox), and the worker sees it only then.

Where jobs run is a setting (``TASKS``; REFUSJON_TASKS picks the database backend, run by
``manage.py db_worker``, or the immediate one, which runs a job at once where it was asked for).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ParamSpec, cast

from django.utils.functional import Promise
from django_tasks import TaskResultStatus, task
from django_tasks.base import Task

from refusjon import clock

P = ParamSpec("P")

FIRST_PAUSE = timedelta(minutes=1)
WILL_RETRY = "refusjon.jobs.WillRetry"

# What each job does, in words for staff, by the job's dotted path.
LABELS: dict[str, str | Promise] = {}


class WillRetry(Exception):
    """This attempt failed, and the job will be tried again (the cause is chained)."""


def job(
    *, label: str | Promise, attempts: int = 5, priority: int = 0
) -> Callable[[Callable[P, None]], Task[P, None]]:
    """Make ``function`` a background job, tried up to ``attempts`` times in all."""

    def decorate(function: Callable[P, None]) -> Task[P, None]:
        @functools.wraps(function)
        def run(*args: Any, attempt: int = 1, **kwargs: Any) -> None:
            try:
                function(*args, **kwargs)
            except Exception as error:
                if attempt >= attempts:
                    raise
                _try_again(runner, attempt, args, kwargs)
                raise WillRetry(f"attempt {attempt} of {attempts} failed: {error!r}") from error

        runner = task(priority=priority)(run)
        LABELS[runner.module_path] = label
        return cast(Task[P, None], runner)

    return decorate


def ask_once(runner: Task[Any, None], *, run_after: datetime) -> bool:
    """Ask for ``runner`` at ``run_after`` unless a run of it is already waiting: a job that
    asks for its own next run (a daily one) then has only ever one run ahead. Whether one was
    asked for; only a backend that keeps jobs for later (the database) can."""
    from django_tasks_db.models import DBTaskResult

    if not runner.get_backend().supports_defer:
        return False
    waiting = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=runner.module_path
    )
    if waiting.exists():
        return False
    runner.using(run_after=run_after).enqueue()
    return True


def _try_again(runner: Task[Any, None], attempt: int, args: Any, kwargs: Any) -> None:
    later = runner
    if runner.get_backend().supports_defer:
        later = runner.using(run_after=clock.now() + FIRST_PAUSE * 2 ** (attempt - 1))
    later.enqueue(*args, attempt=attempt + 1, **kwargs)


@dataclass(frozen=True, slots=True)
class FailedJob:
    """A job whose last attempt failed, as staff see it."""

    id: str
    path: str
    label: str | Promise
    arguments: str
    attempts: int
    failed_at: datetime | None
    error: str


def failed_jobs(*, since: datetime, limit: int = 200) -> list[FailedJob]:
    """The jobs that failed for good since ``since``, newest first."""
    from django_tasks_db.models import DBTaskResult

    rows = (
        DBTaskResult.objects.failed()
        .exclude(exception_class_path=WILL_RETRY)
        .filter(finished_at__gte=since)
        .order_by("-finished_at")[:limit]
    )
    return [_failed(row) for row in rows]


def _call(row: Any) -> tuple[list[Any], dict[str, Any], int]:
    """A job row's arguments as its function takes them, and which attempt it was."""
    kwargs = dict(row.args_kwargs.get("kwargs", {}))
    attempt = int(kwargs.pop("attempt", 1))
    return list(row.args_kwargs.get("args", [])), kwargs, attempt


def _failed(row: Any) -> FailedJob:
    args, kwargs, attempts = _call(row)
    shown = [repr(arg) for arg in args]
    shown += [f"{name}={value!r}" for name, value in kwargs.items()]
    last_line = (row.traceback or "").strip().splitlines()[-1:] or [row.exception_class_path]
    return FailedJob(
        id=str(row.id),
        path=row.task_path,
        label=LABELS.get(row.task_path, row.task_path),
        arguments=", ".join(shown),
        attempts=attempts,
        failed_at=row.finished_at,
        error=last_line[0],
    )


def try_failed_again(job_id: str) -> FailedJob | None:
    """Ask for a job that failed for good once more, from its first attempt; the failed row
    goes (the caller logs what it was). None if there is no such failed job."""
    from django_tasks_db.models import DBTaskResult

    try:
        row = (
            DBTaskResult.objects.failed()
            .exclude(exception_class_path=WILL_RETRY)
            .filter(id=uuid.UUID(job_id))
            .first()
        )
    except ValueError:  # not a job's id at all
        return None
    if row is None:
        return None
    failed = _failed(row)
    args, kwargs, _attempt = _call(row)
    row.task.enqueue(*args, **kwargs)
    row.delete()
    return failed

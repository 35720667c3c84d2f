"""Running background jobs in tests as production does: the database backend and its worker.

Most tests run jobs at once (tests/conftest.py sets the immediate backend). A test that needs
to see a job wait in the database, and the worker take it, calls :func:`use_database_jobs`
and :func:`run_worker`. The worker sees committed data, as on the site, so such tests run on
``transactional_db``; one that runs in the test's transaction instead must stop the worker
closing its connection between jobs (patch ``db_worker.close_old_connections``), or the
transaction goes with it on PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

# A job's pause before its next attempt is cut short by moving it here.
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def use_database_jobs(settings: Any) -> None:
    """Jobs wait in the database for the worker, as in production."""
    settings.TASKS = DATABASE_TASKS


def run_worker(max_tasks: int | None = None, *, until_done: bool = False) -> int:
    """Run the jobs that are due, as ``manage.py db_worker --batch`` does (without touching
    the test process's signal handlers); how many were run. ``until_done`` runs the jobs that
    wait too (the next attempts of failing ones, their pauses cut short) until none is left."""
    before = DBTaskResult.objects.finished().count()
    for _ in range(20):
        Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=max_tasks,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run()
        waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        if not until_done or not waiting.exists():
            return DBTaskResult.objects.finished().count() - before
        waiting.update(run_after=LONG_AGO)
    raise AssertionError("the jobs did not finish")


def waiting_jobs(path: str | None = None) -> int:
    """Jobs asked for and not yet run (of one job, if ``path`` names it)."""
    jobs = DBTaskResult.objects.ready()
    return jobs.filter(task_path=path).count() if path else jobs.count()

"""Running background jobs in tests as production does: the database backend and its worker.

Most tests run jobs at once (tests/conftest.py sets the immediate backend). A test that needs
to see a job wait in the database, and the worker take it, uses :func:`database_jobs` (its
data must be committed, so it runs on ``transactional_db``) and :func:`run_worker`.
"""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def use_database_jobs(settings: Any) -> None:
    """Jobs wait in the database for the worker, as in production."""
    settings.TASKS = DATABASE_TASKS


def run_worker(max_tasks: int | None = None) -> int:
    """Run the jobs that are due, as ``manage.py db_worker --batch`` does (without touching
    the test process's signal handlers); how many were run."""
    before = DBTaskResult.objects.finished().count()
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
    return DBTaskResult.objects.finished().count() - before


def waiting_jobs(path: str | None = None) -> int:
    """Jobs asked for and not yet run (of one job, if ``path`` names it)."""
    jobs = DBTaskResult.objects.ready()
    return jobs.filter(task_path=path).count() if path else jobs.count()

"""``manage.py serve``: the web server and the background worker, started and stopped together.

``make serve`` runs the production server (gunicorn, configured in ``refusjon.web.gunicorn``);
``make run`` runs Django's development server instead (``--development``). Beside either runs
one ``db_worker`` for the background jobs. When one of the two stops, the other is stopped too
and the command exits with the first one's status, so a supervisor (systemd, a container
runtime) sees the failure and starts both again. SIGINT and SIGTERM are passed on to both.

In a larger installation, run the two apart instead (docs/deploy.md): ``gunicorn`` on each
application server, ``manage.py db_worker`` on as many machines as the jobs need.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from refusjon.web.gunicorn import bind_address

STOP_WAIT_SECONDS = 20


class Command(BaseCommand):
    help = "Run the web server and the background worker together."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--development",
            action="store_true",
            help="Django's development server (reloads on change) instead of gunicorn",
        )
        parser.add_argument(
            "--no-worker", action="store_true", help="the web server only, without the worker"
        )

    def handle(self, *args: Any, development: bool, no_worker: bool, **options: Any) -> None:
        python = sys.executable
        manage = [python, "-m", "django"]
        if development:
            web = [*manage, "runserver", bind_address()]
        else:
            web = [python, "-m", "gunicorn", "-c", "python:refusjon.web.gunicorn"]
            web.append("refusjon.web.wsgi:application")
        commands = {"web server": web}
        if not no_worker:
            worker = ["db_worker", "--no-reload", "--queue-name", "*", "--interval", "0.5"]
            commands["worker"] = [*manage, *worker]
            call_command("schedule_jobs")
        environment = {**os.environ, "DJANGO_SETTINGS_MODULE": _settings_module()}
        processes = {
            name: subprocess.Popen(command, env=environment) for name, command in commands.items()
        }
        self.stdout.write(f"Serving on http://{bind_address()}/ (Ctrl+C stops)")

        def stop(signum: int, frame: FrameType | None) -> None:
            for process in processes.values():
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        status = _wait_for_first(processes)
        stop(signal.SIGTERM, None)
        for process in processes.values():
            try:
                process.wait(STOP_WAIT_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
        sys.exit(status)


def _settings_module() -> str:
    return os.environ.get("DJANGO_SETTINGS_MODULE", "refusjon.web.settings")


def _wait_for_first(processes: dict[str, subprocess.Popen[bytes]]) -> int:
    """Wait until one process ends; its exit status."""
    while True:
        for name, process in processes.items():
            status = process.poll()
            if status is not None:
                if status:
                    print(f"serve: the {name} stopped (exit {status})", file=sys.stderr)
                return status
        time.sleep(0.5)

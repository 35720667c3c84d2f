"""Shared test helpers: the clock every test runs on, and where the project is."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from refusjon import clock as application_clock
from tests.factories import NOW

pytest_plugins = ["pytester", "tests.plugins.browser_summary"]

REPO = Path(__file__).resolve().parents[1]

# The spec cases and their exchange rates: the repository's copy of ../shared/cases, so a clone
# tests on its own (tests/rules/test_spec_cases.py checks the copy against ../shared).
CASES = REPO / "tests" / "rules" / "cases"

IMMEDIATE_TASKS = "django_tasks.backends.immediate.ImmediateBackend"


def shared_dir() -> Path:
    """``../shared`` beside the checkout (override with REFUSJON_SHARED)."""
    return Path(os.environ.get("REFUSJON_SHARED", REPO.parent / "shared"))


def pytest_configure(config: pytest.Config) -> None:
    """Passwords are hashed with MD5 in tests, the way Django advises: the site's argon2 takes
    100 MB and a good part of a second for each hash, and the suite makes and signs in a few
    thousand users. tests/test_settings.py checks the site itself keeps argon2."""
    from django.conf import settings
    from django.core.signals import setting_changed

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background jobs run at once, where they are asked for, unless a test runs the database
    # backend and its worker (tests/test_jobs.py does, on both databases).
    settings.TASKS = {"default": {"BACKEND": IMMEDIATE_TASKS, "QUEUES": ["default"]}}
    # django_tasks keeps the backends it made, and a job module imported while Django set up
    # (an app's receivers) has made the database one already: it lets go of them on this.
    setting_changed.send(sender=type(settings), setting="TASKS", value=settings.TASKS, enter=True)
    # A decision's letters are made when a student asks for one, not when it is made: two PDFs
    # of a second each for every decision the suite makes would double its time. The tests of
    # the letters turn it on (tests/letters/test_jobs.py).
    settings.REFUSJON_LETTERS_IN_ADVANCE = False
    # What tests store (letters, uploads) goes to a folder of this run's own, never to var/.
    settings.MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="refusjon-media-"))


def pytest_unconfigure(config: pytest.Config) -> None:
    from django.conf import settings

    if Path(settings.MEDIA_ROOT).name.startswith("refusjon-media-"):
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


class Clock:
    """The application's clock as a test holds it: it stands still until the test moves it."""

    def __init__(self, moment: datetime) -> None:
        self.set(moment)

    def set(self, moment: datetime) -> None:
        application_clock.set_to(moment)

    def advance(self, delta: timedelta) -> datetime:
        self.set(self.now() + delta)
        return self.now()

    def now(self) -> datetime:
        return application_clock.now()

    def today(self) -> date:
        return application_clock.today()


@pytest.fixture(autouse=True)
def clock() -> Iterator[Clock]:
    """Every test runs at ``tests.factories.NOW`` (2 November 2026, 11:00 in Oslo) unless it
    moves the clock, whatever day the suite runs on."""
    yield Clock(NOW)
    application_clock.set_to(None)


@pytest.fixture(autouse=True)
def english_by_default() -> Iterator[None]:
    """Messages outside a request are read in English unless a test asks for bokmål (a
    request picks its own language, as the site does)."""
    from django.utils import translation

    with translation.override("en"):
        yield


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked for the other database are left out (deselected, not skipped): those
    marked ``postgresql`` on SQLite (make test's PostgreSQL pass runs them), those marked
    ``sqlite`` on PostgreSQL."""
    from django.db import connection

    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    elsewhere = [item for item in items if item.get_closest_marker(other)]
    if elsewhere:
        config.hook.pytest_deselected(items=elsewhere)
        items[:] = [item for item in items if not item.get_closest_marker(other)]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """No test leaves Pillow accepting truncated images for the tests after it on the same
    worker (WeasyPrint, imported without ``refusjon.letters.pdf.weasyprint``, does that).
    Checked once every fixture of the test has been undone."""
    yield
    from PIL import ImageFile

    if ImageFile.LOAD_TRUNCATED_IMAGES:
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        pytest.fail(f"{item.nodeid} left ImageFile.LOAD_TRUNCATED_IMAGES on")

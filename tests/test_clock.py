"""The one clock: the application and its tests read the time only through ``refusjon.clock``,
so the suite passes on any day, and the clock a test sets is the one every path sees."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.db import models

from refusjon import clock
from tests.conftest import REPO, Clock
from tests.factories import NOW

# Calls that read the wall clock. ``time.monotonic`` (durations) and ``timezone.localdate(x)``
# with an argument (a conversion) do not.
WALL_CLOCK = {
    ("timezone", "now"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
}
NO_ARGUMENT_READS_NOW = {("timezone", "localdate"), ("timezone", "localtime")}
ONE_CLOCK = REPO / "src" / "refusjon" / "clock.py"


def _patches_the_time(call: ast.Call) -> bool:
    """``monkeypatch.setattr(timezone, "now", ...)``: the code under test no longer asks."""
    names = [arg.value for arg in call.args if isinstance(arg, ast.Constant)]
    return any(name in ("now", "today", "localdate") for name in names)


def _wall_clock_reads(path: Path, root: Path = REPO) -> list[str]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            called = (name, node.func.attr)
            if called in WALL_CLOCK or (called in NO_ARGUMENT_READS_NOW and not node.args):
                found.append((node.lineno, f"{'.'.join(called)}()"))
            if node.func.attr == "setattr" and _patches_the_time(node):
                found.append((node.lineno, "a patched wall clock (set the one clock instead)"))
        if isinstance(node, ast.keyword) and node.arg in ("auto_now", "auto_now_add"):
            found.append((node.value.lineno, node.arg))
    return [f"{path.relative_to(root)}:{line} {what}" for line, what in sorted(found)]


def test_nothing_but_the_clock_reads_the_wall_clock() -> None:
    modules = [*(REPO / "src").rglob("*.py"), *(REPO / "tests").rglob("*.py")]
    history = [path for path in modules if "migrations" in path.parts]  # as the models were
    reads = [
        read
        for path in modules
        if path != ONE_CLOCK and path not in history
        for read in _wall_clock_reads(path)
    ]
    assert reads == [], "read the time through refusjon.clock: " + ", ".join(reads)


def test_the_guard_finds_a_wall_clock_read(tmp_path: Path) -> None:
    module = tmp_path / "stamps.py"
    module.write_text(
        "from django.utils import timezone\n"
        "STAMP = timezone.now()\n"
        "TODAY = timezone.localdate()\n"
        "THEN = timezone.localdate(STAMP)\n"
        "created = DateTimeField(auto_now_add=True)\n"
        "monkeypatch.setattr(timezone, 'now', lambda: THEN)\n"
    )
    assert _wall_clock_reads(module, root=tmp_path) == [
        "stamps.py:2 timezone.now()",
        "stamps.py:3 timezone.localdate()",
        "stamps.py:5 auto_now_add",
        "stamps.py:6 a patched wall clock (set the one clock instead)",
    ]


def test_every_test_starts_at_the_same_moment(clock: Clock) -> None:
    assert clock.now() == NOW
    assert clock.today() == date(2026, 11, 2)


def test_today_is_the_day_in_oslo() -> None:
    with clock.frozen(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)):
        assert clock.today() == date(2027, 1, 1)  # half past midnight in Oslo
    assert clock.now() == NOW  # as it was


def test_the_clock_takes_only_aware_moments() -> None:
    with pytest.raises(ValueError, match="aware"):
        clock.set_to(datetime(2026, 1, 1))  # noqa: DTZ001


def test_stored_timestamps_come_from_the_clock() -> None:
    from refusjon.claims.models import Attachment, Claim

    fields = [*Claim._meta.get_fields(), *Attachment._meta.get_fields()]
    stamps = [field for field in fields if isinstance(field, models.DateTimeField)]
    assert stamps
    for field in stamps:
        assert not (field.auto_now or field.auto_now_add), field.name
        assert field.default in (clock.now, models.NOT_PROVIDED), field.name

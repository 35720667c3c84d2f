"""The one clock: what the application takes for now, and for today in Oslo.

Nothing else in the project reads the wall clock; services take ``now=None`` and fall back on
``clock.now()``. Tests set the clock (``tests/conftest.py`` freezes it for every test), so the
suite passes on any day. ``.ci/run`` proves it by running the database tests again with the
system clock moved ahead (Debian's faketime): a path that read the wall clock directly would
then disagree with the one the tests set.

The rules engine needs no clock at all: its dates come from the claims it decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone

_fixed: datetime | None = None


def now() -> datetime:
    """The current moment, time-zone aware (UTC)."""
    return _fixed if _fixed is not None else datetime.now(UTC)


def today() -> date:
    """Today's date where the organisations work (``TIME_ZONE``, Europe/Oslo)."""
    return timezone.localdate(now())


def next_at(at: time, *, after: datetime) -> datetime:
    """The first moment after ``after`` when it is ``at`` o'clock in Oslo (for daily jobs)."""
    day = timezone.localdate(after)
    moment = timezone.make_aware(datetime.combine(day, at))
    if moment > after:
        return moment
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), at))


def set_to(moment: datetime | None) -> None:
    """Fix the clock at ``moment`` (aware), or let it follow the system clock again (None).
    For tests and the demo's rehearsals only."""
    global _fixed
    if moment is not None and timezone.is_naive(moment):
        raise ValueError("the clock is set to an aware datetime")
    _fixed = moment


@contextmanager
def frozen(moment: datetime) -> Iterator[None]:
    """The clock stands at ``moment`` inside the block, and is as it was after."""
    before = _fixed
    set_to(moment)
    try:
        yield
    finally:
        set_to(before)

"""Sign-in records are kept no longer than security review needs them.

django-axes keeps every failed sign-in (``AccessFailureLog``) and every successful one
(``AccessLog``) with the user name and the address: personal data, kept so that someone can
look back at an attack. A daily job deletes those older than ``REFUSJON_SIGNIN_RECORDS_DAYS``
(90) and asks for the next day's run first, so there is only ever one run waiting.
The rows that count failures (``AccessAttempt``) go by themselves after the cool-down.
``manage.py serve`` starts the series (``manage.py schedule_jobs``).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims.services import audit
from refusjon.jobs import ask_once, job

# At night in Oslo, when nobody signs in.
RUN_AT = time(3, 30)


@job(label=_("Removing old sign-in records"), attempts=4)
def forget_old_signins_daily() -> None:
    """Ask for tomorrow's run, then delete the records older than the setting allows."""
    schedule_signin_cleanup()
    now = clock.now()
    forget_signins(before=now - timedelta(days=settings.REFUSJON_SIGNIN_RECORDS_DAYS), now=now)


@transaction.atomic
def forget_signins(*, before: datetime, now: datetime | None = None) -> int:
    """Delete the sign-in records made before ``before``; how many were deleted (logged)."""
    failures, _counts = AccessFailureLog.objects.filter(attempt_time__lt=before).delete()
    successes, _counts = AccessLog.objects.filter(attempt_time__lt=before).delete()
    if failures or successes:
        audit(
            "web.signin.records_removed",
            actor=None,
            now=now,
            before=before.isoformat(),
            failures=failures,
            successes=successes,
        )
    return int(failures + successes)


def schedule_signin_cleanup(*, now: datetime | None = None) -> bool:
    """Ask for the next night's run, unless one is waiting; whether one was asked for."""
    return ask_once(
        forget_old_signins_daily, run_after=clock.next_at(RUN_AT, after=now or clock.now())
    )

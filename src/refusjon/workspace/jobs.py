"""Background jobs that failed for good, for staff to see and to try again.

A job is tried several times before it counts as failed (refusjon.jobs); one listed here
needs a person: a bug, a file that is gone, a configuration that is wrong. Trying it again
is logged with what the job was and how it failed.
"""

from __future__ import annotations

from datetime import timedelta
from typing import cast

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from refusjon import clock
from refusjon.claims.models import User
from refusjon.claims.services import audit
from refusjon.jobs import failed_jobs, try_failed_again
from refusjon.workspace.access import caseworker_required

SHOWN_DAYS = 30


@caseworker_required
def failed(request: HttpRequest) -> HttpResponse:
    since = clock.now() - timedelta(days=SHOWN_DAYS)
    context = {"jobs": failed_jobs(since=since), "days": SHOWN_DAYS}
    return render(request, "workspace/jobs.html", context)


@caseworker_required
@require_POST
def try_again(request: HttpRequest, job_id: str) -> HttpResponse:
    with transaction.atomic():
        job = try_failed_again(job_id)
        if job is not None:
            audit(
                "jobs.job.retried",
                actor=cast(User, request.user),
                job=job.path,
                arguments=job.arguments,
                attempts=job.attempts,
                error=job.error,
            )
    if job is None:
        messages.error(request, _("That job is not among the failed ones (any more)."))
    else:
        messages.success(request, _("The job will be tried again shortly."))
    return redirect("workspace:jobs")

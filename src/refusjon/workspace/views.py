"""What caseworkers see: the queue of claims and each claim with the engine's proposal."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from refusjon.claims.models import Claim, ClaimStatus
from refusjon.claims.services import is_caseworker


def caseworker_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Only caseworkers reach the workspace; anyone else gets 403."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_caseworker(request.user):  # type: ignore[arg-type]
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@caseworker_required
def queue(request: HttpRequest) -> HttpResponse:
    open_claims = (
        Claim.objects.exclude(status__in=[ClaimStatus.DRAFT, ClaimStatus.PAID])
        .select_related("applicant")
        .order_by("submitted_on", "pk")
    )
    return render(request, "workspace/queue.html", {"claims": open_claims[:200]})

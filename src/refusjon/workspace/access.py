"""Who reaches the workspace: caseworkers only."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from refusjon.claims.models import User
from refusjon.claims.services import is_caseworker


def caseworker_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Only caseworkers reach the workspace; anyone else gets 403."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_caseworker(cast(User, request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped

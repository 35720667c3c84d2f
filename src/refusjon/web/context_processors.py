"""What every page may need to know about the site's configuration."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def sign_in(request: HttpRequest) -> dict[str, object]:
    """The label of the button that signs in through the institution, when that is on."""
    if not settings.REFUSJON_OIDC_ENABLED:
        return {"oidc_sign_in_label": None}
    return {"oidc_sign_in_label": settings.REFUSJON_OIDC_LABEL}


def navigation(request: HttpRequest) -> dict[str, object]:
    """Whether the signed-in person is a caseworker, and whether they administer the schemes,
    for the links in the page header."""
    from refusjon.claims.services import is_caseworker
    from refusjon.reassessment.services import can_change_schemes

    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    return {
        "is_caseworker": signed_in and is_caseworker(user),  # type: ignore[arg-type]
        "can_change_schemes": signed_in and can_change_schemes(user),  # type: ignore[arg-type]
    }

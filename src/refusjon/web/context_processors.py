"""What every page may need to know about the site's configuration."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def sign_in(request: HttpRequest) -> dict[str, object]:
    """The label of the button that signs in through the institution, when that is on."""
    if not settings.REFUSJON_OIDC_ENABLED:
        return {"oidc_sign_in_label": None}
    return {"oidc_sign_in_label": settings.REFUSJON_OIDC_LABEL}

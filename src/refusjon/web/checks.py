"""Deploy checks of the sign-in defences."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register


@register(Tags.security, deploy=True)
def sign_in_is_throttled(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Guessing passwords is slowed down: the throttle is on (docs/security/signin.md)."""
    if getattr(settings, "AXES_ENABLED", False):
        return []
    return [
        Warning(
            "The sign-in throttle is off: passwords can be guessed as fast as the site answers.",
            hint="Leave REFUSJON_SIGNIN_THROTTLE unset, or set it to 1.",
            id="refusjon.W010",
        )
    ]

"""Deploy checks: a production site must not pay from the demo's accounts."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register


@register(Tags.security, deploy=True)
def payers_are_configured(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """The bank files' debtor (name, organisation number, account, BIC) of every scheme comes
    from the environment, not from the demo values."""
    unset = getattr(settings, "REFUSJON_PAYER_DEMO_VALUES", [])
    if not unset:
        return []
    return [
        Warning(
            "The paying organisations are the demo's: bank files would name demo accounts.",
            hint="Set " + ", ".join(unset) + " (docs/configuration.md).",
            id="refusjon.W001",
        )
    ]

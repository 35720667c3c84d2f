"""Who runs a payout command: ``--by USERNAME``, else ``REFUSJON_OPERATOR`` from the
environment. The services check the finance role; this only finds the user."""

from __future__ import annotations

import os

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from refusjon.claims.models import User

VARIABLE = "REFUSJON_OPERATOR"


def operator(username: str | None) -> User:
    username = username or os.environ.get(VARIABLE, "")
    if not username:
        raise CommandError(
            _("Say who you are: --by USERNAME (or set %(variable)s).") % {"variable": VARIABLE}
        )
    user = User.objects.filter(username=username).first()
    if user is None:
        raise CommandError(_("There is no user %(name)s.") % {"name": username})
    return user

"""Django settings for the intake tests, only when the run brings none of its own.

The checks need Django only to translate their messages. Under pytest-django with a settings
module (``DJANGO_SETTINGS_MODULE`` in the environment or in pytest's configuration, which
pytest-django puts in the environment) those settings are used; otherwise the least that lets
``str(error)`` translate: default settings, no apps.
"""

from __future__ import annotations

import os

import django
from django.conf import settings

if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
    settings.configure()
    django.setup()


from tests.claims.conftest import alice, bob, carol, dave  # noqa: F401  (the cast)

"""The cast, and django-axes' clock held still: it reads the system clock, not the project's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine

from tests.claims.conftest import alice, bob, carol  # noqa: F401
from tests.factories import NOW


@pytest.fixture
def axes_time() -> Iterator[time_machine.Coordinates]:
    """The system clock stands at ``NOW`` (11:00 in Oslo) until the test moves it on."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller

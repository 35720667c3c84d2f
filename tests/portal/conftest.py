"""The portal reuses the fixed cast of the claims tests, with siri, a student of another
welfare organisation's institution."""

import pytest

from refusjon.claims.models import User
from tests.claims.conftest import UIS, alice, bob, carol, dave, student  # noqa: F401
from tests.payouts.conftest import fiona  # noqa: F401


@pytest.fixture
def siri(db: None) -> User:
    """A student at the University of Stavanger, whose welfare organisation is SiS; she has
    a regular GP at SiO too, which SiO's rules alone would take as enough."""
    user = student("siri", "P-SIRI", place=UIS)
    return user

"""The portal reuses the fixed cast of the claims tests, with siri, a student of another
welfare organisation's institution."""

from datetime import date

import pytest

from refusjon.claims.models import Institution, StudentProfile, User
from tests.claims.conftest import alice, bob, carol, dave  # noqa: F401
from tests.payouts.conftest import fiona  # noqa: F401


@pytest.fixture
def siri(db: None) -> User:
    """A student at the University of Stavanger, whose welfare organisation is SiS; she has
    a regular GP at SiO too, which SiO's rules alone would take as enough."""
    user = User.objects.create_user("siri", password="correct horse battery staple")
    uis = Institution.objects.create(
        code="uis", name="Universitetet i Stavanger", welfare_organisation="sis"
    )
    StudentProfile.objects.create(
        user=user,
        person_id="P-SIRI",
        birth_date=date(2001, 4, 9),
        institution=uis,
        semester_fee_paid=True,
        registered_student=True,
        sio_gp=True,
    )
    return user

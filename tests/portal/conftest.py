"""The portal reuses the fixed cast of the claims tests."""

from tests.claims.conftest import alice, bob, carol, dave  # noqa: F401
from tests.payouts.conftest import fiona  # noqa: F401

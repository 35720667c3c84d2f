"""The fixed cast, and fiona with the finance role, for walking the whole site."""

from tests.claims.conftest import alice, bob, carol, dave  # noqa: F401
from tests.payouts.conftest import fiona  # noqa: F401

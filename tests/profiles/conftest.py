"""The profile pages reuse the fixed cast of the claims tests."""

from tests.claims.conftest import alice, bob, carol, dave  # noqa: F401

"""The one error every claims service raises for a change that cannot be made."""

from __future__ import annotations


class ClaimError(Exception):
    """A change that cannot be made; the message says why, to the person who asked."""

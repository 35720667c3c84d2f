"""How a bank account is shown where the whole number is not needed."""

from __future__ import annotations


def masked_account(number: str) -> str:
    """The account number (Norwegian or IBAN) with all but its last four characters hidden
    (``•••••••7947``): enough for the student to know which account, not enough to use it.
    Spaces and the dots of ``8601.11.17947`` are left out; an empty number stays empty."""
    compact = "".join(number.split()).replace(".", "")
    return "•" * max(0, len(compact) - 4) + compact[-4:]

"""The running totals of a batch: per person, in memory, in the order claims are decided."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from refusjon.rules.context import Key
from refusjon.rules.engine import PAYING, Effects
from refusjon.rules.model import ClaimOutcome
from refusjon.rules.money import ZERO


@dataclass(slots=True)
class PersonHistory:
    totals: dict[Key, Decimal] = field(default_factory=dict)
    # Accepted expenses, kept as the hash of their key: a million lines would otherwise hold
    # a million tuples. Two different expenses of one person share a 64-bit hash with odds of
    # about n² / 2⁶⁵ for n expenses of that person: nil in practice.
    expenses: set[int] = field(default_factory=set)
    returned: set[str] = field(default_factory=set)


class Ledger:
    """An in-memory :class:`~refusjon.rules.context.History` that records decided claims."""

    def __init__(self) -> None:
        self._people: dict[str, PersonHistory] = {}

    def total(self, person_id: str, key: Key) -> Decimal:
        person = self._people.get(person_id)
        return person.totals.get(key, ZERO) if person else ZERO

    def has_expense(self, person_id: str, key: Key) -> bool:
        person = self._people.get(person_id)
        return person is not None and hash(key) in person.expenses

    def was_returned(self, person_id: str, claim_id: str) -> bool:
        person = self._people.get(person_id)
        return person is not None and claim_id in person.returned

    def record(self, effects: Effects | None) -> None:
        """Add a decided claim's effects; only paying claims change running totals."""
        if effects is None:
            return
        person = self._people.setdefault(effects.person_id, PersonHistory())
        if effects.outcome is ClaimOutcome.RETURNED:
            person.returned.add(effects.claim_id)
        if effects.outcome not in PAYING:
            return
        for key, amount in effects.totals.items():
            person.totals[key] = person.totals.get(key, ZERO) + amount
        person.expenses.update(hash(key) for key in effects.expenses)

    def __len__(self) -> int:
        return len(self._people)

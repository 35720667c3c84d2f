"""The running totals of a batch: per person, in the order claims are decided.

A file may hold any number of people, and a person's claims may come anywhere in it, so the
totals of everyone must be kept to the end. The people seen last are kept in memory; the others
wait in a temporary SQLite file of this process's own (:mod:`refusjon.rules.spill`), so memory
stays flat however many people a file holds. A person's claims usually come close together (an
export is written in submission order), so the file is seldom read.
"""

from __future__ import annotations

import pickle
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal

from refusjon.rules.context import Key
from refusjon.rules.engine import PAYING, Effects
from refusjon.rules.model import ClaimOutcome
from refusjon.rules.money import ZERO
from refusjon.rules.spill import TemporaryDatabase

PEOPLE_IN_MEMORY = 1000


@dataclass(slots=True)
class PersonHistory:
    totals: dict[Key, Decimal] = field(default_factory=dict)
    # Accepted expenses, kept as the hash of their key: a million lines would otherwise hold
    # a million tuples. Two different expenses of one person share a 64-bit hash with odds of
    # about n² / 2⁶⁵ for n expenses of that person: nil in practice.
    expenses: set[int] = field(default_factory=set)
    returned: set[str] = field(default_factory=set)


class Ledger:
    """A :class:`~refusjon.rules.context.History` that records decided claims, keeping at most
    ``people_in_memory`` people in memory and the rest on disk."""

    def __init__(self, people_in_memory: int = PEOPLE_IN_MEMORY) -> None:
        self._recent: OrderedDict[str, PersonHistory] = OrderedDict()
        self._limit = max(1, people_in_memory)
        self._spilled: Spill | None = None
        self._last_id: str | None = None
        self._last = PersonHistory()

    def total(self, person_id: str, key: Key) -> Decimal:
        return self._person(person_id).totals.get(key, ZERO)

    def has_expense(self, person_id: str, key: Key) -> bool:
        return hash(key) in self._person(person_id).expenses

    def was_returned(self, person_id: str, claim_id: str) -> bool:
        return claim_id in self._person(person_id).returned

    def record(self, effects: Effects | None) -> None:
        """Add a decided claim's effects; only paying claims change running totals."""
        if effects is None:
            return
        person = self._person(effects.person_id)
        if effects.outcome is ClaimOutcome.RETURNED:
            person.returned.add(effects.claim_id)
        if effects.outcome not in PAYING:
            return
        for key, amount in effects.totals.items():
            person.totals[key] = person.totals.get(key, ZERO) + amount
        person.expenses.update(hash(key) for key in effects.expenses)

    def _person(self, person_id: str) -> PersonHistory:
        """The person's history, brought into memory (a new one for someone not seen yet)."""
        if person_id == self._last_id:  # the claim being decided asks several times
            return self._last
        self._last_id, self._last = person_id, self._bring(person_id)
        return self._last

    def _bring(self, person_id: str) -> PersonHistory:
        person = self._recent.get(person_id)
        if person is not None:
            self._recent.move_to_end(person_id)
            return person
        person = self._spilled.take(person_id) if self._spilled is not None else None
        person = self._recent[person_id] = person or PersonHistory()
        if len(self._recent) > self._limit:
            oldest_id, oldest = self._recent.popitem(last=False)
            if oldest.totals or oldest.expenses or oldest.returned:
                if self._spilled is None:
                    self._spilled = Spill()
                self._spilled.put(oldest_id, oldest)
        return person

    def __len__(self) -> int:
        """How many people have a history (in memory or on disk)."""
        people = sum(1 for person in self._recent.values() if person != PersonHistory())
        return people + (len(self._spilled) if self._spilled is not None else 0)


class Spill:
    """People's histories on disk (pickle is safe here: no one but this process writes the
    file)."""

    def __init__(self) -> None:
        self._db = TemporaryDatabase(
            "CREATE TABLE people (person_id TEXT PRIMARY KEY, history BLOB) WITHOUT ROWID;"
        )

    def put(self, person_id: str, person: PersonHistory) -> None:
        state = (person.totals, person.expenses, person.returned)
        self._db.execute(
            "INSERT OR REPLACE INTO people VALUES (?, ?)",
            (person_id, pickle.dumps(state, pickle.HIGHEST_PROTOCOL)),
        )

    def take(self, person_id: str) -> PersonHistory | None:
        """The person's history, removed from the file (it is in memory again)."""
        row = self._db.execute(
            "DELETE FROM people WHERE person_id = ? RETURNING history", (person_id,)
        ).fetchone()
        if row is None:
            return None
        totals, expenses, returned = pickle.loads(row[0])
        return PersonHistory(totals, expenses, returned)

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM people").fetchone()[0])

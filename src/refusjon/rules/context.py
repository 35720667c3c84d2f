"""What a scheme's rules see while one claim is decided: the claim, the parameters, the
person's history and the claim's own running totals, and the explanation being written."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from refusjon.rules.model import Claim, ExpenseLine, LineOutcome, Step
from refusjon.rules.money import ZERO
from refusjon.rules.parameters import Parameters, ParameterValue

Key = tuple[Hashable, ...]


class History(Protocol):
    """What the engine needs to know about a person's earlier claims."""

    def total(self, person_id: str, key: Key) -> Decimal:
        """A running total (an amount or a count) of the person's accepted claims."""

    def has_expense(self, person_id: str, key: Key) -> bool:
        """Whether an accepted line of an earlier claim was this same expense."""

    def was_returned(self, person_id: str, claim_id: str) -> bool:
        """Whether the person's claim ``claim_id`` was returned for completion."""


@dataclass(slots=True)
class LineWork:
    """One line while it is being decided."""

    index: int
    line: ExpenseLine
    codes: list[str] = field(default_factory=list)  # reasons that reject the line
    notes: list[str] = field(default_factory=list)  # reasons on an accepted line
    outcome: LineOutcome = LineOutcome.ACCEPTED
    eligible: Decimal = ZERO
    refund: Decimal = ZERO
    computed: Decimal = ZERO  # the refund before any payout cap (the smallest payout's measure)
    pot: str | None = None

    def reject(self, code: str) -> None:
        self.codes.append(code)
        self.outcome = LineOutcome.REJECTED

    def refer(self, code: str) -> None:
        self.notes.append(code)
        self.outcome = LineOutcome.REFERRED


class Context:
    def __init__(self, claim: Claim, params: Parameters, history: History) -> None:
        self.claim = claim
        self.params = params
        self.history = history
        self.person_id = claim.applicant.person_id
        self.steps: list[Step] = []
        self.deltas: dict[Key, Decimal] = {}
        # False for a claim decided as if it had not been made (under a scheme's smallest
        # payout): it changes no running total and records no expense for duplicates.
        self.records = True
        self._cited: set[ParameterValue] = set()
        self._found = params.found

    def total(self, key: Key) -> Decimal:
        """A running total: the person's earlier claims plus this claim so far."""
        return self.history.total(self.person_id, key) + self.deltas.get(key, ZERO)

    def add(self, key: Key, amount: Decimal) -> None:
        self.deltas[key] = self.deltas.get(key, ZERO) + amount

    def param(self, name: str, day: date) -> Any:
        """A parameter's value, without a word in the explanation (for lists and codes)."""
        found = self._found.get(name)  # Parameters.at, without the call when it was found last
        if found is not None and found[0] <= day <= found[1]:
            return found[2].value
        return self.params.at(name, day).value

    # Steps are made as Step(key, args, source) would make them, but with tuple.__new__: without
    # the Python function the class's constructor is (a batch makes a dozen steps a claim).

    def cite(self, name: str, day: date) -> Any:
        """A parameter's value, said once in the explanation with its date and source."""
        found = self._found.get(name)  # as in param
        if found is not None and found[0] <= day <= found[1]:
            value = found[2]
        else:
            value = self.params.at(name, day)
        if value not in self._cited:
            self._cited.add(value)
            self.steps.append(tuple.__new__(Step, ("param", {"param": value}, None)))
        return value.value

    def explain(self, key: str, source: str | None = None, **args: Any) -> None:
        self.steps.append(tuple.__new__(Step, (key, args, source)))

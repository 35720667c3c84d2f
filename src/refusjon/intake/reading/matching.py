"""Each expense a student typed, checked against the fees read from the claim's documents.

A typed line is

- **supported** when a fee read from a document has the line's date (the day of treatment, or
  the day paid where the student gave one) and exactly its amount;
- **amount differs** when no fee supports it but one read on the same date has another amount
  (the closest amount is shown: that is the fee the student most likely mistyped);
- **not found** otherwise. A day either side is *not* a near miss: the overview prints the day
  of treatment, and a fee a day off is as likely another visit as a slip.

The same fee is often on more than one document (the helsenorge overview and the provider's
receipt): rows with the same date and amount on different documents are one fee, found in
several places; two such rows on one document are two fees (two visits on one day), and so
are two receipts (each is a payment of its own: two providers seen on one day for the same
fee), each of which may be one of the overviews' rows. Each fee
supports at most one typed line, so a fee typed twice is found once and the second line is
not found. Lines are matched in their numbers' order, exact matches first.

Pure Python: no Django, no clock.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from refusjon.intake.reading.records import Box


class Status(StrEnum):
    SUPPORTED = "supported"
    AMOUNT_DIFFERS = "amount_differs"
    NOT_FOUND = "not_found"


@dataclass(frozen=True, slots=True)
class TypedLine:
    """An expense line as the student typed it: its number in the claim, the day of treatment,
    the day paid if given, and the amount in NOK."""

    number: int
    date: date
    amount: Decimal
    paid_on: datetime.date | None = None


@dataclass(frozen=True, slots=True)
class FoundLine:
    """A fee line as read from one document: ``id`` is the read line's own key, ``document``
    the document's (both opaque here)."""

    id: int
    document: int
    date: date
    amount: Decimal
    provider: str = ""
    service: str = ""
    box: Box | None = None
    receipt: bool = False
    """Read from a receipt: one payment, never the same fee as another receipt's."""


@dataclass(frozen=True, slots=True)
class Fee:
    """One fee paid, with every place it was read (one row on each document that shows it)."""

    date: date
    amount: Decimal
    found: tuple[FoundLine, ...]

    @property
    def provider(self) -> str:
        return next((line.provider for line in self.found if line.provider), "")

    @property
    def service(self) -> str:
        return next((line.service for line in self.found if line.service), "")


@dataclass(frozen=True, slots=True)
class LineMatch:
    number: int
    status: Status
    fee: Fee | None = None
    """The fee that supports the line, or the one on its date with another amount."""


@dataclass(frozen=True, slots=True)
class Matching:
    lines: tuple[LineMatch, ...]
    """One per typed line, in the order given."""
    fees: tuple[Fee, ...]
    """Every fee read, by date."""

    def of_line(self, number: int) -> LineMatch | None:
        return next((match for match in self.lines if match.number == number), None)

    def line_of(self, fee: Fee) -> LineMatch | None:
        """The typed line this fee supports, or differs from in amount; None if no typed line
        took it (a fee the student has not added)."""
        return next((match for match in self.lines if match.fee is fee), None)

    @property
    def not_matching(self) -> tuple[LineMatch, ...]:
        return tuple(match for match in self.lines if match.status != Status.SUPPORTED)


def fees(found: tuple[FoundLine, ...] | list[FoundLine]) -> tuple[Fee, ...]:
    """The fees the found lines show: the n-th row of a date and amount on each overview, and
    the n-th receipt of that date and amount, are the same n-th fee of that date and amount."""
    by_key: dict[tuple[date, Decimal], dict[int, list[FoundLine]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for line in found:
        # Each receipt's row is a column of its own in the overviews' document columns.
        by_key[(line.date, line.amount)][-1 if line.receipt else line.document].append(line)
    result = []
    for (day, amount), documents in sorted(by_key.items()):
        for index in range(max(len(rows) for rows in documents.values())):
            places = tuple(rows[index] for rows in documents.values() if len(rows) > index)
            result.append(Fee(day, amount, places))
    return tuple(result)


def match_lines(
    typed: tuple[TypedLine, ...] | list[TypedLine],
    found: tuple[FoundLine, ...] | list[FoundLine],
) -> Matching:
    """Check each typed line against the fees read (see the module's docstring)."""
    all_fees = fees(found)
    free = list(range(len(all_fees)))
    taken: dict[int, LineMatch] = {}
    ordered = sorted(typed, key=lambda line: line.number)
    for line in ordered:
        index = next((i for i in free if _same_fee(line, all_fees[i])), None)
        if index is not None:
            free.remove(index)
            taken[line.number] = LineMatch(line.number, Status.SUPPORTED, all_fees[index])
    for line in ordered:
        if line.number in taken:
            continue
        same_day = [
            index
            for index in free
            if all_fees[index].date in _days(line) and all_fees[index].amount != line.amount
        ]
        if same_day:
            index = min(same_day, key=lambda i: abs(all_fees[i].amount - line.amount))
            free.remove(index)
            taken[line.number] = LineMatch(line.number, Status.AMOUNT_DIFFERS, all_fees[index])
        else:
            taken[line.number] = LineMatch(line.number, Status.NOT_FOUND)
    return Matching(tuple(taken[line.number] for line in typed), all_fees)


def _days(line: TypedLine) -> tuple[date, ...]:
    return (line.date,) if line.paid_on is None else (line.date, line.paid_on)


def _same_fee(line: TypedLine, fee: Fee) -> bool:
    return fee.amount == line.amount and fee.date in _days(line)

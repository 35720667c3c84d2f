"""Each typed expense is supported by a fee read from the documents, differs from it in
amount, or is not found; a fee on several documents is one fee, and supports one line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from refusjon.intake.reading.matching import FoundLine, Status, TypedLine, fees, match_lines

MARCH_12 = date(2025, 3, 12)
MARCH_13 = date(2025, 3, 13)


def typed(number: int, day: date, amount: str, paid_on: date | None = None) -> TypedLine:
    return TypedLine(number, day, Decimal(amount), paid_on)


def found(key: int, document: int, day: date, amount: str) -> FoundLine:
    return FoundLine(key, document, day, Decimal(amount))


def test_a_line_with_the_date_and_amount_of_a_fee_read_is_supported() -> None:
    matching = match_lines([typed(1, MARCH_12, "179.00")], [found(10, 1, MARCH_12, "179")])
    [line] = matching.lines
    assert line.status == Status.SUPPORTED
    assert line.fee is not None and [place.id for place in line.fee.found] == [10]


def test_a_line_on_the_date_of_a_fee_with_another_amount_differs() -> None:
    matching = match_lines([typed(1, MARCH_12, "197.00")], [found(10, 1, MARCH_12, "179.00")])
    [line] = matching.lines
    assert line.status == Status.AMOUNT_DIFFERS
    assert line.fee is not None and line.fee.amount == Decimal("179.00")


def test_a_fee_a_day_off_is_not_a_match() -> None:
    matching = match_lines([typed(1, MARCH_13, "179.00")], [found(10, 1, MARCH_12, "179.00")])
    assert matching.lines[0].status == Status.NOT_FOUND
    assert matching.lines[0].fee is None


def test_the_day_paid_counts_as_the_date_too() -> None:
    matching = match_lines(
        [typed(1, MARCH_12, "179.00", paid_on=MARCH_13)], [found(10, 1, MARCH_13, "179.00")]
    )
    assert matching.lines[0].status == Status.SUPPORTED


def test_a_fee_on_the_overview_and_on_a_receipt_is_one_fee_found_in_two_places() -> None:
    read = [found(10, 1, MARCH_12, "179.00"), found(20, 2, MARCH_12, "179.00")]
    assert len(fees(read)) == 1
    matching = match_lines([typed(1, MARCH_12, "179.00"), typed(2, MARCH_12, "179.00")], read)
    first, second = matching.lines
    assert first.status == Status.SUPPORTED
    assert first.fee is not None and {place.document for place in first.fee.found} == {1, 2}
    # The same fee typed twice is found once.
    assert second.status == Status.NOT_FOUND


def test_two_receipts_of_one_day_and_amount_are_two_fees_the_overview_may_show_either() -> None:
    receipts = [
        FoundLine(10, 1, MARCH_12, Decimal("375.00"), receipt=True),
        FoundLine(20, 2, MARCH_12, Decimal("375.00"), receipt=True),
    ]
    overview = found(30, 3, MARCH_12, "375.00")
    assert len(fees(receipts)) == 2
    both = fees([*receipts, overview])
    assert len(both) == 2
    assert sorted(len(fee.found) for fee in both) == [1, 2]  # the overview's row is one of them
    matching = match_lines([typed(1, MARCH_12, "375.00"), typed(2, MARCH_12, "375.00")], receipts)
    assert [line.status for line in matching.lines] == [Status.SUPPORTED, Status.SUPPORTED]


def test_two_visits_on_one_day_on_one_document_are_two_fees() -> None:
    read = [found(10, 1, MARCH_12, "179.00"), found(11, 1, MARCH_12, "179.00")]
    matching = match_lines([typed(1, MARCH_12, "179.00"), typed(2, MARCH_12, "179.00")], read)
    assert [line.status for line in matching.lines] == [Status.SUPPORTED, Status.SUPPORTED]
    assert matching.lines[0].fee is not matching.lines[1].fee


def test_an_exact_match_is_not_taken_by_an_earlier_line_with_another_amount() -> None:
    read = [found(10, 1, MARCH_12, "179.00"), found(11, 1, MARCH_12, "350.00")]
    matching = match_lines([typed(1, MARCH_12, "345.00"), typed(2, MARCH_12, "179.00")], read)
    first, second = matching.lines
    assert second.status == Status.SUPPORTED
    assert first.status == Status.AMOUNT_DIFFERS
    assert first.fee is not None and first.fee.amount == Decimal("350.00")


def test_a_fee_no_line_took_is_left_for_the_student_to_add() -> None:
    read = [found(10, 1, MARCH_12, "179.00"), found(11, 1, MARCH_13, "350.00")]
    matching = match_lines([typed(1, MARCH_12, "179.00")], read)
    supported, left = matching.fees
    assert matching.line_of(supported) is matching.lines[0]
    assert matching.line_of(left) is None
    assert matching.not_matching == ()


def test_nothing_read_leaves_every_line_not_found() -> None:
    matching = match_lines([typed(1, MARCH_12, "179.00")], [])
    assert matching.not_matching == matching.lines
    assert matching.of_line(1) is matching.lines[0]

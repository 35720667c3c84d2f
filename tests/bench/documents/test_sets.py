"""What holds of every corpus set in ``sets``, checked once over the registry (what is a set's
own is checked in its own test module, which this one calls for what its text PDFs print):
the same seed gives the same files, each set keeps its seed and draws from a stream of its
own; each blind set from the fifth on is true to itself, and from the sixth on has only what
no set before it has; from the tenth on, none prints a date or an amount as a set before it
does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bench.documents import content, generate, sets
from tests.bench.documents import (
    blind_sets,
    test_blind,
    test_blind3,
    test_blind4,
    test_blind5,
    test_blind6,
    test_blind7,
    test_blind8,
    test_blind9,
    test_blind10,
    test_blind11,
    test_blind12,
    test_blind13,
    test_blind14,
    test_blind15,
    test_blind16,
    test_blind17,
    test_blind18,
    test_blind19,
    test_fresh,
)

Check = Callable[[list[generate.Document], list[generate.Spec]], None]

PRINTED: dict[str, tuple[int, Check]] = {
    "fresh": (5, test_fresh.assert_prints_its_truth),
    "blind": (6, test_blind.assert_prints_its_truth),
    "blind3": (9, test_blind3.assert_prints_its_truth),
    "blind4": (12, test_blind4.assert_prints_its_truth),
    "blind5": (16, test_blind5.assert_prints_its_truth),
    "blind6": (18, test_blind6.assert_prints_its_truth),
    "blind7": (18, test_blind7.assert_prints_its_truth),
    "blind8": (18, test_blind8.assert_prints_its_truth),
    "blind9": (18, test_blind9.assert_prints_its_truth),
    "blind10": (18, test_blind10.assert_prints_its_truth),
    "blind11": (15, test_blind11.assert_prints_its_truth),
    "blind12": (15, test_blind12.assert_prints_its_truth),
    "blind13": (12, test_blind13.assert_prints_its_truth),
    "blind14": (12, test_blind14.assert_prints_its_truth),
    "blind15": (12, test_blind15.assert_prints_its_truth),
    "blind16": (12, test_blind16.assert_prints_its_truth),
    "blind17": (12, test_blind17.assert_prints_its_truth),
    "blind18": (12, test_blind18.assert_prints_its_truth),
    "blind19": (15, test_blind19.assert_prints_its_truth),
}
"""How many text PDFs of each set are made, and what each set's test checks they print."""

SEEDS = {
    "dev": 1304, "held-out": 20261213, "fresh": 20261204, "blind": 20261205,
    "blind3": 20261206, "blind4": 20261207, "blind5": 20261208, "blind6": 20261209,
    "blind7": 20261210, "blind8": 20261211, "blind9": 20261212, "blind10": 20261213,
    "blind11": 20261214, "blind12": 20261215, "blind13": 20261216, "blind14": 20261217,
    "blind15": 20261218, "blind16": 20261219, "blind17": 20261220, "blind18": 20261221,
    "blind19": 20261222, "blind20": 20261223,
}  # fmt: skip
"""The seeds the sets made so far were made from: a set made again must be the same set."""

NAMES = list(sets.SETS)


def since(first: str) -> list[str]:
    """The sets of new kinds from ``first`` on, in the order they were made (not the twentieth,
    which draws new documents of the kinds before it: see test_blind20)."""
    return [name for name in NAMES[NAMES.index(first) :] if sets.SETS[name].new_kinds]


@pytest.mark.parametrize("name", NAMES)
def test_the_same_seed_gives_the_same_files_and_truth_and_each_prints_its_truth(
    tmp_path: Path, name: str
) -> None:
    corpus_set = sets.SETS[name]
    count, check = PRINTED.get(name, (3, None))
    first = generate.generate(tmp_path / "a", corpus_set, count=count, renditions=("pdf",))
    second = generate.generate(tmp_path / "b", corpus_set, count=count, renditions=("pdf",))
    assert [d.path.read_bytes() for d in first] == [d.path.read_bytes() for d in second]
    assert (tmp_path / "a" / "truth.jsonl").read_bytes() == (
        tmp_path / "b" / "truth.jsonl"
    ).read_bytes()
    if check is not None:
        check(first, generate.plan(corpus_set, count=count, renditions=("pdf",)))


@pytest.mark.parametrize("name", NAMES)
def test_each_set_keeps_its_seed_and_draws_from_a_stream_of_its_own(name: str) -> None:
    corpus_set = sets.SETS[name]
    assert corpus_set.seed == SEEDS.get(name, corpus_set.seed)
    others = [other for other in sets.SETS.values() if other.name != name]
    stream = f"{corpus_set.stream}{corpus_set.seed}"
    assert stream not in {f"{other.stream}{other.seed}" for other in others}
    if NAMES.index(name) > NAMES.index("blind10"):
        assert corpus_set.seed not in {other.seed for other in others}


@pytest.mark.parametrize("name", since("blind6"))
def test_a_blind_set_has_only_what_the_sets_before_it_never_show(name: str) -> None:
    own = generate.plan(sets.SETS[name], count=300)
    places = None
    if NAMES.index(name) >= NAMES.index("blind10"):
        places = getattr(content, f"{name.upper()}_PLACES")
    blind_sets.assert_nothing_seen(own, blind_sets.specs_before(name), places)


DENTAL = {"blind18"}
"""Sets whose receipts are dentists': the exemption card does not cover them, so a receipt may
pass its limit."""


@pytest.mark.parametrize("name", since("blind5"))
def test_every_blind_truth_is_what_the_document_adds_up_to(name: str) -> None:
    """A truth's lines add up to its total; an overview stays under its limit, in its year,
    printed after its last fee; a receipt's items add up to its total, under the exemption
    card's limit (but a dentist's), and from the seventh set on it is itemised when it has more
    than one item."""
    itemised = NAMES.index(name) >= NAMES.index("blind7")
    for spec in generate.plan(sets.SETS[name], count=300):
        body, truth = spec.body, spec.truth("x", 1)
        assert sum(line.amount for line in truth.lines) == truth.total > 0
        if isinstance(body, content.Overview):
            assert truth.kind == "user_fee_overview" and truth.total < body.limit
            assert body.limit - body.total != body.total
            assert all(line.date.year == body.year for line in truth.lines)
            assert all(line.provider and line.service for line in truth.lines)
            assert body.printed_at > max(fee.day for fee in body.fees)
            continue
        assert truth.kind == "receipt" and truth.lines[0].date == body.day
        assert truth.receipt is not None and len(truth.receipt.organisation_number) == 9
        assert sum(item.amount for item in body.items) == body.total
        if name not in DENTAL:
            assert truth.total < content.EXEMPTION_CARD_LIMIT[body.day.year]
        if itemised:
            assert truth.receipt.itemised == (len(body.items) > 1)


WHOLE_KRONER = [
    Decimal("179.00"), Decimal("84.00"), Decimal("1234.00"), Decimal("3031.00"),
    Decimal("0.00"), Decimal("520.00"), Decimal("12.00"), Decimal("61.00"),
]  # fmt: skip
WITH_ORE = [Decimal("84.50"), Decimal("1234.50"), Decimal("3031.42"), Decimal("61.05")]


def every(step: int, first: date = date(2025, 1, 1), days: int = 365) -> list[date]:
    return [first + timedelta(days=offset) for offset in range(0, days, step)]


DAYS = {"blind14": every(9), "blind15": every(4), "blind16": every(4), "blind17": every(4)}
"""The days each set's dates are printed on, in every style of every set; from the
eighteenth set on, every fifth day of three years."""
LATER_DAYS = every(5, date(2024, 1, 1), 3 * 365)


@pytest.mark.parametrize("name", since("blind14"))
def test_no_date_or_amount_prints_as_a_set_before_it_prints_it(name: str) -> None:
    """A set's dates and amounts differ in print from every earlier set's: every day of a
    sample, each with every amount (in the styles that print it: a set of whole kroner
    refuses øre)."""
    amounts = WHOLE_KRONER + WITH_ORE
    ours_money = set().union(*(blind_sets.money_prints(name, amount) for amount in amounts))
    theirs_money = set().union(*(blind_sets.earlier_money(name, amount) for amount in amounts))
    assert not ours_money & theirs_money
    for value in DAYS.get(name, LATER_DAYS):
        ours = blind_sets.day_prints(name, value) | ours_money
        theirs = blind_sets.earlier_days(name, value) | theirs_money
        assert not ours & theirs, (name, value, sorted(ours & theirs))


YEAR = [date(2025, 1, 1) + timedelta(days=offset) for offset in range(365)]
AMOUNTS = [
    Decimal("179.00"), Decimal("84.50"), Decimal("1234.50"), Decimal("3031.42"),
    Decimal("0.00"), Decimal("520.00"), Decimal("12.00"), Decimal("61.05"),
]  # fmt: skip
CLOCKS = {"blind13": "14:32:07"}
"""The time of day each set's dates are printed at, where not 14:32."""


@pytest.mark.parametrize("name", blind_sets.sets_from("blind10", "blind14"))
def test_no_date_or_amount_of_a_year_prints_as_a_set_before_it_prints_it(name: str) -> None:
    """The tenth to thirteenth sets' dates and amounts differ in print from every earlier
    set's (every day of a year and a sample of amounts, in each of their styles)."""
    clock = CLOCKS.get(name, "14:32")
    ours = set().union(*(blind_sets.clocked_day_prints(name, day, clock) for day in YEAR))
    ours |= set().union(*(blind_sets.table_money_prints(name, amount) for amount in AMOUNTS))
    theirs = set().union(*(blind_sets.listed_earlier_days(name, day) for day in YEAR))
    theirs |= set().union(*(blind_sets.listed_earlier_money(name, amount) for amount in AMOUNTS))
    shared = {blind_sets.plain(text) for text in ours} & {blind_sets.plain(t) for t in theirs}
    assert not shared, sorted(shared)

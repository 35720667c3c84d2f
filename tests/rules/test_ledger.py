"""The running totals of a batch stay right, and memory flat, however many people a file holds:
the people not seen lately, and the claim ids past the first thousands, wait on disk."""

from __future__ import annotations

import gc
import json
import tracemalloc
from collections.abc import Iterator

import pytest

from refusjon.rules.batch import BatchAssessor, ClaimIds, decision_to_json, dumps
from refusjon.rules.explain import Renderer
from refusjon.rules.ledger import Ledger
from refusjon.rules.model import Decision
from tests.rules.test_cli import SIO_CLAIM
from tests.rules.test_parallel import mixed_file, rates


def records(assessor: BatchAssessor, lines: list[str]) -> list[bytes]:
    renderer = Renderer("en")
    return [
        dumps(decision_to_json(assessed.decision, renderer))
        for assessed in assessor.assess_lines(lines)
    ]


@pytest.mark.parametrize("people", [1, 2])
def test_a_ledger_holding_few_people_in_memory_decides_as_one_holding_everyone(
    people: int,
) -> None:
    lines = mixed_file()
    all_in_memory = BatchAssessor(rates=rates())
    few = BatchAssessor(
        rates=rates(), ledger=Ledger(people_in_memory=people), claim_ids=ClaimIds(5)
    )
    assert records(few, lines) == records(all_in_memory, lines)
    assert len(few.ledger) == len(all_in_memory.ledger) > 2  # the same people, most on disk


def test_a_person_brought_back_from_disk_keeps_their_totals() -> None:
    """Alice's second claim passes SiO's threshold only if her first is remembered, though
    three other people came between."""
    assessor = BatchAssessor(ledger=Ledger(people_in_memory=1))

    def claim_of(person: str, claim_id: str, day: str) -> str:
        data = json.loads(json.dumps(SIO_CLAIM))
        data["claim_id"], data["applicant"]["person_id"] = claim_id, person
        data["expenses"][0] |= {"service_on": day, "amount": "400.00"}
        return json.dumps(data)

    lines = [claim_of("alice", "A-1", "2026-02-03")]
    lines += [claim_of(person, f"{person}-1", "2026-02-03") for person in ("bob", "carol", "dan")]
    lines.append(claim_of("alice", "A-2", "2026-03-03"))
    refunds = [assessed.decision.refund_nok for assessed in assessor.assess_lines(lines)]
    assert [str(refund) for refund in refunds] == ["0.00", "0.00", "0.00", "0.00", "310.00"]


def test_a_repeated_claim_id_is_refused_after_the_ids_went_to_disk() -> None:
    ids = ClaimIds(in_memory=3)

    def answer(claim_id: str) -> Decision | None:
        identified = ids.identify(json.dumps({"claim_id": claim_id}))
        return None if identified.answer is None else identified.answer.decision

    assert [answer(f"C-{number}") for number in range(10)] == [None] * 10
    again = answer("C-1")
    assert again is not None
    assert again.errors == ("claim_id: already used earlier in the file",)
    assert answer("C-10") is None


def people(count: int) -> Iterator[str]:
    for number in range(count):
        data = json.loads(json.dumps(SIO_CLAIM))
        data["claim_id"] = f"C-{number}"
        data["applicant"]["person_id"] = f"P-{number}"
        yield json.dumps(data)


def test_memory_stays_flat_as_the_number_of_people_grows() -> None:
    """Each claim here is another person's: a ledger that kept everyone would grow with
    them. (SQLite's own cache is fixed in size and outside what tracemalloc sees.)"""

    def peak_for(count: int) -> int:
        assessor = BatchAssessor(ledger=Ledger(people_in_memory=200), claim_ids=ClaimIds(200))
        gc.collect()
        tracemalloc.start()
        for _ in assessor.assess_lines(people(count)):
            pass
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak

    peak_for(300)  # warm caches
    growth = peak_for(6000) - peak_for(1500)
    assert growth < 300_000, f"{growth:,} bytes more for 4,500 more people"

"""Properties of the rules engine that hold for every claim, checked with hypothesis.

The claims come from :mod:`tests.rules.strategies`: realistic, readable claims of all three
schemes, most of them ordinary, some refused for every reason the schemes know. Each property
runs a batch the way ``refusjon assess`` does (JSON Lines in, one decision per claim, in file
order).
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, event, given, settings, target
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from refusjon.rules import parallel
from refusjon.rules.batch import BatchAssessor, decision_to_json, dumps
from refusjon.rules.explain import Renderer
from refusjon.rules.model import ClaimOutcome, Decision, LineOutcome
from refusjon.rules.money import ZERO, round_ore
from refusjon.rules.parameters import default_parameters
from refusjon.rules.schema import decision_schema
from tests.rules import strategies as gen
from tests.rules.strategies import ClaimData

Spoiler = Callable[[ClaimData], None]

PAYING = {ClaimOutcome.APPROVED, ClaimOutcome.PARTIALLY_APPROVED}
NOT_PAID = {ClaimOutcome.RETURNED, ClaimOutcome.REJECTED, ClaimOutcome.INVALID}
# Lines a file may hold that cannot be read: they get an ``invalid`` decision.
BROKEN_LINES = (
    '{"claim_id": "X-1"',
    "[]",
    '{"claim_id": "X-2"}',
    '{"claim_id": "X-3", "scheme": 1}',
)

PROPERTY = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
DECISION_SCHEMA = Draft202012Validator(
    decision_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
)
# Checks of the form of each decision see some ten decisions per example: fewer examples do.
FORM = settings(PROPERTY, max_examples=50)
EXPLAIN = Renderer("en", with_sources=True)


# Running a batch ------------------------------------------------------------------------------


def decide(claims: Iterable[ClaimData]) -> dict[str, Decision]:
    """Each claim's decision, the claims read as JSON Lines in the given order by one batch."""
    assessor = BatchAssessor()
    decisions: dict[str, Decision] = {}
    for claim in claims:
        decision = assessor.assess_line(json.dumps(claim)).decision
        assert decision.claim_id == claim["claim_id"]
        decisions[claim["claim_id"]] = decision
    return decisions


def records(decisions: dict[str, Decision]) -> dict[str, dict[str, Any]]:
    """The decision records (with the explanation and its sources), by claim id."""
    return {claim_id: decision_to_json(d, EXPLAIN) for claim_id, d in decisions.items()}


def assess_file(text: str) -> str:
    """What ``refusjon assess --explain`` writes for the JSON Lines ``text``."""
    renderer = Renderer("en", with_sources=True)
    assessor = BatchAssessor()
    return "".join(
        dumps(decision_to_json(assessed.decision, renderer)).decode() + "\n"
        for assessed in assessor.assess_lines(text.splitlines(keepends=True))
    )


def grouped(people: list[list[ClaimData]]) -> list[ClaimData]:
    return [claim for claims in people for claim in claims]


@st.composite
def jsonl_files(draw: st.DrawFn) -> str:
    """A batch file: several people's claims interleaved, now and then a line that cannot be
    read or a claim sent again (its id is used up: invalid)."""
    people = draw(gen.people_claims())
    lines = [json.dumps(claim) for claim in draw(gen.interleavings(people))]
    for _ in range(draw(st.integers(0, 1))):
        position = draw(st.integers(0, len(lines) - 1))
        lines.insert(draw(st.integers(position + 1, len(lines))), lines[position])
    for broken in draw(st.lists(st.sampled_from(BROKEN_LINES), max_size=2)):
        lines.insert(draw(st.integers(0, len(lines))), broken)
    return "\n".join(lines) + "\n"


# What a line paid, and what may count of it ------------------------------------------------


def paid_nok(line: dict[str, Any]) -> Decimal:
    """What the line paid, in NOK: the given NOK amount wins over the amount."""
    return Decimal(line.get("nok_amount") or line["amount"])


def travel_standard_cost(line: dict[str, Any]) -> Decimal:
    """Helfo's standard cost of a trip: the distance times the rate per km in force."""
    rate = default_parameters().value(
        "helfo_abroad.travel_rate_per_km", date.fromisoformat(line["service_on"])
    )
    return round_ore(Decimal(line["trip"]["distance_km"]) * rate)


def assert_amounts_within_bounds(claim: ClaimData, decision: Decision) -> None:
    paying = decision.outcome in PAYING
    assert len(decision.lines) == len(claim["expenses"])
    for line, line_decision in zip(claim["expenses"], decision.lines, strict=True):
        eligible, refund = line_decision.eligible_nok, line_decision.refund_nok
        assert ZERO <= refund <= eligible, (line, line_decision)
        assert not refund.is_signed() and not eligible.is_signed(), line_decision
        # In whole øre, so that a decision's amounts are written as they are (batch.py).
        assert refund.as_tuple().exponent == eligible.as_tuple().exponent == -2, line_decision
        if not paying or line_decision.outcome is not LineOutcome.ACCEPTED:
            assert eligible == refund == ZERO, (decision.outcome, line_decision)
        elif claim["scheme"] == "helfo_abroad" and line["category"] == "patient_travel":
            assert eligible == travel_standard_cost(line), (line, line_decision)
        else:
            assert eligible <= paid_nok(line), (line, line_decision)
    assert decision.refund_nok.as_tuple().exponent == -2, decision
    if paying:
        assert decision.refund_nok == sum((line.refund_nok for line in decision.lines), ZERO)
    else:
        assert decision.refund_nok == ZERO


# The properties ------------------------------------------------------------------------------


@FORM
@given(gen.people_claims())
def test_generated_claims_are_all_readable(people: list[list[ClaimData]]) -> None:
    """The strategies' own promise: the engine decides every claim, none is invalid."""
    for claim_id, decision in decide(grouped(people)).items():
        assert decision.outcome is not ClaimOutcome.INVALID, (claim_id, decision.errors)
        event(f"{decision.outcome.value}")


@PROPERTY
@given(gen.people_claims())
def test_refund_is_never_negative_nor_more_than_the_eligible_amount(
    people: list[list[ClaimData]],
) -> None:
    """Per line 0 <= refund <= eligible, and eligible <= paid (Helfo travel: the standard
    cost); per claim the refund is the sum of the lines' when paid out, else 0.00."""
    claims = grouped(people)
    decisions = decide(claims)
    for claim in claims:
        assert_amounts_within_bounds(claim, decisions[claim["claim_id"]])


@PROPERTY
@given(st.data())
def test_interleaving_the_claims_of_different_people_changes_no_decision(
    data: st.DataObject,
) -> None:
    people = data.draw(gen.people_claims())
    interleaved = data.draw(gen.interleavings(people))
    assert records(decide(interleaved)) == records(decide(grouped(people)))


@PROPERTY
@given(gen.people_claims())
def test_a_persons_decisions_are_the_same_alone_as_among_other_peoples_claims(
    people: list[list[ClaimData]],
) -> None:
    """Claims of different people do not affect each other (STYLE.md)."""
    together = records(decide(grouped(people[::-1])))
    for claims in people:
        alone = records(decide(claims))
        assert alone == {claim_id: together[claim_id] for claim_id in alone}


@PROPERTY
@given(jsonl_files())
def test_assessing_the_same_file_twice_gives_byte_identical_output(text: str) -> None:
    first, second = assess_file(text), assess_file(text)
    assert first.encode() == second.encode()
    assert len(first.splitlines()) == len(text.splitlines())


def assess_file_in_a_new_process(text: str, hash_seed: int) -> str:
    """What ``refusjon assess - --explain`` writes, run as its own process."""
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
    command = [sys.executable, "-m", "refusjon.cli", "assess", "-", "--explain"]
    done = subprocess.run(command, input=text.encode(), capture_output=True, env=env, check=False)
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout.decode()


@settings(PROPERTY, max_examples=5)
@given(jsonl_files(), st.integers(2, 3))
def test_deciding_a_file_on_several_workers_gives_the_output_of_one(text: str, jobs: int) -> None:
    """Each person's claims go to one worker process; the decisions come back in file order."""
    options = parallel.Settings(rates=None, lang="en", with_sources=True)
    # Batches of two lines, one batch in flight: the reordering is exercised even in small files.
    with mock.patch.object(parallel, "BATCH", 2), mock.patch.object(parallel, "IN_FLIGHT", 1):
        decided = parallel.ParallelAssessor(jobs, options).run(text.splitlines(keepends=True))
        several = "".join(record.decode() + "\n" for record, _ in decided)
    assert several == assess_file(text)


@settings(PROPERTY, max_examples=4)
@given(jsonl_files())
def test_assessing_the_same_file_in_two_processes_gives_byte_identical_output(text: str) -> None:
    """No set or dict order leaks into a decision: other hash seeds, the same bytes."""
    first = assess_file_in_a_new_process(text, hash_seed=1)
    assert assess_file_in_a_new_process(text, hash_seed=2) == first
    assert assess_file(text) == first


# A claim that is refused, whatever else it holds: each changes one thing of a drawn claim.
def _without(*types: str) -> Spoiler:
    def spoil(claim: ClaimData) -> None:
        claim["documents"] = [doc for doc in claim["documents"] if doc["type"] not in types]

    return spoil


def _late(claim: ClaimData) -> None:
    year = int(claim["period"][:4])
    latest = max(date.fromisoformat(line["paid_on"]) for line in claim["expenses"])
    claim["submitted_on"] = max(date(year + 2, 3, 1), latest + timedelta(days=400)).isoformat()


def _every_line(category: str) -> Spoiler:
    def spoil(claim: ClaimData) -> None:
        for line in claim["expenses"]:
            line["category"] = category

    return spoil


def _applicant(**fields: Any) -> Spoiler:
    def spoil(claim: ClaimData) -> None:
        claim["applicant"] |= fields

    return spoil


def _spouse(claim: ClaimData) -> None:
    claim["patient"] = {"relation": "spouse", "birth_date": "1995-05-05"}


def _before_parameters(claim: ClaimData) -> None:
    """A claim for the period before the scheme's first figures, with every line in it: the
    claim is invalid. (One early line alone is only rejected ``outside-period``: coverage
    lists are not dated.)"""
    day = gen.EARLIEST[claim["scheme"]] - timedelta(days=1)
    _year, _, semester = claim["period"].partition("-")
    claim["period"] = f"{day.year}-fall" if semester else str(day.year)
    for line in claim["expenses"]:
        line |= {"service_on": day.isoformat(), "paid_on": day.isoformat()}


SPOILERS: dict[str, list[Spoiler]] = {
    "sio": [
        _without("user_fee_overview"),
        _applicant(semester_fee_paid=False),
        _applicant(registered_student=False),
        _applicant(sio_gp=False, institution="uio"),
        _late,
        _every_line("certificate"),
        _before_parameters,
    ],
    "ssn": [
        _without("student_id", "semester_fee_receipt"),
        _applicant(semester_fee_paid=False),
        _applicant(registered_student=False),
        _applicant(institution="uio"),
        _late,
        _every_line("certificate"),
        _before_parameters,
    ],
    "helfo_abroad": [
        _without("receipt"),
        _applicant(nis_member=False),
        _applicant(full_time_student_abroad=False),
        _applicant(study_country="DE"),
        _spouse,
        _late,
        _every_line("health_check"),
        _before_parameters,
    ],
}


@st.composite
def refused_claims(draw: st.DrawFn, claims: list[ClaimData], person: gen.Person) -> ClaimData:
    """A claim of ``person`` that will be returned, rejected or invalid: a fresh one, or a copy
    of one of their claims (so that its lines are the same expenses), spoilt in one way."""
    if draw(st.booleans()):
        claim = copy.deepcopy(draw(st.sampled_from(claims)))
    else:
        claim = draw(gen.claims_for(person, "unused"))
    claim["claim_id"] = f"{person.person_id}-REFUSED"
    for line in claim["expenses"]:
        line.setdefault("paid_on", line["service_on"])
    draw(st.sampled_from(SPOILERS[person.scheme]))(claim)
    return claim


@PROPERTY
@given(st.data())
def test_a_returned_rejected_or_invalid_claim_changes_nothing_for_the_persons_later_claims(
    data: st.DataObject,
) -> None:
    """Nor for their earlier claims, or anyone else's; and its lines are no duplicates for later
    claims, as only accepted lines count. No resubmissions are drawn: completing a returned
    claim rightly moves SSN's deadline."""
    scheme = data.draw(st.sampled_from(["sio", "ssn", "helfo_abroad"]))
    person = data.draw(gen.persons("P-0", scheme))
    claims = data.draw(gen.person_claims(person, max_claims=4, resubmissions=False))
    others = data.draw(gen.people_claims(max_people=2, max_claims=2, resubmissions=False))
    refused = data.draw(refused_claims(claims, person))
    position = data.draw(st.integers(0, len(claims)))
    with_refused = [*claims[:position], refused, *claims[position:]]

    before = records(decide(claims + grouped(others)))
    after = decide(with_refused + grouped(others))
    assert after[refused["claim_id"]].outcome in NOT_PAID, after[refused["claim_id"]]
    del after[refused["claim_id"]]
    assert records(after) == before


@st.composite
def claims_with_one_more_user_fee(
    draw: st.DrawFn,
) -> tuple[list[ClaimData], ClaimData, ClaimData]:
    """A person's earlier claims, a sio or ssn claim with the user-fee overview attached, and
    the same claim with one more public user fee of a covered category inside its period."""
    scheme = draw(st.sampled_from(["sio", "ssn"]))
    person = draw(gen.persons("P-1", scheme, one_year=True))  # so that running totals meet
    history = draw(gen.person_claims(person, max_claims=4))
    claim = draw(gen.claims_for(person, "P-1-T"))
    claim["documents"].append({"type": "user_fee_overview", "shows_applicant_name": True})
    start, end = gen.period_bounds(claim["period"])
    extra = {
        "line_id": "X",
        "category": draw(
            st.sampled_from(gen.SIO_COVERED if scheme == "sio" else gen.SSN_USER_FEES)
        ),
        "service_on": gen.day_between(draw, start, end).isoformat(),
        "amount": gen.user_fee(draw),
        "currency": "NOK",
        "public_user_fee": True,
    }
    bigger = copy.deepcopy(claim)
    bigger["expenses"].insert(draw(st.integers(0, len(claim["expenses"]))), extra)
    return history, claim, bigger


@settings(PROPERTY, max_examples=150)  # quick, and the limit is reached only by some draws
@given(claims_with_one_more_user_fee())
def test_adding_a_public_user_fee_never_lowers_the_claims_refund(
    drawn: tuple[list[ClaimData], ClaimData, ClaimData],
) -> None:
    """Adding an eligible expense never lowers a refund (STYLE.md): sio and ssn, within one
    claim, after the same earlier claims. (Not Helfo: its chiropractor rate and psychologist
    count rightly make an extra consultation lower the refund of a later one.)"""
    history, claim, bigger = drawn
    smaller = decide([*history, claim])
    smaller_decision = smaller[claim["claim_id"]]
    bigger_decision = decide([*history, bigger])[bigger["claim_id"]]
    extra = next(line for line in bigger_decision.lines if line.line_id == "X")
    event(f"extra line {extra.outcome.value}, claim {bigger_decision.outcome.value}")
    target(closeness_to_the_limit(claim, smaller.values()), label="closeness to the limit")
    assert bigger_decision.refund_nok >= smaller_decision.refund_nok


def closeness_to_the_limit(claim: ClaimData, decisions: Iterable[Decision]) -> float:
    """How near the person's eligible total is to the exemption card limit, where a line more
    moves the most (for hypothesis to steer towards: higher is nearer)."""
    limit = default_parameters().value(
        "common.exemption_card_limit", gen.period_bounds(claim["period"])[0]
    )
    total = sum((line.eligible_nok for d in decisions for line in d.lines), ZERO)
    return -float(abs(limit - total))


@PROPERTY
@given(gen.people_claims())
def test_sio_refunds_over_a_year_what_lies_between_the_threshold_and_the_limit(
    people: list[list[ClaimData]],
) -> None:
    """However the user fees are spread over claims and lines, a person's paid-out SiO claims of
    one year refund together exactly the part of their eligible total between the threshold and
    the exemption card limit (when every one of them has the same threshold)."""
    claims = grouped(people)
    decisions = decide(claims)
    years: dict[tuple[str, int], list[tuple[ClaimData, Decision]]] = defaultdict(list)
    for claim in claims:
        decision = decisions[claim["claim_id"]]
        if claim["scheme"] == "sio" and decision.outcome in PAYING:
            year = int(claim["period"][:4])
            years[(claim["applicant"]["person_id"], year)].append((claim, decision))
    for (_, year), paid in years.items():
        sio_gp = {claim["applicant"]["sio_gp"] for claim, _ in paid}
        if len(sio_gp) > 1:
            continue
        name = "sio.threshold_gp" if sio_gp.pop() else "sio.threshold_campus"
        threshold = default_parameters().value(name, date(year, 1, 1))
        limit = default_parameters().value("common.exemption_card_limit", date(year, 1, 1))
        eligible = sum((line.eligible_nok for _, d in paid for line in d.lines), ZERO)
        refunded = sum((decision.refund_nok for _, decision in paid), ZERO)
        event(f"sio year total {'above' if eligible > limit else 'up to'} the limit")
        assert refunded == min(max(eligible, threshold), limit) - threshold


@FORM
@given(gen.people_claims())
def test_every_decision_lists_its_reasons_sorted_and_once(people: list[list[ClaimData]]) -> None:
    for decision in decide(grouped(people)).values():
        reason_lists = [decision.reasons, *(line.reasons for line in decision.lines)]
        for reasons in reason_lists:
            assert list(reasons) == sorted(set(reasons)), decision


@FORM
@given(jsonl_files())
def test_every_decision_written_validates_against_the_decision_schema(text: str) -> None:
    for record in assess_file(text).splitlines():
        DECISION_SCHEMA.validate(json.loads(record))


@FORM
@given(gen.people_claims())
def test_every_decision_in_bokmaal_validates_against_the_decision_schema(
    people: list[list[ClaimData]],
) -> None:
    for decision in decide(grouped(people)).values():
        DECISION_SCHEMA.validate(decision_to_json(decision, Renderer("nb")))


@FORM
@given(gen.people_claims())
def test_every_decision_has_an_explanation_that_also_renders_in_bokmaal(
    people: list[list[ClaimData]],
) -> None:
    for decision in decide(grouped(people)).values():
        assert decision.explanation, decision
        for lang in ("en", "nb"):
            for with_sources in (False, True):
                lines = Renderer(lang, with_sources=with_sources).explanation(decision.explanation)
                assert len(lines) == len(decision.explanation)
                assert all(text.strip() for text in lines), lines


@pytest.mark.parametrize("scheme", ["sio", "ssn", "helfo_abroad"])
@settings(PROPERTY, max_examples=40)
@given(data=st.data())
def test_generated_claims_of_every_scheme_are_readable(scheme: str, data: st.DataObject) -> None:
    """A guard on the strategies themselves: each scheme's claims can be drawn and decided."""
    person = data.draw(gen.persons("P-9", scheme))
    claim = data.draw(gen.claims_for(person, "P-9-C1"))
    assert claim["scheme"] == scheme
    decision = decide([claim])["P-9-C1"]
    assert decision.outcome is not ClaimOutcome.INVALID, decision.errors
    assert_amounts_within_bounds(claim, decision)


# Text as a decision can hold it: any character but a lone surrogate (no UTF-8 file has one).
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**15), 10**15) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)


@settings(PROPERTY, max_examples=300)
@given(st.dictionaries(_TEXT, _JSON, max_size=6))
def test_decisions_are_written_byte_for_byte_as_pythons_json_dumps_writes_them(
    record: dict[str, Any],
) -> None:
    """msgspec writes the records, in the layout of ``json.dumps(ensure_ascii=False)``:
    control characters, quotes, U+2028 and emoji escaped (or not) the same way."""
    record["outcome"] = ClaimOutcome.PARTIALLY_APPROVED  # a StrEnum, written as its text
    record["tricky"] = '\x00\x1f\x7f\u2028"\\/\b\f\n\r\tæøå 😀'
    assert dumps(record) == json.dumps(record, ensure_ascii=False).encode()

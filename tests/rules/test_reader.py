"""Reading claims: defaults, conversion to NOK, and errors that name the field."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from refusjon.rules.rates import ExchangeRates
from refusjon.rules.reader import AMOUNT_PROBLEM, ClaimInvalid, read_claim

CLAIM: dict[str, Any] = {
    "claim_id": "H-1",
    "scheme": "helfo_abroad",
    "submitted_on": "2024-06-01",
    "period": "2024",
    "applicant": {
        "person_id": "P-1",
        "birth_date": "2000-01-01",
        "semester_fee_paid": False,
        "registered_student": False,
        "nis_member": True,
        "full_time_student_abroad": True,
        "study_country": "us",
    },
    "expenses": [
        {
            "line_id": "1",
            "category": "gp",
            "service_on": "2024-03-02",
            "amount": 100,
            "currency": "usd",
        },
    ],
    "documents": [{"type": "receipt", "language": "EN"}],
    "something_new": {"ignored": True},
}


PERIOD_PROBLEM = (
    "not a year (2026), a semester (2026-spring, 2026-fall) or a study year (2025-2026)"
)


def rates() -> ExchangeRates:
    table = ExchangeRates()
    table.add("USD", date(2024, 3, 1), Decimal("10.5"))
    return table


def errors_of(data: dict[str, Any], **kwargs: Any) -> list[str]:
    with pytest.raises(ClaimInvalid) as error:
        read_claim(data, **kwargs)
    return error.value.errors


def changed(path: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(CLAIM)
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return data


def test_defaults_fill_what_the_format_leaves_out_and_unknown_fields_are_ignored() -> None:
    claim = read_claim(CLAIM, rates())
    line = claim.expenses[0]
    assert line.paid_on == date(2024, 3, 2)
    assert (line.public_user_fee, line.itemized_receipt, line.country) == (False, False, "NO")
    assert claim.patient.relation == "self"
    assert claim.applicant.study_country == "US"
    assert claim.documents[0].language == "en"


def test_a_foreign_amount_is_converted_at_the_latest_rate_on_or_before_payment() -> None:
    claim = read_claim(CLAIM, rates())
    assert claim.expenses[0].nok == Decimal("1050.00")


def test_a_given_nok_amount_wins_over_the_rate() -> None:
    claim = read_claim(changed("expenses.0.nok_amount", "999.99"), rates())
    assert claim.expenses[0].nok == Decimal("999.99")


def test_a_foreign_amount_without_rate_names_currency_and_date() -> None:
    assert errors_of(CLAIM) == ["expenses[0]: no exchange rate for USD on 2024-03-02"]


@pytest.mark.parametrize(
    "path, value, error",
    [
        ("claim_id", KeyError, "claim_id: required"),
        ("scheme", "sit", "scheme: unknown"),
        ("submitted_on", "01.06.2024", "submitted_on: not a date"),
        ("applicant.nis_member", "yes", "applicant.nis_member: not true or false"),
        (
            "applicant.study_country",
            "USA",
            "applicant.study_country: not an ISO 3166 alpha-2 country code",
        ),
        ("expenses.0.category", "aromatherapy", "expenses[0].category: unknown"),
        ("expenses.0.service_on", "2024-02-30", "expenses[0].service_on: not a date"),
        ("expenses.0.amount", "-1.00", f"expenses[0].amount: {AMOUNT_PROBLEM}"),
        ("expenses.0.amount", True, f"expenses[0].amount: {AMOUNT_PROBLEM}"),
        ("expenses.0.amount", Decimal("1e400"), f"expenses[0].amount: {AMOUNT_PROBLEM}"),
        ("expenses.0.amount", "1e999999999", f"expenses[0].amount: {AMOUNT_PROBLEM}"),
        ("expenses.0.amount", "9" * 5000, f"expenses[0].amount: {AMOUNT_PROBLEM}"),
        ("expenses.0.amount", "1000000000", f"expenses[0].amount: {AMOUNT_PROBLEM}"),
        ("expenses.0.amount", "0." + "0" * 4999 + "1", f"expenses[0].amount: {AMOUNT_PROBLEM}"),
        ("expenses.0.currency", "dollars", "expenses[0].currency: not an ISO 4217 currency code"),
        ("expenses", [], "expenses: at least one line is needed"),
        ("expenses", "many", "expenses: not a list"),
        ("documents.0.type", "selfie", "documents[0].type: unknown"),
        ("applicant", KeyError, "applicant: not an object"),
        ("applicant.ects_per_year", "forty", "applicant.ects_per_year: not a number"),
        ("applicant.ects_per_year", -5, "applicant.ects_per_year: not a number"),
        ("period", "2025-2027", f"period: {PERIOD_PROBLEM}"),
        ("period", "2026-summer", f"period: {PERIOD_PROBLEM}"),
    ],
)
def test_each_problem_names_the_field(path: str, value: Any, error: str) -> None:
    assert error in errors_of(changed(path, value), rates=rates())


@pytest.mark.parametrize("value", [37.5, "37.5", 60])
def test_credits_are_read_as_a_number(value: Any) -> None:
    claim = read_claim(changed("applicant.ects_per_year", value), rates())
    assert claim.applicant.ects_per_year == Decimal(str(value))


def test_a_study_year_runs_from_1_july_to_30_june_and_is_written_back_as_read() -> None:
    claim = read_claim(changed("period", "2025-2026"), rates())
    period = claim.period
    assert (period.kind, period.start, period.end) == (
        "study_year",
        date(2025, 7, 1),
        date(2026, 6, 30),
    )
    assert str(period) == "2025-2026" and date(2026, 1, 15) in period


def test_every_problem_of_a_claim_is_reported_at_once() -> None:
    data = changed("expenses.0.category", "aromatherapy")
    data["submitted_on"] = "soon"
    assert len(errors_of(data, rates=rates())) == 2


def test_a_nok_amount_with_more_than_two_decimals_is_refused() -> None:
    data = changed("expenses.0.currency", "NOK")
    data["expenses"][0]["amount"] = "10.005"
    assert errors_of(data) == ["expenses[0].amount: more than two decimals for NOK"]


def test_a_child_patient_needs_a_birth_date() -> None:
    data = changed("patient", {"relation": "child"})
    assert "patient.birth_date: required when relation is child" in errors_of(data, rates=rates())


def test_line_ids_must_be_unique_within_a_claim() -> None:
    data = copy.deepcopy(CLAIM)
    data["expenses"].append(dict(data["expenses"][0]))
    assert "expenses: line_id must be unique within the claim" in errors_of(data, rates=rates())


def _known_claims() -> list[Any]:
    from tests.conftest import CASES, REPO

    texts = (CASES / "claims.jsonl").read_text().splitlines()
    texts += (CASES / "more" / "claims.jsonl").read_text().splitlines()
    texts += (REPO / "examples" / "claims.jsonl").read_text().splitlines()
    claims = []
    for text in texts:
        try:
            claims.append(json.loads(text))
        except json.JSONDecodeError:
            continue
    return claims


def _variants(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The claim, and the claim with one field made unusual in each of several ways."""
    variants = [data]
    for path, value in [
        ("applicant.semester_fee_paid", None),
        ("applicant.sio_gp", "yes"),
        ("applicant.institution", " uio"),
        ("claim_id", 17),
        ("period", 2026),
        ("documents", {}),
        ("expenses", "none"),
        ("expenses.0.amount", 12.5),
        ("expenses.0.amount", "12.345"),
        ("expenses.0.amount", "NaN"),
        ("expenses.0.paid_on", None),
        ("expenses.0.line_id", ""),
        ("expenses.0.category", ["gp"]),
        ("expenses.0.country", "nor"),
        ("expenses.0.service_on", "2026-W10-1"),
        ("expenses.0.paid_on", "2026-02-30"),
        ("expenses.0.currency", "usd"),
        ("expenses.0.nok_amount", "1000000000.00"),
        ("expenses.0.trip", {"distance_km": 120, "min_public_fare_nok": "50.00"}),
        ("expenses.0.trip", {"distance_km": True, "min_public_fare_nok": "50.00"}),
        ("expenses.0.note", {"any": ["thing", 1e400]}),
        ("patient", {"relation": "child"}),
        ("patient", {"relation": "self", "birth_date": "2001-01-01"}),
        ("applicant.ects_per_year", 37.5),
        ("applicant.ects_per_year", "60"),
        ("applicant.ects_per_year", "forty"),
        ("applicant.ects_per_year", True),
        ("period", "2025-2026"),
        ("period", "2025-2027"),
    ]:
        variant = copy.deepcopy(data)
        *parents, last = path.split(".")
        target: Any = variant
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
        variants.append(variant)
    return variants


def _outcome(reader: Any, data: Any) -> Any:
    try:
        return reader(data)
    except ClaimInvalid as error:
        return ("invalid", error.errors)


def test_the_fast_reader_agrees_with_the_careful_one_or_leaves_it_the_claim() -> None:
    from refusjon.rules import reader
    from tests.conftest import CASES

    with (CASES / "rates.csv").open(encoding="utf-8") as handle:
        spec_rates = ExchangeRates.from_norges_bank_csv(handle)
    checked = 0
    for data in _known_claims():
        for variant in _variants(data):
            careful = _outcome(
                lambda d: reader.convert_to_nok(reader.read_claim_carefully(d), spec_rates),
                variant,
            )
            try:
                plain = reader.read_plain(json.dumps(variant), spec_rates)
            except reader.NOT_PLAIN:
                continue
            assert plain == careful, variant
            checked += 1
    assert checked > 30

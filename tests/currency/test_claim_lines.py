"""A student adds an expense paid in another currency: the application finds its NOK amount."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from refusjon.claims import services
from refusjon.claims.models import (
    Attachment,
    AuditEntry,
    Claim,
    ExpenseLine,
    StudentProfile,
    User,
)
from refusjon.claims.services import ClaimError
from refusjon.currency.models import ExchangeRate
from tests.factories import NOW


@pytest.fixture
def usd_rates(db: None) -> None:
    for day, rate in [("2026-02-27", "10.0500"), ("2026-03-02", "10.1270")]:
        ExchangeRate.objects.create(
            currency="USD",
            day=date.fromisoformat(day),
            nok_per_unit=Decimal(rate),
            imported_at=datetime(2026, 11, 1, tzinfo=UTC),
        )


def draft(student: User) -> Claim:
    return services.create_draft(student, scheme="helfo_abroad", period="2026", now=NOW)


def add(claim: Claim, student: User, **fields: Any) -> ExpenseLine:
    """A GP visit of 26 February 2026 paid with 120 dollars, unless ``fields`` say otherwise."""
    fields = {
        "category": "gp",
        "service_on": date(2026, 2, 26),
        "amount": Decimal("120.00"),
        "currency": "USD",
        **fields,
    }
    return services.add_line(claim, by=student, now=NOW, **fields)


def test_a_dollar_expense_is_stored_in_nok_at_the_rate_of_the_payment_day(
    alice: User, usd_rates: None
) -> None:
    line = add(draft(alice), alice, paid_on=date(2026, 3, 1))  # a Sunday: Friday's rate
    line.refresh_from_db()
    assert (line.amount, line.currency, line.nok_amount) == (
        Decimal("120.00"),
        "USD",
        Decimal("1206.00"),
    )
    entry = AuditEntry.objects.get(action="claims.line.added", claim=line.claim)
    assert entry.data == {"line": 1, "rate": "10.0500000000", "rate_day": "2026-02-27"}


def test_without_a_payment_day_the_day_of_treatment_is_used(alice: User, usd_rates: None) -> None:
    line = add(draft(alice), alice, service_on=date(2026, 3, 2))
    assert line.nok_amount == Decimal("1215.24")  # 120 × 10.1270


def test_a_stored_rate_wins_over_the_students_figure(alice: User, usd_rates: None) -> None:
    line = add(draft(alice), alice, paid_on=date(2026, 3, 2), nok_amount=Decimal("1250.00"))
    assert line.nok_amount == Decimal("1215.24")  # 120 × 10.1270
    assert not line.nok_from_student


def test_without_a_rate_the_student_is_asked_for_the_nok_amount_and_nothing_is_added(
    alice: User, usd_rates: None
) -> None:
    claim = draft(alice)
    with pytest.raises(ClaimError, match=re.escape("no exchange rate for USD on Jan. 5, 2026")):
        add(claim, alice, service_on=date(2026, 1, 5))
    with pytest.raises(ClaimError, match="amount in NOK from your bank statement"):
        add(claim, alice, service_on=date(2026, 1, 5))
    assert not claim.lines.exists()


def test_without_a_rate_the_students_nok_amount_is_kept_as_theirs(
    alice: User, usd_rates: None
) -> None:
    line = add(draft(alice), alice, service_on=date(2026, 1, 5), nok_amount=Decimal("1290.50"))
    line.refresh_from_db()
    assert (line.nok_amount, line.nok_from_student) == (Decimal("1290.50"), True)
    entry = AuditEntry.objects.get(action="claims.line.added", claim=line.claim)
    assert entry.data == {"line": 1, "nok_from": "student"}


def abroad(student: User) -> Claim:
    """A Helfo claim of a student abroad in the US, with every document it needs."""
    StudentProfile.objects.filter(user=student).update(
        nis_member=True, full_time_student_abroad=True, study_country="US"
    )
    student.refresh_from_db()
    claim = draft(student)
    for document_type in ("receipt", "proof_of_payment", "medical_documentation"):
        Attachment.objects.create(
            claim=claim, document_type=document_type, shows_applicant_name=True, language="en"
        )
    return claim


def explained(claim: Claim) -> list[str]:
    record = services.estimate(claim, lang="en", now=datetime(2026, 3, 20, tzinfo=UTC)).record
    return list(record["explanation"])


def test_the_students_figure_is_assessed_until_the_rate_is_stored_and_then_the_rate(
    alice: User, usd_rates: None
) -> None:
    claim = abroad(alice)
    add(claim, alice, service_on=date(2026, 3, 10), nok_amount=Decimal("1290.50"))
    assert any("2026-03-10, NOK 1,290.50)" in step for step in explained(claim))

    ExchangeRate.objects.create(
        currency="USD",
        day=date(2026, 3, 10),
        nok_per_unit=Decimal("10.2000"),
        imported_at=datetime(2026, 3, 11, tzinfo=UTC),
    )
    assert any("2026-03-10, NOK 1,224.00)" in step for step in explained(claim))  # 120 × 10.20


def test_the_engine_is_given_the_converted_amount(alice: User, usd_rates: None) -> None:
    StudentProfile.objects.filter(user=alice).update(
        nis_member=True, full_time_student_abroad=True, study_country="US"
    )
    alice.refresh_from_db()
    claim = draft(alice)
    add(claim, alice, paid_on=date(2026, 3, 2))
    for document_type in ("receipt", "proof_of_payment", "medical_documentation"):
        Attachment.objects.create(
            claim=claim, document_type=document_type, shows_applicant_name=True, language="en"
        )
    record = services.estimate(claim, lang="en", now=datetime(2026, 3, 20, tzinfo=UTC)).record
    assert any(
        "(general practitioner (GP), 2026-02-26, NOK 1,215.24)" in step
        for step in record["explanation"]
    )

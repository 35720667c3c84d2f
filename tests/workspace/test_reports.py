"""The reporting dashboard and the CSV exports."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import count

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries, Settings

from refusjon.claims.models import (
    Appeal,
    AppealStatus,
    Assessment,
    AssessmentKind,
    AuditEntry,
    Claim,
    ClaimStatus,
    User,
)
from refusjon.payouts.models import (
    Payment,
    PaymentLine,
    PaymentStatus,
    PayoutRun,
    RunStatus,
)
from refusjon.web import spreadsheets
from refusjon.workspace import reports
from tests.claims.conftest import student
from tests.workspace.conftest import NOW, signed_in

_numbers = count(1)


def claim_row(
    applicant: User,
    *,
    submitted_on: date = date(2026, 3, 1),
    status: str = ClaimStatus.SUBMITTED,
    scheme: str = "sio",
    returned: bool = False,
) -> Claim:
    """A claim as the reports count it, without going through the engine."""
    return Claim.objects.create(
        reference=f"R-REP-{next(_numbers):06d}",
        applicant=applicant,
        scheme=scheme,
        period="2026",
        status=status,
        submitted_on=submitted_on,
        was_returned=returned,
    )


def decision(claim: Claim, *, after_days: int, refund: str = "110.00", by: User | None = None):  # type: ignore[no-untyped-def]
    assert claim.submitted_on is not None
    decided = datetime.combine(claim.submitted_on + timedelta(days=after_days), datetime.min.time())
    return Assessment.objects.create(
        claim=claim,
        kind=AssessmentKind.DECISION,
        outcome="approved",
        refund_nok=Decimal(refund),
        record={},
        decided_by=by,
        created_at=decided.replace(hour=10, tzinfo=UTC),
    )


def appealed(claim: Claim, status: str = AppealStatus.SUBMITTED) -> Appeal:
    decided = claim.assessments.get(kind=AssessmentKind.DECISION)
    return Appeal.objects.create(
        claim=claim,
        decision=decided,
        appellant=claim.applicant,
        status=status,
        deadline=date(2026, 12, 31),
        claim_status_before=ClaimStatus.DECIDED,
        created_at=NOW,
    )


def run_row(
    by: User,
    *,
    scheme: str = "sio",
    status: str = RunStatus.FROZEN,
    execution_date: date = date(2026, 3, 10),
) -> PayoutRun:
    number = next(_numbers)
    return PayoutRun.objects.create(
        reference=f"RUN-TEST-{number:04d}",
        scheme=scheme,
        status=status,
        execution_date=execution_date,
        created_by=by,
        created_at=NOW,
    )


def payment_row(
    run: PayoutRun,
    student: User,
    *claims: tuple[Claim, str],
    status: str = PaymentStatus.PAID,
    netted: str = "0.00",
    answered_at: datetime | None = None,
    account: str = "86011117947",
) -> Payment:
    """A payment in ``run`` to ``student`` of each (claim, amount): its decision's lines."""
    gross = sum((Decimal(amount) for _claim, amount in claims), Decimal("0.00"))
    payment = Payment.objects.create(
        run=run,
        student=student,
        end_to_end_id=f"E2E-{next(_numbers):06d}",
        status=status,
        gross_nok=gross,
        netted_nok=Decimal(netted),
        amount_nok=gross - Decimal(netted),
        creditor_name=student.get_username(),
        account=account,
        answered_at=answered_at,
    )
    for claim, amount in claims:
        decided = claim.assessments.filter(kind=AssessmentKind.DECISION).first()
        if decided is None:
            decided = decision(claim, after_days=5, refund=amount)
        PaymentLine.objects.create(
            payment=payment,
            claim=claim,
            decision=decided,
            amount_nok=Decimal(amount),
            active=status not in (PaymentStatus.REJECTED, PaymentStatus.WITHDRAWN),
        )
    return payment


# The figures


def test_a_third_of_three_claims_was_returned_and_a_third_appealed(alice: User, bob: User) -> None:
    plain = claim_row(alice, status=ClaimStatus.DECIDED)
    decision(plain, after_days=5)
    claim_row(alice, status=ClaimStatus.IN_REVIEW, returned=True)
    disputed = claim_row(alice, status=ClaimStatus.APPEALED)
    decision(disputed, after_days=5)
    appealed(disputed)
    claim_row(alice, status=ClaimStatus.DRAFT, submitted_on=None)  # type: ignore[arg-type]

    sio = next(row for row in reports.returned_and_appealed(2026) if row.scheme == "sio")

    assert (sio.submitted, sio.returned, sio.appealed) == (3, 1, 1)
    assert sio.returned_share == sio.appealed_share == Decimal("33.3")


def test_an_appeal_not_yet_sent_is_not_counted(alice: User) -> None:
    claim = claim_row(alice, status=ClaimStatus.DECIDED)
    decision(claim, after_days=5)
    appealed(claim, status=AppealStatus.DRAFT)
    sio = next(row for row in reports.returned_and_appealed(2026) if row.scheme == "sio")
    assert sio.appealed == 0


def test_processing_time_is_the_median_from_submission_to_the_first_decision(
    alice: User,
) -> None:
    for days in (10, 20, 40):
        decision(claim_row(alice, status=ClaimStatus.DECIDED), after_days=days)
    changed = claim_row(alice, status=ClaimStatus.DECIDED)
    decision(changed, after_days=12)
    decision(changed, after_days=90)  # on appeal: not the first decision
    claim_row(alice, status=ClaimStatus.IN_REVIEW)  # not decided: not counted
    last_year = claim_row(alice, status=ClaimStatus.DECIDED, submitted_on=date(2025, 3, 1))
    decision(last_year, after_days=100)

    sio = next(row for row in reports.processing_times(2026) if row.scheme == "sio")

    assert sio.decided == 4
    assert sio.median_days == Decimal("16")  # (12 + 20) / 2
    assert sio.within_target == 3
    assert sio.share_within_target == Decimal("75.0")


def test_a_scheme_without_decisions_has_no_median(alice: User) -> None:
    ssn = next(row for row in reports.processing_times(2026) if row.scheme == "ssn")
    assert ssn.decided == 0
    assert ssn.median_days is None
    assert ssn.share_within_target is None


@pytest.mark.parametrize(
    ("counts", "expected"),
    [([(5, 1)], "5"), ([(1, 1), (3, 1)], "2"), ([(1, 2), (9, 1)], "1"), ([(2, 2), (8, 2)], "5")],
)
def test_the_median_is_read_off_the_counts(counts: list[tuple[int, int]], expected: str) -> None:
    assert reports.median(counts) == Decimal(expected)


def test_claims_are_counted_by_status_every_status_named(alice: User) -> None:
    claim_row(alice, status=ClaimStatus.SUBMITTED)
    claim_row(alice, status=ClaimStatus.SUBMITTED)
    claim_row(alice, status=ClaimStatus.PAID)
    claim_row(alice, status=ClaimStatus.PAID, submitted_on=date(2025, 6, 1))

    counted = dict(reports.claims_by_status(2026))

    assert counted[ClaimStatus.SUBMITTED] == 2
    assert counted[ClaimStatus.PAID] == 1
    assert counted[ClaimStatus.RETURNED] == 0
    assert list(counted) == ClaimStatus.values


def test_refunds_paid_are_summed_per_month_and_scheme_from_paid_payments(
    alice: User, carol: User, bob: User
) -> None:
    march = datetime(2026, 3, 12, 9, tzinfo=UTC)
    run = run_row(bob)
    payment_row(
        run, alice, (claim_row(alice), "110.00"), (claim_row(alice), "90.00"), answered_at=march
    )
    payment_row(run, carol, (claim_row(carol), "50.00"), answered_at=march, netted="50.00")
    payment_row(
        run_row(bob),
        alice,
        (claim_row(alice), "30.00"),
        answered_at=datetime(2026, 4, 2, 9, tzinfo=UTC),
    )
    ssn_run = run_row(bob, scheme="ssn")
    payment_row(ssn_run, alice, (claim_row(alice, scheme="ssn"), "70.00"), answered_at=march)
    payment_row(
        run_row(bob),
        carol,
        (claim_row(carol), "999.00"),
        status=PaymentStatus.REJECTED,
        answered_at=march,
    )
    payment_row(
        run_row(bob, status=RunStatus.OPEN),
        carol,
        (claim_row(carol), "888.00"),
        status=PaymentStatus.PENDING,
    )

    paid = [
        (f"{row['month']:%Y-%m}", row["scheme"], row["total"])
        for row in reports.paid_per_month(2026)
    ]

    assert paid == [
        ("2026-03", "sio", Decimal("250.00")),  # a set-off pays the refund too
        ("2026-03", "ssn", Decimal("70.00")),
        ("2026-04", "sio", Decimal("30.00")),
    ]
    assert reports.paid_per_month(2025) == []


# The dashboard


@pytest.fixture
def three_claims(alice: User, bob: User) -> list[Claim]:
    plain = claim_row(alice, status=ClaimStatus.PAID)
    decision(plain, after_days=10)
    payment_row(
        run_row(bob), alice, (plain, "110.00"), answered_at=datetime(2026, 3, 20, 9, tzinfo=UTC)
    )
    returned = claim_row(alice, status=ClaimStatus.IN_REVIEW, returned=True)
    disputed = claim_row(alice, status=ClaimStatus.APPEALED)
    decision(disputed, after_days=40)
    appealed(disputed)
    return [plain, returned, disputed]


def test_the_dashboard_draws_each_chart_as_svg_with_its_table(
    client: Client, bob: User, three_claims: list[Claim]
) -> None:
    response = signed_in(client, bob).get(reverse("workspace:reports"), {"year": "2026"})
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<figure") == page.count("<svg") == page.count("<table") == 4
    assert page.count("<figcaption") == 4
    assert 'role="img"' in page
    assert "Refunds paid per month and scheme (NOK)" in page
    assert "2026-03" in page and "110.00" in page
    assert "33.3 %" in page
    assert "Target: 30 days" in page


def test_the_dashboard_numbers_for_three_claims(
    client: Client, bob: User, three_claims: list[Claim]
) -> None:
    response = signed_in(client, bob).get(reverse("workspace:reports"), {"year": "2026"})
    charts = {chart.key: chart for chart in response.context["charts"]}
    assert charts["shares"].rows[0] == [
        "SiO refund of healthcare expenses",
        "3",
        "1 (33.3 %)",
        "1 (33.3 %)",
    ]
    assert charts["processing"].rows[0][1:] == ["2", "25", "50.0 %"]
    status_rows = dict((label, n) for label, n in charts["status"].rows)
    assert (
        status_rows["Paid"]
        == status_rows["In review"]
        == status_rows["Appeal under consideration"]
        == "1"
    )
    assert charts["paid"].rows == [["2026-03", "SiO refund of healthcare expenses", "110.00"]]


def test_the_longest_bar_fills_the_chart_and_the_others_are_to_scale(
    bob: User, three_claims: list[Claim]
) -> None:
    chart = reports.processing_chart(reports.processing_times(2026))
    sio = chart.bars[0]
    assert sio.value == Decimal("25")
    assert chart.target_x == reports.Chart.label_width + Decimal("320.00")  # 30 days is largest
    assert sio.width == Decimal("266.67")


def test_another_year_shows_nothing_of_this_one(
    client: Client, bob: User, three_claims: list[Claim]
) -> None:
    claim_row(bob, submitted_on=date(2025, 5, 5))  # so 2025 can be chosen
    response = signed_in(client, bob).get(reverse("workspace:reports"), {"year": "2025"})
    assert response.status_code == 200
    charts = {chart.key: chart for chart in response.context["charts"]}
    assert charts["paid"].rows == []
    assert charts["shares"].rows[0][1] == "1"


def test_the_dashboard_asks_the_database_the_same_few_questions_for_many_claims(
    client: Client,
    alice: User,
    bob: User,
    three_claims: list[Claim],
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    signed_in(client, bob)
    with django_assert_max_num_queries(12):
        client.get(reverse("workspace:reports"))
    for days in range(30):
        decision(claim_row(alice, status=ClaimStatus.DECIDED), after_days=days)
    with django_assert_max_num_queries(12):
        client.get(reverse("workspace:reports"))


def test_the_dashboard_speaks_norwegian_too(
    client: Client, bob: User, settings: Settings, three_claims: list[Claim]
) -> None:
    settings.LANGUAGE_CODE = "nb"
    response = signed_in(client, bob).get(reverse("workspace:reports"), {"year": "2026"})
    assert response.status_code == 200
    assert "110,00" in response.content.decode()


# The exports


def exported(response: object) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8")  # type: ignore[attr-defined]
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))


def test_the_payments_export_has_a_row_per_payment_in_the_date_range(
    client: Client, alice: User, carol: User, bob: User
) -> None:
    run = run_row(bob, execution_date=date(2026, 3, 10))
    payment_row(
        run,
        alice,
        (claim_row(alice), "110.00"),
        (claim_row(alice), "40.00"),
        netted="50.00",
        answered_at=NOW,
    )
    rejected = payment_row(run, carol, (claim_row(carol), "75.50"), status=PaymentStatus.REJECTED)
    rejected.status_reason_code, rejected.status_reason = "AC04", "Closed account"
    rejected.save()
    payment_row(run_row(bob, execution_date=date(2026, 5, 1)), alice, (claim_row(alice), "9.00"))

    response = signed_in(client, bob).get(
        reverse("workspace:report_payments_csv"), {"start": "2026-03-01", "end": "2026-03-31"}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="payments-2026-03-01-2026-03-31.csv"'
    )
    header, *rows = exported(response)
    assert header == [
        "Run",
        "Scheme",
        "Run status",
        "End-to-end id",
        "Student",
        "Refunds (NOK)",
        "Set off (NOK)",
        "Paid out (NOK)",
        "Payment status",
        "Bank's reason",
    ]
    assert len(rows) == 2
    first, second = rows
    assert first[0] == run.reference
    assert first[1:3] == ["SiO refund of healthcare expenses", "Frozen; bank file made"]
    assert first[4:9] == ["alice", "150,00", "50,00", "100,00", "Paid"]
    assert second[4:] == [
        "carol",
        "75,50",
        "0,00",
        "75,50",
        "Rejected by the bank",
        "AC04: Closed account",
    ]


def test_a_text_that_would_start_a_formula_is_exported_as_text_and_amounts_stay_numbers(
    client: Client, alice: User, bob: User
) -> None:
    """A bank's reason (from outside) and a name that start a formula are quoted; amounts are
    numbers with a decimal comma, as before."""
    mallory = student('=HYPERLINK("http://evil.example")', "P-MALLORY")
    run = run_row(bob, execution_date=date(2026, 3, 10))
    rejected = payment_row(
        run, mallory, (claim_row(mallory), "75.50"), status=PaymentStatus.REJECTED
    )
    rejected.status_reason_code, rejected.status_reason = "", "@SUM(1+1)*cmd|' /C calc'!A0"
    rejected.save()
    for start in ("+1", "-1", "\t=1"):
        other_run = run_row(bob, execution_date=date(2026, 3, 11))
        other = payment_row(
            other_run, alice, (claim_row(alice), "1.00"), status=PaymentStatus.REJECTED
        )
        other.status_reason = start
        other.save()

    response = signed_in(client, bob).get(
        reverse("workspace:report_payments_csv"), {"start": "2026-03-01", "end": "2026-03-31"}
    )

    _header, first, *others = exported(response)
    assert first[4] == '\'=HYPERLINK("http://evil.example")'
    assert first[5:8] == ["75,50", "0,00", "75,50"]
    assert first[9] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert [row[9] for row in others] == ["'+1", "'-1", "'\t=1"]


def test_a_negative_amount_is_a_number_and_a_negative_looking_text_is_text() -> None:
    assert spreadsheets.cell(Decimal("-12.5")) == "-12,50"
    assert spreadsheets.cell(-3) == "-3"
    assert spreadsheets.cell("-12,50") == "'-12,50"
    assert spreadsheets.cell("\r=1") == "'\r=1"
    assert spreadsheets.cell("Kari Nordmann") == "Kari Nordmann"
    assert spreadsheets.cell(date(2026, 3, 1)) == "2026-03-01"
    assert spreadsheets.cell(None) == ""


def test_the_decisions_export_has_a_row_per_decision_with_what_was_paid(
    client: Client, alice: User, bob: User
) -> None:
    paid = claim_row(alice, status=ClaimStatus.PAID, submitted_on=date(2026, 3, 1))
    decision(paid, after_days=4, refund="110.00", by=bob)
    payment_row(run_row(bob), alice, (paid, "110.00"), answered_at=NOW)
    waiting = claim_row(alice, status=ClaimStatus.DECIDED, submitted_on=date(2026, 3, 2))
    decision(waiting, after_days=4, refund="60.00", by=bob)
    payment_row(run_row(bob), alice, (waiting, "60.00"), status=PaymentStatus.SENT)
    decision(claim_row(alice, submitted_on=date(2026, 1, 1)), after_days=1, by=bob)  # too early

    response = signed_in(client, bob).get(
        reverse("workspace:report_decisions_csv"), {"start": "2026-03-01", "end": "2026-03-31"}
    )

    header, *rows = exported(response)
    assert header == [
        "Claim",
        "Scheme",
        "Period",
        "Submitted",
        "Decided",
        "Outcome",
        "Refund (NOK)",
        "Decided by",
        "Paid (NOK)",
    ]
    assert rows == [
        [
            paid.reference,
            "SiO refund of healthcare expenses",
            "2026",
            "2026-03-01",
            "2026-03-05",
            "approved",
            "110,00",
            "bob",
            "110,00",
        ],
        [
            waiting.reference,
            "SiO refund of healthcare expenses",
            "2026",
            "2026-03-02",
            "2026-03-06",
            "approved",
            "60,00",
            "bob",
            "0,00",
        ],
    ]


@pytest.mark.parametrize(
    "name", ["workspace:report_payments_csv", "workspace:report_decisions_csv"]
)
def test_every_export_is_logged(client: Client, bob: User, name: str) -> None:
    response = signed_in(client, bob).get(
        reverse(name), {"start": "2026-01-01", "end": "2026-12-31"}
    )
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action="workspace.report.exported")
    assert entry.actor == bob
    assert entry.purpose == "reporting"
    assert entry.data["start"] == "2026-01-01" and entry.data["end"] == "2026-12-31"


@pytest.mark.parametrize("query", [{}, {"start": "2026-05-01", "end": "2026-04-01"}])
def test_an_export_without_a_proper_range_is_refused_and_not_logged(
    client: Client, bob: User, query: dict[str, str]
) -> None:
    response = signed_in(client, bob).get(reverse("workspace:report_decisions_csv"), query)
    assert response.status_code == 400
    assert not AuditEntry.objects.filter(action="workspace.report.exported").exists()


def test_the_export_reads_payments_in_chunks_not_all_at_once(
    client: Client,
    alice: User,
    bob: User,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    run = run_row(bob)
    for _ in range(20):
        student = User.objects.create_user(f"student{next(_numbers)}")
        payment_row(run, student, (claim_row(alice), "10.00"))
    signed_in(client, bob)
    with django_assert_max_num_queries(6):
        response = client.get(
            reverse("workspace:report_payments_csv"), {"start": "2026-01-01", "end": "2026-12-31"}
        )
        assert len(exported(response)) == 21

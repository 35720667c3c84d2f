"""``manage.py demo``: what ``make run`` shows a new user, on whatever day it is loaded."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from refusjon.claims import services
from refusjon.claims.models import AssessmentKind, Claim, ClaimStatus, User
from refusjon.payouts.models import PaymentStatus, PayoutRun, RunStatus
from refusjon.rules.model import Period
from refusjon.web.management.commands.demo import demo_period, expense_day
from tests.conftest import Clock

# The edges of the periods the demo picks from (new year, SiO's and SSN's deadlines, the turn
# of the semester), a leap day, and a day years ahead.
DAYS = [
    date(2027, 1, 1),
    date(2027, 1, 31),
    date(2027, 2, 1),
    date(2027, 7, 1),
    date(2027, 7, 31),
    date(2027, 8, 1),
    date(2027, 12, 31),
    date(2028, 2, 29),
    date(2036, 5, 17),
]


def load_demo_on(clock: Clock, day: date) -> StringIO:
    clock.set(datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=9))
    out = StringIO()
    call_command("demo", stdout=out)
    return out


def refunds(username: str) -> list[tuple[str, Decimal]]:
    """The outcome and refund of each decision the student has."""
    claims = Claim.objects.filter(
        applicant__username=username, assessments__kind=AssessmentKind.DECISION
    )
    return sorted(claims.values_list("assessments__outcome", "assessments__refund_nok"))


@pytest.mark.django_db
def test_demo_data_has_a_student_per_scheme_with_claims_in_several_states(clock: Clock) -> None:
    out = load_demo_on(clock, date(2026, 12, 3))
    schemes = set(Claim.objects.values_list("scheme", flat=True))
    assert schemes == {"sio", "ssn", "helfo_abroad"}
    assert User.objects.filter(groups__name="caseworkers").count() == 3
    assert User.objects.filter(is_superuser=True).exists()
    for login in ("alice", "jonas", "sindre", "hanna", "bob", "dave", "fiona", "admin"):
        assert login in out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("day", DAYS, ids=str)
def test_every_state_and_every_refund_shows_on_any_day(clock: Clock, day: date) -> None:
    load_demo_on(clock, day)

    statuses = set(Claim.objects.values_list("status", flat=True))
    assert statuses == {
        ClaimStatus.DRAFT,
        ClaimStatus.SUBMITTED,
        ClaimStatus.RETURNED,
        ClaimStatus.DECIDED,
        ClaimStatus.PAID,
    }
    # Nothing refused for coming late or for expenses outside the period: the refunds are
    # the same on every day.
    assert refunds("alice") == [("approved", Decimal("196.00")), ("approved", Decimal("450.00"))]
    assert refunds("jonas") == [("approved", Decimal("110.00"))]
    assert refunds("sindre") == [("approved", Decimal("300.00"))]
    proposal = Claim.objects.get(applicant__username="hanna").assessments.get()
    assert proposal.outcome == "approved"  # each dollar line in time and at a rate of its day
    assert proposal.refund_nok > 0
    draft = Claim.objects.get(status=ClaimStatus.DRAFT)
    assert services.estimate(draft, lang="en").refund_nok == Decimal("287.00")
    for claim in Claim.objects.exclude(status=ClaimStatus.DRAFT):
        assert claim.submitted_on == day


@pytest.mark.django_db
def test_a_frozen_run_paid_alice_and_the_bank_rejected_jonas(clock: Clock) -> None:
    load_demo_on(clock, date(2027, 3, 6))  # a Saturday: the run is still the day's
    assert list(User.objects.filter(groups__name="finance").values_list("username", flat=True)) == [
        "fiona"
    ]
    run = PayoutRun.objects.get()
    assert run.status == RunStatus.FROZEN
    assert run.bank_file
    outcomes = dict(run.payments.values_list("student__username", "status"))
    assert outcomes == {"alice": PaymentStatus.PAID, "jonas": PaymentStatus.REJECTED}
    ready = Claim.objects.filter(status=ClaimStatus.DECIDED).exclude(payment_lines__active=True)
    assert {claim.applicant.get_username() for claim in ready} >= {"alice", "sindre"}


@pytest.mark.django_db
def test_hannas_dollars_are_converted_at_a_rate_of_their_day(clock: Clock) -> None:
    load_demo_on(clock, date(2027, 4, 20))
    lines = Claim.objects.get(applicant__username="hanna").lines.all()
    assert [line.currency for line in lines] == ["USD", "USD"]
    assert all(line.nok_amount > line.amount for line in lines)


@pytest.mark.django_db
def test_loading_demo_data_twice_changes_nothing(clock: Clock) -> None:
    load_demo_on(clock, date(2026, 12, 3))
    claims = Claim.objects.count()
    call_command("demo", stdout=StringIO())
    assert Claim.objects.count() == claims


@pytest.mark.parametrize(
    ("scheme", "day", "period"),
    [
        ("sio", date(2027, 1, 31), "2026"),  # SiO's deadline for 2026 is 31 January 2027
        ("sio", date(2027, 2, 1), "2027"),
        ("ssn", date(2027, 1, 31), "2026-fall"),  # due 1 February
        ("ssn", date(2027, 2, 1), "2027-spring"),
        ("ssn", date(2027, 7, 31), "2027-spring"),  # due 1 August
        ("ssn", date(2027, 8, 1), "2027-fall"),
        ("helfo_abroad", date(2027, 1, 15), "2026"),
    ],
)
def test_the_demo_claims_a_recent_period_whose_deadline_is_ahead(
    scheme: str, day: date, period: str
) -> None:
    assert str(demo_period(scheme, day)) == period


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_demo_expenses_are_in_the_period_from_the_last_three_months(day: date) -> None:
    for scheme in ("sio", "ssn", "helfo_abroad"):
        period: Period = demo_period(scheme, day)
        first, last = expense_day(period, day, 0.0), expense_day(period, day, 1.0)
        assert first in period and last in period
        assert day - timedelta(days=90) <= first < last < day
        assert (last - first).days >= 29  # room for distinct days

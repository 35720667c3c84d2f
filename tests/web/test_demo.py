"""``manage.py demo``: what ``make run`` shows a new user, on whatever day it is loaded."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.test import Client
from django.urls import reverse
from stdnum.no import kontonr

from refusjon.claims import appeals, services
from refusjon.claims.models import (
    Appeal,
    AppealStatus,
    Assessment,
    AssessmentKind,
    Claim,
    ClaimStatus,
    Institution,
    User,
)
from refusjon.payouts.models import PaymentStatus, PayoutRun, RunStatus
from refusjon.rules.model import Period
from refusjon.rules.schemes import language
from refusjon.web import volume
from refusjon.web.management.commands.demo import PASSWORD, demo_period, expense_day
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
def test_demo_institutions_are_those_each_scheme_file_covers_under_its_organisation(
    clock: Clock,
) -> None:
    load_demo_on(clock, date(2026, 12, 3))
    for scheme, definition in language.builtin().items():
        if definition.hooks:  # its places of study are figures its hooks read
            continue
        codes = set(
            Institution.objects.filter(welfare_organisation=scheme).values_list("code", flat=True)
        )
        assert codes == definition.who.institutions, scheme
    assert Institution.objects.get(code="uis").name == "Universitetet i Stavanger"
    assert Institution.objects.get(code="hivolda").name == "Høgskulen i Volda"


@pytest.mark.django_db
def test_the_demo_s_student_at_uis_sees_sis_and_not_sio(clock: Clock) -> None:
    out = load_demo_on(clock, date(2026, 12, 3))
    assert "siri" in out.getvalue()
    siri = Client(HTTP_ACCEPT_LANGUAGE="en")
    siri.force_login(User.objects.get(username="siri"))
    page = siri.get(reverse("portal:eligibility")).content.decode()
    assert 'id="scheme-sis"' in page and 'id="scheme-sio"' not in page
    assert "?scheme=sis" in page  # she can apply


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
def test_the_demo_shows_the_fees_read_from_an_uploaded_overview(clock: Clock) -> None:
    load_demo_on(clock, date(2027, 5, 12))
    draft = Claim.objects.get(status=ClaimStatus.DRAFT)
    [overview] = draft.attachments.all()
    assert overview.file and overview.reading.kind == "user_fee_overview"
    assert overview.reading.reconciled and overview.shows_applicant_name  # the name matched
    alice = Client(HTTP_ACCEPT_LANGUAGE="en")
    alice.force_login(User.objects.get(username="alice"))
    page = alice.get(reverse("portal:claim", args=[draft.reference])).content.decode()
    assert "Lines found in your documents" in page
    assert "In your claim (expense 1)" in page
    assert page.count('class="stack found-add"') == 1  # the GP visit, offered to add

    returned = Claim.objects.get(status=ClaimStatus.RETURNED)
    bob = Client(HTTP_ACCEPT_LANGUAGE="en")
    bob.force_login(User.objects.get(username="bob"))
    text = bob.get(reverse("workspace:claim", args=[returned.reference])).content.decode()
    assert "Against the documents" in text
    row = returned.attachments.get(document_type="user_fee_overview").reading.lines.first()
    assert f"found={row.pk}#viewer" in text
    assert bob.get(reverse("intake:highlight", args=[row.pk]))["Content-Type"] == "image/png"


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


# Demo data at volume (demo --claims N), for load tests.


def load_volume_on(clock: Clock, day: date, claims: int) -> StringIO:
    clock.set(datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=9))
    out = StringIO()
    call_command("demo", claims=claims, stdout=out, stderr=StringIO())
    return out


def volume_claims() -> QuerySet[Claim]:
    return Claim.objects.filter(applicant__username__startswith="student")


@pytest.mark.django_db
def test_volume_claims_are_spread_over_a_thousand_students_in_every_state(clock: Clock) -> None:
    out = load_volume_on(clock, date(2027, 3, 6), 2_000)
    assert "2,000 claims" in out.getvalue() and "student0001" in out.getvalue()
    assert volume_claims().count() == 2_000
    assert User.objects.filter(username__startswith="student", profile__isnull=False).count() == (
        volume.STUDENTS
    )
    assert volume_claims().values("applicant").distinct().count() == volume.STUDENTS
    assert set(volume_claims().values_list("status", flat=True)) == set(ClaimStatus.values)
    assert set(volume_claims().values_list("scheme", flat=True)) == {"sio", "ssn", "helfo_abroad"}
    assert Claim.objects.filter(applicant__username="alice").exists()  # the small demo too
    assert not volume_claims().filter(lines__isnull=True).exists()


@pytest.mark.django_db
def test_each_volume_claim_has_what_the_services_would_have_stored(clock: Clock) -> None:
    day = date(2027, 3, 6)
    load_volume_on(clock, day, 2_000)
    limit = Decimal(settings.REFUSJON_FOUR_EYES_ABOVE_NOK)
    for claim in volume_claims().prefetch_related("lines", "assessments", "appeals"):
        assessments = list(claim.assessments.all())
        proposals = [a for a in assessments if a.kind == AssessmentKind.PROPOSAL]
        if claim.status == ClaimStatus.DRAFT:
            assert not assessments and claim.submitted_on is None
            continue
        assert claim.submitted_on is not None and claim.submitted_on <= day
        assert all(line.service_on <= claim.submitted_on for line in claim.lines.all())
        assert all(line.service_on in Period.parse(claim.period) for line in claim.lines.all())
        engine = min(proposals, key=lambda a: a.created_at)
        assert engine.decided_by is None and engine.record["claim_id"] == claim.reference
        assert claim.reference in engine.record["explanation"][0]
        assert claim.reference in engine.record["explanation_nb"][0]
        assert all(a.created_at <= clock.now() for a in assessments)
        decision = services.current_decision(claim)
        if claim.status in (ClaimStatus.DECIDED, ClaimStatus.PAID, ClaimStatus.APPEALED):
            assert decision is not None and decision.record["engine"]["outcome"] == engine.outcome
        else:
            assert decision is None
        if claim.status == ClaimStatus.AWAITING_APPROVAL:
            proposed = [a for a in proposals if a.decided_by_id is not None]
            assert [a.decided_by_id for a in proposed] == [claim.proposed_by_id]
            assert proposed[0].refund_nok > limit
        if claim.status == ClaimStatus.APPEALED:
            appeal = appeals.open_appeal(claim)
            assert appeal is not None and appeal.decision == decision
        superseded = [a for a in assessments if a.superseded_by_id is not None]
        for old in superseded:
            assert old.superseded_by == decision and old.created_at < decision.created_at
            assert claim.appeals.get().new_decision == decision
        if claim.status == ClaimStatus.RETURNED:
            assert claim.was_returned and claim.complete_by is not None
    # Some decisions were changed on appeal: each superseded once, by the appeal's decision.
    superseded = Assessment.objects.filter(superseded_by__isnull=False)
    assert superseded.exists()
    assert superseded.count() == Appeal.objects.filter(status=AppealStatus.CHANGED).count()


@pytest.mark.django_db
def test_a_volume_student_signs_in_and_sees_an_estimate_of_a_draft(
    client: Client, clock: Clock
) -> None:
    load_volume_on(clock, date(2026, 12, 3), 3_000)
    draft = volume_claims().filter(status=ClaimStatus.DRAFT).first()
    assert draft is not None
    student = draft.applicant
    # Through the sign-in page: the test client's login() passes no request, which the
    # sign-in throttle (django-axes) needs to know the address.
    signed_in = client.post(
        reverse("login"), {"username": student.get_username(), "password": PASSWORD}
    )
    assert signed_in.status_code == 302
    response = client.get(reverse("portal:claim", args=[draft.reference]))
    assert response.status_code == 200
    assert response.context["estimate"]["refund_nok"] >= 0  # against their decided claims
    assert services.estimate(draft).record["outcome"] in ("approved", "partially_approved")


@pytest.mark.django_db
def test_the_same_volume_on_the_same_day_is_the_same_data(clock: Clock) -> None:
    def digest() -> list[tuple[object, ...]]:
        with transaction.atomic():
            load_volume_on(clock, date(2027, 8, 1), 400)
            rows = list(
                volume_claims()
                .order_by("reference")
                .values_list("reference", "applicant__username", "status", "submitted_on")
            )
            rows += list(
                Assessment.objects.filter(claim__in=volume_claims())
                .order_by("claim__reference", "created_at", "kind")
                .values_list("claim__reference", "kind", "outcome", "refund_nok", "created_at")
            )
            transaction.set_rollback(True)
        return rows

    first = digest()
    assert len(first) > 400
    assert digest() == first


@pytest.mark.django_db
def test_loading_volume_twice_adds_nothing_the_second_time(clock: Clock) -> None:
    load_volume_on(clock, date(2026, 12, 3), 100)
    out = load_volume_on(clock, date(2026, 12, 3), 100)
    assert "already there: 100 claims" in out.getvalue()
    assert volume_claims().count() == 100


@pytest.mark.django_db
def test_claims_made_after_the_volume_get_new_ids(clock: Clock) -> None:
    """The volume's rows are written with their ids given: PostgreSQL's sequences are moved
    past them, or the next claim made by the services would take an id already used."""
    load_volume_on(clock, date(2026, 12, 3), 100)
    student = User.objects.get(username="student0007")
    claim = services.create_draft(student, scheme="sio", period="2026")
    line = services.add_line(
        claim, by=student, category="gp", service_on=date(2026, 11, 2), amount=Decimal("179.00")
    )
    assert claim.pk > volume_claims().exclude(pk=claim.pk).aggregate(Max("pk"))["pk__max"]
    assert line.pk > 0


@pytest.mark.django_db
@pytest.mark.parametrize("claims", ["-1"])
def test_a_negative_number_of_claims_is_refused(claims: str) -> None:
    with pytest.raises(CommandError):
        call_command("demo", "--claims", claims, stdout=StringIO())


def test_account_numbers_of_volume_students_have_valid_check_digits() -> None:
    numbers = [volume.account_number(number) for number in range(1, volume.STUDENTS + 1)]
    assert all(kontonr.is_valid(number) for number in numbers)
    assert len(set(numbers)) == volume.STUDENTS

"""Demo data at volume (``manage.py demo --claims N``): N claims spread over a thousand
students, in every state a claim can be in, for load tests and for looking at a full queue.

The rows are written in bulk, not through the services one by one: a hundred thousand claims
through ``submit_claim`` and ``decide_claim`` would take hours, and the load test needs them in
a minute or two. What the services would have stored is stored as they store it: the engine's
proposal on submission; a caseworker's proposal above the four-eyes limit; the decision, with
the engine's record kept under ``engine`` and its effects on the running totals; a sent appeal
with the decision it appeals; a decision changed on appeal, superseded by the new one. The
engine is really run, once for each distinct claim shape (scheme, profile, day of submission,
lines) against a student with nothing decided yet, and its record is reused for every claim of
that shape with the claim's own reference. Nothing is written to the audit log and no payout
runs are made: the volume is in the claims.

Each student applies under one scheme (SiO, SSN or Helfo abroad, about 45/35/20), with a
profile that qualifies for it, and signs in as ``student0001`` ... ``student1000`` with the demo
password. Everything comes from one seeded ``random.Random`` and the application's clock: the
same N on the same day gives the same data, and every date is counted back from today.

The rows go in as ``loaddata`` puts them: in one transaction, with ids given here from the
highest in the table, each value prepared by its model field as the ORM would prepare it, one
``executemany`` per table and batch (PostgreSQL's COPY there), and the id sequences moved past
them at the end. Like ``loaddata``, it expects nobody else to write claims meanwhile. (With
``bulk_create`` a hundred thousand claims took three minutes, most of it building model
instances and, on SQLite, sending forty rows a statement; this way it takes under one.)
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone

from refusjon import clock
from refusjon.claims import adapter
from refusjon.claims.models import (
    Appeal,
    AppealStatus,
    Assessment,
    AssessmentKind,
    Attachment,
    Claim,
    ClaimStatus,
    ExpenseLine,
    Institution,
    PatientRelation,
    StudentProfile,
    User,
)
from refusjon.rules import model as rules
from refusjon.rules.context import Key
from refusjon.rules.engine import assess
from refusjon.rules.model import Period
from refusjon.rules.parameters import Parameters
from refusjon.web.management.commands.demo import demo_period, expense_day

STUDENTS = 1_000
SEED = 20_261_203
BATCH = 5_000  # claims per batch, with their lines, documents, assessments and appeals
USERNAME = "student{:04d}"

# How the claims are spread over the states (percent): most are open, as in a busy office.
STATE_WEIGHTS: dict[str, int] = {
    ClaimStatus.DRAFT: 6,
    ClaimStatus.SUBMITTED: 30,
    ClaimStatus.IN_REVIEW: 22,
    ClaimStatus.AWAITING_APPROVAL: 3,
    ClaimStatus.RETURNED: 8,
    ClaimStatus.APPEALED: 4,
    ClaimStatus.DECIDED: 13,
    ClaimStatus.PAID: 14,
}
# Of the decided claims, the share whose first decision was changed on appeal.
CHANGED_ON_APPEAL = 0.1
# Submitted claims came in over the last year; caseworkers decide within three weeks.
OLDEST_DAYS = 364
DECIDED_WITHIN_DAYS = 21
APPEAL_PERIOD_DAYS = 21
COMPLETE_WITHIN_DAYS = 14

SCHEME_WEIGHTS = {"sio": 45, "ssn": 35, "helfo_abroad": 20}
INSTITUTIONS = {"sio": ("uio", "oslomet-kjeller"), "ssn": ("usn", "phs-stavern")}
HELFO_RATE = Decimal("10.60")  # NOK per USD, as the small demo's rates

# The lines of a claim, by scheme: (category, days before submission, amount). Amounts in NOK
# are public user fees; Helfo's are dollars paid abroad. Each (category, amount) is used once
# per scheme, and a student's claims came in on different days, so no two of a student's claims
# hold the same expense.
Line = tuple[str, int, str]
PATTERNS: dict[str, tuple[tuple[Line, ...], ...]] = {
    "sio": (
        (("gp", 12, "179.00"), ("lab_tests", 12, "64.00")),
        (("psychologist", 20, "386.00"),),
        (("physiotherapist", 30, "286.00"), ("physiotherapist", 23, "300.00")),
        (("specialist", 8, "403.00"), ("radiology", 40, "297.00"), ("gp", 55, "235.00")),
    ),
    "ssn": (
        (("gp", 15, "170.00"),),
        (("psychologist", 25, "403.00"), ("lab_tests", 25, "72.00")),
        (("radiology", 33, "287.00"), ("specialist", 10, "386.00")),
        (("emergency_clinic", 5, "435.00"), ("gp", 45, "301.00")),
    ),
    "helfo_abroad": (
        (("gp", 14, "120.00"),),
        (("specialist", 30, "350.00"), ("lab_tests", 29, "90.00")),
        (("physiotherapist", 21, "110.00"), ("physiotherapist", 14, "115.00")),
        (("hospital_stay", 40, "1800.00"), ("gp", 45, "130.00")),
    ),
}
# Claims waiting for a second caseworker refund more than the four-eyes limit: a hospital
# stay abroad. (Only Helfo claims come so high.)
BIG_PATTERN: tuple[Line, ...] = (("hospital_stay", 18, "2400.00"), ("specialist", 25, "900.00"))
# A draft's lines, as a share of the way through the recent part of its period (the small
# demo's ``expense_day``), in amounts no submitted claim uses.
DRAFT_PATTERNS: dict[str, tuple[tuple[str, float, str], ...]] = {
    "sio": (("gp", 0.3, "160.00"), ("radiology", 0.8, "308.00")),
    "ssn": (("physiotherapist", 0.5, "250.00"),),
    "helfo_abroad": (("gp", 0.6, "140.00"), ("lab_tests", 0.6, "60.00")),
}
DOCUMENTS = {
    "sio": ("user_fee_overview",),
    "ssn": ("user_fee_overview", "student_id"),
    "helfo_abroad": ("receipt", "proof_of_payment", "medical_documentation"),
}
# The claim id the engine is given for a shape, replaced by each claim's reference.
PLACEHOLDER = "R-0000-X0000000"
RETURNED_MISSING = ["student_id"]
RETURNED_MESSAGE = "Legg ved studentbevis eller kvittering for semesteravgift."
APPEAL_TEXT = "Jeg mener behandlingen hos fysioterapeut skulle vært dekket."
APPEAL_NOTE = "Ny vurdering etter klagen: vedtaket endres."
# How many steps (changes of the claim's version) each state is from a new draft.
VERSIONS: dict[str, int] = {
    ClaimStatus.DRAFT: 0,
    ClaimStatus.SUBMITTED: 1,
    ClaimStatus.IN_REVIEW: 2,
    ClaimStatus.RETURNED: 3,
    ClaimStatus.AWAITING_APPROVAL: 3,
    ClaimStatus.DECIDED: 3,
    ClaimStatus.PAID: 4,
    ClaimStatus.APPEALED: 4,
}


@dataclass(frozen=True)
class Student:
    user_id: int
    scheme: str
    applicant: rules.Applicant


@dataclass(frozen=True)
class Shape:
    """What the engine sees of a submitted claim: its scheme, the day it came in and its lines
    (the student's profile is the other half of the key)."""

    scheme: str
    submitted_on: date
    pattern: tuple[Line, ...]


@dataclass(frozen=True)
class Priced:
    """The engine's proposal for a shape, as ``submit_claim`` stores it, and its effects."""

    outcome: str
    refund_nok: Decimal
    record: dict[str, Any]
    effects: dict[str, Any]


@dataclass(frozen=True)
class Loaded:
    students: int
    claims: int
    by_status: dict[str, int]


class _NoHistory:
    """The engine's history of a student with nothing decided yet."""

    def total(self, person_id: str, key: Key) -> Decimal:
        return Decimal("0.00")

    def has_expense(self, person_id: str, key: Key) -> bool:
        return False

    def was_returned(self, person_id: str, claim_id: str) -> bool:
        return False


def volume_loaded() -> int:
    """How many claims the volume students have (0 when the volume data is not there)."""
    if not User.objects.filter(username=USERNAME.format(1)).exists():
        return 0
    return Claim.objects.filter(applicant__username__startswith="student").count()


def load(
    claims: int, *, password: str, seed: int = SEED, progress: Callable[[str], None]
) -> Loaded:
    """Add ``claims`` claims over ``STUDENTS`` new students (see the module's docstring), all
    or nothing. Needs two caseworkers (the small demo's bob and dave) to have decided them."""
    caseworkers = list(
        User.objects.filter(groups__name="caseworkers", is_active=True)
        .exclude(groups__name="finance")
        .order_by("username")
        .values_list("pk", flat=True)
    )
    if len(caseworkers) < 2:
        raise ValueError("the volume data needs two caseworkers: load the small demo first")
    rng = random.Random(seed)
    with transaction.atomic():
        students = _students(rng, password=password)
        progress(f"{len(students):,} students")
        tables = _Tables()
        planner = _Planner(rng, students=students, caseworkers=caseworkers, tables=tables)
        for start in range(0, claims, BATCH):
            for number in range(start, min(claims, start + BATCH)):
                planner.add(number)
            tables.write()
            progress(f"{min(claims, start + BATCH):,} claims")
        tables.reset_sequences()
    _analyze()
    return Loaded(len(students), claims, planner.by_status)


class _Table:
    """The rows for one model's table, written as ``loaddata`` writes them: with ids given
    here, counted on from the highest in the table, each value prepared for the database by
    its field (dates, amounts, JSON), one ``executemany`` per batch."""

    PREPARED = (models.DateField, models.DecimalField, models.JSONField)

    def __init__(self, model: type[models.Model], fields: Sequence[str]) -> None:
        meta = model._meta
        self.model = model
        self.names = tuple(fields)
        self.fields = [_concrete(meta.get_field(name)) for name in self.names]
        # The model's other columns take their defaults, as the ORM would give them: a field
        # added to the model later does not break the load.
        others = [
            field
            for field in meta.concrete_fields
            if field is not meta.pk and field.name not in self.names
        ]
        assert meta.pk is not None
        quote = connection.ops.quote_name
        columns = [meta.pk, *self.fields, *others]
        names = ", ".join(quote(str(field.column)) for field in columns)
        values = ", ".join(["%s"] * len(columns))
        self.sql = f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES ({values})"
        self.copy = f"COPY {quote(meta.db_table)} ({names}) FROM STDIN"
        self.prepare = [
            field.get_db_prep_save if isinstance(field, self.PREPARED) else None
            for field in self.fields
        ]
        self.defaults = tuple(
            field.get_db_prep_save(field.get_default(), connection) for field in others
        )
        highest = model._base_manager.aggregate(highest=Max("pk"))["highest"]
        self.next_id = (highest or 0) + 1
        self.rows: list[tuple[Any, ...]] = []

    def add(self, **values: Any) -> int:
        """Add a row with every field named in ``fields``; its id."""
        if len(values) != len(self.names):
            raise TypeError(f"{self.model.__name__}: give {', '.join(self.names)}")
        row_id = self.next_id
        self.next_id += 1
        row: list[Any] = [row_id]
        for name, prepare in zip(self.names, self.prepare, strict=True):
            value = values[name]
            row.append(value if prepare is None or value is None else prepare(value, connection))
        self.rows.append((*row, *self.defaults))
        return row_id

    def write(self) -> None:
        """Send the rows added since the last write: through PostgreSQL's COPY, which takes
        rows as a stream (a third of the time of as many INSERTs), else one ``executemany``."""
        if not self.rows:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(self.copy) as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self.sql, self.rows)
        self.rows = []


def _concrete(field: Any) -> models.Field[Any, Any]:
    """A field with a column of its own (not a reverse relation)."""
    assert isinstance(field, models.Field) and field.column
    return field


class _Tables:
    """The tables the claims go into, written in an order their foreign keys allow."""

    def __init__(self) -> None:
        self.claims = _Table(
            Claim,
            (
                "reference",
                "applicant",
                "scheme",
                "period",
                "status",
                "patient_relation",
                "patient_birth_date",
                "resubmission_of",
                "submitted_on",
                "submission_token",
                "was_returned",
                "returned_missing",
                "returned_message",
                "complete_by",
                "proposed_by",
                "version",
                "created_at",
                "updated_at",
            ),
        )
        self.lines = _Table(
            ExpenseLine,
            (
                "claim",
                "number",
                "category",
                "service_on",
                "paid_on",
                "amount",
                "currency",
                "nok_amount",
                "public_user_fee",
                "itemized_receipt",
                "referral",
                "medical_statement",
                "country",
                "trip_distance_km",
                "trip_min_public_fare_nok",
                "trip_companion",
            ),
        )
        self.documents = _Table(
            Attachment,
            (
                "claim",
                "appeal",
                "document_type",
                "language",
                "shows_applicant_name",
                "file",
                "content_type",
                "sha256",
                "uploaded_at",
            ),
        )
        self.assessments = _Table(
            Assessment,
            (
                "claim",
                "kind",
                "outcome",
                "refund_nok",
                "record",
                "effects",
                "decided_by",
                "created_at",
                "superseded_by",
            ),
        )
        self.appeals = _Table(
            Appeal,
            (
                "claim",
                "decision",
                "appellant",
                "text",
                "status",
                "deadline",
                "claim_status_before",
                "created_at",
                "submitted_at",
                "handled_by",
                "handled_at",
                "handler_note",
                "new_decision",
            ),
        )
        self.all = (self.claims, self.lines, self.documents, self.assessments, self.appeals)

    def write(self) -> None:
        for table in self.all:
            table.write()

    def reset_sequences(self) -> None:
        """Move PostgreSQL's id sequences past the ids given here (SQLite needs nothing)."""
        statements = connection.ops.sequence_reset_sql(
            no_style(), [table.model for table in self.all]
        )
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _students(rng: random.Random, *, password: str) -> list[Student]:
    """A thousand students, each qualifying for one scheme, with one password hash for all
    (hashing it a thousand times would take minutes)."""
    hashed = make_password(password)
    institutions = {
        code: Institution.objects.get(code=code)
        for codes in INSTITUTIONS.values()
        for code in codes
    }
    schemes, weights = list(SCHEME_WEIGHTS), list(SCHEME_WEIGHTS.values())
    chosen = [rng.choices(schemes, weights)[0] for _ in range(STUDENTS)]
    users = User.objects.bulk_create(
        [
            User(
                username=USERNAME.format(number),
                first_name=f"Student {number}",
                password=hashed,
                date_joined=clock.now(),
            )
            for number in range(1, STUDENTS + 1)
        ],
        batch_size=500,
    )
    profiles = [
        _profile(number, user, scheme, institutions)
        for number, (user, scheme) in enumerate(zip(users, chosen, strict=True), 1)
    ]
    StudentProfile.objects.bulk_create(profiles, batch_size=500)
    return [
        Student(user.pk, scheme, _applicant(profile))
        for user, scheme, profile in zip(users, chosen, profiles, strict=True)
    ]


def _profile(
    number: int, user: User, scheme: str, institutions: dict[str, Institution]
) -> StudentProfile:
    profile = StudentProfile(
        user=user,
        person_id=f"DEMO-S{number:04d}",
        birth_date=date(1996 + number % 10, 1 + number % 12, 1 + number % 28),
        semester_fee_paid=True,
        registered_student=True,
    )
    if scheme == "helfo_abroad":
        profile.nis_member = True
        profile.full_time_student_abroad = True
        profile.study_country = "US"
        profile.iban = "GB82WEST12345698765432"
        profile.bic = "WESTGB22"
        return profile
    codes = INSTITUTIONS[scheme]
    institution = institutions[codes[number % len(codes)]]
    profile.institution = institution
    # SiO covers its GP patients, and everyone at some campuses (oslomet-kjeller from 2026).
    profile.sio_gp = scheme == "sio" and (institution.code == "uio" or number % 3 == 0)
    profile.bank_account = account_number(number)
    return profile


def account_number(number: int) -> str:
    """A Norwegian account number with a valid check digit (mod 11), in a demo range."""
    base = f"9710{number:06d}"
    weights = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    remainder = sum(int(digit) * weight for digit, weight in zip(base, weights, strict=True)) % 11
    check = (11 - remainder) % 11
    if check == 10:  # no account has this base: take another
        return account_number(number + 500_000)
    return base + str(check)


def _applicant(profile: StudentProfile) -> rules.Applicant:
    """The engine's view of a volume student's profile, with the same person id and birth
    date for all (no rule for an adult's own claim reads them), so that the engine runs once
    per claim shape rather than once per student."""
    return rules.Applicant(
        person_id="DEMO-S",
        birth_date=date(2001, 1, 1),
        semester_fee_paid=profile.semester_fee_paid,
        registered_student=profile.registered_student,
        institution=profile.institution.code if profile.institution else None,
        sio_gp=profile.sio_gp,
        nis_member=profile.nis_member,
        full_time_student_abroad=profile.full_time_student_abroad,
        study_country=profile.study_country or None,
    )


def period_of(scheme: str, day: date) -> Period:
    """The period of ``scheme`` that ``day`` falls in (SSN's semester, else the year)."""
    if scheme == "ssn":
        return Period(day.year, "spring" if day.month <= 6 else "fall")
    return Period(day.year, None)


def line_days(shape: Shape) -> tuple[Period, list[date]]:
    """The period a submitted claim covers and the day of each of its lines: so many days
    before submission, and not before the period of the latest line began."""
    latest = shape.submitted_on - timedelta(days=min(days for _, days, _ in shape.pattern))
    period = period_of(shape.scheme, latest)
    days = [
        max(period.start, shape.submitted_on - timedelta(days=days)) for _, days, _ in shape.pattern
    ]
    return period, days


@dataclass(frozen=True)
class _Line:
    """An expense line as ``add_line`` would store it (Helfo's in dollars, converted)."""

    number: int
    category: str
    service_on: date
    amount: Decimal
    abroad: bool

    @property
    def nok_amount(self) -> Decimal | None:
        return (self.amount * HELFO_RATE).quantize(Decimal("0.01")) if self.abroad else None

    def fields(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "category": self.category,
            "service_on": self.service_on,
            "paid_on": None,
            "amount": self.amount,
            "currency": "USD" if self.abroad else "NOK",
            "nok_amount": self.nok_amount,
            "public_user_fee": not self.abroad,
            "itemized_receipt": self.abroad,
            "referral": False,
            "medical_statement": False,
            "country": "US" if self.abroad else "NO",
            "trip_distance_km": None,
            "trip_min_public_fare_nok": None,
            "trip_companion": False,
        }

    def for_rules(self) -> rules.ExpenseLine:
        fields = self.fields()
        return rules.ExpenseLine(
            line_id=str(self.number),
            category=self.category,
            service_on=self.service_on,
            paid_on=self.service_on,
            amount=self.amount,
            currency=fields["currency"],
            nok_amount=self.nok_amount,
            public_user_fee=fields["public_user_fee"],
            itemized_receipt=fields["itemized_receipt"],
            country=fields["country"],
        )


def shape_lines(shape: Shape) -> tuple[Period, list[_Line]]:
    period, days = line_days(shape)
    abroad = shape.scheme == "helfo_abroad"
    return period, [
        _Line(number, category, day, Decimal(amount), abroad)
        for number, ((category, _, amount), day) in enumerate(
            zip(shape.pattern, days, strict=True), 1
        )
    ]


def price(shape: Shape, applicant: rules.Applicant, parameters: Parameters) -> Priced:
    """The engine's decision on a claim of ``shape`` by a student with nothing decided yet,
    as ``submit_claim`` stores its proposal: the record in English with ``explanation_nb``."""
    period, lines = shape_lines(shape)
    claim = rules.Claim(
        claim_id=PLACEHOLDER,
        scheme=rules.Scheme(shape.scheme),
        submitted_on=shape.submitted_on,
        period=period,
        applicant=applicant,
        expenses=tuple(line.for_rules() for line in lines),
        documents=tuple(
            rules.Document(kind, True, _language(shape.scheme)) for kind in DOCUMENTS[shape.scheme]
        ),
    )
    result = assess(claim, _NoHistory(), parameters)
    record = adapter.decision_record(result.decision, "en")
    record["explanation_nb"] = adapter.explanation(result.decision, "nb")
    return Priced(
        str(result.decision.outcome),
        result.decision.refund_nok,
        record,
        adapter.effects_to_json(result.effects),
    )


def _with_reference(record: dict[str, Any], reference: str) -> dict[str, Any]:
    """A shape's record for one claim: its reference where the engine wrote the claim id."""
    return {
        **record,
        "claim_id": reference,
        "explanation": [step.replace(PLACEHOLDER, reference) for step in record["explanation"]],
        "explanation_nb": [
            step.replace(PLACEHOLDER, reference) for step in record["explanation_nb"]
        ],
    }


def _language(scheme: str) -> str:
    return "en" if scheme == "helfo_abroad" else "no"


@dataclass
class _Claim:
    """One claim being planned: what is written about it, and when each step was taken."""

    id: int
    reference: str
    student: Student
    status: str
    submitted_at: datetime
    decided_at: datetime | None = None
    appealed_at: datetime | None = None
    changed_at: datetime | None = None


class _Planner:
    """Plans claim number ``n`` of the run (its student, state, lines and dates) and adds its
    rows to the tables."""

    def __init__(
        self,
        rng: random.Random,
        *,
        students: list[Student],
        caseworkers: list[int],
        tables: _Tables,
    ) -> None:
        self.rng = rng
        self.now = clock.now()
        self.today = timezone.localdate(self.now)
        self.midnight = timezone.make_aware(datetime.combine(self.today, datetime.min.time()))
        self.students = students
        self.caseworkers = caseworkers
        self.tables = tables
        self.states, self.weights = list(STATE_WEIGHTS), list(STATE_WEIGHTS.values())
        self.prices: dict[tuple[Shape, rules.Applicant], Priced] = {}
        self.parameters = adapter.current_parameters()
        self.by_status: dict[str, int] = {}

    def add(self, number: int) -> None:
        student = self.students[number % len(self.students)]
        status = self.rng.choices(self.states, self.weights)[0]
        if status == ClaimStatus.AWAITING_APPROVAL and student.scheme != "helfo_abroad":
            status = ClaimStatus.IN_REVIEW
        self.by_status[status] = self.by_status.get(status, 0) + 1
        reference = f"R-{self.today.year}-X{number:07d}"  # X: never a services reference
        if status == ClaimStatus.DRAFT:
            self._draft(reference, student)
        else:
            self._submitted(number, reference, student, status)

    def _claim_row(self, reference: str, student: Student, status: str, **fields: Any) -> int:
        row: dict[str, Any] = {
            "reference": reference,
            "applicant": student.user_id,
            "scheme": student.scheme,
            "status": status,
            "patient_relation": PatientRelation.SELF,
            "patient_birth_date": None,
            "resubmission_of": None,
            "submitted_on": None,
            "submission_token": "",
            "was_returned": False,
            "returned_missing": [],
            "returned_message": "",
            "complete_by": None,
            "proposed_by": None,
            "version": VERSIONS[status],
        }
        return self.tables.claims.add(**{**row, **fields})

    def _lines_and_documents(
        self, claim_id: int, scheme: str, lines: list[_Line], at: datetime
    ) -> None:
        for line in lines:
            self.tables.lines.add(claim=claim_id, **line.fields())
        for kind in DOCUMENTS[scheme]:
            self.tables.documents.add(
                claim=claim_id,
                appeal=None,
                document_type=kind,
                language=_language(scheme),
                shows_applicant_name=True,
                file="",
                content_type="",
                sha256="",
                uploaded_at=at,
            )

    def _draft(self, reference: str, student: Student) -> None:
        """A draft with this period's expenses, dated as the small demo dates its own."""
        period = demo_period(student.scheme, self.today)
        created = self.now - timedelta(days=self.rng.randrange(20), minutes=self.rng.randrange(600))
        claim_id = self._claim_row(
            reference,
            student,
            ClaimStatus.DRAFT,
            period=str(period),
            created_at=created,
            updated_at=created,
        )
        abroad = student.scheme == "helfo_abroad"
        lines = [
            _Line(number, category, expense_day(period, self.today, share), Decimal(amount), abroad)
            for number, (category, share, amount) in enumerate(DRAFT_PATTERNS[student.scheme], 1)
        ]
        self._lines_and_documents(claim_id, student.scheme, lines, created)

    def _submitted(self, number: int, reference: str, student: Student, status: str) -> None:
        rng = self.rng
        # Each student's claims came in on different days (37 and 365 have no common factor).
        per_student = len(self.students)
        age = (number // per_student * 37 + number % per_student) % (OLDEST_DAYS + 1)
        office_hours = timedelta(hours=8, minutes=rng.randrange(540))
        submitted_at = min(self.now, self.midnight - timedelta(days=age) + office_hours)
        pattern = (
            BIG_PATTERN
            if status == ClaimStatus.AWAITING_APPROVAL
            else rng.choice(PATTERNS[student.scheme])
        )
        shape = Shape(student.scheme, timezone.localdate(submitted_at), pattern)
        period, lines = shape_lines(shape)
        claim = _Claim(0, reference, student, status, submitted_at)
        self._timeline(claim, age)
        fields = self._status_fields(claim)
        claim.id = self._claim_row(
            reference,
            student,
            status,
            period=str(period),
            submitted_on=shape.submitted_on,
            submission_token=f"volume-{number}",
            created_at=submitted_at - timedelta(days=rng.randrange(4), minutes=rng.randrange(60)),
            updated_at=claim.changed_at or claim.appealed_at or claim.decided_at or submitted_at,
            **fields,
        )
        self._lines_and_documents(claim.id, student.scheme, lines, submitted_at)
        self._assessments(claim, shape, proposed_by=fields.get("proposed_by"))

    def _timeline(self, claim: _Claim, age: int) -> None:
        """When each step after submission was taken: review, return, decision, appeal. A
        decision changed on appeal was made, appealed the next day and changed the day after."""
        rng = self.rng
        if claim.status == ClaimStatus.SUBMITTED:
            return
        after = timedelta(days=rng.randint(0, min(age, DECIDED_WITHIN_DAYS)), hours=1)
        claim.decided_at = min(self.now, claim.submitted_at + after)
        if claim.status == ClaimStatus.DECIDED and age >= 3 and rng.random() < CHANGED_ON_APPEAL:
            claim.decided_at = claim.submitted_at + timedelta(hours=1)
            claim.appealed_at = claim.decided_at + timedelta(days=1)
            claim.changed_at = claim.appealed_at + timedelta(days=1)
        elif claim.status == ClaimStatus.APPEALED:
            # A share of the days left to appeal, so that the random draws do not depend on
            # the time of day the data is loaded.
            left = max(0, min(APPEAL_PERIOD_DAYS, (self.now - claim.decided_at).days))
            days = int(rng.random() * (left + 1))
            claim.appealed_at = min(self.now, claim.decided_at + timedelta(days=days, minutes=30))

    def _status_fields(self, claim: _Claim) -> dict[str, Any]:
        """The claim's fields that its state sets: what a returned claim misses, by when;
        who proposed a decision waiting for approval."""
        if claim.status == ClaimStatus.RETURNED:
            assert claim.decided_at is not None
            returned_on = timezone.localdate(claim.decided_at)
            return {
                "was_returned": True,
                "returned_missing": RETURNED_MISSING,
                "returned_message": RETURNED_MESSAGE,
                "complete_by": returned_on + timedelta(days=COMPLETE_WITHIN_DAYS),
            }
        if claim.status == ClaimStatus.AWAITING_APPROVAL:
            return {"proposed_by": self.rng.choice(self.caseworkers)}
        if claim.changed_at is not None:
            return {"version": VERSIONS[ClaimStatus.DECIDED] + 2}
        return {}

    def _priced(self, shape: Shape, student: Student) -> Priced:
        key = (shape, student.applicant)
        found = self.prices.get(key)
        if found is None:
            found = self.prices[key] = price(shape, student.applicant, self.parameters)
        return found

    def _assessments(self, claim: _Claim, shape: Shape, *, proposed_by: int | None) -> None:
        """The engine's proposal on submission and, as the claim's state has them, a
        caseworker's proposal waiting for approval, the decision, an appeal of it, or a
        decision changed on appeal."""
        priced = self._priced(shape, claim.student)
        engine = _with_reference(priced.record, claim.reference)
        assessment = {
            "claim": claim.id,
            "outcome": priced.outcome,
            "refund_nok": priced.refund_nok,
            "superseded_by": None,
        }
        self.tables.assessments.add(
            kind=AssessmentKind.PROPOSAL,
            record=engine,
            effects={},
            decided_by=None,
            created_at=claim.submitted_at,
            **assessment,
        )
        if claim.decided_at is None or claim.status in (
            ClaimStatus.IN_REVIEW,
            ClaimStatus.RETURNED,
        ):
            return
        decided = {
            **assessment,
            "record": {**engine, "engine": dict(engine)},
            "effects": priced.effects,
            "created_at": claim.decided_at,
        }
        if claim.status == ClaimStatus.AWAITING_APPROVAL:
            self.tables.assessments.add(
                kind=AssessmentKind.PROPOSAL, decided_by=proposed_by, **decided
            )
            return
        decider = self.rng.choice(self.caseworkers)
        if claim.changed_at is not None:
            self._changed_on_appeal(claim, decided, decider=decider, priced=priced)
            return
        decision = self.tables.assessments.add(
            kind=AssessmentKind.DECISION, decided_by=decider, **decided
        )
        if claim.status == ClaimStatus.APPEALED:
            before = self.rng.choice((ClaimStatus.DECIDED, ClaimStatus.PAID))
            self._appeal(claim, decision, status_before=before)

    def _changed_on_appeal(
        self, claim: _Claim, decided: dict[str, Any], *, decider: int, priced: Priced
    ) -> None:
        assert claim.decided_at is not None and claim.changed_at is not None
        handler = next(other for other in self.caseworkers if other != decider)
        new = self.tables.assessments.add(
            kind=AssessmentKind.DECISION,
            decided_by=handler,
            **{
                **decided,
                "record": {
                    **decided["record"],
                    "supersedes": {
                        "decided_on": timezone.localdate(claim.decided_at).isoformat(),
                        "outcome": priced.outcome,
                        "refund_nok": adapter.money_text(priced.refund_nok),
                    },
                    "overrides_before_appeal": [],
                },
                "created_at": claim.changed_at,
            },
        )
        old = self.tables.assessments.add(
            kind=AssessmentKind.DECISION, decided_by=decider, **{**decided, "superseded_by": new}
        )
        self._appeal(
            claim,
            old,
            status_before=ClaimStatus.DECIDED,
            status=AppealStatus.CHANGED,
            handled_by=handler,
            handled_at=claim.changed_at,
            handler_note=APPEAL_NOTE,
            new_decision=new,
        )

    def _appeal(self, claim: _Claim, decision: int, *, status_before: str, **handled: Any) -> None:
        """The student's appeal of ``decision``: sent and waiting, unless ``handled``."""
        assert claim.decided_at is not None and claim.appealed_at is not None
        self.tables.appeals.add(
            claim=claim.id,
            decision=decision,
            appellant=claim.student.user_id,
            text=APPEAL_TEXT,
            deadline=timezone.localdate(claim.decided_at) + timedelta(days=APPEAL_PERIOD_DAYS),
            claim_status_before=status_before,
            created_at=claim.appealed_at - timedelta(minutes=20),
            submitted_at=claim.appealed_at,
            **{
                "status": AppealStatus.SUBMITTED,
                "handled_by": None,
                "handled_at": None,
                "handler_note": "",
                "new_decision": None,
                **handled,
            },
        )


def _analyze() -> None:
    """Give PostgreSQL's planner statistics of the new rows now rather than at the next
    autovacuum. SQLite is left as an installation has it, without statistics: its plans must
    be good without them."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (User, StudentProfile, Claim, ExpenseLine, Attachment, Assessment, Appeal):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")

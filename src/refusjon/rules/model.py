"""The engine's vocabulary: claims, lines, documents and decisions as frozen dataclasses."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple


class Scheme(StrEnum):
    SIO = "sio"
    SSN = "ssn"
    HELFO_ABROAD = "helfo_abroad"
    # The further schemes, decided from their files (schemes/files/, the scheme language).
    SIS = "sis"
    SIA = "sia"
    SIOST = "siost"
    STUDENTINORD = "studentinord"
    SIVOLDA = "sivolda"
    SAMMEN = "sammen"


class ClaimOutcome(StrEnum):
    APPROVED = "approved"
    PARTIALLY_APPROVED = "partially_approved"
    REJECTED = "rejected"
    RETURNED = "returned"
    INVALID = "invalid"


class LineOutcome(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    REFERRED = "referred"


CATEGORIES = frozenset(
    [
        "gp",
        "emergency_clinic",
        "specialist",
        "outpatient_hospital",
        "hospital_stay",
        "ambulance",
        "psychologist",
        "physiotherapist",
        "chiropractor",
        "naprapath",
        "osteopath",
        "dentist",
        "dental_illness",
        "orthodontics",
        "radiology",
        "lab_tests",
        "blue_prescription",
        "patient_travel",
        "rehabilitation_institution",
        "pregnancy_checkup",
        "oxygen_therapy",
        "speech_therapy",
        "infertility_treatment",
        "vaccine_travel",
        "vaccine_study_abroad",
        "certificate",
        "treatment_materials",
        "handling_fee",
        "health_check",
        "home_help",
        "nursing_home",
        "board_lodging",
    ]
)

DOCUMENT_TYPES = frozenset(
    [
        "user_fee_overview",
        "receipt",
        "proof_of_payment",
        "medical_documentation",
        "student_id",
        "semester_fee_receipt",
        "study_confirmation",
        "vaccine_confirmation",
        "translation",
        "power_of_attorney",
    ]
)

RELATIONS = frozenset({"self", "child", "spouse"})


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later, or that month's last day if it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def age_on(birth_date: date, day: date) -> int:
    """Whole years of age on ``day``."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


@dataclass(frozen=True, slots=True)
class Period:
    """What a claim covers: a calendar year (``"2026"``), a semester (``"2026-spring"``) or a
    study year (``"2025-2026"``, 1 July 2025 to 30 June 2026; ``year`` is its first)."""

    year: int
    semester: str | None  # None for a whole calendar or study year, else "spring" or "fall"
    study_year: bool = False
    start: date = field(init=False, compare=False)
    end: date = field(init=False, compare=False)

    def __post_init__(self) -> None:
        fall, spring = self.semester == "fall", self.semester == "spring"
        if self.study_year:
            start, end = date(self.year, 7, 1), date(self.year + 1, 6, 30)
        else:
            start = date(self.year, 7 if fall else 1, 1)
            end = date(self.year, 6, 30) if spring else date(self.year, 12, 31)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    @classmethod
    def parse(cls, text: str) -> Period:
        year_text, _, rest = text.partition("-")
        if not (len(year_text) == 4 and year_text.isdigit()):
            raise ValueError(text)
        if rest.isdigit():
            if len(rest) != 4 or int(rest) != int(year_text) + 1:
                raise ValueError(text)
            return cls(int(year_text), None, study_year=True)
        if rest not in ("", "spring", "fall"):
            raise ValueError(text)
        return cls(int(year_text), rest or None)

    @property
    def kind(self) -> str:
        """What kind of period it is: "calendar_year", "semester" or "study_year"."""
        if self.study_year:
            return "study_year"
        return "semester" if self.semester else "calendar_year"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        if self.study_year:
            return f"{self.year}-{self.year + 1}"
        return f"{self.year}-{self.semester}" if self.semester else str(self.year)


@dataclass(frozen=True, slots=True)
class Trip:
    """A patient trip, one way."""

    distance_km: Decimal
    min_public_fare_nok: Decimal
    companion: bool = False


class ExpenseLine(NamedTuple):
    line_id: str
    category: str
    service_on: date
    paid_on: date
    amount: Decimal
    currency: str = "NOK"
    nok_amount: Decimal | None = None  # given in the input, or converted from ``currency``
    public_user_fee: bool = False
    itemized_receipt: bool = False
    referral: bool = False
    country: str = "NO"
    trip: Trip | None = None
    medical_statement: bool = False

    @property
    def nok(self) -> Decimal:
        """The line's amount in NOK; conversion happens before the rules see the line."""
        if self.nok_amount is not None:
            return self.nok_amount
        if self.currency == "NOK":
            return self.amount
        raise ValueError(f"line {self.line_id} has no NOK amount")


class Document(NamedTuple):
    type: str
    shows_applicant_name: bool = False
    language: str = "no"


class Applicant(NamedTuple):
    person_id: str
    birth_date: date
    semester_fee_paid: bool
    registered_student: bool
    institution: str | None = None
    sio_gp: bool = False
    nis_member: bool = False
    full_time_student_abroad: bool = False
    study_country: str | None = None
    last_semester_ends_on: date | None = None
    occupational_injury: bool = False
    ects_per_year: Decimal | None = None
    """Credits taken in the study year (studentinord); None: not given, not checked."""


@dataclass(frozen=True, slots=True)
class Patient:
    relation: str = "self"
    birth_date: date | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    claim_id: str
    scheme: Scheme
    submitted_on: date
    period: Period
    applicant: Applicant
    expenses: tuple[ExpenseLine, ...]
    documents: tuple[Document, ...] = ()
    patient: Patient = field(default_factory=Patient)
    resubmission_of: str | None = None

    @property
    def patient_birth_date(self) -> date:
        return self.patient.birth_date or self.applicant.birth_date

    @property
    def patient_key(self) -> str:
        """Who the treatment was for, stable across this person's claims."""
        if self.patient.relation == "self":
            return "self"
        return f"{self.patient.relation}:{self.patient_birth_date.isoformat()}"


class Step(NamedTuple):
    """One step of an explanation, rendered later in the reader's language.

    The engine makes millions of steps, lines and line decisions in a batch; as named tuples
    they are as immutable as frozen dataclasses and four times quicker to make.

    ``key`` names a message in :mod:`refusjon.rules.explain`; ``args`` fill it in;
    ``source`` says where the rule comes from (shown with ``--explain``).
    """

    key: str
    args: dict[str, Any]
    source: str | None = None


class LineDecision(NamedTuple):
    line_id: str
    outcome: LineOutcome
    eligible_nok: Decimal
    refund_nok: Decimal
    reasons: tuple[str, ...] = ()


class Decision(NamedTuple):
    claim_id: str | None
    outcome: ClaimOutcome
    refund_nok: Decimal
    reasons: tuple[str, ...] = ()
    lines: tuple[LineDecision, ...] = ()
    explanation: tuple[Step, ...] = ()
    errors: tuple[str, ...] = ()

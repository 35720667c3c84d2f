"""Reading a claim from its JSON form (claims-format.md), with errors that name the field.

Unknown fields are ignored; every field without a default is required. All problems of a
claim are reported at once, each as ``<field path>: <problem>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import msgspec

from refusjon.rules.model import (
    CATEGORIES,
    DOCUMENT_TYPES,
    RELATIONS,
    Applicant,
    Claim,
    Document,
    ExpenseLine,
    Patient,
    Period,
    Scheme,
    Trip,
)
from refusjon.rules.rates import ExchangeRates, RateMissing

T = TypeVar("T")
# Amounts a claim can hold: a health expense is never near a billion, and no currency has more
# than a few decimals. Bounded so no amount can overflow the arithmetic that follows.
MAX_AMOUNT = Decimal("1000000000")
MAX_WHOLE_DIGITS = len(str(MAX_AMOUNT)) - 1  # 999999999 is the largest whole part
MAX_DECIMALS = 6
AMOUNT_PROBLEM = "not an amount (a number from 0 to 999999999, at most six decimals)"
_MISSING = object()
_SCHEMES = {scheme.value: scheme for scheme in Scheme}
_date_cache: dict[str, date] = {}


class ClaimInvalid(Exception):
    def __init__(self, claim_id: str | None, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.claim_id = claim_id
        self.errors = errors


class _Fields:
    """Reads the fields of one JSON object, collecting errors under a path prefix."""

    def __init__(self, data: Any, path: str, errors: list[str]) -> None:
        self.path = path
        self.errors = errors
        self.ok = isinstance(data, dict)
        self.data: dict[str, Any] = data if self.ok else {}
        if not self.ok:
            self.errors.append(f"{path or 'claim'}: not an object")

    def _name(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def get(self, name: str, default: Any, parse: Callable[[Any], T], problem: str) -> Any:
        raw = self.data.get(name, _MISSING)
        if raw is _MISSING or raw is None:
            if default is _MISSING:
                if self.ok:
                    self.errors.append(f"{self._name(name)}: required")
                return None
            return default
        try:
            return parse(raw)
        except (ValueError, TypeError, InvalidOperation, KeyError):
            self.errors.append(f"{self._name(name)}: {problem}")
            return None

    def text(self, name: str, default: Any = _MISSING) -> Any:
        return self.get(name, default, _text, "not a text")

    def day(self, name: str, default: Any = _MISSING) -> Any:
        return self.get(name, default, _date, "not a date")

    def flag(self, name: str, default: Any = _MISSING) -> Any:
        return self.get(name, default, _flag, "not true or false")

    def amount(self, name: str, default: Any = _MISSING) -> Any:
        return self.get(name, default, _amount, AMOUNT_PROBLEM)

    def code(self, name: str, allowed: Any, default: Any = _MISSING) -> Any:
        def parse(raw: Any) -> Any:
            if raw not in allowed:
                raise ValueError(raw)
            return raw if not isinstance(allowed, dict) else allowed[raw]

        return self.get(name, default, parse, "unknown")

    def period(self, name: str) -> Any:
        problem = (
            "not a year (2026), a semester (2026-spring, 2026-fall) or a study year (2025-2026)"
        )
        return self.get(name, _MISSING, lambda raw: Period.parse(str(raw)), problem)

    def country(self, name: str, default: Any = _MISSING) -> Any:
        return self.get(name, default, _country, "not an ISO 3166 alpha-2 country code")

    def items(self, name: str) -> list[Any]:
        raw = self.data.get(name, _MISSING)
        if raw is _MISSING or raw is None:
            return []
        if not isinstance(raw, list):
            self.errors.append(f"{self._name(name)}: not a list")
            return []
        return raw


def _text(raw: Any) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise TypeError(raw)
    text = str(raw).strip()
    if not text:
        raise ValueError(raw)
    return text


def _number(raw: Any) -> Decimal:
    """A count that may have a fraction (credits: 37.5), from a JSON number or its text."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise TypeError(raw)
    value = Decimal(str(raw))
    if not value.is_finite() or value < 0 or value > MAX_AMOUNT:
        raise ValueError(raw)
    return value


def _date(raw: Any) -> date:
    cached = _date_cache.get(raw) if isinstance(raw, str) else None
    if cached is not None:
        return cached
    if not (isinstance(raw, str) and len(raw) == 10):
        raise ValueError(raw)
    parsed = date.fromisoformat(raw)
    if len(_date_cache) < 5_000:  # treatment days recur; birth dates mostly do not
        _date_cache[raw] = parsed
    return parsed


def _flag(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise TypeError(raw)
    return raw


def _amount(raw: Any) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, str | int | float | Decimal):
        raise TypeError(raw)
    value = Decimal(str(raw)) if isinstance(raw, float) else Decimal(raw)
    if not value.is_finite() or not 0 <= value < MAX_AMOUNT or _decimals(value) > MAX_DECIMALS:
        raise ValueError(raw)
    return value


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _country(raw: Any) -> str:
    if not (isinstance(raw, str) and len(raw) == 2 and raw.isalpha()):
        raise ValueError(raw)
    return raw.upper()


def _currency(raw: Any) -> str:
    if not (isinstance(raw, str) and len(raw) == 3 and raw.isalpha()):
        raise ValueError(raw)
    return raw.upper()


def read_claim(data: Any, rates: ExchangeRates | None = None) -> Claim:
    """A :class:`Claim` from decoded JSON, amounts converted to NOK; else :class:`ClaimInvalid`
    naming every problem. (A batch reads most claims with :func:`read_plain` first: it takes
    the line of JSON itself and gives the same claim, tests/rules/test_reader.py.)"""
    return convert_to_nok(read_claim_carefully(data), rates)


def read_claim_carefully(data: Any) -> Claim:
    """Read every field on its own and report every problem at once."""
    errors: list[str] = []
    fields = _Fields(data, "", errors)
    claim_id = fields.text("claim_id")
    scheme = fields.code("scheme", _SCHEMES)
    submitted_on = fields.day("submitted_on")
    period = fields.period("period")
    applicant = _read_applicant(_Fields(fields.data.get("applicant"), "applicant", errors))
    patient = _read_patient(fields.data.get("patient"), errors)
    expenses = tuple(
        _read_line(_Fields(raw, f"expenses[{index}]", errors))
        for index, raw in enumerate(fields.items("expenses"))
    )
    if fields.ok and not expenses and not any(e.startswith("expenses") for e in errors):
        errors.append("expenses: at least one line is needed")
    line_ids = [line.line_id for line in expenses if line is not None]
    if len(set(line_ids)) != len(line_ids):
        errors.append("expenses: line_id must be unique within the claim")
    documents = tuple(
        _read_document(_Fields(raw, f"documents[{index}]", errors))
        for index, raw in enumerate(fields.items("documents"))
    )
    resubmission_of = fields.text("resubmission_of", None)
    if errors:
        raise ClaimInvalid(claim_id, errors)
    return Claim(
        claim_id=claim_id,
        scheme=scheme,
        submitted_on=submitted_on,
        period=period,
        applicant=applicant,
        patient=patient,
        expenses=expenses,  # type: ignore[arg-type]  # no None once errors is empty
        documents=documents,  # type: ignore[arg-type]
        resubmission_of=resubmission_of,
    )


def _read_applicant(fields: _Fields) -> Applicant:
    return Applicant(
        person_id=fields.text("person_id"),
        birth_date=fields.day("birth_date"),
        semester_fee_paid=fields.flag("semester_fee_paid"),
        registered_student=fields.flag("registered_student"),
        institution=fields.text("institution", None),
        sio_gp=fields.flag("sio_gp", False),
        nis_member=fields.flag("nis_member", False),
        full_time_student_abroad=fields.flag("full_time_student_abroad", False),
        study_country=fields.country("study_country", None),
        last_semester_ends_on=fields.day("last_semester_ends_on", None),
        occupational_injury=fields.flag("occupational_injury", False),
        ects_per_year=fields.get("ects_per_year", None, _number, "not a number"),
    )


def _read_patient(raw: Any, errors: list[str]) -> Patient:
    if raw is None:
        return Patient()
    fields = _Fields(raw, "patient", errors)
    relation = fields.code("relation", RELATIONS, "self")
    birth_date = fields.day("birth_date", None)
    if relation in ("child", "spouse") and birth_date is None and "birth_date" not in fields.data:
        errors.append(f"patient.birth_date: required when relation is {relation}")
    return Patient(relation=relation or "self", birth_date=birth_date)


def _read_line(fields: _Fields) -> ExpenseLine | None:
    if not fields.ok:
        return None
    service_on = fields.day("service_on")
    currency = fields.get("currency", "NOK", _currency, "not an ISO 4217 currency code")
    amount = fields.amount("amount")
    nok_amount = fields.amount("nok_amount", None)
    nok_fields = (("amount", amount if currency == "NOK" else None), ("nok_amount", nok_amount))
    for name, value in nok_fields:
        if value is not None and _decimals(value) > 2:
            fields.errors.append(f"{fields.path}.{name}: more than two decimals for NOK")
    trip = None
    if "trip" in fields.data and fields.data["trip"] is not None:
        trip_fields = _Fields(fields.data["trip"], f"{fields.path}.trip", fields.errors)
        distance = trip_fields.amount("distance_km")
        fare = trip_fields.amount("min_public_fare_nok")
        companion = trip_fields.flag("companion", False)
        trip = Trip(distance, fare, companion) if trip_fields.ok else None
    return ExpenseLine(
        line_id=fields.text("line_id"),
        category=fields.code("category", CATEGORIES),
        service_on=service_on,
        paid_on=fields.day("paid_on", service_on),
        amount=amount,
        currency=currency,
        nok_amount=nok_amount,
        public_user_fee=fields.flag("public_user_fee", False),
        itemized_receipt=fields.flag("itemized_receipt", False),
        referral=fields.flag("referral", False),
        country=fields.country("country", "NO"),
        trip=trip,
        medical_statement=fields.flag("medical_statement", False),
    )


def _read_document(fields: _Fields) -> Document | None:
    if not fields.ok:
        return None
    language = fields.get("language", "no", _language, "not an ISO 639-1 language code")
    return Document(
        type=fields.code("type", DOCUMENT_TYPES),
        shows_applicant_name=fields.flag("shows_applicant_name", False),
        language=language,
    )


def _language(raw: Any) -> str:
    if not (isinstance(raw, str) and len(raw) == 2 and raw.isalpha()):
        raise ValueError(raw)
    return raw.lower()


def convert_to_nok(claim: Claim, rates: ExchangeRates | None) -> Claim:
    """Give every foreign line its NOK amount at the rate of its payment date (claims-format.md:
    a given ``nok_amount`` wins; otherwise Norges Bank's rate, rounded to øre at once)."""
    if all(line.currency == "NOK" or line.nok_amount is not None for line in claim.expenses):
        return claim
    errors = []
    lines = []
    for index, line in enumerate(claim.expenses):
        if line.currency == "NOK" or line.nok_amount is not None:
            lines.append(line)
            continue
        try:
            if rates is None:
                raise RateMissing(line.currency, line.paid_on)
            nok = rates.to_nok(line.amount, line.currency, line.paid_on)
        except RateMissing as error:
            errors.append(f"expenses[{index}]: {error}")
            continue
        lines.append(line._replace(nok_amount=nok))
    if errors:
        raise ClaimInvalid(claim.claim_id, errors)
    return replace(claim, expenses=tuple(lines))


class _NotPlain(Exception):
    """The plain reader met something it leaves to the careful one."""


# What makes the plain reader give a claim to the careful one, which names the problem: JSON
# msgspec will not decode into the shapes below (a missing field, a number where text belongs,
# nesting too deep, bytes that are not UTF-8), a missing rate (RateMissing is a LookupError),
# or a value the checks below refuse.
NOT_PLAIN = (
    _NotPlain,
    msgspec.MsgspecError,
    LookupError,
    TypeError,
    ValueError,
    ArithmeticError,
    RecursionError,
)
_periods: dict[str, Period] = {}


# The shapes of a plain claim as claims-format.md writes it: amounts as text, dates as ISO
# dates, flags true, false or null. Unknown fields are skipped, as the format says.
class _TripIn(msgspec.Struct, gc=False):
    distance_km: int | str
    min_public_fare_nok: str
    companion: bool | None = None


class _LineIn(msgspec.Struct, gc=False):
    line_id: str
    category: str
    service_on: date
    amount: str
    paid_on: date | None = None
    currency: str | None = None
    nok_amount: str | None = None
    public_user_fee: bool | None = None
    itemized_receipt: bool | None = None
    referral: bool | None = None
    country: str | None = None
    trip: _TripIn | None = None
    medical_statement: bool | None = None


class _ApplicantIn(msgspec.Struct, gc=False):
    person_id: str
    birth_date: date
    semester_fee_paid: bool
    registered_student: bool
    institution: str | None = None
    sio_gp: bool | None = None
    nis_member: bool | None = None
    full_time_student_abroad: bool | None = None
    study_country: str | None = None
    last_semester_ends_on: date | None = None
    occupational_injury: bool | None = None
    ects_per_year: int | float | str | None = None


class _PatientIn(msgspec.Struct, gc=False):
    relation: str | None = None
    birth_date: date | None = None


class _DocumentIn(msgspec.Struct, gc=False):
    type: str
    shows_applicant_name: bool | None = None
    language: str | None = None


class _ClaimIn(msgspec.Struct, gc=False):
    claim_id: str
    scheme: str
    submitted_on: date
    period: str
    applicant: _ApplicantIn
    expenses: list[_LineIn]
    patient: _PatientIn | None = None
    documents: list[_DocumentIn] | None = None
    resubmission_of: str | None = None


_decode_plain = msgspec.json.Decoder(_ClaimIn).decode


def read_plain(text: str | bytes, rates: ExchangeRates | None) -> Claim:
    """A well-formed claim with text amounts and no surprises, read straight from its line of
    JSON; else one of :data:`NOT_PLAIN`, and the careful reader takes the claim."""
    raw = _decode_plain(text)
    lines = tuple(_plain_line(line, rates) for line in raw.expenses)
    if not lines or len({line.line_id for line in lines}) != len(lines):
        raise _NotPlain
    return Claim(
        claim_id=_plain_text(raw.claim_id),
        scheme=_SCHEMES[raw.scheme],
        submitted_on=raw.submitted_on,
        period=_plain_period(raw.period),
        applicant=_plain_applicant(raw.applicant),
        patient=_plain_patient(raw.patient),
        expenses=lines,
        documents=tuple(_plain_document(document) for document in raw.documents or ()),
        resubmission_of=_plain_optional_text(raw.resubmission_of),
    )


# The plain reader makes its named tuples with tuple.__new__, every field in the order of the
# class: the same tuple, without the Python function that the class's own constructor is (a
# batch makes millions of them). test_reader.py holds the result equal to the careful reader's.
_new = tuple.__new__


def _plain_applicant(raw: _ApplicantIn) -> Applicant:
    study_country = raw.study_country
    return _new(
        Applicant,
        (
            _plain_text(raw.person_id),
            raw.birth_date,
            raw.semester_fee_paid,
            raw.registered_student,
            _plain_optional_text(raw.institution),
            raw.sio_gp is True,
            raw.nis_member is True,
            raw.full_time_student_abroad is True,
            None if study_country is None else _country(study_country),
            raw.last_semester_ends_on,
            raw.occupational_injury is True,
            None if raw.ects_per_year is None else _plain_number(raw.ects_per_year),
        ),
    )


def _plain_number(raw: int | float | str) -> Decimal:
    try:
        return _number(raw)
    except (TypeError, ValueError, InvalidOperation):
        raise _NotPlain from None


def _plain_text(raw: str) -> str:
    if not raw or raw[0].isspace() or raw[-1].isspace():
        raise _NotPlain
    return raw


def _plain_optional_text(raw: str | None) -> str | None:
    return None if raw is None else _plain_text(raw)


def _plain_amount(raw: str, decimals: int | None) -> Decimal:
    """A plain amount: digits with at most ``decimals`` of them after the point."""
    whole, point, fraction = raw.partition(".")
    if not whole.isdigit() or (point and not fraction.isdigit()):
        raise _NotPlain
    if len(whole) > MAX_WHOLE_DIGITS or len(fraction) > (
        MAX_DECIMALS if decimals is None else decimals
    ):
        raise _NotPlain
    return Decimal(raw)


def _plain_period(raw: str) -> Period:
    period = _periods.get(raw)
    if period is None:
        period = Period.parse(_plain_text(raw))
        if len(_periods) < 10_000:
            _periods[raw] = period
    return period


_SELF = Patient()


def _plain_patient(raw: _PatientIn | None) -> Patient:
    if raw is None:
        return _SELF
    relation = raw.relation
    if relation is None or relation == "self":
        relation = "self"
    elif relation not in RELATIONS or raw.birth_date is None:
        raise _NotPlain
    return Patient(relation, raw.birth_date)


def _plain_line(raw: _LineIn, rates: ExchangeRates | None) -> ExpenseLine:
    if raw.category not in CATEGORIES:
        raise _NotPlain
    service_on = raw.service_on
    currency = "NOK" if raw.currency is None else _currency(raw.currency)
    paid_on = service_on if raw.paid_on is None else raw.paid_on
    amount = _plain_amount(raw.amount, 2 if currency == "NOK" else None)
    nok_amount = None if raw.nok_amount is None else _plain_amount(raw.nok_amount, 2)
    if nok_amount is None and currency != "NOK":
        if rates is None:
            raise _NotPlain
        nok_amount = rates.to_nok(amount, currency, paid_on)  # RateMissing: a LookupError
    return _new(
        ExpenseLine,
        (
            _plain_text(raw.line_id),
            raw.category,
            service_on,
            paid_on,
            amount,
            currency,
            nok_amount,
            raw.public_user_fee is True,
            raw.itemized_receipt is True,
            raw.referral is True,
            "NO" if raw.country is None else _country(raw.country),
            None if raw.trip is None else _plain_trip(raw.trip),
            raw.medical_statement is True,
        ),
    )


def _plain_trip(raw: _TripIn) -> Trip:
    return Trip(
        _plain_distance(raw.distance_km),
        _plain_amount(raw.min_public_fare_nok, None),
        raw.companion is True,
    )


def _plain_distance(raw: int | str) -> Decimal:
    """A distance: a plain amount, or a whole number as JSON writes it."""
    if isinstance(raw, int):
        if not 0 <= raw < MAX_AMOUNT:
            raise _NotPlain
        return Decimal(raw)
    return _plain_amount(raw, None)


def _plain_document(raw: _DocumentIn) -> Document:
    if raw.type not in DOCUMENT_TYPES:
        raise _NotPlain
    language = "no" if raw.language is None else _language(raw.language)
    return _new(Document, (raw.type, raw.shows_applicant_name is True, language))

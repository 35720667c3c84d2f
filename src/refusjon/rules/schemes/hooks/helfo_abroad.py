"""Helfo's hooks: extended subsidisation for full-time students outside the EU/EEA (seeds
001, 004).

Shares of the actual cost by category (100 % or 75 %), fixed chiropractor rates, patient
travel at a standard rate per km less a user fee per trip, a count of psychologist
consultations and a yearly user-fee limit per patient: none of them a block of the scheme
language. The figures are the file's (``helfo_abroad.<figure>``); the hooks cite the file's
sources ``students`` (seed 001) and ``abroad`` (seed 004).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from refusjon.rules import reasons
from refusjon.rules.context import Context, Key, LineWork
from refusjon.rules.model import Claim, Step, add_months, age_on
from refusjon.rules.money import ZERO
from refusjon.rules.parameters import Parameters
from refusjon.rules.schemes.base import check_expense_age, day_of
from refusjon.rules.schemes.hooks import registry
from refusjon.rules.schemes.hooks.registry import SchemeView

STUDENTS, ABROAD = "students", "abroad"  # the file's sources: seed 001, seed 004
TRAVEL = "patient_travel"


@functools.cache
def _covered_categories(
    full: frozenset[str], partial: frozenset[str], referred: frozenset[str]
) -> frozenset[str]:
    """Every category Helfo covers in some way, for a set of dated category lists."""
    return full | partial | referred | {"chiropractor", TRAVEL}


def _known(params: Parameters, day: date) -> frozenset[str]:
    return _covered_categories(
        params.value("helfo_abroad.full_categories", day),
        params.value("helfo_abroad.partial_categories", day),
        params.value("helfo_abroad.referred_categories", day),
    )


@registry.categories("helfo_abroad.covered_categories")
def covered_categories(scheme: SchemeView, params: Parameters, day: date) -> frozenset[str]:
    """Every category Helfo covers in full, in part or with a referral, chiropractors and
    patient travel; not the excluded ones (seed 004)."""
    return _known(params, day) - set(params.value("helfo_abroad.excluded_categories", day))


# Reading ---------------------------------------------------------------------------------


@registry.validate("helfo_abroad.study_country")
def study_country(scheme: SchemeView, claim: Claim) -> list[str]:
    """A claim names the country of study: the EU/EEA rule needs it (seed 001)."""
    if claim.applicant.study_country:
        return []
    return ["applicant.study_country: required for helfo_abroad"]


@registry.validate("helfo_abroad.trip_given")
def trip_given(scheme: SchemeView, claim: Claim) -> list[str]:
    """A patient-travel line gives its trip: the rate is per km (seed 004)."""
    return [
        f"expenses[{index}].trip: required for patient_travel"
        for index, line in enumerate(claim.expenses)
        if line.category == TRAVEL and line.trip is None
    ]


# Step 1 ----------------------------------------------------------------------------------


@registry.claim("helfo_abroad.eligibility", cites=(STUDENTS,))
def eligibility(scheme: SchemeView, ctx: Context) -> list[str]:
    """A member of the National Insurance Scheme, studying full time outside the EU/EEA; the
    student or the student's child, not a spouse (seed 001)."""
    claim = ctx.claim
    applicant = claim.applicant
    codes = []
    if not applicant.nis_member:
        codes.append(reasons.NOT_NIS_MEMBER)
    if not applicant.full_time_student_abroad:
        codes.append(reasons.NOT_FULL_TIME_STUDENT)
    in_eea = applicant.study_country in ctx.param("common.eea_countries", day_of(ctx))
    if in_eea:
        codes.append(reasons.STUDY_COUNTRY_IN_EEA)
    if claim.patient.relation == "spouse":
        codes.append(reasons.SPOUSE_NOT_COVERED)
    ctx.explain(
        "helfo.eligibility",
        scheme.note(STUDENTS),
        nis_member=applicant.nis_member,
        full_time=applicant.full_time_student_abroad,
        country=applicant.study_country or "",
        in_eea=in_eea,
        relation=claim.patient.relation,
    )
    return codes


@registry.documents("helfo_abroad.required_documents", cites=(STUDENTS,))
def required_documents(scheme: SchemeView, ctx: Context, works: Sequence[LineWork]) -> list[str]:
    """Receipts, proof of payment and medical documentation, as the rules in force on the
    submission day list them (seed 001)."""
    claim = ctx.claim
    present = {document.type for document in claim.documents}
    codes = []
    for document_type in sorted(ctx.param("helfo_abroad.required_documents", claim.submitted_on)):
        if document_type not in present:
            codes.append(reasons.missing_document(document_type))
            ctx.explain(
                "claim.missing_document", scheme.note(STUDENTS), document=document_type, named=False
            )
    return codes


@registry.documents("helfo_abroad.translated", cites=(STUDENTS,))
def translated(scheme: SchemeView, ctx: Context, works: Sequence[LineWork]) -> list[str]:
    """Documents in Norwegian, Danish, Swedish or English, or a translation (seed 001)."""
    claim = ctx.claim
    languages = ctx.param("helfo_abroad.accepted_languages", claim.submitted_on)
    foreign = [doc for doc in claim.documents if doc.language.lower() not in languages]
    if not foreign or any(document.type == "translation" for document in claim.documents):
        return []
    ctx.explain(
        "helfo.untranslated",
        scheme.note(STUDENTS),
        documents=", ".join(f"{doc.type} ({doc.language})" for doc in foreign),
    )
    return [reasons.UNTRANSLATED_DOCUMENT]


@registry.documents("helfo_abroad.power_of_attorney", cites=(STUDENTS,))
def power_of_attorney(scheme: SchemeView, ctx: Context, works: Sequence[LineWork]) -> list[str]:
    """A child's claim needs a power of attorney from the child's 16th birthday, on the
    submission day (seed 001; decision 15)."""
    claim = ctx.claim
    if claim.patient.relation != "child":
        return []
    day = claim.submitted_on
    age = age_on(claim.patient_birth_date, day)
    if age < ctx.cite("helfo_abroad.power_of_attorney_age", day):
        return []
    present = any(document.type == "power_of_attorney" for document in claim.documents)
    ctx.explain("helfo.power_of_attorney", scheme.note(STUDENTS), age=age, present=present)
    return [] if present else [reasons.missing_document("power_of_attorney")]


# Step 2 ----------------------------------------------------------------------------------


@registry.lines("helfo_abroad.coverage_period", cites=(STUDENTS,))
def coverage_period(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """Rights last three months after the last semester (seed 001)."""
    line = work.line
    last_semester_ends_on = ctx.claim.applicant.last_semester_ends_on
    if last_semester_ends_on is not None:
        months = ctx.cite("helfo_abroad.coverage_months", line.service_on)
        covered_until = add_months(last_semester_ends_on, months)
        if line.service_on > covered_until:
            work.reject(reasons.OUTSIDE_COVERAGE_PERIOD)
            ctx.explain(
                "helfo.outside_coverage", scheme.note(STUDENTS), line=line, until=covered_until
            )
    return False


@registry.lines("helfo_abroad.expense_age", cites=(STUDENTS,))
def expense_age(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """Each expense is due six months after treatment, or after payment if paid later, as the
    rule in force then says (seed 001)."""
    line = work.line
    months = ctx.cite("helfo_abroad.deadline_months", max(line.service_on, line.paid_on))
    check_expense_age(ctx, work, months, scheme.note(STUDENTS))
    return False


def _is_child(ctx: Context, day: date) -> bool:
    """Whether the patient is under 18 on ``day`` (seed 001, seed 004)."""
    adult_age = ctx.param("helfo_abroad.adult_age", day)
    return bool(age_on(ctx.claim.patient_birth_date, day) < adult_age)


@registry.lines("helfo_abroad.category", cites=(ABROAD,))
def category(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """Vaccines, health checks, home help, nursing homes, rehabilitation and ordinary
    dentistry for children are not covered, nor a category Helfo does not list (seed 004); an
    excluded line is checked no further."""
    line = work.line
    day = line.service_on
    excluded = line.category in ctx.param("helfo_abroad.excluded_categories", day) or (
        line.category not in _known(ctx.params, day)
    )
    if line.category == "dentist" and _is_child(ctx, day):
        excluded = True
    if excluded:
        work.reject(reasons.EXCLUDED_CATEGORY)
        ctx.explain("line.excluded", scheme.note(ABROAD), line=line)
    return excluded


@registry.lines("helfo_abroad.medical_statement", cites=(ABROAD,))
def medical_statement(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """Medicines need a medical statement (seed 004)."""
    line = work.line
    if line.category == "blue_prescription" and not line.medical_statement:
        work.reject(reasons.missing_document("medical_statement"))
        ctx.explain("helfo.no_medical_statement", scheme.note(ABROAD), line=line)
    return False


@registry.lines("helfo_abroad.speech_referral", cites=(ABROAD,))
def speech_referral(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """Speech therapy needs a referral (seed 004)."""
    line = work.line
    if line.category == "speech_therapy" and not line.referral:
        work.reject(reasons.REFERRAL_REQUIRED)
        ctx.explain("line.no_referral", scheme.note(ABROAD), line=line)
    return False


@registry.lines("helfo_abroad.trip", cites=(ABROAD,))
def trip(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """A trip must be longer than 10 km and cost more at the standard rate than the local
    minimum fare (seed 004)."""
    line = work.line
    if line.category != TRAVEL:
        return False
    trip = line.trip
    assert trip is not None  # helfo_abroad.trip_given makes sure
    day = line.service_on
    min_km = ctx.cite("helfo_abroad.travel_min_km", day)
    rate = ctx.cite("helfo_abroad.travel_rate_per_km", day)
    standard_cost = trip.distance_km * rate
    if trip.distance_km <= min_km:
        work.reject(reasons.TRAVEL_TOO_SHORT)
        ctx.explain("helfo.travel_too_short", scheme.note(ABROAD), line=line, km=trip.distance_km)
    elif standard_cost <= trip.min_public_fare_nok:
        work.reject(reasons.TRAVEL_BELOW_MINIMUM_FARE)
        ctx.explain(
            "helfo.travel_below_fare",
            scheme.note(ABROAD),
            line=line,
            cost=standard_cost,
            fare=trip.min_public_fare_nok,
        )
    return False


@registry.lines("helfo_abroad.companion", cites=(STUDENTS,))
def companion(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """A companion on a trip is covered for a child, or when a doctor confirmed one was needed
    (seed 001, seed 004)."""
    line = work.line
    if line.category != TRAVEL or line.trip is None or not line.trip.companion:
        return False
    if not (line.medical_statement or _is_child(ctx, line.service_on)):
        work.reject(reasons.COMPANION_NOT_COVERED)
        ctx.explain("helfo.companion", scheme.note(STUDENTS), line=line)
    return False


# Step 3 ----------------------------------------------------------------------------------


def _patient_key(ctx: Context, line_year: int, what: str) -> Key:
    return ("helfo_abroad", ctx.claim.patient_key, line_year, what)


@registry.price("helfo_abroad.psychologist_count", cites=(ABROAD,))
def psychologist_count(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """Three assessment consultations a year without a referral; further treatment needs one
    (seed 004; decision 18). A consultation refused so is priced no further."""
    line = work.line
    if line.category != "psychologist":
        return False
    key = _patient_key(ctx, line.service_on.year, "psychologist")
    seen = ctx.total(key)
    free = ctx.cite("helfo_abroad.psychologist_without_referral", line.service_on)
    if seen >= free and not line.referral:
        work.reject(reasons.REFERRAL_REQUIRED)
        ctx.explain(
            "helfo.psychologist_referral", scheme.note(ABROAD), line=line, seen=seen, free=free
        )
        return True
    ctx.add(key, Decimal(1))
    return False


@registry.price("helfo_abroad.shares", cites=(ABROAD,))
def shares(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """100 % of hospital stays, ambulance, pregnancy check-ups and oxygen therapy; 75 % of
    medical care, tests, X-ray, psychologist and physiotherapy (seed 004); less the user fee."""
    line = work.line
    day = line.service_on
    if line.category in ctx.param("helfo_abroad.full_categories", day):
        share_name = "helfo_abroad.share_full"
    elif line.category in ctx.param("helfo_abroad.partial_categories", day):
        share_name = "helfo_abroad.share_partial"
    else:
        return False
    share = ctx.cite(share_name, day)
    work.eligible = line.nok
    gross = work.eligible * share
    fee, fee_step = _user_fee(scheme, ctx, work, gross)
    work.refund = gross - fee
    ctx.explain(
        "helfo.share",
        scheme.note(ABROAD),
        line=line,
        share=share,
        gross=gross,
        fee=fee,
        refund=work.refund,
    )
    ctx.steps.extend(fee_step)
    return True


@registry.price("helfo_abroad.chiropractor", cites=(ABROAD,))
def chiropractor(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """NOK 107 for the first consultation in the year and 46 for each later one, never more
    than was paid (seed 004)."""
    line = work.line
    if line.category != "chiropractor":
        return False
    key = _patient_key(ctx, line.service_on.year, "chiropractor")
    first = ctx.total(key) == 0
    name = "helfo_abroad.chiropractor_first" if first else "helfo_abroad.chiropractor_later"
    rate = ctx.cite(name, line.service_on)
    work.eligible = line.nok
    work.refund = min(rate, work.eligible)
    ctx.add(key, Decimal(1))
    ctx.explain(
        "helfo.chiropractor",
        scheme.note(ABROAD),
        line=line,
        first=first,
        rate=rate,
        refund=work.refund,
    )
    return True


@registry.price("helfo_abroad.patient_travel", cites=(ABROAD,))
def patient_travel(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """The standard rate per km whatever the transport, less the user fee per trip; trips over
    300 km go to a caseworker (seed 004; schemes.md; decisions 19–21)."""
    line = work.line
    if line.category != TRAVEL:
        return False
    trip = line.trip
    assert trip is not None
    day = line.service_on
    if trip.distance_km > ctx.cite("helfo_abroad.travel_manual_km", day):
        work.refer(reasons.MANUAL_ASSESSMENT)
        ctx.explain("helfo.travel_long", scheme.note(ABROAD), line=line, km=trip.distance_km)
        return True
    rate = ctx.param("helfo_abroad.travel_rate_per_km", day)
    work.eligible = trip.distance_km * rate
    fee, fee_step = _user_fee(scheme, ctx, work, work.eligible)
    work.refund = work.eligible - fee
    ctx.explain(
        "helfo.travel",
        scheme.note(ABROAD),
        line=line,
        km=trip.distance_km,
        rate=rate,
        cost=work.eligible,
        fee=fee,
        refund=work.refund,
    )
    ctx.steps.extend(fee_step)
    return True


@registry.price("helfo_abroad.referred", cites=(ABROAD,))
def referred(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """What the sources give no amount for goes to a caseworker (seed 004)."""
    work.refer(reasons.MANUAL_ASSESSMENT)
    ctx.explain("line.referred", scheme.note(ABROAD), line=work.line)
    return True


def _user_fee(
    scheme: SchemeView, ctx: Context, work: LineWork, gross: Decimal
) -> tuple[Decimal, list[Step]]:
    """The user fee deducted from a line: never more than the line gives, none after an
    occupational injury for medical care, physiotherapy and dentistry, and only up to the
    yearly user-fee limit for fees that count towards it (seed 004; decision 20)."""
    line = work.line
    day = line.service_on
    fee: Decimal
    if line.category == TRAVEL:
        fee = ctx.cite("helfo_abroad.travel_user_fee", day)
    else:
        fee = ctx.param("helfo_abroad.user_fee_treatment", day)
        exempt = ctx.param("helfo_abroad.user_fee_exempt_with_injury", day)
        if ctx.claim.applicant.occupational_injury and line.category in exempt:
            fee = ZERO
    fee = min(fee, gross)
    if fee <= 0:
        return ZERO, []
    if line.category in ctx.param("helfo_abroad.user_fee_outside_limit", day):
        return fee, []
    limit = ctx.cite("helfo_abroad.user_fee_limit", day)
    key = _patient_key(ctx, day.year, "user_fees")
    paid = ctx.total(key)
    fee = max(ZERO, min(fee, limit - paid))
    ctx.add(key, fee)
    step = Step(
        "helfo.user_fee",
        {"line": line, "fee": fee, "paid": paid + fee, "limit": limit},
        scheme.note(ABROAD),
    )
    return fee, [step]

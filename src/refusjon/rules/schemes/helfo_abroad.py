"""Helfo — extended subsidisation for full-time students outside the EU/EEA (seeds 001, 004).

Shares of the actual cost by category (100 % or 75 %), fixed chiropractor rates, patient travel
at a standard rate per km less a user fee per trip, and a yearly user-fee limit per patient.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from refusjon.rules import reasons
from refusjon.rules.context import Context, LineWork
from refusjon.rules.model import Claim, Scheme, Step, add_months, age_on
from refusjon.rules.money import ZERO
from refusjon.rules.parameters import Parameters
from refusjon.rules.schemes.base import SchemeRules, check_expense_age, day_of

SEED_001 = "Helfo, 'Students outside the EU/EEA', helsenorge.no (seed 001)"
SEED_004 = "Helfo, 'What does extended subsidisation cover during residence abroad?' (seed 004)"
TRAVEL = "patient_travel"


@functools.cache
def _covered_categories(
    full: frozenset[str], partial: frozenset[str], referred: frozenset[str]
) -> frozenset[str]:
    """Every category Helfo covers in some way, for a set of dated category lists."""
    return full | partial | referred | {"chiropractor", TRAVEL}


class HelfoAbroadRules(SchemeRules):
    scheme = Scheme.HELFO_ABROAD
    source = f"{SEED_001}; {SEED_004}"

    documents = (
        "receipt",
        "proof_of_payment",
        "medical_documentation",
        "translation",
        "medical_statement",
        "power_of_attorney",
    )

    def categories(self, params: Parameters, day: date) -> frozenset[str]:
        """Every category Helfo covers in full, in part or with a referral, chiropractors and
        patient travel; not the excluded ones (seed 004)."""
        covered = _covered_categories(
            params.value("helfo_abroad.full_categories", day),
            params.value("helfo_abroad.partial_categories", day),
            params.value("helfo_abroad.referred_categories", day),
        )
        return covered - set(params.value("helfo_abroad.excluded_categories", day))

    def validate(self, claim: Claim) -> list[str]:
        errors = []
        if not claim.applicant.study_country:
            errors.append("applicant.study_country: required for helfo_abroad")
        for index, line in enumerate(claim.expenses):
            if line.category == TRAVEL and line.trip is None:
                errors.append(f"expenses[{index}].trip: required for patient_travel")
        return errors

    # Step 1 ---------------------------------------------------------------------------------

    def claim_codes(self, ctx: Context) -> list[str]:
        """A member of the National Insurance Scheme, studying full time outside the EU/EEA;
        the student or the student's child, not a spouse (seed 001)."""
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
            SEED_001,
            nis_member=applicant.nis_member,
            full_time=applicant.full_time_student_abroad,
            country=applicant.study_country or "",
            in_eea=in_eea,
            relation=claim.patient.relation,
        )
        return codes

    def document_codes(self, ctx: Context, works: Sequence[LineWork]) -> list[str]:
        """Receipts, proof of payment and medical documentation; documents in Norwegian,
        Danish, Swedish or English or translated; a power of attorney for a child of 16 or more
        (seed 001)."""
        claim = ctx.claim
        day = claim.submitted_on
        present = {document.type for document in claim.documents}
        codes = []
        for document_type in sorted(ctx.param("helfo_abroad.required_documents", day)):
            if document_type not in present:
                codes.append(reasons.missing_document(document_type))
                ctx.explain("claim.missing_document", SEED_001, document=document_type, named=False)
        languages = ctx.param("helfo_abroad.accepted_languages", day)
        foreign = [doc for doc in claim.documents if doc.language.lower() not in languages]
        if foreign and "translation" not in present:
            codes.append(reasons.UNTRANSLATED_DOCUMENT)
            ctx.explain(
                "helfo.untranslated",
                SEED_001,
                documents=", ".join(f"{doc.type} ({doc.language})" for doc in foreign),
            )
        if claim.patient.relation == "child":
            age = age_on(claim.patient_birth_date, day)
            if age >= ctx.cite("helfo_abroad.power_of_attorney_age", day):
                if "power_of_attorney" not in present:
                    codes.append(reasons.missing_document("power_of_attorney"))
                ctx.explain(
                    "helfo.power_of_attorney",
                    SEED_001,
                    age=age,
                    present="power_of_attorney" in present,
                )
        return codes

    # Step 2 ---------------------------------------------------------------------------------

    def line_codes(self, ctx: Context, work: LineWork) -> None:
        self._check_time(ctx, work)
        if self._check_category(ctx, work):
            self._check_conditions(ctx, work)

    def _check_time(self, ctx: Context, work: LineWork) -> None:
        """Rights last three months after the last semester; each expense is due six months
        after treatment, or after payment if paid later (seed 001)."""
        claim, line = ctx.claim, work.line
        last_semester_ends_on = claim.applicant.last_semester_ends_on
        if last_semester_ends_on is not None:
            months = ctx.cite("helfo_abroad.coverage_months", line.service_on)
            covered_until = add_months(last_semester_ends_on, months)
            if line.service_on > covered_until:
                work.reject(reasons.OUTSIDE_COVERAGE_PERIOD)
                ctx.explain("helfo.outside_coverage", SEED_001, line=line, until=covered_until)
        months = ctx.cite("helfo_abroad.deadline_months", max(line.service_on, line.paid_on))
        check_expense_age(ctx, work, months, SEED_001)

    def _check_category(self, ctx: Context, work: LineWork) -> bool:
        """Vaccines, health checks, home help, nursing homes, rehabilitation and ordinary
        dentistry for children are not covered (seed 004)."""
        line = work.line
        day = line.service_on
        category = line.category
        known = _covered_categories(
            ctx.param("helfo_abroad.full_categories", day),
            ctx.param("helfo_abroad.partial_categories", day),
            ctx.param("helfo_abroad.referred_categories", day),
        )
        excluded = category in ctx.param("helfo_abroad.excluded_categories", day) or (
            category not in known
        )
        if category == "dentist" and self._is_child(ctx, day):
            excluded = True
        if excluded:
            work.reject(reasons.EXCLUDED_CATEGORY)
            ctx.explain("line.excluded", SEED_004, line=line)
        return not excluded

    def _is_child(self, ctx: Context, day: date) -> bool:
        """Whether the patient is under 18 on ``day`` (seed 001, seed 004)."""
        adult_age = ctx.param("helfo_abroad.adult_age", day)
        return bool(age_on(ctx.claim.patient_birth_date, day) < adult_age)

    def _check_conditions(self, ctx: Context, work: LineWork) -> None:
        """Medicines need a medical statement, speech therapy a referral (seed 004); a trip must
        be longer than 10 km and cost more than the local minimum fare, and a companion is
        covered for a child, or when a doctor confirmed one was needed (seed 001, seed 004)."""
        line = work.line
        if line.category == "blue_prescription" and not line.medical_statement:
            work.reject(reasons.missing_document("medical_statement"))
            ctx.explain("helfo.no_medical_statement", SEED_004, line=line)
        if line.category == "speech_therapy" and not line.referral:
            work.reject(reasons.REFERRAL_REQUIRED)
            ctx.explain("line.no_referral", SEED_004, line=line)
        if line.category == TRAVEL:
            self._check_trip(ctx, work)

    def _check_trip(self, ctx: Context, work: LineWork) -> None:
        line = work.line
        trip = line.trip
        assert trip is not None  # validate() makes sure
        day = line.service_on
        min_km = ctx.cite("helfo_abroad.travel_min_km", day)
        rate = ctx.cite("helfo_abroad.travel_rate_per_km", day)
        standard_cost = trip.distance_km * rate
        if trip.distance_km <= min_km:
            work.reject(reasons.TRAVEL_TOO_SHORT)
            ctx.explain("helfo.travel_too_short", SEED_004, line=line, km=trip.distance_km)
        elif standard_cost <= trip.min_public_fare_nok:
            work.reject(reasons.TRAVEL_BELOW_MINIMUM_FARE)
            ctx.explain(
                "helfo.travel_below_fare",
                SEED_004,
                line=line,
                cost=standard_cost,
                fare=trip.min_public_fare_nok,
            )
        if trip.companion and not (line.medical_statement or self._is_child(ctx, day)):
            work.reject(reasons.COMPANION_NOT_COVERED)
            ctx.explain("helfo.companion", SEED_001, line=line)

    # Step 3 ---------------------------------------------------------------------------------

    def price(self, ctx: Context, work: LineWork) -> None:
        line = work.line
        day = line.service_on
        category = line.category
        if category == "psychologist" and not self._psychologist_allowed(ctx, work):
            return
        if category in ctx.param("helfo_abroad.full_categories", day):
            self._price_share(ctx, work, "helfo_abroad.share_full")
        elif category in ctx.param("helfo_abroad.partial_categories", day):
            self._price_share(ctx, work, "helfo_abroad.share_partial")
        elif category == "chiropractor":
            self._price_chiropractor(ctx, work)
        elif category == TRAVEL:
            self._price_travel(ctx, work)
        else:
            work.refer(reasons.MANUAL_ASSESSMENT)
            ctx.explain("line.referred", SEED_004, line=line)

    def _patient_key(self, ctx: Context, line_year: int, what: str) -> tuple[str, str, int, str]:
        return ("helfo_abroad", ctx.claim.patient_key, line_year, what)

    def _psychologist_allowed(self, ctx: Context, work: LineWork) -> bool:
        """Three assessment consultations without a referral; further treatment needs one
        (seed 004)."""
        line = work.line
        key = self._patient_key(ctx, line.service_on.year, "psychologist")
        seen = ctx.total(key)
        free = ctx.cite("helfo_abroad.psychologist_without_referral", line.service_on)
        if seen >= free and not line.referral:
            work.reject(reasons.REFERRAL_REQUIRED)
            ctx.explain("helfo.psychologist_referral", SEED_004, line=line, seen=seen, free=free)
            return False
        ctx.add(key, Decimal(1))
        return True

    def _price_share(self, ctx: Context, work: LineWork, share_name: str) -> None:
        """100 % of hospital stays, ambulance, pregnancy check-ups and oxygen therapy; 75 % of
        medical care, tests, X-ray, psychologist and physiotherapy (seed 004)."""
        line = work.line
        share = ctx.cite(share_name, line.service_on)
        work.eligible = line.nok
        gross = work.eligible * share
        fee, fee_step = self._user_fee(ctx, work, gross)
        work.refund = gross - fee
        ctx.explain(
            "helfo.share",
            SEED_004,
            line=line,
            share=share,
            gross=gross,
            fee=fee,
            refund=work.refund,
        )
        ctx.steps.extend(fee_step)

    def _price_chiropractor(self, ctx: Context, work: LineWork) -> None:
        """NOK 107 for the first consultation in the year and 46 for each later one, never
        more than was paid (seed 004)."""
        line = work.line
        key = self._patient_key(ctx, line.service_on.year, "chiropractor")
        first = ctx.total(key) == 0
        name = "helfo_abroad.chiropractor_first" if first else "helfo_abroad.chiropractor_later"
        rate = ctx.cite(name, line.service_on)
        work.eligible = line.nok
        work.refund = min(rate, work.eligible)
        ctx.add(key, Decimal(1))
        ctx.explain(
            "helfo.chiropractor", SEED_004, line=line, first=first, rate=rate, refund=work.refund
        )

    def _price_travel(self, ctx: Context, work: LineWork) -> None:
        """The standard rate per km whatever the transport, less the user fee per trip; trips
        over 300 km go to a caseworker (seed 004; schemes.md)."""
        line = work.line
        trip = line.trip
        assert trip is not None
        day = line.service_on
        if trip.distance_km > ctx.cite("helfo_abroad.travel_manual_km", day):
            work.refer(reasons.MANUAL_ASSESSMENT)
            ctx.explain("helfo.travel_long", SEED_004, line=line, km=trip.distance_km)
            return
        rate = ctx.param("helfo_abroad.travel_rate_per_km", day)
        work.eligible = trip.distance_km * rate
        fee, fee_step = self._user_fee(ctx, work, work.eligible)
        work.refund = work.eligible - fee
        ctx.explain(
            "helfo.travel",
            SEED_004,
            line=line,
            km=trip.distance_km,
            rate=rate,
            cost=work.eligible,
            fee=fee,
            refund=work.refund,
        )
        ctx.steps.extend(fee_step)

    def _user_fee(self, ctx: Context, work: LineWork, gross: Decimal) -> tuple[Decimal, list[Step]]:
        """The user fee deducted from a line: never more than the line gives, none after an
        occupational injury for medical care, physiotherapy and dentistry, and only up to the
        yearly user-fee limit for fees that count towards it (seed 004)."""
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
        key = self._patient_key(ctx, day.year, "user_fees")
        paid = ctx.total(key)
        fee = max(ZERO, min(fee, limit - paid))
        ctx.add(key, fee)
        step = Step(
            "helfo.user_fee",
            {"line": line, "fee": fee, "paid": paid + fee, "limit": limit},
            SEED_004,
        )
        return fee, [step]

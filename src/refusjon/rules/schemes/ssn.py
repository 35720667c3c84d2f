"""SSN Helse — health expense refunds per semester (seed 000; SSN's guidelines from 2025).

Three pots, each with its own yearly deductible: public user fees (capped at the exemption
card limit), other treatment, and dental care. Amounts from SSN's 2017 scheme page, assumed
unchanged since.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from refusjon.rules import reasons
from refusjon.rules.context import Context, LineWork
from refusjon.rules.model import Claim, Scheme
from refusjon.rules.parameters import Parameters
from refusjon.rules.schemes.base import (
    SchemeRules,
    check_deadline,
    check_period,
    check_student,
    day_of,
    refund_above_threshold,
    user_fee_overview_codes,
)

SOURCE = "SSN Helse, FAQ and guidelines for health expense refunds (seed 000)"
USER_FEES, OTHER, DENTAL = "user_fees", "other", "dental"
RECEIPT_POTS = (OTHER, DENTAL)


class SsnRules(SchemeRules):
    scheme = Scheme.SSN
    source = SOURCE

    def validate(self, claim: Claim) -> list[str]:
        """SSN decides per semester; a calendar-year period cannot be read."""
        return [] if claim.period.semester else ["period: ssn takes a semester"]

    def claim_codes(self, ctx: Context) -> list[str]:
        codes = check_student(ctx, SOURCE)
        if not self._covered(ctx):
            codes.append(reasons.NOT_COVERED_INSTITUTION)
        codes.extend(self._deadline_codes(ctx))
        return codes

    def _covered(self, ctx: Context) -> bool:
        """Students at USN and three other schools (seed 000)."""
        institution = ctx.claim.applicant.institution
        covered = institution in ctx.param("ssn.institutions", day_of(ctx))
        ctx.explain("ssn.covered", SOURCE, institution=institution or "", covered=covered)
        return covered

    def _deadline_codes(self, ctx: Context) -> list[str]:
        """1 August for spring, 1 February for fall; a resubmission of a returned claim one month
        later (seed 000)."""
        claim = ctx.claim
        name = "ssn.deadline_spring" if claim.period.semester == "spring" else "ssn.deadline_fall"
        resubmission = claim.resubmission_of is not None and ctx.history.was_returned(
            ctx.person_id, claim.resubmission_of
        )
        if not resubmission:
            return [] if check_deadline(ctx, name, SOURCE) else [reasons.DEADLINE_PASSED]
        ctx.explain("ssn.resubmission", SOURCE, of=claim.resubmission_of)
        months = ctx.cite("ssn.resubmission_months", claim.submitted_on)
        in_time = check_deadline(ctx, name, SOURCE, grace_months=months)
        return [] if in_time else [reasons.RESUBMISSION_LATE]

    def line_codes(self, ctx: Context, work: LineWork) -> None:
        check_period(ctx, work, SOURCE)
        self._assign_pot(ctx, work)
        line = work.line
        if work.pot in RECEIPT_POTS and not line.itemized_receipt:
            work.reject(reasons.missing_document("receipt"))
            ctx.explain("line.missing_receipt", SOURCE, line=line)

    def _assign_pot(self, ctx: Context, work: LineWork) -> None:
        """A line goes to the first pot that fits: public user fees, other treatment, dental,
        then other treatment for a user-fee category abroad (schemes.md, SSN pots)."""
        line = work.line
        day = line.service_on
        user_fee_categories = ctx.param("ssn.pot_user_fees_categories", day)
        if line.public_user_fee and line.category in user_fee_categories:
            work.pot = USER_FEES
        elif line.category in ctx.param("ssn.pot_other_categories", day):
            work.pot = OTHER
        elif line.category in ctx.param("ssn.pot_dental_categories", day):
            work.pot = DENTAL
        elif line.category in user_fee_categories and line.country != "NO":
            work.pot = OTHER
        elif line.category in user_fee_categories:
            work.reject(reasons.NOT_PUBLIC_USER_FEE)
            ctx.explain("line.not_public_user_fee", SOURCE, line=line)
        else:
            work.reject(reasons.EXCLUDED_CATEGORY)
            ctx.explain("line.excluded", SOURCE, line=line)

    documents = (
        "user_fee_overview",
        "receipt",
        "student_id",
        "semester_fee_receipt",
        "proof_of_payment",
        "study_confirmation",
        "vaccine_confirmation",
    )

    def categories(self, params: Parameters, day: date) -> frozenset[str]:
        """The categories of SSN's three pots: user fees, other treatment, dental (seed 000)."""
        return frozenset(
            code
            for pot in ("pot_user_fees_categories", "pot_other_categories", "pot_dental_categories")
            for code in params.value(f"ssn.{pot}", day)
        )

    def document_codes(self, ctx: Context, works: Sequence[LineWork]) -> list[str]:
        """Student ID or semester-fee receipt always; the overview, vaccine confirmation and
        study confirmation when lines in a pot need them (seed 000)."""
        claim = ctx.claim
        present = {document.type for document in claim.documents}
        codes = []
        if not present & {"student_id", "semester_fee_receipt"}:
            codes.append(reasons.missing_document("student_id"))
            ctx.explain("claim.missing_document", SOURCE, document="student_id", named=False)
        in_pots = [work.line for work in works if work.pot is not None]
        if any(work.pot == USER_FEES for work in works):
            codes.extend(user_fee_overview_codes(ctx, SOURCE))
        needs = []
        if any(line.category == "vaccine_study_abroad" for line in in_pots):
            needs.append("vaccine_confirmation")
        if any(line.country != "NO" for line in in_pots):
            needs.append("study_confirmation")
        for document_type in needs:
            if document_type not in present:
                codes.append(reasons.missing_document(document_type))
                ctx.explain("claim.missing_document", SOURCE, document=document_type, named=False)
        return codes

    def price(self, ctx: Context, work: LineWork) -> None:
        """Refund what lies above the pot's yearly deductible; user fees only up to the
        exemption card limit."""
        line, pot = work.line, work.pot
        day = day_of(ctx)
        deductible = ctx.cite(f"ssn.deductible_{pot}", day)
        limit: Decimal | None = None
        if pot == USER_FEES:
            limit = ctx.cite("common.exemption_card_limit", day)
        rate = ctx.cite("ssn.refund_rate", day)
        key = ("ssn", ctx.claim.period.year, pot)
        before, after = refund_above_threshold(ctx, work, key, deductible, limit, rate)
        ctx.explain(
            "ssn.line",
            SOURCE,
            line=line,
            pot=pot,
            before=before,
            after=after,
            refund=work.refund,
        )

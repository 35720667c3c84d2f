"""SSN Helse's hooks: health expense refunds per semester (seed 000; SSN's guidelines from
2025).

Three pots, each with its own yearly deductible: public user fees (capped at the exemption
card limit), other treatment, and dental care. A line goes to the first pot that fits, which
the scheme language's pots (one pot per category) cannot say; nor the resubmission's grace
or the documents a pot's lines need. The figures are the file's (``ssn.<figure>``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from refusjon.rules import reasons
from refusjon.rules.context import Context, LineWork
from refusjon.rules.parameters import Parameters
from refusjon.rules.schemes.base import (
    check_deadline,
    day_of,
    refund_above_threshold,
    user_fee_overview_codes,
)
from refusjon.rules.schemes.hooks import registry
from refusjon.rules.schemes.hooks.registry import SchemeView

USER_FEES, OTHER, DENTAL = "user_fees", "other", "dental"
RECEIPT_POTS = (OTHER, DENTAL)
POT_FIGURES = ("pot_user_fees_categories", "pot_other_categories", "pot_dental_categories")


@registry.claim("ssn.institution")
def institution(scheme: SchemeView, ctx: Context) -> list[str]:
    """Students at USN and three other schools (seed 000)."""
    institution = ctx.claim.applicant.institution
    covered = institution in ctx.param("ssn.institutions", day_of(ctx))
    ctx.explain("ssn.covered", scheme.source, institution=institution or "", covered=covered)
    return [] if covered else [reasons.NOT_COVERED_INSTITUTION]


@registry.claim("ssn.deadline")
def deadline(scheme: SchemeView, ctx: Context) -> list[str]:
    """1 August for spring, 1 February for fall; a resubmission of a returned claim one month
    later (seed 000; decision 9)."""
    claim = ctx.claim
    name = "ssn.deadline_spring" if claim.period.semester == "spring" else "ssn.deadline_fall"
    resubmission = claim.resubmission_of is not None and ctx.history.was_returned(
        ctx.person_id, claim.resubmission_of
    )
    if not resubmission:
        return [] if check_deadline(ctx, name, scheme.source) else [reasons.DEADLINE_PASSED]
    ctx.explain("ssn.resubmission", scheme.source, of=claim.resubmission_of)
    months = ctx.cite("ssn.resubmission_months", claim.submitted_on)
    in_time = check_deadline(ctx, name, scheme.source, grace_months=months)
    return [] if in_time else [reasons.RESUBMISSION_LATE]


@registry.lines("ssn.first_fitting_pot")
def first_fitting_pot(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """A line goes to the first pot that fits: public user fees, other treatment, dental, then
    other treatment for a user-fee category abroad (schemes.md, SSN pots). A user-fee category
    in Norway that is no public user fee is not refunded; any other category is excluded."""
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
        ctx.explain("line.not_public_user_fee", scheme.source, line=line)
    else:
        work.reject(reasons.EXCLUDED_CATEGORY)
        ctx.explain("line.excluded", scheme.source, line=line)
    return False


@registry.lines("ssn.itemised_receipt")
def itemised_receipt(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """A line in the other-treatment or dental pot needs an itemised receipt (seed 000)."""
    line = work.line
    if work.pot in RECEIPT_POTS and not line.itemized_receipt:
        work.reject(reasons.missing_document("receipt"))
        ctx.explain("line.missing_receipt", scheme.source, line=line)
    return False


@registry.categories("ssn.pot_categories")
def pot_categories(scheme: SchemeView, params: Parameters, day: date) -> frozenset[str]:
    """The categories of SSN's three pots: user fees, other treatment, dental (seed 000)."""
    return frozenset(code for pot in POT_FIGURES for code in params.value(f"ssn.{pot}", day))


@registry.documents("ssn.student_id")
def student_id(scheme: SchemeView, ctx: Context, works: Sequence[LineWork]) -> list[str]:
    """A student ID or a semester-fee receipt, always (seed 000)."""
    present = {document.type for document in ctx.claim.documents}
    if present & {"student_id", "semester_fee_receipt"}:
        return []
    ctx.explain("claim.missing_document", scheme.source, document="student_id", named=False)
    return [reasons.missing_document("student_id")]


@registry.documents("ssn.overview_for_user_fees")
def overview_for_user_fees(
    scheme: SchemeView, ctx: Context, works: Sequence[LineWork]
) -> list[str]:
    """The helsenorge overview showing the applicant's name, with a line in the user-fee pot
    (seed 000)."""
    if any(work.pot == USER_FEES for work in works):
        return user_fee_overview_codes(ctx, scheme.source)
    return []


@registry.documents("ssn.confirmations")
def confirmations(scheme: SchemeView, ctx: Context, works: Sequence[LineWork]) -> list[str]:
    """A vaccine confirmation with a vaccine line, a study confirmation with a line abroad,
    among the lines in a pot (seed 000)."""
    present = {document.type for document in ctx.claim.documents}
    in_pots = [work.line for work in works if work.pot is not None]
    needs = []
    if any(line.category == "vaccine_study_abroad" for line in in_pots):
        needs.append("vaccine_confirmation")
    if any(line.country != "NO" for line in in_pots):
        needs.append("study_confirmation")
    codes = []
    for document_type in needs:
        if document_type not in present:
            codes.append(reasons.missing_document(document_type))
            ctx.explain(
                "claim.missing_document", scheme.source, document=document_type, named=False
            )
    return codes


@registry.price("ssn.pot_deductible")
def pot_deductible(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """Refund what lies above the pot's yearly deductible at the refund rate; user fees only up
    to the exemption card limit (seed 000)."""
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
        scheme.source,
        line=line,
        pot=pot,
        before=before,
        after=after,
        refund=work.refund,
    )
    return True

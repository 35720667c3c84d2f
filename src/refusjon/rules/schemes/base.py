"""What every scheme provides, in the order of the checks (schemes.md, "Order of the checks")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from refusjon.rules import reasons
from refusjon.rules.context import Context, Key, LineWork
from refusjon.rules.model import Claim, Scheme, add_months
from refusjon.rules.money import share_between
from refusjon.rules.parameters import Deadline, Parameters


class SchemeRules:
    scheme: Scheme
    source: str  # where the scheme as a whole is described
    # The kinds of document a claim under the scheme may hold, the one most claims need first:
    # what a student is offered to upload.
    documents: tuple[str, ...]

    def categories(self, params: Parameters, day: date) -> frozenset[str]:
        """The categories of treatment the scheme refunds in some way on ``day``: what a
        student is offered for an expense (any other is refused by the rules in any case)."""
        raise NotImplementedError

    def validate(self, claim: Claim) -> list[str]:
        """Input errors that only this scheme sees (each names the field and the problem)."""
        return []

    def claim_codes(self, ctx: Context) -> list[str]:
        """Step 1: eligibility of applicant and patient, and the claim's deadline."""
        raise NotImplementedError

    def line_codes(self, ctx: Context, work: LineWork) -> None:
        """Step 2: the checks of one line on its own (time, category, conditions)."""
        raise NotImplementedError

    def document_codes(self, ctx: Context, works: Sequence[LineWork]) -> list[str]:
        """Step 1, documents: what is missing; any code returns the claim."""
        raise NotImplementedError

    def price(self, ctx: Context, work: LineWork) -> None:
        """Step 3: the amount rules for one line that passed its checks."""
        raise NotImplementedError

    def settle(self, ctx: Context, works: Sequence[LineWork]) -> list[str] | None:
        """After step 3, the claim as a whole (a smallest payout): its claim-level reasons, or
        None for the reasons its lines show (:func:`refusjon.rules.engine`)."""
        return None


def check_period(ctx: Context, work: LineWork, source: str) -> None:
    """A line whose service date is outside the claim's period is rejected."""
    period = ctx.claim.period
    if not period.start <= work.line.service_on <= period.end:  # in period, a call less
        work.reject(reasons.OUTSIDE_PERIOD)
        ctx.explain("line.outside_period", source, line=work.line, period=str(ctx.claim.period))


def check_student(ctx: Context, source: str) -> list[str]:
    """The applicant must have paid the semester fee and be a registered student."""
    applicant = ctx.claim.applicant
    codes = []
    if not applicant.semester_fee_paid:
        codes.append(reasons.SEMESTER_FEE_NOT_PAID)
    if not applicant.registered_student:
        codes.append(reasons.NOT_REGISTERED_STUDENT)
    ctx.explain(
        "claim.student",
        source,
        fee_paid=applicant.semester_fee_paid,
        registered=applicant.registered_student,
    )
    return codes


def check_deadline(ctx: Context, name: str, source: str, *, grace_months: int = 0) -> bool:
    """Whether the claim was submitted by the deadline ``name`` (plus any grace months)."""
    claim = ctx.claim
    deadline: Deadline = ctx.cite(name, claim.submitted_on)
    due = deadline.for_year(claim.period.year)
    if grace_months:
        due = add_months(due, grace_months)
    in_time = claim.submitted_on <= due
    ctx.explain("claim.deadline", source, due=due, submitted=claim.submitted_on, in_time=in_time)
    return in_time


def check_expense_age(ctx: Context, work: LineWork, months: int, source: str) -> None:
    """A line is due ``months`` after its treatment, or after its payment if paid later."""
    line = work.line
    due = add_months(max(line.service_on, line.paid_on), months)
    if ctx.claim.submitted_on > due:
        work.reject(reasons.DEADLINE_PASSED)
        ctx.explain("line.late", source, line=line, due=due)


def user_fee_overview_codes(ctx: Context, source: str) -> list[str]:
    """The helsenorge user-fee overview must be attached and show the applicant's name."""
    named = any(
        document.type == "user_fee_overview" and document.shows_applicant_name
        for document in ctx.claim.documents
    )
    if named:
        return []
    ctx.explain("claim.missing_document", source, document="user_fee_overview", named=True)
    return [reasons.missing_document("user_fee_overview")]


def refund_above_threshold(
    ctx: Context,
    work: LineWork,
    key: Key,
    threshold: Decimal,
    limit: Decimal | None,
    rate: Decimal = Decimal(1),
) -> tuple[Decimal, Decimal]:
    """Set a line against the year's running total ``key``: the part of it between the
    threshold (or deductible) and the limit is refunded at ``rate``; the part below is the
    student's own, the part above is Helfo's. Returns the total before and after the line."""
    before = ctx.total(key)
    work.eligible = work.line.nok
    after = before + work.eligible
    work.refund = share_between(before, work.eligible, threshold, limit) * rate
    if before < threshold:
        work.notes.append(reasons.WITHIN_THRESHOLD)
    if limit is not None and after > limit:
        work.notes.append(reasons.ABOVE_EXEMPTION_CARD_LIMIT)
    ctx.add(key, work.eligible)
    return before, after


def day_of(ctx: Context) -> date:
    """The day a claim's yearly figures are read on: the start of its period."""
    return ctx.claim.period.start

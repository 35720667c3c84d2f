"""SiO — refund of healthcare expenses (seed 003; the 2017 rules in seed 002).

A SiO student pays the first *threshold* of public user fees each calendar year; SiO refunds
what lies above it, up to the exemption card limit, above which Helfo pays.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from refusjon.rules import reasons
from refusjon.rules.context import Context, LineWork
from refusjon.rules.model import Scheme
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

SOURCE = "SiO, sio.no/en/health/refund-of-healthcare-expenses (seed 003); older rules (seed 002)"


class SioRules(SchemeRules):
    scheme = Scheme.SIO
    source = SOURCE

    def claim_codes(self, ctx: Context) -> list[str]:
        codes = check_student(ctx, SOURCE)
        if not self._covered(ctx):
            codes.append(reasons.NOT_COVERED_INSTITUTION)
        if not self._in_time(ctx):
            codes.append(reasons.DEADLINE_PASSED)
        return codes

    def _covered(self, ctx: Context) -> bool:
        """A student with a regular GP at SiO, or at a campus SiO serves without one (seed 003)."""
        applicant = ctx.claim.applicant
        campuses = ctx.param("sio.eligible_campuses", day_of(ctx))
        covered = applicant.sio_gp or applicant.institution in campuses
        ctx.explain(
            "sio.covered",
            SOURCE,
            sio_gp=applicant.sio_gp,
            institution=applicant.institution or "",
            covered=covered,
        )
        return covered

    def _in_time(self, ctx: Context) -> bool:
        """Spring by 16 July under the 2017 rules; from 2026 any period by 31 January next year."""
        semester = ctx.claim.period.semester
        name = "sio.deadline_spring" if semester == "spring" else "sio.deadline_fall_or_year"
        return check_deadline(ctx, name, SOURCE)

    documents = ("user_fee_overview", "receipt", "proof_of_payment")

    def categories(self, params: Parameters, day: date) -> frozenset[str]:
        """The categories whose public user fees SiO refunds (seed 003)."""
        return frozenset(params.value("sio.covered_categories", day))

    def document_codes(self, ctx: Context, works: Sequence[LineWork]) -> list[str]:
        """The helsenorge user-fee overview showing the applicant's name (seed 003)."""
        return user_fee_overview_codes(ctx, SOURCE)

    def line_codes(self, ctx: Context, work: LineWork) -> None:
        """Public user fees of the listed categories, within the claim's period (seed 003)."""
        check_period(ctx, work, SOURCE)
        line = work.line
        if line.category not in ctx.param("sio.covered_categories", line.service_on):
            work.reject(reasons.EXCLUDED_CATEGORY)
            ctx.explain("line.excluded", SOURCE, line=line)
        elif not line.public_user_fee:
            work.reject(reasons.NOT_PUBLIC_USER_FEE)
            ctx.explain("line.not_public_user_fee", SOURCE, line=line)

    def price(self, ctx: Context, work: LineWork) -> None:
        """Refund the part of a line between the year's threshold and the exemption card limit."""
        claim, line = ctx.claim, work.line
        day = day_of(ctx)
        name = "sio.threshold_gp" if claim.applicant.sio_gp else "sio.threshold_campus"
        threshold = ctx.cite(name, day)
        limit = ctx.cite("common.exemption_card_limit", day)
        key = ("sio", claim.period.year)
        before, after = refund_above_threshold(ctx, work, key, threshold, limit)
        ctx.explain(
            "line.threshold",
            SOURCE,
            line=line,
            before=before,
            after=after,
            refund=work.refund,
        )

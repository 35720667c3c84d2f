"""SiO's hooks: refund of healthcare expenses (seed 003; the 2017 rules in seed 002).

A SiO student pays the first *threshold* of public user fees each calendar year; SiO refunds
what lies above it, up to the exemption card limit, above which Helfo pays. Who is covered (a
SiO GP, or a campus SiO serves), with which threshold, and the deadline by semester are not
blocks of the scheme language; the figures are the file's (``sio.<figure>``).
"""

from __future__ import annotations

from datetime import date

from refusjon.rules import reasons
from refusjon.rules.context import Context, LineWork
from refusjon.rules.parameters import Parameters
from refusjon.rules.schemes.base import check_deadline, day_of, refund_above_threshold
from refusjon.rules.schemes.hooks import registry
from refusjon.rules.schemes.hooks.registry import SchemeView


@registry.claim("sio.gp_or_campus")
def gp_or_campus(scheme: SchemeView, ctx: Context) -> list[str]:
    """A student with a regular GP at SiO, or at a campus SiO serves without one (seed 003)."""
    applicant = ctx.claim.applicant
    campuses = ctx.param("sio.eligible_campuses", day_of(ctx))
    covered = applicant.sio_gp or applicant.institution in campuses
    ctx.explain(
        "sio.covered",
        scheme.source,
        sio_gp=applicant.sio_gp,
        institution=applicant.institution or "",
        covered=covered,
    )
    return [] if covered else [reasons.NOT_COVERED_INSTITUTION]


@registry.claim("sio.deadline")
def deadline(scheme: SchemeView, ctx: Context) -> list[str]:
    """Spring by 16 July under the 2017 rules; from 2026 any period by 31 January next year
    (the rule in force on the submission day, seed 002, seed 003)."""
    semester = ctx.claim.period.semester
    name = "sio.deadline_spring" if semester == "spring" else "sio.deadline_fall_or_year"
    return [] if check_deadline(ctx, name, scheme.source) else [reasons.DEADLINE_PASSED]


@registry.categories("sio.covered_categories")
def covered_categories(scheme: SchemeView, params: Parameters, day: date) -> frozenset[str]:
    """The categories whose public user fees SiO refunds (seed 003)."""
    return frozenset(params.value("sio.covered_categories", day))


@registry.lines("sio.public_user_fee")
def public_user_fee(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """Public user fees of the listed categories (seed 003): another category is excluded, a
    fee that is not a public user fee is not refunded."""
    line = work.line
    if line.category not in ctx.param("sio.covered_categories", line.service_on):
        work.reject(reasons.EXCLUDED_CATEGORY)
        ctx.explain("line.excluded", scheme.source, line=line)
    elif not line.public_user_fee:
        work.reject(reasons.NOT_PUBLIC_USER_FEE)
        ctx.explain("line.not_public_user_fee", scheme.source, line=line)
    return False


@registry.price("sio.threshold")
def threshold(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """Refund the part of a line between the year's threshold (a SiO GP patient's, or a
    campus student's) and the exemption card limit (seed 003)."""
    claim, line = ctx.claim, work.line
    day = day_of(ctx)
    name = "sio.threshold_gp" if claim.applicant.sio_gp else "sio.threshold_campus"
    threshold = ctx.cite(name, day)
    limit = ctx.cite("common.exemption_card_limit", day)
    key = ("sio", claim.period.year)
    before, after = refund_above_threshold(ctx, work, key, threshold, limit)
    ctx.explain(
        "line.threshold", scheme.source, line=line, before=before, after=after, refund=work.refund
    )
    return True

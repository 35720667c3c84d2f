"""Deciding one claim: the order of the checks of schemes.md, the same for every scheme.

1. claim level: eligibility and deadline (reject), documents (return);
2. each line on its own: time, category, the category's conditions;
3. amounts, for a claim neither rejected nor returned, by service date then input order:
   duplicates first, then the scheme's amount rules;
4. the outcome.

:func:`assess` is pure: it reads the person's history and returns the decision together with
the :class:`Effects` that accepting it would have on the history. The caller records them
(:class:`refusjon.rules.ledger.Ledger` in a batch, the database in the web application).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from operator import attrgetter
from typing import NamedTuple

from refusjon.rules import reasons
from refusjon.rules.context import Context, History, Key, LineWork
from refusjon.rules.model import (
    Claim,
    ClaimOutcome,
    Decision,
    ExpenseLine,
    LineDecision,
    LineOutcome,
    Step,
)
from refusjon.rules.money import ZERO, round_ore
from refusjon.rules.parameters import ParameterMissing, Parameters, default_parameters
from refusjon.rules.schemes import SCHEMES, SchemeRules

PAYING = frozenset({ClaimOutcome.APPROVED, ClaimOutcome.PARTIALLY_APPROVED})
# The named tuples made for every claim and line (decisions, line decisions, effects) are made
# with tuple.__new__ and every field in the class's order: the same tuple, without the Python
# function that the class's own constructor is.
_new = tuple.__new__
# Fields read for every line, read in C (no Python call per line).
_SERVICE_DATE = attrgetter("line.service_on")
_REFUND_NOK = attrgetter("refund_nok")


class Effects(NamedTuple):
    """What a decided claim adds to its person's history."""

    person_id: str
    claim_id: str
    outcome: ClaimOutcome
    totals: Mapping[Key, Decimal] = {}
    expenses: tuple[Key, ...] = ()


class Assessment(NamedTuple):
    decision: Decision
    effects: Effects | None = None


def expense_key(claim: Claim, line: ExpenseLine) -> Key:
    """What makes two lines the same expense: patient, category, date, amount and currency."""
    return (claim.patient_key, line.category, line.service_on, line.amount, line.currency)


def invalid(claim_id: str | None, errors: list[str]) -> Assessment:
    decision = Decision(claim_id, ClaimOutcome.INVALID, ZERO, errors=tuple(errors))
    return Assessment(decision)


def assess(
    claim: Claim,
    history: History,
    params: Parameters | None = None,
    rules: SchemeRules | None = None,
) -> Assessment:
    """Decide ``claim`` against the person's ``history``. Amounts must already be in NOK.
    ``rules`` are the claim's scheme as shipped unless another version of it is given (with
    its figures in ``params``)."""
    rules = rules or SCHEMES[claim.scheme]
    errors = rules.validate(claim)
    if errors:
        return invalid(claim.claim_id, errors)
    ctx = Context(claim, params or default_parameters(), history)
    try:
        return _decide(ctx, rules)
    except ParameterMissing as error:
        return invalid(claim.claim_id, [str(error)])


def _decide(ctx: Context, rules: SchemeRules) -> Assessment:
    claim = ctx.claim
    ctx.explain("claim.start", rules.source, claim=claim)
    rejecting = rules.claim_codes(ctx)
    works = [LineWork(index, line) for index, line in enumerate(claim.expenses)]
    claim_steps, ctx.steps = ctx.steps, []
    for work in works:
        rules.line_codes(ctx, work)
    line_steps, ctx.steps = ctx.steps, claim_steps
    returning = rules.document_codes(ctx, works)
    ctx.steps.extend(line_steps)

    if rejecting or returning:
        outcome = ClaimOutcome.REJECTED if rejecting else ClaimOutcome.RETURNED
        ctx.explain("claim.not_priced", outcome=outcome)
        return _finish(ctx, outcome, works, rejecting + returning)

    # By service date, then input order: the sort is stable and the lines are in input order.
    for work in sorted((w for w in works if not w.codes), key=_SERVICE_DATE):
        if ctx.history.has_expense(ctx.person_id, expense_key(claim, work.line)):
            work.reject(reasons.DUPLICATE_EXPENSE)
            ctx.explain("line.duplicate", line=work.line)
        else:
            rules.price(ctx, work)
    settled = rules.settle(ctx, works)
    outcomes = {work.outcome for work in works}
    if outcomes == {LineOutcome.REJECTED}:
        outcome = ClaimOutcome.REJECTED
    elif outcomes == {LineOutcome.ACCEPTED}:
        outcome = ClaimOutcome.APPROVED
    else:
        outcome = ClaimOutcome.PARTIALLY_APPROVED
    claim_reasons = settled if settled is not None else _zero_refund_reasons(works)
    return _finish(ctx, outcome, works, claim_reasons)


def _zero_refund_reasons(works: list[LineWork]) -> list[str]:
    """Why an accepted claim pays nothing: still below the threshold, already above the
    exemption card limit, or a payout cap used up."""
    accepted = [work for work in works if work.outcome is LineOutcome.ACCEPTED]
    if not accepted or any(round_ore(work.refund) for work in accepted):
        return []
    notes = {note for work in accepted for note in work.notes}
    return [
        code
        for note, code in (
            (reasons.WITHIN_THRESHOLD, reasons.BELOW_THRESHOLD),
            (reasons.ABOVE_EXEMPTION_CARD_LIMIT, reasons.ABOVE_EXEMPTION_CARD_LIMIT),
            (reasons.CAP_REACHED, reasons.CAP_REACHED),
        )
        if note in notes
    ]


def _finish(
    ctx: Context, outcome: ClaimOutcome, works: list[LineWork], claim_reasons: list[str]
) -> Assessment:
    paying = outcome in PAYING
    lines = tuple(_line_decision(work, paying) for work in works)
    refund = sum(map(_REFUND_NOK, lines), ZERO) if paying else ZERO
    ctx.explain("claim.outcome", outcome=outcome, refund=refund)
    claim = ctx.claim
    claim_reasons_once = tuple(sorted(set(claim_reasons)))
    explanation = tuple(ctx.steps)
    # Decision(claim_id, outcome, refund_nok, reasons, lines, explanation, errors)
    decision = _new(
        Decision, (claim.claim_id, outcome, refund, claim_reasons_once, lines, explanation, ())
    )
    effects = None
    if paying:
        accepted = tuple(
            expense_key(claim, work.line)
            for work in works
            if work.outcome is LineOutcome.ACCEPTED and ctx.records
        )
        totals = dict(ctx.deltas)
        effects = _new(Effects, (ctx.person_id, claim.claim_id, outcome, totals, accepted))
    elif outcome is ClaimOutcome.RETURNED:
        effects = Effects(ctx.person_id, claim.claim_id, outcome)
    return _new(Assessment, (decision, effects))


def _line_decision(work: LineWork, priced: bool) -> LineDecision:
    """A line's decision; amounts only where the claim was priced and the line accepted."""
    line_id = work.line.line_id
    if work.codes:
        codes = _sorted_codes(work.codes)
        return _new(LineDecision, (line_id, LineOutcome.REJECTED, ZERO, ZERO, codes))
    notes = _sorted_codes(work.notes)
    if not priced or work.outcome is not LineOutcome.ACCEPTED:
        return _new(LineDecision, (line_id, work.outcome, ZERO, ZERO, notes))
    eligible, refund = round_ore(work.eligible), round_ore(work.refund)
    return _new(LineDecision, (line_id, LineOutcome.ACCEPTED, eligible, refund, notes))


def _sorted_codes(codes: list[str]) -> tuple[str, ...]:
    """Reason codes sorted, each once."""
    return tuple(codes) if len(codes) < 2 else tuple(sorted(set(codes)))


__all__ = ["Assessment", "Effects", "Step", "assess", "expense_key", "invalid"]

"""Decision records: the engine's decision for a claim, with a caseworker's assessments of
its lines laid over it, and the decision's effect on the student's running totals.

Pure bookkeeping over the records of claims-format.md (dicts), the claim's line overrides and
the engine (through :mod:`refusjon.claims.adapter`): nothing here changes the database. The
services (:mod:`refusjon.claims.services`, :mod:`refusjon.claims.appeals`) decide with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from refusjon.claims import adapter
from refusjon.claims.adapter import RulesAssessment
from refusjon.claims.errors import ClaimError
from refusjon.claims.models import Claim, LineOutcomeChoice, LineOverride, SchemeVersion

REFERRED = "referred"
PAYING = ("approved", "partially_approved")
PRICED = (*PAYING, "rejected")
OVERRIDE_NOTE = "override"


def override_json(override: LineOverride | None) -> dict[str, str] | None:
    if override is None:
        return None
    return {
        "outcome": override.outcome,
        "refund_nok": adapter.money_text(override.refund_nok),
        "justification": override.justification,
        "by": override.by.get_username(),
    }


def _waiting_lines(record: dict[str, Any], overrides: dict[str, LineOverride]) -> list[str]:
    """The referred lines of ``record`` that no caseworker has assessed yet."""
    return [
        line["line_id"]
        for line in record.get("lines", [])
        if line.get("outcome") == REFERRED and line["line_id"] not in overrides
    ]


def _check_referred_lines_assessed(waiting: list[str]) -> None:
    if waiting:
        raise ClaimError(
            _("Assess the referred lines (%(lines)s) before you decide.")
            % {"lines": ", ".join(waiting)}
        )


def _priced(engine: dict[str, Any]) -> bool:
    """Whether the engine priced the claim: not returned, invalid or rejected as a whole
    (claim-level reasons). Only a priced claim's lines decide its outcome."""
    outcome = engine["outcome"]
    return outcome in PRICED and not (outcome == "rejected" and engine.get("reasons"))


def _claim_outcome(engine: dict[str, Any], lines: list[dict[str, Any]]) -> str:
    """The outcome by the rules of claims-format.md, from the lines as finally assessed. A
    claim the engine rejected as a whole (claim-level reasons) or returned stays so: overriding
    lines does not change whether the claim itself qualifies."""
    if not _priced(engine) or not lines:
        return str(engine["outcome"])
    outcomes = {line["outcome"] for line in lines}
    if outcomes == {"accepted"}:
        return "approved"
    if outcomes == {"rejected"}:
        return "rejected"
    return "partially_approved"


def _engine_record(result: RulesAssessment) -> dict[str, Any]:
    """The engine's decision record, explained in English and (``explanation_nb``) bokmål."""
    record = adapter.decision_record(result.decision, "en")
    record["explanation_nb"] = adapter.explanation(result.decision, "nb")
    return record


def _overridden(line: dict[str, Any], override: LineOverride) -> dict[str, Any]:
    """A line as the caseworker assessed it: their outcome and refund, with a note."""
    accepted = override.outcome == LineOutcomeChoice.ACCEPTED
    return {
        **line,
        "outcome": override.outcome,
        "eligible_nok": line["eligible_nok"] if accepted else "0.00",
        "refund_nok": adapter.money_text(override.refund_nok),
        "reasons": sorted({*line.get("reasons", []), OVERRIDE_NOTE}),
        "override": override_json(override),
    }


def _with_overrides(
    engine: dict[str, Any],
    overrides: dict[str, LineOverride],
    rerun: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The decision record: each line a caseworker assessed as they did; every other line as
    the engine priced it in ``rerun`` (the claim without the assessed lines) or, for a claim
    the engine did not price, as in ``engine``. Lines stay in claim order, totals recomputed."""
    priced = {line["line_id"]: line for line in (rerun or engine).get("lines", [])}
    lines = []
    for line in engine.get("lines", []):
        override = overrides.get(line["line_id"])
        if override is None:
            lines.append(dict(priced[line["line_id"]]))
        else:
            lines.append(_overridden(line, override))
    outcome = _claim_outcome(engine, lines)
    paying = outcome in PAYING
    refund = sum((Decimal(line["refund_nok"]) for line in lines), Decimal("0.00"))
    refund = refund if paying else Decimal("0.00")
    return {
        **engine,
        "outcome": outcome,
        "refund_nok": adapter.money_text(refund),
        "reasons": _final_reasons(engine, rerun, refund),
        "lines": lines,
        "justifications": [
            {"line_id": line_id, "justification": override.justification}
            for line_id, override in sorted(overrides.items(), key=lambda item: int(item[0]))
        ],
        "explanation": _final_explanation(engine, rerun, overrides, outcome, refund, "en"),
        "explanation_nb": _final_explanation(engine, rerun, overrides, outcome, refund, "nb"),
    }


def _final_reasons(
    engine: dict[str, Any], rerun: dict[str, Any] | None, refund: Decimal
) -> list[str]:
    """The claim's reasons: a claim the engine did not price keeps the engine's. A priced
    claim's reasons only say why it pays nothing (``below-threshold``, ...), so the re-run's
    hold while the claim, with the caseworker's lines, still pays nothing."""
    if rerun is None:
        return list(engine.get("reasons", []))
    return list(rerun.get("reasons", [])) if not refund else []


def _final_explanation(
    engine: dict[str, Any],
    rerun: dict[str, Any] | None,
    overrides: dict[str, LineOverride],
    outcome: str,
    refund: Decimal,
    lang: str,
) -> list[str]:
    """The engine's steps, then what the caseworker did. Like the engine's explanation, the
    record holds it in both languages, whatever the page's."""
    field = "explanation_nb" if lang == "nb" else "explanation"
    justified = _justified(overrides, lang)
    if rerun is None:
        return [*engine.get(field, []), *justified]
    claimed = {line["line_id"] for line in engine.get("lines", [])}
    left_out = sorted((line_id for line_id in overrides if line_id in claimed), key=int)
    return [
        *rerun.get(field, []),
        _in_language(
            lang,
            _(
                "The lines a caseworker assessed (%(lines)s) are left out of the calculation "
                "above: the other lines are priced as if they had not been claimed."
            ),
            lines=", ".join(left_out),
        ),
        *justified,
        _in_language(
            lang,
            _("With the caseworker's assessment: %(outcome)s. Refund: %(refund)s."),
            outcome=adapter.outcome_words(outcome, lang),
            refund=adapter.money_words(refund, lang),
        ),
    ]


def _in_language(lang: str, message: Any, **args: str) -> str:
    """A translatable message in ``lang``, whatever the language of the request."""
    with translation.override(lang):
        return str(message) % args


def _justified(overrides: dict[str, LineOverride], lang: str) -> list[str]:
    """The caseworker's justifications as steps of the explanation, which the letter shows.
    Like the engine's explanation, the record holds it in both languages, whatever the page's."""
    said = "Line {line} assessed by a caseworker: {why}"
    if lang == "nb":
        said = "Linje {line} vurdert av saksbehandler: {why}"
    return [
        said.format(line=line_id, why=override.justification)
        for line_id, override in sorted(overrides.items(), key=lambda item: int(item[0]))
    ]


def _effects(
    final: dict[str, Any], rerun_effects: dict[str, Any], expense_keys: dict[str, str]
) -> dict[str, Any]:
    """The decision's effect on the student's running totals, with overrides taken into account.

    * The running totals (threshold, deductibles, exemption card, counts) are those of the
      engine's re-run of the claim without the lines a caseworker assessed: what the lines
      that stand add, as the engine priced them. A line a caseworker rejected adds nothing.
      A line a caseworker accepted adds nothing either: its refund is the caseworker's, and
      the override does not say which part of it counts under the scheme (docs/decisions.md).
    * The expense keys are those of every line finally accepted, the caseworker's included,
      so that none of them can be claimed again, and a line finally rejected can.

    A claim that, finally, pays nothing changes no running total.
    """
    if final["outcome"] not in PAYING:
        return {}
    accepted = [
        expense_keys[line["line_id"]] for line in final["lines"] if line["outcome"] == "accepted"
    ]
    return {"totals": dict(rerun_effects.get("totals", {})), "expenses": accepted}


@dataclass(frozen=True)
class Decided:
    """The decision a caseworker would make now: its record (with the engine's proposal for
    the whole claim under ``record["engine"]``), its effects, and the referred lines that still
    wait for a caseworker's assessment."""

    record: dict[str, Any]
    effects: dict[str, Any]
    waiting: list[str]


def decided(
    claim: Claim,
    result: RulesAssessment,
    *,
    on: date,
    version: SchemeVersion | None = None,
    history: adapter.DatabaseHistory | None = None,
) -> Decided:
    """The engine's ``result`` for the whole claim (as if submitted ``on``) is the decision
    when no line is overridden. With overrides, on a claim the engine priced, the engine is run
    again without the overridden lines, and the caseworker's lines are laid over that re-run
    (with the scheme ``version`` and the ``history`` the result was reached with, if any)."""
    engine = _engine_record(result)
    overrides = {str(o.line_number): o for o in claim.overrides.select_related("by")}
    waiting = _waiting_lines(engine, overrides)
    if not overrides:
        return Decided(
            {**engine, "engine": dict(engine)}, adapter.effects_to_json(result.effects), waiting
        )
    if not _priced(engine):
        final = _with_overrides(engine, overrides)
        return Decided({**final, "engine": engine}, {}, waiting)
    rerun_result = adapter.evaluate(
        claim, on=on, leaving_out=set(overrides), version=version, history=history
    )
    rerun = _engine_record(rerun_result)
    if not _priced(rerun):  # leaving lines out only removes what they required
        raise ClaimError(_("The claim could not be assessed without the lines you assessed."))
    waiting += [line_id for line_id in _waiting_lines(rerun, overrides) if line_id not in waiting]
    final = _with_overrides(engine, overrides, rerun)
    effects = _effects(
        final,
        adapter.effects_to_json(rerun_result.effects),
        adapter.expense_keys(claim, on=on),
    )
    return Decided({**final, "engine": engine}, effects, waiting)


def overrides_kept(appealed: dict[str, Any], new: dict[str, Any]) -> list[dict[str, str]]:
    """The caseworker's line assessments of the ``appealed`` decision's record that stand, as
    they were, in the ``new`` record made on appeal: who made them and what they said. They
    were part of the decision appealed; the caseworker handling the appeal keeps or clears
    them (docs/decisions.md)."""
    before = {
        line["line_id"]: line["override"]
        for line in appealed.get("lines", [])
        if "override" in line
    }
    return [
        {
            "line_id": line["line_id"],
            "by": line["override"]["by"],
            "outcome": line["override"]["outcome"],
            "refund_nok": line["override"]["refund_nok"],
        }
        for line in new.get("lines", [])
        if "override" in line and before.get(line["line_id"]) == line["override"]
    ]


def decision_record(
    claim: Claim,
    result: RulesAssessment,
    *,
    on: date | None = None,
    version: SchemeVersion | None = None,
    history: adapter.DatabaseHistory | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The final decision record (with the engine's kept under ``engine``) and its effects,
    from the engine's ``result`` for the claim submitted ``on`` (by default the day it was).
    Refused while a referred line waits for a caseworker's assessment."""
    on = on or claim.submitted_on
    assert on is not None  # a claim being decided was submitted
    made = decided(claim, result, on=on, version=version, history=history)
    _check_referred_lines_assessed(made.waiting)
    return made.record, made.effects

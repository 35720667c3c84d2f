"""The one place where stored claims meet the rules engine, both ways."""

from __future__ import annotations

import json
from collections.abc import Collection, Hashable, Iterable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from refusjon.claims import models
from refusjon.rules import model as rules
from refusjon.rules.batch import decision_to_json
from refusjon.rules.context import Key
from refusjon.rules.engine import Assessment as RulesAssessment
from refusjon.rules.engine import Effects, assess, expense_key
from refusjon.rules.explain import Renderer
from refusjon.rules.model import Decision
from refusjon.rules.money import ZERO, round_ore
from refusjon.rules.parameters import (
    Parameters,
    ParameterValue,
    default_parameters,
    parse_value,
)
from refusjon.rules.schemes import SCHEMES, SchemeRules, SchemeVersion, language, version_of
from refusjon.rules.schemes.language import SchemeDefinition
from refusjon.rules.terms import OUTCOMES, term

__all__ = [
    "DatabaseHistory",
    "RulesAssessment",
    "current_parameters",
    "decision_record",
    "definition_for",
    "effects_to_json",
    "evaluate",
    "expense_keys",
    "explanation",
    "key_text",
    "money_text",
    "money_words",
    "outcome_words",
    "rules_for",
    "scheme_version",
    "to_rules_claim",
    "version_in_force",
    "with_overrides",
]


def evaluate(
    claim: models.Claim,
    *,
    on: date,
    leaving_out: Collection[str] = (),
    extra_lines: Iterable[models.ExpenseLine] = (),
    version: models.SchemeVersion | None = None,
    history: DatabaseHistory | None = None,
) -> RulesAssessment:
    """What the rules engine decides for a stored claim as it stands, if submitted ``on``,
    against the student's decided claims, with the parameters as the administrators set them
    and the scheme's version in force for the claim's period (or ``version``, for a dry run).
    The lines whose ids are in ``leaving_out`` are left out, as if they had not been claimed
    (a caseworker assessed them); the others keep their ids. ``extra_lines`` (not saved) are
    seen after the stored ones, as if they had been added. The student's other decided claims
    are the history unless another is given (a re-assessment's)."""
    rules_claim = to_rules_claim(claim, submitted_on=on, extra_lines=extra_lines)
    if leaving_out:
        standing = tuple(line for line in rules_claim.expenses if line.line_id not in leaving_out)
        rules_claim = replace(rules_claim, expenses=standing)
    if version is None:
        version = version_in_force(claim.scheme, rules_claim.period.start)
    scheme_rules, params = _rules_and_parameters(version)
    history = history or DatabaseHistory.for_claim(claim)
    return assess(rules_claim, history, params, scheme_rules)


def version_in_force(scheme: str, period_start: date) -> models.SchemeVersion | None:
    """The approved version of ``scheme`` that decides a claim whose period starts on
    ``period_start``: the one in force latest by then; None where the shipped file decides."""
    return (
        models.SchemeVersion.objects.filter(
            scheme=scheme,
            status=models.SchemeVersionStatus.APPROVED,
            effective_from__lte=period_start,
        )
        .order_by("-effective_from", "-number")
        .first()
    )


_versions_cache: dict[tuple[str, str], SchemeVersion] = {}


def scheme_version(version: models.SchemeVersion) -> SchemeVersion:
    """A stored version read into rules (its text was checked when it was kept; read once per
    process and text)."""
    key = (version.scheme, version.text)
    compiled = _versions_cache.get(key)
    if compiled is None:
        if len(_versions_cache) > 16:
            _versions_cache.clear()
        compiled = version_of(version.text, file=f"{version.scheme}.yaml", scheme=version.scheme)
        _versions_cache[key] = compiled
    return compiled


def _rules_and_parameters(
    version: models.SchemeVersion | None,
) -> tuple[SchemeRules | None, Parameters]:
    if version is None:
        return None, current_parameters()
    compiled = scheme_version(version)
    return compiled.rules, current_parameters(compiled)


def definition_for(scheme: str, period: rules.Period) -> SchemeDefinition:
    """What the file that decides a claim of ``scheme`` for ``period`` says (a version's, or the
    shipped one): what the pages explain and offer."""
    version = version_in_force(scheme, period.start)
    return scheme_version(version).definition if version else language.builtin()[scheme]


def rules_for(scheme: str, period: rules.Period) -> tuple[SchemeRules, Parameters]:
    """The rules and parameters that decide a claim of ``scheme`` for ``period``."""
    scheme_rules, params = _rules_and_parameters(version_in_force(scheme, period.start))
    return scheme_rules or SCHEMES[rules.Scheme(scheme)], params


def expense_keys(claim: models.Claim, *, on: date) -> dict[str, str]:
    """Each line's expense key (what makes a later line a ``duplicate-expense``) as stored
    text, by line id: for lines a caseworker accepted, which the engine did not."""
    rules_claim = to_rules_claim(claim, submitted_on=on)
    return {line.line_id: key_text(expense_key(rules_claim, line)) for line in rules_claim.expenses}


_parameters_cache: dict[tuple[tuple[Any, ...], SchemeVersion | None], Parameters] = {}


def current_parameters(scheme_version: SchemeVersion | None = None) -> Parameters:
    """The shipped parameters, with a scheme version's figures in place of its scheme's own
    if one is given, and the administrators' dated values laid over them.

    Kept per process for the dated values as they are (a handful, read in one query): not by
    their count and last change, which two sets of values can share."""
    overrides = list(models.ParameterOverride.objects.order_by("pk"))
    given = tuple(
        (o.name, o.valid_from, json.dumps(o.value), o.source, o.assumed) for o in overrides
    )
    key = (given, scheme_version)
    cached = _parameters_cache.get(key)
    if cached is None:
        if len(_parameters_cache) > 16:
            _parameters_cache.clear()
        shipped = default_parameters()
        if scheme_version is not None:
            shipped = scheme_version.laid_over(shipped)
        cached = _parameters_cache[key] = with_overrides(shipped, overrides)
    return cached


def with_overrides(
    shipped: Parameters, overrides: Iterable[models.ParameterOverride]
) -> Parameters:
    series = {
        name: {value.valid_from: value for value in shipped.history(name)} for name in shipped.names
    }
    for override in overrides:
        template = shipped.history(override.name)[0]
        series[override.name][override.valid_from] = ParameterValue(
            name=override.name,
            value=parse_value(override.name, template.unit, override.value),
            valid_from=override.valid_from,
            source=override.source,
            assumed=override.assumed,
            label=template.label,
            unit=template.unit,
            dated=template.dated,
        )
    return Parameters({name: list(values.values()) for name, values in series.items()})


def decision_record(decision: Decision, lang: str) -> dict[str, Any]:
    """The decision record of claims-format.md, explained in ``lang``."""
    return decision_to_json(decision, Renderer(lang))


def explanation(decision: Decision, lang: str) -> list[str]:
    return Renderer(lang).explanation(decision.explanation)


def money_text(amount: Decimal) -> str:
    """An amount as a decision record keeps it (``1234.50``): rounded to øre by the rules' one
    rounding rule (half up), as the engine rounds."""
    return str(round_ore(amount))


def period_words(period: str, lang: str) -> str:
    """A claim's period as a reader is shown it in ``lang`` ("høsten 2026", "2026")."""
    return Renderer(lang).period(rules.Period.parse(period))


def money_words(amount: Decimal, lang: str) -> str:
    """An amount as the engine's explanation writes it in ``lang`` (``kr 1 234,50``)."""
    return Renderer(lang).money(amount)


def outcome_words(outcome: str, lang: str) -> str:
    """A claim or line outcome in the plain words of ``lang``."""
    return term(OUTCOMES, outcome, lang)


def to_rules_claim(
    claim: models.Claim,
    *,
    submitted_on: date,
    extra_lines: Iterable[models.ExpenseLine] = (),
) -> rules.Claim:
    """The engine's view of a stored claim, as if submitted on ``submitted_on``; the unsaved
    ``extra_lines`` (a line the student is still typing) come after the stored ones."""
    applicant = _applicant(claim.applicant.profile)
    lines = [*claim.lines.all(), *extra_lines]
    return rules.Claim(
        claim_id=claim.reference,
        scheme=rules.Scheme(claim.scheme),
        submitted_on=submitted_on,
        period=rules.Period.parse(claim.period),
        applicant=applicant,
        expenses=tuple(_line(line) for line in lines),
        # A document counts once it is checked: one being checked or refused is not there yet.
        documents=tuple(
            _document(attachment) for attachment in claim.attachments.all() if attachment.is_checked
        ),
        patient=rules.Patient(claim.patient_relation, claim.patient_birth_date),
        resubmission_of=claim.reference if claim.was_returned else None,
    )


def _applicant(
    profile: models.StudentProfile, *, study_country: str | None = None
) -> rules.Applicant:
    """The engine's view of a student's profile."""
    return rules.Applicant(
        person_id=profile.person_id,
        birth_date=profile.birth_date,
        semester_fee_paid=profile.semester_fee_paid,
        registered_student=profile.registered_student,
        institution=profile.institution.code if profile.institution else None,
        sio_gp=profile.sio_gp,
        nis_member=profile.nis_member,
        full_time_student_abroad=profile.full_time_student_abroad,
        study_country=study_country or profile.study_country or None,
        last_semester_ends_on=profile.last_semester_ends_on,
        occupational_injury=profile.occupational_injury,
    )


def _nok_amount(line: models.ExpenseLine) -> Decimal | None:
    """The line's amount in NOK: a student's own figure gives way to Norges Bank's rate once
    the rate of the day is stored (docs/decisions.md, D7)."""
    if not line.nok_from_student:
        return line.nok_amount
    # Imported here: the currency app writes its audit entries through the claims' services.
    from refusjon.currency.services import NoExchangeRate, to_nok

    try:
        return to_nok(line.amount, line.currency, line.paid_on or line.service_on).nok_amount
    except NoExchangeRate:
        return line.nok_amount


def _line(line: models.ExpenseLine) -> rules.ExpenseLine:
    trip = None
    if line.trip_distance_km is not None:
        trip = rules.Trip(
            line.trip_distance_km, line.trip_min_public_fare_nok or ZERO, line.trip_companion
        )
    return rules.ExpenseLine(
        line_id=str(line.number),
        category=line.category,
        service_on=line.service_on,
        paid_on=line.paid_on or line.service_on,
        amount=line.amount,
        currency=line.currency,
        nok_amount=_nok_amount(line),
        public_user_fee=line.public_user_fee,
        itemized_receipt=line.itemized_receipt,
        referral=line.referral,
        country=line.country,
        trip=trip,
        medical_statement=line.medical_statement,
    )


def _document(attachment: models.Attachment) -> rules.Document:
    return rules.Document(
        attachment.document_type, attachment.shows_applicant_name, attachment.language
    )


def key_text(key: Key) -> str:
    """A running-total or expense key as stable text, for storing in the database."""
    return json.dumps([_part(part) for part in key], separators=(",", ":"))


def _part(part: Hashable) -> Any:
    if isinstance(part, Decimal):
        return str(round_ore(part))
    if isinstance(part, date):
        return part.isoformat()
    return part


def effects_to_json(effects: Effects | None) -> dict[str, Any]:
    if effects is None:
        return {}
    return {
        "totals": {key_text(key): str(amount) for key, amount in effects.totals.items()},
        "expenses": [key_text(key) for key in effects.expenses],
    }


class DatabaseHistory:
    """A person's history as the engine needs it, from the decisions of their other claims."""

    def __init__(self, decisions: Iterable[dict[str, Any]], returned: Iterable[str]) -> None:
        self._totals: dict[str, Decimal] = {}
        self._expenses: set[str] = set()
        for effects in decisions:
            for key, amount in effects.get("totals", {}).items():
                self._totals[key] = self._totals.get(key, ZERO) + Decimal(amount)
            self._expenses.update(effects.get("expenses", []))
        self._returned = set(returned)

    @classmethod
    def for_claim(cls, claim: models.Claim) -> DatabaseHistory:
        """The decided claims of the same student, other than this one; of a claim decided
        again on appeal, only the decision that stands."""
        decided = models.Assessment.objects.filter(
            kind=models.AssessmentKind.DECISION,
            superseded_by__isnull=True,
            claim__applicant=claim.applicant,
            claim__status__in=[
                models.ClaimStatus.DECIDED,
                models.ClaimStatus.PAID,
                models.ClaimStatus.APPEALED,
            ],
        ).exclude(claim=claim)
        returned = models.Claim.objects.filter(applicant=claim.applicant, was_returned=True)
        return cls(
            decided.values_list("effects", flat=True),
            returned.values_list("reference", flat=True),
        )

    def total(self, person_id: str, key: Key) -> Decimal:
        return self._totals.get(key_text(key), ZERO)

    def has_expense(self, person_id: str, key: Key) -> bool:
        return key_text(key) in self._expenses

    def was_returned(self, person_id: str, claim_id: str) -> bool:
        return claim_id in self._returned


def period_kinds(scheme: str) -> frozenset[str]:
    """The kinds of period a claim under ``scheme`` may cover ("calendar_year", "semester",
    "study_year"), as its file says."""
    return frozenset(language.builtin()[scheme].period.kinds)


def period_on(scheme: str, day: date) -> rules.Period:
    """The period a claim under ``scheme`` would cover on ``day``: its semester if the scheme
    takes semesters, else its calendar year, else its study year (from 1 July)."""
    kinds = period_kinds(scheme)
    if "semester" in kinds:
        return rules.Period(day.year, "spring" if day.month <= 6 else "fall")
    if "calendar_year" in kinds:
        return rules.Period(day.year, None)
    return rules.Period(day.year if day.month >= 7 else day.year - 1, None, study_year=True)


ELIGIBILITY_CODES = frozenset(
    {
        "not-covered-institution",
        "semester-fee-not-paid",
        "not-registered-student",
        "not-nis-member",
        "not-full-time-student",
        "study-country-in-eea",
        "spouse-not-covered",
    }
)


def eligibility_reasons(profile: models.StudentProfile, scheme: str, on: date) -> list[str]:
    """Why the student could not use ``scheme`` on ``on`` (nothing if they can): the engine's
    claim-level eligibility codes for a hypothetical claim of the period that day (a semester,
    or the calendar or study year where the scheme takes no semesters), with one placeholder
    line and every document, against an empty history."""
    # A student who names no country of study studies in Norway.
    applicant = _applicant(profile, study_country=profile.study_country or "NO")
    placeholder = rules.ExpenseLine(
        line_id="1", category="gp", service_on=on, paid_on=on, amount=ZERO, public_user_fee=True
    )
    claim = rules.Claim(
        claim_id="eligibility",
        scheme=rules.Scheme(scheme),
        submitted_on=on,
        period=period_on(scheme, on),
        applicant=applicant,
        expenses=(placeholder,),
        documents=tuple(rules.Document(kind, True, "en") for kind in sorted(rules.DOCUMENT_TYPES)),
    )
    scheme_rules, params = rules_for(scheme, claim.period)
    decision = assess(claim, DatabaseHistory([], []), params, scheme_rules).decision
    if decision.outcome is rules.ClaimOutcome.INVALID:
        raise ValueError(f"eligibility for {scheme} on {on}: {'; '.join(decision.errors)}")
    return [code for code in decision.reasons if code in ELIGIBILITY_CODES]

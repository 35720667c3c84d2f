"""The interpreter of the scheme language: the rules of a scheme written as a file
(:mod:`refusjon.rules.schemes.language`), in the order of the checks, by the common rules of
the further schemes (schemes.md, "The further schemes: common rules").

Every figure of a file is a dated parameter named ``<scheme>.<figure>``
(:func:`figure_parameters`), so it is cited, dated and sourced in the explanation as any
other, and a claim that needs one with no value in force is invalid.

A step the file gives to named hooks (``hooks:``) is taken by them, in the file's order,
instead of the language's block (:mod:`refusjon.rules.schemes.hooks`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any, cast

from refusjon.rules import reasons
from refusjon.rules.context import Context, Key, LineWork
from refusjon.rules.model import Claim, LineOutcome, Scheme, age_on
from refusjon.rules.money import ZERO, round_ore, share_between
from refusjon.rules.parameters import Parameters, ParameterValue
from refusjon.rules.schemes.base import (
    SchemeRules,
    check_expense_age,
    check_period,
    check_student,
    user_fee_overview_codes,
)
from refusjon.rules.schemes.hooks import registry
from refusjon.rules.schemes.language import Cap, SchemeDefinition, Span
from refusjon.rules.sources import PUBLIC_NOTE

LIMIT = "common.exemption_card_limit"
PERIOD_KINDS = {
    "calendar_year": "a calendar year",
    "semester": "a semester",
    "study_year": "a study year",
}


def figure_parameters(definition: SchemeDefinition) -> dict[str, list[ParameterValue]]:
    """The file's figures as dated parameters ``<scheme>.<figure>``, each value's source the
    notes of the sources it names (:func:`source_note`)."""
    series: dict[str, list[ParameterValue]] = {}
    for figure in definition.figures.values():
        name = f"{definition.scheme}.{figure.name}"
        label = {"en": figure.label.en, "nb": figure.label.nb}
        series[name] = [
            ParameterValue(
                name=name,
                value=value.value,
                valid_from=value.starts,
                source="; ".join(source_note(definition, source) for source in value.source),
                assumed=bool(value.assumed),
                label=label,
                unit=figure.unit,
                dated=figure.dated,
            )
            for value in figure.values
        ]
    return series


def source_note(definition: SchemeDefinition, source: str) -> str:
    """A source of the file as the rule keepers' note: the file's own ``note``, verbatim
    (:func:`refusjon.rules.sources.citation` finds the public pages it names), else a note
    that is itself the public citation ("[pub] «title», address")."""
    page = definition.sources[source]
    return page.note or f"{PUBLIC_NOTE}«{page.title}», {page.address}"


class DataRules(SchemeRules):
    """A scheme decided from its file."""

    def __init__(self, definition: SchemeDefinition) -> None:
        self.definition = definition
        self.scheme = Scheme(definition.scheme)
        self._notes = {source: source_note(definition, source) for source in definition.sources}
        cited_as = definition.cited_as or (next(iter(definition.sources)),)
        self.source = "; ".join(self._notes[source] for source in cited_as)
        coverage = definition.coverage
        self._overview = coverage.overview | coverage.overview_and_receipt
        self._receipt = coverage.receipt | coverage.overview_and_receipt
        self._pots = {pot.name: pot for pot in definition.pots}
        self.documents = definition.documents.offered or self._documents_asked_for()
        self._aged = any(rule.under_age for rule in definition.who.patients)
        hooks = definition.hooks or {}
        self._validate_hooks = [registry.VALIDATE[name] for name in hooks.get("validate", ())]
        categories = hooks.get("categories", ())
        self._categories_hook = registry.CATEGORIES[categories[0]] if categories else None
        # A step taken by hooks calls them straight from the engine, not through the step's
        # method (which would only loop over them): each step runs once for every line of a
        # batch, and a call less each time is worth having (make bench).
        if hooks.get("claim"):
            claim = [registry.CLAIM[name] for name in hooks["claim"]]
            self.claim_codes = _joined(self, claim)  # type: ignore[method-assign]
        if hooks.get("documents"):
            documents = [registry.DOCUMENTS[name] for name in hooks["documents"]]
            self.document_codes = _joined(self, documents)  # type: ignore[method-assign]
        if hooks.get("lines"):
            lines = [registry.LINES[name] for name in hooks["lines"]]
            self.line_codes = _until_one_ends(self, lines)  # type: ignore[method-assign,assignment]
        if hooks.get("price"):
            price = [registry.PRICE[name] for name in hooks["price"]]
            self.price = _until_one_ends(self, price)  # type: ignore[method-assign,assignment]

    def _documents_asked_for(self) -> tuple[str, ...]:
        documents = self.definition.documents
        required = [item.type for item in documents.required]
        offered = ["user_fee_overview"] if documents.overview != "never" else []
        offered += ["receipt"] if self._receipt else []
        return tuple(dict.fromkeys([*offered, *required]))

    def note(self, source: str) -> str:
        """The note of one of the file's sources (:func:`source_note`), by its id."""
        return self._notes[source]

    def _name(self, figure: str) -> str:
        return f"{self.definition.scheme}.{figure}"

    def categories(self, params: Parameters, day: date) -> frozenset[str]:
        if self._categories_hook is not None:
            return self._categories_hook(self, params, day)
        coverage = self.definition.coverage
        return coverage.refunded | coverage.referred

    def validate(self, claim: Claim) -> list[str]:
        errors = self._validated(claim)
        for hook in self._validate_hooks:
            errors.extend(hook(self, claim))
        return errors

    def _validated(self, claim: Claim) -> list[str]:
        errors = []
        kinds = self.definition.period.kinds
        if len(kinds) < len(PERIOD_KINDS) and claim.period.kind not in kinds:
            taken = " or ".join(PERIOD_KINDS[kind] for kind in sorted(kinds))
            errors.append(f"period: {self.definition.scheme} takes {taken}")
        if self._aged and claim.patient.relation == "child" and claim.patient.birth_date is None:
            errors.append(f"patient.birth_date: {self.definition.scheme} covers a child by age")
        return errors

    # Step 1 -------------------------------------------------------------------------------

    def claim_codes(self, ctx: Context) -> list[str]:
        self._figures_in_force(ctx)
        codes = check_student(ctx, self.source)
        claim, who = ctx.claim, self.definition.who
        institution = claim.applicant.institution
        covered = institution in who.institutions
        ctx.explain("data.covered", self.source, institution=institution or "", covered=covered)
        if not covered:
            codes.append(reasons.NOT_COVERED_INSTITUTION)
        codes.extend(self._patient_codes(ctx))
        if who.min_ects_per_year and claim.applicant.ects_per_year is not None:
            least = ctx.cite(self._name(who.min_ects_per_year), claim.period.start)
            enough = claim.applicant.ects_per_year >= least
            ctx.explain(
                "data.study_load", ects=claim.applicant.ects_per_year, least=least, enough=enough
            )
            if not enough:
                codes.append(reasons.INSUFFICIENT_STUDY_LOAD)
        codes.extend(self._deadline_codes(ctx))
        return codes

    def _figures_in_force(self, ctx: Context) -> None:
        """Every figure a claim can need, looked up before any check: one with no value in
        force makes the claim invalid (ParameterMissing), whatever else it shows."""
        period = ctx.claim.period
        for name in self.definition.figures:
            ctx.param(self._name(name), period.start)
        for year in range(period.start.year, period.end.year + 1):
            ctx.param(LIMIT, date(year, 1, 1))

    def _patient_codes(self, ctx: Context) -> list[str]:
        patient = ctx.claim.patient
        if patient.relation == "self":
            return []
        ctx.explain("data.patient", self.source, relation=patient.relation)
        if patient.relation == "spouse":
            return [reasons.SPOUSE_NOT_COVERED]
        rule = next((r for r in self.definition.who.patients if r.relation == "child"), None)
        if rule is None:
            return [reasons.PATIENT_NOT_COVERED]
        born = patient.birth_date  # given where the rule has an age (validate)
        too_old = (
            rule.under_age is not None
            and born is not None
            and age_on(born, ctx.claim.period.start) >= rule.under_age
        )
        return [reasons.PATIENT_NOT_COVERED] if too_old else []

    def _deadline_codes(self, ctx: Context) -> list[str]:
        claim, deadline = ctx.claim, self.definition.deadline
        year, submitted = claim.period.year, claim.submitted_on
        if deadline.window is not None:
            opens = deadline.window.opens.for_year(year)
            closes = deadline.window.closes.for_year(year)
            ctx.explain("data.window", self.source, opens=opens, closes=closes, submitted=submitted)
            if submitted < opens:
                return [reasons.OUTSIDE_APPLICATION_WINDOW]
            return [] if submitted <= closes else [reasons.DEADLINE_PASSED]
        kind = claim.period.semester or claim.period.kind
        last = (deadline.by or {}).get(kind)
        if last is None:
            return []
        due = last.for_year(year)
        in_time = submitted <= due
        ctx.explain("claim.deadline", self.source, due=due, submitted=submitted, in_time=in_time)
        return [] if in_time else [reasons.DEADLINE_PASSED]

    def document_codes(self, ctx: Context, works: Sequence[LineWork]) -> list[str]:
        claim, documents = ctx.claim, self.definition.documents
        codes: list[str] = []
        if documents.overview == "always" or (
            documents.overview == "with_an_overview_line"
            and any(
                work.line.category in self._overview and work.line.public_user_fee for work in works
            )
        ):
            codes.extend(user_fee_overview_codes(ctx, self.source))
        if not documents.required:
            return codes
        present = {document.type for document in claim.documents}
        categories = {work.line.category for work in works}
        for required in documents.required:
            needed = not required.with_category or bool(required.with_category & categories)
            if needed and required.type not in present:
                ctx.explain(
                    "claim.missing_document", self.source, document=required.type, named=False
                )
                codes.append(reasons.missing_document(required.type))
        return codes

    # Step 2 -------------------------------------------------------------------------------

    def line_codes(self, ctx: Context, work: LineWork) -> None:
        self._time_codes(ctx, work)
        line, coverage = work.line, self.definition.coverage
        category = line.category
        covered = category in coverage.refunded or category in coverage.referred
        if not covered or self._excluded_by_age(ctx, work):
            work.reject(reasons.EXCLUDED_CATEGORY)
            ctx.explain("line.excluded", self.source, line=line)
            return
        failed = False
        if coverage.norway_only and line.country != "NO":
            work.reject(reasons.OUTSIDE_NORWAY)
            ctx.explain("data.outside_norway", self.source, line=line)
            failed = True
        if category in self._overview and not line.public_user_fee:
            work.reject(reasons.NOT_PUBLIC_USER_FEE)
            ctx.explain("line.not_public_user_fee", self.source, line=line)
            failed = True
        if not failed and category in self._receipt and not line.itemized_receipt:
            work.reject(reasons.missing_document("receipt"))
            ctx.explain("line.missing_receipt", self.source, line=line)
        work.pot = None if category in coverage.referred else self._pot_name(category)

    def _time_codes(self, ctx: Context, work: LineWork) -> None:
        check_period(ctx, work, self.source)
        line, period = work.line, ctx.claim.period
        teaching = self.definition.period.teaching
        if teaching is not None and line.service_on in period and period.semester:
            term = teaching.spring if period.semester == "spring" else teaching.fall
            start, end = _days(term, period.year)
            if not start <= line.service_on <= end and line.category not in teaching.outside_only:
                work.reject(reasons.OUTSIDE_PERIOD)
                ctx.explain("data.outside_teaching", self.source, line=line, start=start, end=end)
        months_figure = self.definition.deadline.line_age_months
        if months_figure:
            months = ctx.cite(self._name(months_figure), period.start)
            check_expense_age(ctx, work, int(months), self.source)

    def _excluded_by_age(self, ctx: Context, work: LineWork) -> bool:
        birth = ctx.claim.patient_birth_date
        return any(
            exclusion.category == work.line.category
            and age_on(birth, work.line.service_on) < exclusion.under_age
            for exclusion in self.definition.coverage.exclusions
        )

    def _pot_name(self, category: str) -> str | None:
        pot = self.definition.pot_of(category)
        return pot.name if pot is not None else None

    # Step 3 -------------------------------------------------------------------------------

    def price(self, ctx: Context, work: LineWork) -> None:
        line = work.line
        if work.pot is None:
            work.refer(reasons.MANUAL_ASSESSMENT)
            ctx.explain("line.referred", self.source, line=line)
            return
        definition, claim = self.definition, ctx.claim
        pot = self._pots[work.pot]
        patient = claim.patient_key
        work.eligible = line.nok
        base = self._below_the_limit(ctx, work)
        deductible = self._deductible(ctx, pot.deductible)
        pot_key = (definition.scheme, "pot", pot.name, patient, self._deductible_period(ctx))
        before = ctx.total(pot_key)
        refundable = share_between(before, base, deductible)
        if base > 0 and before < deductible:
            work.notes.append(reasons.WITHIN_THRESHOLD)
        ctx.add(pot_key, base)
        share = ctx.cite(self._name(pot.share), claim.period.start)
        computed = round_ore(refundable * share)
        refund = computed
        caps = [(cap, pot.name) for cap in (pot.cap,) if cap is not None]
        caps += [(definition.cap, "*")] if definition.cap is not None else []
        keys: list[Key] = []
        for cap, owner in caps:
            most, key = self._cap(ctx, cap, owner)
            if most is None:
                continue
            refund = min(refund, max(ZERO, most - ctx.total(key)))
            keys.append(key)
        for key in keys:
            ctx.add(key, refund)
        if refund < computed:
            work.notes.append(reasons.CAP_REACHED)
        work.computed, work.refund = computed, refund
        ctx.explain(
            "data.line",
            self.source,
            line=line,
            before=before,
            deductible=deductible,
            base=base,
            share=share,
            computed=computed,
            refund=refund,
        )

    def _below_the_limit(self, ctx: Context, work: LineWork) -> Decimal:
        """An overview line's part below the exemption card limit on the running total of the
        scheme's overview lines of the patient in the line's service year (its whole amount
        added to it); any other line's whole amount."""
        line = work.line
        if line.category not in self._overview:
            return line.nok
        year = line.service_on.year
        limit = Decimal(ctx.cite(LIMIT, date(year, 1, 1)))
        key = (self.definition.scheme, "limit", ctx.claim.patient_key, year)
        before = ctx.total(key)
        ctx.add(key, line.nok)
        base = share_between(before, line.nok, ZERO, limit)
        if base < line.nok:
            work.notes.append(reasons.ABOVE_EXEMPTION_CARD_LIMIT)
        return base

    def _deductible(self, ctx: Context, name: str) -> Decimal:
        if not name:
            return ZERO
        figure = self.definition.figures[name]
        day = self._deductible_day(ctx)
        value = Decimal(ctx.cite(self._name(name), day))
        if figure.of == "exemption_card_limit":
            limit = Decimal(ctx.cite(LIMIT, date(ctx.claim.period.year, 1, 1)))
            return round_ore(value * limit)
        return value

    def _deductible_day(self, ctx: Context) -> date:
        period = ctx.claim.period
        if self.definition.period.deductible_over == "calendar_year":
            return date(period.year, 1, 1)
        return period.start

    def _deductible_period(self, ctx: Context) -> Hashable:
        period = ctx.claim.period
        if self.definition.period.deductible_over == "calendar_year":
            return ("year", period.year)
        return str(period)

    def _cap(self, ctx: Context, cap: Cap, owner: str) -> tuple[Decimal | None, Key]:
        period = ctx.claim.period
        span: tuple[Hashable, ...]
        if cap.per == "calendar_year":
            day, span = date(period.year, 1, 1), ("year", period.year)
        else:
            day, span = period.start, (str(period),)
        most: Decimal | None = ctx.cite(self._name(cap.figure), day)
        key = (self.definition.scheme, "cap", owner, ctx.claim.patient_key, *span)
        return most, key

    def settle(self, ctx: Context, works: Sequence[LineWork]) -> list[str] | None:
        """The smallest payout: a claim whose computed refunds (before the caps) come to less
        pays nothing, changes no running total and records no duplicates."""
        name = self.definition.minimum_payout
        if not name:
            return None
        accepted = [work for work in works if work.outcome is LineOutcome.ACCEPTED]
        computed = sum((work.computed for work in accepted), ZERO)
        least = ctx.cite(self._name(name), ctx.claim.period.start)
        if computed >= least:
            return None
        ctx.explain("data.minimum", self.source, computed=computed, minimum=least)
        for work in accepted:
            work.refund = ZERO
        ctx.deltas.clear()
        ctx.records = False
        return [reasons.BELOW_MINIMUM_PAYOUT] if computed > 0 else None


def _joined(
    scheme: DataRules, hooks: Sequence[Callable[..., list[str]]]
) -> Callable[..., list[str]]:
    """A step of claim-level hooks: the reasons of each, in the file's order."""
    if len(hooks) == 1:
        return partial(hooks[0], scheme)

    def step(*args: Any) -> list[str]:
        return [code for hook in hooks for code in hook(scheme, *args)]

    return step


def _until_one_ends(
    scheme: DataRules, hooks: Sequence[Callable[..., bool]]
) -> Callable[[Context, LineWork], None]:
    """A step of line hooks: each in the file's order, until one says the step ends."""
    if len(hooks) == 1:  # what it returns is for the loop below: the engine asks nothing
        return cast("Callable[[Context, LineWork], None]", partial(hooks[0], scheme))

    def step(ctx: Context, work: LineWork) -> None:
        for hook in hooks:
            if hook(scheme, ctx, work):
                return

    return step


def _days(span: Span, year: int) -> tuple[date, date]:
    return date(year, *span.start), date(year, *span.end)


def rules_of(definitions: Iterable[SchemeDefinition]) -> dict[Scheme, DataRules]:
    return {Scheme(definition.scheme): DataRules(definition) for definition in definitions}

"""How a scheme works, in plain words a student reads: who it covers, what it refunds, the
amounts, the documents, the deadline and where it is written.

A scheme written in the language's blocks (:mod:`refusjon.rules.schemes.language`) is
explained from its file, the same way for every one; a scheme decided by named hooks (SiO,
SSN, Helfo abroad) from a short text and its parameters. Amounts are those in force for the
period a claim made today would cover, the administrators' dated values included. No code,
parameter name or internal source note reaches the page: categories and documents are the
rules' plain words, sources their public title and address, and a figure no source fixes is
said to be assumed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from refusjon.claims import adapter
from refusjon.rules.model import Period
from refusjon.rules.parameters import Deadline, Parameters, ParameterValue
from refusjon.rules.schemes import SchemeRules
from refusjon.rules.schemes.language import Cap, SchemeDefinition
from refusjon.rules.sources import public_sources
from refusjon.rules.terms import CATEGORIES, DOCUMENTS, INSTITUTIONS, SCHEMES, term

# A figure whose value has held this many years or more is said to be old: the organisation
# may have changed it without the rules knowing.
OLD_AFTER_YEARS = 5


@dataclass(frozen=True)
class Fact:
    """One thing the page says, with what a reader should know about how sure it is."""

    text: str
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Two figures of one sentence (a deductible and a share) may have the same note.
        object.__setattr__(self, "notes", tuple(dict.fromkeys(self.notes)))


@dataclass(frozen=True)
class Section:
    heading: str
    facts: list[Fact] = field(default_factory=list)


@dataclass(frozen=True)
class Source:
    title: str
    address: str
    note: str = ""

    @property
    def url(self) -> str:
        return self.address if "://" in self.address else f"https://{self.address}"


@dataclass(frozen=True)
class Guide:
    scheme: str
    name: str
    period: str
    """The period whose amounts are shown, in words ("the study year 2026–2027")."""
    summary: str
    sections: list[Section]
    sources: list[Source]


def guide(scheme: str, *, today: date, lang: str) -> Guide:
    """How ``scheme`` works, with the amounts of the period a claim made ``today`` covers."""
    period = adapter.period_on(scheme, today)
    scheme_rules, params = adapter.rules_for(scheme, period)  # the version in force then
    words = _Words(lang, params, period, today)
    definition = adapter.definition_for(scheme, period)
    if not definition.hooks:
        return _from_file(definition, words)
    return _from_rules(scheme, scheme_rules, words)  # hooks decide it: the blocks do not say all


class _Words:
    """Amounts, days and lists in the reader's language, and the notes on a figure."""

    def __init__(self, lang: str, params: Parameters, period: Period, today: date) -> None:
        self.lang = lang
        self.params = params
        self.period = period
        self.today = today

    def money(self, amount: Decimal) -> str:
        text = adapter.money_words(amount, self.lang)
        return text.removesuffix(",00").removesuffix(".00")

    def percent(self, share: Decimal) -> str:
        number = f"{(share * 100).normalize():f}"
        return f"{number.replace('.', ',')} %" if self.lang == "nb" else f"{number}%"

    def day_of_year(self, month: int, day: int) -> str:
        return formats.date_format(date(2024, month, day), "MONTH_DAY_FORMAT")

    def listed(self, items: Iterable[str]) -> str:
        items = list(items)
        if len(items) < 2:
            return "".join(items)
        return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}

    def categories(self, codes: Iterable[str]) -> str:
        return self.listed(
            sorted((term(CATEGORIES, code, self.lang) for code in codes), key=str.lower)
        )

    def figure(self, name: str) -> ParameterValue:
        return self.params.at(name, self.period.start)

    def notes(self, value: ParameterValue) -> tuple[str, ...]:
        """What a reader should know of a figure: that no source fixes it, that it is old."""
        notes = []
        if value.assumed:
            notes.append(
                _(
                    "This figure is assumed: the source does not state it exactly, or not from "
                    "when it applies."
                )
            )
        if value.valid_from.year <= self.today.year - OLD_AFTER_YEARS:
            notes.append(
                _(
                    "The source of this figure is from %(year)s: the organisation may have "
                    "changed it since."
                )
                % {"year": value.valid_from.year}
            )
        return tuple(notes)

    def deadline(self, deadline: Deadline) -> str:
        day = self.day_of_year(deadline.month, deadline.day)
        if deadline.years_after == 0:
            return _("%(day)s the same year") % {"day": day}
        return ngettext(
            "%(day)s the year after", "%(day)s %(years)d years after", deadline.years_after
        ) % {"day": day, "years": deadline.years_after}


# Scheme files ----------------------------------------------------------------------------


def _from_file(definition: SchemeDefinition, words: _Words) -> Guide:
    name = definition.name.nb if words.lang == "nb" else definition.name.en
    return Guide(
        scheme=definition.scheme,
        name=name,
        period=adapter.period_words(str(words.period), words.lang),
        summary=_("What %(scheme)s refunds, for whom, and how to apply.") % {"scheme": name},
        sections=[
            Section(_("Who is covered"), _who(definition, words)),
            Section(_("What is refunded"), _coverage(definition, words)),
            Section(_("How much you get back"), _amounts(definition, words)),
            Section(_("Documents to send"), _documents(definition, words)),
            Section(_("When to apply"), _deadline(definition, words)),
        ],
        sources=[Source(source.title, source.address) for source in definition.sources.values()],
    )


PERIOD_KINDS = {
    "calendar_year": lambda: _("a calendar year"),
    "semester": lambda: _("a semester (spring or autumn)"),
    "study_year": lambda: _("a study year (1 July to 30 June)"),
}


def _who(definition: SchemeDefinition, words: _Words) -> list[Fact]:
    who = definition.who
    places = words.listed(sorted(term(INSTITUTIONS, code, words.lang) for code in who.institutions))
    assumed = (
        (
            _(
                "The source does not name the places of study: this list is our reading of "
                "it. If yours is missing, ask the organisation."
            ),
        )
        if who.institutions_assumed
        else ()
    )
    facts = [
        Fact(
            _("Students at %(places)s who have paid the semester fee and are registered students.")
            % {"places": places},
            assumed,
        )
    ]
    child = next((rule for rule in who.patients if rule.relation == "child"), None)
    if child is None:
        facts.append(Fact(_("It covers your own expenses, not your children's or spouse's.")))
    elif child.under_age:
        facts.append(
            Fact(
                _("It covers your own expenses and your children's under %(age)d, not a spouse's.")
                % {"age": child.under_age}
            )
        )
    else:
        facts.append(Fact(_("It covers your own expenses and your children's, not a spouse's.")))
    if who.min_ects_per_year:
        value = words.figure(f"{definition.scheme}.{who.min_ects_per_year}")
        facts.append(
            Fact(
                _("You must take at least %(credits)s credits in the study year.")
                % {"credits": value.value},
                words.notes(value),
            )
        )
    kinds = [PERIOD_KINDS[kind]() for kind in sorted(definition.period.kinds)]
    facts.append(Fact(_("You apply for %(kinds)s.") % {"kinds": " / ".join(kinds)}))
    return facts


def _coverage(definition: SchemeDefinition, words: _Words) -> list[Fact]:
    coverage = definition.coverage
    facts = []
    kinds = [
        (
            coverage.overview,
            _("User fees shown on your user-fee overview from helsenorge.no: %(categories)s."),
        ),
        (coverage.receipt, _("With itemised receipts: %(categories)s.")),
        (
            coverage.overview_and_receipt,
            _("With the user-fee overview or itemised receipts: %(categories)s."),
        ),
        (
            coverage.referred,
            _("A caseworker assesses each expense for %(categories)s."),
        ),
    ]
    for codes, text in kinds:
        if codes:
            facts.append(Fact(text % {"categories": words.categories(codes)}))
    for exclusion in coverage.exclusions:
        notes = (_("This limit is our reading of the source."),) if exclusion.assumed else ()
        facts.append(
            Fact(
                _("Not covered for patients under %(age)d: %(category)s.")
                % {
                    "age": exclusion.under_age,
                    "category": term(CATEGORIES, exclusion.category, words.lang),
                },
                notes,
            )
        )
    if coverage.norway_only:
        facts.append(Fact(_("Only treatment in Norway is covered.")))
    teaching = definition.period.teaching
    if teaching is not None:
        facts.append(
            Fact(
                _(
                    "Outside the teaching terms (spring %(spring_from)s–%(spring_to)s, autumn "
                    "%(fall_from)s–%(fall_to)s) only %(categories)s is covered."
                )
                % {
                    "spring_from": words.day_of_year(*teaching.spring.start),
                    "spring_to": words.day_of_year(*teaching.spring.end),
                    "fall_from": words.day_of_year(*teaching.fall.start),
                    "fall_to": words.day_of_year(*teaching.fall.end),
                    "categories": words.categories(teaching.outside_only),
                }
            )
        )
    facts.append(Fact(_("Anything else is not refunded by this scheme.")))
    return facts


def _amounts(definition: SchemeDefinition, words: _Words) -> list[Fact]:
    scheme = definition.scheme
    facts = []
    several = len(definition.pots) > 1
    for pot in definition.pots:
        share = words.figure(f"{scheme}.{pot.share}")
        prefix = (
            _("For %(categories)s: ") % {"categories": words.categories(pot.categories)}
            if several
            else ""
        )
        notes = words.notes(share)
        if pot.deductible:
            deductible = words.figure(f"{scheme}.{pot.deductible}")
            notes = (*words.notes(deductible), *notes)
            paid_yourself = _deductible_words(deductible, words)
            if deductible.value == 0:
                text = _("%(share)s of what you paid is refunded, with no deductible.")
            else:
                text = _(
                    "you pay the first %(deductible)s yourself (the deductible); of what you "
                    "paid above it, %(share)s is refunded."
                )
            sentence = text % {"deductible": paid_yourself, "share": words.percent(share.value)}
        else:
            sentence = _("%(share)s of what you paid is refunded.") % {
                "share": words.percent(share.value)
            }
        facts.append(Fact(prefix + _capitalised(sentence, not several), notes))
        if pot.cap is not None:
            facts.append(_cap_fact(scheme, pot.cap, words, prefix=prefix))
    if definition.period.deductible_over == "calendar_year":
        facts.append(
            Fact(_("The deductible is counted over the calendar year: spring and autumn share it."))
        )
    if definition.cap is not None:
        facts.append(_cap_fact(scheme, definition.cap, words))
    if definition.minimum_payout:
        smallest = words.figure(f"{scheme}.{definition.minimum_payout}")
        facts.append(
            Fact(
                _(
                    "A refund below %(amount)s is not paid out; you can claim the expenses "
                    "again with later ones."
                )
                % {"amount": words.money(smallest.value)},
                words.notes(smallest),
            )
        )
    facts.append(
        Fact(
            _("The amounts are those for %(period)s.")
            % {"period": adapter.period_words(str(words.period), words.lang)}
        )
    )
    return facts


def _capitalised(text: str, first: bool) -> str:
    return text[:1].upper() + text[1:] if first else text


def _deductible_words(value: ParameterValue, words: _Words) -> str:
    """A deductible in NOK, or a fraction of the exemption card limit with that year's
    amount."""
    if value.unit != "fraction":
        return words.money(value.value)
    limit = words.params.value("common.exemption_card_limit", date(words.period.start.year, 1, 1))
    return _("%(share)s of the exemption card limit (%(amount)s)") % {
        "share": words.percent(value.value),
        "amount": words.money(round(value.value * limit, 2)),
    }


def _cap_fact(scheme: str, cap: Cap, words: _Words, *, prefix: str = "") -> Fact:
    value = words.figure(f"{scheme}.{cap.figure}")
    if value.value is None:
        return Fact(prefix + _("there is no upper limit."))
    per = _("per calendar year") if cap.per == "calendar_year" else _("per period applied for")
    text = _("the scheme pays at most %(amount)s %(per)s.") % {
        "amount": words.money(value.value),
        "per": per,
    }
    return Fact(prefix + _capitalised(text, not prefix), words.notes(value))


def _documents(definition: SchemeDefinition, words: _Words) -> list[Fact]:
    documents = definition.documents
    facts = []
    overview = term(DOCUMENTS, "user_fee_overview", words.lang)
    if documents.overview == "always":
        facts.append(Fact(_capitalised(overview, True) + "."))
    elif documents.overview == "with_an_overview_line":
        facts.append(
            Fact(
                _("%(document)s, for the expenses it shows.")
                % {"document": _capitalised(overview, True)}
            )
        )
    receipts = definition.coverage.receipt | definition.coverage.overview_and_receipt
    if receipts:
        facts.append(
            Fact(
                _("Itemised receipts, for %(categories)s.")
                % {"categories": words.categories(receipts)}
            )
        )
    for required in documents.required:
        name = _capitalised(term(DOCUMENTS, required.type, words.lang), True)
        if required.with_category:
            facts.append(
                Fact(
                    _("%(document)s, with an expense for %(categories)s.")
                    % {"document": name, "categories": words.categories(required.with_category)}
                )
            )
        else:
            facts.append(Fact(name + "."))
    return facts


def _deadline(definition: SchemeDefinition, words: _Words) -> list[Fact]:
    deadline = definition.deadline
    facts = []
    if deadline.window is not None:
        facts.append(
            Fact(
                _(
                    "Applications are open from %(opens)s to %(closes)s, counted from the year "
                    "the period begins."
                )
                % {
                    "opens": words.deadline(deadline.window.opens),
                    "closes": words.deadline(deadline.window.closes),
                }
            )
        )
        facts.append(Fact(_deadline_example(definition, words)))
    kind_words = {
        "spring": lambda: _("A spring semester"),
        "fall": lambda: _("An autumn semester"),
        "calendar_year": lambda: _("A calendar year"),
        "study_year": lambda: _("A study year"),
    }
    for kind, last in (deadline.by or {}).items():
        facts.append(
            Fact(
                _("%(period)s: apply by %(day)s.")
                % {"period": kind_words[kind](), "day": words.deadline(last)}
            )
        )
    if deadline.line_age_months:
        months = words.figure(f"{definition.scheme}.{deadline.line_age_months}")
        facts.append(
            Fact(
                ngettext(
                    "Each expense must be claimed within %(months)d month of the treatment or "
                    "of paying it.",
                    "Each expense must be claimed within %(months)d months of the treatment or "
                    "of paying it.",
                    int(months.value),
                )
                % {"months": int(months.value)},
                words.notes(months),
            )
        )
    return facts


def _deadline_example(definition: SchemeDefinition, words: _Words) -> str:
    window = definition.deadline.window
    assert window is not None
    year = words.period.year
    return _("For %(period)s: from %(opens)s to %(closes)s.") % {
        "period": adapter.period_words(str(words.period), words.lang),
        "opens": formats.date_format(window.opens.for_year(year), "DATE_FORMAT"),
        "closes": formats.date_format(window.closes.for_year(year), "DATE_FORMAT"),
    }


# Schemes decided by named hooks ------------------------------------------------------------

SUMMARIES = {
    "sio": lambda: _(
        "SiO refunds user fees for health care above a yearly amount you pay yourself, to "
        "students with their regular GP at SiO and to students of some campuses SiO serves. "
        "You apply for a year or a semester, with the user-fee overview from helsenorge.no."
    ),
    "ssn": lambda: _(
        "SSN Helse refunds health expenses in three pots (user fees, dental care, other "
        "treatment), each with its own deductible, per semester, to students at the places of "
        "study SSN serves."
    ),
    "helfo_abroad": lambda: _(
        "Helfo refunds health expenses abroad to members of the National Insurance Scheme who "
        "study full time outside the EU/EEA, in full or in part by kind of treatment. Each "
        "expense must be claimed within the months after the treatment or payment shown below."
    ),
}

# The units of a parameter worth showing a student: amounts, shares and counts.
SHOWN_UNITS = frozenset({"NOK", "rate", "months", "deadline"})


def _from_rules(scheme: str, scheme_rules: SchemeRules, words: _Words) -> Guide:
    name = term(SCHEMES, scheme, words.lang)
    figures, sources = _parameters_of(scheme, words)
    categories = scheme_rules.categories(words.params, words.today)
    documents = [
        _capitalised(term(DOCUMENTS, code, words.lang), True) for code in scheme_rules.documents
    ]
    return Guide(
        scheme=scheme,
        name=name,
        period=adapter.period_words(str(words.period), words.lang),
        summary=SUMMARIES[scheme](),
        sections=[
            Section(
                _("What is refunded"),
                [Fact(_capitalised(words.categories(categories), True) + ".")],
            ),
            Section(_("Amounts and deadlines"), figures),
            Section(_("Documents you may send"), [Fact(text + ".") for text in documents]),
        ],
        sources=sources,
    )


def _parameters_of(scheme: str, words: _Words) -> tuple[list[Fact], list[Source]]:
    """The scheme's amounts, shares and deadlines in force, by their labels, and the public
    pages they come from."""
    facts: list[Fact] = []
    sources: dict[tuple[str, str], Source] = {}
    for name in words.params.names:
        if not name.startswith(f"{scheme}."):
            continue
        value = _in_force(words.params, name, words.period.start)
        if value is None or value.unit not in SHOWN_UNITS or value.value is None:
            continue
        label = value.label.get(words.lang) or value.label.get("en", "")
        facts.append(Fact(f"{label}: {_shown(value, words)}.", words.notes(value)))
        for page in public_sources(value.source):
            note = _("an older version") if page.older else ""
            sources.setdefault((page.title, page.address), Source(page.title, page.address, note))
    return facts, list(sources.values())


def _in_force(params: Parameters, name: str, day: date) -> ParameterValue | None:
    history = params.history(name)
    found = [value for value in history if value.valid_from <= day]
    return found[-1] if found else None


def _shown(value: ParameterValue, words: _Words) -> str:
    raw: Any = value.value
    if value.unit == "NOK":
        return words.money(raw)
    if value.unit == "rate":
        return words.percent(raw)
    if value.unit == "deadline":
        return words.deadline(raw)
    return ngettext("%(count)d month", "%(count)d months", int(raw)) % {"count": int(raw)}

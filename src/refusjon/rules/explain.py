"""Explanations in words: each :class:`~refusjon.rules.model.Step` rendered in English or
Norwegian bokmål, with the rule's source when asked for (``--explain``)."""

from __future__ import annotations

import string
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from refusjon.rules import sources, terms
from refusjon.rules.model import Claim, ExpenseLine, Period, Step
from refusjon.rules.money import ore_text
from refusjon.rules.parameters import Deadline, ParameterValue

Message = tuple[str, str]  # (English, bokmål)

MESSAGES: dict[str, Message | dict[Any, Message]] = {
    "claim.start": (
        "Claim {claim_id}: {scheme} for {period}, submitted {submitted}.",
        "Krav {claim_id}: {scheme} for {period}, sendt inn {submitted}.",
    ),
    "claim.student": {
        True: (
            "Semester fee paid and registered student: yes.",
            "Betalt semesteravgift og registrert student: ja.",
        ),
        False: (
            "Semester fee paid: {fee_paid}; registered student: {registered}.",
            "Betalt semesteravgift: {fee_paid}; registrert student: {registered}.",
        ),
    },
    "sio.covered": {
        "gp": ("You have a regular GP at SiO: covered.", "Du har fastlege i SiO: omfattet."),
        "campus": (
            "You study at {institution}, a campus SiO serves without a SiO GP: covered.",
            "Du studerer ved {institution}, et studiested SiO dekker uten fastlege i SiO: "
            "omfattet.",
        ),
        "no": (
            "No regular GP at SiO and {institution} is not a campus SiO serves: not covered.",
            "Ikke fastlege i SiO, og {institution} er ikke et studiested SiO dekker: "
            "ikke omfattet.",
        ),
    },
    "ssn.covered": {
        True: ("{institution} is covered by SSN.", "{institution} er omfattet av SSN."),
        False: ("{institution} is not covered by SSN.", "{institution} er ikke omfattet av SSN."),
    },
    "ssn.resubmission": (
        "This completes claim {of}, which was returned: the resubmission deadline applies.",
        "Dette fullfører krav {of}, som ble returnert: fristen for ny innsending gjelder.",
    ),
    "claim.deadline": {
        True: (
            "Deadline {due}; submitted {submitted}: in time.",
            "Frist {due}; sendt inn {submitted}: i tide.",
        ),
        False: (
            "Deadline {due}; submitted {submitted}: too late.",
            "Frist {due}; sendt inn {submitted}: for sent.",
        ),
    },
    "claim.missing_document": (
        "Missing document: {document}.",
        "Mangler dokument: {document}.",
    ),
    "helfo.eligibility": (
        "Member of the National Insurance Scheme: {nis_member}; full-time student abroad: "
        "{full_time}; country of study {country}, in the EU/EEA: {in_eea}; patient: {relation}.",
        "Medlem av folketrygden: {nis_member}; heltidsstudent i utlandet: {full_time}; "
        "studieland {country}, i EU/EØS: {in_eea}; pasient: {relation}.",
    ),
    "helfo.untranslated": (
        "Not in Norwegian, Danish, Swedish or English and no translation attached: {documents}.",
        "Ikke på norsk, dansk, svensk eller engelsk, og ingen oversettelse lagt ved: {documents}.",
    ),
    "helfo.power_of_attorney": {
        True: (
            "The child is {age} years old: a power of attorney is needed, and attached.",
            "Barnet er {age} år: fullmakt trengs, og er lagt ved.",
        ),
        False: (
            "The child is {age} years old: a power of attorney is needed, and missing.",
            "Barnet er {age} år: fullmakt trengs, og mangler.",
        ),
    },
    "line.outside_period": (
        "{line}: rejected, the date is outside the period {period}.",
        "{line}: avslått, datoen er utenfor perioden {period}.",
    ),
    "line.excluded": (
        "{line}: rejected, {category} is not covered by this scheme.",
        "{line}: avslått, {category} dekkes ikke av ordningen.",
    ),
    "line.not_public_user_fee": (
        "{line}: rejected, not a user fee under the public scheme.",
        "{line}: avslått, ikke en egenandel i den offentlige ordningen.",
    ),
    "line.missing_receipt": (
        "{line}: rejected, an itemised receipt is needed.",
        "{line}: avslått, spesifisert kvittering kreves.",
    ),
    "line.no_referral": (
        "{line}: rejected, a referral from a doctor is needed.",
        "{line}: avslått, henvisning fra lege kreves.",
    ),
    "line.referred": (
        "{line}: the sources do not fix the amount; a caseworker assesses it.",
        "{line}: kildene fastsetter ikke beløpet; en saksbehandler vurderer det.",
    ),
    "line.duplicate": (
        "{line}: rejected, the same expense was accepted in an earlier claim.",
        "{line}: avslått, den samme utgiften er godkjent i et tidligere krav.",
    ),
    "line.threshold": (
        "{line}: user fees this year {before} before it and {after} after it; the part above "
        "the threshold and below the limit is refunded: {refund}.",
        "{line}: egenandeler i år {before} før den og {after} etter den; delen over "
        "egenandelen og under taket refunderes: {refund}.",
    ),
    "ssn.line": (
        "{line}: pot for {pot}, {before} this year before it and {after} after it; the part "
        "above the deductible (and below any limit) is refunded: {refund}.",
        "{line}: pott for {pot}, {before} i år før den og {after} etter den; delen over "
        "egenandelen (og under et eventuelt tak) refunderes: {refund}.",
    ),
    "helfo.outside_coverage": (
        "{line}: rejected, rights abroad lasted until {until}.",
        "{line}: avslått, rettighetene i utlandet varte til {until}.",
    ),
    "line.late": (
        "{line}: rejected, the deadline for this expense was {due}.",
        "{line}: avslått, fristen for denne utgiften var {due}.",
    ),
    "helfo.no_medical_statement": (
        "{line}: rejected, medicines need a medical statement from the treatment provider.",
        "{line}: avslått, legemidler krever en erklæring fra behandleren.",
    ),
    "helfo.travel_too_short": (
        "{line}: rejected, {km} km is not longer than the minimum distance each way.",
        "{line}: avslått, {km} km er ikke lengre enn minsteavstanden hver vei.",
    ),
    "helfo.travel_below_fare": (
        "{line}: rejected, the standard cost {cost} is not more than the minimum fare {fare}.",
        "{line}: avslått, standardkostnaden {cost} er ikke høyere enn laveste takst {fare}.",
    ),
    "helfo.companion": (
        "{line}: rejected, a companion is covered only for a patient under 18, or when a "
        "doctor confirmed that a companion was necessary.",
        "{line}: avslått, ledsager dekkes bare for pasienter under 18 år, eller når en lege har "
        "bekreftet at ledsager var nødvendig.",
    ),
    "helfo.psychologist_referral": (
        "{line}: rejected, {seen} consultations this year already; after {free} a referral is "
        "needed.",
        "{line}: avslått, allerede {seen} konsultasjoner i år; etter {free} kreves henvisning.",
    ),
    "helfo.share": {
        True: (
            "{line}: {share} of the cost is {gross}, less user fee {fee}: {refund}.",
            "{line}: {share} av kostnaden er {gross}, minus egenandel {fee}: {refund}.",
        ),
        False: (
            "{line}: {share} of the cost: {refund}.",
            "{line}: {share} av kostnaden: {refund}.",
        ),
    },
    "helfo.chiropractor": {
        True: (
            "{line}: first chiropractor consultation this year, {rate}: {refund}.",
            "{line}: første kiropraktorkonsultasjon i år, {rate}: {refund}.",
        ),
        False: (
            "{line}: later chiropractor consultation this year, {rate}: {refund}.",
            "{line}: senere kiropraktorkonsultasjon i år, {rate}: {refund}.",
        ),
    },
    "helfo.travel_long": (
        "{line}: a trip of {km} km goes to a caseworker.",
        "{line}: en reise på {km} km vurderes av saksbehandler.",
    ),
    "helfo.travel": (
        "{line}: {km} km at {rate} per km is {cost}, less user fee {fee}: {refund}.",
        "{line}: {km} km à {rate} per km er {cost}, minus egenandel {fee}: {refund}.",
    ),
    "helfo.user_fee": (
        "{line}: user fee {fee} deducted; user fees this year {paid} of the limit {limit}.",
        "{line}: egenandel {fee} trukket; egenandeler i år {paid} av taket {limit}.",
    ),
    "data.covered": {
        True: (
            "{institution} is covered by this scheme.",
            "{institution} er omfattet av ordningen.",
        ),
        False: (
            "{institution} is not covered by this scheme.",
            "{institution} er ikke omfattet av ordningen.",
        ),
    },
    "data.study_load": {
        True: (
            "{ects} credits in the study year, at least {least}: enough.",
            "{ects} studiepoeng i studieåret, minst {least}: nok.",
        ),
        False: (
            "{ects} credits in the study year, fewer than {least}: not enough.",
            "{ects} studiepoeng i studieåret, færre enn {least}: ikke nok.",
        ),
    },
    "data.patient": ("The patient is {relation}.", "Pasienten er {relation}."),
    "data.window": (
        "Applications from {opens} to {closes}; submitted {submitted}.",
        "Søknader fra {opens} til {closes}; sendt inn {submitted}.",
    ),
    "data.outside_norway": (
        "{line}: rejected, only treatment in Norway is covered.",
        "{line}: avslått, bare behandling i Norge dekkes.",
    ),
    "data.outside_teaching": (
        "{line}: rejected, the date is outside the teaching term ({start} to {end}); only "
        "acute care counts then.",
        "{line}: avslått, datoen er utenfor undervisningsperioden ({start} til {end}); da "
        "dekkes bare akutt behandling.",
    ),
    "data.line": (
        "{line}: {base} counts, {before} before it against the deductible {deductible}; the part "
        "above it at {share} is {computed}; refunded: {refund}.",
        "{line}: {base} teller, {before} før den mot egenandelen {deductible}; delen over den "
        "med {share} er {computed}; refundert: {refund}.",
    ),
    "data.minimum": (
        "The refunds come to {computed}, under the smallest payout {minimum}: nothing is paid, "
        "and the expenses can be claimed again with later ones.",
        "Refusjonene blir {computed}, under minste utbetaling {minimum}: ingenting utbetales, "
        "og utgiftene kan tas med i en senere søknad.",
    ),
    "claim.not_priced": (
        "The claim is {outcome}, so no amounts are calculated; the lines show every other "
        "problem found.",
        "Kravet er {outcome}, så ingen beløp beregnes; linjene viser alle andre feil som ble "
        "funnet.",
    ),
    "claim.outcome": (
        "Outcome: {outcome}. Refund: {refund}.",
        "Resultat: {outcome}. Refusjon: {refund}.",
    ),
    "param": (
        "{label} from {valid_from}: {value}{source}{assumed}.",
        "{label} fra {valid_from}: {value}{source}{assumed}.",
    ),
}

MESSAGES_INVALID: Message = (
    "The claim could not be read; see errors.",
    "Kravet kunne ikke leses; se feilene.",
)

# Which argument picks the variant of a message that has several.
VARIANTS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "claim.student": lambda args: args["fee_paid"] and args["registered"],
    "sio.covered": lambda args: "gp" if args["sio_gp"] else "campus" if args["covered"] else "no",
    "ssn.covered": lambda args: args["covered"],
    "claim.deadline": lambda args: args["in_time"],
    "helfo.power_of_attorney": lambda args: args["present"],
    "helfo.chiropractor": lambda args: args["first"],
    "helfo.share": lambda args: bool(args["fee"]),
    "data.covered": lambda args: args["covered"],
    "data.study_load": lambda args: args["enough"],
}

WORDS = {
    "yes": ("yes", "ja"),
    "no": ("no", "nei"),
    "line": ("Line", "Linje"),
    "assumed": (
        "; assumed, no published source fixes it",
        "; antatt, ingen publisert kilde fastsetter den",
    ),
    "source": ("Source", "Kilde"),
    "self": ("the student", "studenten"),
    "child": ("the student's child", "studentens barn"),
    "spouse": ("the student's spouse", "studentens ektefelle"),
    "unknown": ("(none given)", "(ikke oppgitt)"),
    "none": ("none", "ingen"),
}

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "nb": [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
}


class Renderer:
    """Turns steps into sentences in one language."""

    CACHE_SIZE = 4096

    def __init__(self, lang: str = "en", with_sources: bool = False) -> None:
        if lang not in terms.LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(terms.LANGUAGES)}")
        self.lang = lang
        self.nb = lang == "nb"
        self.with_sources = with_sources
        self._cache: dict[tuple[Any, ...], str] = {}
        self._lines: dict[int, str] = {}
        self._days: dict[date, str] = {}

    def word(self, key: str) -> str:
        return WORDS[key][self.nb]

    def money(self, amount: Decimal) -> str:
        # Written afresh each time: a cache would hash the Decimal, which costs as much.
        text = ore_text(amount)
        return "kr " + text.replace(",", " ").replace(".", ",") if self.nb else "NOK " + text

    def day(self, value: date) -> str:
        # Kept once written: a batch writes a few thousand days, each many times, and a day's
        # hash is kept in it, where writing it costs twenty times a look-up.
        text = self._days.get(value)
        if text is None:
            text = (
                f"{value.day:02d}.{value.month:02d}.{value.year}" if self.nb else value.isoformat()
            )
            if len(self._days) < self.CACHE_SIZE:
                self._days[value] = text
        return text

    def number(self, value: Decimal | int) -> str:
        text = f"{value:f}" if isinstance(value, Decimal) else str(value)
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text.replace(".", ",") if self.nb else text

    def percent(self, share: Decimal) -> str:
        return f"{self.number(share * 100)} %"

    def line(self, line: ExpenseLine) -> str:
        text = self._lines.get(id(line))
        if text is None:
            text = self._lines[id(line)] = self._describe_line(line)
        return text

    def _describe_line(self, line: ExpenseLine) -> str:
        category = terms.term(terms.CATEGORIES, line.category, self.lang)
        amount = self.money(line.nok)
        return (
            f"{self.word('line')} {line.line_id} ({category}, {self.day(line.service_on)}, "
            f"{amount})"
        )

    def parameter(self, value: ParameterValue) -> dict[str, str]:
        return {
            "label": value.label[self.lang],
            "valid_from": self.day(value.valid_from),
            "value": self.parameter_value(value),
            "source": self.source(value.source),
            "assumed": self.word("assumed") if value.assumed else "",
        }

    def source(self, note: str) -> str:
        """Where a figure comes from, as the reader is shown it: the public pages it is taken
        from, cited by title and address; the rule keepers' own note only ``with_sources``."""
        if self.with_sources:
            return f" ({self.word('source').lower()}: {note})"
        cited = sources.citation(note, self.lang)
        return f" ({self.word('source').lower()}: {cited})" if cited else ""

    def period(self, period: Period) -> str:
        """A claim's period in words: a year, or a semester of one ("høsten 2026")."""
        season = {"spring": ("spring", "våren"), "fall": ("autumn", "høsten")}
        if period.study_year:
            words = ("the study year", "studieåret")[self.nb]
            return f"{words} {period.year}–{period.year + 1}"
        if period.semester is None:
            return str(period.year)
        return f"{season[period.semester][self.nb]} {period.year}"

    def parameter_value(self, value: ParameterValue) -> str:
        raw = value.value
        if value.unit == "NOK":
            return self.money(raw)
        if raw is None:
            return self.word("none")
        if value.unit in ("rate", "fraction"):
            return self.percent(raw)
        if value.unit == "km":
            return f"{self.number(raw)} km"
        if value.unit == "months":
            return f"{raw} {'måneder' if self.nb else 'months'}"
        if value.unit == "age":
            return f"{raw} {'år' if self.nb else 'years'}"
        if value.unit == "deadline":
            return self.deadline(raw)
        if value.unit == "text":
            return str(raw[self.lang])
        if value.unit == "codes":
            return ", ".join(sorted(terms.term(terms.CODES, code, self.lang) for code in raw))
        return str(raw)

    def deadline(self, deadline: Deadline) -> str:
        month = MONTHS[self.lang][deadline.month - 1]
        if self.nb:
            year = "samme år" if deadline.years_after == 0 else "året etter"
            return f"{deadline.day}. {month} {year}"
        year = "the same year" if deadline.years_after == 0 else "the following year"
        return f"{deadline.day} {month} {year}"

    def arg(self, name: str, value: Any) -> Any:
        special = self.NAMED_NUMBERS.get(name)
        if special is not None:
            return special(self, value)
        kind = type(value)
        if kind is Decimal:
            return self.money(value)
        if kind is ExpenseLine:
            return self.line(value)
        if kind is bool:
            return self.word("yes" if value else "no")
        if kind is date:
            return self.day(value)
        if kind is int:
            return self.number(value)
        if value is None or value == "":
            return self.word("unknown")
        words = self.NAMED_TERMS.get(name)
        return terms.term(words, value, self.lang) if words else value

    # Arguments that are numbers but not money, and codes that have plain words.
    NAMED_NUMBERS: ClassVar[dict[str, Callable[[Renderer, Decimal], str]]] = {
        "share": percent,
        "km": number,
        "seen": number,
        "free": number,
        "age": number,
        "ects": number,
        "least": number,
    }
    NAMED_TERMS: ClassVar[dict[str, dict[str, tuple[str, str]]]] = {
        "outcome": terms.OUTCOMES,
        "document": terms.DOCUMENTS,
        "pot": terms.POTS,
        "institution": terms.INSTITUTIONS,
        "relation": {code: WORDS[code] for code in ("self", "child", "spouse")},
    }

    def claim_args(self, claim: Claim) -> dict[str, str]:
        return {
            "claim_id": claim.claim_id,
            "scheme": terms.term(terms.SCHEMES, claim.scheme.value, self.lang),
            "period": self.period(claim.period),
            "submitted": self.day(claim.submitted_on),
        }

    def step(self, step: Step) -> str:
        """One step in words. The steps that repeat across claims (parameters, eligibility,
        deadlines) are kept once rendered."""
        if step.key not in REPEATING:
            return self._render(step)
        return self._remembered(step)

    def _remembered(self, step: Step) -> str:
        cache_key = (step.key, step.source, *step.args.values())
        text = self._cache.get(cache_key)
        if text is None:
            text = self._render(step)
            if len(self._cache) < self.CACHE_SIZE:
                self._cache[cache_key] = text
        return text

    def _render(self, step: Step) -> str:
        key, args = step.key, step.args
        choose = VARIANTS.get(key)
        template, numbered, fields = PLANS[key if choose is None else (key, choose(args))][self.nb]
        if key == "param":
            text = template.format_map(self.parameter(args["param"]))
        elif key == "claim.start":
            text = template.format_map(self.claim_args(args["claim"]))
        else:
            text = numbered.format(
                *[
                    write(self, value)
                    if (value := args[argument]) is not None
                    else self.arg(argument, value)
                    for _, argument, write in fields
                ]
            )
        if self.with_sources and step.source:
            text = f"{text} [{self.word('source')}: {step.source}]"
        return text

    def invalid_note(self) -> str:
        return MESSAGES_INVALID[self.nb]

    def explanation(self, steps: tuple[Step, ...]) -> list[str]:
        """A decision's steps in words. Lines are described once per decision (a line's
        object lives as long as its decision, so its id is a safe key meanwhile)."""
        try:  # self.step(step) for each, with one Python call fewer for most
            return [
                self._remembered(step) if step.key in REPEATING else self._render(step)
                for step in steps
            ]
        finally:
            self._lines.clear()


# How the arguments that every message names alike are written: a quicker path than
# :meth:`Renderer.arg`, which works out the kind of any argument from its value.
ARG_FORMATS: dict[str, Callable[[Renderer, Any], str]] = {
    **dict.fromkeys(
        ("before", "after", "refund", "gross", "fee", "cost", "fare", "rate", "paid", "limit"),
        Renderer.money,
    ),
    "line": Renderer.line,
    "share": Renderer.percent,
    "due": Renderer.day,
    "until": Renderer.day,
    "submitted": Renderer.day,
}


# How a message's field is written: from which of the step's arguments, and how (an argument
# that is None is written by Renderer.arg, as "(none given)").
Write = Callable[[Renderer, Any], str]


def _category(renderer: Renderer, line: ExpenseLine) -> str:
    """The line's category, in words."""
    return terms.term(terms.CATEGORIES, line.category, renderer.lang)


def _field(name: str) -> tuple[str, str, Write]:
    if name == "category":
        return name, "line", _category
    known = ARG_FORMATS.get(name)
    if known is None:
        return name, name, lambda renderer, value: renderer.arg(name, value)
    return name, name, known


# A message's template; the same with its fields numbered in the order they are written (filled
# from a list: no dictionary to build, no field name to look up); and how to write each field.
Plan = tuple[str, str, tuple[tuple[str, str, Write], ...]]


def _plan(template: str) -> Plan:
    parts = list(string.Formatter().parse(template))
    names = dict.fromkeys(name for _, name, _, _ in parts if name)
    number = {name: index for index, name in enumerate(names)}
    numbered = ""
    for literal, name, spec, conversion in parts:
        if spec or conversion:
            raise ValueError(f"a message writes its fields as they are, not {name}:{spec}")
        numbered += literal.replace("{", "{{").replace("}", "}}")
        numbered += "" if name is None else f"{{{number[name]}}}"
    return template, numbered, tuple(_field(name) for name in names)


def _plans() -> dict[Any, tuple[Plan, Plan]]:
    """Each message (or each variant of one) in English and bokmål, with the fields its text
    names: a step's other arguments (those that choose the variant) are not written at all."""
    plans = {}
    for key, message in MESSAGES.items():
        variants = message.items() if isinstance(message, dict) else [(None, message)]
        for variant, (english, bokmal) in variants:
            plans[key if variant is None else (key, variant)] = (_plan(english), _plan(bokmal))
    return plans


PLANS = _plans()


# The messages whose steps repeat across claims, with arguments that are few and cheap to hash
# (no line, claim or amount): their text is kept once rendered. The others are written afresh.
REPEATING = frozenset(
    {
        "param",
        "claim.student",
        "claim.deadline",
        "claim.missing_document",
        "claim.not_priced",
        "sio.covered",
        "ssn.covered",
        "helfo.eligibility",
        "helfo.power_of_attorney",
        "helfo.untranslated",
    }
)

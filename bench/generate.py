"""Generate a large, realistic claims file (and matching exchange rates) for the benchmark.

The file has to look like a real batch, not like one claim copied 200,000 times: the speed of
the engine depends on the mix of schemes, the number of lines per claim, how many earlier
claims each person has (running totals, duplicates, resubmissions) and how often the rare
paths (returned, rejected, late, foreign currency, malformed input) are taken. Everything is
drawn from one seeded ``random.Random``, so the same arguments always give the same bytes.

Claims are made person by person (about eight per person, spread over one year, in date order)
and written in blocks of people, each block sorted by submission date, so that one person's
claims are interleaved with other people's as in a real export, while the generator's memory
stays small.

Usage: ``python bench/generate.py --claims 200000 --out bench/out/claims.jsonl``
(also writes ``rates.csv`` beside it unless ``--rates-out`` says otherwise).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

Json = dict[str, Any]

DEFAULT_CLAIMS = 200_000
DEFAULT_SEED = 2026
PEOPLE_PER_BLOCK = 1_000
MEAN_CLAIMS_PER_PERSON = 8

# Share of claims per scheme (the issue: a realistic mix) and which years each may use.
SCHEME_WEIGHTS = {"sio": 45, "ssn": 35, "helfo_abroad": 20}
YEARS = (2024, 2025, 2026)
YEAR_WEIGHTS = (2, 3, 5)

# Rare paths, as shares of claims (or of lines, where named so).
SHARE_MALFORMED = 0.001
SHARE_LATE = 0.015
SHARE_MISSING_DOCUMENT = 0.03
SHARE_RESUBMITTED = 0.6  # of the returned claims
SHARE_DUPLICATE_LINE = 0.015
SHARE_RESENT_CLAIM = 0.005
SHARE_LINE_OUTSIDE_PERIOD = 0.005
SHARE_NOT_ELIGIBLE_PERSON = 0.02
SHARE_BIG_CLAIM = 0.05  # 10-20 lines, like a term of weekly patient trips

# Exchange rates: Norges Bank style, NOK per unit (per 100 for JPY), a seeded random walk.
RATE_CURRENCIES = {
    "USD": ("US dollar", 0, 10.60),
    "AUD": ("Australian dollar", 0, 6.95),
    "JPY": ("Japanese yen", 2, 7.20),
}
RATES_FIRST_DAY = date(2023, 12, 1)
RATES_LAST_DAY = date(2027, 3, 31)
FIXED_HOLIDAYS = {(1, 1), (5, 1), (5, 17), (12, 25), (12, 26)}

# Helfo: where students study outside the EU/EEA and what they pay in.
STUDY_COUNTRIES = (("US", "USD", 40), ("AU", "AUD", 25), ("JP", "JPY", 15), ("CA", "CAD", 8))
STUDY_COUNTRIES_OTHER = (("GB", "GBP", 7), ("NZ", "NZD", 5))
EEA_STUDY_COUNTRY = "DE"

# Public user fees (egenandeler) in NOK as they appear on the helsenorge overview.
USER_FEES: dict[str, tuple[str, ...]] = {
    "gp": ("160.00", "170.00", "179.00", "235.00", "301.00"),
    "emergency_clinic": ("301.00", "403.00", "435.00"),
    "specialist": ("375.00", "386.00", "403.00"),
    "outpatient_hospital": ("375.00", "386.00", "403.00"),
    "psychologist": ("386.00", "403.00", "420.00"),
    "physiotherapist": ("250.00", "286.00", "300.00"),
    "radiology": ("287.00", "297.00", "308.00"),
    "lab_tests": ("64.00", "72.00", "78.00"),
    "patient_travel": ("160.00", "173.00"),
}

# (category, weight, low NOK, high NOK, public user fee?) per scheme.
SIO_LINES = (
    ("gp", 34, 0, 0, True),
    ("lab_tests", 11, 0, 0, True),
    ("psychologist", 9, 0, 0, True),
    ("physiotherapist", 9, 0, 0, True),
    ("specialist", 8, 0, 0, True),
    ("radiology", 7, 0, 0, True),
    ("blue_prescription", 7, 50, 520, True),
    ("emergency_clinic", 5, 0, 0, True),
    ("outpatient_hospital", 3, 0, 0, True),
    ("patient_travel", 2, 0, 0, True),
    ("psychologist", 2, 900, 1500, False),
    ("vaccine_travel", 1, 300, 900, False),
    ("certificate", 1, 250, 600, False),
    ("handling_fee", 1, 30, 80, False),
)
SSN_LINES = (
    ("gp", 26, 0, 0, True),
    ("lab_tests", 7, 0, 0, True),
    ("psychologist", 7, 0, 0, True),
    ("physiotherapist", 6, 0, 0, True),
    ("specialist", 5, 0, 0, True),
    ("radiology", 4, 0, 0, True),
    ("blue_prescription", 5, 50, 520, True),
    ("emergency_clinic", 3, 0, 0, True),
    ("chiropractor", 7, 450, 800, False),
    ("naprapath", 5, 450, 750, False),
    ("osteopath", 3, 500, 800, False),
    ("physiotherapist", 4, 450, 700, False),
    ("psychologist", 3, 900, 1500, False),
    ("dentist", 10, 600, 4500, False),
    ("vaccine_study_abroad", 1, 300, 1200, False),
    ("vaccine_travel", 2, 300, 900, False),
    ("certificate", 1, 250, 600, False),
    ("gp", 1, 400, 900, False),  # not a public user fee: rejected, or "abroad" below
)
HELFO_LINES = (
    ("gp", 28, 800, 3500),
    ("lab_tests", 9, 400, 2500),
    ("specialist", 8, 1500, 6000),
    ("psychologist", 8, 1200, 2500),
    ("patient_travel", 8, 0, 0),
    ("physiotherapist", 6, 700, 1500),
    ("radiology", 5, 1500, 8000),
    ("emergency_clinic", 5, 2000, 8000),
    ("chiropractor", 5, 600, 1200),
    ("dentist", 4, 1000, 6000),
    ("blue_prescription", 4, 200, 2000),
    ("hospital_stay", 3, 10000, 80000),
    ("vaccine_travel", 2, 400, 1500),
    ("ambulance", 1, 5000, 20000),
    ("pregnancy_checkup", 1, 1500, 3000),
    ("dental_illness", 1, 2000, 9000),
    ("health_check", 1, 800, 2500),
    ("speech_therapy", 1, 800, 1500),
)

SIO_INSTITUTIONS = ("uio", "oslomet", "bi", "nmbu", "nih", "khio", "aho")
SIO_CAMPUSES_OLD = ("hioa-kjeller", "hioa-sandvika", "hioa-kongsvinger")
SIO_CAMPUSES_2026 = ("oslomet-kjeller",)
SSN_INSTITUTIONS = (
    ("usn", 80),
    ("fagskolen-viken", 8),
    ("fagskolen-vestfold-telemark", 7),
    ("phs-stavern", 5),
)


@dataclass
class Stats:
    """What was generated: the numbers the benchmark divides by, and the mix for the README."""

    claims: int = 0
    expense_lines: int = 0
    people: int = 0
    malformed: int = 0
    schemes: Counter[str] = field(default_factory=Counter)
    foreign_lines: int = 0

    def as_json(self) -> Json:
        return {
            "claims": self.claims,
            "expense_lines": self.expense_lines,
            "people": self.people,
            "malformed": self.malformed,
            "schemes": dict(sorted(self.schemes.items())),
            "foreign_lines": self.foreign_lines,
        }


@dataclass
class Person:
    """One student and the facts that stay the same across their claims."""

    person_id: str
    scheme: str
    year: int
    applicant: Json
    patient: Json | None = None
    currency: str = "NOK"  # helfo: what the student pays in
    country: str = "NO"


@dataclass
class Planned:
    """A claim before it is written: sortable by submission date within a block."""

    submitted_on: date
    order: int
    claim: Json


def money(value: float) -> str:
    """An amount as the decimal string of the claims format ("179.00")."""
    return f"{value:.2f}"


def weighted(rng: random.Random, options: Sequence[Any], weights: Sequence[float]) -> Any:
    return rng.choices(options, weights=weights)[0]


def chance(rng: random.Random, share: float) -> bool:
    return rng.random() < share


def claims_per_person(rng: random.Random) -> int:
    """About eight claims a person, a few with only one and a few with many."""
    return max(1, min(20, round(rng.gauss(MEAN_CLAIMS_PER_PERSON, 3))))


def lines_per_claim(rng: random.Random) -> int:
    """About five lines a claim on average: mostly 1-8, sometimes a long list (10-20)."""
    if chance(rng, SHARE_BIG_CLAIM):
        return rng.randint(10, 20)
    return rng.randint(1, 8)


def random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def windows(first: date, last: date, count: int) -> list[tuple[date, date]]:
    """``count`` consecutive stretches of [first, last]: what each successive claim covers."""
    span = (last - first).days + 1
    edges = [first + timedelta(days=span * index // count) for index in range(count + 1)]
    return [(edges[i], edges[i + 1] - timedelta(days=1)) for i in range(count)]


# --- people ------------------------------------------------------------------------------


def make_person(rng: random.Random, number: int) -> Person:
    scheme = weighted(rng, list(SCHEME_WEIGHTS), list(SCHEME_WEIGHTS.values()))
    year = weighted(rng, YEARS, YEAR_WEIGHTS)
    person_id = f"P{number:07d}"
    birth = random_day(rng, date(1994, 1, 1), date(2006, 12, 31)).isoformat()
    applicant: Json = {
        "person_id": person_id,
        "birth_date": birth,
        "semester_fee_paid": True,
        "registered_student": True,
    }
    person = Person(person_id, scheme, year, applicant)
    if scheme == "sio":
        _sio_applicant(rng, person)
    elif scheme == "ssn":
        _ssn_applicant(rng, person)
    else:
        _helfo_applicant(rng, person)
    return person


def _sio_applicant(rng: random.Random, person: Person) -> None:
    """Most have a SiO GP; some study at a campus SiO serves without one; a few neither."""
    roll = rng.random()
    if roll < 0.88:
        person.applicant["institution"] = rng.choice(SIO_INSTITUTIONS)
        person.applicant["sio_gp"] = True
    elif roll < 1 - SHARE_NOT_ELIGIBLE_PERSON:
        campuses = SIO_CAMPUSES_2026 if person.year >= 2026 else SIO_CAMPUSES_OLD
        person.applicant["institution"] = rng.choice(campuses)
    else:
        person.applicant["institution"] = rng.choice(SIO_INSTITUTIONS)


def _ssn_applicant(rng: random.Random, person: Person) -> None:
    names = [name for name, _ in SSN_INSTITUTIONS]
    institution = weighted(rng, names, [weight for _, weight in SSN_INSTITUTIONS])
    if chance(rng, SHARE_NOT_ELIGIBLE_PERSON):
        institution = "uio"
    person.applicant["institution"] = institution


def _helfo_applicant(rng: random.Random, person: Person) -> None:
    """A full-time student outside the EU/EEA, now and then with a child, a last semester
    that ends during the year, or (rarely) studying inside the EEA."""
    countries = STUDY_COUNTRIES + STUDY_COUNTRIES_OTHER
    person.country, person.currency = weighted(
        rng, [c[:2] for c in countries], [c[2] for c in countries]
    )
    applicant = person.applicant
    applicant["semester_fee_paid"] = chance(rng, 0.3)
    applicant["registered_student"] = applicant["semester_fee_paid"]
    applicant["nis_member"] = not chance(rng, 0.005)
    applicant["full_time_student_abroad"] = not chance(rng, 0.005)
    applicant["study_country"] = person.country
    if chance(rng, 0.01):
        applicant["study_country"] = EEA_STUDY_COUNTRY
    if chance(rng, 0.1):
        applicant["last_semester_ends_on"] = date(person.year, 6, rng.randint(1, 30)).isoformat()
    if chance(rng, 0.01):
        applicant["occupational_injury"] = True
    roll = rng.random()
    if roll < 0.05:
        born = random_day(rng, date(person.year - 17, 1, 1), date(person.year - 1, 12, 31))
        person.patient = {"relation": "child", "birth_date": born.isoformat()}
    elif roll < 0.055:
        person.patient = {"relation": "spouse", "birth_date": "1998-03-14"}


# --- claims of one person ------------------------------------------------------------------


class PersonClaims:
    """Writes the claims of one person, remembering their earlier lines for duplicates."""

    def __init__(self, rng: random.Random, person: Person) -> None:
        self.rng = rng
        self.person = person
        self.claims: list[Planned] = []
        self.sequence = 0

    def generate(self) -> list[Planned]:
        count = claims_per_person(self.rng)
        for first, last, period in self._periods(count):
            self._add_claim(first, last, period)
        return self.claims

    def _periods(self, count: int) -> Iterator[tuple[date, date, str]]:
        """The stretch each claim covers and its period: semesters for ssn (and sometimes for
        sio before 2026), otherwise the calendar year."""
        year = self.person.year
        scheme = self.person.scheme
        by_semester = scheme == "ssn" or (scheme == "sio" and year < 2026 and chance(self.rng, 0.3))
        if not by_semester:
            for first, last in windows(date(year, 1, 1), date(year, 12, 31), count):
                yield first, last, str(year)
            return
        spring = (count + self.rng.randint(0, 1)) // 2
        halves = (
            (date(year, 1, 1), date(year, 6, 30), spring, "spring"),
            (date(year, 7, 1), date(year, 12, 31), count - spring, "fall"),
        )
        for start, end, number, semester in halves:
            for first, last in windows(start, end, number) if number else []:
                yield first, last, f"{year}-{semester}"

    def _add_claim(self, first: date, last: date, period: str) -> None:
        rng = self.rng
        lines = [self._line(first, last, index + 1) for index in range(lines_per_claim(rng))]
        lines.sort(key=lambda line: line["service_on"])
        for index, line in enumerate(lines, start=1):
            line["line_id"] = str(index)
        if self.claims and chance(rng, SHARE_DUPLICATE_LINE):
            lines.append(self._repeat_earlier_line(len(lines) + 1))
        claim = self._claim(lines, period, self._submitted_on(last, period))
        missing = chance(rng, SHARE_MISSING_DOCUMENT)
        claim["documents"] = self._documents(lines, complete=not missing)
        self._keep(claim)
        if missing and chance(rng, SHARE_RESUBMITTED):
            self._resubmit(claim)
        elif chance(rng, SHARE_RESENT_CLAIM):
            self._resend(claim)

    def _claim(self, lines: list[Json], period: str, submitted_on: date) -> Json:
        self.sequence += 1
        claim: Json = {
            "claim_id": f"{self.person.person_id}-{self.sequence:02d}",
            "scheme": self.person.scheme,
            "submitted_on": submitted_on.isoformat(),
            "period": period,
            "applicant": self.person.applicant,
            "expenses": lines,
        }
        if self.person.patient is not None:
            claim["patient"] = self.person.patient
        return claim

    def _keep(self, claim: Json) -> None:
        self.claims.append(Planned(date.fromisoformat(claim["submitted_on"]), 0, claim))

    def _resubmit(self, returned: Json) -> None:
        """The returned claim again, now with every document, a few weeks later."""
        submitted = date.fromisoformat(returned["submitted_on"]) + timedelta(
            self.rng.randint(10, 40)
        )
        claim = self._claim(returned["expenses"], returned["period"], submitted)
        claim["documents"] = self._documents(claim["expenses"], complete=True)
        claim["resubmission_of"] = returned["claim_id"]
        self._keep(claim)

    def _resend(self, sent: Json) -> None:
        """The same claim sent twice: every line of the copy is a duplicate expense."""
        submitted = date.fromisoformat(sent["submitted_on"]) + timedelta(self.rng.randint(1, 20))
        claim = self._claim(sent["expenses"], sent["period"], submitted)
        claim["documents"] = sent["documents"]
        self._keep(claim)

    def _repeat_earlier_line(self, line_id: int) -> Json:
        earlier = self.rng.choice(self.claims[-1].claim["expenses"])
        return {**earlier, "line_id": str(line_id)}

    def _submitted_on(self, last: date, period: str) -> date:
        """Soon after the last expense, by the deadline; now and then too late."""
        rng = self.rng
        due = self._deadline(last, period)
        if chance(rng, SHARE_LATE):
            return due + timedelta(days=rng.randint(1, 60))
        return min(due, last + timedelta(days=rng.randint(3, 45)))

    def _deadline(self, last: date, period: str) -> date:
        year = self.person.year
        scheme = self.person.scheme
        if scheme == "helfo_abroad":
            return last + timedelta(days=150)
        if period.endswith("spring"):
            return date(year, 8, 1) if scheme == "ssn" else date(year, 7, 16)
        if scheme == "ssn":
            return date(year + 1, 2, 1)
        return date(year + 1, 1, 31)

    # --- lines -------------------------------------------------------------------------------

    def _line(self, first: date, last: date, number: int) -> Json:
        day = random_day(self.rng, first, last)
        if self.person.scheme != "helfo_abroad" and chance(self.rng, SHARE_LINE_OUTSIDE_PERIOD):
            day = first - timedelta(days=self.rng.randint(1, 60))
        if self.person.scheme == "sio":
            return self._norwegian_line(SIO_LINES, day, number)
        if self.person.scheme == "ssn":
            return self._norwegian_line(SSN_LINES, day, number)
        return self._helfo_line(day, number)

    def _norwegian_line(
        self, table: Sequence[tuple[str, int, int, int, bool]], day: date, n: int
    ) -> Json:
        rng = self.rng
        category, _, low, high, public = weighted(rng, table, [row[1] for row in table])
        if public and category in USER_FEES:
            amount = rng.choice(USER_FEES[category])
        else:
            amount = money(rng.uniform(low, high))
        line: Json = {
            "line_id": str(n),
            "category": category,
            "service_on": day.isoformat(),
            "amount": amount,
        }
        if public:
            line["public_user_fee"] = not chance(rng, 0.02)
        elif chance(rng, 0.92):
            line["itemized_receipt"] = True
        if self.person.scheme == "ssn" and not public and category == "gp" and chance(rng, 0.5):
            line["country"] = rng.choice(("SE", "US", "ES"))
        return line

    def _helfo_line(self, day: date, n: int) -> Json:
        rng = self.rng
        table = HELFO_LINES
        category, _, low, high = weighted(rng, table, [row[1] for row in table])
        line: Json = {"line_id": str(n), "category": category, "service_on": day.isoformat()}
        nok = rng.uniform(low, high)
        if category == "patient_travel":
            nok = self._trip(line)
        self._helfo_amount(line, day, nok)
        if category == "psychologist" and chance(rng, 0.5):
            line["referral"] = True
        if category == "speech_therapy" and chance(rng, 0.7):
            line["referral"] = True
        if category == "blue_prescription" and chance(rng, 0.7):
            line["medical_statement"] = True
        return line

    def _trip(self, line: Json) -> float:
        """A patient trip: mostly 11-150 km, some too short, a few long enough for a
        caseworker; companions now and then."""
        rng = self.rng
        roll = rng.random()
        km = rng.randint(2, 10) if roll < 0.1 else rng.randint(301, 600) if roll < 0.12 else None
        distance = km if km is not None else rng.randint(11, 150)
        trip: Json = {
            "distance_km": distance,
            "min_public_fare_nok": rng.choice(("40.00", "45.00")),
        }
        if chance(rng, 0.05):
            trip["companion"] = True
        line["trip"] = trip
        return distance * rng.uniform(2.0, 4.5)

    def _helfo_amount(self, line: Json, day: date, nok: float) -> None:
        """Paid in the local currency (Norges Bank rate on the payment date), sometimes already
        converted by the student (``nok_amount``), sometimes in NOK."""
        rng = self.rng
        currency = self.person.currency
        if chance(rng, 0.12):
            currency = "NOK"
        if chance(rng, 0.1):
            line["paid_on"] = (day + timedelta(days=rng.randint(1, 30))).isoformat()
        line["currency"] = currency
        if currency == "NOK":
            line["amount"] = money(nok)
        elif currency in RATE_CURRENCIES:
            _, multiplier, rate = RATE_CURRENCIES[currency]
            local = nok / rate * 10**multiplier
            line["amount"] = f"{round(local)}" if currency == "JPY" else money(local)
            if chance(rng, 0.05):
                line["nok_amount"] = money(nok)
        else:
            line["amount"] = money(nok / 7.5)
            line["nok_amount"] = money(nok)
        if line["currency"] == "NOK":
            del line["currency"]

    # --- documents ---------------------------------------------------------------------------

    def _documents(self, lines: list[Json], complete: bool) -> list[Json]:
        scheme = self.person.scheme
        if scheme == "sio":
            documents = [{"type": "user_fee_overview", "shows_applicant_name": True}]
        elif scheme == "ssn":
            documents = self._ssn_documents(lines)
        else:
            documents = self._helfo_documents()
        if not complete:
            self._spoil(documents)
        return documents

    def _ssn_documents(self, lines: list[Json]) -> list[Json]:
        documents: list[Json] = [{"type": self.rng.choice(("student_id", "semester_fee_receipt"))}]
        if any(line.get("public_user_fee") for line in lines):
            documents.append({"type": "user_fee_overview", "shows_applicant_name": True})
        if any(line["category"] == "vaccine_study_abroad" for line in lines):
            documents.append({"type": "vaccine_confirmation"})
        if any(line.get("country", "NO") != "NO" for line in lines):
            documents.append({"type": "study_confirmation"})
        return documents

    def _helfo_documents(self) -> list[Json]:
        language = "ja" if self.person.country == "JP" else "en"
        documents: list[Json] = [
            {"type": "receipt", "language": language},
            {"type": "proof_of_payment"},
            {"type": "medical_documentation", "language": language},
        ]
        if language == "ja":
            documents.append({"type": "translation"})
        patient = self.person.patient
        if patient and patient["relation"] == "child":
            documents.append({"type": "power_of_attorney"})
        return documents

    def _spoil(self, documents: list[Json]) -> None:
        """Something missing or inadequate: the claim is returned."""
        victim = self.rng.randrange(len(documents))
        if documents[victim].get("shows_applicant_name"):
            documents[victim] = {**documents[victim], "shows_applicant_name": False}
        else:
            del documents[victim]


# --- malformed input -----------------------------------------------------------------------


def malformed(rng: random.Random, claim: Json) -> str:
    """A line the engine must reject as ``invalid`` without stopping: broken JSON, an
    impossible date, an unknown category, a negative amount or a missing field."""
    kind = rng.randrange(5)
    text = json.dumps(claim, ensure_ascii=False)
    if kind == 0:
        return text[: rng.randint(10, len(text) - 2)]
    broken = json.loads(text)
    line = broken["expenses"][0]
    if kind == 1:
        line["service_on"] = f"{line['service_on'][:4]}-02-30"
    elif kind == 2:
        line["category"] = "aromatherapy"
    elif kind == 3:
        line["amount"] = "-" + line["amount"]
    else:
        del broken["applicant"]
    return json.dumps(broken, ensure_ascii=False)


# --- the file ------------------------------------------------------------------------------


def generate_claims(out: TextIO, claims: int, seed: int) -> Stats:
    """Write ``claims`` lines of JSON claims to ``out`` and say what was written."""
    rng = random.Random(seed)
    stats = Stats()
    while stats.claims < claims:
        for planned in _block(rng, stats, claims - stats.claims):
            _count(stats, planned.claim)
            if chance(rng, SHARE_MALFORMED):
                out.write(malformed(rng, planned.claim))
                stats.malformed += 1
            else:
                out.write(json.dumps(planned.claim, ensure_ascii=False))
            out.write("\n")
    return stats


def _count(stats: Stats, claim: Json) -> None:
    lines = claim["expenses"]
    stats.claims += 1
    stats.expense_lines += len(lines)
    stats.schemes[claim["scheme"]] += 1
    stats.foreign_lines += sum(1 for line in lines if line.get("currency", "NOK") != "NOK")


def _block(rng: random.Random, stats: Stats, room: int) -> list[Planned]:
    """The claims of the next block of people, in submission order, at most ``room``."""
    planned: list[Planned] = []
    for _ in range(PEOPLE_PER_BLOCK):
        if len(planned) >= room:
            break
        stats.people += 1
        planned.extend(PersonClaims(rng, make_person(rng, stats.people)).generate())
    for order, item in enumerate(planned):
        item.order = order
    planned.sort(key=lambda item: (item.submitted_on, item.order))
    return planned[:room]


# --- exchange rates ----------------------------------------------------------------------

RATES_HEADER = (
    "FREQ",
    "Frequency",
    "BASE_CUR",
    "Base Currency",
    "QUOTE_CUR",
    "Quote Currency",
    "TENOR",
    "Tenor",
    "DECIMALS",
    "Decimals",
    "CALCULATED",
    "Calculated",
    "UNIT_MULT",
    "Unit Multiplier",
    "COLLECTION",
    "Collection Indicator",
    "TIME_PERIOD",
    "OBS_VALUE",
)


def business_days(first: date, last: date) -> Iterator[date]:
    """Weekdays that are not fixed-date Norwegian holidays: the days Norges Bank publishes."""
    day = first
    while day <= last:
        if day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS:
            yield day
        day += timedelta(days=1)


def write_rates(out: TextIO, seed: int) -> int:
    """Norges Bank's CSV export for every currency the claims use; returns the row count."""
    rng = random.Random(seed + 1)
    out.write(";".join(f'"{name}"' for name in RATES_HEADER) + "\n")
    rows = 0
    for currency, (name, multiplier, start) in RATE_CURRENCIES.items():
        unit = "Hundreds" if multiplier == 2 else "Units"
        value = start
        for day in business_days(RATES_FIRST_DAY, RATES_LAST_DAY):
            value *= math.exp(rng.gauss(0, 0.005))
            cells = (
                "B", "Business", currency, name, "NOK", "Norwegian krone", "SP", "Spot",
                "4", "4", "false", "false", str(multiplier), unit, "C",
                "ECB concertation time 14:15 CET", day.isoformat(), f"{value:.4f}",
            )  # fmt: skip
            out.write(";".join(f'"{cell}"' for cell in cells) + "\n")
            rows += 1
    return rows


def generate(claims_path: Path, rates_path: Path, claims: int, seed: int) -> Stats:
    """Write both files; the benchmark's single entry point."""
    claims_path.parent.mkdir(parents=True, exist_ok=True)
    rates_path.parent.mkdir(parents=True, exist_ok=True)
    with claims_path.open("w", encoding="utf-8") as out:
        stats = generate_claims(out, claims, seed)
    with rates_path.open("w", encoding="utf-8") as out:
        write_rates(out, seed)
    return stats


@dataclass(frozen=True)
class Dataset:
    """A generated claims file, its rates and what is in it."""

    claims_path: Path
    rates_path: Path
    stats: Json


def ensure_dataset(out_dir: Path, claims: int, seed: int) -> Dataset:
    """The dataset for these parameters, generated only if it is missing or was made by other
    parameters or another version of this generator (a 200,000-claim file takes a while)."""
    folder = out_dir / f"data-{claims}-{seed}"
    meta_path = folder / "meta.json"
    claims_path, rates_path = folder / "claims.jsonl", folder / "rates.csv"
    wanted = {"claims": claims, "seed": seed, "generator": _generator_digest()}
    if meta_path.exists() and claims_path.exists() and rates_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if {key: meta.get(key) for key in wanted} == wanted:
            return Dataset(claims_path, rates_path, meta["stats"])
    stats = generate(claims_path, rates_path, claims, seed).as_json()
    meta_path.write_text(json.dumps({**wanted, "stats": stats}, indent=2), encoding="utf-8")
    return Dataset(claims_path, rates_path, stats)


def _generator_digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=DEFAULT_CLAIMS, help="number of claims")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--out", type=Path, default=Path("bench/out/claims.jsonl"))
    parser.add_argument("--rates-out", type=Path, help="rates CSV (default: beside --out)")
    args = parser.parse_args(argv)
    if args.claims < 1:
        parser.error("--claims must be at least 1")
    rates_path = args.rates_out or args.out.with_name("rates.csv")
    stats = generate(args.out, rates_path, args.claims, args.seed)
    json.dump(stats.as_json(), sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

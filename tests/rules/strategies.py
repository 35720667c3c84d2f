"""Hypothesis strategies for realistic, valid claims of the three schemes (claims-format.md).

Claims are generated as decoded JSON (``dict``), the form a batch file holds, so that tests can
feed them to :class:`refusjon.rules.batch.BatchAssessor` as data or as JSON Lines text. Every
claim is readable: the engine decides it (approved, rejected, returned, ...), never ``invalid``.
Most of what is drawn is the ordinary case (documents present, dates inside the period,
eligible applicants), with the exceptions rarer, so that amounts and running totals get
exercised as often as the refusals.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from refusjon.rules.money import round_ore

ClaimData = dict[str, Any]

# The earliest day the shipped parameters have values for, per scheme: a line dated before it
# would make the claim invalid (a parameter with no value in force), which is not what these
# strategies are for.
EARLIEST = {"sio": date(2017, 1, 1), "ssn": date(2017, 1, 1), "helfo_abroad": date(2024, 1, 1)}

SIO_YEARS = (2017, 2018, 2025, 2026)
SSN_YEARS = (2017, 2024, 2025, 2026)
HELFO_YEARS = (2024, 2025, 2026)

SIO_COVERED = (
    "gp",
    "emergency_clinic",
    "specialist",
    "outpatient_hospital",
    "psychologist",
    "physiotherapist",
    "radiology",
    "lab_tests",
    "blue_prescription",
    "patient_travel",
)
SIO_NOT_COVERED = (
    "vaccine_travel",
    "certificate",
    "treatment_materials",
    "handling_fee",
    "dentist",
    "chiropractor",
    "naprapath",
)
SIO_GP_INSTITUTIONS = ("uio", "oslomet", "bi", "nmbu", "khio")
SIO_CAMPUSES_2017 = ("hioa-kjeller", "hioa-sandvika", "hioa-kongsvinger")
SIO_CAMPUSES_2026 = ("oslomet-kjeller",)

SSN_INSTITUTIONS = ("usn", "fagskolen-viken", "fagskolen-vestfold-telemark", "phs-stavern")
SSN_USER_FEES = (
    "gp",
    "emergency_clinic",
    "specialist",
    "outpatient_hospital",
    "psychologist",
    "physiotherapist",
    "radiology",
    "lab_tests",
    "blue_prescription",
    "patient_travel",
    "dental_illness",
    "rehabilitation_institution",
)
SSN_OTHER = (
    "psychologist",
    "physiotherapist",
    "chiropractor",
    "naprapath",
    "osteopath",
    "vaccine_study_abroad",
)
SSN_NOT_COVERED = ("vaccine_travel", "certificate", "treatment_materials", "handling_fee")
SSN_ABROAD = ("gp", "specialist", "emergency_clinic", "lab_tests", "radiology")

HELFO_FULL = ("hospital_stay", "ambulance", "pregnancy_checkup", "oxygen_therapy")
HELFO_PARTIAL = (
    "gp",
    "emergency_clinic",
    "specialist",
    "outpatient_hospital",
    "lab_tests",
    "radiology",
    "psychologist",
    "physiotherapist",
)
HELFO_REFERRED = (
    "dental_illness",
    "orthodontics",
    "blue_prescription",
    "speech_therapy",
    "infertility_treatment",
    "board_lodging",
    "treatment_materials",
    "dentist",
)
HELFO_NOT_COVERED = (
    "vaccine_travel",
    "vaccine_study_abroad",
    "health_check",
    "home_help",
    "nursing_home",
    "rehabilitation_institution",
    "certificate",
    "handling_fee",
)
HELFO_CATEGORY_GROUPS = (
    HELFO_PARTIAL,
    HELFO_FULL,
    ("chiropractor",),
    ("patient_travel",),
    HELFO_REFERRED,
    HELFO_NOT_COVERED,
)
OUTSIDE_EEA = ("US", "AU", "CA", "JP", "CN", "ZA", "BR", "IN", "NZ", "KR", "GB", "CH", "SG")
IN_EEA = ("DE", "SE", "ES", "PL", "IS", "FR")
# Typical NOK per unit, to give foreign lines a plausible ``nok_amount``.
TYPICAL_RATES = {
    "USD": Decimal("10.6"),
    "AUD": Decimal("6.9"),
    "CAD": Decimal("7.7"),
    "JPY": Decimal("0.071"),
    "GBP": Decimal("13.4"),
    "CHF": Decimal("12.1"),
    "ZAR": Decimal("0.58"),
}
# User fees are tariffs: many people pay the very same amount (GP, specialist, psychologist).
STANDARD_USER_FEES = ("160.00", "183.00", "275.00", "375.00", "420.00")
ACCEPTED_LANGUAGES = ("en", "no", "nb", "sv", "da")
FOREIGN_LANGUAGES = ("es", "zh", "ja", "fr", "pt")


@dataclass(frozen=True, slots=True)
class Person:
    """The stable part of an applicant across their claims."""

    person_id: str
    birth_date: date
    scheme: str
    year: int  # the year most of their claims are about, so that running totals meet
    one_year: bool = False  # all their claims are about ``year``
    sio_gp: bool = True  # has a regular GP at SiO (sio), as most of SiO's students do


# Small helpers --------------------------------------------------------------------------------


def money(ore: int) -> str:
    """An amount in øre as the decimal string of the format: ``15200`` → ``"152.00"``."""
    return f"{ore // 100}.{ore % 100:02d}"


def amount_up_to(draw: st.DrawFn, kroner: int) -> str:
    """An amount from 0 to about ``kroner``, spread over the whole range (hypothesis leans to
    small integers; drawing the hundreds apart keeps large amounts as common as small ones),
    mostly in whole kroner."""
    hundreds = draw(st.integers(0, kroner // 100))
    ore = 0 if usually(draw, 3) else draw(st.integers(0, 99))
    return money((hundreds * 100 + draw(st.integers(0, 99))) * 100 + ore)


def usually(draw: st.DrawFn, one_in: int = 8) -> bool:
    """True except about once in ``one_in`` draws; shrinks towards True (the ordinary case)."""
    return draw(st.integers(0, one_in - 1)) != one_in - 1


def day_between(draw: st.DrawFn, start: date, end: date) -> date:
    return start + timedelta(days=draw(st.integers(0, max(0, (end - start).days))))


def period_bounds(period: str) -> tuple[date, date]:
    year_text, _, semester = period.partition("-")
    year = int(year_text)
    if semester == "spring":
        return date(year, 1, 1), date(year, 6, 30)
    if semester == "fall":
        return date(year, 7, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


def service_day(draw: st.DrawFn, period: str, scheme: str) -> date:
    """Mostly a day inside the period; sometimes up to two months outside it (never before
    the first day the scheme's parameters know)."""
    start, end = period_bounds(period)
    if usually(draw, 15):
        return day_between(draw, start, end)
    before = start - timedelta(days=draw(st.integers(1, 60)))
    if before >= EARLIEST[scheme] and draw(st.booleans()):
        return before
    return end + timedelta(days=draw(st.integers(1, 60)))


def user_fee(draw: st.DrawFn) -> str:
    """A user fee (egenandel), or the sum of several on one line: often a standard tariff,
    mostly up to 1,500 kroner, now and then up to 4,000 (past the exemption card limit)."""
    if not usually(draw, 4):
        return draw(st.sampled_from(STANDARD_USER_FEES))
    return amount_up_to(draw, 1_500 if usually(draw, 5) else 4_000)


def submitted_after_period(draw: st.DrawFn, period: str, latest_service: date) -> date:
    """Mostly within two weeks of the period's end (in time for every scheme and rule set);
    sometimes any day in the following year and a half (which may be late)."""
    _, end = period_bounds(period)
    if usually(draw, 10):
        submitted = end + timedelta(days=draw(st.integers(-20, 15)))
    else:
        submitted = end + timedelta(days=draw(st.integers(-60, 540)))
    return max(submitted, latest_service)


def semester_period(draw: st.DrawFn, year: int) -> str:
    return f"{year}-{draw(st.sampled_from(['spring', 'fall']))}"


def any_period(draw: st.DrawFn, year: int) -> str:
    return draw(st.sampled_from([str(year), f"{year}-spring", f"{year}-fall"]))


def claim_year(draw: st.DrawFn, person: Person, years: tuple[int, ...]) -> int:
    return person.year if person.one_year or usually(draw, 4) else draw(st.sampled_from(years))


# Persons -------------------------------------------------------------------------------------


def _years(scheme: str) -> tuple[int, ...]:
    return {"sio": SIO_YEARS, "ssn": SSN_YEARS, "helfo_abroad": HELFO_YEARS}[scheme]


@st.composite
def persons(
    draw: st.DrawFn, person_id: str, scheme: str | None = None, *, one_year: bool = False
) -> Person:
    scheme = scheme or draw(st.sampled_from(["sio", "ssn", "helfo_abroad"]))
    birth_date = day_between(draw, date(1985, 1, 1), date(2006, 12, 31))
    year = draw(st.sampled_from(_years(scheme)))
    one_year = one_year or draw(st.booleans())
    return Person(person_id, birth_date, scheme, year, one_year, sio_gp=usually(draw, 5))


# SiO -----------------------------------------------------------------------------------------


def sio_applicant(draw: st.DrawFn, person: Person, period: str) -> dict[str, Any]:
    sio_gp = person.sio_gp if usually(draw, 20) else not person.sio_gp
    if sio_gp:
        institution = draw(st.sampled_from(SIO_GP_INSTITUTIONS))
    else:
        rules_2026 = int(period[:4]) >= 2026
        campuses = SIO_CAMPUSES_2026 if rules_2026 else SIO_CAMPUSES_2017
        institution = draw(st.sampled_from(campuses)) if usually(draw, 5) else "uio"
    return {
        "person_id": person.person_id,
        "birth_date": person.birth_date.isoformat(),
        "institution": institution,
        "semester_fee_paid": usually(draw, 20),
        "registered_student": usually(draw, 20),
        "sio_gp": sio_gp,
    }


def sio_line(draw: st.DrawFn, line_id: str, period: str) -> dict[str, Any]:
    covered = usually(draw, 12)
    category = draw(st.sampled_from(SIO_COVERED if covered else SIO_NOT_COVERED))
    service_on = service_day(draw, period, "sio")
    return {
        "line_id": line_id,
        "category": category,
        "service_on": service_on.isoformat(),
        "amount": user_fee(draw),
        "currency": "NOK",
        "public_user_fee": usually(draw, 15),
    }


def user_fee_overview(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Mostly the helsenorge overview with the applicant's name; sometimes without the name,
    sometimes none at all."""
    if usually(draw, 20):
        return [{"type": "user_fee_overview", "shows_applicant_name": True}]
    if draw(st.booleans()):
        return [{"type": "user_fee_overview", "shows_applicant_name": False}]
    return []


@st.composite
def sio_claims(draw: st.DrawFn, person: Person, claim_id: str) -> ClaimData:
    period = any_period(draw, claim_year(draw, person, SIO_YEARS))
    lines = [sio_line(draw, str(n), period) for n in range(1, draw(st.integers(1, 5)) + 1)]
    latest = max(date.fromisoformat(line["service_on"]) for line in lines)
    return {
        "claim_id": claim_id,
        "scheme": "sio",
        "submitted_on": submitted_after_period(draw, period, latest).isoformat(),
        "period": period,
        "applicant": sio_applicant(draw, person, period),
        "patient": {"relation": "self"},
        "expenses": lines,
        "documents": user_fee_overview(draw),
    }


# SSN -----------------------------------------------------------------------------------------


def ssn_line(draw: st.DrawFn, line_id: str, period: str) -> dict[str, Any]:
    """A line for one of SSN's pots, now and then one that no pot takes."""
    kinds = ["user_fees", "user_fees", "other", "dental", "abroad", "not_public", "not_covered"]
    kind = draw(st.sampled_from(kinds))
    if kind in ("not_public", "not_covered") and usually(draw, 4):
        kind = "user_fees"  # keep the refusals rarer than the pots
    service_on = service_day(draw, period, "ssn")
    line: dict[str, Any] = {"line_id": line_id, "service_on": service_on.isoformat()}
    if kind == "user_fees":
        line |= {"category": draw(st.sampled_from(SSN_USER_FEES)), "public_user_fee": True}
        line["amount"] = user_fee(draw)
    elif kind == "other":
        line |= {"category": draw(st.sampled_from(SSN_OTHER)), "amount": treatment_price(draw)}
        line["itemized_receipt"] = usually(draw, 8)
    elif kind == "dental":
        line |= {"category": "dentist", "amount": treatment_price(draw)}
        line["itemized_receipt"] = usually(draw, 8)
    elif kind == "abroad":
        line |= {"category": draw(st.sampled_from(SSN_ABROAD)), "amount": treatment_price(draw)}
        line |= {"country": draw(st.sampled_from(["SE", "DK", "US", "ES"]))}
        line["itemized_receipt"] = usually(draw, 8)
    elif kind == "not_public":
        line |= {"category": draw(st.sampled_from(SSN_ABROAD)), "amount": treatment_price(draw)}
        line["public_user_fee"] = False
    else:
        line |= {"category": draw(st.sampled_from(SSN_NOT_COVERED)), "amount": user_fee(draw)}
    line["currency"] = "NOK"
    return line


def treatment_price(draw: st.DrawFn) -> str:
    """What a private treatment costs: a few hundred to a few thousand kroner."""
    return amount_up_to(draw, 4_000)


def ssn_documents(draw: st.DrawFn) -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = []
    if usually(draw, 20):
        documents.append({"type": draw(st.sampled_from(["student_id", "semester_fee_receipt"]))})
    documents.extend(user_fee_overview(draw))
    for document_type in ("vaccine_confirmation", "study_confirmation"):
        if usually(draw, 20):
            documents.append({"type": document_type})
    return documents


@st.composite
def ssn_claims(draw: st.DrawFn, person: Person, claim_id: str) -> ClaimData:
    period = semester_period(draw, claim_year(draw, person, SSN_YEARS))
    lines = [ssn_line(draw, str(n), period) for n in range(1, draw(st.integers(1, 5)) + 1)]
    latest = max(date.fromisoformat(line["service_on"]) for line in lines)
    institution = draw(st.sampled_from(SSN_INSTITUTIONS)) if usually(draw, 20) else "uit"
    return {
        "claim_id": claim_id,
        "scheme": "ssn",
        "submitted_on": submitted_after_period(draw, period, latest).isoformat(),
        "period": period,
        "applicant": {
            "person_id": person.person_id,
            "birth_date": person.birth_date.isoformat(),
            "institution": institution,
            "semester_fee_paid": usually(draw, 20),
            "registered_student": usually(draw, 20),
        },
        "expenses": lines,
        "documents": ssn_documents(draw),
    }


# Helfo abroad --------------------------------------------------------------------------------


def helfo_patient(draw: st.DrawFn, period_start: date) -> dict[str, Any]:
    """Mostly the student; sometimes a child (now and then 16 or 17), rarely the spouse."""
    relation = "self" if usually(draw, 4) else draw(st.sampled_from(["child"] * 5 + ["spouse"]))
    if relation == "self":
        return {"relation": "self"}
    if relation == "spouse":
        birth = day_between(draw, date(1980, 1, 1), date(2004, 12, 31))
    else:
        birth = day_between(draw, period_start - timedelta(days=18 * 365), period_start)
    return {"relation": relation, "birth_date": birth.isoformat()}


def helfo_amount(draw: st.DrawFn, line: dict[str, Any]) -> None:
    """What was paid: in NOK, or in the local currency with the NOK amount given."""
    paid = amount_up_to(draw, 3_000 if usually(draw, 4) else 15_000)
    if usually(draw, 3):
        currency = draw(st.sampled_from(sorted(TYPICAL_RATES)))
        nok = round_ore(Decimal(paid) * TYPICAL_RATES[currency])
        line |= {"amount": paid, "currency": currency, "nok_amount": f"{nok:.2f}"}
    else:
        line |= {"amount": paid, "currency": "NOK"}


def helfo_trip(draw: st.DrawFn) -> dict[str, Any]:
    # Mostly 5 to 150 km each way; now and then anything up to 400 (short, long, referred).
    tenths = draw(st.integers(50, 1_500) if usually(draw, 6) else st.integers(0, 4_000))
    return {
        "distance_km": f"{tenths // 10}.{tenths % 10}",
        "min_public_fare_nok": money(draw(st.integers(0, 25_000))),
        "companion": not usually(draw, 6),
    }


def helfo_line(
    draw: st.DrawFn, line_id: str, period: str, country: str, window: tuple[date, date]
) -> dict[str, Any]:
    category = draw(st.sampled_from(draw(st.sampled_from(HELFO_CATEGORY_GROUPS))))
    if usually(draw, 10):
        service_on = day_between(draw, *window)
    else:
        service_on = service_day(draw, period, "helfo_abroad")
    paid_on = service_on
    if not usually(draw, 5):
        paid_on += timedelta(days=draw(st.integers(1, 90)))
    line: dict[str, Any] = {
        "line_id": line_id,
        "category": category,
        "service_on": service_on.isoformat(),
        "paid_on": paid_on.isoformat(),
        "country": country if usually(draw, 6) else draw(st.sampled_from(OUTSIDE_EEA)),
        "itemized_receipt": usually(draw),
    }
    helfo_amount(draw, line)
    if category == "patient_travel":
        line["trip"] = helfo_trip(draw)
    if category in ("psychologist", "speech_therapy"):
        line["referral"] = draw(st.booleans()) if category == "psychologist" else usually(draw)
    if category == "blue_prescription":
        line["medical_statement"] = usually(draw)
    return line


def helfo_documents(draw: st.DrawFn) -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = []
    for document_type in ("receipt", "proof_of_payment", "medical_documentation"):
        if usually(draw, 25):
            language = draw(st.sampled_from(ACCEPTED_LANGUAGES))
            if not usually(draw, 6):
                language = draw(st.sampled_from(FOREIGN_LANGUAGES))
            documents.append({"type": document_type, "language": language})
    if any(doc["language"] in FOREIGN_LANGUAGES for doc in documents) and usually(draw, 6):
        documents.append({"type": "translation", "language": "en"})
    if usually(draw, 3):
        documents.append({"type": "power_of_attorney"})
    return documents


@st.composite
def helfo_claims(draw: st.DrawFn, person: Person, claim_id: str) -> ClaimData:
    period = any_period(draw, claim_year(draw, person, HELFO_YEARS))
    start, end = period_bounds(period)
    country = draw(st.sampled_from(OUTSIDE_EEA if usually(draw, 20) else IN_EEA))
    # Treatments of a few months, claimed together: claims are due six months after each one.
    window_start = day_between(draw, start, max(start, end - timedelta(days=120)))
    window = (window_start, min(end, window_start + timedelta(days=120)))
    count = draw(st.integers(1, 5))
    lines = [helfo_line(draw, str(n), period, country, window) for n in range(1, count + 1)]
    latest = max(date.fromisoformat(line["paid_on"]) for line in lines)
    days_after = draw(st.integers(0, 60)) if usually(draw, 6) else draw(st.integers(0, 300))
    applicant: dict[str, Any] = {
        "person_id": person.person_id,
        "birth_date": person.birth_date.isoformat(),
        "institution": draw(st.sampled_from(["ucla", "unsw", "ut-austin", "nus"])),
        "semester_fee_paid": usually(draw),
        "registered_student": usually(draw),
        "nis_member": usually(draw, 25),
        "full_time_student_abroad": usually(draw, 25),
        "study_country": country,
        "occupational_injury": not usually(draw, 8),
    }
    if not usually(draw, 5):
        last_semester = day_between(draw, start - timedelta(days=60), end)
        applicant["last_semester_ends_on"] = last_semester.isoformat()
    return {
        "claim_id": claim_id,
        "scheme": "helfo_abroad",
        "submitted_on": (latest + timedelta(days=days_after)).isoformat(),
        "period": period,
        "applicant": applicant,
        "patient": helfo_patient(draw, start),
        "expenses": lines,
        "documents": helfo_documents(draw),
    }


# Claims of one person, and batches of several ------------------------------------------------

CLAIMS = {"sio": sio_claims, "ssn": ssn_claims, "helfo_abroad": helfo_claims}


def claims_for(person: Person, claim_id: str) -> st.SearchStrategy[ClaimData]:
    return CLAIMS[person.scheme](person, claim_id)


@st.composite
def person_claims(
    draw: st.DrawFn, person: Person, *, max_claims: int = 4, resubmissions: bool = True
) -> list[ClaimData]:
    """A person's claims in the order they are filed. Now and then a claim repeats a line of an
    earlier claim (a duplicate, unless the earlier one was refused), and an SSN claim names an
    earlier claim as the one it completes."""
    claims: list[ClaimData] = []
    for number in range(1, draw(st.integers(1, max_claims)) + 1):
        claim = draw(claims_for(person, f"{person.person_id}-C{number}"))
        if claims and not usually(draw, 4):
            earlier = draw(st.sampled_from(claims))
            repeated = copy.deepcopy(draw(st.sampled_from(earlier["expenses"])))
            repeated["line_id"] = "R"
            claim["expenses"].append(repeated)
        if resubmissions and claims and person.scheme == "ssn" and not usually(draw, 4):
            claim["resubmission_of"] = draw(st.sampled_from(claims))["claim_id"]
        claims.append(claim)
    return claims


@st.composite
def people_claims(
    draw: st.DrawFn, *, max_people: int = 3, max_claims: int = 4, resubmissions: bool = True
) -> list[list[ClaimData]]:
    """The claims of several people, each person's in their own order. Now and then a line of
    one person's claim is also in another's (same day, category and tariff): for each of them
    it is their own expense, never the other's duplicate."""
    scheme = draw(st.sampled_from([None, "sio", "ssn", "helfo_abroad"]))  # None: each their own
    count = draw(st.integers(1, max_people))
    people = [draw(persons(f"P-{number}", scheme)) for number in range(1, count + 1)]
    groups = [
        draw(person_claims(person, max_claims=max_claims, resubmissions=resubmissions))
        for person in people
    ]
    shared = [
        (line, target)
        for source_group, target_group in itertools.permutations(groups, 2)
        for source in source_group
        for target in target_group
        if (source["scheme"], source["period"]) == (target["scheme"], target["period"])
        for line in source["expenses"]
    ]
    if shared:
        for number in range(draw(st.integers(0, 2))):
            line, target = draw(st.sampled_from(shared))
            target["expenses"].append(copy.deepcopy(line) | {"line_id": f"S{number}"})
    return groups


@st.composite
def interleavings(draw: st.DrawFn, groups: list[list[ClaimData]]) -> list[ClaimData]:
    """All the claims of ``groups`` in some order that keeps each group's own order."""
    owners = draw(st.permutations([index for index, group in enumerate(groups) for _ in group]))
    remaining = [iter(group) for group in groups]
    return [next(remaining[owner]) for owner in owners]

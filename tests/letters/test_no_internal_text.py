"""No internal text reaches a student: every student page and letter (receipts included), in
both languages, for claims in every state, is free of provenance tags, reason and period codes,
institution codes, English source notes in bokmål and amounts written with a decimal point in
bokmål."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from refusjon.claims import services
from refusjon.claims.models import Assessment, Attachment, Claim, Institution, StudentProfile, User
from refusjon.letters import content
from refusjon.letters.pdf import write_pdf
from refusjon.rules.terms import CATEGORIES, INSTITUTIONS, REASONS
from tests.factories import NOW, decide, in_review, sio_claim, sio_draft
from tests.letters.test_letters import pdf_text, signed_in
from tests.payouts.test_recoveries import paid_claim, recovery_of


# What must never reach a student, with why.
def _any(codes: object) -> re.Pattern[str]:
    words = sorted((str(code) for code in codes), key=len, reverse=True)  # type: ignore[attr-defined]
    return re.compile(r"(?<![\w/.-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w/-])")


ALWAYS = {
    "a provenance tag": re.compile(r"\[seed|seed \d{3}"),
    "a reason code": _any(code for code in REASONS if "-" in code or "_" in code),
    "a period code": re.compile(r"\b20\d\d-(?:spring|fall)\b"),
    "an institution code": _any(INSTITUTIONS),
    "a category code": _any(code for code in CATEGORIES if "_" in code),
    "an estimate of a returned draft": re.compile(
        r"\(returnert for utfylling\)|\(returned for completion\)"
    ),
}
BOKMAL = {
    "an amount with a decimal point": re.compile(r"\b\d+\.\d\d\b(?!\.\d)"),
    "a percentage with a decimal point": re.compile(r"\d\.\d+ ?%"),
    "an English source note": re.compile(
        r"\b(?:older version|updated|figures of|assumed|not published)\b"
    ),
}


def visible_text(html: str) -> str:
    """What a reader sees of a page: no tags, scripts, styles or attribute values."""
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    html = re.sub(r"(?s)<[^>]*>", " ", html)
    return re.sub(r"\s+", " ", html)


def leaks(text: str, lang: str) -> list[str]:
    patterns = ALWAYS | (BOKMAL if lang == "nb" else {})
    found = []
    for what, pattern in patterns.items():
        for match in pattern.finditer(text):
            start = max(match.start() - 50, 0)
            found.append(f"{what}: …{text[start : match.end() + 50]}…")
    return found


# The claims, one in every state a student can see.


def states(alice: User, bob: User) -> dict[str, Claim]:
    paid = paid_claim(alice, bob, "300.00", "300.00")  # first: the threshold is per year
    empty = services.create_draft(alice, scheme="sio", period="2026-fall", now=NOW)
    draft = sio_draft(alice, "450.00")
    submitted = sio_claim(alice, "300.00", "300.00")
    services.submit_claim(submitted, by=alice, token="t-submitted", now=NOW)
    reviewed = in_review(sio_claim(alice, "300.00", "300.00"), alice, bob)
    returned = in_review(sio_claim(alice, "450.00"), alice, bob)
    services.return_claim(
        returned, by=bob, missing=["receipt"], complete_by=date(2026, 11, 16), now=NOW
    )
    decided = sio_claim(alice, "300.00", "300.00")
    decide(decided, alice, bob)
    refused = sio_claim(alice, "100.00")
    decide(refused, alice, bob)
    return {
        "empty draft": empty,
        "draft": draft,
        "submitted": submitted,
        "in review": reviewed,
        "returned": returned,
        "decided": decided,
        "refused": refused,
        "paid": paid,
    }


def ssn_claim(alice: User, bob: User) -> Claim:
    """A fall claim to SSN by a USN student, decided."""
    usn, _ = Institution.objects.get_or_create(
        code="usn",
        defaults={"name": "Universitetet i Sørøst-Norge", "welfare_organisation": "ssn"},
    )
    alice.profile.institution = usn
    alice.profile.save()
    claim = services.create_draft(alice, scheme="ssn", period="2026-fall", now=NOW)
    services.add_line(
        claim,
        by=alice,
        category="dentist",
        service_on=date(2026, 9, 10),
        amount=Decimal("4500.00"),
        now=NOW,
    )
    Attachment.objects.create(claim=claim, document_type="receipt", shows_applicant_name=True)
    decide(claim, alice, bob)
    return claim


def helfo_claim(alice: User, bob: User) -> Claim:
    """A decided Helfo claim of a student in the US: a GP visit paid in dollars with the NOK
    amount from her bank statement (no rate stored), and a physiotherapist partly covered."""
    StudentProfile.objects.filter(user=alice).update(
        nis_member=True, full_time_student_abroad=True, study_country="US"
    )
    alice.refresh_from_db()
    claim = services.create_draft(alice, scheme="helfo_abroad", period="2026", now=NOW)
    services.add_line(
        claim,
        by=alice,
        category="gp",
        service_on=date(2026, 10, 1),
        amount=Decimal("120.00"),
        currency="USD",
        nok_amount=Decimal("1290.50"),
        now=NOW,
    )
    services.add_line(
        claim,
        by=alice,
        category="physiotherapist",
        service_on=date(2026, 10, 2),
        amount=Decimal("450.00"),
        referral=True,
        now=NOW,
    )
    for document_type in ("receipt", "proof_of_payment", "medical_documentation"):
        Attachment.objects.create(
            claim=claim, document_type=document_type, shows_applicant_name=True, language="en"
        )
    decide(claim, alice, bob)
    return claim


def pages_of(claim: Claim) -> list[str]:
    names = ["claim", "access_log"]
    if claim.submitted_on is not None:
        names += ["receipt"]
    if services.current_decision(claim) is not None:
        names += ["letter", "appeal"]
    return [reverse(f"portal:{name}", kwargs={"reference": claim.reference}) for name in names]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_student_page_or_letter_shows_internal_text(
    client: Client, alice: User, bob: User, lang: str
) -> None:
    claims = states(alice, bob)
    recovery = recovery_of(claims["paid"], bob, "60.00")
    claims["ssn"] = ssn_claim(alice, bob)
    claims["helfo"] = helfo_claim(alice, bob)
    signed_in(client, alice, lang)
    found: dict[str, list[str]] = {}
    urls = [reverse("portal:home"), reverse("portal:new_claim"), reverse("portal:profile")]
    urls += [reverse("portal:eligibility"), reverse("portal:recoveries")]
    urls += [reverse("portal:recovery", kwargs={"reference": recovery.reference})]
    for claim in claims.values():
        urls += pages_of(claim)
    for url in urls:
        page = client.get(url, follow=True)
        assert page.status_code == 200, url
        if problems := leaks(visible_text(page.content.decode()), lang):
            found[url] = problems
    for subject in [
        *(services.current_decision(c) for c in claims.values()),
        *(c for c in claims.values() if c.submitted_on is not None),  # their receipts
        recovery,
    ]:
        if subject is None:
            continue
        text = pdf_text(write_pdf(content.compose(subject, lang)))
        if problems := leaks(text, lang):
            found[f"letter {subject}"] = problems
    assert not found, "\n".join(f"{url}\n  " + "\n  ".join(p) for url, p in found.items())


# Codes of countries, and decisions stored before the public citations (docs/decisions.md, D19).

COUNTRY_CODE = re.compile(r"\b(?:studieland|country of study|behandlet i|treated in) [A-Z]{2}\b")
ISO_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")


def shown(client: Client, claim: Claim, lang: str) -> str:
    """Everything the student is shown of a claim: its pages, and its letter if decided."""
    text = " ".join(
        visible_text(client.get(url, follow=True).content.decode()) for url in pages_of(claim)
    )
    decision = services.current_decision(claim)
    if decision is not None:
        text += " " + pdf_text(write_pdf(content.compose(decision, lang)))
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(("lang", "country"), [("nb", "USA"), ("en", "United States")])
def test_a_helfo_claim_abroad_names_the_country_and_shows_no_code(
    client: Client, alice: User, bob: User, lang: str, country: str
) -> None:
    decided = helfo_claim(alice, bob)
    draft = services.create_draft(alice, scheme="helfo_abroad", period="2026", now=NOW)
    services.add_line(
        draft,
        by=alice,
        category="gp",
        service_on=date(2026, 10, 1),
        amount=Decimal("4500.00"),
        country="US",
        now=NOW,
    )
    signed_in(client, alice, lang)
    text = shown(client, decided, lang) + " " + shown(client, draft, lang)
    found = leaks(text, lang) + [f"a country code: {m[0]}" for m in COUNTRY_CODE.finditer(text)]
    if lang == "nb":
        found += [f"an ISO date: {m[0]}" for m in ISO_DATE.finditer(text)]
    assert not found, "\n".join(found)
    study = "studieland" if lang == "nb" else "country of study"
    treated = "behandlet i" if lang == "nb" else "treated in"
    assert f"{study} {country}," in text
    assert f"{treated} {country}" in text
    assert ("4 500,00 NOK" if lang == "nb" else "4,500.00 NOK") in text


# What the explanation of a decision said when it was stored before the public citations.
STORED_BEFORE_D19 = {
    "explanation_nb": [
        "Krav {ref}: SiO helserefusjon for 2026-fall, sendt inn 02.11.2026.",
        "SiOs egenandel for studenter med fastlege i SiO fra 01.01.2026: kr 490,00 (kilde: SiO, "
        "sio.no/en/health/refund-of-healthcare-expenses, updated 25.02.26 [seed 003]).",
        "Egenandelstak fra 01.01.2026: kr 3 278,00 (kilde: Same as 2025; only secondary sources "
        "give a 2026 figure); antatt, ingen publisert kilde fastsetter den.",
    ],
    "explanation": [
        "Claim {ref}: SiO refund of healthcare expenses for 2026-fall, submitted 2026-11-02.",
        "SiO threshold for a SiO GP patient from 2026-01-01: NOK 490.00 (source: SiO, "
        "sio.no/en/health/refund-of-healthcare-expenses, updated 25.02.26 [seed 003]).",
    ],
}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_decision_stored_with_seed_tags_and_source_notes_shows_public_sources(
    client: Client, alice: User, bob: User, lang: str
) -> None:
    claim = sio_claim(alice, "300.00", "300.00")
    decision = decide(claim, alice, bob)
    record = dict(decision.record)
    for field, sentences in STORED_BEFORE_D19.items():
        record[field] = [sentence.format(ref=claim.reference) for sentence in sentences]
    Assessment.objects.filter(pk=decision.pk).update(record=record)
    signed_in(client, alice, lang)
    text = shown(client, claim, lang)
    assert not leaks(text, lang), "\n".join(leaks(text, lang))
    cited = "kilde" if lang == "nb" else "source"
    page = "sio.no/en/health/refund-of-healthcare-expenses"
    public = f"({cited}: SiO, «Refund of healthcare expenses», {page})"
    assert text.count(public) == 3, text  # on the claim's page, the letter's page and the PDF
    assert ("høsten 2026" if lang == "nb" else "autumn 2026") in text


def test_what_a_student_owes_is_written_the_bokmal_way(
    client: Client, alice: User, bob: User
) -> None:
    recovery_of(paid_claim(alice, bob, "1300.00", "1300.00"), bob, "1060.00")
    signed_in(client, alice, "nb")
    home = visible_text(client.get(reverse("portal:home")).content.decode())
    owed = visible_text(client.get(reverse("portal:recoveries")).content.decode())
    assert "Du skylder kr 1 060,00 av refusjoner" in home
    assert "2. november 2026" in owed
    assert not ISO_DATE.search(owed), owed
    assert not leaks(home + owed, "nb")


@pytest.mark.parametrize(("lang", "when"), [("nb", "3. november 2026 10:30"), ("en", "2026")])
def test_who_looked_at_a_claim_is_dated_the_readers_way(
    client: Client, alice: User, bob: User, lang: str, when: str
) -> None:
    claim = sio_draft(alice, "450.00")
    services.record_view(
        claim, by=bob, purpose="case handling", now=datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    )
    signed_in(client, alice, lang)
    url = reverse("portal:access_log", kwargs={"reference": claim.reference})
    text = visible_text(client.get(url).content.decode())
    assert when in text
    assert not ISO_DATE.search(text), text

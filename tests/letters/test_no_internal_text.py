"""No internal text reaches a student: every student page and letter (receipts included), in
both languages, for claims in every state, is free of provenance tags, reason and period codes,
institution codes, English source notes in bokmål and amounts written with a decimal point in
bokmål."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from refusjon.claims import services
from refusjon.claims.models import Attachment, Claim, Institution, StudentProfile, User
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

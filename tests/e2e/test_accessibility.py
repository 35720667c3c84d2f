"""axe-core on every page a student sees, in a real browser.

The claims are put in place through the services (the browser flow is tested in test_flow);
every page is then opened as alice would see it and checked. Serious and critical findings
fail the test. axe takes a placeholder for a label, so form controls are checked for a real
label too.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from django.utils import timezone
from playwright.sync_api import Page

from refusjon.claims import services
from refusjon.claims.models import Attachment, Claim, User
from tests.e2e.conftest import NewContext, Shots, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

BLOCKING = {"serious", "critical"}

# Text that shows each page is in the state meant (the estimate, the return, the decision).
SHOWS = {
    "login": "Sign in",
    "new-claim": "New claim",
    "draft-claim": "Expected refund:",
    "returned-claim": "The claim was returned to you",
    "decided-claim": "Refund: NOK 110.00",
    "letter": "Total refund",
}

# Form controls with no label, or only a placeholder or title (hidden inputs aside).
UNLABELLED = """
() => Array.from(document.querySelectorAll('input, select, textarea'))
  .filter(el => el.type !== 'hidden' && el.offsetParent !== null)
  .filter(el => el.labels.length === 0 && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby'))
  .map(el => el.outerHTML.slice(0, 120))
"""


def gp_claim(student: User, *amounts: str) -> Claim:
    claim = services.create_draft(student, scheme="sio", period="2026")
    for month, amount in enumerate(amounts, start=1):
        services.add_line(
            claim,
            by=student,
            category="gp",
            service_on=date(2026, month, 10),
            amount=Decimal(amount),
            public_user_fee=True,
        )
    return claim


def under_review(claim: Claim, student: User, caseworker: User) -> Claim:
    services.submit_claim(claim, by=student, token="t-" + claim.reference)
    services.start_review(claim, by=caseworker)
    return claim


def problems(page: Page, axe: Axe) -> list[str]:
    """What is wrong with the page now: blocking axe rules and unlabelled controls."""
    found = [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in axe.run(page).response["violations"]
        if violation["impact"] in BLOCKING
    ]
    found += [f"unlabelled control: {html}" for html in page.evaluate(UNLABELLED)]
    return found


def test_student_pages_have_no_serious_axe_violations(
    new_context: NewContext, shots: Shots, alice: User, bob: User
) -> None:
    draft = gp_claim(alice, "300.00")
    returned = under_review(gp_claim(alice, "250.00"), alice, bob)
    services.return_claim(
        returned,
        by=bob,
        missing=["user_fee_overview"],
        message="Please add the overview.",
        complete_by=timezone.localdate() + timedelta(days=14),
    )
    decided = gp_claim(alice, "300.00", "300.00")
    Attachment.objects.create(
        claim=decided, document_type="user_fee_overview", shows_applicant_name=True
    )
    services.decide_claim(under_review(decided, alice, bob), by=bob)

    pages = {
        "login": "/login/",
        "claim-list": "/",
        "new-claim": "/claim/new/",
        "draft-claim": f"/claim/{draft.reference}/",
        "eligibility": "/eligibility/",
        "profile": "/profile/",
        "returned-claim": f"/claim/{returned.reference}/",
        "decided-claim": f"/claim/{decided.reference}/",
        "letter": f"/claim/{decided.reference}/letter/",
        "access-log": f"/claim/{decided.reference}/access/",
    }
    page = new_context().new_page()
    axe = Axe()
    failures: dict[str, list[str]] = {}
    for name, path in pages.items():
        if name == "login":
            page.goto(path)
        else:
            if page.url.endswith("/login/"):
                sign_in(page, "alice")
            response = page.goto(path)
            assert response is not None and response.ok, f"{name}: {path} did not open"
        assert page.locator("html").get_attribute("lang") == "en", name
        if name in SHOWS:
            assert SHOWS[name] in page.locator("main").inner_text(), f"{name}: not the right page"
        shots(page, name)
        if found := problems(page, axe):
            failures[name] = found
    assert not failures, "accessibility problems:\n" + "\n".join(
        f"  {name}: {item}" for name, found in failures.items() for item in found
    )

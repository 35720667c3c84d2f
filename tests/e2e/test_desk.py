"""The caseworker's desk in a real browser, in English and in bokmål: the queue with the
applicants' names, "take the next claim", the claim with its actions at the top, a decision
confirmed before it is made, and the next claim. axe finds nothing serious on the way."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from django.utils import translation
from playwright.sync_api import Page, expect

from refusjon.claims import services
from refusjon.claims.models import Claim, ClaimStatus, User
from tests.e2e.conftest import NewContext, Shots, sign_in
from tests.e2e.test_accessibility import problems
from tests.factories import sio_claim

pytestmark = pytest.mark.django_db(transaction=True)


def named(user: User, first: str, last: str, person_id: str) -> User:
    user.first_name, user.last_name = first, last
    user.save()
    user.profile.person_id = person_id
    user.profile.save()
    return user


def submitted(student: User, *amounts: str) -> Claim:
    claim = sio_claim(student, *amounts)
    return services.submit_claim(claim, by=student, token="t-" + claim.reference)


@pytest.mark.parametrize("language", ["en", "nb"])
def test_take_the_next_claim_decide_with_a_confirmation_and_go_on(
    new_context: NewContext, shots: Shots, alice: User, bob: User, language: str
) -> None:
    named(alice, "Alice", "Berg", "09040112345")
    first = submitted(alice, "300.00", "300.00")
    second = submitted(alice, "250.00")
    with translation.override(language):
        words = {
            text: translation.gettext(text)
            for text in (
                "Take the next claim",
                "Decide…",
                "Confirm the decision",
                "The claim is decided.",
                "Next claim",
                "The claim is yours now.",
            )
        }
    axe = Axe()
    page: Page = new_context(language).new_page()
    sign_in(page, "bob", language)

    page.goto("/workspace/")
    queue = page.locator("table")
    expect(queue).to_contain_text("Alice Berg")
    expect(queue).to_contain_text("090401 *****")
    assert "12345" not in queue.inner_text()
    shots(page, f"{language}-queue")
    assert problems(page, axe) == []

    page.get_by_role("button", name=words["Take the next claim"]).click()
    expect(page).to_have_url(re.compile(rf"/workspace/claim/{first.reference}/$"))
    expect(page.get_by_role("status")).to_contain_text(words["The claim is yours now."])
    bar = page.locator(".action-bar")
    expect(bar).to_contain_text("Alice Berg")
    expect(bar).to_contain_text("090401 12345")
    # The actions are on the screen without scrolling, and stay there when it scrolls.
    decide = bar.get_by_role("link", name=words["Decide…"])
    expect(decide).to_be_in_viewport()
    page.mouse.wheel(0, 2000)
    expect(decide).to_be_in_viewport()
    shots(page, f"{language}-claim")
    assert problems(page, axe) == []

    decide.click()
    expect(page.locator(".refund")).to_have_text(re.compile(r"^110[.,]00$"))
    shots(page, f"{language}-confirm")
    assert problems(page, axe) == []
    first.refresh_from_db()
    assert first.status == ClaimStatus.IN_REVIEW  # nothing is decided before confirming
    page.get_by_role("button", name=words["Confirm the decision"]).click()
    expect(page.get_by_role("status")).to_contain_text(words["The claim is decided."])
    first.refresh_from_db()
    assert first.status == ClaimStatus.DECIDED

    page.get_by_role("button", name=words["Next claim"]).click()
    expect(page).to_have_url(re.compile(rf"/workspace/claim/{second.reference}/$"))
    shots(page, f"{language}-next-claim")
    assert problems(page, axe) == []

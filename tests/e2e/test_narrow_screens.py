"""Every page a student sees fits a phone: no page is wider than the screen at 320 px (the
narrowest phone still sold) or at 390 px (a common one), in English and in bokmål.

alice has a claim in every state a student meets: a draft with documents, one with nothing yet,
one sent, one being checked, one returned to her, one decided with an appeal being written, one
whose appeal was sent on, and one paid and under a recovery. Each page is opened at each width
and the document's width is compared with the window's.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from refusjon.claims import appeals, services
from refusjon.claims.models import User
from refusjon.intake import services as intake
from tests.claims.conftest import caseworker
from tests.e2e.conftest import NewContext, Shots, sign_in
from tests.e2e.test_accessibility import (
    document,
    found_where,
    paid_and_recovered,
    returned_claim,
    with_documents,
    with_reading,
    with_receipt_read,
)
from tests.factories import decide, in_review, sio_claim
from tests.intake.files import png

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [320, 390]
LANGUAGES = ["en", "nb"]

# How much wider than the window the page is, and which elements stick out past its right edge
# (the innermost ones: an element that only holds a wide one is not named).
OVERFLOW = """
() => {
  const width = document.documentElement.clientWidth;
  const wide = Array.from(document.querySelectorAll('body *'))
    .filter(el => el.getBoundingClientRect().right > width + 0.5)
    .filter(el => !Array.from(el.children).some(child =>
      child.getBoundingClientRect().right > width + 0.5));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    wide: wide.slice(0, 4).map(el => el.outerHTML.slice(0, 100)),
  };
}
"""


def student_pages(alice: User, bob: User) -> dict[str, str]:
    """Each page alice can open, with a claim in each state."""
    draft = with_documents(alice)
    empty = services.create_draft(alice, scheme="sio", period="2026")
    sent = sio_claim(alice, "200.00")
    services.submit_claim(sent, by=alice, token="t-" + sent.reference)
    checking = in_review(sio_claim(alice, "150.00"), alice, bob)
    returned = returned_claim(alice, bob, "250.00")
    intake.attach_document(
        returned,
        by=alice,
        data=png(),
        filename="kvittering-fra-legevakten-i-oslo.png",
        document_type="receipt",
    )
    decided = sio_claim(alice, "300.00", "300.00")
    decide(decided, alice, bob)
    appeals.save_appeal(decided, by=alice, text="The fee in February was for me.")
    appealed = sio_claim(alice, "400.00", "400.00")
    decide(appealed, alice, bob)
    appeal = appeals.save_appeal(appealed, by=alice, text="The fee in February was for me.")
    appeals.submit_appeal(appeal, by=alice)
    appeals.forward_appeal(appeal, by=caseworker("erin"), note="Sent on to the appeals body.")
    _run, recovery = paid_and_recovered(alice, bob, caseworker("gunnar"), "600.00", "100.00")
    paid = recovery.claim
    read = with_reading(alice)
    read_named = with_reading(alice, name="Bjørn Berg", reconciled=True, waiting=False)

    def claim(reference: str, rest: str = "") -> str:
        return f"/claim/{reference}/{rest}"

    return {
        "claim-list": "/",
        "new-claim": "/claim/new/",
        "new-claim-from-eligibility": "/claim/new/?scheme=sio",
        "eligibility": "/eligibility/",
        "profile": "/profile/",
        "draft-with-documents": claim(draft.reference),
        "draft-empty": claim(empty.reference),
        "estimate": claim(draft.reference, "estimate/"),
        "sent": claim(sent.reference),
        "receipt": claim(sent.reference, "receipt/"),
        "being-checked": claim(checking.reference),
        "returned": claim(returned.reference),
        "decided": claim(decided.reference),
        "letter": claim(decided.reference, "letter/"),
        "access-log": claim(decided.reference, "access/"),
        "appeal-being-written": claim(decided.reference, "appeal/"),
        "appeal-sent-on": claim(appealed.reference, "appeal/"),
        "paid": claim(paid.reference),
        "recoveries": "/recoveries/",
        "recovery": f"/recovery/{recovery.reference}/",
        "recovery-appeal": f"/recovery/{recovery.reference}/appeal/",
        "found-lines": claim(read.reference),
        "found-lines-another-name": claim(read_named.reference),
    }


def too_wide(page: Page, paths: dict[str, str], *, shots: Shots, label: str) -> list[str]:
    """The pages wider than the window, each with what sticks out."""
    found = []
    for name, path in paths.items():
        response = page.goto(path)
        assert response is not None and response.status == 200, f"{name}: {path}"
        measured = page.evaluate(OVERFLOW)
        if measured["scrollWidth"] > measured["innerWidth"]:
            shots(page, f"{label}-{name}")
            found.append(
                f"{name} ({path}): {measured['scrollWidth']} px on a {measured['innerWidth']} px"
                f" screen; wide: {measured['wide']}"
            )
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_student_page_is_wider_than_a_phone(
    new_context: NewContext, shots: Shots, alice: User, bob: User, language: str
) -> None:
    paths = student_pages(alice, bob)
    page = new_context(language).new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    found = too_wide(page, {"login": "/login/"}, shots=shots, label=f"{language}-390")
    sign_in(page, "alice", language)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        found += too_wide(page, paths, shots=shots, label=f"{language}-{width}")
    assert not found, "pages wider than the screen:\n" + "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_caseworkers_reading_of_the_documents_fits_a_phone(
    new_context: NewContext, shots: Shots, alice: User, bob: User, language: str
) -> None:
    """The lines' matches, the list of what does not match, and the page with a fee marked."""
    read = with_reading(alice, name="Bjørn Berg")
    with_receipt_read(read)
    in_review(read, alice, bob)
    overview = document(read, "user_fee_overview")
    paths = {
        "claim-against-documents": f"/workspace/claim/{read.reference}/",
        "found-fee-marked": (
            f"/workspace/claim/{read.reference}/?document={overview}&found={found_where(read)}"
        ),
    }
    page = new_context(language).new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "bob", language)
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        found += too_wide(page, paths, shots=shots, label=f"{language}-{width}")
    assert not found, "pages wider than the screen:\n" + "\n".join(found)

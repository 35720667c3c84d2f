"""A claim from start to decision letter, in a real browser: alice applies on a phone, bob
handles it at his desk."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from refusjon.claims.models import User
from tests.e2e.conftest import NewContext, Shots, sign_in
from tests.intake.files import blank_pdf, pdf, png

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def documents_not_read(settings: Any) -> None:
    """The flow's documents are blank pages: reading them (OCR) would only take the browser's
    time; each gets a reading that says it was not read, as the site does with reading off."""
    settings.REFUSJON_READ_DOCUMENTS = False


def add_gp_fee(page: Page, day: str, amount: str) -> None:
    page.get_by_label("Kind of treatment").select_option("gp")
    page.get_by_label("Date of treatment").fill(day)
    page.get_by_label("Amount paid").fill(amount)
    page.get_by_label("This was a user fee under the public scheme (egenandel)").check()
    page.get_by_role("button", name="Add the expense").click()
    expect(page.get_by_role("status")).to_contain_text("The expense was added.")


def upload(page: Page, document: str, path: Path, *, name_on_it: bool) -> None:
    page.get_by_label("What is it?").select_option(document)
    page.get_by_label("File (PDF, JPEG or PNG, at most 10 MB)").set_input_files(str(path))
    page.get_by_role("button", name="Upload").click()
    page.wait_for_load_state()
    if name_on_it:
        # No name can be read on the test's blank picture, so the student says it is theirs
        # (where a name is read, it is compared instead: docs/decisions.md, E1). A receipt
        # uploaded before may offer the same; the newest document's is the last.
        page.get_by_role("button", name="My name is on this document").last.click()
        page.wait_for_load_state()


def fits_the_screen(page: Page) -> None:
    """The page needs no sideways scrolling on the phone it is shown on."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width} px wide"  # type: ignore[index]


def test_claim_from_draft_to_decision_letter(
    new_context: NewContext, shots: Shots, alice: User, bob: User, tmp_path: Path
) -> None:
    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(pdf(blank_pdf()))
    overview = tmp_path / "egenandeler.png"
    overview.write_bytes(png((200, 100)))

    # alice signs in on her phone and starts a claim
    student = new_context(phone=True).new_page()
    sign_in(student, "alice")
    expect(student.get_by_role("link", name="My refund claims")).to_be_visible()
    shots(student, "student-claims")
    student.goto("/claim/new/")
    student.get_by_label("Scheme").select_option("sio")
    student.get_by_label("Year").fill("2026")
    shots(student, "new-claim")
    fits_the_screen(student)
    student.get_by_role("button", name="Start the claim").click()
    expect(student.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Claim \S+$"))
    expect(student.locator("#status")).to_have_text("Draft")
    claim_url = student.url
    reference = student.get_by_role("heading", level=1).inner_text().removeprefix("Claim ")

    # two GP user fees, and the receipt
    add_gp_fee(student, "2026-01-12", "300.00")
    add_gp_fee(student, "2026-02-03", "300.00")
    expect(student.get_by_role("cell", name="general practitioner (GP)")).to_have_count(2)
    # Without the user-fee overview the claim is incomplete: the estimate says so, no "NOK 0"
    expect(student.locator("#expected-refund")).to_contain_text("once the claim is complete")
    upload(student, "receipt", receipt, name_on_it=False)
    attachments = student.locator("section[aria-labelledby=attachments-heading]")
    expect(attachments.get_by_role("link", name="itemised receipts")).to_be_visible()
    shots(student, "draft-with-lines")
    fits_the_screen(student)
    student.get_by_role("button", name="Submit the claim").click()
    # a receipt: the reference, and the day a decision is expected
    expect(student.get_by_role("heading", level=1)).to_have_text("We have received your claim")
    expect(student.locator("main")).to_contain_text(reference)
    shots(student, "receipt")
    fits_the_screen(student)
    student.get_by_role("link", name="Follow the claim").click()
    expect(student.locator("#status")).to_have_text("Submitted")
    expect(student.locator("ol.timeline")).to_contain_text("Next: Decision expected")

    # bob finds it in the queue and returns it: the user-fee overview is missing
    caseworker = new_context().new_page()
    sign_in(caseworker, "bob")
    caseworker.goto("/workspace/")
    expect(caseworker.get_by_role("heading", name="Open claims")).to_be_visible()
    shots(caseworker, "queue")
    caseworker.get_by_role("link", name=reference).click()
    expect(caseworker.get_by_role("heading", level=1)).to_have_text(f"Claim {reference}")
    caseworker.get_by_role("button", name="Start review").click()
    expect(caseworker.get_by_role("status")).to_contain_text("You are now reviewing this claim.")
    caseworker.get_by_label(
        "the user-fee overview from helsenorge.no showing your name", exact=True
    ).check()
    caseworker.get_by_label("Message to the student").fill("Please add the overview.")
    shots(caseworker, "review")
    caseworker.get_by_role("button", name="Return", exact=True).click()
    expect(caseworker.get_by_role("status")).to_contain_text(
        "The claim was returned to the student."
    )

    # alice sees what is missing, adds the overview and sends the claim again
    student.goto(claim_url)
    returned = student.locator("section.returned")
    expect(returned.get_by_role("heading")).to_have_text("The claim was returned to you")
    expect(returned).to_contain_text("the user-fee overview from helsenorge.no showing your name")
    expect(returned).to_contain_text("Please add the overview.")
    shots(student, "returned")
    fits_the_screen(student)
    upload(student, "user_fee_overview", overview, name_on_it=True)
    expect(
        attachments.get_by_role(
            "link", name="the user-fee overview from helsenorge.no showing your name"
        )
    ).to_be_visible()
    student.get_by_role("button", name="Send the claim again").click()
    expect(student.get_by_role("heading", level=1)).to_have_text("We have received your claim")
    student.get_by_role("link", name="Follow the claim").click()
    expect(student.locator("#status")).to_have_text("Submitted")
    expect(student.locator("ol.timeline")).to_contain_text("Claim sent again")

    # bob reviews again, with each document beside the lines, and decides
    caseworker.goto("/workspace/")
    caseworker.get_by_role("link", name=reference).click()
    caseworker.get_by_role("button", name="Start review").click()
    documents = caseworker.locator("section[aria-labelledby=attachments-heading]")
    with caseworker.expect_response(re.compile(r"/documents/\d+/inline/$")) as shown:
        documents.get_by_role("link", name="itemised receipts").click()
    assert shown.value.ok and shown.value.headers["content-type"] == "application/pdf"
    frame = documents.locator("iframe")
    expect(frame).to_have_attribute("title", re.compile(r"^itemised receipts \(file .+\.pdf\)$"))
    # The document is a stop of the keyboard. (Tabbing into Chromium's PDF viewer, a frame of
    # its own process, lands there only once the viewer has started: too racy to press here.)
    assert frame.evaluate("frame => frame.tabIndex") == 0
    shots(caseworker, "receipt-beside-the-lines")
    overview_link = documents.get_by_role(
        "link", name="the user-fee overview from helsenorge.no showing your name"
    )
    overview_link.click()
    expect(overview_link).to_have_attribute("aria-current", "true")
    image = documents.get_by_role("img", name=re.compile("^the user-fee overview"))
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth") == 200
    shots(caseworker, "overview-beside-the-lines")
    caseworker.get_by_role("link", name="Decide…").click()
    caseworker.get_by_role("button", name="Confirm the decision").click()
    expect(caseworker.get_by_role("status")).to_contain_text("The claim is decided.")
    shots(caseworker, "decided")

    # alice reads the decision and downloads the letter
    student.goto(claim_url)
    decision = student.locator("section[aria-labelledby=decision-heading]")
    # SiO's GP threshold is NOK 490: of NOK 600 in user fees, NOK 110 is refunded
    expect(decision).to_contain_text("The claim is approved.")
    expect(decision).to_contain_text("Refund: NOK 110.00")
    shots(student, "decision")
    student.get_by_role("link", name="Read the decision letter").click()
    expect(student.locator("article.letter")).to_be_visible()
    expect(student.locator("article.letter")).to_contain_text(reference)
    expect(student.locator("#total-refund")).to_contain_text("110.00")
    shots(student, "letter")
    with student.expect_download() as download_info:
        student.get_by_role("link", name="Download the decision letter (PDF)").click()
    letter = download_info.value
    saved = tmp_path / "letter.pdf"
    letter.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")

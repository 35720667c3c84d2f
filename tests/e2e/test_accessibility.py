"""axe-core on every page a student or a caseworker sees, in English and in bokmål, in a real
browser.

The claims are put in place through the services (the browser flow is tested in test_flow);
every page is then opened as alice, bob or dave would see it and checked. Serious and critical
findings fail the test. axe takes a placeholder for a label, so form controls are checked for a
real label too. Each page is checked for the text that shows it is in the state meant (the
estimate, the return, the decision), read from the catalogue in the page's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import formats, translation
from playwright.sync_api import Page
from pytest_django import Settings

from refusjon import clock
from refusjon.claims import appeals, services
from refusjon.claims.models import Attachment, Claim, User
from refusjon.intake import readings
from refusjon.intake import services as intake
from refusjon.intake.models import ReadLine
from refusjon.intake.reading.records import Box, Extraction, FeeLine, Kind, ReceiptDetails
from refusjon.payouts import recoveries
from refusjon.payouts import services as payouts
from refusjon.payouts.models import PayoutRun, Recovery
from tests.claims.conftest import caseworker, student
from tests.e2e.conftest import NewContext, Shots, sign_in
from tests.factories import decide, in_review, sio_claim, sio_draft
from tests.intake.documents import overview_pdf
from tests.intake.files import pdf, pdf_with_text, png
from tests.payouts.conftest import with_account

pytestmark = pytest.mark.django_db(transaction=True)

BLOCKING = {"serious", "critical"}
LANGUAGES = ["en", "nb"]

# Form controls with no label, or only a placeholder or title (hidden inputs aside).
UNLABELLED = """
() => Array.from(document.querySelectorAll('input, select, textarea'))
  .filter(el => el.type !== 'hidden' && el.offsetParent !== null)
  .filter(el => el.labels.length === 0 && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby'))
  .map(el => el.outerHTML.slice(0, 120))
"""


@dataclass(frozen=True)
class Shows:
    """A message the page shows in the state meant, with the values put into it."""

    msgid: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, language: str) -> str:
        with translation.override(language):
            values = {name: formats.localize(value) for name, value in self.values.items()}
            return translation.gettext(self.msgid) % values


@dataclass(frozen=True)
class Visit:
    """A page to check: where it is, what shows its state, and what to do on it first."""

    path: str
    shows: Shows | None = None
    then: Callable[[Page], None] | None = None
    status: int = 200


def problems(page: Page, axe: Axe) -> list[str]:
    """What is wrong with the page now: blocking axe rules and unlabelled controls."""
    found = [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(str(node["target"][0]) for node in violation["nodes"][:3])
        for violation in axe.run(page).response["violations"]
        if violation["impact"] in BLOCKING
    ]
    found += [f"unlabelled control: {html}" for html in page.evaluate(UNLABELLED)]
    return found


def check(
    page: Page, visits: dict[str, Visit], *, language: str, shots: Shots, user: str | None
) -> dict[str, list[str]]:
    """Open each page in turn (signed in as ``user`` once needed) and say what is wrong."""
    axe = Axe()
    failures: dict[str, list[str]] = {}
    for name, visit in visits.items():
        if user is not None and (page.url == "about:blank" or page.url.endswith("/login/")):
            sign_in(page, user, language)
        response = page.goto(visit.path)
        assert response is not None and response.status == visit.status, f"{name}: {visit.path}"
        if visit.then is not None:
            visit.then(page)
        assert page.locator("html").get_attribute("lang") == language, name
        if visit.shows is not None:
            text = visit.shows.text(language)
            assert text in page.locator("main").inner_text(), f"{name}: not the right page"
        shots(page, f"{language}-{name}")
        if found := problems(page, axe):
            failures[name] = found
    return failures


def report(failures: dict[str, list[str]]) -> str:
    return "accessibility problems:\n" + "\n".join(
        f"  {name}: {item}" for name, found in failures.items() for item in found
    )


def returned_claim(student: User, caseworker: User, *amounts: str) -> Claim:
    claim = in_review(sio_draft(student, *amounts), student, caseworker)
    return services.return_claim(
        claim,
        by=caseworker,
        missing=["user_fee_overview"],
        message="Please add the overview.",
        complete_by=clock.today() + timedelta(days=14),
    )


def paid_and_recovered(
    student: User, decider: User, opener: User, *amounts: str
) -> tuple[PayoutRun, Recovery]:
    """A claim of the student's decided, paid in a frozen run, and NOK 50 of it claimed back."""
    with_account(student)
    finance = caseworker("fiona")
    finance.groups.add(Group.objects.get_or_create(name="finance")[0])
    paid = sio_claim(student, *amounts)
    decide(paid, student, decider)
    run = payouts.build_run("sio", by=finance, execution_date=clock.today()).run
    run = payouts.freeze_run(run, by=finance)
    for payment in run.payments.all():
        payouts.mark_paid(payment, now=clock.now())
    recovery = recoveries.open_recovery(
        Claim.objects.get(pk=paid.pk),
        by=opener,
        amount_nok=Decimal("50.00"),
        reason="The fee was refunded by the clinic too.",
        source="Forvaltningsloven § 35",
    )
    return run, recovery


@pytest.mark.parametrize("language", LANGUAGES)
def test_student_pages_have_no_serious_axe_violations(
    new_context: NewContext, shots: Shots, alice: User, bob: User, language: str
) -> None:
    draft = sio_draft(alice, "300.00")
    returned = returned_claim(alice, bob, "250.00")
    decided = sio_claim(alice, "300.00", "300.00")
    decide(decided, alice, bob)
    appealed = sio_claim(alice, "400.00", "400.00")
    decide(appealed, alice, bob)
    appeal = appeals.save_appeal(appealed, by=alice, text="The fee in February was for me.")
    appeals.submit_appeal(appeal, by=alice)
    appeals.forward_appeal(appeal, by=caseworker("erin"), note="Sent on to the appeals body.")
    _run, recovery = paid_and_recovered(alice, bob, caseworker("gunnar"), "600.00", "100.00")
    read = with_reading(alice)
    read_named = with_reading(alice, name="Bjørn Berg", reconciled=True, waiting=False)

    refund = Shows("Read the decision letter")
    visits = {
        "claim-list": Visit("/"),
        "new-claim": Visit("/claim/new/", Shows("New claim")),
        "draft-claim": Visit(
            f"/claim/{draft.reference}/",
            Shows("The expected refund can be worked out once the claim is complete:"),
        ),
        "eligibility": Visit("/eligibility/"),
        "scheme-guide": Visit("/scheme/sio/"),
        "profile": Visit("/profile/"),
        "returned-claim": Visit(
            f"/claim/{returned.reference}/", Shows("The claim was returned to you")
        ),
        "decided-claim": Visit(f"/claim/{decided.reference}/", refund),
        "receipt": Visit(
            f"/claim/{decided.reference}/receipt/", Shows("We have received your claim")
        ),
        "letter": Visit(f"/claim/{decided.reference}/letter/", Shows("Total refund")),
        "access-log": Visit(f"/claim/{decided.reference}/access/"),
        "appeal": Visit(f"/claim/{decided.reference}/appeal/", Shows("Deadline for an appeal")),
        "appeal-sent": Visit(f"/claim/{appealed.reference}/appeal/", Shows("Our assessment")),
        "recoveries": Visit("/recoveries/"),
        "recovery-letter": Visit(f"/recovery/{recovery.reference}/"),
        "recovery-appeal": Visit(f"/recovery/{recovery.reference}/appeal/"),
        "found-lines-being-read": Visit(
            f"/claim/{read.reference}/", Shows("Reading your document…")
        ),
        "found-lines-another-name": Visit(
            f"/claim/{read_named.reference}/",
            Shows("Lines found in your documents"),
            then=another_name_shown,
        ),
        "found-lines-open": Visit(
            f"/claim/{read.reference}/#found",
            Shows("Change what was read"),
            then=open_what_was_read,
        ),
    }
    page = new_context(language).new_page()
    failures = check(
        page,
        {"login": Visit("/login/", Shows("Sign in"))},
        language=language,
        shots=shots,
        user=None,
    )
    failures |= check(page, visits, language=language, shots=shots, user="alice")
    assert not failures, report(failures)


def with_documents(student: User) -> Claim:
    """A draft with a scanned receipt (an image) and the user-fee overview (a PDF) as files."""
    claim = sio_draft(student, "300.00", "300.00")
    for data, name, document in [
        (png((400, 300)), "kvittering.png", "receipt"),
        (pdf(pdf_with_text("Egenandeler 2026")), "egenandeler.pdf", "user_fee_overview"),
    ]:
        intake.attach_document(
            claim,
            by=student,
            data=data,
            filename=name,
            document_type=document,
        )
    return claim


# The fees on the overview of the claims with a reading: one a line in the claim, one with
# another amount than the line of its day, and one not in the claim.
READ_FEES = [
    (date(2026, 1, 10), "Majorstuen legesenter", "300.00"),
    (date(2026, 2, 10), "Oslo legevakt", "250.00"),
    (date(2026, 3, 10), "Psykolog Hansen, Bjørvika psykologsenter", "420.50"),
]


def checked_file(claim: Claim, document_type: str, name: str, data: bytes) -> Attachment:
    """A checked document with its file, as the upload check leaves it (no job asked for)."""
    attachment = Attachment(claim=claim, document_type=document_type, uploaded_name=name)
    attachment.file.save(name, ContentFile(data), save=False)
    attachment.content_type = "application/pdf" if name.endswith(".pdf") else "image/png"
    attachment.save()
    return attachment


def with_reading(
    student: User, *, name: str = "", reconciled: bool = False, waiting: bool = True
) -> Claim:
    """A draft whose overview (a real text PDF) has been read, put in place as the reading job
    would keep it (no OCR): the fees of READ_FEES, each with its box, the ``name`` read (none:
    the student is offered to say it is theirs), lines that do not add up to the printed total
    unless ``reconciled``, and, if ``waiting``, a receipt checked and still being read."""
    if not student.last_name:  # a name to compare the one read with
        student.first_name, student.last_name = "Alice", "Sæther"
        student.save(update_fields=["first_name", "last_name"])
    claim = sio_draft(student, "300.00", "300.00")
    overview = checked_file(
        claim, "user_fee_overview", "egenandeler.pdf", overview_pdf("Alice Sæther", READ_FEES)
    )
    lines = tuple(
        FeeLine(
            day,
            Decimal(amount),
            provider,
            "Egenandel",
            Box(1, 0.08, 0.245 + row * 0.028, 0.92, 0.268 + row * 0.028),
        )
        for row, (day, provider, amount) in enumerate(READ_FEES)
    )
    readings.keep_reading(
        overview,
        Extraction(
            kind=Kind.USER_FEE_OVERVIEW,
            name=name,
            total=Decimal("1000.00"),
            reconciled=reconciled,
            lines=lines,
            engine="pdf-text",
        ),
    )
    if waiting:
        checked_file(claim, "receipt", "kvittering.png", png((400, 300)))
    return claim


def with_receipt_read(claim: Claim) -> None:
    """An itemised receipt of the psychologist's fee, read."""
    day, provider, amount = READ_FEES[2]
    receipt = checked_file(claim, "receipt", "kvittering.pdf", pdf(pdf_with_text("Kvittering")))
    readings.keep_reading(
        receipt,
        Extraction(
            kind=Kind.RECEIPT,
            name="Alice Sæther",
            total=Decimal(amount),
            reconciled=True,
            lines=(
                FeeLine(day, Decimal(amount), provider, "Samtale", Box(1, 0.1, 0.2, 0.9, 0.25)),
            ),
            engine="pdf-text",
            receipt=ReceiptDetails(provider, "987654321", itemised=True, treatment="Samtaleterapi"),
        ),
    )


def found_where(claim: Claim) -> int:
    """The read line of the claim's first line (the fee of January on the overview)."""
    return ReadLine.objects.get(reading__attachment__claim=claim, date=READ_FEES[0][0]).pk


def document(claim: Claim, kind: str) -> int:
    return Attachment.objects.get(claim=claim, document_type=kind).pk


def pdf_shown(page: Page) -> None:
    """Give the browser's PDF viewer a moment to draw the page, for the screenshot."""
    page.locator("#viewer iframe").wait_for()
    page.wait_for_timeout(1000)


def on_a_phone(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})


def another_name_shown(page: Page) -> None:
    assert page.locator("#found p.error").count() == 1, "the name read is not said to differ"


def open_what_was_read(page: Page) -> None:
    page.locator("#found details summary").first.click()


def open_the_override_form(page: Page) -> None:
    page.locator("details summary").first.click()


def return_with_nothing_missing(page: Page) -> None:
    with translation.override(page.locator("html").get_attribute("lang") or "en"):
        name = translation.gettext("Return")
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", LANGUAGES)
def test_caseworker_pages_have_no_serious_axe_violations(
    new_context: NewContext,
    shots: Shots,
    settings: Settings,
    alice: User,
    bob: User,
    dave: User,
    language: str,
) -> None:
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "100.00"  # NOK 110 waits for a second caseworker
    submitted = sio_claim(alice, "300.00")
    services.submit_claim(submitted, by=alice, token="t-" + submitted.reference)
    reviewed = in_review(with_documents(alice), alice, bob)
    services.override_line(
        reviewed,
        by=bob,
        line_number=2,
        outcome="accepted",
        refund_nok=Decimal("300.00"),
        justification="The receipt shows a GP visit.",
    )
    returned = returned_claim(alice, bob, "250.00")
    proposed = sio_claim(alice, "300.00", "300.00")
    decide(proposed, alice, bob)
    decided = sio_claim(alice, "300.00", "250.00")
    decide(decided, alice, bob)  # NOK 60: no second caseworker needed
    appealed = sio_claim(alice, "50.00")  # past the threshold already: NOK 50, decided alone
    decide(appealed, alice, bob)
    appeals.submit_appeal(
        appeals.save_appeal(appealed, by=alice, text="The second fee was for me."), by=alice
    )
    # carol's claim pays NOK 100, not above the four-eyes limit of this test
    run, recovery = paid_and_recovered(student("carol", "P-CAROL"), dave, bob, "590.00")
    read = with_reading(alice, name="Bjørn Berg")
    with_receipt_read(read)
    read = in_review(read, alice, bob)

    def claim(reference: str, query: str = "") -> str:
        return f"/workspace/claim/{reference}/{query}"

    ref = reviewed.reference
    by_bob = {
        "queue": Visit("/workspace/", Shows("Open claims")),
        "queue-filtered": Visit(
            "/workspace/?scheme=sio&status=in_review&waiting_on=caseworkers&min_age_days=0"
        ),
        "queue-filter-error": Visit("/workspace/?min_age_days=-3"),
        "queue-search": Visit("/workspace/?q=alice&assigned=mine", Shows("Claims found")),
        "decide-confirmation": Visit(claim(ref, "decide/"), Shows("Cancel")),
        "submitted-claim": Visit(claim(submitted.reference), Shows("Start review")),
        "claim-in-review": Visit(claim(ref), Shows("Return to the student")),
        "override-form": Visit(claim(ref), Shows("Override"), then=open_the_override_form),
        "return-form-errors": Visit(
            claim(ref),
            Shows("Say what is missing before you return the claim."),
            then=return_with_nothing_missing,
        ),
        "document-viewer-pdf": Visit(
            claim(ref, f"?document={document(reviewed, 'user_fee_overview')}#viewer"),
            Shows("Open in a new tab"),
            then=pdf_shown,
        ),
        "document-viewer-image": Visit(
            claim(ref, f"?document={document(reviewed, 'receipt')}#viewer"),
            Shows("Open in a new tab"),
        ),
        "claim-against-documents": Visit(claim(read.reference), Shows("Against the documents")),
        "found-fee-marked": Visit(
            claim(
                read.reference,
                f"?document={document(read, 'user_fee_overview')}&found={found_where(read)}#viewer",
            ),
            Shows("Against the documents"),
        ),
        "returned-claim": Visit(claim(returned.reference), Shows("Returned to the student")),
        "awaiting-approval-proposer": Visit(
            claim(proposed.reference), Shows("A second caseworker must approve this decision.")
        ),
        "decided-claim": Visit(claim(decided.reference), Shows("Nothing to do on this claim now.")),
        "appeal-of-own-decision": Visit(
            claim(appealed.reference),
            Shows("You made or proposed this decision: another caseworker handles the appeal."),
        ),
    }
    on_phone = {
        "document-viewer-on-a-phone": Visit(
            claim(ref, f"?document={document(reviewed, 'receipt')}#viewer"),
            Shows("Open in a new tab"),
            then=on_a_phone,
        ),
        "found-fee-marked-on-a-phone": Visit(
            claim(
                read.reference,
                f"?document={document(read, 'user_fee_overview')}&found={found_where(read)}#viewer",
            ),
            Shows("Against the documents"),
            then=on_a_phone,
        ),
    }
    by_dave = {
        "awaiting-approval": Visit(
            claim(proposed.reference), Shows("Approve the proposed decision as it stands.")
        ),
        "appeal-to-handle": Visit(claim(appealed.reference), Shows("Uphold the decision")),
        "recovery-appeal-form": Visit(f"/workspace/recovery/{recovery.reference}/"),
    }
    by_fiona = {
        "payout-runs": Visit("/workspace/payouts/"),
        "payout-run": Visit(f"/workspace/payouts/run/{run.reference}/"),
        "reports": Visit("/workspace/reports/"),
        "open-debts": Visit("/workspace/recoveries/"),
    }
    page = new_context(language).new_page()
    failures = check(page, by_bob, language=language, shots=shots, user="bob")
    failures |= check(page, on_phone, language=language, shots=shots, user="bob")
    failures |= check(
        new_context(language).new_page(), by_dave, language=language, shots=shots, user="dave"
    )
    failures |= check(
        new_context(language).new_page(), by_fiona, language=language, shots=shots, user="fiona"
    )
    assert not failures, report(failures)

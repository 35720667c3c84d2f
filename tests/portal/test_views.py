"""The student portal: alice applies through the pages; carol and strangers are refused."""

from __future__ import annotations

import itertools
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from refusjon.claims import services
from refusjon.claims.models import (
    Assessment,
    AssessmentKind,
    Attachment,
    AuditEntry,
    Claim,
    ClaimStatus,
    ExpenseLine,
    User,
)
from tests.factories import sio_claim

GP_FEE = {
    "category": "gp",
    "service_on": "2026-03-10",
    "amount": "300.00",
    "currency": "NOK",
    "public_user_fee": "on",
}


@pytest.fixture
def english(settings: Any) -> None:
    settings.LANGUAGE_CODE = "en"


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def draft(student: User, *amounts: str) -> Claim:
    """A SiO claim for 2026 with a GP user fee per amount and the user-fee overview."""
    return sio_claim(student, *amounts, now=None)


def claim_url(claim: Claim, name: str = "claim", **kwargs: Any) -> str:
    return reverse(f"portal:{name}", kwargs={"reference": claim.reference, **kwargs})


def submit_token(page: Any) -> str:
    return str(page.context["submit_form"]["token"].value())


def test_the_claim_list_links_to_a_new_claim_and_to_each_claim(client: Client, alice: User) -> None:
    claim = draft(alice)
    page = signed_in(client, alice).get(reverse("portal:home"))
    assert reverse("portal:new_claim") in page.content.decode()
    assert claim_url(claim) in page.content.decode()


def test_the_claim_list_shows_only_my_own_claims(client: Client, alice: User, carol: User) -> None:
    carols = draft(carol)
    page = signed_in(client, alice).get(reverse("portal:home"))
    assert carols.reference not in page.content.decode()


@pytest.mark.usefixtures("english")
def test_alice_applies_through_the_pages_and_sees_the_expected_refund(
    client: Client, alice: User
) -> None:
    signed_in(client, alice)
    page = client.post(
        reverse("portal:new_claim"),
        {"scheme": "sio", "year": "2026", "semester": "", "patient_relation": "self"},
    )
    claim = Claim.objects.get(applicant=alice)
    assert (claim.scheme, claim.period, claim.status) == ("sio", "2026", ClaimStatus.DRAFT)
    assert page.headers["Location"] == claim_url(claim)

    for day in ("2026-03-10", "2026-04-10"):
        page = client.post(claim_url(claim, "add_line"), {**GP_FEE, "service_on": day})
        assert page.status_code == 302
    Attachment.objects.create(
        claim=claim, document_type="user_fee_overview", shows_applicant_name=True
    )

    page = client.get(claim_url(claim))
    assert page.context["estimate"]["refund_nok"] == Decimal("110.00")
    assert page.context["estimate"]["explanation"]
    assert "NOK 110.00" in page.content.decode()
    assert [row.line.amount for row in page.context["lines"]] == [Decimal("300.00")] * 2


@pytest.mark.usefixtures("english")
def test_the_page_names_the_documents_still_needed(client: Client, alice: User) -> None:
    claim = services.create_draft(alice, scheme="sio", period="2026")
    services.add_line(
        claim,
        by=alice,
        category="gp",
        service_on=date(2026, 3, 10),
        amount=Decimal("600.00"),
        public_user_fee=True,
    )
    page = signed_in(client, alice).get(claim_url(claim))
    documents = page.context["estimate"]["documents"]
    assert any("user-fee overview" in text for text in documents)


def test_a_semester_claim_keeps_its_semester(client: Client, alice: User) -> None:
    signed_in(client, alice).post(
        reverse("portal:new_claim"),
        {"scheme": "sio", "year": "2026", "semester": "fall", "patient_relation": "self"},
    )
    assert Claim.objects.get(applicant=alice).period == "2026-fall"


def test_a_new_claim_without_a_year_names_the_field(client: Client, alice: User) -> None:
    page = signed_in(client, alice).post(reverse("portal:new_claim"), {"scheme": "sio"})
    assert page.status_code == 200
    assert "year" in page.context["form"].errors
    assert 'aria-describedby="id_year_error"' in page.content.decode()
    assert not Claim.objects.exists()


def test_someone_without_a_student_profile_is_told_why(client: Client, bob: User) -> None:
    page = signed_in(client, bob).post(
        reverse("portal:new_claim"), {"scheme": "sio", "year": "2026", "patient_relation": "self"}
    )
    html = page.content.decode()  # no form: a link to the profile, to fill in first
    assert 'href="/profile/"' in html and 'action="/claim/new/"' not in html
    assert not Claim.objects.exists()


def test_a_draft_is_kept_between_visits(client: Client, alice: User) -> None:
    claim = draft(alice, "300.00")
    client.force_login(alice)
    client.logout()
    page = signed_in(client, alice).get(claim_url(claim))
    assert page.status_code == 200
    assert len(page.context["lines"]) == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [("amount", "-1.00"), ("service_on", ""), ("category", "not-a-category")],
)
def test_a_wrong_expense_is_named_next_to_its_field_and_not_saved(
    client: Client, alice: User, field: str, value: str
) -> None:
    claim = draft(alice)
    page = signed_in(client, alice).post(claim_url(claim, "add_line"), {**GP_FEE, field: value})
    assert page.status_code == 200
    assert list(page.context["line_form"].errors) == [field]
    html = page.content.decode()
    assert f'id="id_{field}_error"' in html
    assert f'aria-describedby="id_{field}_error"' in html
    assert not ExpenseLine.objects.filter(claim=claim).exists()


def test_every_input_of_the_expense_form_has_a_label(client: Client, alice: User) -> None:
    claim = draft(alice)
    page = signed_in(client, alice).get(claim_url(claim))
    html = page.content.decode()
    for field in page.context["line_form"]:
        assert f'<label for="{field.id_for_label}"' in html


def test_alice_removes_an_expense(client: Client, alice: User) -> None:
    claim = draft(alice, "300.00", "200.00")
    page = signed_in(client, alice).post(claim_url(claim, "remove_line", number=1))
    assert page.status_code == 302
    assert list(claim.lines.values_list("number", flat=True)) == [2]


def test_removing_an_expense_needs_a_post(client: Client, alice: User) -> None:
    claim = draft(alice, "300.00")
    page = signed_in(client, alice).get(claim_url(claim, "remove_line", number=1))
    assert page.status_code == 405
    assert claim.lines.count() == 1


def test_submitting_twice_with_the_same_token_submits_once(client: Client, alice: User) -> None:
    claim = draft(alice, "300.00", "300.00")
    signed_in(client, alice)
    token = submit_token(client.get(claim_url(claim)))
    for _ in range(2):
        page = client.post(claim_url(claim, "submit"), {"token": token})
        assert page.headers["Location"] == claim_url(claim, "receipt")  # a double click too
    assert Assessment.objects.filter(claim=claim, kind=AssessmentKind.PROPOSAL).count() == 1
    assert AuditEntry.objects.filter(claim=claim, action="claims.claim.submitted").count() == 1
    assert Claim.objects.filter(applicant=alice).count() == 1


@pytest.mark.usefixtures("english")
def test_a_submitted_claim_shows_its_status_and_no_editing_forms(
    client: Client, alice: User
) -> None:
    claim = draft(alice, "300.00")
    signed_in(client, alice)
    client.post(claim_url(claim, "submit"), {"token": "once"})
    page = client.get(claim_url(claim))
    html = page.content.decode()
    assert "Submitted" in html
    assert "line_form" not in page.context and "submit_form" not in page.context
    assert claim_url(claim, "add_line") not in html
    assert claim_url(claim, "submit") not in html


def test_a_submitted_claim_cannot_be_changed(client: Client, alice: User) -> None:
    claim = draft(alice, "300.00")
    services.submit_claim(claim, by=alice, token="once")
    signed_in(client, alice)
    client.post(claim_url(claim, "add_line"), GP_FEE)
    client.post(claim_url(claim, "remove_line", number=1))
    assert claim.lines.count() == 1


def test_submitting_without_expenses_is_refused_with_a_message(client: Client, alice: User) -> None:
    claim = draft(alice)
    page = signed_in(client, alice).post(claim_url(claim, "submit"), {"token": "once"}, follow=True)
    assert [str(message) for message in page.context["messages"]]
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.DRAFT


def returned(claim: Claim, student: User, caseworker: User) -> Claim:
    services.submit_claim(claim, by=student, token="first")
    services.start_review(claim, by=caseworker)
    return services.return_claim(
        claim,
        by=caseworker,
        missing=["receipt"],
        message="Legg ved kvitteringen fra legen.",
        complete_by=date(2026, 12, 1),
    )


@pytest.mark.usefixtures("english")
def test_a_returned_claim_says_what_is_missing_and_can_be_sent_again(
    client: Client, alice: User, bob: User
) -> None:
    claim = returned(draft(alice, "300.00"), alice, bob)
    signed_in(client, alice)
    page = client.get(claim_url(claim))
    html = page.content.decode()
    assert "itemised receipts" in html
    assert "Legg ved kvitteringen fra legen." in html
    assert "line_form" in page.context

    client.post(claim_url(claim, "add_line"), GP_FEE)
    client.post(claim_url(claim, "submit"), {"token": submit_token(page)})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    assert claim.lines.count() == 2


@pytest.mark.usefixtures("english")
def test_a_decided_claim_shows_the_decision_in_english(
    client: Client, alice: User, bob: User
) -> None:
    claim = draft(alice, "300.00", "300.00")
    services.submit_claim(claim, by=alice, token="once")
    services.start_review(claim, by=bob)
    services.decide_claim(claim, by=bob)
    page = signed_in(client, alice).get(claim_url(claim))
    decision = page.context["decision"]
    assert decision["refund_nok"] == Decimal("110.00")
    assert [line["number"] for line in decision["lines"]] == ["1", "2"]
    assert decision["explanation"] == Assessment.objects.get(kind="decision").record["explanation"]
    assert "line_form" not in page.context


def test_a_decided_claim_shows_the_decision_in_norwegian(
    client: Client, alice: User, bob: User
) -> None:
    claim = draft(alice, "300.00", "300.00")
    services.submit_claim(claim, by=alice, token="once")
    services.start_review(claim, by=bob)
    services.decide_claim(claim, by=bob)
    page = signed_in(client, alice).get(claim_url(claim))
    record = Assessment.objects.get(kind="decision").record
    assert page.context["decision"]["explanation"] == record["explanation_nb"]


def every_url(claim: Claim) -> list[tuple[str, str]]:
    return [
        ("get", claim_url(claim)),
        ("post", claim_url(claim, "add_line")),
        ("post", claim_url(claim, "remove_line", number=1)),
        ("post", claim_url(claim, "submit")),
        ("get", claim_url(claim, "estimate")),
    ]


def test_carol_gets_not_found_for_every_page_of_alices_claim(
    client: Client, alice: User, carol: User
) -> None:
    claim = draft(alice, "300.00")
    signed_in(client, carol)
    for method, url in every_url(claim):
        data = {**GP_FEE, "token": "carols"} if method == "post" else {}
        assert getattr(client, method)(url, data).status_code == 404, url
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFT and claim.lines.count() == 1


def test_a_caseworker_does_not_see_alices_claim_in_the_portal(
    client: Client, alice: User, bob: User
) -> None:
    claim = draft(alice, "300.00")
    assert signed_in(client, bob).get(claim_url(claim)).status_code == 404


def test_a_stranger_is_sent_to_sign_in(client: Client, alice: User) -> None:
    claim = draft(alice, "300.00")
    urls = [("get", reverse("portal:home")), ("get", reverse("portal:new_claim"))]
    for method, url in urls + every_url(claim):
        page = getattr(client, method)(url)
        assert page.status_code == 302, url
        assert page.headers["Location"].startswith(reverse("login")), url
    assert claim.lines.count() == 1


def test_the_expense_form_asks_an_amount_in_nok_only_as_a_stand_in(
    client: Client, alice: User
) -> None:
    """The service converts a foreign amount at Norges Bank's rate; the student's NOK amount
    is needed only while no rate is stored for the day (docs/decisions.md, D7)."""
    page = signed_in(client, alice).get(claim_url(draft(alice)))
    assert not page.context["line_form"].fields["nok_amount"].required
    assert "Norges Banks kurs brukes når den er lastet inn" in page.content.decode()


def test_a_foreign_expense_the_service_refuses_is_not_saved_and_says_why(
    client: Client, alice: User
) -> None:
    # No exchange rate is stored in these tests, so the service cannot convert the amount.
    claim = draft(alice)
    page = signed_in(client, alice).post(
        claim_url(claim, "add_line"), {**GP_FEE, "currency": "eur"}
    )
    assert page.status_code == 200
    assert not page.context["line_form"].errors
    assert [str(message) for message in page.context["messages"]]
    assert page.context["line_form"]["currency"].value() == "eur"
    assert not claim.lines.exists()


@pytest.mark.usefixtures("english")
def test_a_foreign_line_shows_its_amount_in_nok_and_the_rate(client: Client, alice: User) -> None:
    claim = draft(alice)
    ExpenseLine.objects.create(
        claim=claim,
        number=1,
        category="gp",
        service_on=date(2026, 3, 10),
        amount=Decimal("30.00"),
        currency="EUR",
        nok_amount=Decimal("351.70"),
    )
    page = signed_in(client, alice).get(claim_url(claim))
    assert page.context["lines"][0].rate == Decimal("11.7233")
    assert "NOK 351.70 at 11.7233 NOK per EUR" in page.content.decode()


def test_the_page_shows_without_an_estimate_when_a_line_has_no_nok_amount(
    client: Client, alice: User
) -> None:
    claim = draft(alice)
    # The services refuse such a line now; one kept from before must not break the page.
    ExpenseLine.objects.create(
        claim=claim,
        number=1,
        category="gp",
        service_on=date(2026, 3, 10),
        amount=Decimal("30.00"),
        currency="EUR",
    )
    page = signed_in(client, alice).get(claim_url(claim))
    assert page.status_code == 200
    assert page.context["estimate"] == {"unavailable": True}


def heading_levels(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


def test_headings_go_down_one_level_at_a_time(client: Client, alice: User, bob: User) -> None:
    claim = draft(alice, "300.00", "300.00")
    signed_in(client, alice)
    pages = [reverse("portal:home"), reverse("portal:new_claim"), claim_url(claim)]
    services.submit_claim(draft(alice, "300.00"), by=alice, token="once")
    decided = draft(alice, "300.00")
    services.submit_claim(decided, by=alice, token="twice")
    services.start_review(decided, by=bob)
    services.decide_claim(decided, by=bob)
    for url in [*pages, claim_url(decided)]:
        levels = heading_levels(client.get(url).content.decode())
        assert levels[0] == 1 and levels.count(1) == 1, url
        assert all(after - before <= 1 for before, after in itertools.pairwise(levels)), url


def test_every_input_of_the_new_claim_form_has_a_label(client: Client, alice: User) -> None:
    page = signed_in(client, alice).get(reverse("portal:new_claim"))
    html = page.content.decode()
    for field in page.context["form"]:
        assert f'<label for="{field.id_for_label}"' in html

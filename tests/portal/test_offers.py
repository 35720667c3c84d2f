"""A student is offered what their claim's scheme knows: its kinds of treatment and of
document, nothing chosen for them, and only the schemes they can use, refused otherwise."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from refusjon import clock
from refusjon.claims import offers, services
from refusjon.claims.errors import ClaimError
from refusjon.claims.models import Attachment, Claim, StudentProfile, User
from refusjon.rules.parameters import default_parameters
from refusjon.rules.schemes import offered_categories, offered_documents
from tests.factories import in_review, sio_draft
from tests.intake.files import png

DAY = date(2026, 11, 2)


def options(html: str, select_id: str) -> list[str]:
    """The values of a select's options, in order."""
    select = re.search(rf'<select[^>]*id="{select_id}"[^>]*>(.*?)</select>', html, re.S)
    assert select is not None, select_id
    return re.findall(r'<option value="([^"]*)"', select.group(1))


def test_each_scheme_offers_the_categories_its_rules_refund() -> None:
    params = default_parameters()
    assert offered_categories("sio", DAY) == params.value("sio.covered_categories", DAY)
    ssn = offered_categories("ssn", DAY)
    assert {"dentist", "chiropractor", "gp"} <= ssn and "hospital_stay" not in ssn
    helfo = offered_categories("helfo_abroad", DAY)
    assert {"hospital_stay", "chiropractor", "patient_travel"} <= helfo
    assert not helfo & params.value("helfo_abroad.excluded_categories", DAY)


def test_each_scheme_offers_the_documents_it_asks_for_first() -> None:
    assert offered_documents("sio")[0] == "user_fee_overview"
    assert "vaccine_confirmation" not in offered_documents("sio")
    assert set(default_parameters().value("helfo_abroad.required_documents", DAY)) <= set(
        offered_documents("helfo_abroad")
    )


@pytest.mark.django_db
def test_a_sio_draft_offers_sio_treatments_and_documents_with_nothing_chosen(
    client: Client, alice: User
) -> None:
    claim = sio_draft(alice, "300.00")
    client.force_login(alice)
    html = client.get(f"/claim/{claim.reference}/").content.decode()

    categories = options(html, "id_category")
    assert categories[0] == "" and set(categories[1:]) == offered_categories("sio", DAY)
    assert "dentist" not in categories  # SiO refunds no dentist: it is not offered
    documents = options(html, "id_document_type")
    assert documents == ["", "user_fee_overview", "receipt", "proof_of_payment"]
    assert "selected" not in re.search(r'id="id_document_type".*?</select>', html, re.S).group()  # type: ignore[union-attr]


@pytest.mark.django_db
def test_a_treatment_the_scheme_does_not_refund_is_refused(client: Client, alice: User) -> None:
    claim = sio_draft(alice)
    client.force_login(alice)
    page = client.post(
        f"/claim/{claim.reference}/lines/",
        {"category": "dentist", "service_on": "2026-03-01", "amount": "900", "currency": "NOK"},
    )
    assert page.status_code in (200, 422)
    assert "category" in page.context["line_form"].errors
    assert not claim.lines.exists()


@pytest.mark.django_db
def test_a_document_kind_the_scheme_does_not_take_is_refused(client: Client, alice: User) -> None:
    claim = sio_draft(alice, "300.00")
    client.force_login(alice)
    for kind in ("vaccine_confirmation", "receipt"):
        client.post(
            f"/claim/{claim.reference}/documents/",
            {
                "document_type": kind,
                "file": SimpleUploadedFile("k.png", png(), content_type="image/png"),
                "language": "no",
            },
        )
    assert list(Attachment.objects.filter(claim=claim).values_list("document_type", flat=True)) == [
        "receipt"
    ]


@pytest.mark.django_db
def test_what_a_return_asks_for_is_offered_first(client: Client, alice: User, bob: User) -> None:
    claim = in_review(sio_draft(alice, "300.00"), alice, bob)
    services.return_claim(
        claim,
        by=bob,
        missing=["student_id"],
        message="Add your student ID.",
        complete_by=clock.today() + timedelta(days=14),
    )
    client.force_login(alice)
    html = client.get(f"/claim/{claim.reference}/").content.decode()
    assert options(html, "id_document_type")[:2] == ["", "student_id"]


@pytest.mark.django_db
def test_only_the_schemes_the_student_can_use_are_offered(client: Client, alice: User) -> None:
    assert offers.eligible_schemes(alice) == {"sio"}
    client.force_login(alice)
    html = client.get("/claim/new/?scheme=helfo_abroad").content.decode()
    assert options(html, "id_scheme") == ["sio"]
    assert '<option value="sio" selected>' in html


@pytest.mark.django_db
def test_a_scheme_the_student_cannot_use_is_refused_by_the_form_and_the_service(
    client: Client, alice: User
) -> None:
    client.force_login(alice)
    page = client.post(
        "/claim/new/", {"scheme": "helfo_abroad", "year": "2026", "patient_relation": "self"}
    )
    assert page.status_code == 200 and not Claim.objects.exists()
    with translation.override("en"), pytest.raises(ClaimError, match="cannot apply under"):
        offers.start_claim(alice, scheme="helfo_abroad", period="2026")
    assert offers.start_claim(alice, scheme="sio", period="2026").scheme == "sio"


@pytest.mark.django_db
def test_a_student_who_can_use_no_scheme_is_told_where_to_see_why(
    client: Client, alice: User
) -> None:
    StudentProfile.objects.filter(user=alice).update(semester_fee_paid=False)
    client.force_login(alice)
    html = client.get("/claim/new/").content.decode()
    assert 'href="/eligibility/"' in html and '<form method="post" action="/claim/new/"' not in html


@pytest.mark.django_db
def test_a_student_with_no_profile_is_asked_for_one_before_any_claim(alice: User) -> None:
    StudentProfile.objects.filter(user=alice).delete()
    with translation.override("en"), pytest.raises(ClaimError, match="Fill in your profile"):
        offers.start_claim(alice, scheme="sio", period="2026")
    assert not Claim.objects.exists()

"""A student sees only the scheme of their institution's welfare organisation (and Helfo's for
students abroad): on the eligibility page, in the new-claim form, and a forged choice of
another is refused."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from refusjon.claims.models import Claim, User
from tests.portal.test_offers import options


@pytest.fixture
def client() -> Client:
    """A browser that asks for English pages."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def test_a_student_of_uis_is_shown_sis_and_not_sio(client: Client, siri: User) -> None:
    client.force_login(siri)
    html = client.get(reverse("portal:eligibility")).content.decode()
    assert 'id="scheme-sis"' in html and "SiS health refund" in html
    assert 'id="scheme-sio"' not in html and "SiO refund" not in html
    assert f"{reverse('portal:new_claim')}?scheme=sis" in html


def test_the_new_claim_form_offers_a_student_of_uis_sis_alone(client: Client, siri: User) -> None:
    client.force_login(siri)
    html = client.get(reverse("portal:new_claim")).content.decode()
    assert options(html, "id_scheme") == ["sis"]


def test_a_forged_post_naming_sio_is_refused_naming_the_scheme_field(
    client: Client, siri: User
) -> None:
    client.force_login(siri)
    page = client.post(
        reverse("portal:new_claim"),
        {"scheme": "sio", "year": "2026", "semester": "", "patient_relation": "self"},
    )
    assert page.status_code == 200
    assert "scheme" in page.context["form"].errors
    html = page.content.decode()
    assert '<a href="#id_scheme">Scheme</a>' in html
    assert "you can apply only under the scheme of your place of study" in html
    assert not Claim.objects.filter(applicant=siri).exists()


def test_a_student_of_uis_starts_a_sis_claim_for_a_study_year(client: Client, siri: User) -> None:
    client.force_login(siri)
    page = client.post(
        reverse("portal:new_claim"),
        {"scheme": "sis", "year": "2025", "semester": "study_year", "patient_relation": "self"},
    )
    claim = Claim.objects.get(applicant=siri)
    assert page.status_code == 302
    assert (claim.scheme, claim.period) == ("sis", "2025-2026")


def test_a_semester_is_refused_for_a_scheme_of_study_years(client: Client, siri: User) -> None:
    client.force_login(siri)
    page = client.post(
        reverse("portal:new_claim"),
        {"scheme": "sis", "year": "2026", "semester": "fall", "patient_relation": "self"},
    )
    assert page.status_code == 200
    assert "semester" in page.context["form"].errors
    assert not Claim.objects.filter(applicant=siri).exists()


def test_a_sis_line_is_asked_what_sis_reads_and_not_helfo_s_questions(
    client: Client, siri: User
) -> None:
    client.force_login(siri)
    client.post(
        reverse("portal:new_claim"),
        {"scheme": "sis", "year": "2025", "semester": "study_year", "patient_relation": "self"},
    )
    claim = Claim.objects.get(applicant=siri)
    html = client.get(reverse("portal:claim", args=[claim.reference])).content.decode()
    assert 'id="id_public_user_fee"' in html and 'id="id_itemized_receipt"' in html
    assert 'id="id_referral"' not in html and 'id="id_trip_distance_km"' not in html

    client.post(
        reverse("portal:add_line", args=[claim.reference]),
        {
            "category": "gp",
            "service_on": "2025-09-10",
            "amount": "1000",
            "currency": "NOK",
            "public_user_fee": "on",
        },
    )
    line = claim.lines.get()
    assert (line.category, line.public_user_fee) == ("gp", True)

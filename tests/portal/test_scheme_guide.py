"""How a scheme works, for the student who can use it, in plain words and both languages:
who is covered, what is refunded, the amounts formatted for the language, the documents, the
deadline and the public source; an assumed or old figure says so; no internal text."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from refusjon.claims.models import Institution, StudentProfile, User
from refusjon.rules.parameters import default_parameters
from refusjon.rules.schemes import language
from tests.letters.test_no_internal_text import leaks, visible_text

# Every parameter's name, the scheme files' figures included.
PARAMETERS = default_parameters().names

# The welfare organisations, each by its scheme, with a place of study the scheme covers.
ORGANISATIONS = {
    "sio": "uio",
    "ssn": "usn",
    "sis": "uis",
    "sia": "uia",
    "siost": "hiof",
    "studentinord": "nord",
    "sivolda": "hivolda",
    "sammen": "uib",
}


def page(user: User, scheme: str, lang: str = "en") -> tuple[int, str]:
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    client.force_login(user)
    response = client.get(reverse("portal:scheme_guide", args=[scheme]))
    return response.status_code, visible_text(response.content.decode())


def student_of(organisation: str) -> User:
    code = ORGANISATIONS[organisation]
    place = Institution.objects.create(code=code, name=code, welfare_organisation=organisation)
    user = User.objects.create_user(f"student-{organisation}")
    StudentProfile.objects.create(
        user=user,
        person_id=f"P-{organisation}",
        birth_date=date(2001, 4, 9),
        institution=place,
        semester_fee_paid=True,
        registered_student=True,
    )
    return user


@pytest.mark.django_db
def test_sis_is_explained_in_english(siri: User) -> None:
    status, text = page(siri, "sis")
    assert status == 200
    assert "How SiS health refund works" in text
    assert "University of Stavanger" in text
    assert "general practitioner (GP)" in text and "dentist" in text
    assert "You pay the first NOK 800 yourself" in text and "40% is refunded" in text
    assert "This figure is assumed" in text
    assert "Semester-fee receipt" in text
    assert "from April 1, 2027 to June 1, 2027" in text
    assert "SiS – Helserefusjon" in text and "studentensbeste.no/stotte/helserefusjon" in text
    assert leaks(text, "en") == []


@pytest.mark.django_db
def test_sis_is_explained_in_bokmal(siri: User) -> None:
    status, text = page(siri, "sis", "nb")
    assert status == 200
    assert "Universitetet i Stavanger" in text
    assert "fastlege/allmennlege" in text
    assert "kr 800" in text and "40 %" in text
    assert "antatt" in text
    assert "Kvittering for betalt semesteravgift" in text
    assert "1. april 2027" in text
    assert "studentensbeste.no/stotte/helserefusjon" in text
    assert leaks(text, "nb") == []


@pytest.mark.django_db
def test_an_old_source_is_said_to_be_old() -> None:
    _status, text = page(student_of("studentinord"), "studentinord")
    assert "The source of this figure is from 2017" in text
    assert "NOK 1,500" in text and "NOK 6,000" in text and "50%" in text


@pytest.mark.django_db
def test_a_fraction_of_the_exemption_card_limit_is_given_in_kroner() -> None:
    _status, text = page(student_of("sivolda"), "sivolda", "nb")
    assert "50 % av egenandelstaket (kr 1 639)" in text


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize("organisation", sorted(ORGANISATIONS))
def test_every_scheme_is_explained_without_internal_text(organisation: str, lang: str) -> None:
    student = student_of(organisation)
    for scheme in (organisation, "helfo_abroad"):
        status, text = page(student, scheme, lang)
        assert status == 200, scheme
        assert leaks(text, lang) == [], scheme
        assert not [name for name in PARAMETERS if name in text], scheme
        assert "[pub]" not in text
        definition = language.builtin()[scheme]
        if not definition.hooks:  # explained from its blocks: no pot names, no notes of the file
            assert not any(f" {pot.name} " in text for pot in definition.pots if "_" in pot.name)
            for source in definition.sources.values():
                assert source.address in text
                assert not source.read or source.read not in text


@pytest.mark.django_db
def test_a_student_of_uis_is_not_shown_sio_s_guide(siri: User) -> None:
    status, _text = page(siri, "sio")
    assert status == 404


@pytest.mark.django_db
def test_carol_at_uio_is_refused_sis_s_guide(carol: User) -> None:
    status, _text = page(carol, "sis")
    assert status == 404


@pytest.mark.django_db
def test_the_eligibility_and_new_claim_pages_link_to_the_guide(siri: User) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(siri)
    guide = reverse("portal:scheme_guide", args=["sis"])
    assert guide in client.get(reverse("portal:eligibility")).content.decode()
    assert guide in client.get(reverse("portal:new_claim")).content.decode()

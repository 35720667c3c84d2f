"""The student's profile and the eligibility page: numbers checked, schemes explained."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from stdnum.no import kontonr

from refusjon.claims.models import AuditEntry, Institution, StudentProfile, User
from refusjon.claims.profiles import (
    ProfileError,
    eligibility,
    save_profile,
    start_profile_from_identity,
)
from tests.factories import NOW

ACCOUNT = "86011117947"  # a real check digit (mod 11)
ACCOUNT_BAD_CHECK_DIGIT = "86011117948"
IBAN = "GB82 WEST 1234 5698 7654 32"
BIC = "DEUTDEFF"


@pytest.fixture(autouse=True)
def english(settings: Any) -> None:
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def erin(db: None) -> User:
    """A student with no profile yet."""
    return User.objects.create_user("erin", password="correct horse battery staple")


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def facts(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"birth_date": date(2002, 5, 17), "bank_account": ACCOUNT}
    return base | changes


def test_the_known_account_number_has_a_real_check_digit() -> None:
    assert kontonr.is_valid(ACCOUNT)
    assert not kontonr.is_valid(ACCOUNT_BAD_CHECK_DIGIT)


def test_a_valid_norwegian_account_number_is_stored_compact(erin: User) -> None:
    profile = save_profile(erin, by=erin, now=NOW, **facts(bank_account="8601.11.17947"))
    profile.refresh_from_db()
    assert profile.bank_account == ACCOUNT
    assert profile.person_id.startswith("P-")


def test_saving_again_keeps_the_person_id(erin: User) -> None:
    first = save_profile(erin, by=erin, now=NOW, **facts())
    second = save_profile(erin, by=erin, now=NOW, **facts(sio_gp=True))
    assert second.pk == first.pk
    assert second.person_id == first.person_id
    assert second.sio_gp


def test_a_wrong_check_digit_is_refused_naming_the_field(erin: User) -> None:
    with pytest.raises(ProfileError, match="Norwegian account number") as refused:
        save_profile(erin, by=erin, now=NOW, **facts(bank_account=ACCOUNT_BAD_CHECK_DIGIT))
    assert refused.value.field == "bank_account"
    assert not StudentProfile.objects.filter(user=erin).exists()


def test_an_iban_and_bic_are_accepted_for_an_account_abroad(erin: User) -> None:
    profile = save_profile(erin, by=erin, now=NOW, **facts(bank_account="", iban=IBAN, bic=BIC))
    profile.refresh_from_db()
    assert (profile.bank_account, profile.iban, profile.bic) == (
        "",
        "GB82WEST12345698765432",
        BIC,
    )


def test_an_iban_without_bic_is_refused(erin: User) -> None:
    with pytest.raises(ProfileError, match="BIC"):
        save_profile(erin, by=erin, now=NOW, **facts(bank_account="", iban=IBAN))


def test_an_unknown_country_code_is_refused(erin: User) -> None:
    with pytest.raises(ProfileError, match="country of study") as refused:
        save_profile(erin, by=erin, now=NOW, **facts(study_country="XX"))
    assert refused.value.field == "study_country"


def test_only_the_student_themself_saves_their_profile(alice: User, carol: User) -> None:
    with pytest.raises(ProfileError):
        save_profile(alice, by=carol, now=NOW, **facts())


def test_the_audit_entry_leaves_out_the_account_number(erin: User) -> None:
    save_profile(erin, by=erin, now=NOW, **facts())
    entry = AuditEntry.objects.get(action="claims.profile.saved")
    assert entry.actor == erin
    assert ACCOUNT not in str(entry.data)
    assert "bank_account" in entry.data["fields"]


def test_alice_at_uio_sees_sio_and_helfo_abroad_and_can_use_sio_only(alice: User) -> None:
    result = {row.scheme: row for row in eligibility(alice, on=date(2026, 11, 2))}
    assert list(result) == ["sio", "helfo_abroad"]
    assert result["sio"].eligible
    assert {"not-nis-member", "not-full-time-student"} <= set(result["helfo_abroad"].reasons)


def test_a_sio_gp_patient_at_uis_sees_sis_not_sio(erin: User) -> None:
    uis = Institution.objects.create(
        code="uis", name="Universitetet i Stavanger", welfare_organisation="sis"
    )
    save_profile(
        erin,
        by=erin,
        now=NOW,
        **facts(institution=uis, semester_fee_paid=True, registered_student=True, sio_gp=True),
    )
    result = {row.scheme: row for row in eligibility(erin, on=date(2026, 11, 2))}
    assert list(result) == ["helfo_abroad", "sis"]
    assert result["sis"].eligible


def test_a_student_of_an_institution_the_scheme_does_not_name_cannot_use_it(erin: User) -> None:
    """The organisation decides what is shown; the scheme's rules still decide who is covered."""
    elsewhere = Institution.objects.create(
        code="uis-haugesund", name="Elsewhere", welfare_organisation="sis"
    )
    save_profile(
        erin,
        by=erin,
        now=NOW,
        **facts(institution=elsewhere, semester_fee_paid=True, registered_student=True),
    )
    result = {row.scheme: row for row in eligibility(erin, on=date(2026, 11, 2))}
    assert result["sis"].reasons == ("not-covered-institution",)


def test_a_student_of_no_institution_sees_helfo_abroad_alone(erin: User) -> None:
    save_profile(erin, by=erin, now=NOW, **facts())
    assert [row.scheme for row in eligibility(erin, on=date(2026, 11, 2))] == ["helfo_abroad"]


@pytest.mark.parametrize(
    "organisation", ["sio", "ssn", "sis", "sia", "siost", "studentinord", "sivolda", "sammen"]
)
def test_every_organisation_s_student_sees_its_scheme_whatever_its_period(
    erin: User, organisation: str
) -> None:
    place = Institution.objects.create(code="x", name="X", welfare_organisation=organisation)
    save_profile(erin, by=erin, now=NOW, **facts(institution=place))
    schemes = [row.scheme for row in eligibility(erin, on=date(2026, 11, 2))]
    assert sorted(schemes) == sorted([organisation, "helfo_abroad"])


def test_a_full_time_student_in_the_us_can_use_helfo_abroad(erin: User) -> None:
    save_profile(
        erin,
        by=erin,
        now=NOW,
        **facts(nis_member=True, full_time_student_abroad=True, study_country="us"),
    )
    result = {row.scheme: row for row in eligibility(erin, on=date(2026, 11, 2))}
    assert result["helfo_abroad"].eligible


def test_the_eligibility_page_explains_alice_s_schemes(client: Client, alice: User) -> None:
    page = signed_in(client, alice).get(reverse("portal:eligibility"))
    text = page.content.decode()
    assert page.status_code == 200
    assert "You can apply." in text
    assert "you are not a member of the National Insurance Scheme" in text
    assert f"{reverse('portal:new_claim')}?scheme=sio" in text
    assert 'id="scheme-ssn"' not in text  # a UiO student is not shown SSN's scheme
    assert "?scheme=helfo_abroad" not in text


def test_a_student_without_profile_is_sent_to_the_profile_page(client: Client, erin: User) -> None:
    page = signed_in(client, erin).get(reverse("portal:eligibility"))
    assert page.status_code == 302
    assert page["Location"] == reverse("portal:profile")


def test_the_profile_form_saves_and_leads_to_eligibility(client: Client, erin: User) -> None:
    uio = Institution.objects.create(code="uio", name="UiO", welfare_organisation="sio")
    page = signed_in(client, erin).post(
        reverse("portal:profile"),
        {
            "birth_date": "2002-05-17",
            "institution": str(uio.pk),
            "semester_fee_paid": "on",
            "registered_student": "on",
            "sio_gp": "on",
            "bank_account": "8601 11 17947",
        },
    )
    assert page.status_code == 302
    assert page["Location"] == reverse("portal:eligibility")
    profile = StudentProfile.objects.get(user=erin)
    assert (profile.bank_account, profile.institution, profile.sio_gp) == (ACCOUNT, uio, True)


def test_the_profile_form_links_a_refused_number_to_its_field(client: Client, erin: User) -> None:
    page = signed_in(client, erin).post(
        reverse("portal:profile"),
        {"birth_date": "2002-05-17", "bank_account": ACCOUNT_BAD_CHECK_DIGIT},
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert re.search(r'aria-describedby="[^"]*\bid_bank_account_error\b[^"]*"', text)
    assert 'id="id_bank_account_error"' in text
    assert 'href="#id_bank_account"' in text
    assert not StudentProfile.objects.filter(user=erin).exists()


def test_every_profile_input_has_a_label(client: Client, alice: User) -> None:
    text = signed_in(client, alice).get(reverse("portal:profile")).content.decode()
    for name in ("birth_date", "institution", "bank_account", "iban", "bic", "study_country"):
        assert f'for="id_{name}"' in text


def test_carol_sees_her_own_profile_and_nothing_of_alice_s(
    client: Client, alice: User, carol: User
) -> None:
    StudentProfile.objects.filter(user=alice).update(bank_account=ACCOUNT, study_country="US")
    StudentProfile.objects.filter(user=carol).update(birth_date=date(1999, 12, 31))
    text = signed_in(client, carol).get(reverse("portal:profile")).content.decode()
    assert "1999-12-31" in text
    assert ACCOUNT not in text
    assert 'value="US" selected' not in text  # every country is a choice; alice's is not hers
    assert "2001-04-09" not in text


@pytest.mark.parametrize("name", ["portal:profile", "portal:eligibility"])
def test_anonymous_users_are_sent_to_login(client: Client, db: None, name: str) -> None:
    page = client.get(reverse(name))
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("login"))


def test_a_birth_date_from_the_national_identity_number_cannot_be_changed(
    erin: User, client: Client
) -> None:
    start_profile_from_identity(erin, person_id="15030450024")  # born 15 March 2004
    with pytest.raises(ProfileError, match="follows from your national identity number") as error:
        save_profile(erin, by=erin, birth_date=date(1999, 1, 1), bank_account=ACCOUNT)
    assert error.value.field == "birth_date"
    assert StudentProfile.objects.get(user=erin).birth_date == date(2004, 3, 15)
    save_profile(erin, by=erin, birth_date=date(2004, 3, 15), bank_account=ACCOUNT)

    client.force_login(erin)
    page = client.get(reverse("portal:profile")).content.decode()
    assert re.search(r'<input[^>]*name="birth_date"[^>]*disabled', page)


@pytest.mark.parametrize(("lang", "name"), [("nb", "USA"), ("en", "United States")])
def test_the_country_of_study_is_chosen_by_its_name(
    client: Client, alice: User, lang: str, name: str
) -> None:
    StudentProfile.objects.filter(user=alice).update(study_country="US")
    signed_in(client, alice).cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    text = client.get(reverse("portal:profile")).content.decode()
    assert f'<option value="US" selected>{name}</option>' in text

"""The claim page while alice fills it in: htmx draws parts of it again, and without htmx the
same forms post and redirect; the expense form asks what the scheme needs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from refusjon.claims import services
from refusjon.claims.models import (
    Assessment,
    Attachment,
    AuditEntry,
    Claim,
    ExpenseLine,
    StudentProfile,
    User,
)

HTMX = {"HX-Request": "true"}

GP_FEE = {
    "category": "gp",
    "service_on": "2026-03-10",
    "amount": "300.00",
    "currency": "NOK",
    "public_user_fee": "on",
}

TRIP = {
    "category": "patient_travel",
    "service_on": "2026-10-01",
    "amount": "300.00",
    "currency": "NOK",
    "trip_distance_km": "40",
    "trip_min_public_fare_nok": "50.00",
    "trip_companion": "on",
}


@pytest.fixture
def english(settings: Any) -> None:
    settings.LANGUAGE_CODE = "en"


def url(claim: Claim, name: str = "claim", **kwargs: Any) -> str:
    return reverse(f"portal:{name}", kwargs={"reference": claim.reference, **kwargs})


def studies_abroad(student: User) -> User:
    """The student as Helfo's scheme for students outside the EU/EEA sees them."""
    StudentProfile.objects.filter(user=student).update(
        nis_member=True,
        full_time_student_abroad=True,
        study_country="US",
        last_semester_ends_on=date(2026, 12, 20),
    )
    return student


def gp_draft(student: User, *amounts: str, scheme: str = "sio", period: str = "2026") -> Claim:
    claim = services.create_draft(student, scheme=scheme, period=period)
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


def nothing_changes(claim: Claim) -> tuple[Any, ...]:
    claim.refresh_from_db()
    return (
        AuditEntry.objects.count(),
        Assessment.objects.count(),
        list(ExpenseLine.objects.values_list("pk", "number", "amount")),
        claim.version,
        claim.updated_at,
        claim.status,
    )


# htmx: parts of the page


def test_every_page_loads_the_vendored_htmx_and_the_site_script(
    client: Client, alice: User
) -> None:
    html = client.get(reverse("login")).content.decode()
    assert 'src="/static/refusjon/vendor/htmx.min.js" defer' in html
    assert 'src="/static/refusjon/site.js" defer' in html
    assert finders.find("refusjon/vendor/htmx.min.js")
    assert finders.find("refusjon/vendor/htmx.LICENSE")


def test_the_claim_page_wires_the_forms_for_htmx_and_keeps_them_plain_forms(
    client: Client, alice: User
) -> None:
    claim = gp_draft(alice, "300.00")
    client.force_login(alice)
    html = client.get(url(claim)).content.decode()
    add = url(claim, "add_line")
    assert f'action="{add}"' in html and f'hx-post="{add}"' in html
    remove = url(claim, "remove_line", number=1)
    assert f'action="{remove}"' in html and f'hx-post="{remove}"' in html
    assert f'hx-get="{url(claim, "estimate")}"' in html
    assert '<div id="estimate" aria-live="polite"' in html
    assert 'id="live-messages" aria-live="polite"' in html


def test_adding_a_line_through_htmx_answers_with_the_form_and_the_table(
    client: Client, alice: User
) -> None:
    claim = gp_draft(alice)
    client.force_login(alice)
    page = client.post(url(claim, "add_line"), GP_FEE, headers=HTMX)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<html" not in html
    assert html.lstrip().startswith('<div id="add-line">')
    assert '<section id="lines" aria-labelledby="lines-heading" hx-swap-oob="true">' in html
    news = '<div id="live-messages" hx-swap-oob="innerHTML"><ul class="messages" role="status">'
    assert news in html
    assert page.headers["HX-Trigger"] == "claim-changed"
    assert claim.lines.count() == 1
    # a fresh form, the cursor in its first field for the next expense
    assert page.context["line_form"].is_bound is False
    assert '<select name="category" autofocus' in html


def test_a_wrong_line_through_htmx_comes_back_with_the_cursor_on_the_wrong_field(
    client: Client, alice: User
) -> None:
    claim = gp_draft(alice)
    client.force_login(alice)
    page = client.post(url(claim, "add_line"), {**GP_FEE, "amount": "-1"}, headers=HTMX)
    html = page.content.decode()
    assert page.status_code == 200
    assert "HX-Trigger" not in page.headers
    assert 'id="id_amount_error"' in html
    assert "autofocus" in html.split('name="amount"')[1].split(">")[0]
    assert not claim.lines.exists()


def test_removing_a_line_through_htmx_answers_with_the_table_and_moves_focus_to_it(
    client: Client, alice: User
) -> None:
    claim = gp_draft(alice, "300.00", "200.00")
    client.force_login(alice)
    page = client.post(url(claim, "remove_line", number=1), headers=HTMX)
    html = page.content.decode()
    assert page.status_code == 200
    assert html.lstrip().startswith('<section id="lines" aria-labelledby="lines-heading">')
    assert '<h2 id="lines-heading" tabindex="-1" autofocus>' in html
    assert page.headers["HX-Trigger"] == "claim-changed"
    assert list(claim.lines.values_list("number", flat=True)) == [2]


def test_messages_shown_through_htmx_do_not_come_back_on_the_next_page(
    client: Client, alice: User
) -> None:
    claim = gp_draft(alice)
    client.force_login(alice)
    client.post(url(claim, "add_line"), GP_FEE, headers=HTMX)
    assert not list(client.get(url(claim)).context["messages"])


# The estimate


@pytest.mark.usefixtures("english")
def test_the_estimate_endpoint_draws_the_panel_for_htmx_and_changes_nothing(
    client: Client, alice: User
) -> None:
    claim = gp_draft(alice, "300.00", "300.00")
    Attachment.objects.create(
        claim=claim, document_type="user_fee_overview", shows_applicant_name=True
    )
    client.force_login(alice)
    before = nothing_changes(claim)
    page = client.get(url(claim, "estimate"), headers=HTMX)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<html" not in html
    assert '<strong id="expected-refund">NOK 110.00</strong>' in html
    assert page.context["estimate"]["explanation"]
    assert nothing_changes(claim) == before


def test_without_htmx_the_estimate_is_on_the_claim_page(client: Client, alice: User) -> None:
    claim = gp_draft(alice, "300.00")
    client.force_login(alice)
    page = client.get(url(claim, "estimate"))
    assert page.status_code == 302
    assert page.headers["Location"] == url(claim) + "#estimate"


def test_the_estimate_is_only_read(client: Client, alice: User) -> None:
    claim = gp_draft(alice, "300.00")
    client.force_login(alice)
    assert client.put(url(claim, "estimate"), headers=HTMX).status_code == 405
    assert client.delete(url(claim, "estimate"), headers=HTMX).status_code == 405


def test_the_expense_form_asks_for_a_preview_while_alice_types(client: Client, alice: User) -> None:
    claim = gp_draft(alice, "300.00")
    client.force_login(alice)
    form = client.get(url(claim)).content.decode().split('<div id="add-line">')[1]
    assert f'hx-post="{url(claim, "estimate")}"' in form
    assert 'hx-include="closest form"' in form and 'hx-target="#estimate"' in form
    assert "from:closest form" in form


@pytest.mark.usefixtures("english")
def test_the_preview_shows_the_expense_being_typed_and_changes_nothing(
    client: Client, alice: User
) -> None:
    claim = gp_draft(alice, "300.00", "300.00")
    Attachment.objects.create(
        claim=claim, document_type="user_fee_overview", shows_applicant_name=True
    )
    client.force_login(alice)
    before = nothing_changes(claim)
    page = client.post(url(claim, "estimate"), GP_FEE, headers=HTMX)
    html = page.content.decode()
    assert page.status_code == 200
    assert "With the expense you are adding:" in html
    # 900 paid less the 490 threshold of 2026, where the saved lines alone give 110
    assert '<strong id="expected-refund">NOK 410.00</strong>' in html
    assert nothing_changes(claim) == before


@pytest.mark.usefixtures("english")
def test_an_unfinished_expense_previews_the_saved_lines(client: Client, alice: User) -> None:
    claim = gp_draft(alice, "300.00", "300.00")
    Attachment.objects.create(
        claim=claim, document_type="user_fee_overview", shows_applicant_name=True
    )
    client.force_login(alice)
    before = nothing_changes(claim)
    page = client.post(url(claim, "estimate"), {**GP_FEE, "amount": "-1"}, headers=HTMX)
    html = page.content.decode()
    assert '<strong id="expected-refund">NOK 110.00</strong>' in html
    assert "With the expense you are adding:" not in html
    assert nothing_changes(claim) == before


@pytest.mark.usefixtures("english")
def test_a_foreign_expense_without_a_rate_cannot_be_previewed_yet(
    client: Client, alice: User
) -> None:
    claim = gp_draft(alice, "300.00")
    client.force_login(alice)
    before = nothing_changes(claim)
    page = client.post(url(claim, "estimate"), {**GP_FEE, "currency": "EUR"}, headers=HTMX)
    html = page.content.decode()
    assert "With the expense you are adding:" in html
    assert "The exchange rates for that date have not been imported yet." in html
    assert 'id="expected-refund"' not in html
    assert nothing_changes(claim) == before


def test_the_preview_needs_the_csrf_token(alice: User) -> None:
    claim = gp_draft(alice, "300.00")
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(url(claim, "estimate"), GP_FEE, headers=HTMX).status_code == 403


def test_carol_cannot_preview_an_expense_on_alices_claim(
    client: Client, alice: User, carol: User
) -> None:
    claim = gp_draft(alice, "300.00")
    client.force_login(carol)
    before = nothing_changes(claim)
    assert client.post(url(claim, "estimate"), GP_FEE, headers=HTMX).status_code == 404
    assert nothing_changes(claim) == before


def test_carol_cannot_see_alices_estimate(client: Client, alice: User, carol: User) -> None:
    claim = gp_draft(alice, "300.00")
    client.force_login(carol)
    assert client.get(url(claim, "estimate"), headers=HTMX).status_code == 404
    assert client.get(url(claim, "estimate")).status_code == 404


@pytest.mark.usefixtures("english")
def test_the_documents_needed_follow_the_lines_added(client: Client, alice: User) -> None:
    claim = services.create_draft(alice, scheme="ssn", period="2026-spring")
    Attachment.objects.create(claim=claim, document_type="student_id", shows_applicant_name=True)
    client.force_login(alice)

    def documents() -> list[str]:
        estimate = client.get(url(claim, "estimate"), headers=HTMX).context["estimate"]
        return list(estimate["documents"]) if estimate else []

    assert documents() == []
    client.post(url(claim, "add_line"), {**GP_FEE, "country": "NO"}, headers=HTMX)
    assert documents() == ["missing: the user-fee overview from helsenorge.no showing your name"]
    abroad = {
        "category": "chiropractor",
        "service_on": "2026-04-02",
        "amount": "600.00",
        "currency": "NOK",
        "country": "se",
        "itemized_receipt": "on",
    }
    client.post(url(claim, "add_line"), abroad, headers=HTMX)
    assert claim.lines.get(number=2).country == "SE"
    assert "missing: confirmation from your place of study" in documents()


# The fields the scheme needs


def test_a_trip_reaches_the_stored_line(client: Client, alice: User) -> None:
    claim = services.create_draft(studies_abroad(alice), scheme="helfo_abroad", period="2026")
    client.force_login(alice)
    page = client.post(url(claim, "add_line"), TRIP)
    assert page.status_code == 302
    line = claim.lines.get()
    assert (line.trip_distance_km, line.trip_min_public_fare_nok, line.trip_companion) == (
        Decimal("40.0"),
        Decimal("50.00"),
        True,
    )


def test_patient_travel_needs_the_distance_and_the_fare(client: Client, alice: User) -> None:
    claim = services.create_draft(studies_abroad(alice), scheme="helfo_abroad", period="2026")
    client.force_login(alice)
    data = {**TRIP, "trip_distance_km": "", "trip_min_public_fare_nok": ""}
    page = client.post(url(claim, "add_line"), data)
    assert set(page.context["line_form"].errors) == {"trip_distance_km", "trip_min_public_fare_nok"}
    assert 'aria-describedby="id_trip_distance_km_error"' in page.content.decode()
    assert not claim.lines.exists()


def test_trip_fields_typed_in_for_another_kind_of_treatment_are_not_kept(
    client: Client, alice: User
) -> None:
    claim = services.create_draft(studies_abroad(alice), scheme="helfo_abroad", period="2026")
    client.force_login(alice)
    client.post(url(claim, "add_line"), {**TRIP, "category": "gp"})
    line = claim.lines.get()
    assert (line.trip_distance_km, line.trip_min_public_fare_nok, line.trip_companion) == (
        None,
        None,
        False,
    )


def test_the_trip_fields_are_asked_together_and_only_where_the_scheme_needs_them(
    client: Client, alice: User
) -> None:
    client.force_login(studies_abroad(alice))
    helfo = services.create_draft(alice, scheme="helfo_abroad", period="2026")
    html = client.get(url(helfo)).content.decode()
    assert 'data-shown-when="id_category" data-shown-values="patient_travel"' in html
    assert 'name="trip_distance_km"' in html and 'name="public_user_fee"' not in html

    sio = client.get(url(gp_draft(alice))).context["line_form"]
    assert set(sio.fields) == {
        "category",
        "service_on",
        "paid_on",
        "amount",
        "currency",
        "nok_amount",
        "public_user_fee",
    }


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "General practitioner (GP)"), ("nb", "Fastlege/allmennlege")],
)
def test_the_kinds_of_treatment_are_in_plain_words(
    client: Client, alice: User, settings: Any, language: str, words: str
) -> None:
    settings.LANGUAGE_CODE = language
    client.force_login(alice)
    html = client.get(url(gp_draft(alice))).content.decode()
    assert f'<option value="gp">{words}</option>' in html
    assert '<option value="patient_travel">' in html


# The patient


def new_claim(client: Client, **fields: str) -> Any:
    data = {"scheme": "sio", "year": "2026", "semester": "", **fields}
    return client.post(reverse("portal:new_claim"), data)


def test_a_claim_for_my_child_keeps_the_childs_birth_date(client: Client, alice: User) -> None:
    client.force_login(alice)
    new_claim(client, patient_relation="child", patient_birth_date="2012-05-01")
    claim = Claim.objects.get(applicant=alice)
    assert (claim.patient_relation, claim.patient_birth_date) == ("child", date(2012, 5, 1))
    assert "2012" in client.get(url(claim)).content.decode()


@pytest.mark.parametrize("relation", ["child", "spouse"])
def test_a_claim_for_someone_else_needs_their_birth_date(
    client: Client, alice: User, relation: str
) -> None:
    client.force_login(alice)
    page = new_claim(client, patient_relation=relation)
    assert list(page.context["form"].errors) == ["patient_birth_date"]
    assert 'aria-describedby="id_patient_birth_date_helptext id_patient_birth_date_error"' in (
        page.content.decode()
    )
    assert not Claim.objects.exists()


def test_a_birth_date_in_the_future_is_refused(client: Client, alice: User) -> None:
    client.force_login(alice)
    page = new_claim(client, patient_relation="child", patient_birth_date="2027-01-01")
    assert list(page.context["form"].errors) == ["patient_birth_date"]
    assert not Claim.objects.exists()


def test_a_claim_for_myself_keeps_no_other_birth_date(client: Client, alice: User) -> None:
    client.force_login(alice)
    new_claim(client, patient_relation="self", patient_birth_date="2012-05-01")
    claim = Claim.objects.get(applicant=alice)
    assert (claim.patient_relation, claim.patient_birth_date) == ("self", None)


def test_the_birth_date_is_shown_only_for_a_child_or_spouse(client: Client, alice: User) -> None:
    client.force_login(alice)
    html = client.get(reverse("portal:new_claim")).content.decode()
    assert 'data-shown-when="id_patient_relation" data-shown-values="child spouse"' in html


def test_the_scheme_found_on_the_eligibility_page_is_chosen(client: Client, alice: User) -> None:
    client.force_login(studies_abroad(alice))
    page = client.get(reverse("portal:new_claim") + "?scheme=helfo_abroad")
    assert '<option value="helfo_abroad" selected>' in page.content.decode()

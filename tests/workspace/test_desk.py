"""The caseworker's desk: names on the queue and the claim, search, taking and assigning
claims, a confirmation before deciding, and repeated looks folded in the access log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries, Settings

from refusjon.claims import services
from refusjon.claims.models import Assessment, AuditEntry, Claim, ClaimStatus, User
from tests.claims.conftest import caseworker, student
from tests.claims.test_services import at_once, on_postgresql
from tests.workspace.conftest import NOW, confirm_decision, signed_in, submitted_claim


def named(user: User, first: str, last: str, person_id: str) -> User:
    user.first_name, user.last_name = first, last
    user.save()
    user.profile.person_id = person_id
    user.profile.save()
    return user


@pytest.fixture
def alice_berg(alice: User) -> User:
    return named(alice, "Alice", "Berg", "09040112345")


# Names on the queue and the claim ------------------------------------------------------------


def test_the_queue_names_every_applicant_in_the_same_few_queries(
    client: Client, bob: User, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(12):
        applicant = named(student(f"s{n}", f"0904011{n:04d}"), f"Student{n}", "Hansen", "")
        applicant.profile.person_id = f"0904011{n:04d}"
        applicant.profile.save()
        submitted_claim(applicant, "300.00")
    signed_in(client, bob)
    with django_assert_max_num_queries(5):
        page = client.get(reverse("workspace:queue")).content.decode()
    assert all(f"Student{n} Hansen" in page for n in range(12))
    assert "090401 *****" in page and "09040110003" not in page


def test_the_claim_page_shows_the_name_and_the_full_person_id_at_the_top(
    client: Client, alice_berg: User, bob: User
) -> None:
    claim = submitted_claim(alice_berg, "300.00")
    page = signed_in(client, bob).get(reverse("workspace:claim", args=[claim.reference]))
    text = page.content.decode()
    bar = text[text.index('class="action-bar"') :]
    assert bar.index("Alice Berg") < bar.index("090401 12345") < bar.index("Next claim")
    assert AuditEntry.objects.filter(action="claims.claim.viewed", actor=bob).count() == 1


# Search --------------------------------------------------------------------------------------


def test_an_exact_reference_opens_the_claim(client: Client, alice: User, bob: User) -> None:
    claim = submitted_claim(alice, "300.00")
    response = signed_in(client, bob).get(
        reverse("workspace:queue"), {"q": claim.reference.lower()}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:claim", args=[claim.reference])


def test_a_part_of_a_name_finds_the_claims_of_any_status_and_is_logged_without_the_term(
    client: Client, alice_berg: User, carol: User, bob: User
) -> None:
    mine = submitted_claim(alice_berg, "300.00")
    decided = submitted_claim(alice_berg, "200.00")
    services.start_review(decided, by=bob, now=NOW)
    services.decide_claim(decided, by=bob, now=NOW)
    other = submitted_claim(named(carol, "Carol", "Dahl", "01010154321"), "300.00")
    response = signed_in(client, bob).get(reverse("workspace:queue"), {"q": "berg"})
    found = [row["reference"] for row in response.context["rows"]]
    assert sorted(found) == sorted([mine.reference, decided.reference])
    assert other.reference not in response.content.decode()
    entry = AuditEntry.objects.get(action="claims.claims.searched")
    assert entry.actor == bob and entry.data["kind"] == "name"
    assert sorted(entry.data["claims"]) == sorted(found)
    assert "berg" not in str(entry.data).lower()


def test_a_person_id_finds_only_that_persons_claims_and_is_not_logged(
    client: Client, alice_berg: User, carol: User, bob: User
) -> None:
    mine = submitted_claim(alice_berg, "300.00")
    submitted_claim(named(carol, "Carol", "Dahl", "09040112346"), "300.00")
    response = signed_in(client, bob).get(reverse("workspace:queue"), {"q": "090401 12345"})
    assert [row["reference"] for row in response.context["rows"]] == [mine.reference]
    entry = AuditEntry.objects.get(action="claims.claims.searched")
    assert entry.data == {"kind": "person_id", "claims": [mine.reference]}


# Taking and assigning ------------------------------------------------------------------------


def test_take_gives_the_claim_to_the_caseworker_and_starts_its_review(
    client: Client, alice: User, bob: User, dave: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    submitted_claim(alice, "200.00")
    signed_in(client, bob).post(reverse("workspace:take", args=[claim.reference]))
    claim.refresh_from_db()
    assert (claim.assigned_to, claim.status) == (bob, ClaimStatus.IN_REVIEW)
    assert AuditEntry.objects.filter(action="claims.claim.assigned", data__to="bob").exists()
    mine = client.get(reverse("workspace:queue"), {"assigned": "mine"})
    assert [row["reference"] for row in mine.context["rows"]] == [claim.reference]
    nobody = client.get(reverse("workspace:queue"), {"assigned": "nobody"})
    assert claim.reference not in [row["reference"] for row in nobody.context["rows"]]


def test_a_claim_is_assigned_to_a_caseworker_but_never_to_a_student(
    client: Client, alice: User, bob: User, dave: User, carol: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    signed_in(client, bob).post(
        reverse("workspace:assign", args=[claim.reference]), {"to": dave.pk}
    )
    claim.refresh_from_db()
    assert claim.assigned_to == dave and claim.status == ClaimStatus.SUBMITTED
    with pytest.raises(services.ClaimError):
        services.assign_claim(claim, to=carol, by=bob, now=NOW)
    page = client.get(reverse("workspace:queue")).content.decode()
    assert "<td>dave</td>" in page


def test_take_next_takes_the_oldest_unassigned_claim_waiting_for_review(
    client: Client, alice: User, bob: User, dave: User
) -> None:
    oldest = submitted_claim(alice, "300.00")
    taken = submitted_claim(alice, "200.00")
    newest = submitted_claim(alice, "100.00")
    services.take_claim(oldest, by=dave, now=NOW)
    response = signed_in(client, bob).post(reverse("workspace:take_next"))
    assert response["Location"] == reverse("workspace:claim", args=[taken.reference])
    assert services.take_next_claim(by=dave) == newest
    response = client.post(reverse("workspace:take_next"), follow=True)
    assert "No claim waits for a caseworker now." in response.content.decode()


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_caseworkers_taking_the_next_claim_at_once_get_different_claims(
    alice: User, bob: User, dave: User
) -> None:
    first = submitted_claim(alice, "300.00")
    second = submitted_claim(alice, "200.00")
    results = at_once(
        lambda: services.take_next_claim(by=bob), lambda: services.take_next_claim(by=dave)
    )
    assert {claim.pk for claim in results} == {first.pk, second.pk}
    assigned = dict(Claim.objects.values_list("pk", "assigned_to"))
    assert {assigned[first.pk], assigned[second.pk]} == {bob.pk, dave.pk}
    connections.close_all()


# Deciding with a confirmation ----------------------------------------------------------------


def test_deciding_shows_the_outcome_and_amount_first_and_decides_only_on_confirming(
    client: Client, alice: User, bob: User
) -> None:
    claim = submitted_claim(alice, "300.00", "300.00")
    services.take_claim(claim, by=bob, now=NOW)
    signed_in(client, bob)
    confirm = client.get(reverse("workspace:decide", args=[claim.reference]))
    text = confirm.content.decode()
    assert "Confirm the decision" in text and "110.00" in text
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW  # nothing decided by looking
    response = confirm_decision(client, claim)
    assert "The claim is decided." in response.content.decode()
    assert "Next claim" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DECIDED


def test_a_confirmation_of_a_claim_changed_since_is_not_acted_on(
    client: Client, alice: User, bob: User, dave: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    services.take_claim(claim, by=bob, now=NOW)
    claim.refresh_from_db()
    seen = claim.version
    services.assign_claim(claim, to=dave, by=dave, now=NOW)
    response = signed_in(client, bob).post(
        reverse("workspace:decide", args=[claim.reference]), {"version": seen}, follow=True
    )
    assert "check the decision again" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    assert not Assessment.objects.filter(claim=claim, kind="decision").exists()


def test_above_the_four_eyes_limit_the_confirmation_says_it_is_a_proposal(
    client: Client, alice: User, bob: User, settings: Settings
) -> None:
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = 100
    claim = submitted_claim(alice, "300.00", "300.00")
    services.take_claim(claim, by=bob, now=NOW)
    signed_in(client, bob)
    text = client.get(reverse("workspace:decide", args=[claim.reference])).content.decode()
    assert "Confirm and propose" in text and "a second caseworker must approve it" in text
    confirm_decision(client, claim)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.AWAITING_APPROVAL
    assert claim.proposed_by == bob


# The access log, folded ----------------------------------------------------------------------


def test_looks_minutes_apart_show_as_one_line_and_the_log_keeps_each(
    client: Client, alice: User, bob: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    dave = caseworker("dave2")
    start = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    for minutes in (0, 1, 2, 4, 6, 8):  # six looks in eight minutes, each within five
        services.record_view(
            claim, by=bob, purpose="case handling", now=start + timedelta(minutes=minutes)
        )
    services.record_view(claim, by=dave, purpose="case handling", now=start + timedelta(minutes=3))
    services.record_view(claim, by=bob, purpose="case handling", now=start + timedelta(hours=2))
    records = services.access_log(claim, by=alice)
    assert [(r.at - start, r.count) for r in records] == [
        (timedelta(0), 6),
        (timedelta(minutes=3), 1),
        (timedelta(hours=2), 1),
    ]
    assert records[0].until == start + timedelta(minutes=8)
    assert AuditEntry.objects.filter(action="claims.claim.viewed").count() == 8
    client.force_login(alice)
    text = client.get(
        f"/claim/{claim.reference}/access/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert text.count("<tr>") == 1 + 3
    assert "10:30–10:38" in text and "(6 times)" in text  # Oslo time

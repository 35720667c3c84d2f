"""The claim page says of each document whether it is being checked, checked, or refused and
why; while some are being checked, htmx asks for the list again and is told when it changed.
Without JavaScript the page has a link to look again."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from refusjon.claims.models import Attachment, CheckStatus, Claim, User
from tests.factories import sio_draft

HTMX = {"HX-Request": "true"}


def document(claim: Claim, status: str, **fields: object) -> Attachment:
    return Attachment.objects.create(
        claim=claim, document_type="receipt", check_status=status, **fields
    )


def signed_in(user: User) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def states_url(claim: Claim, checking: str) -> str:
    return reverse("portal:attachments", args=[claim.reference]) + f"?checking={checking}"


def test_the_page_says_which_documents_are_being_checked_and_links_to_look_again(
    alice: User,
) -> None:
    claim = sio_draft(alice, "700.00")
    waiting = document(claim, CheckStatus.PENDING)
    page = signed_in(alice).get(reverse("portal:claim", args=[claim.reference])).content.decode()
    assert '<span class="check-pending">being checked</span>' in page
    assert reverse("intake:download", args=[waiting.pk]) not in page
    assert f'hx-get="{states_url(claim, str(waiting.pk))}"' in page
    assert f'href="{reverse("portal:claim", args=[claim.reference])}#attachments"' in page
    assert "You can send the claim when every document is checked." in page


def test_a_refused_document_says_why_in_the_students_language(alice: User) -> None:
    claim = sio_draft(alice, "700.00")
    document(
        claim,
        CheckStatus.REFUSED,
        refusal_code="corrupt",
        refusal_reason={"en": "The picture could not be read.", "nb": "Bildet kunne ikke leses."},
    )
    url = reverse("portal:claim", args=[claim.reference])
    page = signed_in(alice).get(url).content.decode()
    assert "not accepted</strong>. The picture could not be read." in page
    assert "hx-trigger" not in page.split('id="attachment-list"')[1].split(">")[0]
    nb = Client(HTTP_ACCEPT_LANGUAGE="nb")
    nb.force_login(alice)
    assert "Bildet kunne ikke leses." in nb.get(url).content.decode()


def test_htmx_is_told_nothing_changed_while_the_same_documents_are_being_checked(
    alice: User,
) -> None:
    claim = sio_draft(alice, "700.00")
    first = document(claim, CheckStatus.PENDING)
    second = document(claim, CheckStatus.PENDING)
    response = signed_in(alice).get(states_url(claim, f"{first.pk}.{second.pk}"), headers=HTMX)
    assert response.status_code == 204
    assert "HX-Request" in response["Vary"]


def test_htmx_gets_the_list_again_and_the_estimate_is_asked_to_follow_when_one_is_done(
    alice: User,
) -> None:
    claim = sio_draft(alice, "700.00")
    first = document(claim, CheckStatus.PENDING)
    second = document(claim, CheckStatus.PENDING)
    Attachment.objects.filter(pk=first.pk).update(check_status=CheckStatus.OK)

    response = signed_in(alice).get(states_url(claim, f"{first.pk}.{second.pk}"), headers=HTMX)

    assert response.status_code == 200 and response["HX-Trigger"] == "claim-changed"
    fragment = response.content.decode()
    assert fragment.startswith('<div id="attachment-list"')
    assert f'hx-get="{states_url(claim, str(second.pk))}"' in fragment
    assert fragment.count("being checked") == 1


def test_the_list_stops_asking_when_nothing_is_being_checked(alice: User) -> None:
    claim = sio_draft(alice, "700.00")
    done = document(claim, CheckStatus.OK)
    response = signed_in(alice).get(states_url(claim, str(done.pk)), headers=HTMX)
    assert response.status_code == 200
    assert "hx-get" not in response.content.decode()


def test_without_htmx_the_list_is_the_claim_page(alice: User) -> None:
    claim = sio_draft(alice, "700.00")
    response = signed_in(alice).get(states_url(claim, ""))
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:claim", args=[claim.reference]) + "#attachments"


def test_carol_cannot_see_whether_alices_documents_are_checked(alice: User, carol: User) -> None:
    claim = sio_draft(alice, "700.00")
    document(claim, CheckStatus.PENDING)
    assert signed_in(carol).get(states_url(claim, ""), headers=HTMX).status_code == 404

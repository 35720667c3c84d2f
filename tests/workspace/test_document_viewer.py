"""A claim's documents viewed inline in the workspace, beside the lines: picked by a link that
works without JavaScript, shown by the intake app's inline view."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from refusjon.claims.models import Attachment, AuditEntry, CheckStatus, Claim, User
from tests.workspace.conftest import signed_in, submitted_claim


def receipt(claim: Claim, name: str, content_type: str) -> Attachment:
    return Attachment.objects.create(
        claim=claim,
        document_type="receipt",
        file=f"attachments/2026/11/{name}",
        content_type=content_type,
    )


def claim_page(client: Client, claim: Claim, **query: str) -> str:
    response = client.get(reverse("workspace:claim", args=[claim.reference]), query)
    assert response.status_code == 200
    return response.content.decode()


def test_each_document_is_a_link_to_view_it_and_none_is_opened_unasked(
    client: Client, alice: User, bob: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    scan = receipt(claim, "scan.png", "image/png")
    page = claim_page(signed_in(client, bob), claim)
    overview = claim.attachments.get(document_type="user_fee_overview")
    assert f'href="?document={overview.pk}#viewer"' in page
    assert f'href="?document={scan.pk}#viewer"' in page
    assert "<iframe" not in page and reverse("intake:inline", args=[scan.pk]) not in page
    assert "Choose a document to see it here" in page
    assert not AuditEntry.objects.filter(action="intake.document.viewed").exists()


def test_bob_picks_a_pdf_and_it_is_framed_beside_the_lines_with_a_title(
    client: Client, alice: User, bob: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    overview = claim.attachments.get()
    page = claim_page(signed_in(client, bob), claim, document=str(overview.pk))
    inline = reverse("intake:inline", args=[overview.pk])
    title = "the user-fee overview from helsenorge.no showing your name (file oversikt.pdf)"
    assert f'<iframe src="{inline}" title="{title}"></iframe>' in page
    assert f'<h3 id="viewer-heading">{title}</h3>' in page
    assert f'href="?document={overview.pk}#viewer" aria-current="true"' in page
    assert reverse("intake:download", args=[overview.pk]) in page  # for a browser with no viewer
    assert (
        page.index('id="lines-heading"')
        < page.index('id="viewer"')
        < page.index('id="proposal-heading"')
    )


def test_bob_picks_an_image_and_sees_it_with_a_text_alternative(
    client: Client, alice: User, bob: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    scan = receipt(claim, "scan.jpg", "image/jpeg")
    page = claim_page(signed_in(client, bob), claim, document=str(scan.pk))
    inline = reverse("intake:inline", args=[scan.pk])
    assert f'<img src="{inline}" alt="itemised receipts (file scan.jpg)">' in page
    assert "<iframe" not in page


@pytest.mark.parametrize("asked", ["other-claim", "no-file", "not-viewable", "not a number"])
def test_a_document_that_cannot_be_shown_here_is_not_shown(
    client: Client, alice: User, carol: User, bob: User, asked: str
) -> None:
    claim = submitted_claim(alice, "300.00")
    documents = {
        "other-claim": submitted_claim(carol, "300.00").attachments.get(),
        "no-file": Attachment.objects.create(claim=claim, document_type="receipt"),
        "not-viewable": receipt(claim, "scan.tiff", "image/tiff"),
    }
    document = documents.get(asked)
    page = claim_page(
        signed_in(client, bob), claim, document=str(document.pk) if document else asked
    )
    assert "That document cannot be shown here." in page
    assert "<iframe" not in page and "<img" not in page
    if document is not None:
        assert reverse("intake:inline", args=[document.pk]) not in page


def test_a_document_with_no_viewer_is_listed_without_a_link(
    client: Client, alice: User, bob: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    tiff = receipt(claim, "scan.tiff", "image/tiff")
    page = claim_page(signed_in(client, bob), claim)
    assert "scan.tiff" in page and f"?document={tiff.pk}" not in page


def test_the_claim_page_asks_the_database_the_same_few_questions_for_many_documents(
    client: Client,
    alice: User,
    bob: User,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    claim = submitted_claim(alice, "300.00")
    signed_in(client, bob)
    shown = str(claim.attachments.get().pk)
    url = reverse("workspace:claim", args=[claim.reference])
    client.get(url, {"document": shown})  # the session and the like, once
    # 14, and 6 for what was read from the documents (intake.found: readings, lines read,
    # the lines beside them, the categories offered by the scheme's version in force, where
    # lines were added from).
    with django_assert_max_num_queries(20) as few:
        client.get(url, {"document": shown})
    for number in range(30):
        receipt(claim, f"scan-{number}.png", "image/png")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url, {"document": shown})
    assert len(response.context["attachments"]) == 31


def test_carol_is_refused_the_claim_page_with_a_document(
    client: Client, alice: User, carol: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    overview = claim.attachments.get()
    response = signed_in(client, carol).get(
        reverse("workspace:claim", args=[claim.reference]), {"document": overview.pk}
    )
    assert response.status_code == 403
    assert reverse("intake:inline", args=[overview.pk]).encode() not in response.content


def test_a_document_not_checked_says_so_and_cannot_be_picked(
    client: Client, alice: User, bob: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    waiting = Attachment.objects.create(
        claim=claim, document_type="receipt", check_status=CheckStatus.PENDING
    )
    refused = Attachment.objects.create(
        claim=claim,
        document_type="receipt",
        check_status=CheckStatus.REFUSED,
        refusal_code="corrupt",
        refusal_reason={"en": "The picture could not be read."},
    )
    page = claim_page(signed_in(client, bob), claim, document=str(waiting.pk))
    assert "Being checked" in page
    assert "Refused</strong>: The picture could not be read." in page
    for attachment in (waiting, refused):
        assert f'href="?document={attachment.pk}#viewer"' not in page
        assert reverse("intake:inline", args=[attachment.pk]) not in page
    assert "That document cannot be shown here." in page

"""The schemes' pages in the workspace: a new version uploaded or edited, its problems named,
its dry run shown claim by claim, and its approval; for administrators of the schemes only."""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from refusjon.claims import services as claims
from refusjon.claims.models import AuditEntry, SchemeVersion, SchemeVersionStatus, User
from refusjon.reassessment import services
from tests.conftest import Clock
from tests.reassessment.conftest import SIS, SUBMITTED, decided_sis_claim, sis_with
from tests.workspace.conftest import signed_in

SEPTEMBER = SUBMITTED.date().replace(year=2025, month=9, day=10)


def send(client: Client, text: str = "", upload: bytes | None = None) -> object:
    data: dict[str, object] = {
        "effective_from": "2025-07-01",
        "note": "Deductible 500",
        "text": text,
    }
    if upload is not None:
        data["upload"] = SimpleUploadedFile("sis.yaml", upload, content_type="text/yaml")
    return client.post(reverse("workspace:scheme_new", args=["sis"]), data)


def test_the_schemes_pages_are_for_administrators_of_the_schemes(
    client: Client, bob: User, alice: User
) -> None:
    for user in (bob, alice):
        signed_in(client, user)
        assert client.get(reverse("workspace:schemes")).status_code == 403
        assert send(client, SIS).status_code == 403  # type: ignore[attr-defined]
    assert not SchemeVersion.objects.exists()


def test_the_new_version_form_starts_from_the_scheme_as_it_is(client: Client, ada: User) -> None:
    page = signed_in(client, ada).get(reverse("workspace:scheme_new", args=["sis"]))
    assert page.status_code == 200
    assert "value: 800" in page.content.decode()


def test_a_file_with_problems_is_shown_with_each_key_and_nothing_is_kept(
    client: Client, ada: User
) -> None:
    broken = SIS.replace("value: 0.40\n", "value: 1.40\n")
    page = send(signed_in(client, ada), broken)
    assert page.status_code == 400  # type: ignore[attr-defined]
    shown = page.content.decode()  # type: ignore[attr-defined]
    assert "sis.yaml: figures.share.values.0.value: " in shown
    assert not SchemeVersion.objects.exists()


def test_an_uploaded_version_is_tried_and_approved_from_its_page(
    client: Client, alice: User, bob: User, ada: User
) -> None:
    claim = decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    signed_in(client, ada)
    sent = send(client, upload=sis_with(deductible="500").encode())
    version = SchemeVersion.objects.get()
    assert sent.url == reverse("workspace:scheme_version", args=["sis", 1])  # type: ignore[attr-defined]
    page = client.get(sent.url).content.decode()  # type: ignore[attr-defined]
    assert claim.reference in page
    assert "120,00" in page  # the difference, as bokmål writes it (the site's language)
    assert AuditEntry.objects.filter(action="schemes.version.viewed", actor=ada).exists()
    # the student's access log shows that her claim was looked at, and why
    assert (
        AuditEntry.objects.get(action="claims.claim.viewed", actor=ada, claim=claim).purpose
        == "scheme change"
    )
    client.post(reverse("workspace:scheme_approve", args=["sis", 1]))
    version.refresh_from_db()
    assert version.status == SchemeVersionStatus.APPROVED
    decision = claims.current_decision(claim)
    assert decision is not None and str(decision.refund_nok) == "200.00"
    assert "1 sak ble avgjort på nytt" in client.get(sent.url).content.decode()  # type: ignore[attr-defined]


def test_the_file_of_a_version_is_downloaded_as_it_was_sent(client: Client, ada: User) -> None:
    send(signed_in(client, ada), SIS)
    file = client.get(reverse("workspace:scheme_version_file", args=["sis", 1]))
    assert file["Content-Disposition"] == 'attachment; filename="sis-v1.yaml"'
    assert file.content.decode() == SIS


def test_the_schemes_page_lists_every_scheme_and_its_versions(client: Client, ada: User) -> None:
    send(signed_in(client, ada), SIS)
    page = client.get(reverse("workspace:schemes")).content.decode()
    assert "Deductible 500" in page
    assert page.count("<h2 ") >= 9


def test_a_discarded_version_cannot_be_approved(client: Client, ada: User) -> None:
    send(signed_in(client, ada), SIS)
    client.post(reverse("workspace:scheme_discard", args=["sis", 1]))
    client.post(reverse("workspace:scheme_approve", args=["sis", 1]), follow=True)
    assert SchemeVersion.objects.get().status == SchemeVersionStatus.DISCARDED


def test_the_students_guide_follows_the_version_in_force(
    client: Client, alice: User, ada: User, clock: Clock
) -> None:
    clock.set(datetime(2026, 4, 15, 10, 0, tzinfo=UTC))  # the study year 2025-2026
    version = services.propose_version(
        "sis",
        text=sis_with(deductible="500"),
        effective_from=date(2025, 7, 1),
        note="500",
        by=ada,
    )
    services.approve_version(version, by=ada)
    page = signed_in(client, alice).get(
        reverse("portal:scheme_guide", args=["sis"]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "You pay the first NOK 500 yourself" in page.content.decode()

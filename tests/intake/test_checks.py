"""An upload is checked in a background job: the request keeps it as received and answers at
once, the claim page says it is being checked, and only once the worker has checked it is the
cleaned file shown, or the reason it was refused. Run with the database backend and its worker,
on both databases."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from pytest_django import Settings

from refusjon import jobs
from refusjon.claims import appeals
from refusjon.claims import services as claims
from refusjon.claims.models import Attachment, AuditEntry, CheckStatus, Claim, User
from refusjon.intake import checks, services
from refusjon.intake.bounds import DecodingLimits
from refusjon.intake.errors import CORRUPT, TOO_MUCH_CONTENT
from refusjon.intake.images import _unreadable
from refusjon.intake.uploads import CheckedUpload
from tests.conftest import Clock
from tests.factories import NOW, decide, sio_claim, sio_draft
from tests.intake.bombs import MB, deflated, pdf_with_content
from tests.intake.documents import overview_pdf
from tests.intake.files import image_bytes, jpeg, noisy, pdf, png
from tests.jobs import run_worker, use_database_jobs

LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def media(tmp_path: Path, settings: Settings) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(autouse=True)
def database_jobs(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Jobs wait in the database for the worker, as on the site. The worker runs in the test's
    transaction, so it must not close the connection between jobs as it does on the site (the
    test's transaction would go with it, on PostgreSQL)."""
    use_database_jobs(settings)
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def upload(client: Client, claim: Claim, data: bytes, name: str) -> Any:
    return client.post(
        reverse("intake:upload", args=[claim.reference]),
        {
            "document_type": "user_fee_overview",
            "language": "no",
            "file": SimpleUploadedFile(name, data),
        },
    )


def signed_in(user: User, language: str = "en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def alices_overview(alice: User) -> bytes:
    """The overview of user fees with alice's name and her January fee, which the reader reads
    (her name on it is what makes it count; docs/decisions.md, E1)."""
    alice.first_name, alice.last_name = "Alice", "Sæther"
    alice.save()
    return overview_pdf(
        "Alice Sæther", [(NOW.date().replace(month=1, day=10), "Legesenter", "700.00")]
    )


def stored(media: Path, folder: str) -> list[Path]:
    return [path for path in (media / folder).rglob("*") if path.is_file()]


def polls(page: str) -> str:
    """What the claim page's list of documents asks for again every two seconds, if it does."""
    list_tag = page.split('<div id="attachment-list"')[1].split(">")[0]
    if 'hx-trigger="every 2s"' not in list_tag:
        return ""
    return list_tag.split('hx-get="')[1].split('"')[0].split("/attachments/")[1]


def truncated_photo() -> bytes:
    """A JPEG whose first bytes are right and whose pixels stop halfway."""
    whole = image_bytes(noisy((64, 48)), "JPEG")
    return whole[: len(whole) // 2]


def test_an_upload_is_being_checked_until_the_worker_has_checked_it(
    alice: User, bob: User, media: Path
) -> None:
    claim = sio_draft(alice, "700.00")
    student = signed_in(alice)

    assert upload(student, claim, alices_overview(alice), "egenandeler.pdf").status_code == 302

    attachment = Attachment.objects.get(claim=claim)
    assert attachment.check_status == CheckStatus.PENDING and not attachment.file
    assert stored(media, "quarantine") and not stored(media, "attachments")
    page = student.get(reverse("portal:claim", args=[claim.reference])).content.decode()
    assert "being checked" in page
    assert polls(page) == f"?checking={attachment.pk}"
    assert reverse("intake:download", args=[attachment.pk]) not in page
    for viewer in (student, signed_in(bob)):
        for name in ("intake:download", "intake:inline"):
            assert viewer.get(reverse(name, args=[attachment.pk])).status_code == 404
    assert claims.estimate(claim).record["outcome"] == "returned"  # not counted yet

    run_worker()

    attachment.refresh_from_db()
    assert attachment.check_status == CheckStatus.OK
    assert attachment.file.name.endswith(".pdf") and not attachment.unchecked_file
    assert stored(media, "quarantine") == [] and len(stored(media, "attachments")) == 1
    download = student.get(reverse("intake:download", args=[attachment.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    page = student.get(reverse("portal:claim", args=[claim.reference])).content.decode()
    assert "being checked" not in page and not polls(page)
    assert reverse("intake:download", args=[attachment.pk]) in page
    assert claims.estimate(claim).record["outcome"] == "approved"
    actions = AuditEntry.objects.filter(claim=claim).values_list("action", "actor")
    assert list(actions.filter(action__startswith="intake.")) == [
        ("intake.document.uploaded", alice.pk),
        ("intake.document.checked", None),
        ("intake.document.read", None),
    ]


def test_a_damaged_photo_is_refused_by_the_check_and_the_student_reads_why(
    alice: User, bob: User, media: Path
) -> None:
    claim = sio_draft(alice, "700.00")
    student = signed_in(alice)

    assert upload(student, claim, truncated_photo(), "kvittering.jpg").status_code == 302
    run_worker()

    attachment = Attachment.objects.get(claim=claim)
    assert (attachment.check_status, attachment.refusal_code) == (CheckStatus.REFUSED, CORRUPT)
    assert not attachment.file and not attachment.unchecked_file
    assert stored(media, "quarantine") == [] and stored(media, "attachments") == []
    assert student.get(reverse("intake:download", args=[attachment.pk])).status_code == 404
    page = student.get(reverse("portal:claim", args=[claim.reference])).content.decode()
    assert "not accepted" in page and str(_unreadable()) in page
    with translation.override("nb"):
        in_bokmal = str(_unreadable())
    assert in_bokmal != str(_unreadable())
    page = signed_in(alice, "nb").get(reverse("portal:claim", args=[claim.reference]))
    assert in_bokmal in page.content.decode()
    workspace = signed_in(bob).get(reverse("workspace:claim", args=[claim.reference]))
    assert "Refused" in workspace.content.decode()
    assert reverse("intake:inline", args=[attachment.pk]) not in workspace.content.decode()
    assert AuditEntry.objects.get(action="intake.document.refused").data == {
        "attachment": attachment.pk,
        "code": CORRUPT,
    }


def test_the_quick_checks_still_answer_in_the_request(alice: User, media: Path) -> None:
    claim = sio_draft(alice, "700.00")
    student = signed_in(alice)

    upload(student, claim, b"MZ\x90\x00 not a pdf", "kvittering.pdf")

    assert not Attachment.objects.filter(claim=claim).exists()
    assert stored(media, "quarantine") == []
    page = student.get(reverse("portal:claim", args=[claim.reference])).content.decode()
    assert "This type of file cannot be used." in page


def test_running_the_check_twice_changes_nothing(alice: User, media: Path) -> None:
    claim = sio_draft(alice, "700.00")
    attachment = services.attach_document(
        claim, by=alice, data=png(), filename="scan.png", document_type="receipt", now=NOW
    )
    checks.check_document.enqueue(attachment.pk)  # asked for twice

    run_worker()
    checks.check_document.call(attachment.pk)  # and once more, by hand

    attachment.refresh_from_db()
    assert attachment.check_status == CheckStatus.OK
    assert stored(media, "attachments") == [media / attachment.file.name]
    assert AuditEntry.objects.filter(action="intake.document.checked").count() == 1


def test_a_run_that_finds_the_check_done_meanwhile_keeps_nothing_of_its_own(
    alice: User, media: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = sio_draft(alice, "700.00")
    attachment = services.attach_document(
        claim, by=alice, data=png(), filename="scan.png", document_type="receipt", now=NOW
    )
    real_check = checks.check_upload

    def overtaken(data: bytes, *, filename: str, limits: DecodingLimits) -> CheckedUpload:
        """Another run checks the upload and finishes while this one is decoding."""
        checked = real_check(data, filename=filename, limits=limits)
        monkeypatch.setattr(checks, "check_upload", real_check)
        checks.check_document.call(attachment.pk)
        return checked

    monkeypatch.setattr(checks, "check_upload", overtaken)
    checks.check_document.call(attachment.pk)

    attachment.refresh_from_db()
    assert attachment.check_status == CheckStatus.OK
    assert stored(media, "attachments") == [media / attachment.file.name]
    assert stored(media, "quarantine") == []
    assert AuditEntry.objects.filter(action="intake.document.checked").count() == 1


def test_a_check_that_fails_is_tried_again_and_then_shown_to_staff(
    alice: User, media: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(data: bytes, *, filename: str, limits: DecodingLimits) -> CheckedUpload:
        raise RuntimeError("the decoder crashed")

    mended = checks.check_upload
    monkeypatch.setattr(checks, "check_upload", crash)
    claim = sio_draft(alice, "700.00")
    attachment = services.attach_document(
        claim, by=alice, data=png(), filename="scan.png", document_type="receipt"
    )
    # A retry waits 1, 2, 4 and 8 minutes by the one clock; the worker finds it due by the
    # wall clock. Set back far, the one clock has every pause over at once, on any day.
    clock.set(LONG_AGO)

    run_worker()

    attempts = DBTaskResult.objects.filter(task_path="refusjon.intake.checks.check_document")
    assert sorted(attempts.values_list("exception_class_path", flat=True)) == [
        "builtins.RuntimeError",
        *[jobs.WILL_RETRY] * 4,
    ]
    [failed] = jobs.failed_jobs(since=LONG_AGO)
    assert failed.path == "refusjon.intake.checks.check_document"
    assert (failed.arguments, failed.attempts) == (str(attachment.pk), 5)
    assert "the decoder crashed" in failed.error
    assert str(failed.label) == "Check an uploaded document"
    attachment.refresh_from_db()
    assert attachment.check_status == CheckStatus.PENDING  # the upload is kept, to try again
    assert attachment.unchecked_file and stored(media, "quarantine")

    monkeypatch.setattr(checks, "check_upload", mended)  # staff mend it, and try it again
    assert jobs.try_failed_again(failed.id) is not None
    run_worker()

    attachment.refresh_from_db()
    assert attachment.check_status == CheckStatus.OK
    assert jobs.failed_jobs(since=LONG_AGO) == []


def test_a_claim_is_not_sent_while_a_document_is_being_checked(alice: User) -> None:
    claim = sio_draft(alice, "700.00")
    services.attach_document(
        claim,
        by=alice,
        data=alices_overview(alice),
        filename="overview.pdf",
        document_type="user_fee_overview",
    )

    with pytest.raises(claims.ClaimError, match="still being checked"):
        claims.submit_claim(claim, by=alice, token="t", now=NOW)

    run_worker()
    claims.submit_claim(claim, by=alice, token="t", now=NOW)
    assert claim.assessments.get().outcome == "approved"  # the overview counted


def test_a_student_who_sends_too_soon_is_told_to_wait(alice: User) -> None:
    claim = sio_draft(alice, "700.00")
    student = signed_in(alice)
    upload(student, claim, png(), "overview.png")
    page = student.get(reverse("portal:claim", args=[claim.reference])).content.decode()
    token = page.split('name="token" value="')[1].split('"')[0]

    response = student.post(reverse("portal:submit", args=[claim.reference]), {"token": token})

    claim.refresh_from_db()
    assert claim.status == "draft"
    assert "A document is still being checked." in student.get(response.url).content.decode()


def test_a_refused_document_does_not_hold_the_claim_up_and_does_not_count(alice: User) -> None:
    claim = sio_draft(alice, "700.00")
    services.attach_document(
        claim,
        by=alice,
        data=truncated_photo(),
        filename="overview.jpg",
        document_type="user_fee_overview",
    )
    run_worker()

    claims.submit_claim(claim, by=alice, token="t", now=NOW)

    assert claim.assessments.get().outcome == "returned"  # the overview is still missing


def test_an_appeal_is_not_sent_while_its_document_is_being_checked(alice: User, bob: User) -> None:
    claim = sio_claim(alice, "300.00", "300.00")
    decide(claim, alice, bob)
    appeal = appeals.save_appeal(claim, by=alice, text="The March visit was urgent.", now=NOW)
    services.attach_appeal_document(
        appeal, by=alice, data=jpeg(), filename="letter.jpg", document_type="medical_documentation"
    )

    with pytest.raises(claims.ClaimError, match="still being checked"):
        appeals.submit_appeal(appeal, by=alice, now=NOW)
    page = signed_in(alice).get(reverse("portal:appeal", args=[claim.reference]))
    assert "being checked" in page.content.decode()

    run_worker()
    assert appeals.submit_appeal(appeal, by=alice, now=NOW).status == "submitted"


def test_the_check_holds_an_upload_to_the_bounds_in_the_settings(
    alice: User, settings: Settings
) -> None:
    settings.REFUSJON_PDF_MAX_STREAM_MB = 1
    claim = sio_draft(alice, "700.00")
    unpacks_to_two_mb = pdf(pdf_with_content(deflated(2 * MB)))

    assert upload(signed_in(alice), claim, unpacks_to_two_mb, "kvittering.pdf").status_code == 302
    run_worker()

    attachment = Attachment.objects.get(claim=claim)
    assert (attachment.check_status, attachment.refusal_code) == (
        CheckStatus.REFUSED,
        TOO_MUCH_CONTENT,
    )
    assert "more than 1 MB" in attachment.refusal_reason["en"]


def test_the_server_checks_with_the_same_bounds_as_a_check_given_none() -> None:
    # The settings' defaults (docs/configuration.md) and DecodingLimits' defaults (used by the
    # command line and the benchmarks) are written twice: this keeps them one.
    assert checks.decoding_limits() == DecodingLimits()

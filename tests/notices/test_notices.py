"""A student is told of every step of their claim by e-mail, received here by a real SMTP
server on 127.0.0.1: a receipt with the expected decision date, a return with its deadline and
a reminder three days before it, the decision, the payment, a repayment claimed, an appeal
received and handled, and an interim reply once the claim passes the processing target. Each
in the student's language, with a link to the portal page and nothing about their health, and
each once."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from refusjon.claims import appeals, services
from refusjon.claims.models import Claim, StudentProfile, User
from refusjon.notices import services as notices
from refusjon.notices.models import NoticeKind, SentNotice
from refusjon.payouts import services as payouts
from refusjon.payouts.models import PaymentStatus, RunStatus
from tests.conftest import Clock
from tests.factories import NOW, decide, in_review, sio_claim
from tests.notices.conftest import SITE, Mailbox, body, free_port
from tests.payouts.conftest import ALICE_ACCOUNT
from tests.payouts.test_recoveries import _payment, paid_claim, recovery_of

# What the claims below are about, which no message may mention: the GP visits, their fees and
# the refund.
HEALTH = re.compile(
    r"\b(gp|fastlege|lege|doctor|treatment|behandling|egenandel|user fee|300|600|110|NOK|kr)\b",
    re.IGNORECASE,
)


def claim_of(student: User) -> Claim:
    return sio_claim(student, "300.00", "300.00")


def submitted(student: User) -> Claim:
    claim = claim_of(student)
    services.submit_claim(claim, by=student, token="t-" + claim.reference, now=NOW)
    return claim


def assert_tells(mailbox: Mailbox, student: User, claim: Claim, *, subject: str) -> str:
    """One message to the student about the claim, with the link to its page and nothing of
    their health in it; its text."""
    message = mailbox.one()
    assert message["To"] == student.email and message["X-Envelope-To"] == student.email
    assert message["From"] == "refusjon@sio.example.no"
    assert subject in message["Subject"]
    assert claim.reference in message["Subject"]
    text = body(message)
    assert f"{SITE}/claim/{claim.reference}/" in text
    assert not HEALTH.search(message["Subject"] + "\n" + text), text
    return text


def test_a_receipt_in_bokmål_names_the_reference_and_the_expected_decision_date(
    smtp: Mailbox, alice: User
) -> None:
    claim = submitted(alice)
    text = assert_tells(smtp, alice, claim, subject="Vi har mottatt søknaden din")
    assert smtp.one()["Content-Language"] == "nb"
    # The receipt's PDF lists the expenses: it stays behind the sign-in, the mail links there.
    assert not list(smtp.one().iter_attachments())
    assert "2. november 2026" in text  # received
    assert "2. desember 2026" in text  # thirty days on: REFUSJON_PROCESSING_TARGET_DAYS


def test_a_receipt_in_english_for_a_student_who_chose_english(
    smtp: Mailbox, carol: User, settings: Settings
) -> None:
    settings.REFUSJON_PROCESSING_TARGET_DAYS = 21
    claim = submitted(carol)
    text = assert_tells(smtp, carol, claim, subject="We have received your claim")
    assert smtp.one()["Content-Language"] == "en"
    assert "Nov. 23, 2026" in text  # Django's English date format


def test_a_returned_claim_says_how_much_is_missing_and_the_deadline(
    smtp: Mailbox, alice: User, bob: User
) -> None:
    claim = in_review(claim_of(alice), alice, bob)
    smtp.clear()
    services.return_claim(
        claim,
        by=bob,
        missing=["receipt", "referral"],
        message="The March receipt from the GP is unreadable.",
        complete_by=date(2026, 11, 16),
        now=NOW,
    )
    text = assert_tells(smtp, alice, claim, subject="trenger mer fra deg")
    assert "2 dokumenter mangler" in text
    assert "16. november 2026" in text
    assert "unreadable" not in text  # the caseworker's words stay on the page


def test_a_reminder_goes_three_days_before_the_deadline_once(
    smtp: Mailbox, alice: User, bob: User, clock: Clock
) -> None:
    claim = in_review(claim_of(alice), alice, bob)
    services.return_claim(
        claim, by=bob, missing=["receipt"], complete_by=date(2026, 11, 16), now=NOW
    )
    smtp.clear()
    clock.set(NOW + timedelta(days=10))  # 12 November: four days before
    assert notices.ask_daily_notices() == 0
    assert smtp.messages == []
    clock.set(NOW + timedelta(days=11))  # 13 November: three days before
    assert notices.ask_daily_notices() == 1
    text = assert_tells(smtp, alice, claim, subject="Påminnelse")
    assert "16. november 2026" in text
    clock.set(NOW + timedelta(days=12))  # the next day's run sends no second reminder
    assert notices.ask_daily_notices() == 0
    assert len(smtp.messages) == 1


def test_a_decision_points_to_the_letter_and_the_appeal_deadline(
    smtp: Mailbox, alice: User, bob: User
) -> None:
    claim = in_review(claim_of(alice), alice, bob)
    smtp.clear()
    services.decide_claim(claim, by=bob, now=NOW)
    text = assert_tells(smtp, alice, claim, subject="er avgjort")
    assert "23. november 2026" in text  # three weeks to appeal


def test_a_payment_says_when_and_to_which_account_masked(
    smtp: Mailbox, alice: User, bob: User
) -> None:
    claim = sio_claim(alice, "300.00", "300.00")
    decide(claim, alice, bob)
    payment = _payment(
        claim, status=PaymentStatus.SENT, run_status=RunStatus.FROZEN, on=date(2026, 11, 10), by=bob
    )
    payment.account = ALICE_ACCOUNT
    payment.save(update_fields=["account"])
    smtp.clear()
    payouts.mark_paid(payment, now=NOW + timedelta(days=8))
    text = assert_tells(smtp, alice, claim, subject="er utbetalt")
    assert "10. november 2026" in text
    assert "•••••••7947" in text and ALICE_ACCOUNT not in text


def test_a_recovery_links_to_its_letter(smtp: Mailbox, alice: User, bob: User) -> None:
    claim = paid_claim(alice, bob, "300.00", "300.00")
    smtp.clear()
    recovery = recovery_of(claim, bob, "60.00")
    message = smtp.one()
    text = body(message)
    assert recovery.reference in message["Subject"]
    assert f"{SITE}/recovery/{recovery.reference}/" in text
    assert "23. november 2026" in text
    # The amount is not told (the reference, random hex, may hold "60" by chance).
    assert "60" not in text.replace(recovery.reference, "") and "insurer" not in text
    assert not HEALTH.search(text)


def test_an_appeal_is_acknowledged_and_its_outcome_told(
    smtp: Mailbox, alice: User, bob: User, dave: User
) -> None:
    claim = sio_claim(alice, "300.00", "300.00")
    decide(claim, alice, bob)
    smtp.clear()
    appeal = appeals.save_appeal(claim, by=alice, text="My GP visit in March counts.", now=NOW)
    appeals.submit_appeal(appeal, by=alice, now=NOW)
    text = assert_tells(smtp, alice, claim, subject="mottatt klagen din")
    assert "March" not in text
    smtp.clear()
    appeals.uphold_appeal(appeal, by=dave, note="The rules say otherwise.", now=NOW)
    text = assert_tells(smtp, alice, claim, subject="Klagen din")
    assert "står seg" in text and "otherwise" not in text


def test_a_decision_changed_on_appeal_is_told_once(
    smtp: Mailbox, alice: User, bob: User, dave: User
) -> None:
    claim = sio_claim(alice, "300.00", "300.00")
    decide(claim, alice, bob)
    appeal = appeals.save_appeal(claim, by=alice, text="Please look again.", now=NOW)
    appeals.submit_appeal(appeal, by=alice, now=NOW)
    smtp.clear()
    appeals.change_decision(appeal, by=dave, note="Looked again.", now=NOW)
    text = assert_tells(smtp, alice, claim, subject="Klagen din")
    assert "endret vedtaket" in text


def test_an_interim_reply_once_the_claim_passes_the_processing_target(
    smtp: Mailbox, alice: User, clock: Clock
) -> None:
    claim = submitted(alice)
    smtp.clear()
    clock.set(NOW + timedelta(days=30))  # on the target day: not late yet
    assert notices.ask_daily_notices() == 0
    clock.set(NOW + timedelta(days=31))
    assert notices.ask_daily_notices() == 1
    text = assert_tells(smtp, alice, claim, subject="tar lengre tid")
    assert "17. desember 2026" in text  # 3 December and two weeks
    clock.set(NOW + timedelta(days=32))
    assert notices.ask_daily_notices() == 0
    assert len(smtp.messages) == 1


def test_a_student_who_chose_no_messages_gets_none(smtp: Mailbox, alice: User) -> None:
    StudentProfile.objects.filter(user=alice).update(notice_channel="none")
    submitted(alice)
    assert smtp.messages == []
    assert SentNotice.objects.get(kind=NoticeKind.RECEIPT).channel == "none"


def test_a_notice_is_sent_once_however_often_its_job_runs(smtp: Mailbox, alice: User) -> None:
    claim = submitted(alice)
    sent = SentNotice.objects.get(kind=NoticeKind.RECEIPT)
    assert notices.deliver(NoticeKind.RECEIPT, claim.pk, key=sent.key) is None
    notices.send_notice.enqueue(NoticeKind.RECEIPT, claim.pk, sent.key)
    assert len(smtp.messages) == 1


def test_a_notice_that_could_not_be_sent_is_sent_when_tried_again(
    smtp: Mailbox, alice: User, settings: Settings
) -> None:
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nobody listens there
    claim = submitted(alice)
    assert smtp.messages == [] and not SentNotice.objects.exists()
    settings.EMAIL_PORT = port
    key = f"{NoticeKind.RECEIPT}:retry"
    assert notices.deliver(NoticeKind.RECEIPT, claim.pk, key=key) is not None
    assert notices.deliver(NoticeKind.RECEIPT, claim.pk, key=key) is None
    assert len(smtp.messages) == 1


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_profile_page_keeps_the_students_choice(alice: User, language: str) -> None:
    client = Client()
    client.force_login(alice)
    page = client.get(reverse("portal:profile"))
    assert b'name="notice_channel"' in page.content
    form = page.context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, False)}
    assert form.initial["email"] == "alice@student.example.no"
    data.update(
        bank_account=ALICE_ACCOUNT,
        email="alice.new@example.no",
        notice_channel="none",
        notice_language=language,
    )
    answer = client.post(reverse("portal:profile"), data)
    assert answer.status_code == 302, answer.context["form"].errors
    profile = StudentProfile.objects.get(user=alice)
    assert (profile.notice_channel, profile.notice_language) == ("none", language)
    alice.refresh_from_db()
    assert alice.email == "alice.new@example.no"


def test_a_student_without_an_address_gets_no_message_until_they_give_one(
    smtp: Mailbox, alice: User
) -> None:
    User.objects.filter(pk=alice.pk).update(email="")  # the national sign-in gives none
    alice.refresh_from_db()
    submitted(alice)
    assert smtp.messages == []
    notices.set_address(alice, by=alice, email="alice@student.example.no")
    submitted(alice)
    assert len(smtp.messages) == 1


def test_the_language_of_the_site_is_kept_until_the_student_chooses(
    smtp: Mailbox, alice: User
) -> None:
    from django.utils import translation

    StudentProfile.objects.filter(user=alice).update(notice_language="")
    with translation.override("en"):
        submitted(alice)
    assert smtp.one()["Content-Language"] == "en"
    assert StudentProfile.objects.get(user=alice).notice_language == "en"


def test_amounts_never_reach_the_message(smtp: Mailbox, alice: User, bob: User) -> None:
    claim = sio_claim(alice, "1234.00")
    decide(claim, alice, bob)
    assert smtp.messages
    for message in smtp.messages:
        text = body(message).replace(claim.reference, "")  # random hex may hold the digits
        assert "1234" not in text and "1 234" not in text
